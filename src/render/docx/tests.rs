//! Tests of the DOCX writer: the package opens, the XML parses, and the
//! page, grid, styles, tables, footers and properties are what the official
//! format asks for.

use std::io::{Cursor, Read};

use std::sync::LazyLock;

use super::masthead::fitted_size;
use super::{Layout, render};
use crate::briefing::sample::{MARKUP, sample_briefing, sample_briefing_with_charts};
use crate::briefing::*;
use crate::render::pdf::{FontLibrary, chart_images};
use crate::render::{ChartImage, EndBlockPage};
use crate::style::Style;

/// The pictures of the sample's charts, drawn once for all tests.
static CHART_IMAGES: LazyLock<Vec<ChartImage>> = LazyLock::new(|| {
    let fonts = FontLibrary::new(&[], false);
    chart_images(
        &sample_briefing_with_charts(),
        &Style::default_style(),
        &fonts,
    )
    .unwrap_or_else(|err| panic!("{err}"))
});

/// The sample briefing with charts, as a DOCX.
fn chart_bytes(layout: Layout) -> Vec<u8> {
    render(
        &sample_briefing_with_charts(),
        &Style::default_style(),
        layout,
        &CHART_IMAGES,
        EndBlockPage::WithText,
    )
    .expect("the sample with charts renders")
}

/// The named parts of a DOCX.
struct Package {
    archive: zip::ZipArchive<Cursor<Vec<u8>>>,
}

impl Package {
    fn open(bytes: Vec<u8>) -> Package {
        Package {
            archive: zip::ZipArchive::new(Cursor::new(bytes)).expect("the DOCX is a zip"),
        }
    }

    fn bytes(&mut self, name: &str) -> Vec<u8> {
        let mut bytes = Vec::new();
        self.archive
            .by_name(name)
            .unwrap_or_else(|_| panic!("{name} is in the package"))
            .read_to_end(&mut bytes)
            .expect("the part is readable");
        bytes
    }

    fn part(&mut self, name: &str) -> String {
        let mut text = String::new();
        self.archive
            .by_name(name)
            .unwrap_or_else(|_| panic!("{name} is in the package"))
            .read_to_string(&mut text)
            .expect("the part is UTF-8");
        text
    }
}

fn sample_package() -> Package {
    package_of(&sample_briefing())
}

/// `briefing` as a 简报 in the default style, its end block with the text.
fn package_of(briefing: &Briefing) -> Package {
    Package::open(bytes_of(briefing))
}

/// The DOCX bytes of [`package_of`].
fn bytes_of(briefing: &Briefing) -> Vec<u8> {
    render(
        briefing,
        &Style::default_style(),
        Layout::Briefing,
        &[],
        EndBlockPage::WithText,
    )
    .expect("the briefing renders")
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The `w:` attribute `name` of a node.
fn w_attr<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> Option<&'a str> {
    node.attribute((W, name))
}

/// The first descendant `w:` element called `name`.
fn find<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> Option<roxmltree::Node<'a, 'a>> {
    node.descendants().find(|n| {
        n.is_element() && n.tag_name().name() == name && n.tag_name().namespace() == Some(W)
    })
}

/// Every descendant `w:` element called `name`.
fn find_all<'a>(
    node: roxmltree::Node<'a, 'a>,
    name: &'a str,
) -> impl Iterator<Item = roxmltree::Node<'a, 'a>> + 'a {
    node.descendants().filter(move |n| {
        n.is_element() && n.tag_name().name() == name && n.tag_name().namespace() == Some(W)
    })
}

/// The style element with `id`.
fn style_by_id<'a>(styles: &'a roxmltree::Document<'a>, id: &str) -> roxmltree::Node<'a, 'a> {
    find_all(styles.root(), "style")
        .find(|s| w_attr(*s, "styleId") == Some(id))
        .unwrap_or_else(|| panic!("style {id} exists"))
}

