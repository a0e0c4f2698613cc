//! The 通报 layout (GB/T 9704): the 版头 (marks, the issuing organ's mark
//! in red, the 发文字号, the red rule), title, recipients, closing,
//! signature and date, 附注, and the 版记. The body, attachments and page
//! setup are the 简报's.
//!
//! The head is placed by arithmetic from the top of the type area, like the
//! PDF template: the organ's mark with its top 35 mm down, the 发文字号 two
//! lines below it, the rule 4 mm below that, and the title two blank grid
//! lines below the rule, back on the body grid. Word and LibreOffice put the
//! baseline of a line of exact height at four fifths of it, and a CJK em box
//! reaches 0.88 em above the baseline: that places each em box.

use docx_rs::{
    AlignmentType, BorderType, Paragraph, ParagraphBorder, ParagraphBorderPosition,
    ParagraphBorders, SpecialIndentType,
};

use super::Content;
use super::blocks::{self, AddRuns, Element, face_runs, grid_runs, no_indent, text_runs};
use super::chart::Pictures;
use super::imprint::{self, RuledLine};
use super::masthead::fitted_size;
use super::styles::{BODY, exact, exact_with_space};
use super::units::{Metrics, mm_to_twips, pt_to_border_eighths, pt_to_twips, text_width_em};
use crate::briefing::{Briefing, ImprintLine, Official};
use crate::diagnostic::Diagnostic;
use crate::style::{Face, Style};

/// The top of the organ's mark below the top of the type area, in mm.
const MARK_TOP_MM: f64 = 35.0;
/// The red rule below the bottom of the 发文字号, in mm.
const RULE_GAP_MM: f64 = 4.0;
/// Blank grid lines between the red rule and the title.
const LINES_BEFORE_TITLE: i32 = 2;
/// Word's and LibreOffice's border spacing limit, in points.
const MAX_BORDER_SPACE_PT: i32 = 31;

/// The 通报 in reading order: head, title, recipients, body, closing,
/// attachment note, signature, date, 附注, attachments; then the 版记.
pub(super) fn content(
    briefing: &Briefing,
    pictures: &mut Pictures<'_>,
    style: &Style,
    metrics: &Metrics,
) -> Result<Content, Diagnostic> {
    let official = &briefing.official;
    let mut elements: Vec<Element> = head(official, style, metrics)
        .into_iter()
        .map(Element::from)
        .collect();
    let title = balanced(
        &official.title,
        style.size.title_pt,
        metrics.type_width_pt(),
    );
    // The head's space after places the title: none before it here, as
    // Word and LibreOffice do not agree on adding a space before to the
    // space after of the paragraph above.
    let title_line = metrics.lines_for(style.size.title_pt);
    elements.push(Element::from(
        blocks::title(&title, style).line_spacing(exact_with_space(
            title_line,
            0,
            metrics.line_pitch,
        )),
    ));
    elements.push(Element::from(
        no_indent(Paragraph::new().style(BODY))
            .add_runs(grid_runs(&official.recipients, style.face("body"))),
    ));
    let mut body = blocks::blocks(&briefing.body, pictures, style, metrics)?;
    // The closing and signature never stand alone: the body's last line
    // goes with them.
    if let Some(Element::Paragraph(last)) = body.last_mut() {
        **last = std::mem::take(&mut **last).keep_next(true);
    }
    elements.extend(body);
    elements.extend(
        closing(official, style, metrics)
            .into_iter()
            .map(Element::from),
    );
    for attachment in &briefing.attachments {
        elements.extend(blocks::attachment(attachment, pictures, style, metrics)?);
    }
    Ok(Content {
        text: elements,
        end_block: colophon(official, style, metrics),
    })
}

