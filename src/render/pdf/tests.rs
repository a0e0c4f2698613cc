//! Tests of the PDF writer, on a realistic briefing and with the bundled
//! fonts only (no system fonts), so results are the same on every machine.
//! (Byte-identical output across processes is tested end to end in
//! `tests/build_outputs.rs`; `jianbao build --format png` gives a preview.)

use std::collections::BTreeSet;
use std::sync::LazyLock;

use lopdf::{Document, Object};

use super::*;
use crate::briefing::sample::{sample_briefing, sample_briefing_with_charts};
use crate::briefing::{Align, Block, Briefing, Column, Heading, Row, Table};

/// The bundled fonts, loaded once for all tests.
static FONTS: LazyLock<FontLibrary> = LazyLock::new(|| FontLibrary::new(&[], false));

fn builtin() -> TemplateChoice {
    TemplateChoice::Builtin("jianbao".to_string())
}

fn render_with(
    briefing: &Briefing,
    template: &TemplateChoice,
    png_dpi: Option<f32>,
) -> Result<RenderedPdf, Diagnostics> {
    render(
        briefing,
        &Style::default_style(),
        template,
        &FONTS,
        &PdfOptions {
            png_dpi,
            ..PdfOptions::default()
        },
    )
}

fn render_sample() -> RenderedPdf {
    render_with(&sample_briefing(), &builtin(), None).unwrap_or_else(|err| panic!("{err}"))
}

/// All text of the PDF, page after page.
fn pdf_text(pdf: &[u8]) -> String {
    let document = Document::load_mem(pdf).expect("a readable PDF");
    let pages: Vec<u32> = document.get_pages().keys().copied().collect();
    document.extract_text(&pages).expect("extractable text")
}

/// The text with all whitespace removed (extraction splits lines and runs).
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn pages_are_a4() {
    let rendered = render_sample();
    let document = Document::load_mem(&rendered.pdf).expect("a readable PDF");
    assert_eq!(document.get_pages().len(), rendered.pages);
    for page in document.get_pages().values() {
        let dictionary = document.get_dictionary(*page).expect("a page dictionary");
        let media_box = dictionary
            .get(b"MediaBox")
            .and_then(Object::as_array)
            .expect("a MediaBox");
        let numbers: Vec<f32> = media_box
            .iter()
            .map(|n| n.as_float().expect("a number"))
            .collect();
        assert!(
            (numbers[2] - numbers[0] - 595.28).abs() < 0.1,
            "{numbers:?}"
        );
        assert!(
            (numbers[3] - numbers[1] - 841.89).abs() < 0.1,
            "{numbers:?}"
        );
    }
}

#[test]
fn every_font_is_embedded() {
    let rendered = render_sample();
    let document = Document::load_mem(&rendered.pdf).expect("a readable PDF");
    let descriptors: Vec<&lopdf::Dictionary> = document
        .objects
        .values()
        .filter_map(|object| object.as_dict().ok())
        .filter(|dictionary| {
            dictionary.get(b"Type").and_then(Object::as_name).ok()
                == Some(b"FontDescriptor".as_slice())
        })
        .collect();
    assert!(
        descriptors.len() >= 4,
        "only {} font descriptors",
        descriptors.len()
    );
    for descriptor in descriptors {
        let embedded = [b"FontFile".as_slice(), b"FontFile2", b"FontFile3"]
            .iter()
            .any(|key| descriptor.has(key));
        assert!(embedded, "not embedded: {descriptor:?}");
    }
}

