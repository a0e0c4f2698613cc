//! The DOCX writer: a [`Briefing`] and a [`Style`] in, the bytes of a
//! `.docx` out, for Word, WPS and LibreOffice. [`render`] is the one entry.
//!
//! The document carries the same content and format as the PDF: A4 with the
//! official margins, the body on a grid of exact line pitch (22 lines) whose
//! characters are squeezed so that a full line holds 28, heading styles with
//! outline levels, the masthead, tables with repeated header rows,
//! attachments on new pages, the end block anchored to the foot of the last
//! page, and page numbers `— N —` alternating right and left.
//!
//! Split by concern, as pandoc's Docx writer is:
//! - [`units`]: every millimetre and point of the style in DOCX units;
//! - [`fonts`]: run fonts per face, and the font table;
//! - [`styles`]: the named paragraph styles and document defaults;
//! - [`masthead`], [`blocks`], [`table`], [`imprint`]: the content;
//! - [`page`]: paper, margins, page-number footers;
//! - [`package`]: XML patches where docx-rs has no API, and the zip.

mod blocks;
mod fonts;
mod imprint;
mod masthead;
mod package;
mod page;
mod styles;
mod table;
mod units;

#[cfg(test)]
mod tests;

use docx_rs::Docx;

use crate::briefing::Briefing;
use crate::diagnostic::Diagnostic;
use crate::style::Style;
use blocks::Element;
use units::Metrics;

/// Renders the briefing as a DOCX file's bytes. Deterministic: same input →
/// identical bytes, also for several documents built in one process.
pub fn render(briefing: &Briefing, style: &Style) -> Result<Vec<u8>, Diagnostic> {
    let metrics = Metrics::new(style)?;
    let docx = Docx::new().styles(styles::styles(style, &metrics));
    let docx = page::page_setup(docx, &metrics);
    let docx = page::footers(docx, &briefing.page_numbers, style, &metrics);
    let docx = blocks::append(docx, content(briefing, style, &metrics)?);
    package::package(docx.build(), &briefing.document, style, &metrics)
}

/// The body in reading order: masthead, title, editor's note, article,
/// attachments, end block.
fn content(
    briefing: &Briefing,
    style: &Style,
    metrics: &Metrics,
) -> Result<Vec<Element>, Diagnostic> {
    let mut elements: Vec<Element> = masthead::masthead(&briefing.masthead, style, metrics)
        .into_iter()
        .map(Element::from)
        .collect();
    elements.push(Element::from(blocks::title(&briefing.title)));
    if let Some(note) = &briefing.editor_note {
        elements.extend(blocks::editor_note(note));
    }
    elements.extend(blocks::blocks(&briefing.body, style, metrics)?);
    for attachment in &briefing.attachments {
        elements.extend(blocks::attachment(attachment, style, metrics)?);
    }
    elements.extend(imprint::end_block(&briefing.imprint, style, metrics));
    if matches!(elements.last(), Some(Element::Table(_))) {
        // A table needs a paragraph after it: Word anchors a floating table
        // to it and adds one anyway when the body ends with a table.
        elements.push(Element::from(blocks::hairline_paragraph()));
    }
    Ok(elements)
}
