//! Splits the body of a leaf part into directives ("要…" sentences) or
//! tasks (action clauses).

use super::NodeKind;
use super::label;
use super::text::{Span, heading_end, is_clause_end, is_sentence_end, split_after, trim_label};
use super::words::{is_action, is_lead, is_result, predicate_of, starts_directive};

/// A child node cut out of a part's text.
pub(crate) struct Piece {
    /// Directive or task.
    pub kind: NodeKind,
    /// The piece's text as in the speech.
    pub text: String,
    /// Its label.
    pub label: String,
}

/// A part's text divided into its own text and child pieces.
pub(crate) struct Split {
    /// Heading plus any body text before the first piece.
    pub own: String,
    /// Directives or tasks, in order; together with `own` they cover the
    /// whole text.
    pub pieces: Vec<Piece>,
}

/// Splits a leaf part's text. Directives win when the body has sentences
/// opening with 要; tasks are only cut when `allow_tasks` (items of ordinal
/// word series) and the heading sentence is followed by more text.
pub(crate) fn split_part(text: &str, allow_tasks: bool) -> Split {
    let body_start = heading_end(text);
    let pieces = if text.get(body_start..).unwrap_or("").trim().is_empty() {
        Vec::new()
    } else {
        let directives = directive_starts(text, body_start);
        if !directives.is_empty() {
            directives
        } else if allow_tasks {
            task_starts(text, body_start)
        } else {
            Vec::new()
        }
    };
    assemble(text, pieces)
}

/// Splits a text that is all body (a 下一步 paragraph) into tasks.
pub(crate) fn split_tasks(text: &str) -> Split {
    assemble(text, task_starts(text, 0))
}

/// Where a piece starts, with its kind and label.
struct Start {
    offset: usize,
    kind: NodeKind,
    label: String,
}

/// Cuts `text` at the piece starts.
fn assemble(text: &str, starts: Vec<Start>) -> Split {
    let Some(first) = starts.first().map(|s| s.offset) else {
        return Split {
            own: text.to_string(),
            pieces: Vec::new(),
        };
    };
    let ends: Vec<usize> = starts
        .iter()
        .skip(1)
        .map(|s| s.offset)
        .chain(std::iter::once(text.len()))
        .collect();
    let pieces = starts
        .into_iter()
        .zip(ends)
        .map(|(start, end)| Piece {
            kind: start.kind,
            text: text.get(start.offset..end).unwrap_or("").trim().to_string(),
            label: start.label,
        })
        .collect();
    Split {
        own: text.get(..first).unwrap_or(text).trim().to_string(),
        pieces,
    }
}

/// Starts of sentences of the body that open with a modal 要.
fn directive_starts(text: &str, body_start: usize) -> Vec<Start> {
    split_after(text, body_start, is_sentence_end)
        .into_iter()
        .filter_map(|(start, end)| {
            let sentence = text.get(start..end)?;
            let offset = start + (sentence.len() - sentence.trim_start().len());
            let sentence = sentence.trim();
            starts_directive(sentence).then(|| Start {
                offset,
                kind: NodeKind::Directive,
                label: label::first_words(sentence),
            })
        })
        .collect()
}

/// A clause of the body, with its place in its sentence.
struct Clause<'a> {
    /// Byte offset of the clause in the part's text.
    offset: usize,
    /// The clause without surrounding space and punctuation.
    core: &'a str,
    /// Whether it ends its sentence and other clauses come before it.
    closes_sentence: bool,
}

/// What a clause does in the task list.
enum Role {
    /// Frames the next clause ("以…为统揽", "同时").
    Lead,
    /// Opens a new task.
    Action,
    /// Belongs to the task before it (a result, a manner, anything else).
    Follow,
}

/// Starts of tasks in the body: each action clause opens one, taking the
/// frame clauses right before it along.
fn task_starts(text: &str, body_start: usize) -> Vec<Start> {
    let mut starts: Vec<Start> = Vec::new();
    let mut lead: Option<usize> = None;
    for clause in clauses(text, body_start) {
        match role(&clause, lead.is_some()) {
            Role::Lead => {
                lead.get_or_insert(clause.offset);
            }
            Role::Action => starts.push(Start {
                offset: lead.take().unwrap_or(clause.offset),
                kind: NodeKind::Task,
                label: label::task(predicate_of(clause.core)),
            }),
            Role::Follow => lead = None,
        }
    }
    starts
}

/// The role of a clause. After a frame, anything but another frame or a
/// result is taken as the framed action; a subject before the action
/// ("我们将继续实施…") does not hide it.
fn role(clause: &Clause, after_lead: bool) -> Role {
    let core = clause.core;
    if core.is_empty() {
        Role::Follow
    } else if is_lead(core) {
        Role::Lead
    } else if is_result(core, clause.closes_sentence) {
        Role::Follow
    } else if after_lead || is_action(predicate_of(core)) {
        Role::Action
    } else {
        Role::Follow
    }
}

/// The clauses of `text[body_start..]`.
fn clauses(text: &str, body_start: usize) -> Vec<Clause<'_>> {
    let spans: Vec<Span> = split_after(text, body_start, is_clause_end);
    let mut result = Vec::with_capacity(spans.len());
    let mut sentence_open = false;
    for (start, end) in spans {
        let raw = text.get(start..end).unwrap_or("");
        let ends_sentence = raw
            .trim_end_matches([' ', '\u{3000}'])
            .chars()
            .last()
            .is_none_or(|c| is_sentence_end(c) || c == '\n')
            || end == text.len();
        result.push(Clause {
            offset: start + (raw.len() - raw.trim_start().len()),
            core: trim_label(raw),
            closes_sentence: ends_sentence && sentence_open,
        });
        sentence_open = !ends_sentence;
    }
    result
}