#[test]
fn all_parts_of_the_briefing_are_printed() {
    let briefing = sample_briefing();
    let text = squeezed(&pdf_text(&render_sample().pdf));
    let mut expected = vec![
        briefing.masthead.name.clone(),
        briefing.masthead.issue.clone(),
        briefing.masthead.office.clone(),
        briefing.title.clone(),
        "一、总体进展".to_string(),
        "（一）大气污染防治".to_string(),
        "1.燃煤锅炉改造。".to_string(),
        "二、存在问题和下步打算".to_string(),
        "附件1".to_string(),
        "重点任务进展明细表".to_string(),
        "共印60份".to_string(),
        "—1—".to_string(),
    ];
    expected.extend(
        briefing
            .imprint
            .lines
            .iter()
            .map(|line| format!("{}{}", line.label, line.text)),
    );
    for wanted in expected {
        assert!(
            text.contains(&squeezed(&wanted)),
            "missing {wanted} in {text}"
        );
    }
}

#[test]
fn markup_in_user_text_prints_literally() {
    let markup = [
        "#set page(width: 1cm)",
        "*x*",
        "$x$",
        "<b>",
        "</w:t>",
        "a\\b",
        "**重点**",
        "@ref",
        "[链接]",
    ];
    let mut briefing = sample_briefing();
    briefing.title = markup.join(" ");
    briefing.body = vec![Block::paragraph(None, markup.join("、"))];
    let rendered = render_with(&briefing, &builtin(), None).unwrap_or_else(|err| panic!("{err}"));
    let text = squeezed(&pdf_text(&rendered.pdf));
    for piece in markup {
        assert!(text.contains(&squeezed(piece)), "missing {piece} in {text}");
    }
}

#[test]
fn output_is_byte_identical_across_runs() {
    let first = render_sample();
    let second = render_sample();
    assert!(first.pdf == second.pdf, "two renders differ");
    let fresh = FontLibrary::new(&[], false);
    let third = render(
        &sample_briefing(),
        &Style::default_style(),
        &builtin(),
        &fresh,
        &PdfOptions::default(),
    )
    .unwrap_or_else(|err| panic!("{err}"));
    assert!(
        first.pdf == third.pdf,
        "a fresh font library changes the bytes"
    );
}

#[test]
fn metadata_comes_from_the_briefing() {
    let rendered = render_sample();
    let raw = String::from_utf8_lossy(&rendered.pdf);
    assert!(
        raw.contains("D:20261128"),
        "no creation date from the briefing"
    );
    let document = Document::load_mem(&rendered.pdf).expect("a readable PDF");
    let info = document
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .and_then(|id| document.get_dictionary(id))
        .expect("an Info dictionary");
    let field = |key: &[u8]| {
        info.get(key)
            .and_then(lopdf::decode_text_string)
            .expect("a text field")
    };
    let briefing = sample_briefing();
    assert_eq!(field(b"Title"), briefing.document.title);
    assert_eq!(field(b"Author"), briefing.document.author);
    let catalog = document.catalog().expect("a catalog");
    let lang = catalog
        .get(b"Lang")
        .and_then(Object::as_str)
        .expect("a language");
    assert_eq!(lang, b"zh-CN");
}

#[test]
fn missing_characters_are_reported_with_their_place() {
    let mut briefing = sample_briefing();
    briefing.title = "生态环境😀持续改善".to_string();
    briefing
        .body
        .push(Block::paragraph(None, "新建𠀀项目两个，𠀀字重复。"));
    let rendered = render_with(&briefing, &builtin(), None).unwrap_or_else(|err| panic!("{err}"));
    let rendered_warnings: Vec<String> = rendered.warnings.iter().map(Diagnostic::render).collect();
    let emoji = rendered_warnings
        .iter()
        .find(|w| w.contains("U+1F600"))
        .expect("a warning for 😀");
    assert!(
        emoji.contains("标题") && emoji.contains("生态环境😀持续改善"),
        "{emoji}"
    );
    let rare = rendered_warnings
        .iter()
        .find(|w| w.contains("U+20000"))
        .expect("a warning for 𠀀");
    assert!(
        rare.contains("正文第10段") && rare.contains("共出现 2 次"),
        "{rare}"
    );
    assert_eq!(
        rendered_warnings
            .iter()
            .filter(|w| w.contains("U+20000"))
            .count(),
        1
    );
}

