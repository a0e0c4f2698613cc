//! Tables: fixed columns scaled to the type width, a header row repeated on
//! every page, rows that never split, group rows spanning all columns.

use docx_rs::{
    AlignmentType, Paragraph, Run, Table as DocxTable, TableAlignmentType, TableBorder,
    TableBorderPosition, TableBorders, TableCell, TableCellMargins, TableLayoutType, TableRow,
    VAlignType, WidthType,
};

use super::blocks::{AddRuns, Element, face_runs, no_indent, text_runs};
use super::styles::TABLE_TEXT;
use super::units::Metrics;
use crate::briefing::{Align, Column, Row, Table};
use crate::diagnostic::Diagnostic;
use crate::style::{Face, Style};

/// Width of the table rules: half a point, in eighths of a point.
const RULE_EIGHTHS: usize = 4;

/// The caption (if any) and the table. A table without columns is left out;
/// a row with more cells than columns is an error, fewer are padded.
pub(super) fn table(
    data: &Table,
    style: &Style,
    metrics: &Metrics,
) -> Result<Vec<Element>, Diagnostic> {
    if data.columns.is_empty() {
        return Ok(Vec::new());
    }
    check_rows(data)?;
    let widths = column_widths(&data.columns, metrics.type_width_dxa());
    let face = style.face("body");
    let mut rows = vec![header_row(&data.columns, &widths, face)];
    rows.extend(
        data.rows
            .iter()
            .map(|row| body_row(row, &data.columns, &widths, face)),
    );
    let mut elements = Vec::new();
    if let Some(caption) = &data.caption {
        elements.push(Element::from(caption_paragraph(caption, style)));
    }
    elements.push(Element::from(frame(rows, &widths, metrics)));
    Ok(elements)
}

/// Refuses rows with more cells than the table has columns.
fn check_rows(data: &Table) -> Result<(), Diagnostic> {
    let columns = data.columns.len();
    for (index, row) in data.rows.iter().enumerate() {
        if let Row::Cells { cells } = row
            && cells.len() > columns
        {
            return Err(Diagnostic::error(format!(
                "表格第 {} 行有 {} 格，表头只有 {columns} 列",
                index + 1,
                cells.len()
            ))
            .with_help("每行的格数不能多于表头的列数"));
        }
    }
    Ok(())
}

/// Column widths in twips, proportional to the relative widths and summing
/// to `total`; equal widths when the relative ones are unusable.
fn column_widths(columns: &[Column], total: usize) -> Vec<usize> {
    let usable = columns.iter().all(|c| c.width.is_finite() && c.width > 0.0);
    let weights: Vec<f64> = columns
        .iter()
        .map(|c| if usable { c.width } else { 1.0 })
        .collect();
    let sum: f64 = weights.iter().sum();
    let mut widths: Vec<usize> = weights
        .iter()
        .map(|w| (w / sum * total as f64).floor() as usize)
        .collect();
    let assigned: usize = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last += total.saturating_sub(assigned);
    }
    widths
}

/// The table with its grid, rules and fixed layout, centred on the type area.
fn frame(rows: Vec<TableRow>, widths: &[usize], metrics: &Metrics) -> DocxTable {
    let borders = [
        TableBorderPosition::Top,
        TableBorderPosition::Left,
        TableBorderPosition::Bottom,
        TableBorderPosition::Right,
        TableBorderPosition::InsideH,
        TableBorderPosition::InsideV,
    ]
    .into_iter()
    .fold(TableBorders::with_empty(), |borders, position| {
        borders.set(
            TableBorder::new(position)
                .size(RULE_EIGHTHS)
                .color(metrics.text_color.clone()),
        )
    });
    DocxTable::new(rows)
        .set_grid(widths.to_vec())
        .width(widths.iter().sum(), WidthType::Dxa)
        .align(TableAlignmentType::Center)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(0, metrics.cell_padding, 0, metrics.cell_padding))
        .set_borders(borders)
}

/// The header row: centred, bold. `w:tblHeader` is added when packaging
/// (docx-rs cannot write it); the row is recognised as the table's first.
fn header_row(columns: &[Column], widths: &[usize], face: &Face) -> TableRow {
    let cells = columns
        .iter()
        .zip(widths)
        .map(|(column, width)| {
            cell(
                cell_paragraph(AlignmentType::Center)
                    .add_runs(bold(text_runs(&column.header, face))),
                *width,
            )
        })
        .collect();
    TableRow::new(cells).cant_split()
}

/// A row below the header: one cell per column, or one spanning them all.
fn body_row(row: &Row, columns: &[Column], widths: &[usize], face: &Face) -> TableRow {
    let cells = match row {
        Row::Cells { cells } => columns
            .iter()
            .zip(widths)
            .enumerate()
            .map(|(index, (column, width))| {
                let text = cells.get(index).map_or("", String::as_str);
                cell(
                    cell_paragraph(alignment(column.align)).add_runs(text_runs(text, face)),
                    *width,
                )
            })
            .collect(),
        Row::Group { title } => vec![
            cell(
                cell_paragraph(AlignmentType::Left).add_runs(bold(text_runs(title, face))),
                widths.iter().sum(),
            )
            .grid_span(columns.len()),
        ],
    };
    TableRow::new(cells).cant_split()
}

/// A cell of a given width, its content centred vertically.
fn cell(paragraph: Paragraph, width: usize) -> TableCell {
    TableCell::new()
        .add_paragraph(paragraph)
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center)
}

/// An empty table-text paragraph with an alignment.
fn cell_paragraph(align: AlignmentType) -> Paragraph {
    Paragraph::new().style(TABLE_TEXT).align(align)
}

/// The caption above a table: centred, in Hei at the body size, kept with
/// the table.
fn caption_paragraph(caption: &str, style: &Style) -> Paragraph {
    no_indent(Paragraph::new())
        .align(AlignmentType::Center)
        .keep_next(true)
        .add_runs(face_runs(caption, style.face("hei"), style.size.body_pt))
}

/// The model's alignment as Word's.
fn alignment(align: Align) -> AlignmentType {
    match align {
        Align::Left => AlignmentType::Left,
        Align::Center => AlignmentType::Center,
        Align::Right => AlignmentType::Right,
    }
}

/// The runs, bold.
fn bold(runs: Vec<Run>) -> Vec<Run> {
    runs.into_iter().map(Run::bold).collect()
}
