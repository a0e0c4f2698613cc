//! Replays the fuzzers' kept inputs (`fuzz/corpus/`, `fuzz/regressions/`)
//! with the fuzz targets' own checks (`fuzz/checks.rs`), on the stable
//! toolchain: what the fuzzers once found stays fixed, and what they
//! covered stays covered. See `fuzz/README.md`.

use std::path::PathBuf;

use jianbao::render::pdf::FontLibrary;

#[path = "../fuzz/checks.rs"]
mod checks;

/// The files of `fuzz/<kind>/<target>/`, sorted; none when it is missing.
fn inputs(kind: &str, target: &str) -> Vec<PathBuf> {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join(kind)
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| path.is_file())
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// Runs `check` on each input, naming the input that fails.
fn replay(files: &[PathBuf], check: impl Fn(&[u8])) {
    for file in files {
        let bytes = std::fs::read(file).expect("a readable input");
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&bytes)));
        assert!(outcome.is_ok(), "{} fails its check", file.display());
    }
}

#[test]
fn the_speech_corpus_and_regressions_pass() {
    let mut files = inputs("corpus", "speech");
    assert!(files.len() >= 5, "the speech corpus is kept");
    files.extend(inputs("regressions", "speech"));
    replay(&files, checks::speech);
}

#[test]
fn the_speech_docx_corpus_passes() {
    let files = inputs("corpus", "speech_docx");
    assert!(files.len() >= 2, "the .docx speech corpus is kept");
    replay(&files, checks::speech);
}

#[test]
fn the_progress_corpus_and_regressions_pass() {
    let mut files = inputs("corpus", "progress");
    assert!(files.len() >= 3, "the progress corpus is kept");
    files.extend(inputs("regressions", "progress"));
    replay(&files, checks::progress);
}

#[test]
fn the_workbook_corpus_and_regressions_pass() {
    let mut files = inputs("corpus", "workbook");
    assert!(files.len() >= 5, "the workbook corpus is kept");
    files.extend(inputs("regressions", "workbook"));
    replay(&files, checks::workbook);
}

/// The whole build takes a second an input: the regressions and the
/// months the whole-build corpus was seeded with, not the whole corpus
/// (`cargo fuzz cmin` renames what it keeps).
#[test]
fn the_whole_build_regressions_pass() {
    let fonts = FontLibrary::new(&[], false);
    let project = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files = inputs("regressions", "whole_build");
    files.extend(
        [
            "data/progress/2026-10.yaml",
            "data/progress/2026-11.yaml",
            "tests/data/progress/minimal.yaml",
        ]
        .map(|seed| project.join(seed)),
    );
    replay(&files, |bytes| {
        if let Ok(text) = std::str::from_utf8(bytes) {
            checks::whole_build(text, &fonts);
        }
    });
}