#[test]
fn the_package_opens_and_every_xml_part_parses() {
    let mut package = sample_package();
    let names: Vec<String> = package.archive.file_names().map(str::to_string).collect();
    for name in [
        "word/document.xml",
        "word/styles.xml",
        "word/footer1.xml",
        "word/footer2.xml",
    ] {
        assert!(names.iter().any(|n| n == name), "{name} in {names:?}");
    }
    for name in names
        .iter()
        .filter(|n| n.ends_with(".xml") || n.ends_with(".rels"))
    {
        let text = package.part(name);
        roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

#[test]
fn page_size_and_margins_are_in_twips() {
    let text = sample_package().part("word/document.xml");
    let doc = roxmltree::Document::parse(&text).unwrap();
    let size = find(doc.root(), "pgSz").unwrap();
    assert_eq!(w_attr(size, "w"), Some("11906"));
    assert_eq!(w_attr(size, "h"), Some("16838"));
    let margin = find(doc.root(), "pgMar").unwrap();
    assert_eq!(w_attr(margin, "top"), Some("2098")); // 37 mm
    assert_eq!(w_attr(margin, "bottom"), Some("1984")); // 35 mm
    assert_eq!(w_attr(margin, "left"), Some("1587")); // 28 mm
    assert_eq!(w_attr(margin, "right"), Some("1474")); // 26 mm
    // 35 mm − 7 mm − one 14 pt line: the number's line starts 7 mm below the type area.
    assert_eq!(w_attr(margin, "footer"), Some("1307"));
}

#[test]
fn body_text_is_on_the_grid() {
    let text = sample_package().part("word/styles.xml");
    let styles = roxmltree::Document::parse(&text).unwrap();
    let defaults = find(styles.root(), "rPrDefault").unwrap();
    let fonts = find(defaults, "rFonts").unwrap();
    assert_eq!(w_attr(fonts, "eastAsia"), Some("仿宋_GB2312"));
    assert_eq!(w_attr(fonts, "ascii"), Some("Times New Roman"));
    assert_eq!(w_attr(fonts, "hAnsi"), Some("Times New Roman"));
    assert_eq!(w_attr(find(defaults, "sz").unwrap(), "val"), Some("32"));
    assert_eq!(
        w_attr(find(defaults, "lang").unwrap(), "eastAsia"),
        Some("zh-CN")
    );

    let body = style_by_id(&styles, "BodyText");
    let spacing = find(find(body, "pPr").unwrap(), "spacing").unwrap();
    assert_eq!(w_attr(spacing, "lineRule"), Some("exact"));
    assert_eq!(w_attr(spacing, "line"), Some("579"));
    assert_eq!(w_attr(spacing, "before"), Some("0"));
    assert_eq!(w_attr(spacing, "after"), Some("0"));
    assert_eq!(w_attr(find(body, "ind").unwrap(), "firstLine"), Some("632"));
    assert_eq!(w_attr(find(body, "jc").unwrap(), "val"), Some("both"));
    assert_eq!(
        w_attr(find(body, "widowControl").unwrap(), "val"),
        Some("0")
    );
    let run_spacing = find(find(body, "rPr").unwrap(), "spacing").unwrap();
    assert_eq!(w_attr(run_spacing, "val"), Some("-5"));
    assert_eq!(w_attr(find(body, "sz").unwrap(), "val"), Some("32"));

    let document = sample_package().part("word/document.xml");
    let doc = roxmltree::Document::parse(&document).unwrap();
    let body_paragraphs = find_all(doc.root(), "pStyle")
        .filter(|s| w_attr(*s, "val") == Some("BodyText"))
        .count();
    assert!(body_paragraphs >= 8, "{body_paragraphs} body paragraphs");
}

#[test]
fn paragraph_defaults_fill_the_grid_hang_punctuation_and_add_no_han_latin_space() {
    let mut package = sample_package();
    let text = package.part("word/styles.xml");
    let styles = roxmltree::Document::parse(&text).unwrap();
    let defaults = find(styles.root(), "pPrDefault").unwrap();
    assert_eq!(
        w_attr(find(defaults, "widowControl").unwrap(), "val"),
        Some("0")
    );
    for switch in ["autoSpaceDE", "autoSpaceDN"] {
        assert_eq!(w_attr(find(defaults, switch).unwrap(), "val"), Some("0"));
    }
    // Omitted everywhere: the one spelling that hangs in Word and LibreOffice.
    for part in ["word/styles.xml", "word/document.xml"] {
        assert!(!package.part(part).contains("overflowPunct"), "{part}");
    }
    let text = package.part("word/settings.xml");
    let settings = roxmltree::Document::parse(&text).unwrap();
    let control = find(settings.root(), "characterSpacingControl").unwrap();
    assert_eq!(w_attr(control, "val"), Some("doNotCompress"));
    assert_eq!(
        control.parent().map(|p| p.tag_name().name()),
        Some("settings"),
        "a child of w:settings, not of w:compat"
    );
    assert!(!text.contains("balanceSingleByteDoubleByteWidth"));
}

#[test]
fn the_font_table_names_substitutes_for_the_official_faces() {
    let text = sample_package().part("word/fontTable.xml");
    let fonts = roxmltree::Document::parse(&text).unwrap();
    let font = find_all(fonts.root(), "font")
        .find(|f| w_attr(*f, "name") == Some("仿宋_GB2312"))
        .expect("the body face is listed");
    assert_eq!(w_attr(find(font, "altName").unwrap(), "val"), Some("仿宋"));
    assert_eq!(w_attr(find(font, "charset").unwrap(), "val"), Some("86"));
    for face in [
        "方正小标宋简体",
        "黑体",
        "楷体_GB2312",
        "宋体",
        "Times New Roman",
    ] {
        assert!(find_all(fonts.root(), "font").any(|f| w_attr(f, "name") == Some(face)));
    }
}

#[test]
fn headings_have_styles_with_outline_levels_and_faces() {
    let text = sample_package().part("word/styles.xml");
    let styles = roxmltree::Document::parse(&text).unwrap();
    for (id, level, face) in [("Heading1", "0", "黑体"), ("Heading2", "1", "楷体_GB2312")] {
        let style = style_by_id(&styles, id);
        assert_eq!(
            w_attr(find(style, "outlineLvl").unwrap(), "val"),
            Some(level)
        );
        assert_eq!(
            w_attr(find(style, "rFonts").unwrap(), "eastAsia"),
            Some(face)
        );
        assert_eq!(w_attr(find(style, "sz").unwrap(), "val"), Some("32"));
        assert!(find(style, "b").is_none(), "{id} is not bold");
        let spacing = find(find(style, "pPr").unwrap(), "spacing").unwrap();
        assert_eq!(w_attr(spacing, "line"), Some("579"));
    }
    let document = sample_package().part("word/document.xml");
    assert!(document.contains("<w:pStyle w:val=\"Heading1\" />"));
    assert!(document.contains("<w:pStyle w:val=\"Heading2\" />"));
}

#[test]
fn a_level_three_lead_is_bold_runs_at_the_start_of_its_paragraph() {
    let text = sample_package().part("word/document.xml");
    let doc = roxmltree::Document::parse(&text).unwrap();
    let paragraph = find_all(doc.root(), "p")
        .find(|p| p.descendants().any(|n| n.text() == Some("燃煤锅炉治理。")))
        .expect("the lead's paragraph");
    let runs: Vec<_> = find_all(paragraph, "r").collect();
    let texts: Vec<String> = runs
        .iter()
        .map(|r| find_all(*r, "t").filter_map(|t| t.text()).collect())
        .collect();
    // The number is a Latin run of its own, without character spacing.
    assert_eq!(texts[..2], ["1.", "燃煤锅炉治理。"]);
    assert_eq!(w_attr(find(runs[0], "spacing").unwrap(), "val"), Some("0"));
    assert!(
        find(runs[1], "spacing").is_none(),
        "CJK text keeps the grid's"
    );
    assert!(runs[..2].iter().all(|r| find(*r, "b").is_some()));
    assert!(runs[2..].iter().all(|r| find(*r, "b").is_none()));
}

#[test]
fn tables_repeat_their_header_and_rows_do_not_split() {
    let text = sample_package().part("word/document.xml");
    let doc = roxmltree::Document::parse(&text).unwrap();
    let tables: Vec<_> = find_all(doc.root(), "tbl").collect();
    assert_eq!(tables.len(), 3, "two data tables and the end block");
    for table in &tables[..2] {
        let rows: Vec<_> = find_all(*table, "tr").collect();
        assert!(find(rows[0], "tblHeader").is_some());
        assert!(rows[1..].iter().all(|r| find(*r, "tblHeader").is_none()));
        assert!(rows.iter().all(|r| find(*r, "cantSplit").is_some()));
        assert_eq!(
            w_attr(find(*table, "tblLayout").unwrap(), "type"),
            Some("fixed")
        );
        let grid: i32 = find_all(*table, "gridCol")
            .map(|c| w_attr(c, "w").unwrap().parse::<i32>().unwrap())
            .sum();
        assert_eq!(grid, 8845, "columns fill the type width");
    }
    let spans: Vec<_> = find_all(tables[0], "gridSpan").collect();
    assert_eq!(spans.len(), 2, "two group rows");
    assert_eq!(w_attr(spans[0], "val"), Some("4"));
}

#[test]
fn the_end_block_floats_at_the_bottom_of_the_type_area() {
    let text = sample_package().part("word/document.xml");
    let doc = roxmltree::Document::parse(&text).unwrap();
    let table = find_all(doc.root(), "tbl").last().unwrap();
    let position = find(table, "tblpPr").expect("a floating table");
    assert_eq!(w_attr(position, "vertAnchor"), Some("margin"));
    assert_eq!(w_attr(position, "tblpYSpec"), Some("bottom"));
    assert!(find(table, "tblHeader").is_none());
    let borders = find(table, "tblBorders").unwrap();
    assert_eq!(w_attr(find(borders, "top").unwrap(), "sz"), Some("8"));
    assert_eq!(w_attr(find(borders, "insideH").unwrap(), "sz"), Some("6"));
    let all_text: String = table.descendants().filter_map(|n| n.text()).collect();
    assert!(all_text.contains("报：") && all_text.contains("共印60份"));
}

/// The `w:sectPr` elements of a document, in order, each with the ids of
/// its footer references.
fn sections(document: &str) -> Vec<(roxmltree::NodeId, Vec<String>)> {
    let doc = roxmltree::Document::parse(document).unwrap();
    find_all(doc.root(), "sectPr")
        .map(|section| {
            let ids = section
                .children()
                .filter(|n| n.tag_name().name() == "footerReference")
                .filter_map(|n| {
                    n.attributes()
                        .find(|a| a.name() == "id")
                        .map(|a| a.value().to_string())
                })
                .collect();
            (section.id(), ids)
        })
        .collect()
}

#[test]
fn an_end_block_alone_gets_a_last_section_without_page_numbers() {
    let without_attachments = Briefing {
        attachments: Vec::new(),
        ..sample_briefing()
    };
    // The sample ends with a table (the ledger); without attachments it
    // ends with a paragraph.
    for (briefing, ends_with_table) in [(sample_briefing(), true), (without_attachments, false)] {
        for layout in [Layout::Briefing, Layout::Official] {
            let bytes = render(
                &briefing,
                &Style::default_style(),
                layout,
                &[],
                EndBlockPage::Alone,
            )
            .unwrap();
            end_block_stands_alone(&mut Package::open(bytes), ends_with_table, layout);
        }
    }
}

/// The text is a section with numbered footers that ends in its last
/// paragraph; the end block follows in a last section with empty footers.
fn end_block_stands_alone(package: &mut Package, ends_with_table: bool, layout: Layout) {
    let text = package.part("word/document.xml");
    let found = sections(&text);
    assert_eq!(found.len(), 2, "{layout:?}: {found:?}");
    let doc = roxmltree::Document::parse(&text).unwrap();
    let first = doc.get_node(found[0].0).unwrap();
    // The text's section ends in its last paragraph; after a table in
    // one a point high.
    let paragraph = first.parent().and_then(|p| p.parent()).unwrap();
    assert_eq!(paragraph.tag_name().name(), "p");
    let words: String = paragraph.descendants().filter_map(|n| n.text()).collect();
    let before = paragraph.prev_sibling_element().unwrap();
    if ends_with_table {
        assert_eq!(before.tag_name().name(), "tbl", "{layout:?}");
        assert!(words.is_empty(), "{layout:?}: {words}");
        let spacing = find(paragraph, "spacing").unwrap();
        assert_eq!(w_attr(spacing, "line"), Some("20"));
        assert_eq!(w_attr(spacing, "lineRule"), Some("exact"));
    } else {
        assert!(
            !words.trim().is_empty(),
            "{layout:?}: an empty paragraph ends the text"
        );
    }
    // References come first in each section, as the schema wants.
    for (id, _) in &found {
        let section = doc.get_node(*id).unwrap();
        let first_child = section.first_element_child().unwrap();
        assert_eq!(first_child.tag_name().name(), "footerReference");
    }
    // After the break: a hairline (for LibreOffice), the end block, its
    // anchor.
    let body = doc.root_element().first_element_child().unwrap();
    let after: Vec<_> = body
        .children()
        .skip_while(|n| *n != paragraph)
        .skip(1)
        .filter(|n| n.is_element())
        .map(|n| n.tag_name().name().to_string())
        .collect();
    assert_eq!(after, ["p", "tbl", "p", "sectPr"], "{layout:?}");
    // The text's footers number the pages; the last section's are empty.
    // The text's section numbers its pages; the last section's first page,
    // the end block's, has an empty footer.
    assert_eq!(found[0].1, ["rIdFooter1", "rIdFooter2"], "{layout:?}");
    assert_eq!(
        found[1].1,
        ["rIdFooter1", "rIdFooter3", "rIdFooter2"],
        "{layout:?}"
    );
    let title_page = |id| {
        doc.get_node(id)
            .unwrap()
            .children()
            .any(|n| n.tag_name().name() == "titlePg")
    };
    assert!(
        !title_page(found[0].0) && title_page(found[1].0),
        "{layout:?}"
    );
    for (name, numbered) in [
        ("word/footer1.xml", true),
        ("word/footer2.xml", true),
        ("word/footer3.xml", false),
    ] {
        let footer = package.part(name);
        assert_eq!(
            footer.contains("PAGE"),
            numbered,
            "{layout:?} {name}: {footer}"
        );
    }
}

#[test]
fn an_end_block_with_the_text_leaves_one_section() {
    let text = sample_package().part("word/document.xml");
    let found = sections(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, ["rIdFooter1", "rIdFooter2"]);
}

#[test]
fn both_footers_carry_a_page_field_in_song_at_fourteen_points() {
    let mut package = sample_package();
    for name in ["word/footer1.xml", "word/footer2.xml"] {
        let text = package.part(name);
        let doc = roxmltree::Document::parse(&text).unwrap();
        let instr = find(doc.root(), "instrText").expect("a field");
        assert_eq!(instr.text().map(str::trim), Some("PAGE"));
        let chars: Vec<_> = find_all(doc.root(), "fldChar")
            .map(|c| w_attr(c, "fldCharType").unwrap())
            .collect();
        assert_eq!(chars, ["begin", "separate", "end"]);
        for run in find_all(doc.root(), "r") {
            assert_eq!(w_attr(find(run, "sz").unwrap(), "val"), Some("28"));
            assert_eq!(
                w_attr(find(run, "rFonts").unwrap(), "eastAsia"),
                Some("宋体")
            );
        }
        assert!(text.contains("— "));
    }
    let odd = package.part("word/footer1.xml");
    let even = package.part("word/footer2.xml");
    assert!(odd.contains("w:val=\"right\""));
    assert!(even.contains("w:val=\"left\""));
    let settings = package.part("word/settings.xml");
    assert!(settings.contains("evenAndOddHeaders"));
    assert!(!settings.contains("balanceSingleByteDoubleByteWidth"));
    let document = package.part("word/document.xml");
    assert!(document.contains("w:type=\"even\""));
}

#[test]
fn core_properties_come_from_the_document_info() {
    let text = sample_package().part("docProps/core.xml");
    let doc = roxmltree::Document::parse(&text).unwrap();
    let value = |name: &str| {
        doc.descendants()
            .find(|n| n.tag_name().name() == name)
            .and_then(|n| n.text())
            .map(str::to_string)
    };
    assert_eq!(
        value("title").as_deref(),
        Some("生态文明建设工作简报（第11期）")
    );
    assert_eq!(
        value("creator").as_deref(),
        Some("市生态文明建设领导小组办公室")
    );
    assert_eq!(value("created").as_deref(), Some("2026-11-28T00:00:00Z"));
    assert_eq!(value("modified").as_deref(), Some("2026-11-28T00:00:00Z"));
}

#[test]
fn two_renders_in_one_process_are_identical() {
    let bytes = || bytes_of(&sample_briefing());
    let first = bytes();
    assert!(first == bytes(), "the bytes differ");
    let thread = std::thread::spawn(bytes);
    assert!(
        thread.join().unwrap() == first,
        "another thread's bytes differ"
    );
}

#[test]
fn two_renders_with_charts_in_one_process_are_identical() {
    // docx-rs numbers pictures from a process-wide counter: each render
    // advances it by three.
    for layout in [Layout::Briefing, Layout::Official] {
        let first = chart_bytes(layout);
        let second = chart_bytes(layout);
        assert!(first == second, "{layout:?}: the bytes differ");
        let thread = std::thread::spawn(move || chart_bytes(layout));
        assert!(
            thread.join().unwrap() == first,
            "{layout:?}: another thread's bytes differ"
        );
    }
}

/// The attribute `name` of a node, in any namespace.
fn attribute<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> &'a str {
    node.attributes()
        .find(|a| a.name() == name)
        .map(|a| a.value())
        .unwrap_or_else(|| panic!("{name} on {:?}", node.tag_name()))
}

/// The first descendant element called `name`, in any namespace.
fn element<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> roxmltree::Node<'a, 'a> {
    node.descendants()
        .find(|n| n.is_element() && n.tag_name().name() == name)
        .unwrap_or_else(|| panic!("no {name} in {:?}", node.tag_name()))
}

#[test]
fn each_chart_is_a_picture_at_print_resolution_centred_above_its_caption() {
    let briefing = sample_briefing_with_charts();
    let captions: Vec<String> = briefing.charts().map(|c| c.caption.clone()).collect();
    let mut package = Package::open(chart_bytes(Layout::Briefing));
    let mut media: Vec<String> = package
        .archive
        .file_names()
        .filter(|n| n.starts_with("word/media/"))
        .map(str::to_string)
        .collect();
    media.sort();
    assert_eq!(media.len(), captions.len(), "{media:?}");
    assert!(media.iter().all(|n| n.ends_with(".png")), "{media:?}");

    let rels_text = package.part("word/_rels/document.xml.rels");
    let rels = roxmltree::Document::parse(&rels_text).unwrap();
    let target = |id: &str| {
        rels.descendants()
            .find(|n| n.attribute("Id") == Some(id))
            .and_then(|n| n.attribute("Target"))
            .map(|t| format!("word/{t}"))
            .unwrap_or_else(|| panic!("no relationship {id}"))
    };
    let text = package.part("word/document.xml");
    let doc = roxmltree::Document::parse(&text).unwrap();
    let inlines: Vec<_> = doc
        .descendants()
        .filter(|n| n.is_element() && n.tag_name().name() == "inline")
        .collect();
    assert_eq!(inlines.len(), captions.len());
    let mut seen = Vec::new();
    for (index, inline) in inlines.iter().enumerate() {
        let extent = element(*inline, "extent");
        let cx: f64 = attribute(extent, "cx").parse().unwrap();
        let cy: f64 = attribute(extent, "cy").parse().unwrap();
        let embed = attribute(element(*inline, "blip"), "embed");
        let name = target(embed);
        assert!(media.contains(&name), "{name} in {media:?}");
        seen.push(name.clone());
        let png = package.bytes(&name);
        let (width, height) = png_size(&png);
        for (pixels, emu) in [(width, cx), (height, cy)] {
            let dpi = f64::from(pixels) / (emu / 914_400.0);
            assert!((300.0..301.0).contains(&dpi), "{name}: {dpi} dpi");
        }
        assert!(cx <= 156.0 / 25.4 * 914_400.0, "wider than the type area");
        let doc_pr = element(*inline, "docPr");
        assert_eq!(attribute(doc_pr, "id"), (index + 1).to_string());
        assert_eq!(attribute(doc_pr, "descr"), captions[index]);

        let paragraph = inline
            .ancestors()
            .find(|n| n.tag_name().name() == "p")
            .expect("inline in a paragraph");
        assert_eq!(
            w_attr(find(paragraph, "jc").unwrap(), "val"),
            Some("center")
        );
        assert!(find(paragraph, "keepNext").is_some());
        let caption = paragraph
            .next_siblings()
            .skip(1)
            .find(|n| n.is_element())
            .expect("a paragraph after the picture");
        assert_eq!(paragraph_text(caption), captions[index]);
        assert_eq!(w_attr(find(caption, "jc").unwrap(), "val"), Some("center"));
        assert_eq!(
            w_attr(find(caption, "sz").unwrap(), "val"),
            Some("24"),
            "table size"
        );
    }
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), captions.len(), "one picture per chart");
}

