//! The article: title, editor's note, headings, paragraphs with run-in
//! leads, and attachments; runs of user text.

use docx_rs::{
    AlignmentType, BreakType, Docx, Paragraph, Run, SpecialIndentType, Table as DocxTable,
};

use super::chart::{self, Pictures};
use super::fonts::run_fonts;
use super::styles::{self, BODY, HEADING_1, HEADING_2, NOTE, TITLE};
use super::table;
use super::units::{Metrics, pt_to_half_points};
use crate::briefing::{Attachment, Block, EditorNote, Heading, Paragraph as BodyParagraph};
use crate::diagnostic::Diagnostic;
use crate::style::{Face, Style};

/// A piece of the document body, in order.
pub(super) enum Element {
    /// A paragraph.
    Paragraph(Box<Paragraph>),
    /// A table.
    Table(Box<DocxTable>),
}

impl From<Paragraph> for Element {
    fn from(paragraph: Paragraph) -> Self {
        Element::Paragraph(Box::new(paragraph))
    }
}

impl From<DocxTable> for Element {
    fn from(table: DocxTable) -> Self {
        Element::Table(Box::new(table))
    }
}

/// Appends elements to the document body.
pub(super) fn append(docx: Docx, elements: Vec<Element>) -> Docx {
    elements
        .into_iter()
        .fold(docx, |docx, element| match element {
            Element::Paragraph(paragraph) => docx.add_paragraph(*paragraph),
            Element::Table(table) => docx.add_table(*table),
        })
}

/// A run of user text. Characters that XML 1.0 cannot carry are dropped and
/// line-breaking whitespace becomes a space; docx-rs escapes the rest.
pub(super) fn text_run(text: &str) -> Run {
    Run::new().add_text(clean_text(text))
}

/// A run of user text in a face at a size.
pub(super) fn face_run(text: &str, face: &Face, size_pt: f64) -> Run {
    text_run(text)
        .fonts(run_fonts(face))
        .size(pt_to_half_points(size_pt))
}

/// `text` without characters that are invalid in XML 1.0.
fn clean_text(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' => Some(' '),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => None,
            _ => Some(c),
        })
        .collect()
}

/// A title paragraph; a line feed in the title is kept as a line break, so
/// a title broken by hand keeps its shape.
pub(super) fn title(text: &str) -> Paragraph {
    let mut paragraph = Paragraph::new().style(TITLE);
    for (index, line) in text.split('\n').enumerate() {
        if index > 0 {
            paragraph = paragraph.add_run(Run::new().add_break(BreakType::TextWrapping));
        }
        paragraph = paragraph.add_run(text_run(line));
    }
    paragraph
}

/// The editor's note: its label runs into the first paragraph, all in Kai.
pub(super) fn editor_note(note: &EditorNote) -> Vec<Element> {
    let mut texts = note.paragraphs.iter();
    let first = Paragraph::new().style(NOTE).add_run(text_run(&note.label));
    let first = match texts.next() {
        Some(text) => first.add_run(text_run(text)),
        None => first,
    };
    std::iter::once(first)
        .chain(texts.map(|text| Paragraph::new().style(NOTE).add_run(text_run(text))))
        .map(Element::from)
        .collect()
}

/// The body blocks in order; each chart takes the next of `pictures`.
pub(super) fn blocks(
    blocks: &[Block],
    pictures: &mut Pictures<'_>,
    style: &Style,
    metrics: &Metrics,
) -> Result<Vec<Element>, Diagnostic> {
    let mut elements = Vec::new();
    for block in blocks {
        match block {
            Block::Heading(heading) => {
                elements.push(Element::from(heading_paragraph(heading, style)))
            }
            Block::Paragraph(paragraph) => {
                elements.push(Element::from(body_paragraph(paragraph, style)));
            }
            Block::Table(data) => elements.extend(table::table(data, style, metrics)?),
            Block::Chart(data) => elements.extend(chart::chart(data, pictures, style, metrics)?),
        }
    }
    Ok(elements)
}

/// A heading on a line of its own: levels 1 and 2 get their heading style
/// (and so the navigation pane); deeper levels become a lead-only paragraph.
fn heading_paragraph(heading: &Heading, style: &Style) -> Paragraph {
    let text = heading.printed();
    match heading.level {
        0 | 1 => Paragraph::new().style(HEADING_1).add_run(text_run(&text)),
        2 => Paragraph::new().style(HEADING_2).add_run(text_run(&text)),
        _ => Paragraph::new()
            .style(BODY)
            .add_run(lead_run(heading, style)),
    }
}

/// A body paragraph, its run-in lead first.
fn body_paragraph(paragraph: &BodyParagraph, style: &Style) -> Paragraph {
    let body = Paragraph::new().style(BODY);
    let body = match &paragraph.lead {
        Some(lead) => body.add_run(lead_run(lead, style)),
        None => body,
    };
    body.add_run(text_run(&paragraph.text))
}

/// A run-in heading: number and text in the face of its level; level 3 is
/// bold when the style says so.
fn lead_run(heading: &Heading, style: &Style) -> Run {
    let run = text_run(&heading.printed());
    match heading.level {
        0 | 1 => run.fonts(run_fonts(style.face("hei"))),
        2 => run.fonts(run_fonts(style.face("kai"))),
        3 if style.heading.level3_bold => run.bold(),
        _ => run,
    }
}

/// An attachment on a new page: label top left in Hei, title centred in the
/// title face, then its blocks.
pub(super) fn attachment(
    attachment: &Attachment,
    pictures: &mut Pictures<'_>,
    style: &Style,
    metrics: &Metrics,
) -> Result<Vec<Element>, Diagnostic> {
    let label = no_indent(Paragraph::new().style(BODY))
        .align(AlignmentType::Left)
        .page_break_before(true)
        .add_run(face_run(
            &attachment.label,
            style.face("hei"),
            style.size.attachment_label_pt,
        ));
    let mut elements = vec![
        Element::from(label),
        Element::from(title(&attachment.title)),
    ];
    elements.extend(blocks(&attachment.blocks, pictures, style, metrics)?);
    Ok(elements)
}

/// An empty paragraph one point high, to end the body without taking a line.
pub(super) fn hairline_paragraph() -> Paragraph {
    no_indent(Paragraph::new().size(2).line_spacing(styles::exact(20)))
}

/// A paragraph without indents, whatever its style says (`w:ind` attributes
/// inherit one by one, so the first-line indent is cleared explicitly).
pub(super) fn no_indent(paragraph: Paragraph) -> Paragraph {
    paragraph.indent(
        Some(0),
        Some(SpecialIndentType::FirstLine(0)),
        Some(0),
        None,
    )
}
