//! The article: title, editor's note, headings, paragraphs with run-in
//! leads, and attachments; runs of user text.

use docx_rs::{
    AlignmentType, BreakType, Docx, Paragraph, Run, RunFonts, SpecialIndentType, Table as DocxTable,
};

use super::chart::{self, Pictures};
use super::fonts::{cjk_fonts, run_fonts};
use super::styles::{self, BODY, HEADING_1, HEADING_2, NOTE, TITLE};
use super::table;
use super::units::{Metrics, pt_to_half_points};
use crate::briefing::{Attachment, Block, EditorNote, Heading, Paragraph as BodyParagraph};
use crate::diagnostic::Diagnostic;
use crate::layout::lines::{is_latin, is_shared_with_latin};
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

/// Runs of user text in `face` (the face its paragraph's style sets).
/// Characters that XML 1.0 cannot carry are dropped and line-breaking
/// whitespace becomes a space; docx-rs escapes the rest.
///
/// Punctuation that Chinese shares with Latin text (“ ” ‘ ’ — … ·) must be
/// set full-width in the Chinese face, as in the PDF. Every run says so to
/// Word with `w:hint="eastAsia"` (without it Word takes Times New Roman for
/// these). LibreOffice ignores the hint and gives such a mark the script of
/// the character before it, so after a letter or digit (`15.“双控”`) the
/// mark gets a run of its own whose Latin font is the Chinese face too.
pub(super) fn text_runs(text: &str, face: &Face) -> Vec<Run> {
    runs(text, face, false, false)
}

/// Runs of user text in a face at a size, the face named on every run.
pub(super) fn face_runs(text: &str, face: &Face, size_pt: f64) -> Vec<Run> {
    sized(runs(text, face, true, false), size_pt)
}

/// [`text_runs`] in a paragraph on the grid, whose style condenses every
/// character by the grid's character spacing: letters and digits get runs
/// of their own at their natural width (spacing 0), as the PDF's line
/// breaking measures them (`render::pdf::grid`).
///
/// Word applies the spacing after every character (ISO 29500 §17.3.2.35);
/// LibreOffice leaves a negative spacing out after the last character of
/// each run and each stretch of one script. Latin runs without spacing
/// lose nothing; what remains is the CJK character before a Latin run,
/// which LibreOffice sets uncondensed, and the line breaking counts it so.
pub(super) fn grid_runs(text: &str, face: &Face) -> Vec<Run> {
    runs(text, face, false, true)
}

/// [`grid_runs`] in a face at a size, the face named on every run.
pub(super) fn grid_face_runs(text: &str, face: &Face, size_pt: f64) -> Vec<Run> {
    sized(runs(text, face, true, true), size_pt)
}

fn sized(runs: Vec<Run>, size_pt: f64) -> Vec<Run> {
    runs.into_iter()
        .map(|run| run.size(pt_to_half_points(size_pt)))
        .collect()
}

/// The runs of `text`; `name_face`: whether normal runs name the face (or
/// inherit it from the paragraph style); `grid`: whether Latin text gets
/// runs of its own without character spacing.
fn runs(text: &str, face: &Face, name_face: bool, grid: bool) -> Vec<Run> {
    let text = clean_text(text);
    let mut runs = Vec::new();
    let mut segment = String::new();
    let mut previous: Option<char> = None;
    let flush = |segment: &mut String, runs: &mut Vec<Run>| {
        if segment.is_empty() {
            return;
        }
        let text = std::mem::take(segment);
        let run = plain_run(&text, face, name_face);
        let latin = grid && text.chars().next().is_some_and(is_latin);
        runs.push(if latin { run.character_spacing(0) } else { run });
    };
    for c in text.chars() {
        if is_shared_with_latin(c) && previous.is_some_and(is_latin) {
            flush(&mut segment, &mut runs);
            runs.push(
                Run::new()
                    .add_text(c.to_string())
                    .fonts(cjk_fonts(face).hint("eastAsia")),
            );
        } else {
            let script_changes = previous.is_some_and(|p| is_latin(p) != is_latin(c));
            if grid && script_changes {
                flush(&mut segment, &mut runs);
            }
            segment.push(c);
        }
        previous = Some(c);
    }
    flush(&mut segment, &mut runs);
    if runs.is_empty() {
        runs.push(plain_run("", face, name_face));
    }
    runs
}