/// A PNG's size in pixels, decoding the whole picture.
fn png_size(png: &[u8]) -> (u32, u32) {
    use typst::visualize::{ExchangeFormat, RasterImage};
    let image = RasterImage::plain(
        typst::foundations::Bytes::new(png.to_vec()),
        ExchangeFormat::Png,
    )
    .expect("a decodable PNG");
    (image.width(), image.height())
}

#[test]
fn a_picture_short_or_over_is_an_internal_error() {
    let briefing = sample_briefing_with_charts();
    let style = Style::default_style();
    let short = render(
        &briefing,
        &style,
        Layout::Briefing,
        &CHART_IMAGES[..2],
        EndBlockPage::WithText,
    )
    .unwrap_err();
    assert!(
        short.message.contains("第 3 幅图表没有图片"),
        "{}",
        short.message
    );
    let mut over = CHART_IMAGES.clone();
    over.push(over[0].clone());
    let over = render(
        &briefing,
        &style,
        Layout::Briefing,
        &over,
        EndBlockPage::WithText,
    )
    .unwrap_err();
    assert!(over.message.contains("内部错误"), "{}", over.message);
}

#[test]
fn a_chart_takes_whole_grid_lines() {
    let text = Package::open(chart_bytes(Layout::Briefing)).part("word/document.xml");
    let doc = roxmltree::Document::parse(&text).unwrap();
    for inline in doc
        .descendants()
        .filter(|n| n.tag_name().name() == "inline")
    {
        let paragraph = inline
            .ancestors()
            .find(|n| n.tag_name().name() == "p")
            .unwrap();
        let spacing = find(paragraph, "spacing").unwrap();
        assert_eq!(w_attr(spacing, "lineRule"), Some("atLeast"));
        let line: i32 = w_attr(spacing, "line").unwrap().parse().unwrap();
        assert_eq!(line % 579, 0, "{line} twips");
        let cy: f64 = attribute(element(inline, "extent"), "cy").parse().unwrap();
        let height_twips = cy / 12_700.0 * 20.0;
        assert!(
            f64::from(line) >= height_twips + 579.0 / 2.0,
            "{line} for {height_twips}"
        );
        assert!(
            f64::from(line) < height_twips + 579.0 * 1.5,
            "{line} for {height_twips}"
        );
        let caption = paragraph
            .next_siblings()
            .skip(1)
            .find(|n| n.is_element())
            .unwrap();
        let spacing = find(caption, "spacing").unwrap();
        assert_eq!(w_attr(spacing, "lineRule"), Some("exact"));
        assert_eq!(w_attr(spacing, "line"), Some("579"));
    }
}

