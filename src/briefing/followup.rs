//! 存在问题 and 下步工作, assembled from the tasks: what is behind or past
//! its deadline or reports problems, and what comes next, by deadline.

use super::context::Context;
use super::model::{Block, Heading};
use super::wording::{heading_number, percent, sentence};
use crate::progress::{Deadline, Status, TaskProgress};

/// Why a task appears under 存在问题.
struct Concern<'a> {
    task: &'a TaskProgress,
    delayed: bool,
    overdue: Option<Deadline>,
}

/// Tasks that are 滞后, past their deadline without being done, or that
/// report problems, in the speech's order.
fn concerns<'a>(context: &Context<'a>) -> Vec<Concern<'a>> {
    let today = context.month.meta.date;
    context
        .tasks()
        .map(|(_, task)| Concern {
            task,
            delayed: task.status == Status::Delayed,
            overdue: task.overdue(today),
        })
        .filter(|c| c.delayed || c.overdue.is_some() || c.task.problems.is_some())
        .collect()
}

/// 存在问题: a sentence of counts, then one paragraph per task concerned,
/// led by the task and its lead unit. Empty when nothing is wrong.
pub(super) fn problems(context: &Context<'_>) -> Vec<Block> {
    let concerns = concerns(context);
    if concerns.is_empty() {
        return Vec::new();
    }
    let delayed = concerns.iter().filter(|c| c.delayed).count();
    let overdue = concerns.iter().filter(|c| c.overdue.is_some()).count();
    let mut blocks = vec![Block::paragraph(
        None,
        format!(
            "{}项任务需要重点关注，其中滞后于序时进度{delayed}项，超过完成时限尚未完成{overdue}项。",
            concerns.len()
        ),
    )];
    for (index, concern) in concerns.iter().enumerate() {
        let task = concern.task;
        let mut text = String::new();
        let mut standing = Vec::new();
        if let Some(deadline) = concern.overdue {
            standing.push(format!("已超过完成时限（{deadline}）"));
        }
        if concern.delayed {
            standing.push("滞后于序时进度".to_string());
        }
        if !standing.is_empty() {
            text.push_str(&format!(
                "{}，完成{}。",
                standing.join("且"),
                percent(task.percent)
            ));
        }
        if let Some(problems) = &task.problems {
            text.push_str(&sentence(problems));
        }
        blocks.push(Block::paragraph(Some(lead(context, task, index)), text));
    }
    blocks
}

/// 下步工作: every task's next steps, the nearest deadline first (standing
/// work, tasks without a deadline and finished tasks last). Empty when none
/// are given.
pub(super) fn next_steps(context: &Context<'_>) -> Vec<Block> {
    let mut tasks: Vec<&TaskProgress> = context
        .tasks()
        .map(|(_, task)| task)
        .filter(|task| task.next_steps.is_some())
        .collect();
    if tasks.is_empty() {
        return Vec::new();
    }
    // Open work by deadline, then standing work, then work without a
    // deadline, then what is done (its next steps keep results). A stable
    // sort keeps the speech's order among equals.
    tasks.sort_by_key(|task| match (task.status, task.deadline) {
        (Status::Done, _) => (3, None),
        (_, Some(Deadline::Date(date))) => (0, Some(date)),
        (_, Some(Deadline::Ongoing)) => (1, None),
        (_, None) => (2, None),
    });
    let mut blocks = vec![Block::paragraph(
        None,
        "按完成时限先后，下步重点抓好以下工作。",
    )];
    for (index, task) in tasks.iter().enumerate() {
        let mut text = task.next_steps.as_deref().map(sentence).unwrap_or_default();
        match (task.status, task.deadline) {
            (Status::Done, _) | (_, None) => {}
            (_, Some(Deadline::Date(date))) => {
                text.push_str(&format!("完成时限：{}。", date.chinese()));
            }
            (_, Some(Deadline::Ongoing)) => text.push_str("长期坚持。"),
        }
        blocks.push(Block::paragraph(Some(lead(context, task, index)), text));
    }
    blocks
}

/// `1.汭河流域水环境综合治理（市生态环境局、市水务局）。`
fn lead(context: &Context<'_>, task: &TaskProgress, index: usize) -> Heading {
    Heading::new(
        3,
        heading_number(3, index + 1),
        format!("{}（{}）。", context.task_label(task), task.lead_unit),
    )
}
