//! 重点任务推进情况 (per commitment: the speech's words, then each task's
//! progress) and 附件1, the ledger of every task.

use super::context::{Context, Reported};
use super::model::{Align, Attachment, Block, Column, Heading, Row, Table};
use super::wording::{clause, heading_number, percent, points_change, quotation, sentence};
use crate::progress::{Status, TaskProgress};
use crate::speech::NodeKind;

/// Characters of the speech quoted under each commitment, at most.
const QUOTE_LIMIT: usize = 60;

/// The section's blocks: a level-2 heading per commitment, what the speech
/// asks, and one paragraph per task.
pub(super) fn commitments(context: &Context<'_>) -> Vec<Block> {
    let mut blocks = Vec::new();
    for (index, commitment) in context.commitments.iter().enumerate() {
        blocks.push(Block::Heading(Heading::new(
            2,
            heading_number(2, index + 1),
            clause(&commitment.node.heading),
        )));
        if let Some(words) = speech_words(commitment) {
            blocks.push(Block::paragraph(None, format!("讲话提出：“{words}”。")));
        }
        for (task_index, task) in commitment.progress.tasks.iter().enumerate() {
            blocks.push(task_paragraph(context, task, task_index + 1));
        }
    }
    blocks
}

/// What the speech says the commitment means in practice: the start of its
/// tasks' own sentences, briefly. `None` when the speech gives nothing
/// beyond the heading.
fn speech_words(commitment: &Reported<'_>) -> Option<String> {
    let tasks: String = commitment
        .node
        .children
        .iter()
        .filter(|child| child.kind == NodeKind::Task)
        .map(|child| child.text.trim())
        .collect();
    (!tasks.is_empty()).then(|| quotation(&tasks, QUOTE_LIMIT))
}

/// `1.三大保卫战。市生态环境局牵头，序时推进，完成90%，较上月提高5个百分点。…`
/// (no comparison for a task already done the month before).
fn task_paragraph(context: &Context<'_>, task: &TaskProgress, number: usize) -> Block {
    let label = context.task_label(task);
    // 已完成 and 未启动 say their percent already.
    let mut standing = match task.status {
        Status::Done | Status::NotStarted => {
            format!("{}牵头，{}", task.lead_unit, task.status.chinese())
        }
        _ => format!(
            "{}牵头，{}，完成{}",
            task.lead_unit,
            task.status.chinese(),
            percent(task.percent)
        ),
    };
    let compared = context
        .previous_task(&task.node_id)
        .filter(|before| !(before.status == Status::Done && task.status == Status::Done));
    if let (Some(before), Some(since)) = (compared, context.since()) {
        standing.push_str(&format!(
            "，{since}{}",
            points_change(task.percent - before.percent)
        ));
    }
    let text = format!("{standing}。{}", sentence(&task.progress));
    let lead = Heading::new(3, heading_number(3, number), format!("{label}。"));
    Block::paragraph(Some(lead), text)
}

/// 附件1: every task in one table — 序号, 任务, 牵头单位, 完成时限, 进度,
/// 状态 — grouped by commitment.
pub(super) fn ledger(context: &Context<'_>) -> Attachment {
    let mut rows = Vec::new();
    let mut number = 0;
    for commitment in &context.commitments {
        rows.push(Row::group(clause(&commitment.node.heading)));
        for task in &commitment.progress.tasks {
            number += 1;
            rows.push(Row::cells([
                number.to_string(),
                context.task_label(task),
                task.lead_unit.clone(),
                task.deadline
                    .map_or_else(|| "—".to_string(), |d| d.to_string()),
                percent(task.percent),
                task.status.chinese().to_string(),
            ]));
        }
    }
    Attachment {
        label: "附件1".to_string(),
        title: "重点任务推进情况表".to_string(),
        blocks: vec![Block::Table(Table {
            caption: None,
            columns: vec![
                Column::new("序号", 1.1, Align::Center),
                Column::new("任务", 3.1, Align::Left),
                Column::new("牵头单位", 2.3, Align::Center),
                Column::new("完成时限", 3.2, Align::Center),
                Column::new("进度", 1.3, Align::Center),
                Column::new("状态", 1.8, Align::Center),
            ],
            rows,
        })],
    }
}