#[test]
fn markup_in_user_text_comes_out_literally() {
    let mut briefing = sample_briefing();
    briefing.title = MARKUP.to_string();
    briefing.document.title = MARKUP.to_string();
    briefing.masthead.name = MARKUP.to_string();
    briefing.imprint.copies = MARKUP.to_string();
    let mut style = Style::default_style();
    let face = "A&B\"<字体>";
    if let Some(body) = style.face.get_mut("body") {
        body.docx = face.to_string();
    }
    let mut package = Package::open(
        render(
            &briefing,
            &style,
            Layout::Briefing,
            &[],
            EndBlockPage::WithText,
        )
        .unwrap(),
    );
    let text = package.part("word/document.xml");
    let doc = roxmltree::Document::parse(&text).expect("document.xml parses");
    let texts: Vec<&str> = find_all(doc.root(), "t").filter_map(|t| t.text()).collect();
    assert!(
        texts.iter().filter(|t| **t == MARKUP).count() >= 4,
        "{texts:?}"
    );
    for part in ["word/styles.xml", "word/fontTable.xml"] {
        let text = package.part(part);
        let xml = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{part}: {e}"));
        let named = |f: roxmltree::Node| {
            w_attr(f, "eastAsia") == Some(face) || w_attr(f, "name") == Some(face)
        };
        assert!(xml.descendants().any(named), "{part} names the face");
    }
    let core = package.part("docProps/core.xml");
    let core = roxmltree::Document::parse(&core).unwrap();
    assert!(core.descendants().any(|n| n.text() == Some(MARKUP)));
}

