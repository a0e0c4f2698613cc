//! Short labels for outline nodes ("提升战", "三大保卫战", "林长制" …).
//!
//! A label is what a clerk types in the progress file and reads in the
//! briefing: short, distinct among its siblings, and true to the speech —
//! it may drop words that only say the work is done ("推进", "抓好"), never
//! words that say which way the work goes ("改造提升", "防止", "遏制").

use std::collections::HashSet;

use super::text::{
    char_len, chinese_numeral, first_clause, is_clause_end, prefix_chars, split_top_level,
    trim_label,
};
use super::words::{
    object_of, opens_with_limit, starts_with_kept_verb, without_adverbs, without_modal_yao,
    without_trailing_fillers,
};

/// Longest label, in chars.
const MAX_LABEL: usize = 24;

/// Shortest object that stands alone as a task label, in chars: a shorter
/// one keeps its verbs ("压紧压实责任", not "责任").
const MIN_OBJECT: usize = 3;

/// Words after "等" saying the list before it only names areas ("…等方面的
/// 突出问题"): the words after them are the object and stay in the label.
const AREA_WORDS: &[&str] = &["方面", "领域", "环节"];

/// Label of the n-th top-level series (1-based): "第一部分" ….
pub(crate) fn series(number: usize) -> String {
    format!("第{}部分", chinese_numeral(number))
}

/// Label of a part: a quoted term that ends a clause of the heading
/// ("深入打好生态质量“提升战”" → "提升战") unless the clause negates or
/// limits it ("防止“一刀切”"), else the heading's first clause without a
/// modal 要 ("要坚定方向引领" → "坚定方向引领").
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

/// Label of a task from its action clause: the object without leading
/// adverbs and without the verbs that only say the work is done, or
/// trailing "工作"/"等" ("落细落实河（湖）长制" → "河（湖）长制"); the quoted
/// term when it names the whole object ("统筹做好“碳达峰、碳中和”工作" →
/// "碳达峰、碳中和"). Verbs that change or limit the object stay
/// ("改造提升传统产业", "遏制高耗能、高排放项目盲目建设"), and so do the
/// verbs of an object too short to stand alone ("压紧压实责任").
pub(crate) fn task(clause: &str) -> String {
    let action = trim_label(clause);
    let object = without_trailing_fillers(trim_label(object_of(action)));
    if starts_with_kept_verb(object) {
        shorten(object)
    } else if char_len(object) < MIN_OBJECT {
        shorten(without_trailing_fillers(without_adverbs(action)))
    } else {
        shorten(whole_quote(object).unwrap_or(object))
    }
}

/// The inner text when `text` ends with a quoted term (“…”).
fn whole_quote(text: &str) -> Option<&str> {
    let inner = text.strip_suffix('”')?;
    let open = inner.rfind('“')?;
    let quoted = inner.get(open + '“'.len_utf8()..)?;
    (!quoted.is_empty() && !quoted.contains('”')).then_some(quoted)
}

/// The first quoted term of `heading` that closes a clause, unless the
/// clause negates or limits it before the quote ("防止“一刀切”").
fn clause_final_quote(heading: &str) -> Option<&str> {
    let mut from = 0;
    while let Some(open) = heading.get(from..)?.find('“').map(|i| from + i) {
        let inner = open + '“'.len_utf8();
        let close = inner + heading.get(inner..)?.find('”')?;
        let quoted = heading.get(inner..close)?.trim();
        from = close + '”'.len_utf8();
        let ends_clause = heading
            .get(from..)?
            .trim_start()
            .chars()
            .next()
            .is_none_or(is_clause_end);
        let before = heading.get(clause_start(heading, open)..open)?;
        if ends_clause && !quoted.is_empty() && !opens_with_limit(before) {
            return Some(quoted);
        }
    }
    None
}

/// Byte offset where the clause holding byte `at` of `text` starts.
fn clause_start(text: &str, at: usize) -> usize {
    text.get(..at)
        .and_then(|head| head.char_indices().rev().find(|&(_, c)| is_clause_end(c)))
        .map_or(0, |(i, c)| i + c.len_utf8())
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

/// Shortens "A、B、C…等X": to "A、B、C…" when the list fits and X may go,
/// else to as many leading items as fit before "等X". X stays when the
/// list only names its areas ("…等方面的突出问题").
fn shorten_list(label: &str) -> Option<String> {
    let pieces = split_top_level(label, '等');
    let (suffix, heads) = pieces.split_last()?;
    let list = heads.join("等");
    if !list.contains('、') {
        return None;
    }
    let names_areas = AREA_WORDS.iter().any(|word| suffix.starts_with(word));
    if char_len(&list) <= MAX_LABEL && !names_areas {
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

/// Makes sibling labels distinct: a label met again gets its occurrence
/// number ("加强领导", "加强领导（2）"), so each can be referred to alone.
pub(crate) fn make_distinct<'a>(labels: impl Iterator<Item = &'a mut String>) {
    let mut seen = HashSet::new();
    for label in labels.filter(|label| !label.is_empty()) {
        let base = label.clone();
        let mut occurrence = 1;
        while !seen.insert(label.clone()) {
            occurrence += 1;
            *label = format!("{base}（{occurrence}）");
        }
    }
}
