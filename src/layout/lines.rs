//! Line breaking on the official grid: 28 cells a line, one CJK character a
//! cell, with the Chinese line-breaking rules (禁则).
//!
//! Typst's own CJK justification squeezes punctuation and puts 29 glyphs on
//! a line, so the PDF template does not break body text itself: it receives
//! the lines computed here and sets each character in its cell.
//!
//! Rules:
//! - a closing mark (，。、；：？！）》”’…) never starts a line: when it does
//!   not fit, it hangs in the right margin, as Word does; when two closing
//!   marks would be pushed over, or the mark follows letters or digits
//!   (87.3%，), the character or run before it comes down too;
//! - an opening mark (（《“‘) never ends a line: it moves to the next one;
//! - a run of Latin letters and digits (PM2.5, 2026, 87.3%) is never split
//!   (unless it is longer than a whole line); the line it leaves short is
//!   stretched to the full measure.
//!
//! Widths are those Word and LibreOffice give the DOCX (see [`Measure`]), so
//! that both files break their lines at the same characters: a CJK
//! character advances by the body size plus the DOCX character spacing,
//! Latin text by its natural width (its DOCX runs have no spacing), and
//! the CJK character that ends a run before Latin text or a run-in lead by
//! its uncondensed width, as LibreOffice sets it (see [`Measure`]). No
//! space is added where a Han character meets a letter or digit: the DOCX
//! turns the word processors' automatic spacing off (`w:autoSpaceDE/DN`).

use serde::Serialize;

/// How wide the pieces of a line are, in cells of the grid.
pub struct Measure<'a> {
    /// Advance of a CJK character: 1, or a little less where the word
    /// processors set characters slightly narrower than the grid cell.
    pub cjk: f64,
    /// Width of a Latin run.
    pub latin: &'a dyn Fn(&str) -> f64,
    /// What a CJK character that ends a run adds: LibreOffice leaves the
    /// negative character spacing out after the last character of a run
    /// or of a stretch of one script (Word keeps it, ISO 29500
    /// §17.3.2.35). Counting it makes a line never longer in Word than in
    /// LibreOffice; 0 where the grid needs no condensing.
    pub run_end: f64,
}

/// One unit of a line: a CJK character (one cell) or a Latin run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Piece {
    /// The text of the piece.
    pub text: String,
    /// Width in cells: [`Measure::cjk`] for a CJK character, measured for a
    /// Latin run.
    pub cells: f64,
    /// Whether the piece is a Latin run (set in its natural width).
    pub latin: bool,
    /// Whether the piece belongs to the run-in heading (set bold).
    pub lead: bool,
    /// Whether the piece is an opening mark, set against the right side of
    /// its cell (some faces draw “ and （ narrower than the cell).
    pub opening: bool,
}

/// One line of a paragraph.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Line {
    /// The pieces, in order.
    pub pieces: Vec<Piece>,
    /// A closing mark hanging in the right margin.
    pub hang: Option<String>,
    /// Whether the line is stretched to the full measure (all but the last).
    pub justify: bool,
    /// Cells of indent before the first piece.
    pub indent: f64,
    /// Width of the line's CJK cells when set on the grid: 1, or a little
    /// less on a line whose Latin text fits only at the word processors'
    /// narrower advance, so that the line stays inside the measure.
    pub cell: f64,
}

/// Characters that never start a line.
const CLOSING: &str = "，。、；：？！）》〉」』】〕”’…—·%‰℃,.;:?!)]}";
/// Characters that never end a line.
const OPENING: &str = "（《〈「『【〔“‘([{";

/// Whether `c` may not start a line.
pub fn is_closing(c: char) -> bool {
    CLOSING.contains(c)
}

/// Whether `c` may not end a line.
pub fn is_opening(c: char) -> bool {
    OPENING.contains(c)
}

/// Whether `c` belongs to a Latin run (set in its natural width): ASCII,
/// and the Latin-1, Greek and other alphabetic ranges before U+2000
/// (μ ² ³ ° ±), but not the middle dot of Chinese names. The DOCX gives
/// the same characters runs of their own, so that both files agree on
/// what is Latin.
pub(crate) fn is_latin(c: char) -> bool {
    c == ' ' || c.is_ascii_graphic() || (('\u{a1}'..'\u{2000}').contains(&c) && c != '·')
}

