//! Every kind of DOCX jianbao writes is valid Office Open XML: no finding
//! from `openxml-audit`, the independent validator (LibreOffice opens
//! almost anything; Word repairs or refuses what breaks the schema). The
//! end-block-alone variants are checked in `end_block_page.rs`.

mod common;

use std::path::PathBuf;

use common::{assert_valid_ooxml, jianbao};

/// Builds a DOCX with `args` after `build` and returns its path.
fn docx(dir: &std::path::Path, args: &[&str]) -> PathBuf {
    let out = dir.to_str().unwrap();
    let mut all = vec!["build"];
    all.extend(args);
    all.extend(["--out", out, "--format", "docx"]);
    let run = jianbao(&all);
    assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
    std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .find(|path| path.extension().is_some_and(|e| e == "docx"))
        .expect("a DOCX is written")
}

#[test]
fn the_example_briefing_is_valid() {
    let dir = tempfile::tempdir().unwrap();
    assert_valid_ooxml(&docx(dir.path(), &[]));
}

#[test]
fn the_official_document_is_valid() {
    let dir = tempfile::tempdir().unwrap();
    assert_valid_ooxml(&docx(dir.path(), &["--template", "tongbao"]));
}

#[test]
fn the_briefing_without_charts_is_valid() {
    let dir = tempfile::tempdir().unwrap();
    assert_valid_ooxml(&docx(dir.path(), &["--no-charts"]));
}

#[test]
fn the_county_example_is_valid_in_both_templates() {
    for template in ["jianbao", "tongbao"] {
        let dir = tempfile::tempdir().unwrap();
        assert_valid_ooxml(&docx(
            dir.path(),
            &[
                "examples/county/progress/2026-11.yaml",
                "--speech",
                "examples/county/speech.txt",
                "--style",
                "examples/county/style.toml",
                "--template",
                template,
            ],
        ));
    }
}