/// The 版头: marks, the organ's mark, the 发文字号 with the red rule under
/// it. The last paragraph's space after brings the title onto the grid.
fn head(official: &Official, style: &Style, metrics: &Metrics) -> Vec<Paragraph> {
    let pitch = metrics.line_pitch;
    let body_size = style.size.body_pt;
    let mut paragraphs: Vec<Paragraph> = official
        .marks
        .iter()
        .map(|mark| {
            no_indent(Paragraph::new())
                .align(AlignmentType::Left)
                .line_spacing(exact(pitch))
                .add_runs(face_runs(mark, style.face("hei"), body_size))
        })
        .collect();
    // The cursor: the bottom of the last paragraph, from the top of the type area.
    let mut y = pitch * i32::try_from(official.marks.len()).unwrap_or(0);

    let size = fitted_size(
        &official.issuer_mark,
        style.size.masthead_pt,
        metrics.type_width_pt(),
    );
    let line = pt_to_twips(size * 1.25);
    let before = (mm_to_twips(MARK_TOP_MM) - em_top(line, size) - y).max(0);
    let mark_top = y + before + em_top(line, size);
    y += before + line;
    let mark = face_runs(&official.issuer_mark, style.face("title"), size)
        .into_iter()
        .map(|run| run.color(metrics.red.clone()))
        .collect();
    paragraphs.push(centred(line, before).add_runs(mark));

    let number_top = mark_top + pt_to_twips(size) + 2 * pitch;
    let before = (number_top - em_top(pitch, body_size) - y).max(0);
    y += before + pitch;
    let rule_y = number_top + pt_to_twips(body_size) + mm_to_twips(RULE_GAP_MM);
    let rule = pt_to_border_eighths(style.rule.masthead_pt);
    let space_pt = ((rule_y - y) as f64 / 20.0)
        .round()
        .clamp(0.0, f64::from(MAX_BORDER_SPACE_PT)) as i32;
    y += space_pt * 20 + (rule as i32 * 20 + 7) / 8;
    // The title starts two blank lines below the rule, on a grid line.
    let title_top = ((rule_y + pitch - 1) / pitch + LINES_BEFORE_TITLE) * pitch;
    let after = (title_top - y).max(0);
    let mut number = no_indent(Paragraph::new())
        .align(AlignmentType::Center)
        .line_spacing(exact_with_space(pitch, before, after));
    if let Some(text) = &official.document_number {
        number = number.add_runs(face_runs(text, style.face("body"), body_size));
    }
    number.property = number.property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .val(BorderType::Single)
                .size(rule)
                .space(usize::try_from(space_pt).unwrap_or(0))
                .color(metrics.red.clone()),
        ),
    );
    paragraphs.push(number);
    paragraphs
}

/// Twips from the top of an exact line of `line` twips to the top of the
/// em box of text at `size_pt`.
fn em_top(line: i32, size_pt: f64) -> i32 {
    line * 4 / 5 - pt_to_twips(0.88 * size_pt)
}

/// A centred paragraph without indent, `line` twips high after `before`.
fn centred(line: i32, before: i32) -> Paragraph {
    no_indent(Paragraph::new())
        .align(AlignmentType::Center)
        .line_spacing(exact_with_space(line, before, 0))
}

/// 特此通报。, a blank line, the 附件说明 and a blank line when there are
/// attachments, the signature 右空二字, the date 右空四字, the 附注. All but
/// the last are kept with the next, so the block stays on one page with
/// the end of the body.
fn closing(official: &Official, style: &Style, metrics: &Metrics) -> Vec<Paragraph> {
    let face = style.face("body");
    let body = || Paragraph::new().style(BODY);
    let mut paragraphs = vec![body().add_runs(grid_runs(&official.closing, face))];
    if !official.attachment_note.is_empty() {
        paragraphs.push(body());
        paragraphs.extend(
            official
                .attachment_note
                .iter()
                .map(|line| body().add_runs(grid_runs(line, face))),
        );
    }
    paragraphs.push(body());
    paragraphs.push(signed(&official.signature, 2, face, metrics));
    paragraphs.push(signed(&official.date, 4, face, metrics));
    if let Some(note) = &official.note {
        paragraphs.push(body().add_runs(grid_runs(note, face)));
    }
    let last = paragraphs.len() - 1;
    paragraphs
        .into_iter()
        .enumerate()
        .map(|(index, paragraph)| paragraph.keep_next(index < last).keep_lines(true))
        .collect()
}

