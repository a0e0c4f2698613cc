//! The frame of a speech: title, salutation and closing around the body.

use super::text::char_len;

/// Longest salutation, in chars ("各位领导、同志们：").
const MAX_SALUTATION: usize = 12;

/// Longest closing line, in chars.
const MAX_CLOSING: usize = 40;

/// Phrases that mark a closing line.
const CLOSING_PHRASES: &[&str] = &[
    "谢谢",
    "发言完毕",
    "讲话完毕",
    "汇报完毕",
    "批评指正",
    "以上发言",
    "以上汇报",
    "以上讲话",
];

/// The paragraphs of a speech split into frame and body.
pub(crate) struct Frame<'p, 'a> {
    /// First paragraph, "" when there is none.
    pub title: &'a str,
    /// A short line ending with a colon right after the title.
    pub salutation: Option<&'a str>,
    /// Paragraphs between salutation (or title) and closing.
    pub body: &'p [&'a str],
    /// A final thanking line such as "谢谢大家！".
    pub closing: Option<&'a str>,
}

/// Splits paragraphs into title, salutation, body and closing.
pub(crate) fn detect<'p, 'a>(paragraphs: &'p [&'a str]) -> Frame<'p, 'a> {
    let Some((&title, rest)) = paragraphs.split_first() else {
        return Frame {
            title: "",
            salutation: None,
            body: &[],
            closing: None,
        };
    };
    let (salutation, rest) = match rest.split_first() {
        Some((&first, after)) if is_salutation(first) => (Some(first), after),
        _ => (None, rest),
    };
    let (closing, body) = match rest.split_last() {
        Some((&last, before)) if is_closing(last) => (Some(last), before),
        _ => (None, rest),
    };
    Frame {
        title,
        salutation,
        body,
        closing,
    }
}

/// "同志们：", "各位领导、各位同事：" — a short line ending with a colon.
fn is_salutation(line: &str) -> bool {
    let length = char_len(line);
    (2..=MAX_SALUTATION).contains(&length) && (line.ends_with('：') || line.ends_with(':'))
}

/// "发言完毕，谢谢大家！", "以上发言，不妥之处请批评指正。"
fn is_closing(line: &str) -> bool {
    char_len(line) <= MAX_CLOSING && CLOSING_PHRASES.iter().any(|p| line.contains(p))
}
