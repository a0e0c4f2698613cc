//! The end block (报尾) at the foot of the last page.
//!
//! It is a floating table anchored to the bottom of the type area
//! (`w:tblpPr w:vertAnchor="margin" w:tblpYSpec="bottom"`), so its last rule
//! sits on the bottom edge of the type area whatever the length of the text
//! above, and the text wraps around it. Horizontally it is placed relative to
//! the page (at the left margin): LibreOffice only turns a table as wide as
//! the type area into a floating frame when its position is page-relative.
//! One row per recipient line, 共印N份 right-aligned on the last row, rules
//! between the rows: the outer ones thicker.

use docx_rs::{
    AlignmentType, BorderType, Paragraph, Run, SpecialIndentType, Tab, TabValueType,
    Table as DocxTable, TableBorder, TableBorderPosition, TableBorders, TableCell,
    TableCellMargins, TableLayoutType, TablePositionProperty, TableRow, WidthType,
};

use super::blocks::{AddRuns, Element, face_runs};
use super::styles::exact;
use super::units::{Metrics, mm_to_border_eighths, pt_to_twips, text_width_em};
use crate::briefing::{Imprint, ImprintLine};
use crate::style::Style;

/// The end block; nothing when the imprint is empty. Like any table it is
/// anchored to the paragraph after it, which the assembly provides.
pub(super) fn end_block(imprint: &Imprint, style: &Style, metrics: &Metrics) -> Option<Element> {
    ruled_lines(&lines(imprint), style, metrics)
}

/// A line of a ruled block: a labelled text at the left (wrapped lines
/// aligned after the label), a text at the right, either optional.
pub(super) type RuledLine<'a> = (Option<&'a ImprintLine>, Option<&'a str>);

/// Rows between rules at the foot of the last page, anchored to the bottom
/// of the type area; nothing when there are no lines. The 简报's end block
/// and the 通报's 版记 are both built here.
pub(super) fn ruled_lines(
    lines: &[RuledLine<'_>],
    style: &Style,
    metrics: &Metrics,
) -> Option<Element> {
    let rows: Vec<TableRow> = lines
        .iter()
        .map(|(line, right)| row(line_paragraph(*line, *right, style, metrics), metrics))
        .collect();
    (!rows.is_empty()).then(|| Element::from(frame(rows, style, metrics)))
}

/// One line per recipient line; the copies go on the last line, or on a
/// line of their own when there are no lines.
fn lines(imprint: &Imprint) -> Vec<RuledLine<'_>> {
    let copies = Some(imprint.copies.as_str()).filter(|c| !c.is_empty());
    let count = imprint.lines.len();
    let mut lines: Vec<RuledLine<'_>> = imprint
        .lines
        .iter()
        .enumerate()
        .map(|(index, line)| (Some(line), copies.filter(|_| index + 1 == count)))
        .collect();
    if lines.is_empty() && copies.is_some() {
        lines.push((None, copies));
    }
    lines
}

/// A row of the type width that never splits.
fn row(paragraph: Paragraph, metrics: &Metrics) -> TableRow {
    let width = metrics.type_width_dxa();
    TableRow::new(vec![
        TableCell::new()
            .add_paragraph(paragraph)
            .width(width, WidthType::Dxa),
    ])
    .cant_split()
}

/// `报：…` one character in from both sides, wrapped lines aligned after the
/// label; `共印N份` at a right tab one character in from the right edge.
fn line_paragraph(
    line: Option<&ImprintLine>,
    copies: Option<&str>,
    style: &Style,
    metrics: &Metrics,
) -> Paragraph {
    let face = style.face("body");
    let size = style.size.imprint_pt;
    let one_char = pt_to_twips(size);
    let label_width = line.map_or(0, |l| pt_to_twips(text_width_em(&l.label) * size));
    let mut paragraph = Paragraph::new()
        .align(AlignmentType::Left)
        .line_spacing(exact(metrics.line_pitch))
        .indent(
            Some(one_char + label_width),
            Some(SpecialIndentType::Hanging(label_width)),
            Some(one_char),
            None,
        );
    if let Some(line) = line {
        paragraph = paragraph
            .add_runs(face_runs(&line.label, face, size))
            .add_runs(face_runs(&line.text, face, size));
    }
    if let Some(copies) = copies {
        let tab = usize::try_from(metrics.type_width - one_char).unwrap_or(0);
        paragraph = paragraph
            .add_tab(Tab::new().val(TabValueType::Right).pos(tab))
            .add_run(Run::new().add_tab())
            .add_runs(face_runs(copies, face, size));
    }
    paragraph
}

/// The floating table: type width, bottom of the type area, rules only.
fn frame(rows: Vec<TableRow>, style: &Style, metrics: &Metrics) -> DocxTable {
    let outer = mm_to_border_eighths(style.rule.imprint_outer_mm);
    let inner = mm_to_border_eighths(style.rule.imprint_inner_mm);
    let rule = |position, size| {
        TableBorder::new(position)
            .border_type(BorderType::Single)
            .size(size)
            .color(metrics.text_color.clone())
    };
    let borders = TableBorders::with_empty()
        .set(rule(TableBorderPosition::Top, outer))
        .set(rule(TableBorderPosition::Bottom, outer))
        .set(rule(TableBorderPosition::InsideH, inner));
    let width = metrics.type_width_dxa();
    DocxTable::new(rows)
        .set_grid(vec![width])
        .width(width, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(0, 0, 0, 0))
        .set_borders(borders)
        .position(
            TablePositionProperty::new()
                .vertical_anchor("margin")
                .position_y_alignment("bottom")
                .horizontal_anchor("page")
                .position_x(metrics.margin_left)
                .left_from_text(0)
                .right_from_text(0),
        )
}
