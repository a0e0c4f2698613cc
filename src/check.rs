//! What `jianbao check` tells the clerk about a valid month: how many tasks
//! stand where, what the speech commits to that the file does not report,
//! and which deadlines have passed without the task being done.

use std::collections::HashSet;
use std::fmt;

use crate::briefing::stats::{Tally, month_tally};
use crate::diagnostic::Diagnostic;
use crate::progress::{Deadline, Progress};
use crate::speech::{Node, NodeKind, Outline};

/// The summary of one validated month.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// The month, in Chinese (`2026年11月`).
    pub period: String,
    /// Counts by status and mean completion.
    pub tally: Tally,
    /// Commitments of the speech with no entry in the file: `(id, label)`.
    pub unreported_commitments: Vec<(String, String)>,
    /// Tasks of reported commitments with no entry: `(id, label)`.
    pub unreported_tasks: Vec<(String, String)>,
    /// Tasks past their deadline and not done: `(id, label, deadline)`.
    pub overdue: Vec<(String, String, Deadline)>,
}

impl Summary {
    /// Sums up `progress` against the speech `outline`.
    pub fn new(progress: &Progress, outline: &Outline) -> Summary {
        let tasks: Vec<_> = progress.tasks().collect();
        let tally = month_tally(progress);
        let reported: HashSet<&str> = progress
            .commitments
            .iter()
            .map(|c| c.node_id.as_str())
            .chain(tasks.iter().map(|t| t.node_id.as_str()))
            .collect();
        let unreported_commitments = outline
            .commitments()
            .into_iter()
            .filter(|node| !reported.contains(node.id.as_str()))
            .map(id_label)
            .collect();
        let unreported_tasks = progress
            .commitments
            .iter()
            .filter_map(|c| outline.find(&c.node_id))
            .flat_map(|node| node.children.iter())
            .filter(|child| child.kind == NodeKind::Task)
            .filter(|child| !reported.contains(child.id.as_str()))
            .map(id_label)
            .collect();
        let today = progress.meta.date;
        let overdue = tasks
            .iter()
            .filter_map(|t| t.overdue(today).map(|d| (t, d)))
            .map(|(t, deadline)| (t.node_id.clone(), outline.label_of(&t.node_id), deadline))
            .collect();
        Summary {
            period: progress.meta.period.chinese(),
            tally,
            unreported_commitments,
            unreported_tasks,
            overdue,
        }
    }
}

/// Warnings for tasks whose progress text is word for word the same as in
/// `previous`: a copy nobody updated.
pub fn copied_texts(
    progress: &Progress,
    previous: &Progress,
    outline: &Outline,
) -> Vec<Diagnostic> {
    progress
        .tasks()
        .filter_map(|task| {
            let before = previous.tasks().find(|t| t.node_id == task.node_id)?;
            (before.progress == task.progress).then_some(task)
        })
        .map(|task| {
            let label = outline.label_of(&task.node_id);
            let warning = Diagnostic::warning(format!(
                "“{label}”的本月进展与{}的一字不差 (same text as last month)",
                previous.meta.period.chinese()
            ))
            .with_help("请写本月新做的工作；确实没有新进展的，写明原因，例如“受冬季停工影响，本月无新增进展”");
            match &task.progress_at {
                Some(span) => warning.at(span.clone(), "与上月相同"),
                None => warning,
            }
        })
        .collect()
}

fn id_label(node: &Node) -> (String, String) {
    (node.id.clone(), node.label.clone())
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} 进展文件检查通过。", self.period)?;
        let counts = self
            .tally
            .by_status
            .iter()
            .map(|(status, n)| format!("{status} {n} 项"))
            .collect::<Vec<_>>()
            .join("，");
        writeln!(
            f,
            "任务 {} 项：{counts}；平均完成进度 {:.1}%。",
            self.tally.total(),
            self.tally.mean_percent
        )?;
        write_list(f, "未填报的承诺", &self.unreported_commitments)?;
        write_list(f, "未填报的任务", &self.unreported_tasks)?;
        if self.overdue.is_empty() {
            writeln!(f, "已过完成时限但未完成的任务：无。")?;
        } else {
            writeln!(f, "已过完成时限但未完成的任务：")?;
            for (id, label, deadline) in &self.overdue {
                writeln!(f, "  {id} {label}（时限 {deadline}）")?;
            }
        }
        Ok(())
    }
}

fn write_list(f: &mut fmt::Formatter<'_>, title: &str, items: &[(String, String)]) -> fmt::Result {
    if items.is_empty() {
        return writeln!(f, "{title}：无。");
    }
    writeln!(f, "{title}：")?;
    for (id, label) in items {
        writeln!(f, "  {id} {label}")?;
    }
    Ok(())
}
