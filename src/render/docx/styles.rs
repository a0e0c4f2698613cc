//! Paragraph styles: the body grid and every role that recurs.
//!
//! Recurring roles are named styles, so a clerk who edits the DOCX in Word or
//! WPS finds 正文文本, 标题 1, 标题 2 (the navigation pane shows the
//! outline) and keeps the format by pressing Enter. One-off parts (masthead,
//! end block, page numbers) carry direct formatting in their own modules.

use docx_rs::{
    AlignmentType, LineSpacing, LineSpacingType, SpecialIndentType, Style as DocxStyle, StyleType,
    Styles,
};

use super::fonts::run_fonts;
use super::units::{Metrics, pt_to_half_points, pt_to_twips};
use crate::style::{Face, Style};

/// Body paragraphs on the grid.
pub(super) const BODY: &str = "BodyText";
/// Level-1 headings (一、, 黑体), outline level 1.
pub(super) const HEADING_1: &str = "Heading1";
/// Level-2 headings (（一）, 楷体), outline level 2.
pub(super) const HEADING_2: &str = "Heading2";
/// The article's and attachments' titles.
pub(super) const TITLE: &str = "Title";
/// The editor's note (按语).
pub(super) const NOTE: &str = "EditorNote";
/// Text in table cells.
pub(super) const TABLE_TEXT: &str = "TableText";

/// Exact line spacing of `line` twips, no space before or after.
pub(super) fn exact(line: i32) -> LineSpacing {
    exact_with_space(line, 0, 0)
}

/// Exact line spacing of `line` twips with space before and after, in twips.
pub(super) fn exact_with_space(line: i32, before: i32, after: i32) -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Exact)
        .line(line.max(1))
        .before(twips_u32(before))
        .after(twips_u32(after))
}

/// A non-negative twip value as `u32`.
fn twips_u32(twips: i32) -> u32 {
    u32::try_from(twips).unwrap_or(0)
}

/// The style part: document defaults (body face, size and grid pitch) and the
/// named styles.
pub(super) fn styles(style: &Style, metrics: &Metrics) -> Styles {
    let body_size = pt_to_half_points(style.size.body_pt);
    Styles::new()
        .default_fonts(run_fonts(style.face("body")))
        .default_size(body_size)
        .default_line_spacing(exact(metrics.line_pitch))
        .add_style(grid_style(
            BODY,
            "Body Text",
            style.face("body"),
            style,
            metrics,
        ))
        .add_style(heading_style(
            HEADING_1,
            "heading 1",
            0,
            style.face("hei"),
            style,
            metrics,
        ))
        .add_style(heading_style(
            HEADING_2,
            "heading 2",
            1,
            style.face("kai"),
            style,
            metrics,
        ))
        .add_style(grid_style(NOTE, "按语", style.face("kai"), style, metrics))
        .add_style(title_style(style, metrics))
        .add_style(table_text_style(style))
}

/// A justified paragraph on the body grid: exact pitch, first line indented
/// two cells, squeezed so a full line holds the grid's characters.
fn grid_style(id: &str, name: &str, face: &Face, style: &Style, metrics: &Metrics) -> DocxStyle {
    let mut docx_style = DocxStyle::new(id, StyleType::Paragraph)
        .name(name)
        .next(id)
        .fonts(run_fonts(face))
        .size(pt_to_half_points(style.size.body_pt))
        .align(AlignmentType::Both)
        .indent(
            Some(0),
            Some(SpecialIndentType::FirstLine(metrics.first_line_indent)),
            None,
            None,
        )
        .line_spacing(exact(metrics.line_pitch));
    docx_style.run_property = docx_style
        .run_property
        .character_spacing(metrics.grid_char_spacing);
    docx_style.paragraph_property = docx_style.paragraph_property.widow_control(false);
    docx_style
}

/// A heading on the grid with an outline level for the navigation pane.
fn heading_style(
    id: &str,
    name: &str,
    outline_level: usize,
    face: &Face,
    style: &Style,
    metrics: &Metrics,
) -> DocxStyle {
    let mut docx_style = grid_style(id, name, face, style, metrics)
        .next(BODY)
        .outline_lvl(outline_level);
    docx_style.paragraph_property = docx_style.paragraph_property.keep_next(true);
    docx_style
}

/// The title: title face, centred, one blank grid line above it (under the
/// masthead's rule), the text right below it, as in the PDF.
fn title_style(style: &Style, metrics: &Metrics) -> DocxStyle {
    let size = style.size.title_pt;
    let mut docx_style = DocxStyle::new(TITLE, StyleType::Paragraph)
        .name("Title")
        .next(BODY)
        .fonts(run_fonts(style.face("title")))
        .size(pt_to_half_points(size))
        .align(AlignmentType::Center)
        .indent(Some(0), None, None, None)
        .line_spacing(exact_with_space(
            metrics.lines_for(size),
            metrics.line_pitch,
            0,
        ));
    docx_style.paragraph_property = docx_style
        .paragraph_property
        .widow_control(false)
        .keep_next(true);
    docx_style
}

/// Table cells: body face at the table size, exact 1.5 lines, no indent.
fn table_text_style(style: &Style) -> DocxStyle {
    let size = style.size.table_pt;
    let mut docx_style = DocxStyle::new(TABLE_TEXT, StyleType::Paragraph)
        .name("表格文字")
        .fonts(run_fonts(style.face("body")))
        .size(pt_to_half_points(size))
        .indent(Some(0), None, None, None)
        .line_spacing(exact(pt_to_twips(size * 1.5)));
    docx_style.paragraph_property = docx_style.paragraph_property.widow_control(false);
    docx_style
}
