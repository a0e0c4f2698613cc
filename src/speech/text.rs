//! Low-level text helpers: paragraphs, sentences, clauses and char-safe cuts.
//!
//! Every byte offset produced here comes from `char_indices` or from matching
//! whole `char`s, so slicing with it can never split a character.

/// Byte range `[start, end)` of a piece of a string.
pub(crate) type Span = (usize, usize);

/// Splits a speech into paragraphs: its non-empty lines, trimmed.
///
/// Handles `\n`, `\r\n` and lone `\r`, a byte-order mark and full-width
/// spaces (U+3000 is Unicode white space, so `char::is_whitespace` covers it).
pub(crate) fn paragraphs(text: &str) -> Vec<&str> {
    text.split(['\n', '\r'])
        .map(|line| line.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}'))
        .filter(|line| !line.is_empty())
        .collect()
}

/// Whether `c` ends a sentence (after it an inline marker may start).
pub(crate) fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '；' | '！' | '？' | ';' | '!' | '?')
}

/// Whether `c` ends the heading sentence of an item.
fn is_heading_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?')
}

/// Whether `c` ends a clause (a sentence end, a comma or a colon).
pub(crate) fn is_clause_end(c: char) -> bool {
    is_sentence_end(c) || matches!(c, '，' | ',' | '：' | ':')
}

/// Whether `c` is punctuation that may be trimmed from the end of a label.
fn is_trailing_punctuation(c: char) -> bool {
    is_clause_end(c) || matches!(c, '、' | '.' | '…' | '—')
}

/// How `c` changes the nesting depth of quotes and brackets.
fn depth_change(c: char) -> isize {
    match c {
        '“' | '（' | '(' | '《' | '【' | '「' | '‘' => 1,
        '”' | '）' | ')' | '》' | '】' | '」' | '’' => -1,
        _ => 0,
    }
}

/// Tracks quote/bracket depth while scanning text left to right.
#[derive(Default)]
struct Depth(isize);

impl Depth {
    /// Updates the depth with `c`; returns whether the scan is at top level
    /// after it. A line break resets the depth, so an unbalanced quote
    /// cannot swallow the rest of the text.
    fn step(&mut self, c: char) -> bool {
        if c == '\n' {
            self.0 = 0;
        } else {
            self.0 = (self.0 + depth_change(c)).max(0);
        }
        self.0 == 0
    }
}

/// Splits `text[from..]` into consecutive spans, each ending right after a
/// top-level char for which `is_break` holds, or after a line break.
/// The spans cover `text[from..]` exactly.
pub(crate) fn split_after(text: &str, from: usize, is_break: fn(char) -> bool) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = from;
    let mut depth = Depth::default();
    for (offset, c) in text.get(from..).unwrap_or("").char_indices() {
        let top = depth.step(c);
        if c == '\n' || (top && is_break(c)) {
            let end = from + offset + c.len_utf8();
            spans.push((start, end));
            start = end;
        }
    }
    if start < text.len() {
        spans.push((start, text.len()));
    }
    spans
}

/// Byte offset where the body of an item starts: right after its heading
/// sentence (the first `。！？`), or at the first line break, or at the end.
pub(crate) fn heading_end(text: &str) -> usize {
    text.char_indices()
        .find(|&(_, c)| is_heading_end(c) || c == '\n')
        .map_or(
            text.len(),
            |(i, c)| {
                if c == '\n' { i } else { i + c.len_utf8() }
            },
        )
}

/// The heading sentence of an item's text, without a trailing comma,
/// semicolon or enumeration comma (a task's clause ends with one).
pub(crate) fn heading(text: &str) -> &str {
    text.get(..heading_end(text))
        .unwrap_or(text)
        .trim()
        .trim_end_matches(['，', ',', '；', ';', '、', '：', ':'])
}

/// The first clause of `text` (up to the first top-level comma, colon or
/// sentence end), without its punctuation.
pub(crate) fn first_clause(text: &str) -> &str {
    let end = split_after(text, 0, is_clause_end)
        .first()
        .map_or(0, |&(_, end)| end);
    trim_label(text.get(..end).unwrap_or(text))
}

/// Trims white space and trailing punctuation (not closing quotes).
pub(crate) fn trim_label(text: &str) -> &str {
    text.trim()
        .trim_end_matches(|c: char| c.is_whitespace() || is_trailing_punctuation(c))
}

/// Number of chars in `text`.
pub(crate) fn char_len(text: &str) -> usize {
    text.chars().count()
}

/// The longest prefix of `text` with at most `max` chars.
pub(crate) fn prefix_chars(text: &str, max: usize) -> &str {
    let end = text.char_indices().nth(max).map_or(text.len(), |(i, _)| i);
    text.get(..end).unwrap_or(text)
}

/// Splits `text` at every top-level occurrence of `separator`
/// (occurrences inside quotes or brackets are kept).
pub(crate) fn split_top_level(text: &str, separator: char) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut depth = Depth::default();
    for (i, c) in text.char_indices() {
        let top = depth.step(c);
        if top && c == separator {
            pieces.push(text.get(start..i).unwrap_or(""));
            start = i + c.len_utf8();
        }
    }
    pieces.push(text.get(start..).unwrap_or(""));
    pieces
}

/// Writes `n` (1..=99) in Chinese numerals; larger numbers stay Arabic.
pub(crate) fn chinese_numeral(n: usize) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let (tens, ones) = (n / 10, n % 10);
    match (tens, ones) {
        (0, 0) | (10.., _) => n.to_string(),
        (0, _) => DIGITS[ones].to_string(),
        (1, _) => format!("十{}", DIGITS[ones]),
        _ => format!("{}十{}", DIGITS[tens], DIGITS[ones]),
    }
}