#[test]
fn control_characters_are_dropped() {
    let mut briefing = sample_briefing();
    briefing.title = "标题\u{1}\u{b}完".to_string();
    let mut package = package_of(&briefing);
    let text = package.part("word/document.xml");
    let doc = roxmltree::Document::parse(&text).expect("document.xml parses");
    assert!(find_all(doc.root(), "t").any(|t| t.text() == Some("标题完")));
}

#[test]
fn the_masthead_is_red_and_shrinks_to_one_line() {
    let text = sample_package().part("word/document.xml");
    assert!(text.contains("<w:color w:val=\"E60012\" />"));
    assert!(
        text.contains("<w:sz w:val=\"80\" />"),
        "40 pt for ten characters"
    );
    assert_eq!(fitted_size("生态文明建设工作简报", 40.0, 442.25), 40.0);
    let long = "某某市某某区生态文明建设和环境保护工作简报";
    let size = fitted_size(long, 40.0, 442.25);
    assert!(size * 21.0 <= 442.25 && size > 20.0, "{size}");
}

#[test]
fn a_bad_colour_is_a_diagnostic() {
    let mut style = Style::default_style();
    style.color.red = "red".to_string();
    let err = render(
        &sample_briefing(),
        &style,
        Layout::Briefing,
        &[],
        EndBlockPage::WithText,
    )
    .unwrap_err();
    assert!(err.message.contains("color.red"), "{}", err.message);
}

