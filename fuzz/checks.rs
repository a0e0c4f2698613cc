//! What the fuzz targets check, one function per target. Shared by the
//! targets (`fuzz_targets/`) and by `tests/fuzz_corpus.rs`, which replays
//! the kept corpus with the stable toolchain on every `cargo test`.

use std::collections::HashSet;
use std::path::Path;
use std::sync::LazyLock;

use jianbao::briefing::compose;
use jianbao::render::pdf::{FontLibrary, PdfOptions, TemplateChoice};
use jianbao::render::{docx, pdf};
use jianbao::source::SourceFile;
use jianbao::speech::Outline;
use jianbao::style::Style;

/// The shipped speech's outline, which progress files refer to.
static OUTLINE: LazyLock<Outline> =
    LazyLock::new(|| jianbao::speech::parse(include_str!("../data/speech.txt")));

/// A speech file's bytes (text or `.docx`), read as `jianbao` reads one:
/// never a panic, and every node of the outline has a unique id it can be
/// found by.
pub fn speech(bytes: &[u8]) {
    let Ok(file) = jianbao::speech::decode(Path::new("speech.txt"), bytes) else {
        return;
    };
    let (file, _warnings) = SourceFile::without_invisible(&file);
    let outline = jianbao::speech::parse(&file.text);
    let mut ids = HashSet::new();
    for node in outline.nodes() {
        assert!(ids.insert(node.id.clone()), "duplicate id {}", node.id);
        assert!(outline.find(&node.id).is_some(), "{} not found", node.id);
        assert!(!outline.resolve(&node.id).is_empty());
        let _ = outline.resolve(&node.label);
    }
    let _ = outline.commitments();
    let _ = outline.to_string();
}

/// A progress file's bytes against the shipped speech: never a panic; a
/// failure has a diagnostic, and every diagnostic prints (its spans lie
/// inside the text, on character boundaries).
pub fn progress(bytes: &[u8]) {
    let file = match SourceFile::decode(Path::new("2026-11.yaml"), bytes) {
        Ok(file) => file,
        Err(error) => {
            let _ = error.to_string();
            return;
        }
    };
    let (file, warnings) = SourceFile::without_invisible(&file);
    for warning in &warnings {
        let _ = warning.to_string();
    }
    match jianbao::progress::parse(&file, &OUTLINE) {
        Ok(progress) => {
            for warning in &progress.warnings {
                let _ = warning.to_string();
            }
            let _ = jianbao::check::Summary::new(&progress, &OUTLINE).to_string();
        }
        Err(errors) => {
            assert!(!errors.0.is_empty(), "an error without a diagnostic");
            let _ = errors.to_string();
        }
    }
}

/// Progress text through the whole build: a file that loads renders as PDF
/// and DOCX, or fails with a message; never a panic.
pub fn whole_build(text: &str, fonts: &FontLibrary) {
    let file = SourceFile::new(Path::new("2026-11.yaml"), text);
    let Ok(progress) = jianbao::progress::parse(&file, &OUTLINE) else {
        return;
    };
    let briefing = compose(&OUTLINE, &progress, &[]);
    let style = Style::default_style();
    let template = TemplateChoice::Builtin("jianbao".to_string());
    let rendered = pdf::render(&briefing, &style, &template, fonts, &PdfOptions::default())
        .unwrap_or_else(|errors| panic!("the PDF failed: {errors}"));
    let charts = pdf::chart_images(&briefing, &style, fonts)
        .unwrap_or_else(|error| panic!("the charts failed: {error}"));
    docx::render(
        &briefing,
        &style,
        docx::Layout::Briefing,
        &charts,
        rendered.end_block,
    )
    .unwrap_or_else(|error| panic!("the DOCX failed: {error}"));
}

/// A workbook's bytes, read as `jianbao check` reads a 台账: never a panic
/// (the reader crate's own is caught and becomes a message); what reads
/// becomes YAML text that parses or fails with diagnostics that print, and
/// writes back to a workbook that reads again.
pub fn workbook(bytes: &[u8]) {
    let ledger = match jianbao::ledger::read::parse(Path::new("台账.xlsx"), bytes) {
        Ok(ledger) => ledger,
        Err(errors) => {
            assert!(!errors.0.is_empty(), "a refusal says why");
            let _ = errors.to_string();
            return;
        }
    };
    for problem in ledger.warnings.iter().chain(&ledger.errors) {
        let _ = problem.to_string();
    }
    let file = jianbao::ledger::to_yaml::source(&ledger);
    match jianbao::progress::parse(&file, &OUTLINE) {
        Ok(progress) => {
            for warning in &progress.warnings {
                let _ = warning.to_string();
            }
        }
        Err(errors) => {
            assert!(!errors.0.is_empty(), "a failure carries a diagnostic");
            let _ = errors.to_string();
        }
    }
    let written = jianbao::ledger::write::workbook(&ledger, &Default::default())
        .expect("a ledger that was read can be written");
    let again = jianbao::ledger::read::parse(Path::new("again.xlsx"), &written)
        .expect("what jianbao writes, it reads");
    assert_eq!(
        again.tasks.len(),
        ledger.tasks.len(),
        "rows survive a rewrite"
    );
}