#[test]
fn absent_official_families_do_not_warn() {
    let rendered = render_sample();
    let texts: Vec<String> = rendered.warnings.iter().map(Diagnostic::render).collect();
    assert!(texts.is_empty(), "{texts:?}");
}

#[test]
fn a_broken_template_is_located() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("broken.typ");
    std::fs::write(
        &path,
        "#let b = sys.inputs.briefing\n= 标题\n#b.title.foo(\n",
    )
    .expect("writable");
    let errors = render_with(&sample_briefing(), &TemplateChoice::File(path), None)
        .expect_err("a syntax error");
    let error = errors.errors().next().expect("an error");
    let text = error.render();
    assert!(text.contains("broken.typ:3:"), "{text}");
    assert!(text.contains("#b.title.foo("), "{text}");
}

#[test]
fn a_template_error_carries_typst_hints() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("hint.typ");
    std::fs::write(&path, "#let a = 1\n#let b = 2\n#a-b\n").expect("writable");
    let errors =
        render_with(&sample_briefing(), &TemplateChoice::File(path), None).expect_err("an error");
    let error = errors.errors().next().expect("an error");
    assert_eq!(error.line_column(), Some((3, 2)), "{}", error.render());
    assert!(
        error.help.iter().any(|help| help.contains("subtraction")),
        "{}",
        error.render()
    );
}

#[cfg(unix)]
#[test]
fn a_template_cannot_follow_a_link_out_of_its_folder() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let inner = dir.path().join("templates");
    std::fs::create_dir(&inner).expect("a folder");
    std::fs::write(dir.path().join("secret.txt"), "secret").expect("writable");
    std::os::unix::fs::symlink(dir.path().join("secret.txt"), inner.join("link.txt"))
        .expect("a link");
    let path = inner.join("link.typ");
    std::fs::write(&path, "#read(\"link.txt\")\n").expect("writable");
    let errors =
        render_with(&sample_briefing(), &TemplateChoice::File(path), None).expect_err("refused");
    let text = errors.to_string();
    assert!(
        text.contains("link.typ:1:") && text.contains("模板只能读取"),
        "{text}"
    );
}

#[test]
fn a_long_table_repeats_its_header() {
    let mut briefing = sample_briefing();
    let Some(Block::Table(table)) = briefing
        .body
        .iter_mut()
        .find(|b| matches!(b, Block::Table(_)))
    else {
        panic!("the sample has a table");
    };
    let row = Row::cells(["9", "完成年度任务", "市发展改革委", "50%"]);
    table.rows.extend(std::iter::repeat_n(row, 60));
    let rendered = render_with(&briefing, &builtin(), None).unwrap_or_else(|err| panic!("{err}"));
    let headers = squeezed(&pdf_text(&rendered.pdf))
        .matches("责任单位")
        .count();
    assert!(headers >= 4, "header printed {headers} times");
}

#[test]
fn a_template_reads_only_its_own_folder() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let inner = dir.path().join("templates");
    std::fs::create_dir(&inner).expect("a folder");
    std::fs::write(dir.path().join("secret.txt"), "secret").expect("writable");
    std::fs::write(inner.join("part.typ"), "#let greeting = \"你好\"").expect("writable");
    let good = inner.join("good.typ");
    std::fs::write(&good, "#import \"part.typ\": greeting\n#greeting\n").expect("writable");
    render_with(&sample_briefing(), &TemplateChoice::File(good), None)
        .unwrap_or_else(|err| panic!("{err}"));
    for escape in ["../secret.txt", "/../secret.txt"] {
        let bad = inner.join("bad.typ");
        std::fs::write(&bad, format!("#read(\"{escape}\")\n")).expect("writable");
        let errors = render_with(&sample_briefing(), &TemplateChoice::File(bad), None)
            .expect_err("access refused");
        let text = errors.to_string();
        assert!(text.contains("bad.typ:1:"), "{text}");
        assert!(
            text.contains("模板只能读取") && !text.contains("--root"),
            "{text}"
        );
    }
}

