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
//! - [`masthead`], [`blocks`], [`table`], [`chart`], [`imprint`]: the content;
//! - [`official`]: the 通报's head, closing, signature and 版记;
//! - [`page`]: paper, margins, page-number footers;
//! - [`package`], [`sections`]: XML patches where docx-rs has no API, and
//!   the zip.

mod blocks;
mod chart;
mod fonts;
mod imprint;
mod masthead;
mod official;
mod package;
mod page;
mod schema_order;
mod styles;
mod table;
mod units;

#[cfg(test)]
mod tests;

use docx_rs::Docx;

use crate::briefing::{Briefing, DocumentInfo};
use crate::diagnostic::Diagnostic;
use crate::render::{ChartImage, EndBlockPage};
use crate::style::Style;
use blocks::Element;
use chart::Pictures;
use units::Metrics;

/// Which document the briefing becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// The work briefing (简报): masthead, title, editor's note, end block.
    Briefing,
    /// The official document (通报, GB/T 9704): 版头, title, recipients,
    /// closing, signature, 版记.
    Official,
}

/// Renders the briefing as a DOCX file's bytes in `layout`. `charts` are
/// the pictures of the briefing's charts in reading order
/// ([`Briefing::charts`]), as [`pdf::chart_images`](crate::render::pdf::chart_images)
/// draws them; one per chart. `end_block` says where the PDF's layout put
/// the end block: when it stands alone there, the DOCX starts it on a page
/// of its own, the first of a last section, whose first-page footer is
/// empty; so that page has no number either. Deterministic: same input → identical bytes, also for
/// several documents built in one process.
///
/// # Errors
///
/// Colours of the style that are not `#RRGGBB`, a table row with more
/// cells than columns, and fewer pictures than charts.
pub fn render(
    briefing: &Briefing,
    style: &Style,
    layout: Layout,
    charts: &[ChartImage],
    end_block: EndBlockPage,
) -> Result<Vec<u8>, Diagnostic> {
    let metrics = Metrics::new(style)?;
    let docx = Docx::new().styles(styles::styles(style, &metrics));
    let docx = page::page_setup(docx, &metrics);
    let mut pictures = Pictures::new(charts);
    let (content, info) = match layout {
        Layout::Briefing => (
            content(briefing, &mut pictures, style, &metrics)?,
            briefing.document.clone(),
        ),
        Layout::Official => (
            official::content(briefing, &mut pictures, style, &metrics)?,
            DocumentInfo {
                title: briefing.official.title.clone(),
                ..briefing.document.clone()
            },
        ),
    };
    pictures.all_used()?;
    let docx = page::footers(docx, &briefing.page_numbers, style, &metrics);
    let docx = match (content.end_block, end_block) {
        (Some(end), EndBlockPage::Alone) => {
            let text = page::text_section(content.text, &docx.document.section_property);
            let docx = page::unnumbered_first_page(blocks::append(docx, text));
            // LibreOffice 7.4 keeps the footers of the section before when
            // a section starts with a floating table: a hairline goes first.
            let hairline = Element::from(blocks::hairline_paragraph());
            blocks::append(docx, with_anchor(vec![hairline, end]))
        }
        (end, _) => {
            let mut elements = content.text;
            elements.extend(end);
            blocks::append(docx, with_anchor(elements))
        }
    };
    let captions: Vec<&str> = briefing.charts().map(|c| c.caption.as_str()).collect();
    package::package(docx.build(), &info, &captions, style, &metrics)
}

/// A document's content: the text in reading order, and the end block
/// that closes it (none when its lines are all empty).
struct Content {
    /// Everything up to the end block.
    text: Vec<Element>,
    /// The 报尾 or 版记, a table floating at the foot of its page.
    end_block: Option<Element>,
}

/// The body in reading order: masthead, title, editor's note, article,
/// attachments; then the end block.
fn content(
    briefing: &Briefing,
    pictures: &mut Pictures<'_>,
    style: &Style,
    metrics: &Metrics,
) -> Result<Content, Diagnostic> {
    let mut elements: Vec<Element> = masthead::masthead(&briefing.masthead, style, metrics)
        .into_iter()
        .map(Element::from)
        .collect();
    elements.push(Element::from(blocks::title(&briefing.title, style)));
    if let Some(note) = &briefing.editor_note {
        elements.extend(blocks::editor_note(note, style));
    }
    elements.extend(blocks::blocks(&briefing.body, pictures, style, metrics)?);
    for attachment in &briefing.attachments {
        elements.extend(blocks::attachment(attachment, pictures, style, metrics)?);
    }
    Ok(Content {
        text: elements,
        end_block: imprint::end_block(&briefing.imprint, style, metrics),
    })
}

/// The body ending with a paragraph: a table needs one after it (Word
/// anchors a floating table to it and adds one anyway when the body ends
/// with a table).
fn with_anchor(mut elements: Vec<Element>) -> Vec<Element> {
    if matches!(elements.last(), Some(Element::Table(_))) {
        elements.push(Element::from(blocks::hairline_paragraph()));
    }
    elements
}
