//! The masthead (报头): the briefing's name large and red, the issue line,
//! office and date on one line, and the thick red rule.
//!
//! Every part takes whole grid pitches, so the title and body below stay on
//! the same grid as the following pages:
//! one blank line, the name (two lines at 40 pt), the issue line, one blank
//! line, the office/date line with the rule under it.

use docx_rs::{
    AlignmentType, BorderType, Paragraph, ParagraphBorder, ParagraphBorderPosition,
    ParagraphBorders, Run, Tab, TabValueType,
};

use super::blocks::{AddRuns, face_runs, no_indent};
use super::styles::exact_with_space;
use super::units::{Metrics, pt_to_border_eighths, pt_to_twips, text_width_em};
use crate::briefing::Masthead;
use crate::style::Style;

/// Space between the office/date line and the red rule, in points.
const RULE_SPACE_PT: usize = 4;

/// The masthead's paragraphs.
pub(super) fn masthead(masthead: &Masthead, style: &Style, metrics: &Metrics) -> Vec<Paragraph> {
    vec![
        name(masthead, style, metrics),
        issue(masthead, style, metrics),
        office_and_date(masthead, style, metrics),
    ]
}

/// The name: red, title face, centred, shrunk to fit one line.
fn name(masthead: &Masthead, style: &Style, metrics: &Metrics) -> Paragraph {
    let size = fitted_size(
        &masthead.name,
        style.size.masthead_pt,
        metrics.type_width_pt(),
    );
    let runs = face_runs(&masthead.name, style.face("title"), size)
        .into_iter()
        .map(|run| run.color(metrics.red.clone()))
        .collect();
    centred(metrics.lines_for(size), metrics.line_pitch).add_runs(runs)
}

/// The largest size up to `max_pt`, rounded down to half a point, at which
/// `text` fits in `width_pt`, counting a full-width character as one em and
/// an ASCII character as half.
pub(super) fn fitted_size(text: &str, max_pt: f64, width_pt: f64) -> f64 {
    let ems = text_width_em(text);
    if ems * max_pt <= width_pt {
        return max_pt;
    }
    ((width_pt / ems) * 2.0).floor().max(2.0) / 2.0
}

/// The issue line, e.g. 第11期（总第45期）, centred.
fn issue(masthead: &Masthead, style: &Style, metrics: &Metrics) -> Paragraph {
    let text = format!(
        "{}{}",
        masthead.issue,
        masthead.total_issue.as_deref().unwrap_or_default()
    );
    centred(metrics.line_pitch, 0).add_runs(face_runs(
        &text,
        style.face("body"),
        style.size.issue_pt,
    ))
}

/// Office at the left, date at the right (a right tab at the type width),
/// the red rule under them. The line is shortened by the rule and its space
/// so that the paragraph takes exactly one pitch after a blank one (unless
/// the rule is so thick that the text would no longer fit).
fn office_and_date(masthead: &Masthead, style: &Style, metrics: &Metrics) -> Paragraph {
    let rule = pt_to_border_eighths(style.rule.masthead_pt);
    let rule_block = ((RULE_SPACE_PT * 8 + rule) * 20 / 8) as i32;
    let face = style.face("body");
    let size = style.size.masthead_info_pt;
    let mut paragraph = no_indent(Paragraph::new())
        .align(AlignmentType::Left)
        .line_spacing(exact_with_space(
            (metrics.line_pitch - rule_block).max(pt_to_twips(size)),
            metrics.line_pitch,
            0,
        ))
        .add_tab(
            Tab::new()
                .val(TabValueType::Right)
                .pos(metrics.type_width_dxa()),
        )
        .add_runs(face_runs(&masthead.office, face, size))
        .add_run(Run::new().add_tab())
        .add_runs(face_runs(&masthead.date, face, size));
    paragraph.property = paragraph.property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .val(BorderType::Single)
                .size(rule)
                .space(RULE_SPACE_PT)
                .color(metrics.red.clone()),
        ),
    );
    paragraph
}

/// A centred paragraph without indent, of exact height `line` twips after
/// `before` twips.
fn centred(line: i32, before: i32) -> Paragraph {
    no_indent(Paragraph::new())
        .align(AlignmentType::Center)
        .line_spacing(exact_with_space(line, before, 0))
}