#[test]
fn an_unknown_builtin_lists_the_available_ones() {
    let errors = render_with(
        &sample_briefing(),
        &TemplateChoice::Builtin("gongwen".to_string()),
        None,
    )
    .expect_err("unknown");
    let text = errors.to_string();
    assert!(
        text.contains("gongwen") && text.contains("jianbao"),
        "{text}"
    );
}

#[test]
fn png_pages_decode() {
    let rendered = render_with(&sample_briefing(), &builtin(), Some(36.0))
        .unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(rendered.pngs.len(), rendered.pages);
    for png in &rendered.pngs {
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let width = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
        let height = u32::from_be_bytes([png[20], png[21], png[22], png[23]]);
        assert_eq!((width, height), (298, 421), "A4 at 36 dpi");
    }
}

#[test]
fn the_report_names_bundled_faces() {
    let report = FONTS.report(&Style::default_style());
    let roles: BTreeSet<&str> = report.iter().map(|r| r.role.as_str()).collect();
    assert_eq!(roles.len(), 6);
    let body = report
        .iter()
        .find(|r| r.role == "body")
        .expect("a body role");
    assert_eq!(body.family.as_deref(), Some("FandolFang R"));
    assert_eq!(
        body.source,
        Some(FontSource::Bundled("FandolFang-Regular-subset.otf"))
    );
    let title = report
        .iter()
        .find(|r| r.role == "title")
        .expect("a title role");
    assert_eq!(
        title.source,
        Some(FontSource::Bundled("NotoSerifCJKsc-Bold-subset.otf"))
    );
}

#[test]
fn a_font_path_face_takes_precedence() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(
        dir.path().join("copy.otf"),
        include_bytes!("../../../fonts/NotoSerifCJKsc-Regular-subset.otf"),
    )
    .expect("writable");
    let fonts = FontLibrary::new(&[dir.path().to_path_buf()], false);
    let report = fonts.report(&Style::default_style());
    let song = report
        .iter()
        .find(|r| r.role == "song")
        .expect("a song role");
    assert_eq!(
        song.source,
        Some(FontSource::FontPath(dir.path().join("copy.otf")))
    );
}

#[test]
fn a_font_path_may_name_a_file() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("kai.ttf");
    std::fs::write(
        &file,
        include_bytes!("../../../fonts/JianbaoKai-Regular-subset.ttf"),
    )
    .expect("writable");
    let fonts = FontLibrary::new(std::slice::from_ref(&file), false);
    let report = fonts.report(&Style::default_style());
    let kai = report.iter().find(|r| r.role == "kai").expect("a kai role");
    assert_eq!(kai.source, Some(FontSource::FontPath(file)));
}

/// A font collection (`ttcf`) holding the single font `font`: a 16-byte
/// header, then the font with its table offsets moved by 16.
fn as_collection(font: &[u8]) -> Vec<u8> {
    let mut collection = b"ttcf\x00\x01\x00\x00\x00\x00\x00\x01\x00\x00\x00\x10".to_vec();
    let mut font = font.to_vec();
    let tables = usize::from(u16::from_be_bytes([font[4], font[5]]));
    for table in 0..tables {
        let at = 12 + table * 16 + 8;
        let offset = u32::from_be_bytes([font[at], font[at + 1], font[at + 2], font[at + 3]]);
        font[at..at + 4].copy_from_slice(&(offset + 16).to_be_bytes());
    }
    collection.extend(font);
    collection
}