#[test]
fn a_row_wider_than_the_header_is_a_diagnostic() {
    let mut briefing = sample_briefing();
    briefing.body.push(Block::Table(Table {
        caption: None,
        columns: vec![Column::new("甲", 1.0, Align::Left)],
        rows: vec![Row::cells(["1", "2"])],
    }));
    let err = render(
        &briefing,
        &Style::default_style(),
        Layout::Briefing,
        &[],
        EndBlockPage::WithText,
    )
    .unwrap_err();
    assert!(err.message.contains("表格"), "{}", err.message);
}

#[test]
fn the_body_ends_with_a_paragraph_even_without_an_end_block() {
    let mut briefing = sample_briefing();
    for imprint in [
        briefing.imprint.clone(),
        Imprint {
            lines: Vec::new(),
            copies: String::new(),
        },
    ] {
        briefing.imprint = imprint;
        let mut package = package_of(&briefing);
        let text = package.part("word/document.xml");
        let doc = roxmltree::Document::parse(&text).unwrap();
        let body = find(doc.root(), "body").unwrap();
        let last = body
            .children()
            .rfind(|n| n.is_element() && n.tag_name().name() != "sectPr")
            .unwrap();
        assert_eq!(last.tag_name().name(), "p");
    }
}

fn official_bytes() -> Vec<u8> {
    render(
        &sample_briefing(),
        &Style::default_style(),
        Layout::Official,
        &[],
        EndBlockPage::WithText,
    )
    .expect("the 通报 renders")
}