fn plain_run(text: &str, face: &Face, name_face: bool) -> Run {
    let fonts = if name_face {
        run_fonts(face)
    } else {
        RunFonts::new()
    };
    Run::new().add_text(text).fonts(fonts.hint("eastAsia"))
}

/// Adds runs to a paragraph, in order.
pub(super) trait AddRuns {
    /// The paragraph with `runs` appended.
    fn add_runs(self, runs: Vec<Run>) -> Self;
}

impl AddRuns for Paragraph {
    fn add_runs(self, runs: Vec<Run>) -> Self {
        runs.into_iter().fold(self, Paragraph::add_run)
    }
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
pub(super) fn title(text: &str, style: &Style) -> Paragraph {
    let mut paragraph = Paragraph::new().style(TITLE);
    for (index, line) in text.split('\n').enumerate() {
        if index > 0 {
            paragraph = paragraph.add_run(Run::new().add_break(BreakType::TextWrapping));
        }
        paragraph = paragraph.add_runs(text_runs(line, style.face("title")));
    }
    paragraph
}

/// The editor's note: its label runs into the first paragraph, all in Kai.
pub(super) fn editor_note(note: &EditorNote, style: &Style) -> Vec<Element> {
    let kai = style.face("kai");
    let mut texts = note.paragraphs.iter();
    let first = Paragraph::new()
        .style(NOTE)
        .add_runs(grid_runs(&note.label, kai));
    let first = match texts.next() {
        Some(text) => first.add_runs(grid_runs(text, kai)),
        None => first,
    };
    std::iter::once(first)
        .chain(texts.map(|text| Paragraph::new().style(NOTE).add_runs(grid_runs(text, kai))))
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
        0 | 1 => Paragraph::new()
            .style(HEADING_1)
            .add_runs(grid_runs(&text, style.face("hei"))),
        2 => Paragraph::new()
            .style(HEADING_2)
            .add_runs(grid_runs(&text, style.face("kai"))),
        _ => Paragraph::new()
            .style(BODY)
            .add_runs(lead_runs(heading, style)),
    }
}

/// A body paragraph, its run-in lead first.
fn body_paragraph(paragraph: &BodyParagraph, style: &Style) -> Paragraph {
    let body = Paragraph::new().style(BODY);
    let body = match &paragraph.lead {
        Some(lead) => body.add_runs(lead_runs(lead, style)),
        None => body,
    };
    body.add_runs(grid_runs(&paragraph.text, style.face("body")))
}

/// A run-in heading: number and text in the face of its level; level 3 is
/// bold when the style says so.
fn lead_runs(heading: &Heading, style: &Style) -> Vec<Run> {
    let text = heading.printed();
    match heading.level {
        0 | 1 => grid_face_runs(&text, style.face("hei"), style.size.body_pt),
        2 => grid_face_runs(&text, style.face("kai"), style.size.body_pt),
        3 if style.heading.level3_bold => grid_runs(&text, style.face("body"))
            .into_iter()
            .map(Run::bold)
            .collect(),
        _ => grid_runs(&text, style.face("body")),
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
        .add_runs(face_runs(
            &attachment.label,
            style.face("hei"),
            style.size.attachment_label_pt,
        ));
    // The title right under the label, as in the PDF.
    let title = title(&attachment.title, style)
        .line_spacing(styles::exact(metrics.lines_for(style.size.title_pt)));
    let mut elements = vec![Element::from(label), Element::from(title)];
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