#[test]
fn family_names_are_read_from_the_name_table() {
    let kai = include_bytes!("../../../fonts/JianbaoKai-Regular-subset.ttf");
    let serif = include_bytes!("../../../fonts/NotoSerifCJKsc-Bold-subset.otf");
    let files = [
        ("kai.ttf", kai.to_vec(), "JianbaoKai"),
        ("serif.otf", serif.to_vec(), "Noto Serif CJK SC"),
        ("kai.ttc", as_collection(kai), "JianbaoKai"),
        ("empty.ttf", Vec::new(), ""),
    ];
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (name, bytes, family) in files {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("writable");
        let names = super::sfnt::family_names(&path).expect("a readable file");
        if family.is_empty() {
            assert!(names.is_empty(), "{names:?}");
        } else {
            assert!(
                names.iter().any(|n| n.starts_with(family)),
                "{name}: {names:?}"
            );
        }
    }
    let fonts = FontLibrary::new(&[dir.path().join("kai.ttc")], false);
    let report = fonts.report(&Style::default_style());
    let kai = report.iter().find(|r| r.role == "kai").expect("a kai role");
    assert_eq!(
        kai.source,
        Some(FontSource::FontPath(dir.path().join("kai.ttc")))
    );
}

#[test]
fn an_invalid_date_is_refused() {
    let mut briefing = sample_briefing();
    briefing.document.date = [2026, 2, 30];
    let errors = render_with(&briefing, &builtin(), None).expect_err("invalid date");
    assert!(errors.to_string().contains("日期"), "{errors}");
}

/// The text of one page (1-based).
fn page_text(pdf: &[u8], page: u32) -> String {
    let document = Document::load_mem(pdf).expect("a readable PDF");
    squeezed(&document.extract_text(&[page]).expect("extractable text"))
}

#[test]
fn an_end_block_alone_on_its_page_has_no_page_number() {
    let mut briefing = sample_briefing();
    briefing.attachments.clear();
    let mut previous_pages = render_with(&briefing, &builtin(), None)
        .map(|r| r.pages)
        .unwrap_or_else(|err| panic!("{err}"));
    for n in 1..=40 {
        briefing
            .body
            .push(Block::paragraph(None, format!("补充说明第{n}段。")));
        let rendered =
            render_with(&briefing, &builtin(), None).unwrap_or_else(|err| panic!("{err}"));
        let last = page_text(&rendered.pdf, rendered.pages as u32);
        if rendered.pages > previous_pages && !last.contains("段") {
            assert_eq!(rendered.end_block, EndBlockPage::Alone);
            assert_eq!(
                end_block(&briefing, &Style::default_style(), &builtin(), &FONTS)
                    .unwrap_or_else(|err| panic!("{err}")),
                EndBlockPage::Alone
            );
            assert!(last.contains("共印60份"), "{last}");
            assert!(!last.contains('—'), "numbered: {last}");
            let before = page_text(&rendered.pdf, rendered.pages as u32 - 1);
            assert!(
                before.contains(&format!("—{}—", rendered.pages - 1)),
                "{before}"
            );
            return;
        }
        assert_eq!(rendered.end_block, EndBlockPage::WithText, "{last}");
        previous_pages = rendered.pages;
    }
    panic!("the end block never moved to a page of its own");
}

#[test]
fn a_minimal_briefing_renders() {
    let mut briefing = sample_briefing();
    briefing.masthead.total_issue = None;
    briefing.editor_note = None;
    briefing.attachments.clear();
    briefing.imprint.lines.clear();
    briefing.body = vec![
        Block::Table(Table {
            caption: None,
            columns: vec![Column::new("项目", 0.0, Align::Left)],
            rows: Vec::new(),
        }),
        Block::Table(Table {
            caption: None,
            columns: Vec::new(),
            rows: vec![Row::cells(["多余"])],
        }),
        Block::Heading(Heading::new(0, "", "")),
        Block::paragraph(None, ""),
    ];
    let rendered = render_with(&briefing, &builtin(), None).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(rendered.pages, 1);
    let text = page_text(&rendered.pdf, 1);
    assert!(text.contains("共印60份") && text.contains("项目"), "{text}");
}

#[test]
fn a_long_masthead_name_still_renders() {
    let mut briefing = sample_briefing();
    briefing.masthead.name = "某某市生态环境保护委员会办公室生态文明建设工作简报".to_string();
    let rendered = render_with(&briefing, &builtin(), None).unwrap_or_else(|err| panic!("{err}"));
    assert!(page_text(&rendered.pdf, 1).contains(&briefing.masthead.name));
}