/// A body line right-aligned `cells` grid cells in from the right edge.
fn signed(text: &str, cells: i32, face: &Face, metrics: &Metrics) -> Paragraph {
    Paragraph::new()
        .style(BODY)
        .align(AlignmentType::Right)
        .indent(
            Some(0),
            Some(SpecialIndentType::FirstLine(0)),
            Some(metrics.first_line_indent * cells / 2),
            None,
        )
        .add_runs(text_runs(text, face))
}

/// The 版记: the 抄送 line (wrapped lines aligned after 抄送：), then the
/// 印发机关 at the left and the 印发日期 at the right, between rules, its
/// last rule on the bottom edge of the type area of the last page.
fn colophon(official: &Official, style: &Style, metrics: &Metrics) -> Option<Element> {
    let copy_to = official.copy_to.as_ref().map(|text| {
        let label_end = text.find('：').map_or(0, |i| i + '：'.len_utf8());
        ImprintLine {
            label: text[..label_end].to_string(),
            text: text[label_end..].to_string(),
        }
    });
    let printer = ImprintLine {
        label: String::new(),
        text: official.printer.clone(),
    };
    let mut lines: Vec<RuledLine<'_>> = Vec::new();
    if let Some(copy_to) = &copy_to {
        lines.push((Some(copy_to), None));
    }
    lines.push((Some(&printer), Some(official.print_date.as_str())));
    imprint::ruled_lines(&lines, style, metrics)
}

/// A title too long for one line, broken into lines of nearly equal width
/// (a trapezoid rather than a full line and a stub): line feeds where the
/// breaks go. Closing marks never start a line, opening ones never end it,
/// and a run of Latin letters or digits stays whole. A title with line
/// feeds of its own is kept as it is.
fn balanced(title: &str, size_pt: f64, width_pt: f64) -> String {
    let total = text_width_em(title) * size_pt;
    if title.contains('\n') || total <= width_pt {
        return title.to_string();
    }
    let count = (total / width_pt).ceil();
    let chars: Vec<char> = title.chars().collect();
    let breakable = |i: usize| {
        let (before, after) = (chars[i - 1], chars[i]);
        !(is_closing(after)
            || is_opening(before)
            || (before.is_ascii_alphanumeric() && after.is_ascii_alphanumeric()))
    };
    let mut out = String::new();
    let mut width = 0.0;
    let mut line = 1.0;
    for (i, &c) in chars.iter().enumerate() {
        let advance = if c.is_ascii() { 0.5 } else { 1.0 } * size_pt;
        if i > 0 && line < count && width + advance / 2.0 > total * line / count && breakable(i) {
            out.push('\n');
            line += 1.0;
        }
        out.push(c);
        width += advance;
    }
    out
}

/// Marks that never start a line.
fn is_closing(c: char) -> bool {
    "，。、；：？！）》」』】〕”’…—·,.;:?!)]}%".contains(c)
}

/// Marks that never end a line.
fn is_opening(c: char) -> bool {
    "（《「『【〔“‘([{".contains(c)
}

#[cfg(test)]
mod tests {
    use super::balanced;

    #[test]
    fn a_long_title_breaks_into_balanced_lines() {
        let title = "关于全市生态文明建设重点工作推进情况的通报";
        assert_eq!(
            balanced(title, 22.0, 442.2),
            "关于全市生态文明建设重\n点工作推进情况的通报"
        );
        assert_eq!(balanced("关于某事的通报", 22.0, 442.2), "关于某事的通报");
        assert_eq!(
            balanced(
                "关于某某某某某某某某某某某某某某某某，某某的通报",
                22.0,
                442.2
            )
            .split('\n')
            .nth(1)
            .map(|l| l.starts_with('，')),
            Some(false)
        );
    }
}
