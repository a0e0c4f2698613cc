//! Speeches without enumeration. A 交流发言 often gives its commitments in
//! one paragraph about the work ahead ("下一步，我们将继续实施……，加快……，
//! 探索建立……。") and marks nothing else. When no series of markers is
//! found, each paragraph that opens with such a phrase and names at least
//! one action becomes a part of one series; its action clauses become its
//! tasks, and the paragraphs after it stay paragraphs of the series.

use super::NodeKind;
use super::build::{Draft, Tree};
use super::markers::Style;
use super::split::split_tasks;
use super::words::starts_with_subject;

/// Phrases that open a paragraph about the work ahead, longest first.
pub const NEXT_STEP_PHRASES: &[&str] = &["下一阶段", "下一步", "下步", "接下来", "今后"];

/// Words that may follow the phrase ("下一步工作中，").
const QUALIFIERS: &[&str] = &["工作中", "工作上", "工作"];

/// Label and heading of a part made from such a paragraph.
pub(crate) const LABEL: &str = "下步工作";

/// The body (every paragraph, none in a series) restructured around its
/// next-step paragraphs; `None` when it has none.
pub(crate) fn build(paragraphs: &[String]) -> Option<Tree> {
    let first = paragraphs.iter().position(|p| opening(p).is_some())?;
    let mut series = draft(NodeKind::Series, "", "", None);
    let mut drafts = Vec::new();
    for paragraph in paragraphs.get(first..).unwrap_or_default() {
        drafts.push(match opening(paragraph) {
            Some((marker, body)) => draft(NodeKind::Part, marker, body, Some(Style::NextSteps)),
            None => draft(NodeKind::Paragraph, "", paragraph, None),
        });
        series.children.push(drafts.len());
    }
    drafts.insert(0, series);
    Some(Tree {
        drafts,
        roots: vec![0],
        introduction: paragraphs.get(..first).unwrap_or_default().to_vec(),
    })
}

/// A draft without children.
fn draft(kind: NodeKind, marker: &str, text: &str, style: Option<Style>) -> Draft {
    Draft {
        kind,
        marker: marker.to_string(),
        text: text.trim().to_string(),
        style,
        children: Vec::new(),
    }
}

/// The opening phrase of a next-step paragraph ("下一步", "下一步工作中")
/// and the text after it and its comma; `None` unless the phrase stands
/// alone (followed by a comma or colon, or by a subject as in "下一步我们将")
/// and the text names an action.
fn opening(paragraph: &str) -> Option<(&str, &str)> {
    let phrase = NEXT_STEP_PHRASES
        .iter()
        .find(|phrase| paragraph.starts_with(*phrase))?;
    let after_phrase = paragraph.get(phrase.len()..)?;
    let rest = QUALIFIERS
        .iter()
        .find_map(|qualifier| after_phrase.strip_prefix(qualifier))
        .unwrap_or(after_phrase);
    let marker = paragraph.get(..paragraph.len() - rest.len())?;
    let body = match rest.strip_prefix(['，', ',', '：', ':']) {
        Some(body) => body,
        None if starts_with_subject(rest) => rest,
        None => return None,
    };
    (!split_tasks(body).pieces.is_empty()).then_some((marker, body))
}
