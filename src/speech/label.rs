//! Short labels for outline nodes ("提升战", "三大保卫战", "林长制" …).

use super::text::{
    char_len, chinese_numeral, first_clause, is_clause_end, prefix_chars, split_top_level,
    trim_label,
};
use super::words::{object_of, without_modal_yao, without_trailing_fillers};

/// Longest label, in chars.
const MAX_LABEL: usize = 24;

/// Label of the n-th top-level series (1-based): "第一部分" ….
pub(crate) fn series(number: usize) -> String {
    format!("第{}部分", chinese_numeral(number))
}

/// Label of a part: a quoted term that ends a clause of the heading
/// ("深入打好生态质量“提升战”" → "提升战"), else the heading's first clause
/// without a modal 要 ("要坚定方向引领" → "坚定方向引领").
pub(crate) fn part(heading: &str) -> String {
    match clause_final_quote(heading) {
        Some(quoted) => shorten(quoted),
        None => shorten(trim_label(without_modal_yao(first_clause(heading)))),
    }
}

/// Label of a directive, a paragraph or any node named by its opening
/// words: the first clause ("要以走在前列为总要求").
pub(crate) fn first_words(text: &str) -> String {
    shorten(first_clause(text))
}

/// Label of a task from its action clause: the quoted term when it names
/// the whole object ("统筹做好“碳达峰、碳中和”工作" → "碳达峰、碳中和"), else
/// the object without leading adverbs and verbs or trailing "工作"/"等"
/// ("落细落实河（湖）长制" → "河（湖）长制").
pub(crate) fn task(clause: &str) -> String {
    let object = without_trailing_fillers(trim_label(object_of(trim_label(clause))));
    shorten(whole_quote(object).unwrap_or(object))
}

/// The inner text when `text` ends with a quoted term (“…”).
fn whole_quote(text: &str) -> Option<&str> {
    let inner = text.strip_suffix('”')?;
    let open = inner.rfind('“')?;
    let quoted = inner.get(open + '“'.len_utf8()..)?;
    (!quoted.is_empty() && !quoted.contains('”')).then_some(quoted)
}

/// The first quoted term of `heading` that closes a clause.
fn clause_final_quote(heading: &str) -> Option<&str> {
    let mut rest = heading;
    while let Some(open) = rest.find('“') {
        let after_open = rest.get(open + '“'.len_utf8()..)?;
        let close = after_open.find('”')?;
        let quoted = after_open.get(..close)?;
        let after_close = after_open.get(close + '”'.len_utf8()..)?;
        let ends_clause = after_close
            .trim_start()
            .chars()
            .next()
            .is_none_or(is_clause_end);
        if ends_clause && !quoted.trim().is_empty() {
            return Some(quoted.trim());
        }
        rest = after_close;
    }
    None
}

/// Shortens a label to at most [`MAX_LABEL`] chars, cutting at list
/// boundaries where possible.
pub(crate) fn shorten(label: &str) -> String {
    let label = label.trim();
    if char_len(label) <= MAX_LABEL {
        return label.to_string();
    }
    shorten_list(label).unwrap_or_else(|| cut_at_boundary(label).to_string())
}

/// Shortens "A、B、C…等X": to "A、B、C…" when the list fits, else to as
/// many leading items as fit before "等X".
fn shorten_list(label: &str) -> Option<String> {
    let pieces = split_top_level(label, '等');
    let (suffix, heads) = pieces.split_last()?;
    let list = heads.join("等");
    if !list.contains('、') {
        return None;
    }
    if char_len(&list) <= MAX_LABEL {
        return Some(list);
    }
    let items = split_top_level(&list, '、');
    let tail = format!("等{suffix}");
    (1..items.len())
        .rev()
        .map(|count| format!("{}{tail}", items.get(..count).unwrap_or(&[]).join("、")))
        .find(|candidate| char_len(candidate) <= MAX_LABEL)
}

/// The first [`MAX_LABEL`] chars, cut back to the last 、 or ， in the
/// second half when there is one.
fn cut_at_boundary(label: &str) -> &str {
    let head = prefix_chars(label, MAX_LABEL);
    let boundary = head
        .char_indices()
        .rev()
        .filter(|&(_, c)| c == '、' || c == '，')
        .map(|(i, _)| i)
        .find(|&i| char_len(head.get(..i).unwrap_or("")) >= MAX_LABEL / 2);
    boundary.and_then(|i| head.get(..i)).unwrap_or(head)
}
