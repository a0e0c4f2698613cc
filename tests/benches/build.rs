//! `cargo bench`: a full build of the example month, phase by phase.
//!
//! Phases: reading the inputs (speech, progress, merge), loading fonts,
//! typst compile + PDF export, DOCX. The whole build is measured too, and
//! how it grows with the number of tasks (generated briefings of 50 to 500
//! tasks: the time should grow about linearly).
//! Typst memoises compilations within a process; the cache is emptied before
//! every iteration so each one measures a cold compile, as a real run is.

use std::path::Path;

#[path = "../common/mod.rs"]
mod common;

use jianbao::briefing::{Briefing, compose};
use jianbao::render::pdf::{FontLibrary, PdfOptions, TemplateChoice};
use jianbao::render::{EndBlockPage, docx, pdf};
use jianbao::style::Style;

fn main() {
    divan::main();
}

fn project(relative: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// Speech + progress → model.
fn merge() -> Briefing {
    let speech = std::fs::read_to_string(project("data/speech.txt")).expect("speech");
    let outline = jianbao::speech::parse(&speech);
    let path = project("data/progress/2026-11.yaml");
    let progress = jianbao::progress::load(&path, &outline).expect("example month is valid");
    let history = jianbao::progress::history::earlier_months(&path, &progress, &outline, None)
        .expect("earlier months load");
    compose(&outline, &progress, &history.months)
}

fn template() -> TemplateChoice {
    TemplateChoice::Builtin("jianbao".to_string())
}

#[divan::bench]
fn inputs_and_merge() -> Briefing {
    merge()
}

#[divan::bench]
fn fonts() -> FontLibrary {
    FontLibrary::new(&[], false)
}

#[divan::bench]
fn pdf_compile_and_export(bencher: divan::Bencher) {
    let briefing = merge();
    let style = Style::default_style();
    let fonts = FontLibrary::new(&[], false);
    let options = PdfOptions::default();
    bencher.bench_local(|| {
        typst::comemo::evict(0);
        pdf::render(&briefing, &style, &template(), &fonts, &options).expect("renders")
    });
}

/// The DOCX writer alone, given the chart pictures (drawn once, outside
/// the measurement: `chart_images` is part of the full build below).
#[divan::bench]
fn docx_writer(bencher: divan::Bencher) {
    let briefing = merge();
    let style = Style::default_style();
    let charts = pdf::chart_images(&briefing, &style, &FontLibrary::new(&[], false))
        .expect("the charts draw");
    bencher.bench_local(|| {
        docx::render(
            &briefing,
            &style,
            docx::Layout::Briefing,
            &charts,
            EndBlockPage::WithText,
        )
        .expect("renders")
    });
}

#[divan::bench(sample_count = 10)]
fn full_build_pdf_and_docx() -> (Vec<u8>, Vec<u8>) {
    typst::comemo::evict(0);
    pdf_and_docx(&merge(), &FontLibrary::new(&[], false))
}

/// The PDF and the DOCX of `briefing`, as `jianbao build` makes them.
fn pdf_and_docx(briefing: &Briefing, fonts: &FontLibrary) -> (Vec<u8>, Vec<u8>) {
    let style = Style::default_style();
    let pdf =
        pdf::render(briefing, &style, &template(), fonts, &PdfOptions::default()).expect("renders");
    let charts = pdf::chart_images(briefing, &style, fonts).expect("draws");
    let docx = docx::render(
        briefing,
        &style,
        docx::Layout::Briefing,
        &charts,
        pdf.end_block,
    )
    .expect("renders");
    (pdf.pdf, docx)
}

/// A generated briefing with `tasks` tasks (10 commitments) and 60
/// indicators, composed.
fn generated(tasks: usize) -> Briefing {
    let (speech, progress) = common::large_case(10, tasks / 10, 60);
    let outline = jianbao::speech::parse(&speech);
    let file = jianbao::source::SourceFile::new("2026-11.yaml", &progress);
    let month = jianbao::progress::parse(&file, &outline).expect("the generated month is valid");
    compose(&outline, &month, &[])
}

#[divan::bench(args = [50, 250, 500], sample_count = 3)]
fn scaling_pdf_and_docx(bencher: divan::Bencher, tasks: usize) {
    let briefing = generated(tasks);
    let fonts = FontLibrary::new(&[], false);
    bencher.bench_local(|| {
        typst::comemo::evict(0);
        pdf_and_docx(&briefing, &fonts)
    });
}
