//! `jianbao build` writes real files: read them back and check what a reader sees.

mod common;

use std::path::{Path, PathBuf};

use common::{have_tool, jianbao, libreoffice_to_pdf, pdf_text, project_file, squeeze, write_temp};

const STEM: &str = "生态文明建设工作简报-2026年第11期";

/// Builds `progress` into `out` with the given formats; panics on failure.
fn build(progress: &Path, out: &Path, formats: &str) -> common::Run {
    let run = jianbao(&[
        "build",
        progress.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--format",
        formats,
    ]);
    assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
    run
}

fn example_month() -> PathBuf {
    project_file("data/progress/2026-11.yaml")
}

/// Every text the clerk wrote for the month, and every commitment label.
fn expected_texts() -> Vec<String> {
    let speech = jianbao::speech::parse(include_str!("../data/speech.txt"));
    let progress = jianbao::progress::load(&example_month(), &speech).expect("valid month");
    let mut texts: Vec<String> = progress.tasks().map(|t| t.progress.clone()).collect();
    texts.extend(
        progress
            .commitments
            .iter()
            .map(|c| speech.find(&c.node_id).expect("resolved").label.clone()),
    );
    texts
}

#[test]
fn the_pdf_is_a4_with_embedded_fonts_and_all_the_content() {
    let dir = tempfile::tempdir().unwrap();
    let run = build(&example_month(), dir.path(), "pdf");
    let pdf_path = dir.path().join(format!("{STEM}.pdf"));
    assert!(
        run.stderr.contains(&format!("{STEM}.pdf")),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("页"),
        "summary names the pages: {}",
        run.stderr
    );

    let document = lopdf::Document::load(&pdf_path).expect("lopdf reads the PDF");
    let pages = document.get_pages();
    assert!(pages.len() >= 3, "a month fills several pages");
    for page_id in pages.values() {
        let page = document.get_dictionary(*page_id).unwrap();
        let media_box = page.get(b"MediaBox").unwrap().as_array().unwrap();
        let number = |o: &lopdf::Object| o.as_float().or_else(|_| o.as_i64().map(|i| i as f32));
        let width = number(&media_box[2]).unwrap() - number(&media_box[0]).unwrap();
        let height = number(&media_box[3]).unwrap() - number(&media_box[1]).unwrap();
        assert!((width - 595.28).abs() < 0.5, "width {width}");
        assert!((height - 841.89).abs() < 0.5, "height {height}");
    }
    let mut descriptors = 0;
    for object in document.objects.values() {
        if let Ok(dict) = object.as_dict()
            && dict.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"FontDescriptor")
        {
            descriptors += 1;
            assert!(
                [&b"FontFile"[..], b"FontFile2", b"FontFile3"]
                    .iter()
                    .any(|key| dict.has(key)),
                "a font is not embedded: {dict:?}"
            );
        }
    }
    assert!(descriptors >= 3, "body, heading and title faces at least");

    if have_tool("pdftotext") {
        let text = squeeze(&pdf_text(&pdf_path));
        for expected in expected_texts() {
            assert!(text.contains(&squeeze(&expected)), "PDF lacks “{expected}”");
        }
        for fixed in ["生态文明建设工作简报", "第11期", "共印60份", "附件1"] {
            assert!(text.contains(fixed), "PDF lacks “{fixed}”");
        }
    }
}

#[test]
fn the_docx_opened_by_libreoffice_shows_the_same_content() {
    if !have_tool("soffice") || !have_tool("pdftotext") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    build(&example_month(), dir.path(), "docx");
    let docx = dir.path().join(format!("{STEM}.docx"));
    let rendered = libreoffice_to_pdf(&docx, dir.path());
    let text = squeeze(&pdf_text(&rendered));
    for expected in expected_texts() {
        assert!(
            text.contains(&squeeze(&expected)),
            "DOCX lacks “{expected}”"
        );
    }
    for fixed in [
        "生态文明建设工作简报",
        "第11期",
        "共印60份",
        "附件1",
        "一、总体进展",
    ] {
        assert!(text.contains(fixed), "DOCX lacks “{fixed}”");
    }
}

#[test]
fn two_builds_give_identical_bytes() {
    let first = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    build(&example_month(), first.path(), "pdf,docx");
    build(&example_month(), second.path(), "pdf,docx");
    for extension in ["pdf", "docx"] {
        let name = format!("{STEM}.{extension}");
        let a = std::fs::read(first.path().join(&name)).unwrap();
        let b = std::fs::read(second.path().join(&name)).unwrap();
        assert!(a == b, "{name} differs between two builds");
    }
}

#[test]
fn png_pages_are_written() {
    let dir = tempfile::tempdir().unwrap();
    build(&example_month(), dir.path(), "png");
    let first = std::fs::read(dir.path().join(format!("{STEM}-1.png"))).unwrap();
    assert_eq!(&first[..8], b"\x89PNG\r\n\x1a\n");
    assert!(!dir.path().join(format!("{STEM}.pdf")).exists());
}

#[test]
fn markup_in_the_progress_text_is_printed_literally() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = r#"#set page(width: 1cm) *x* $x$ <b> </w:t> \ ** &amp; {{x}}"#;
    let minimal = std::fs::read_to_string(project_file("tests/data/progress/minimal.yaml"))
        .unwrap()
        .replacen(
            "progress: 全市空气质量优良天数比例达到88.2%。",
            &format!("progress: '{hostile}'"),
            1,
        );
    let progress = write_temp(dir.path(), "2026-11.yaml", minimal.as_bytes());
    let out = dir.path().join("out");
    build(&progress, &out, "pdf,docx");
    let expected = squeeze(hostile);
    if have_tool("pdftotext") {
        let pdf = squeeze(&pdf_text(&out.join(format!("{STEM}.pdf"))));
        assert!(pdf.contains(&expected), "PDF: {pdf}");
        if have_tool("soffice") {
            let rendered = libreoffice_to_pdf(&out.join(format!("{STEM}.docx")), &out);
            let docx = squeeze(&pdf_text(&rendered));
            assert!(docx.contains(&expected), "DOCX: {docx}");
        }
    }
}

#[test]
fn a_failed_build_leaves_last_months_output_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    build(&example_month(), &out, "pdf,docx");
    let before: Vec<_> = ["pdf", "docx"]
        .iter()
        .map(|e| std::fs::read(out.join(format!("{STEM}.{e}"))).unwrap())
        .collect();
    let broken =
        std::fs::read_to_string(example_month())
            .unwrap()
            .replacen("issue: 11", "issue: 第十一", 1);
    let progress = write_temp(dir.path(), "2026-11.yaml", broken.as_bytes());
    let run = jianbao(&[
        "build",
        progress.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("未生成任何文件"), "{}", run.stderr);
    for (extension, bytes) in ["pdf", "docx"].iter().zip(before) {
        assert_eq!(
            std::fs::read(out.join(format!("{STEM}.{extension}"))).unwrap(),
            bytes
        );
    }
    let names: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "no temporary files left: {names:?}");
}
