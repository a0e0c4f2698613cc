//! Parsing a leader's speech into an [`Outline`] of commitments.
//!
//! A speech is read as: a title, an optional salutation ("同志们："), some
//! introductory paragraphs, one or more top-level *series* of enumerated
//! parts ("首先…其次…第三…", "一是…二是…", "一、…（一）…1.…"), and an
//! optional closing line ("谢谢大家！"). Parts nest by marker style; a leaf
//! part is further split into *directives* (its sentences that open with
//! 要) or, for ordinal-word items, into *tasks* (its action clauses).
//!
//! A speech with no enumeration at all (a 交流发言 in plain paragraphs)
//! is read by its paragraphs about the work ahead instead ("下一步，我们将
//! ……"): see [`Structure::NextSteps`]. [`Outline::structure`] says which
//! reading was used, so the commands can tell the clerk.
//!
//! Every node gets a stable dotted id ("2.1" is the first part of the
//! second series, "2.1.3" its third task) and a short Chinese label, so
//! progress files can refer to commitments by either.
//!
//! Text is never lost: the title, salutation, introduction, each node's
//! marker and own [`Node::text`] in pre-order, and the closing, read in
//! turn, give back every word of the speech.

mod build;
mod display;
mod docx;
mod file;
mod frame;
mod label;
mod markers;
mod next_steps;
mod split;
mod text;
mod words;

#[cfg(test)]
mod tests;

use serde::Serialize;
use std::collections::HashSet;

pub use file::{decode, read};

use build::{Draft, Tree};
use markers::Style;
use split::Piece;

pub use next_steps::NEXT_STEP_PHRASES;

/// The enumeration markers looked for, as a clerk reads them (for messages).
pub const MARKERS: &str = markers::DESCRIPTION;

/// Parse a speech. Never fails on valid UTF-8; unstructured text stays paragraphs.
#[must_use]
pub fn parse(text: &str) -> Outline {
    let paragraphs = text::paragraphs(text);
    let frame = frame::detect(&paragraphs);
    let tree = build::build(frame.body);
    let (tree, structure) = if !tree.roots.is_empty() {
        (tree, Structure::Enumerated)
    } else if let Some(next_steps) = next_steps::build(&tree.introduction) {
        (next_steps, Structure::NextSteps)
    } else {
        (tree, Structure::Unstructured)
    };
    Outline {
        title: frame.title.to_string(),
        salutation: frame.salutation.map(str::to_string),
        parts: assemble(&tree),
        introduction: tree.introduction,
        closing: frame.closing.map(str::to_string),
        structure,
    }
}

/// A parsed speech.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outline {
    /// First non-empty line (trimmed); "" if the text is empty.
    pub title: String,
    /// A short line ending with a colon right after the title, e.g. "同志们：".
    pub salutation: Option<String>,
    /// Paragraphs before the first enumerated part.
    pub introduction: Vec<String>,
    /// Top-level series, each holding its parts.
    pub parts: Vec<Node>,
    /// Final line such as "发言完毕，谢谢大家！".
    pub closing: Option<String>,
    /// How the parts were found.
    pub structure: Structure,
}

/// How the parts of an outline were found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Structure {
    /// By enumeration markers ("一是", "（一）" …).
    Enumerated,
    /// The speech has no markers: each paragraph opening with 下一步
    /// ([`NEXT_STEP_PHRASES`]) is a part labelled "下步工作", its action
    /// clauses are its tasks.
    NextSteps,
    /// Neither: the speech has no parts, hence no commitments.
    Unstructured,
}

/// One node of the outline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Node {
    /// Stable dotted path: "2" (series), "2.1" (part), "2.1.3" (task) ….
    pub id: String,
    /// What the node is.
    pub kind: NodeKind,
    /// The enumeration marker as written ("首先", "一是", "一、", "（一）",
    /// "1." …); "" for series, directives, tasks and paragraphs.
    pub marker: String,
    /// Short label ("提升战", "三大保卫战", "要以走在前列为总要求" …).
    pub label: String,
    /// The heading sentence without the marker; for a series, its lead-in;
    /// for a 下一步 paragraph's part, which has no heading, its label.
    pub heading: String,
    /// The node's own text without marker: heading and body up to its first
    /// child. Children's text is in the children.
    pub text: String,
    /// Child nodes in document order.
    pub children: Vec<Node>,
}

/// The kind of an outline node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    /// A top-level run of sibling parts, with its lead-in text.
    Series,
    /// An enumerated item ("首先", "一是", "一、" …).
    Part,
    /// A sentence opening with 要 inside a part ("要以…为…").
    Directive,
    /// An action clause inside a part ("全面落实林长制").
    Task,
    /// Text that belongs to no enumerated item.
    Paragraph,
}

