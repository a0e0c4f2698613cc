//! The tree view printed by `jianbao outline`.

use std::fmt;

use super::text::{char_len, prefix_chars};
use super::{Node, NodeKind, Outline};

/// Chars of a series' lead-in shown on its line.
const LEAD_IN_EXCERPT: usize = 24;

impl fmt::Display for Outline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "标题：{}", self.title)?;
        if let Some(salutation) = &self.salutation {
            writeln!(f, "称谓：{salutation}")?;
        }
        writeln!(f, "开场：{} 段", self.introduction.len())?;
        for node in &self.parts {
            write_node(f, node, 0)?;
        }
        if let Some(closing) = &self.closing {
            writeln!(f, "结束语：{closing}")?;
        }
        Ok(())
    }
}

/// Writes one node line and its children, indented by depth.
fn write_node(f: &mut fmt::Formatter<'_>, node: &Node, depth: usize) -> fmt::Result {
    let indent = "  ".repeat(depth);
    let id = &node.id;
    let label = &node.label;
    match node.kind {
        NodeKind::Series => {
            write!(f, "{indent}{id}  [{label}]")?;
            if !node.heading.is_empty() {
                write!(f, " {}", excerpt(&node.heading))?;
            }
            writeln!(f)?;
        }
        NodeKind::Part => writeln!(f, "{indent}{id}  {}  {label}", node.marker)?,
        NodeKind::Directive | NodeKind::Task => writeln!(f, "{indent}{id}  {label}")?,
        NodeKind::Paragraph => writeln!(f, "{indent}{id}  （段落）{}", excerpt(&node.text))?,
    }
    node.children
        .iter()
        .try_for_each(|child| write_node(f, child, depth + 1))
}

/// The first chars of a text on one line, with "…" when cut.
fn excerpt(text: &str) -> String {
    let line = text.lines().next().unwrap_or("");
    let head = prefix_chars(line, LEAD_IN_EXCERPT);
    if char_len(head) < char_len(text) {
        format!("{head}…")
    } else {
        head.to_string()
    }
}
