//! An end block (报尾) that the text leaves no room for stands on a page of
//! its own, and that page carries no number: in the PDF, and in the DOCX as
//! LibreOffice lays it out.
//!
//! The example month is lengthened a paragraph at a time until the PDF's
//! end block moves to a page of its own; the DOCX is then written as
//! `jianbao build` writes it and converted with LibreOffice.

mod common;

use std::path::Path;
use std::process::Command;

use common::{have_tool, is_page_number, libreoffice_to_pdf, squeeze};
use jianbao::briefing::{Block, Briefing, Row};
use jianbao::render::pdf::{FontLibrary, PdfOptions, RenderedPdf, TemplateChoice};
use jianbao::render::{EndBlockPage, docx, pdf};
use jianbao::style::Style;

/// The pages of a PDF as pdftotext reads them, page numbers included.
fn pages(pdf: &Path) -> Vec<String> {
    let output = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    if pages.last().is_some_and(|page| page.trim().is_empty()) {
        pages.pop();
    }
    pages
}

fn numbered(page: &str) -> bool {
    page.lines().any(is_page_number)
}

/// The briefing, lengthened a step at a time by `grow` until the PDF's end
/// block stands alone; the first such briefing and its PDF.
fn lengthened_until_alone(
    mut briefing: Briefing,
    grow: fn(&mut Briefing, usize),
    fonts: &FontLibrary,
) -> (Briefing, RenderedPdf) {
    let style = Style::default_style();
    let template = TemplateChoice::Builtin("jianbao".to_string());
    for n in 1..=60 {
        let rendered = pdf::render(&briefing, &style, &template, fonts, &PdfOptions::default())
            .unwrap_or_else(|err| panic!("{err}"));
        if rendered.end_block == EndBlockPage::Alone {
            return (briefing, rendered);
        }
        grow(&mut briefing, n);
    }
    panic!("the end block never stood alone");
}

/// One more short paragraph at the end of the article.
fn more_text(briefing: &mut Briefing, n: usize) {
    briefing
        .body
        .push(Block::paragraph(None, format!("补充说明第{n}段。")));
}

/// One more row at the end of the last attachment's table (the ledger).
fn more_ledger(briefing: &mut Briefing, n: usize) {
    let blocks = &mut briefing.attachments.last_mut().expect("the ledger").blocks;
    let Some(Block::Table(table)) = blocks
        .iter_mut()
        .rev()
        .find(|b| matches!(b, Block::Table(_)))
    else {
        panic!("the ledger has a table");
    };
    let columns = table.columns.len();
    let cells = (0..columns).map(|column| match column {
        1 => format!("补充事项{n}"),
        _ => "—".to_string(),
    });
    table.rows.push(Row::cells(cells));
}

/// Builds the DOCX the way `jianbao build` does and checks LibreOffice's
/// pages: every one numbered but the last, which holds the end block.
fn docx_leaves_the_end_block_page_unnumbered(
    briefing: Briefing,
    grow: fn(&mut Briefing, usize),
    case: &str,
) {
    let fonts = FontLibrary::new(&[], false);
    let style = Style::default_style();
    let (briefing, rendered) = lengthened_until_alone(briefing, grow, &fonts);
    let dir = tempfile::tempdir().expect("a temporary folder");
    // Not briefing.pdf: LibreOffice writes that beside briefing.docx.
    let pdf_path = dir.path().join("jianbao.pdf");
    std::fs::write(&pdf_path, &rendered.pdf).expect("the PDF is written");
    let pdf_pages = pages(&pdf_path);
    let imprint = squeeze(&briefing.imprint.copies);
    let last = pdf_pages.last().expect("pages");
    assert!(
        squeeze(last).contains(&imprint) && !numbered(last),
        "{case}: {last}"
    );

    let charts = pdf::chart_images(&briefing, &style, &fonts).expect("charts draw");
    let bytes = docx::render(
        &briefing,
        &style,
        docx::Layout::Briefing,
        &charts,
        rendered.end_block,
    )
    .expect("the DOCX renders");
    let docx_path = dir.path().join("briefing.docx");
    std::fs::write(&docx_path, bytes).expect("the DOCX is written");
    common::assert_valid_ooxml(&docx_path);
    let lo_pages = pages(&libreoffice_to_pdf(&docx_path, dir.path()));
    let (last, text) = lo_pages.split_last().expect("LibreOffice wrote pages");
    assert!(squeeze(last).contains(&imprint), "{case}: {last}");
    assert!(
        !last.contains("补充说明"),
        "{case}: text on the end block's page"
    );
    assert!(
        !numbered(last),
        "{case}: the end block's page is numbered: {last}"
    );
    for (index, page) in text.iter().enumerate() {
        assert!(numbered(page), "{case}: page {} has no number", index + 1);
    }
    eprintln!(
        "{case}: PDF {} pages, LibreOffice {} pages; the end block alone on the last",
        pdf_pages.len(),
        lo_pages.len()
    );
}

#[test]
fn an_end_block_after_a_paragraph_stands_alone_unnumbered_in_both() {
    if !have_tool("soffice") || !have_tool("pdftotext") {
        return;
    }
    let mut briefing = common::example_briefing();
    briefing.attachments.clear();
    docx_leaves_the_end_block_page_unnumbered(briefing, more_text, "text");
}

#[test]
fn an_end_block_after_the_ledger_stands_alone_unnumbered_in_both() {
    if !have_tool("soffice") || !have_tool("pdftotext") {
        return;
    }
    docx_leaves_the_end_block_page_unnumbered(common::example_briefing(), more_ledger, "ledger");
}
