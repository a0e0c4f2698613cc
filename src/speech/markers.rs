//! Recognising enumeration markers ("首先", "一是", "（一）", "1." …).
//!
//! This module only finds *candidates*: a marker-shaped text at the start of
//! a paragraph or right after a sentence end. Whether a candidate really
//! starts an item depends on the series around it and is decided by
//! [`super::build`].

use super::text::is_sentence_end;

/// The written style of an enumeration; items of one series share a style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// 首先 / 其次 / 再次 / 最后 and 第一 / 第二 …
    Ordinal,
    /// 一是 / 二是 …
    Shi,
    /// 一要 / 二要 …
    Yao,
    /// 一、 二、 …
    CnComma,
    /// （一） （二） …
    CnParen,
    /// 1. 2. / 1、 2、 / 1． …
    Arabic,
    /// （1） （2） …
    ArabicParen,
    /// A paragraph opening with 下一步, 下步 … in a speech without any of
    /// the styles above (see [`super::next_steps`]).
    NextSteps,
}

impl Style {
    /// Rank of a heading style (0 is the outermost); `None` for the
    /// ordinal-word styles, which sit at whatever level they appear.
    pub(crate) fn heading_rank(self) -> Option<u8> {
        match self {
            Style::CnComma => Some(0),
            Style::CnParen => Some(1),
            Style::Arabic => Some(2),
            Style::ArabicParen => Some(3),
            Style::Ordinal | Style::Shi | Style::Yao | Style::NextSteps => None,
        }
    }

    /// Whether items of this style are headings (short lines with a body
    /// below) rather than ordinal words running inside paragraphs.
    pub(crate) fn is_heading(self) -> bool {
        self.heading_rank().is_some()
    }
}

/// The markers looked for, as a clerk reads them (for messages).
pub(crate) const DESCRIPTION: &str = "首先、其次、再次、最后，第一、第二……，一是、二是……，一要、二要……，一、二、……，（一）（二）……，1. 2. ……，（1）（2）……";

/// Position of an item in its series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Seq {
    /// The n-th item (1-based).
    Nth(u32),
    /// "最后": the last item, after any number of others.
    Last,
}

/// A marker-shaped text found in a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Candidate {
    /// Index of the paragraph in the body.
    pub para: usize,
    /// Byte offset of the marker in the paragraph.
    pub start: usize,
    /// Byte offset where the item's own text starts (after the marker and
    /// any separator such as "，").
    pub end: usize,
    /// Style of the marker.
    pub style: Style,
    /// Position the marker claims in its series.
    pub seq: Seq,
    /// The marker as written, e.g. "首先", "一、", "（一）".
    pub marker: String,
}

/// A marker matched at the start of a string.
struct Matched {
    style: Style,
    seq: Seq,
    /// Length in bytes of the marker itself.
    len: usize,
    /// Length in bytes of the marker plus its separator and spaces.
    consumed: usize,
}

/// Finds all marker candidates of all paragraphs, in document order.
pub(crate) fn find_candidates(body: &[&str]) -> Vec<Candidate> {
    body.iter()
        .enumerate()
        .flat_map(|(para, text)| paragraph_candidates(para, text))
        .collect()
}

/// Marker candidates of one paragraph.
fn paragraph_candidates(para: usize, text: &str) -> Vec<Candidate> {
    marker_positions(text)
        .into_iter()
        .filter_map(|start| {
            let rest = text.get(start..)?;
            let matched = match_marker(rest)?;
            Some(Candidate {
                para,
                start,
                end: start + matched.consumed,
                style: matched.style,
                seq: matched.seq,
                marker: rest.get(..matched.len)?.to_string(),
            })
        })
        .collect()
}

/// Offsets where a marker may start: the paragraph start and right after
/// each sentence end.
fn marker_positions(text: &str) -> Vec<usize> {
    let after_ends = text
        .char_indices()
        .filter(|&(_, c)| is_sentence_end(c))
        .map(|(i, c)| i + c.len_utf8())
        .filter(|&i| i < text.len());
    std::iter::once(0).chain(after_ends).collect()
}

/// Matches any marker at the very start of `s`.
fn match_marker(s: &str) -> Option<Matched> {
    ordinal_word(s)
        .or_else(|| numbered_ordinal(s))
        .or_else(|| chinese_suffixed(s))
        .or_else(|| parenthesized(s))
        .or_else(|| arabic(s))
}

/// 首先， / 其次， / 再次， / 最后，
fn ordinal_word(s: &str) -> Option<Matched> {
    const WORDS: [(&str, Seq); 4] = [
        ("首先", Seq::Nth(1)),
        ("其次", Seq::Nth(2)),
        ("再次", Seq::Nth(3)),
        ("最后", Seq::Last),
    ];
    WORDS.iter().find_map(|&(word, seq)| {
        let rest = s.strip_prefix(word)?;
        let separator = rest.chars().next().filter(|&c| is_comma_or_colon(c))?;
        Some(Matched {
            style: Style::Ordinal,
            seq,
            len: word.len(),
            consumed: word.len() + separator.len_utf8(),
        })
    })
}