/// The text of a paragraph: its `w:t` runs joined.
fn paragraph_text(paragraph: roxmltree::Node) -> String {
    find_all(paragraph, "t").filter_map(|t| t.text()).collect()
}

/// The body paragraph (outside tables) whose text is `text`.
fn body_paragraph<'a>(doc: &'a roxmltree::Document<'a>, text: &str) -> roxmltree::Node<'a, 'a> {
    let body = find(doc.root(), "body").unwrap();
    body.children()
        .find(|n| n.tag_name().name() == "p" && paragraph_text(*n) == text)
        .unwrap_or_else(|| panic!("a paragraph reads {text}"))
}

#[test]
fn the_official_head_has_the_red_mark_the_number_and_the_red_rule() {
    let text = Package::open(official_bytes()).part("word/document.xml");
    let doc = roxmltree::Document::parse(&text).unwrap();
    let official = sample_briefing().official;
    for mark in &official.marks {
        let p = body_paragraph(&doc, mark);
        assert_eq!(
            w_attr(find(p, "rFonts").unwrap(), "eastAsia"),
            Some("黑体"),
            "{mark} in 黑体"
        );
    }
    let mark = body_paragraph(&doc, &official.issuer_mark);
    assert_eq!(w_attr(find(mark, "color").unwrap(), "val"), Some("E60012"));
    assert_eq!(
        w_attr(find(mark, "rFonts").unwrap(), "eastAsia"),
        Some("方正小标宋简体")
    );
    assert_eq!(w_attr(find(mark, "jc").unwrap(), "val"), Some("center"));
    // Sixteen characters shrink from 40 pt to fit the type width.
    let size: f64 = w_attr(find(mark, "sz").unwrap(), "val")
        .unwrap()
        .parse()
        .unwrap();
    assert!(size / 2.0 * 16.0 <= 442.3 && size / 2.0 > 25.0, "{size}");
    let number = body_paragraph(&doc, official.document_number.as_deref().unwrap());
    assert_eq!(w_attr(find(number, "jc").unwrap(), "val"), Some("center"));
    let bottom = find(find(number, "pBdr").unwrap(), "bottom").unwrap();
    assert_eq!(w_attr(bottom, "val"), Some("single"));
    assert_eq!(w_attr(bottom, "color"), Some("E60012"));
    assert_eq!(w_attr(bottom, "sz"), Some("16"), "2 pt");
}

#[test]
fn the_official_title_recipients_and_closing_follow_the_head() {
    let text = Package::open(official_bytes()).part("word/document.xml");
    let doc = roxmltree::Document::parse(&text).unwrap();
    let official = sample_briefing().official;
    let title = find_all(doc.root(), "p")
        .find(|p| {
            find(*p, "pStyle").and_then(|s| w_attr(s, "val")) == Some("Title")
                && paragraph_text(*p).starts_with("关于")
        })
        .expect("the title");
    assert_eq!(paragraph_text(title), official.title);
    assert!(find(title, "br").is_some(), "a long title is broken in two");
    let recipients = body_paragraph(&doc, &official.recipients);
    assert_eq!(
        w_attr(find(recipients, "ind").unwrap(), "firstLine"),
        Some("0")
    );
    let closing = body_paragraph(&doc, &official.closing);
    assert!(find(closing, "keepNext").is_some());
    body_paragraph(&doc, &official.attachment_note[0]);
    body_paragraph(&doc, official.note.as_deref().unwrap());
    assert!(
        !text.contains("按语") && !text.contains(&sample_briefing().masthead.name),
        "no 简报 masthead or editor's note"
    );
}

