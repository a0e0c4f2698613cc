//! The progress of one month after validation: typed values, references
//! resolved to outline ids. This is what the briefing is built from.

use std::sync::Arc;

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Span};
use crate::source::SourceFile;

use super::values::{Date, Deadline, Period, Status};

/// One month's validated progress.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Progress {
    /// The briefing's metadata.
    pub meta: Meta,
    /// Commitments in the order of the file.
    pub commitments: Vec<CommitmentProgress>,
    /// Key indicators in the order of the file.
    pub indicators: Vec<Indicator>,
    /// What was questionable but usable (invisible characters removed …),
    /// for the command to print.
    #[serde(skip)]
    pub warnings: Vec<Diagnostic>,
    /// The text the month was read from, for messages that point into it;
    /// `None` for a month not read from a file.
    #[serde(skip)]
    pub file: Option<Arc<SourceFile>>,
}

/// The briefing's metadata, checked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Meta {
    /// Name printed in the masthead.
    pub name: String,
    /// Title of this issue's article, when the clerk set one.
    pub title: Option<String>,
    /// The month reported on.
    pub period: Period,
    /// Issue number of the year (期号).
    pub issue: u32,
    /// Running issue number (总期号), when given.
    pub total_issue: Option<u32>,
    /// The compiling office.
    pub office: String,
    /// The date printed on the briefing.
    pub date: Date,
    /// 报: recipients above.
    pub report_to: Vec<String>,
    /// 送: recipients alongside.
    pub send_to: Vec<String>,
    /// 发: recipients below.
    pub distribute_to: Vec<String>,
    /// Printed copies.
    pub copies: u32,
    /// Editor's note (按语), when given.
    pub editor_note: Option<String>,
    /// The 通报 layout's head and end: 发文字号, 发文机关标志, 份号, 密级,
    /// 紧急程度 and 附注, each when given.
    pub official: OfficialMeta,
}

/// What only the 通报 layout prints, as the clerk gave it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct OfficialMeta {
    /// 发文字号.
    pub document_number: Option<String>,
    /// 发文机关标志.
    pub issuer_mark: Option<String>,
    /// 份号.
    pub copy_number: Option<String>,
    /// 密级.
    pub secrecy: Option<String>,
    /// 紧急程度.
    pub urgency: Option<String>,
    /// 附注.
    pub public_note: Option<String>,
}

/// A commitment and the progress of its tasks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CommitmentProgress {
    /// Outline id of the commitment.
    pub node_id: String,
    /// Tasks in the order of the file.
    pub tasks: Vec<TaskProgress>,
}

/// Progress of one task.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TaskProgress {
    /// Outline id of the task (or of the commitment, when it has no tasks).
    pub node_id: String,
    /// Where the task stands.
    pub status: Status,
    /// Percent complete, 0–100.
    pub percent: f64,
    /// Lead unit (牵头单位).
    pub lead_unit: String,
    /// Deadline, when given.
    pub deadline: Option<Deadline>,
    /// What was done this month.
    pub progress: String,
    /// Where `progress` is written in the file, for diagnostics; `None` for
    /// tasks not read from a file.
    #[serde(skip)]
    pub progress_at: Option<Span>,
    /// Problems met, when reported.
    pub problems: Option<String>,
    /// Next steps, when reported.
    pub next_steps: Option<String>,
}

/// A key indicator.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Indicator {
    /// Name of the indicator.
    pub name: String,
    /// Unit of target and value.
    pub unit: String,
    /// Target value.
    pub target: f64,
    /// This month's value.
    pub value: f64,
    /// Whether a higher value is better.
    pub higher_is_better: bool,
    /// Remark, when given.
    pub note: Option<String>,
}

impl TaskProgress {
    /// The deadline, when it passed before `today` and the task is not done.
    pub fn overdue(&self, today: Date) -> Option<Deadline> {
        self.deadline
            .filter(|deadline| self.status != Status::Done && deadline.is_before(today))
    }
}

impl Progress {
    /// All tasks of all commitments, in file order.
    pub fn tasks(&self) -> impl Iterator<Item = &TaskProgress> {
        self.commitments.iter().flat_map(|c| c.tasks.iter())
    }
}

impl Indicator {
    /// Whether this month's value meets the target.
    pub fn meets_target(&self) -> bool {
        if self.higher_is_better {
            self.value >= self.target
        } else {
            self.value <= self.target
        }
    }
}