/// The operations of a page's content.
fn page_operations(document: &Document, page: lopdf::ObjectId) -> Vec<lopdf::content::Operation> {
    let content = document.get_page_content(page);
    lopdf::content::Content::decode(&content)
        .expect("a decodable content stream")
        .operations
}

/// Whether `operations` set the colour `#RRGGBB` with `operator` (`scn`
/// fills, `SCN` strokes).
fn sets_color(operations: &[lopdf::content::Operation], operator: &str, hex: &str) -> bool {
    let wanted: Vec<f32> = (0..3)
        .map(|i| f32::from(u8::from_str_radix(&hex[1 + 2 * i..3 + 2 * i], 16).unwrap()) / 255.0)
        .collect();
    operations.iter().any(|op| {
        op.operator == operator
            && op.operands.len() == 3
            && op
                .operands
                .iter()
                .zip(&wanted)
                .all(|(value, wanted)| value.as_float().is_ok_and(|v| (v - wanted).abs() < 0.002))
    })
}

#[test]
fn charts_are_vector_paths_in_the_style_colours_with_text_labels() {
    let style = Style::default_style();
    let rendered = render_with(&sample_briefing_with_charts(), &builtin(), None)
        .unwrap_or_else(|err| panic!("{err}"));
    let document = Document::load_mem(&rendered.pdf).expect("a readable PDF");
    let images = document
        .objects
        .values()
        .filter_map(|object| object.as_stream().ok())
        .filter(|stream| {
            stream.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Image")
        })
        .count();
    assert_eq!(images, 0, "charts are drawn, not pictures");

    let pages = document.get_pages();
    let page_of = |caption: &str| {
        pages
            .iter()
            .find(|(number, _)| page_text(&rendered.pdf, **number).contains(&squeezed(caption)))
            .map(|(number, id)| (*number, *id))
            .unwrap_or_else(|| panic!("no page shows “{caption}”"))
    };
    let (bars_page, bars_id) = page_of("图1 重点任务状态分布");
    let operations = page_operations(&document, bars_id);
    for operator in ["m", "l", "f"] {
        assert!(
            operations.iter().any(|op| op.operator == operator),
            "no `{operator}` on the bars' page"
        );
    }
    for tone in [
        &style.chart.done,
        &style.chart.on_track,
        &style.chart.delayed,
    ] {
        assert!(sets_color(&operations, "scn", tone), "no bar filled {tone}");
    }
    let text = page_text(&rendered.pdf, bars_page);
    for label in ["已完成", "序时推进", "滞后", "未启动", "4项", "19项", "0项"] {
        assert!(
            text.contains(label),
            "“{label}” is not text on page {bars_page}: {text}"
        );
    }

    let (trends_page, trends_id) = page_of("图3 重点指标走势");
    let operations = page_operations(&document, trends_id);
    assert!(
        sets_color(&operations, "SCN", &style.chart.line),
        "no trend line"
    );
    assert!(
        sets_color(&operations, "SCN", &style.chart.target),
        "no target line"
    );
    assert!(sets_color(&operations, "SCN", &style.chart.axis), "no axis");
    assert!(
        operations.iter().any(|op| op.operator == "d"),
        "the target is not dashed"
    );
    assert!(operations.iter().any(|op| op.operator == "c"), "no points");
    let text = page_text(&rendered.pdf, trends_page);
    for label in [
        "空气质量优良天数比例",
        "完成造林绿化面积",
        "万亩",
        "8月",
        "9月",
        "10月",
        "11月",
    ] {
        assert!(
            text.contains(label),
            "“{label}” is not text on page {trends_page}: {text}"
        );
    }
    let all = squeezed(&pdf_text(&rendered.pdf));
    for label in [
        "86.3%",
        "89.2%",
        "69.2%",
        "“升级战”",
        "图2各项重点工作平均完成进度",
    ] {
        assert!(all.contains(label), "“{label}” is not text");
    }
}

