//! Style values converted to the units of WordprocessingML.
//!
//! DOCX measures lengths in twips (twentieths of a point), font sizes in
//! half-points, character spacing in twentieths of a point and border widths
//! in eighths of a point. Every millimetre of the layout is converted here,
//! once, into a [`Metrics`] that the other modules read.

use crate::diagnostic::Diagnostic;
use crate::style::{Style, mm_to_pt};

/// Twips per point.
const TWIPS_PER_PT: f64 = 20.0;

/// Points to twips, rounded.
pub(super) fn pt_to_twips(pt: f64) -> i32 {
    (pt * TWIPS_PER_PT).round() as i32
}

/// Millimetres to twips, rounded.
pub(super) fn mm_to_twips(mm: f64) -> i32 {
    pt_to_twips(mm_to_pt(mm))
}

/// Points to half-points (the unit of `w:sz`), at least 2 (1 pt).
pub(super) fn pt_to_half_points(pt: f64) -> usize {
    (pt * 2.0).round().max(2.0) as usize
}

/// Millimetres to eighths of a point (the unit of border widths), within the
/// range Word accepts for a single line (2 to 96).
pub(super) fn mm_to_border_eighths(mm: f64) -> usize {
    pt_to_border_eighths(mm_to_pt(mm))
}

/// Points to eighths of a point, within 2 to 96.
pub(super) fn pt_to_border_eighths(pt: f64) -> usize {
    (pt * 8.0).round().clamp(2.0, 96.0) as usize
}

/// Every measure of the document in DOCX units, derived from the style.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Metrics {
    /// Paper width in twips.
    pub page_width: i32,
    /// Paper height in twips.
    pub page_height: i32,
    /// Top margin (天头) in twips.
    pub margin_top: i32,
    /// Bottom margin in twips.
    pub margin_bottom: i32,
    /// Left margin (订口) in twips.
    pub margin_left: i32,
    /// Right margin in twips.
    pub margin_right: i32,
    /// Distance from the paper's bottom edge to the bottom of the footer, so
    /// that the page number's line starts the page-number gap below the type area.
    pub footer_distance: i32,
    /// Height of the page number's line (exact), in twips.
    pub page_number_line: i32,
    /// Width of the type area (版心) in twips.
    pub type_width: i32,
    /// Line pitch of the body grid in twips, rounded down so that the
    /// style's number of lines fits the type area.
    pub line_pitch: i32,
    /// Character spacing of grid text in twentieths of a point: the
    /// difference between the cell and the body size, rounded down, so that
    /// a full line holds the style's number of characters.
    pub grid_char_spacing: i32,
    /// First-line indent of body paragraphs: two grid cells, in twips.
    pub first_line_indent: i32,
    /// Left and right padding of table cells, in twips.
    pub cell_padding: usize,
    /// Red as `RRGGBB`.
    pub red: String,
    /// Text colour as `RRGGBB`.
    pub text_color: String,
}

impl Metrics {
    /// Converts the style, refusing colours that are not `#RRGGBB`.
    pub(super) fn new(style: &Style) -> Result<Metrics, Diagnostic> {
        let page = &style.page;
        let page_width = mm_to_twips(page.width_mm);
        let margin_left = mm_to_twips(page.left_mm);
        let margin_right = mm_to_twips(page.right_mm);
        let margin_top = mm_to_twips(page.top_mm);
        let margin_bottom = mm_to_twips(page.bottom_mm);
        let page_height = mm_to_twips(page.height_mm);
        let type_height = page_height - margin_top - margin_bottom;
        let lines = i32::try_from(style.grid.lines_per_page)
            .unwrap_or(i32::MAX)
            .max(1);
        let char_cell_pt = style.char_cell_pt();
        let page_number_line = pt_to_twips(style.size.page_number_pt);
        let gap = mm_to_twips(page.page_number_gap_mm);
        Ok(Metrics {
            page_width,
            page_height,
            margin_top,
            margin_bottom,
            margin_left,
            margin_right,
            footer_distance: (margin_bottom - gap - page_number_line).max(0),
            page_number_line,
            type_width: page_width - margin_left - margin_right,
            line_pitch: (type_height / lines).max(1),
            grid_char_spacing: pt_to_twips(style.char_spacing_pt()),
            first_line_indent: pt_to_twips(2.0 * char_cell_pt),
            cell_padding: usize::try_from(mm_to_twips(style.table.padding_mm)).unwrap_or(0),
            red: hex_color(&style.color.red, "color.red")?,
            text_color: hex_color(&style.color.text, "color.text")?,
        })
    }

    /// Type width in twips, as the unsigned width docx-rs takes.
    pub(super) fn type_width_dxa(&self) -> usize {
        usize::try_from(self.type_width).unwrap_or(0)
    }

    /// Type width in points.
    pub(super) fn type_width_pt(&self) -> f64 {
        f64::from(self.type_width) / TWIPS_PER_PT
    }

    /// Height in twips of a line holding text of `size_pt`: whole grid
    /// pitches, enough for 1.25 times the size, at least one.
    pub(super) fn lines_for(&self, size_pt: f64) -> i32 {
        let needed = pt_to_twips(size_pt * 1.25);
        let pitches = (needed + self.line_pitch - 1) / self.line_pitch;
        pitches.max(1) * self.line_pitch
    }
}

/// `#RRGGBB` to `RRGGBB` (upper case), as `w:color` wants it.
fn hex_color(value: &str, key: &str) -> Result<String, Diagnostic> {
    let digits = value.strip_prefix('#').unwrap_or(value);
    if digits.len() == 6 && digits.chars().all(|c| c.is_ascii_hexdigit()) {
        Ok(digits.to_ascii_uppercase())
    } else {
        Err(Diagnostic::error(format!(
            "版式中的颜色 {key} = \"{value}\" 不是 #RRGGBB 形式"
        ))
        .with_help("颜色写成井号加六位十六进制数，例如 \"#E60012\""))
    }
}

/// Width of `text` in ems of a CJK face: full-width characters count one,
/// ASCII characters half.
pub(super) fn text_width_em(text: &str) -> f64 {
    text.chars()
        .map(|c| if c.is_ascii() { 0.5 } else { 1.0 })
        .sum()
}
