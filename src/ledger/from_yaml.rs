//! A YAML month as a ledger: every value as the clerk wrote it, so that the
//! workbook read back gives the same month.

use super::columns::{INFO_ROWS, IndicatorField, TaskField};
use super::{IndicatorRow, Ledger, Stamp, TaskRow, Value};
use crate::progress::Progress;
use crate::progress::file::{NumberText, ProgressFile};
use crate::skeleton::reference;
use crate::speech::{Node, Outline, is_within};

/// The ledger of `month` (parsed, not yet validated: a skeleton with empty
/// progress converts too). References are resolved in `outline` for the
/// hidden id column and the names shown; one that does not resolve is kept
/// as written. `previous`, when given, fills 上月推进情况.
pub fn ledger(month: &ProgressFile, outline: &Outline, previous: Option<&Progress>) -> Ledger {
    let mut ledger = Ledger {
        info: info(month),
        with_previous: previous.is_some(),
        ..Ledger::default()
    };
    for entry in &month.commitments {
        let commitment = resolve(outline, &entry.commitment.value, None);
        let commitment_text = commitment.map_or_else(
            || entry.commitment.value.trim().to_string(),
            |node| reference(outline, node),
        );
        for task in &entry.tasks {
            let node = commitment.and_then(|c| resolve(outline, &task.task.value, Some(c)));
            let mut row = TaskRow::default();
            row.set(TaskField::Serial, (ledger.tasks.len() + 1).to_string());
            row.set(TaskField::Commitment, commitment_text.clone());
            match node {
                Some(node) => {
                    row.set(TaskField::Id, node.id.clone());
                    row.set(TaskField::Task, node.label.clone());
                }
                None => row.set(TaskField::Task, task.task.value.trim()),
            }
            row.set(TaskField::LeadUnit, task.lead_unit.value.trim());
            if let Some(deadline) = &task.deadline {
                row.set(TaskField::Deadline, deadline.value.trim());
            }
            if let Some(percent) = &task.percent {
                row.set(TaskField::Percent, number_text(&percent.value));
            }
            row.set(TaskField::Status, task.status.value.trim());
            row.set(TaskField::Progress, task.progress.value.trim());
            row.set(TaskField::Problems, optional(task.problems.as_deref()));
            row.set(TaskField::NextSteps, optional(task.next_steps.as_deref()));
            let last = node
                .and_then(|node| previous.and_then(|p| p.tasks().find(|t| t.node_id == node.id)));
            if let Some(last) = last {
                row.set(TaskField::Previous, last.progress.clone());
            }
            ledger.tasks.push(row);
        }
    }
    for indicator in &month.indicators {
        let mut row = IndicatorRow::default();
        let mut set = |field, text: String| {
            if !text.is_empty() {
                row.values.insert(field, Value::new(text));
            }
        };
        set(
            IndicatorField::Name,
            indicator.name.value.trim().to_string(),
        );
        set(IndicatorField::Unit, indicator.unit.trim().to_string());
        set(IndicatorField::Target, number_text(&indicator.target.value));
        set(IndicatorField::Value, number_text(&indicator.value.value));
        set(
            IndicatorField::HigherIsBetter,
            if indicator.higher_is_better {
                "是"
            } else {
                "否"
            }
            .to_string(),
        );
        set(IndicatorField::Note, optional(indicator.note.as_deref()));
        ledger.indicators.push(row);
    }
    ledger.stamp = Stamp {
        period: ledger.info("period").map(str::to_string),
        issued: issued(&ledger.tasks),
        ..Stamp::default()
    };
    ledger
}

/// The locked cells of each row with an id, as the workbook issues them.
pub fn issued(
    rows: &[TaskRow],
) -> std::collections::BTreeMap<String, std::collections::BTreeMap<TaskField, String>> {
    rows.iter()
        .filter(|row| !row.text(TaskField::Id).is_empty())
        .map(|row| {
            let locked = super::columns::TASK_COLUMNS
                .iter()
                .filter(|c| c.locked && !matches!(c.field, TaskField::Id | TaskField::Serial))
                .map(|c| (c.field, row.text(c.field).to_string()))
                .collect();
            (row.text(TaskField::Id).to_string(), locked)
        })
        .collect()
}

/// The `briefing:` section as 简报信息 rows, in the sheet's order.
fn info(month: &ProgressFile) -> Vec<(&'static super::columns::InfoRow, Value)> {
    let b = &month.briefing;
    let list = |items: &[String]| {
        items
            .iter()
            .map(|s| s.trim())
            .collect::<Vec<_>>()
            .join("\n")
    };
    INFO_ROWS
        .iter()
        .filter_map(|row| {
            let text = match row.key {
                "name" => b.name.value.clone(),
                "title" => b
                    .title
                    .as_ref()
                    .map(|t| t.value.clone())
                    .unwrap_or_default(),
                "period" => b.period.value.clone(),
                "issue" => b.issue.value.to_string(),
                "total_issue" => b
                    .total_issue
                    .as_ref()
                    .map(|t| t.value.to_string())
                    .unwrap_or_default(),
                "office" => b.office.value.clone(),
                "date" => b.date.value.clone(),
                "report_to" => list(&b.report_to),
                "send_to" => list(&b.send_to),
                "distribute_to" => list(&b.distribute_to),
                "copies" => b.copies.value.to_string(),
                "editor_note" => b.editor_note.clone().unwrap_or_default(),
                "document_number" => b.document_number.clone().unwrap_or_default(),
                "issuer_mark" => b.issuer_mark.clone().unwrap_or_default(),
                "copy_number" => b.copy_number.clone().unwrap_or_default(),
                "secrecy" => b.secrecy.clone().unwrap_or_default(),
                "urgency" => b.urgency.clone().unwrap_or_default(),
                "public_note" => b.public_note.clone().unwrap_or_default(),
                _ => String::new(),
            };
            let text = text.trim().to_string();
            (!text.is_empty() || row.required).then(|| (row, Value::new(text)))
        })
        .collect()
}

/// The one node `reference` names (inside `within`), if exactly one.
fn resolve<'a>(outline: &'a Outline, reference: &str, within: Option<&Node>) -> Option<&'a Node> {
    let found: Vec<&Node> = outline
        .resolve(reference)
        .into_iter()
        .filter(|node| within.is_none_or(|parent| is_within(&node.id, &parent.id)))
        .collect();
    match found.as_slice() {
        [only] => Some(only),
        _ => None,
    }
}

/// A number as a cell shows it: `90`, `87.6`; text as written.
pub fn number_text(number: &NumberText) -> String {
    match number {
        NumberText::Number(value) => format!("{value}"),
        NumberText::Text(text) => text.trim().to_string(),
    }
}

/// Optional text, trimmed, empty when absent.
fn optional(text: Option<&str>) -> String {
    text.map(str::trim).unwrap_or_default().to_string()
}