#[test]
fn a_briefing_with_charts_renders_the_same_bytes_twice() {
    let first = render_with(&sample_briefing_with_charts(), &builtin(), None)
        .unwrap_or_else(|err| panic!("{err}"));
    let second = render_with(&sample_briefing_with_charts(), &builtin(), None)
        .unwrap_or_else(|err| panic!("{err}"));
    assert!(first.pdf == second.pdf, "two renders differ");
    assert!(first.warnings.is_empty(), "{:?}", first.warnings);
    let plain = render_sample();
    assert!(plain.pdf != first.pdf && plain.pages < first.pages);
}

/// A PNG decoded: its size and its pixels (RGBA).
fn decode_png(png: &[u8]) -> (u32, u32, Vec<[u8; 4]>) {
    use typst::visualize::{ExchangeFormat, RasterImage};
    let image = RasterImage::plain(
        typst::foundations::Bytes::new(png.to_vec()),
        ExchangeFormat::Png,
    )
    .expect("a decodable PNG");
    let pixels = image.dynamic().to_rgba8().pixels().map(|p| p.0).collect();
    (image.width(), image.height(), pixels)
}

#[test]
fn chart_pictures_are_print_resolution_and_deterministic() {
    let style = Style::default_style();
    let briefing = sample_briefing_with_charts();
    let images = chart_images(&briefing, &style, &FONTS).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(images.len(), 3);
    let type_width_pt = crate::style::mm_to_pt(style.type_width_mm());
    for image in &images {
        let (width, height, _) = decode_png(&image.png);
        assert_eq!((width, height), (image.width_px, image.height_px));
        // The type width at 300 dpi, in whole pixels.
        assert_eq!(width, 1842);
        assert!(image.width_pt <= type_width_pt && image.width_pt > type_width_pt - 0.3);
        let dpi = f64::from(width) / (image.width_pt / 72.0);
        assert!((dpi - CHART_DPI).abs() < 1e-6, "{dpi} dpi");
        let dpi = f64::from(height) / (image.height_pt / 72.0);
        assert!((dpi - CHART_DPI).abs() < 1e-6, "{dpi} dpi");
        assert!(
            image.height_pt > 50.0 && image.height_pt < 400.0,
            "{}",
            image.height_pt
        );
    }
    let again = chart_images(&briefing, &style, &FONTS).unwrap_or_else(|err| panic!("{err}"));
    assert!(images == again, "two drawings differ");
    let none =
        chart_images(&sample_briefing(), &style, &FONTS).unwrap_or_else(|err| panic!("{err}"));
    assert!(none.is_empty());
}

#[test]
fn chart_pictures_take_their_colours_from_the_style() {
    let mut style = Style::default_style();
    style.chart.done = "#00FF00".to_string();
    style.chart.delayed = "#0000FF".to_string();
    let images = chart_images(&sample_briefing_with_charts(), &style, &FONTS)
        .unwrap_or_else(|err| panic!("{err}"));
    let (_, _, status) = decode_png(&images[0].png);
    let count = |pixels: &[[u8; 4]], rgb: [u8; 3]| {
        pixels
            .iter()
            .filter(|p| p[..3] == rgb && p[3] == 255)
            .count()
    };
    // 已完成 and 滞后 are each a bar of 4 of 19: thousands of pixels.
    assert!(
        count(&status, [0, 255, 0]) > 5_000,
        "no bar in the done colour"
    );
    assert!(
        count(&status, [0, 0, 255]) > 5_000,
        "no bar in the delayed colour"
    );
    let (_, _, default) = decode_png(
        &chart_images(
            &sample_briefing_with_charts(),
            &Style::default_style(),
            &FONTS,
        )
        .unwrap_or_else(|err| panic!("{err}"))[0]
            .png,
    );
    assert_eq!(count(&default, [0, 255, 0]), 0);
}
