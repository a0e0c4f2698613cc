//! The body grid for the PDF: every heading and paragraph of the briefing is
//! broken into lines here (see [`lines`](crate::layout::lines)), and the lines are
//! added to the data the template receives, beside the text they come from:
//! a block gains `lines`, the editor's note `lines` (one list per
//! paragraph), and titles `title_lines`. The template sets each character
//! in its cell of the 28 × 22 grid.

use serde_json::{Value, json};

use super::fonts::FontLibrary;
use crate::briefing::{Block, Briefing, Heading};
use crate::layout::lines::{Line, Measure, Piece, balance, break_lines, mark_run_ends, pieces};
use crate::style::{Style, mm_to_pt};

/// Cells of indent at the start of paragraphs and headings.
const INDENT_CELLS: f64 = 2.0;

/// Adds line breaks to `json`, the serialised `briefing`.
pub(super) fn annotate(json: &mut Value, briefing: &Briefing, style: &Style, fonts: &FontLibrary) {
    let grid = Grid::new(style, fonts);
    let official = &briefing.official;
    json["official"]["title_lines"] = grid.title_lines(&official.title);
    json["official"]["recipient_lines"] = json!(grid.lines(&official.recipients, 0.0));
    json["official"]["closing_lines"] = json!(grid.lines(&official.closing, INDENT_CELLS));
    json["official"]["attachment_note_lines"] = json!(
        official
            .attachment_note
            .iter()
            .map(|line| grid.lines(line, INDENT_CELLS))
            .collect::<Vec<_>>()
    );
    json["official"]["note_lines"] = json!(
        official
            .note
            .as_ref()
            .map(|note| grid.lines(note, INDENT_CELLS))
    );
    if let Some(blocks) = json.get_mut("body") {
        grid.annotate_blocks(blocks, &briefing.body);
    }
    json["title_lines"] = grid.title_lines(&briefing.title);
    if let Some(note) = &briefing.editor_note {
        let lines: Vec<Vec<Line>> = note
            .paragraphs
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let label = if i == 0 { note.label.as_str() } else { "" };
                grid.paragraph(&[(label, false), (text, false)], false)
            })
            .collect();
        json["editor_note"]["lines"] = json!(lines);
    }
    if let Some(attachments) = json.get_mut("attachments").and_then(Value::as_array_mut) {
        for (value, attachment) in attachments.iter_mut().zip(&briefing.attachments) {
            value["title_lines"] = grid.title_lines(&attachment.title);
            if let Some(blocks) = value.get_mut("blocks") {
                grid.annotate_blocks(blocks, &attachment.blocks);
            }
        }
    }
}

/// Measures of the grid and of Latin text.
struct Grid<'a> {
    style: &'a Style,
    fonts: &'a FontLibrary,
    /// Width of one cell, in points.
    cell_pt: f64,
}

impl<'a> Grid<'a> {
    fn new(style: &'a Style, fonts: &'a FontLibrary) -> Self {
        Grid {
            style,
            fonts,
            cell_pt: style.char_cell_pt(),
        }
    }

    fn annotate_blocks(&self, values: &mut Value, blocks: &[Block]) {
        let Some(values) = values.as_array_mut() else {
            return;
        };
        for (value, block) in values.iter_mut().zip(blocks) {
            let lines = match block {
                Block::Heading(heading) => {
                    Some(self.paragraph(&[(&heading.printed(), false)], false))
                }
                Block::Paragraph(paragraph) => {
                    let lead = paragraph
                        .lead
                        .as_ref()
                        .map(Heading::printed)
                        .unwrap_or_default();
                    let distinct = paragraph.lead.as_ref().is_some_and(|h| self.distinct(h));
                    Some(self.paragraph(&[(&lead, true), (&paragraph.text, false)], distinct))
                }
                Block::Table(_) | Block::Chart(_) => None,
            };
            if let Some(lines) = lines {
                value["lines"] = json!(lines);
            }
        }
    }

    /// Lines of plain text with `indent` cells before the first.
    fn lines(&self, text: &str, indent: f64) -> Vec<Line> {
        self.indented(&[(text, false)], indent, false)
    }

    /// Lines of a paragraph made of parts (text, whether it is the run-in
    /// lead); `distinct_lead`: whether the lead is set apart ([`Self::distinct`]).
    fn paragraph(&self, parts: &[(&str, bool)], distinct_lead: bool) -> Vec<Line> {
        self.indented(parts, INDENT_CELLS, distinct_lead)
    }

    /// Whether a run-in lead is set in another face or weight than the
    /// text after it, so that the DOCX gives it runs of their own: levels 1
    /// and 2 (黑体, 楷体), and level 3 when it is bold.
    fn distinct(&self, lead: &Heading) -> bool {
        lead.level <= 2 || lead.level == 3 && self.style.heading.level3_bold
    }

    /// Lines of parts with `indent` cells before the first, measured as
    /// Word and LibreOffice measure the DOCX: CJK characters advance by
    /// their width plus the grid's character spacing, letters and digits by
    /// their natural width (their runs have no spacing, see
    /// `render::docx::blocks::grid_runs`), a CJK character that ends a run
    /// uncondensed ([`Measure::run_end`]), and no space is added between
    /// Han characters and letters or digits.
    fn indented(&self, parts: &[(&str, bool)], indent: f64, distinct_lead: bool) -> Vec<Line> {
        let size = self.style.size.body_pt;
        let spacing = self.style.char_spacing_pt();
        let latin = |text: &str| self.latin_width(text, size) / self.cell_pt;
        let measure = Measure {
            cjk: (size + spacing) / self.cell_pt,
            latin: &latin,
            run_end: (-spacing).max(0.0) / self.cell_pt,
        };
        let mut all: Vec<Piece> = parts
            .iter()
            .flat_map(|(text, lead)| pieces(text, *lead, &measure))
            .collect();
        mark_run_ends(&mut all, &measure, distinct_lead);
        break_lines(all, f64::from(self.style.grid.chars_per_line), indent)
    }

    /// A title's balanced lines, as plain strings.
    fn title_lines(&self, title: &str) -> Value {
        let size = self.style.size.title_pt;
        let latin = |text: &str| self.latin_width(text, size) / size;
        let measure = Measure {
            cjk: 1.0,
            latin: &latin,
            run_end: 0.0,
        };
        let cells = mm_to_pt(self.style.type_width_mm()) / size;
        let lines = balance(pieces(title, false, &measure), cells.floor());
        let texts: Vec<String> = lines
            .iter()
            .map(|line| line.pieces.iter().map(|p| p.text.as_str()).collect())
            .collect();
        json!(texts)
    }

    /// Width of Latin text in the ASCII face at `size`, in points.
    fn latin_width(&self, text: &str, size: f64) -> f64 {
        self.fonts
            .text_width(&self.style.face("ascii").pdf, text, size)
            .unwrap_or_else(|| text.chars().count() as f64 * size * 0.5)
    }
}