/// Splits `text` into pieces measured by `measure`. A Latin run ends after
/// each space, so lines may break between words.
pub fn pieces(text: &str, lead: bool, measure: &Measure) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut Vec<Piece>| {
        if !run.is_empty() {
            out.push(Piece {
                cells: (measure.latin)(run),
                text: std::mem::take(run),
                latin: true,
                lead,
                opening: false,
            });
        }
    };
    for c in text.chars() {
        if c.is_control() {
            continue;
        }
        if is_latin(c) {
            run.push(c);
            if c == ' ' {
                flush(&mut run, &mut out);
            }
            continue;
        }
        flush(&mut run, &mut out);
        out.push(Piece {
            text: c.to_string(),
            cells: measure.cjk,
            latin: false,
            lead,
            opening: is_opening(c),
        });
    }
    flush(&mut run, &mut out);
    out
}

/// Widens each CJK piece that ends a run in the DOCX by
/// [`Measure::run_end`]: the last before a Latin run, a mark shared with
/// Latin text that follows one (the DOCX gives it a run of its own), and
/// the last of the run-in lead when `distinct_lead` (set in another face
/// or weight than the text after it).
pub fn mark_run_ends(pieces: &mut [Piece], measure: &Measure, distinct_lead: bool) {
    let ends: Vec<bool> = (0..pieces.len())
        .map(|i| {
            let piece = &pieces[i];
            let previous = i.checked_sub(1).map(|p| &pieces[p]);
            let next = pieces.get(i + 1);
            let before_latin = next.is_some_and(|n| n.latin);
            let lead_ends = distinct_lead && piece.lead && next.is_some_and(|n| !n.lead);
            let own_run = previous.is_some_and(|p| p.latin)
                && piece.text.chars().next().is_some_and(is_shared_with_latin);
            !piece.latin && (before_latin || lead_ends || own_run)
        })
        .collect();
    for (piece, end) in pieces.iter_mut().zip(ends) {
        if end {
            piece.cells += measure.run_end;
        }
    }
}

/// Whether `c` is punctuation Chinese shares with Latin text (“ ” ‘ ’ — …
/// ·): set full-width in the Chinese face, and after a letter or digit
/// given a DOCX run of its own so that every reader does so.
pub(crate) fn is_shared_with_latin(c: char) -> bool {
    matches!(c, '“' | '”' | '‘' | '’' | '—' | '…' | '·')
}

/// Cuts a Latin piece wider than a whole line into pieces that fit.
fn split_overlong(piece: Piece, cells: f64) -> Vec<Piece> {
    let count = piece.text.chars().count().max(1);
    let per_char = piece.cells / count as f64;
    let fit = ((cells / per_char).floor() as usize).max(1);
    let chars: Vec<char> = piece.text.chars().collect();
    chars
        .chunks(fit)
        .map(|chunk| Piece {
            text: chunk.iter().collect(),
            cells: chunk.len() as f64 * per_char,
            ..piece.clone()
        })
        .collect()
}

