//! What every section of the briefing is written from: the speech, this
//! month, the earlier months, and the figure numbering.

use std::cell::Cell;

use crate::progress::{CommitmentProgress, Indicator, Progress, TaskProgress};
use crate::speech::{Node, Outline};

/// The sources of one briefing and the state shared while writing it.
pub(super) struct Context<'a> {
    /// The speech's outline.
    pub outline: &'a Outline,
    /// The month reported.
    pub month: &'a Progress,
    /// Earlier months, oldest first (possibly none).
    pub earlier: &'a [Progress],
    /// Reported commitments in the speech's order.
    pub commitments: Vec<Reported<'a>>,
    /// Figures numbered so far (图1, 图2 …).
    figures: Cell<usize>,
}

/// A reported commitment with its outline node.
pub(super) struct Reported<'a> {
    /// The commitment in the speech.
    pub node: &'a Node,
    /// This month's entry for it.
    pub progress: &'a CommitmentProgress,
}

impl<'a> Context<'a> {
    /// The context for `month`, compared with `earlier` months.
    pub fn new(outline: &'a Outline, month: &'a Progress, earlier: &'a [Progress]) -> Self {
        // The file's order may differ from the speech's: follow the speech.
        let commitments = outline
            .nodes()
            .filter_map(|node| {
                month
                    .commitments
                    .iter()
                    .find(|c| c.node_id == node.id)
                    .map(|progress| Reported { node, progress })
            })
            .collect();
        Context {
            outline,
            month,
            earlier,
            commitments,
            figures: Cell::new(0),
        }
    }

    /// The latest earlier month, the one changes are measured against.
    pub fn previous(&self) -> Option<&'a Progress> {
        self.earlier.last()
    }

    /// How a change since the previous month is introduced: `较上月` for
    /// the month before, `较9月` when months are missing in between.
    pub fn since(&self) -> Option<String> {
        let previous = self.previous()?.meta.period;
        Some(if previous == self.month.meta.period.previous() {
            "较上月".to_string()
        } else {
            format!("较{}月", previous.month)
        })
    }

    /// The previous month's entry for the task with `node_id`.
    pub fn previous_task(&self, node_id: &str) -> Option<&'a TaskProgress> {
        self.previous()?.tasks().find(|t| t.node_id == node_id)
    }

    /// The previous month's value of the indicator named `name`.
    pub fn previous_indicator(&self, name: &str) -> Option<&'a Indicator> {
        self.previous()?.indicators.iter().find(|i| i.name == name)
    }

    /// The task's short label from the speech (its id if the speech lacks it).
    pub fn task_label(&self, task: &TaskProgress) -> String {
        self.outline.label_of(&task.node_id)
    }

    /// All reported tasks in the speech's order, with their commitment.
    pub fn tasks(&self) -> impl Iterator<Item = (&Reported<'a>, &'a TaskProgress)> {
        self.commitments
            .iter()
            .flat_map(|c| c.progress.tasks.iter().map(move |t| (c, t)))
    }

    /// The next figure's caption: `图3 重点指标走势`.
    pub fn figure(&self, title: &str) -> String {
        let number = self.figures.get() + 1;
        self.figures.set(number);
        format!("图{number} {title}")
    }
}

/// The commitment's label in quotes when it is a battle name: `“提升战”`.
pub(super) fn short_name(node: &Node) -> String {
    if node.heading.contains(&format!("“{}”", node.label)) {
        format!("“{}”", node.label)
    } else {
        node.label.clone()
    }
}