impl Outline {
    /// Depth-first iterator over all nodes (pre-order).
    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        PreOrder {
            stack: self.parts.iter().rev().collect(),
        }
    }

    /// The short label of the node with `id`; the id itself when the
    /// speech has no such node.
    #[must_use]
    pub fn label_of(&self, id: &str) -> String {
        self.find(id)
            .map_or_else(|| id.to_string(), |node| node.label.clone())
    }

    /// Find by exact id.
    #[must_use]
    pub fn find(&self, id: &str) -> Option<&Node> {
        self.nodes().find(|node| node.id == id)
    }

    /// Resolve a user reference: exact id match first; else all nodes whose
    /// label equals the reference; else nodes whose label or heading contains
    /// the reference (substring). Returns all candidates (caller reports
    /// unknown/ambiguous). A blank reference matches nothing.
    #[must_use]
    pub fn resolve(&self, reference: &str) -> Vec<&Node> {
        let reference = reference.trim();
        if reference.is_empty() {
            return Vec::new();
        }
        if let Some(node) = self.find(reference) {
            return vec![node];
        }
        let by_label: Vec<&Node> = self.nodes().filter(|n| n.label == reference).collect();
        if !by_label.is_empty() {
            return by_label;
        }
        self.nodes()
            .filter(|n| n.label.contains(reference) || n.heading.contains(reference))
            .collect()
    }

    /// The commitments, in document order: Part nodes that have Task
    /// children; in speeches where no part has tasks, the parts whose
    /// sub-parts are leaves (一、 over （一）, the （一） being its tasks); else
    /// the leaf Parts.
    #[must_use]
    pub fn commitments(&self) -> Vec<&Node> {
        let with_tasks: Vec<&Node> = self
            .nodes()
            .filter(|n| n.kind == NodeKind::Part && has_child(n, NodeKind::Task))
            .collect();
        if !with_tasks.is_empty() {
            return with_tasks;
        }
        // A part whose sub-parts are all leaves (一、 over （一）, 第一 over
        // 一要) is a commitment and its sub-parts are its tasks; a leaf part
        // elsewhere is a commitment of its own.
        let groups = |n: &Node| {
            n.kind == NodeKind::Part
                && has_child(n, NodeKind::Part)
                && n.children
                    .iter()
                    .filter(|c| c.kind == NodeKind::Part)
                    .all(|c| !has_child(c, NodeKind::Part))
        };
        let grouped: HashSet<&str> = self
            .nodes()
            .filter(|n| groups(n))
            .flat_map(|n| n.children.iter().map(|c| c.id.as_str()))
            .collect();
        self.nodes()
            .filter(|n| {
                groups(n)
                    || n.kind == NodeKind::Part
                        && !has_child(n, NodeKind::Part)
                        && !grouped.contains(n.id.as_str())
            })
            .collect()
    }

    /// Parent of a node by id, if any.
    #[must_use]
    pub fn parent(&self, id: &str) -> Option<&Node> {
        self.find(id)?;
        let (parent_id, _) = id.rsplit_once('.')?;
        self.find(parent_id)
    }
}

/// Whether the node `id` is `ancestor` itself or lies below it.
pub fn is_within(id: &str, ancestor: &str) -> bool {
    id == ancestor
        || id
            .strip_prefix(ancestor)
            .is_some_and(|rest| rest.starts_with('.'))
}

/// Whether a node has a direct child of `kind`.
fn has_child(node: &Node, kind: NodeKind) -> bool {
    node.children.iter().any(|child| child.kind == kind)
}

/// Pre-order traversal state.
struct PreOrder<'a> {
    stack: Vec<&'a Node>,
}

impl<'a> Iterator for PreOrder<'a> {
    type Item = &'a Node;

    fn next(&mut self) -> Option<&'a Node> {
        let node = self.stack.pop()?;
        self.stack.extend(node.children.iter().rev());
        Some(node)
    }
}

/// Turns the drafts into nodes with ids and labels.
fn assemble(tree: &Tree) -> Vec<Node> {
    tree.roots
        .iter()
        .enumerate()
        .filter_map(|(i, &root)| {
            let draft = tree.drafts.get(root)?;
            let number = i + 1;
            let id = number.to_string();
            let mut children = assemble_children(tree, draft, &id);
            distinct_labels(&mut children);
            Some(Node {
                kind: NodeKind::Series,
                marker: String::new(),
                label: label::series(number),
                heading: draft.text.clone(),
                text: draft.text.clone(),
                children,
                id,
            })
        })
        .collect()
}

/// Assembles the children of a draft under the id `parent_id`.
fn assemble_children(tree: &Tree, draft: &Draft, parent_id: &str) -> Vec<Node> {
    draft
        .children
        .iter()
        .filter_map(|&child| tree.drafts.get(child))
        .enumerate()
        .map(|(i, child)| assemble_node(tree, child, format!("{parent_id}.{}", i + 1)))
        .collect()
}

/// Assembles a part or paragraph; a leaf part's body is split into
/// directives or tasks here.
fn assemble_node(tree: &Tree, draft: &Draft, id: String) -> Node {
    let mut children = assemble_children(tree, draft, &id);
    let mut own = draft.text.clone();
    if draft.kind == NodeKind::Part && children.is_empty() {
        let split = match draft.style {
            Some(Style::NextSteps) => split::split_tasks(&draft.text),
            style => split::split_part(&draft.text, style.is_some_and(|s| !s.is_heading())),
        };
        own = split.own;
        children = split
            .pieces
            .into_iter()
            .enumerate()
            .map(|(i, piece)| piece_node(piece, format!("{id}.{}", i + 1)))
            .collect();
    }
    distinct_labels(&mut children);
    let (label, heading) = match (draft.kind, draft.style) {
        (NodeKind::Part, Some(Style::NextSteps)) => {
            (next_steps::LABEL.to_string(), next_steps::LABEL.to_string())
        }
        (NodeKind::Part, _) => {
            let heading = text::heading(&own);
            (label::part(heading), heading.to_string())
        }
        _ => (label::first_words(&own), text::heading(&own).to_string()),
    };
    Node {
        id,
        kind: draft.kind,
        marker: draft.marker.clone(),
        label,
        heading,
        text: own,
        children,
    }
}

/// Makes the labels of sibling nodes distinct (see [`label::make_distinct`]).
fn distinct_labels(nodes: &mut [Node]) {
    label::make_distinct(nodes.iter_mut().map(|node| &mut node.label));
}

/// A directive or task node from a split piece.
fn piece_node(piece: Piece, id: String) -> Node {
    Node {
        id,
        kind: piece.kind,
        marker: String::new(),
        label: piece.label,
        heading: text::heading(&piece.text).to_string(),
        text: piece.text,
        children: Vec::new(),
    }
}
