//! `jianbao build` writes real files: read them back and check what a reader sees.

mod common;

use std::path::{Path, PathBuf};

use common::{have_tool, jianbao, libreoffice_to_pdf, pdf_text, project_file, squeeze, write_temp};

const STEM: &str = "生态文明建设工作简报-2026年第11期";

/// Builds `progress` into `out` with the given formats; panics on failure.
fn build(progress: &Path, out: &Path, formats: &str) -> common::Run {
    build_with(progress, out, formats, &[])
}

/// [`build`] with `extra` arguments.
fn build_with(progress: &Path, out: &Path, formats: &str, extra: &[&str]) -> common::Run {
    let mut args = vec![
        "build",
        progress.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--format",
        formats,
    ];
    args.extend(extra);
    let run = jianbao(&args);
    assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
    run
}

fn example_month() -> PathBuf {
    project_file("data/progress/2026-11.yaml")
}

/// Every text the clerk wrote for the month, and every commitment label.
fn expected_texts() -> Vec<String> {
    let (speech, progress) = common::example_month();
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

#[test]
fn a_broken_user_template_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let template = write_temp(
        dir.path(),
        "mine.typ",
        b"#let data = sys.inputs.briefing\n#set page(paper: \"a4\")\n#data.title(\n",
    );
    let run = jianbao(&[
        "build",
        "--template",
        template.to_str().unwrap(),
        "--out",
        dir.path().join("out").to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("mine.typ:3:"), "{}", run.stderr);
    assert!(!dir.path().join("out").exists(), "nothing is written");
}

#[test]
fn a_user_template_restyles_the_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let template = write_temp(
        dir.path(),
        "plain.typ",
        b"#let b = sys.inputs.briefing\n#set page(paper: \"a5\")\n#set text(font: \"Noto Serif CJK SC\")\n= #b.title\n#b.masthead.name\n",
    );
    let out = dir.path().join("out");
    let run = jianbao(&[
        "build",
        "--template",
        template.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--format",
        "pdf",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let document = lopdf::Document::load(out.join(format!("{STEM}.pdf"))).unwrap();
    assert_eq!(document.get_pages().len(), 1);
}

#[test]
fn a_bad_style_file_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let style = write_temp(
        dir.path(),
        "style.toml",
        "[page]\nleft_mm = \"宽\"\n".as_bytes(),
    );
    let run = jianbao(&[
        "build",
        "--style",
        style.to_str().unwrap(),
        "--out",
        dir.path().join("out").to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("style.toml:2:1"), "{}", run.stderr);
}

#[test]
fn a_style_file_moves_the_margin_in_both_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let style = write_temp(
        dir.path(),
        "style.toml",
        b"[page]\nleft_mm = 40.0\nright_mm = 14.0\n",
    );
    let out = dir.path().join("out");
    let run = jianbao(&[
        "build",
        "--style",
        style.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // DOCX: the section's left margin is 40 mm = 2268 twips.
    let docx = std::fs::read(out.join(format!("{STEM}.docx"))).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(xml.contains("w:left=\"2268\""), "no 40 mm left margin");
    // PDF: the masthead rule now starts 40 mm from the left edge.
    if have_tool("pdftotext") {
        let output = std::process::Command::new("pdftotext")
            .args(["-bbox", "-f", "1", "-l", "1"])
            .arg(out.join(format!("{STEM}.pdf")))
            .arg("-")
            .output()
            .unwrap();
        let html = String::from_utf8_lossy(&output.stdout);
        let min_x = html
            .split("xMin=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next()?.parse::<f64>().ok())
            .fold(f64::MAX, f64::min);
        let left = 40.0 * 72.0 / 25.4;
        assert!(
            (min_x - left).abs() < 2.0,
            "text starts at {min_x} pt, not {left}"
        );
    }
}

#[test]
fn a_character_no_font_has_is_reported_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let minimal = std::fs::read_to_string(project_file("tests/data/progress/minimal.yaml"))
        .unwrap()
        .replacen("达到88.2%。", "达到88.2%😀。", 1);
    let progress = write_temp(dir.path(), "2026-11.yaml", minimal.as_bytes());
    let run = jianbao(&[
        "build",
        progress.to_str().unwrap(),
        "--out",
        dir.path().join("out").to_str().unwrap(),
        "--format",
        "pdf",
    ]);
    assert_eq!(run.code, 0, "a missing glyph warns, it does not fail");
    assert!(
        run.stderr.contains("😀") && run.stderr.contains("U+1F600"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("88.2%"),
        "the place is shown: {}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("unknown font family"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_default_pdf_is_tagged_with_language_and_bookmarks() {
    let dir = tempfile::tempdir().unwrap();
    build(&example_month(), dir.path(), "pdf");
    let document = lopdf::Document::load(dir.path().join(format!("{STEM}.pdf"))).unwrap();
    let catalog = document.catalog().unwrap();
    assert!(catalog.has(b"StructTreeRoot"), "tagged PDF");
    let lang = catalog.get(b"Lang").unwrap();
    let lang = document.dereference(lang).unwrap().1.as_str().unwrap();
    assert_eq!(lang, b"zh-CN");
    assert!(catalog.has(b"Outlines"), "headings as bookmarks");
    let bytes = std::fs::read(dir.path().join(format!("{STEM}.pdf"))).unwrap();
    assert!(!String::from_utf8_lossy(&bytes).contains("pdfaid:part"));
}

#[test]
fn pdf_a_2b_is_written_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let run = jianbao(&[
        "build",
        "--pdf-standard",
        "a-2b",
        "--format",
        "pdf",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let bytes = std::fs::read(dir.path().join(format!("{STEM}.pdf"))).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.contains("<pdfaid:part>2</pdfaid:part>"),
        "XMP names PDF/A-2"
    );
    assert!(text.contains("<pdfaid:conformance>B</pdfaid:conformance>"));
    assert!(text.contains("OutputIntent"));
    // The date is the briefing's, not the clock's.
    assert!(
        text.contains("2026-11-27"),
        "XMP dates come from the briefing"
    );
}

#[test]
fn the_tongbao_template_writes_an_official_document() {
    let dir = tempfile::tempdir().unwrap();
    let run = jianbao(&[
        "build",
        "--template",
        "tongbao",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let pdf = dir.path().join(format!("{STEM}-通报.pdf"));
    let docx = dir.path().join(format!("{STEM}-通报.docx"));
    assert!(pdf.exists() && docx.exists(), "the 通报 has its own name");
    if !have_tool("pdftotext") {
        return;
    }
    let mut renderings = vec![("PDF", pdf)];
    if have_tool("soffice") {
        let lo = dir.path().join("lo");
        std::fs::create_dir_all(&lo).unwrap();
        renderings.push(("DOCX", libreoffice_to_pdf(&docx, &lo)));
    }
    for (what, rendered) in renderings {
        let text = squeeze(&pdf_text(&rendered));
        for expected in [
            "市生态文明建设领导小组办公室文件",
            "市生态办〔2026〕11号",
            "关于全市生态文明建设重点工作11月份推进情况的通报",
            "各县（市、区）党委、政府，市生态文明建设领导小组各成员单位：",
            "特此通报。",
            "附件：1.重点任务推进情况表",
            "（此件公开发布）",
            "抄送：市委常委",
            "2026年11月27日印发",
        ] {
            assert!(
                text.contains(&squeeze(expected)),
                "{what} 通报 lacks “{expected}”"
            );
        }
    }
}

/// `--no-charts` is accepted end to end. (What it removes is tested on the
/// model, `Briefing::drop_charts`; here it bites once the month's
/// briefing has charts.)
#[test]
fn no_charts_leaves_the_pictures_out() {
    let dir = tempfile::tempdir().unwrap();
    build_with(&example_month(), dir.path(), "pdf,docx", &["--no-charts"]);
    let docx = std::fs::read(dir.path().join(format!("{STEM}.docx"))).unwrap();
    let archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let media: Vec<&str> = archive
        .file_names()
        .filter(|name| name.starts_with("word/media/"))
        .collect();
    assert!(media.is_empty(), "{media:?}");
}

#[test]
fn template_data_is_written_and_the_exported_templates_compile() {
    if !have_tool("pdftotext") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    build_with(&example_month(), dir.path(), "pdf", &["--template-data"]);
    let data = dir.path().join("template-data");
    let briefing: serde_json::Value =
        serde_json::from_slice(&std::fs::read(data.join("briefing.json")).unwrap()).unwrap();
    assert_eq!(
        briefing["title"], "全市生态文明建设重点工作11月份推进情况",
        "{:?}",
        briefing["title"]
    );
    let style: serde_json::Value =
        serde_json::from_slice(&std::fs::read(data.join("style.json")).unwrap()).unwrap();
    assert!(style["size"]["body_pt"].is_number(), "{style}");
    for name in [
        "jianbao.typ",
        "tongbao.typ",
        "common.typ",
        "faces.typ",
        "charts.typ",
        "inputs.typ",
    ] {
        assert!(data.join(name).is_file(), "{name} is missing");
    }
    // The exported template, used as a user template, gives the same PDF
    // text as the built-in one: it carries everything it imports.
    let exported = dir.path().join("exported");
    let template = data.join("jianbao.typ");
    build_with(
        &example_month(),
        &exported,
        "pdf",
        &["--template", template.to_str().unwrap()],
    );
    let builtin = pdf_text(&dir.path().join(format!("{STEM}.pdf")));
    let from_files = pdf_text(&exported.join(format!("{STEM}.pdf")));
    assert_eq!(squeeze(&builtin), squeeze(&from_files));
}