/// Breaks pieces into lines of `cells` cells, the first indented by `indent`.
pub fn break_lines(pieces: Vec<Piece>, cells: f64, indent: f64) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut current: Vec<Piece> = Vec::new();
    let mut width = indent;
    let mut line_indent = indent;
    let mut queue = std::collections::VecDeque::from(pieces);
    // A line that fills the measure exactly still fits (rounding aside).
    // LibreOffice, measured, fits no more: its type width, the margins
    // rounded to twips, is a twip wider than the grid, but it sets the
    // first glyph about 0.15 pt in from the margin.
    const EPSILON: f64 = 1e-9;
    while let Some(piece) = queue.pop_front() {
        if piece.latin && piece.cells > cells - width + EPSILON && current.is_empty() {
            let mut parts = split_overlong(piece, cells - width);
            let first = parts.remove(0);
            for part in parts.into_iter().rev() {
                queue.push_front(part);
            }
            width += first.cells;
            current.push(first);
            continue;
        }
        if width + piece.cells <= cells + EPSILON {
            width += piece.cells;
            current.push(piece);
            continue;
        }
        // The piece does not fit.
        let mut hang = None;
        if is_single_closing(&piece) {
            let next_closes = queue.front().is_some_and(is_single_closing);
            let after_latin = current.last().is_some_and(|p| p.latin);
            if next_closes || after_latin {
                // Two closing marks, or a mark after letters or digits (which
                // LibreOffice does not let hang, measured): bring the last
                // character or run down with it.
                if let Some(last) = pull_back(&mut current) {
                    queue.push_front(piece);
                    for p in last.into_iter().rev() {
                        queue.push_front(p);
                    }
                } else {
                    hang = Some(piece.text.clone());
                }
            } else {
                hang = Some(piece.text.clone());
            }
        } else {
            queue.push_front(piece);
            // Never end a line with an opening mark.
            while current.last().is_some_and(is_single_opening) && current.len() > 1 {
                if let Some(opening) = current.pop() {
                    queue.push_front(opening);
                }
            }
        }
        lines.push(line(
            std::mem::take(&mut current),
            hang,
            true,
            line_indent,
            cells,
        ));
        width = 0.0;
        line_indent = 0.0;
    }
    // When the text ended with a hanging mark, that line is the last one; it
    // stays stretched, so the mark hangs in the margin even where Latin
    // text leaves the line a little short.
    if !current.is_empty() || lines.is_empty() {
        lines.push(line(current, None, false, line_indent, cells));
    }
    lines
}

/// A line of `pieces`, with the width its CJK cells take on the grid: whole
/// cells unless the line, measured at the word processors' advance, would
/// then be wider than `cells`.
fn line(pieces: Vec<Piece>, hang: Option<String>, justify: bool, indent: f64, cells: f64) -> Line {
    let cjk = pieces.iter().filter(|p| !p.latin).count();
    let on_grid: f64 = indent
        + pieces
            .iter()
            .map(|p| if p.latin { p.cells } else { 1.0 })
            .sum::<f64>();
    let cell = if on_grid > cells && cjk > 0 {
        1.0 - (on_grid - cells) / cjk as f64
    } else {
        1.0
    };
    Line {
        pieces,
        hang,
        justify,
        indent,
        cell,
    }
}

fn is_single_closing(piece: &Piece) -> bool {
    !piece.latin && piece.text.chars().next().is_some_and(is_closing)
}

fn is_single_opening(piece: &Piece) -> bool {
    !piece.latin && piece.text.chars().next().is_some_and(is_opening)
}

/// Takes the last non-closing piece (and anything after it) off the line,
/// so that it starts the next line instead of a closing mark.
fn pull_back(current: &mut Vec<Piece>) -> Option<Vec<Piece>> {
    let position = current.iter().rposition(|p| !is_single_closing(p))?;
    if position == 0 {
        return None;
    }
    let mut tail = current.split_off(position);
    // The line must not now end with an opening mark either.
    while current.last().is_some_and(is_single_opening) && current.len() > 1 {
        if let Some(opening) = current.pop() {
            tail.insert(0, opening);
        }
    }
    Some(tail)
}