#[test]
fn the_signature_and_date_stand_two_and_four_cells_from_the_right() {
    let text = Package::open(official_bytes()).part("word/document.xml");
    let doc = roxmltree::Document::parse(&text).unwrap();
    let official = sample_briefing().official;
    let cell = Style::default_style().char_cell_pt() * 20.0;
    for (line, cells) in [(&official.signature, 2.0), (&official.date, 4.0)] {
        let p = body_paragraph(&doc, line);
        assert_eq!(w_attr(find(p, "jc").unwrap(), "val"), Some("right"));
        let right: f64 = w_attr(find(p, "ind").unwrap(), "right")
            .unwrap()
            .parse()
            .unwrap();
        assert!((right - cells * cell).abs() <= 1.0, "{line}: {right}");
    }
    assert!(find(body_paragraph(&doc, &official.signature), "keepNext").is_some());
}

#[test]
fn the_colophon_is_a_ruled_table_at_the_foot_with_copy_to_and_printer() {
    let text = Package::open(official_bytes()).part("word/document.xml");
    let doc = roxmltree::Document::parse(&text).unwrap();
    let official = sample_briefing().official;
    let table = find_all(doc.root(), "tbl")
        .find(|t| find(*t, "tblpPr").is_some())
        .expect("a floating table");
    let position = find(table, "tblpPr").unwrap();
    assert_eq!(w_attr(position, "vertAnchor"), Some("margin"));
    assert_eq!(w_attr(position, "tblpYSpec"), Some("bottom"));
    let rows: Vec<String> = find_all(table, "tr").map(paragraph_text).collect();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0], official.copy_to.clone().unwrap());
    assert_eq!(
        rows[1],
        format!("{}{}", official.printer, official.print_date)
    );
    assert!(rows[1].ends_with("印发"));
    let borders = find(table, "tblBorders").unwrap();
    let size = |name| w_attr(find(borders, name).unwrap(), "sz");
    assert_eq!(size("top"), Some("8"), "0.35 mm");
    assert_eq!(size("insideH"), Some("6"), "0.25 mm");
    assert!(
        !text.contains(&sample_briefing().imprint.copies),
        "not the 简报's end block"
    );
}

#[test]
fn two_official_renders_are_identical() {
    assert!(official_bytes() == official_bytes(), "the bytes differ");
    assert!(official_bytes() != bytes_of(&sample_briefing()));
}

#[test]
fn word_opens_it_in_its_current_mode_with_a_theme() {
    let mut package = sample_package();
    let text = package.part("word/settings.xml");
    let settings = roxmltree::Document::parse(&text).unwrap();
    let mode = find_all(settings.root(), "compatSetting")
        .find(|s| w_attr(*s, "name") == Some("compatibilityMode"))
        .expect("the compatibility mode is declared");
    assert_eq!(
        w_attr(mode, "val"),
        Some("15"),
        "Word 2013 and later, not 兼容模式"
    );
    let theme = package.part("word/theme/theme1.xml");
    assert!(roxmltree::Document::parse(&theme).is_ok());
    assert!(
        package
            .part("word/_rels/document.xml.rels")
            .contains("theme/theme1.xml")
    );
    assert!(
        package
            .part("[Content_Types].xml")
            .contains("/word/theme/theme1.xml")
    );
}

#[test]
fn every_face_names_its_chinese_and_latin_fonts_before_its_other_properties() {
    let mut package = sample_package();
    for part in ["word/styles.xml", "word/document.xml"] {
        let text = package.part(part);
        let xml = roxmltree::Document::parse(&text).unwrap();
        let fonts: Vec<_> = find_all(xml.root(), "rFonts")
            .filter(|f| w_attr(*f, "eastAsia").is_some())
            .collect();
        assert!(!fonts.is_empty(), "{part}");
        for font in fonts {
            let official = [
                "仿宋_GB2312",
                "方正小标宋简体",
                "黑体",
                "楷体_GB2312",
                "宋体",
            ];
            assert!(
                official.contains(&w_attr(font, "eastAsia").unwrap()),
                "{part}"
            );
            assert!(w_attr(font, "ascii").is_some() && w_attr(font, "hAnsi").is_some());
            // Word drops run properties out of the schema's sequence: only
            // a run style may come before the fonts.
            let before: Vec<_> = font
                .prev_siblings()
                .skip(1) // the node itself
                .filter(|n| n.is_element())
                .map(|n| n.tag_name().name())
                .collect();
            assert!(before.iter().all(|n| *n == "rStyle"), "{part}: {before:?}");
        }
    }
}