/// 第一， / 第二、 / 第三：
fn numbered_ordinal(s: &str) -> Option<Matched> {
    let rest = s.strip_prefix('第')?;
    let (number, number_len) = parse_chinese_number(rest)?;
    let separator = rest
        .get(number_len..)?
        .chars()
        .next()
        .filter(|&c| is_comma_or_colon(c) || c == '、')?;
    let len = '第'.len_utf8() + number_len;
    Some(Matched {
        style: Style::Ordinal,
        seq: Seq::Nth(number),
        len,
        consumed: len + separator.len_utf8(),
    })
}

/// 一是 / 一要 / 一、
fn chinese_suffixed(s: &str) -> Option<Matched> {
    let (number, number_len) = parse_chinese_number(s)?;
    let rest = s.get(number_len..)?;
    let suffix = rest.chars().next()?;
    let style = match suffix {
        '是' => Style::Shi,
        '要' => Style::Yao,
        '、' => Style::CnComma,
        _ => return None,
    };
    let len = number_len + suffix.len_utf8();
    let after = s.get(len..)?;
    let separator = if style == Style::CnComma {
        0
    } else {
        after
            .chars()
            .next()
            .filter(|&c| is_comma_or_colon(c))
            .map_or(0, char::len_utf8)
    };
    Some(Matched {
        style,
        seq: Seq::Nth(number),
        len,
        consumed: len + separator + leading_space_len(after.get(separator..)?),
    })
}

/// （一） / (一) / （1） / (1)
fn parenthesized(s: &str) -> Option<Matched> {
    let open = s.chars().next().filter(|&c| c == '（' || c == '(')?;
    let inner = s.get(open.len_utf8()..)?;
    let (style, number, number_len) = match parse_chinese_number(inner) {
        Some((number, len)) => (Style::CnParen, number, len),
        None => {
            let (number, len) = parse_arabic_number(inner)?;
            (Style::ArabicParen, number, len)
        }
    };
    let close = inner
        .get(number_len..)?
        .chars()
        .next()
        .filter(|&c| c == '）' || c == ')')?;
    let len = open.len_utf8() + number_len + close.len_utf8();
    let after = s.get(len..)?;
    let separator = after
        .chars()
        .next()
        .filter(|&c| c == '、')
        .map_or(0, char::len_utf8);
    Some(Matched {
        style,
        seq: Seq::Nth(number),
        len,
        consumed: len + separator + leading_space_len(after.get(separator..)?),
    })
}

/// 1. / 1、 / 1． — but not a decimal such as "2.5".
fn arabic(s: &str) -> Option<Matched> {
    let (number, number_len) = parse_arabic_number(s)?;
    let rest = s.get(number_len..)?;
    let dot = rest
        .chars()
        .next()
        .filter(|&c| matches!(c, '.' | '、' | '．'))?;
    let after = rest.get(dot.len_utf8()..)?;
    let is_decimal = after.chars().next().is_some_and(is_any_digit);
    if is_decimal {
        return None;
    }
    let len = number_len + dot.len_utf8();
    Some(Matched {
        style: Style::Arabic,
        seq: Seq::Nth(number),
        len,
        consumed: len + leading_space_len(after),
    })
}

/// Whether `c` may follow an ordinal word such as "首先".
fn is_comma_or_colon(c: char) -> bool {
    matches!(c, '，' | ',' | '：' | ':')
}

/// Whether `c` is an ASCII or full-width digit.
fn is_any_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Byte length of the white space at the start of `s`.
fn leading_space_len(s: &str) -> usize {
    s.len() - s.trim_start().len()
}

/// Parses 1 to 3 ASCII digits at the start of `s` (value ≥ 1).
fn parse_arabic_number(s: &str) -> Option<(u32, usize)> {
    let len = s.chars().take_while(char::is_ascii_digit).count();
    if !(1..=3).contains(&len) {
        return None;
    }
    let number: u32 = s.get(..len)?.parse().ok()?;
    (number >= 1).then_some((number, len))
}

/// Parses a Chinese numeral (一 … 九十九) at the start of `s`; returns its
/// value and byte length. The longest well-formed prefix wins.
fn parse_chinese_number(s: &str) -> Option<(u32, usize)> {
    let chars: Vec<char> = s
        .chars()
        .take(3)
        .take_while(|&c| c == '十' || digit_value(c).is_some())
        .collect();
    (1..=chars.len()).rev().find_map(|count| {
        let prefix = chars.get(..count)?;
        let value = numeral_value(prefix)?;
        Some((value, prefix.iter().map(|c| c.len_utf8()).sum()))
    })
}

/// Value of a well-formed Chinese numeral of at most three chars.
fn numeral_value(chars: &[char]) -> Option<u32> {
    match *chars {
        ['十'] => Some(10),
        [d] => digit_value(d),
        ['十', d] => Some(10 + digit_value(d)?),
        [d, '十'] => tens(d),
        [d, '十', e] => Some(tens(d)? + digit_value(e)?),
        _ => None,
    }
}

/// 20, 30 … 90 for 二 … 九 before 十.
fn tens(d: char) -> Option<u32> {
    digit_value(d).filter(|&v| v >= 2).map(|v| v * 10)
}

/// Value of a single Chinese digit 一 … 九.
fn digit_value(c: char) -> Option<u32> {
    "一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .and_then(|i| u32::try_from(i + 1).ok())
}