/// Breaks a title into balanced lines of at most `cells` each: as many
/// lines as needed, all about as long (the first ones a little longer, a
/// trapezoid), and never a single character alone on the last line.
pub fn balance(pieces: Vec<Piece>, cells: f64) -> Vec<Line> {
    let total: f64 = pieces.iter().map(|p| p.cells).sum();
    if total <= cells {
        return break_lines(pieces, cells, 0.0);
    }
    let count = (total / cells).ceil();
    let mut target = (total / count).ceil();
    loop {
        let lines = break_lines(pieces.clone(), target, 0.0);
        let last_alone = lines.last().is_some_and(|l| l.pieces.len() < 2);
        if (lines.len() as f64) <= count && !last_alone || target >= cells {
            return lines;
        }
        target = (target + 1.0).min(cells);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Latin runs measured as half a cell per character.
    fn half(text: &str) -> f64 {
        text.chars().count() as f64 * 0.5
    }

    /// Whole cells, half-cell Latin.
    const GRID: Measure = Measure {
        cjk: 1.0,
        latin: &half,
        run_end: 0.0,
    };

    fn lines_of(text: &str, cells: f64, indent: f64) -> Vec<String> {
        break_lines(pieces(text, false, &GRID), cells, indent)
            .iter()
            .map(|line| {
                let mut s: String = line.pieces.iter().map(|p| p.text.as_str()).collect();
                if let Some(hang) = &line.hang {
                    s.push('|');
                    s.push_str(hang);
                }
                s
            })
            .collect()
    }

    #[test]
    fn full_lines_hold_exactly_the_cells() {
        let text = "一二三四五六七八九十".repeat(6);
        let lines = lines_of(&text, 28.0, 2.0);
        assert_eq!(lines[0].chars().count(), 26);
        assert_eq!(lines[1].chars().count(), 28);
        assert_eq!(lines[2].chars().count(), 6);
    }

    #[test]
    fn a_closing_mark_that_does_not_fit_hangs() {
        let text = format!("{}，后文", "字".repeat(10));
        let lines = lines_of(&text, 10.0, 0.0);
        assert_eq!(lines, ["字字字字字字字字字字|，", "后文"]);
    }

    #[test]
    fn a_mark_after_digits_does_not_hang_but_takes_them_along() {
        // 字×8 + "78%" (1.5 cells) fill 9.5 of 10 cells; the comma would hang.
        let text = format!("{}78%，后文", "字".repeat(8));
        assert_eq!(
            lines_of(&text, 10.0, 0.0),
            ["字字字字字字字字", "78%，后文"]
        );
    }

    #[test]
    fn a_hanging_mark_at_the_end_leaves_no_empty_line() {
        let text = format!("{}。", "字".repeat(10));
        let lines = break_lines(pieces(&text, false, &GRID), 10.0, 0.0);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].hang.as_deref(), Some("。"));
        assert!(lines[0].justify, "stretched, so the mark hangs at the edge");
    }

    #[test]
    fn two_closing_marks_bring_a_character_down() {
        let text = format!("{}。”后文", "字".repeat(10));
        let lines = lines_of(&text, 10.0, 0.0);
        assert_eq!(lines, ["字字字字字字字字字", "字。”后文"]);
    }

    #[test]
    fn an_opening_mark_never_ends_a_line() {
        let text = format!("{}“提升战”", "字".repeat(9));
        let lines = lines_of(&text, 10.0, 0.0);
        assert_eq!(lines, ["字字字字字字字字字", "“提升战”"]);
    }

    #[test]
    fn latin_runs_stay_whole() {
        let text = format!("{}PM2.5浓度", "字".repeat(8));
        let lines = lines_of(&text, 10.0, 0.0);
        assert_eq!(lines, ["字字字字字字字字", "PM2.5浓度"]);
        let pieces = pieces("87.3%的", false, &GRID);
        assert_eq!(pieces[0].text, "87.3%");
        assert_eq!(pieces[1].text, "的");
    }

    #[test]
    fn latin_words_break_at_spaces_and_overlong_words_are_cut() {
        let lines = lines_of("字字 apple pie and more", 6.0, 0.0);
        assert_eq!(lines, ["字字 apple ", "pie and more"]);
        let lines = lines_of("abcdefghijklmnopqrstuvwxyz", 5.0, 0.0);
        assert_eq!(lines, ["abcdefghij", "klmnopqrst", "uvwxyz"]);
        let pieces = pieces("#set page(width: 1cm)", false, &GRID);
        assert_eq!(pieces.len(), 3, "{pieces:?}");
    }

    #[test]
    fn a_cjk_character_before_latin_text_or_after_a_distinct_lead_is_wider() {
        let measure = Measure {
            run_end: 0.25,
            ..GRID
        };
        let mut all = pieces("上升2.1个", false, &measure);
        let mut quoted = pieces("15.“双控”", false, &measure);
        all.extend(pieces("一是", true, &measure));
        all.extend(pieces("推进", false, &measure));
        let mut plain = all.clone();
        mark_run_ends(&mut all, &measure, true);
        mark_run_ends(&mut quoted, &measure, false);
        // The opening mark after “15.” is a run of its own in the DOCX.
        let marks: Vec<bool> = quoted.iter().map(|p| p.cells > 1.0 && !p.latin).collect();
        assert_eq!(marks, [false, true, false, false, false]);
        let widened = |pieces: &[Piece]| -> Vec<String> {
            pieces
                .iter()
                .filter(|p| !p.latin && p.cells > 1.0)
                .map(|p| p.text.clone())
                .collect()
        };
        assert_eq!(widened(&all), ["升", "是"]);
        // A lead in the body's own face and weight is one run with the text.
        mark_run_ends(&mut plain, &measure, false);
        assert_eq!(widened(&plain), ["升"]);
        // 上升 + 2.1 + 个 fill 4.5 cells only without the wider 升.
        assert_eq!(break_lines(all[..4].to_vec(), 4.5, 0.0)[0].pieces.len(), 3);
    }

    #[test]
    fn han_characters_and_digits_meet_without_a_space() {
        // 上升 (2) + 2.1 (1.5) + 个 (1) fill 4.5 cells exactly: with any
        // space between Han and Latin, 个 would not fit.
        assert_eq!(
            lines_of("上升2.1个百分点", 4.5, 0.0),
            ["上升2.1个", "百分点"]
        );
    }

    #[test]
    fn lines_narrower_than_the_grid_fill_it_exactly() {
        // At the word processors' advance (0.99 cell) a 5-cell line takes a
        // Latin run it could not hold at whole cells; its CJK cells shrink.
        let measure = Measure { cjk: 0.99, ..GRID };
        let lines = break_lines(pieces("四个汉字ab后", false, &measure), 5.0, 0.0);
        assert_eq!(lines[0].pieces.len(), 5, "{lines:?}");
        let on_grid = 4.0 * lines[0].cell + 1.0;
        assert!((on_grid - 5.0).abs() < 1e-9, "{}", lines[0].cell);
        assert_eq!(lines[1].cell, 1.0);
    }

    #[test]
    fn titles_are_balanced() {
        let title = pieces(
            "全市生态文明建设重点工作推进情况暨下一阶段重点任务安排",
            false,
            &GRID,
        );
        let lines = balance(title, 20.0);
        let lengths: Vec<usize> = lines.iter().map(|l| l.pieces.len()).collect();
        assert_eq!(lengths, [14, 13]);
        let short = balance(pieces("工作简报", false, &GRID), 20.0);
        assert_eq!(short.len(), 1);
        // 21 characters: never 20 + 1.
        let lines = balance(pieces(&"字".repeat(21), false, &GRID), 20.0);
        assert_eq!(
            lines.iter().map(|l| l.pieces.len()).collect::<Vec<_>>(),
            [11, 10]
        );
    }

    #[test]
    fn no_line_starts_with_closing_or_ends_with_opening() {
        let text = "为贯彻落实《在理论学习中心组生态文明建设专题研讨交流发言材料》部署的4项重点工作、27项具体任务，各牵头单位对照时间节点压茬推进。现将2026年11月推进情况通报如下。“三大保卫战”（蓝天、碧水、净土）持续推进，PM2.5平均浓度为29.6μg/m³。".repeat(3);
        for cells in [10.0, 13.0, 28.0] {
            let lines = break_lines(pieces(&text, false, &GRID), cells, 2.0);
            for (i, line) in lines.iter().enumerate() {
                let first = line.pieces.first().expect("no empty line");
                let last = line.pieces.last().expect("no empty line");
                assert!(
                    !(i > 0 && is_single_closing(first)),
                    "line {i} starts with {}",
                    first.text
                );
                assert!(!is_single_opening(last), "line {i} ends with {}", last.text);
                let width: f64 = line.indent + line.pieces.iter().map(|p| p.cells).sum::<f64>();
                assert!(width <= cells + 1e-6, "line {i} is {width} cells");
            }
            let joined: String = lines
                .iter()
                .flat_map(|l| {
                    l.pieces
                        .iter()
                        .map(|p| p.text.clone())
                        .chain(l.hang.clone())
                })
                .collect();
            assert_eq!(joined, text, "no text lost at {cells} cells");
        }
    }
}
