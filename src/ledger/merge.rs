//! The returns merged into the month's workbook.
//!
//! Each unit sends back its workbook, under any name, in any order, maybe
//! re-saved as `.xls`/`.et`/`.ods`. Rows are matched by their hidden id (by
//! their task's words when a copy lost it). What units fill in is taken
//! into the month; what the office decided stays as issued. Everything
//! questionable is reported with its place: units that sent nothing
//! (未报送单位), the same task filled differently in two places, locked
//! cells changed, rows that match nothing, a workbook of another month.
//! Nothing a unit wrote is dropped silently, and nothing already in the
//! month is replaced unless the clerk asks.

use std::collections::{BTreeMap, BTreeSet};

use super::columns::{IndicatorField, TASK_COLUMNS, TaskField, task_column};
use super::split::reporting_unit;
use super::{Ledger, Place, Value};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::progress::Period;

/// What the clerk allows.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Whether a unit's value may replace a different one already in the month.
    pub replace: bool,
}

/// The outcome of a merge.
#[derive(Debug, Default)]
pub struct Merged {
    /// The month with the returns taken in.
    pub ledger: Ledger,
    /// 未报送单位: units none of whose rows came back, with their row counts.
    pub missing: Vec<(String, usize)>,
    /// Units whose rows came back.
    pub reported: Vec<String>,
    /// Cells taken from the returns.
    pub taken: usize,
    /// Errors (nothing is written) and warnings.
    pub diagnostics: Diagnostics,
}

/// The fields units fill in.
fn unit_fields() -> impl Iterator<Item = TaskField> {
    TASK_COLUMNS.iter().filter(|c| !c.locked).map(|c| c.field)
}

/// One value a return offers for a cell of the month.
struct Offer {
    text: String,
    at: String,
}

/// Merges `returns` into `month`.
pub fn merge(month: &Ledger, returns: &[Ledger], options: Options) -> Merged {
    let mut merged = Merged {
        ledger: month.clone(),
        ..Merged::default()
    };
    let period = month.info("period").and_then(Period::parse);
    let mut offers: BTreeMap<(usize, TaskField), Vec<Offer>> = BTreeMap::new();
    let mut indicator_offers: BTreeMap<(usize, IndicatorField), Vec<Offer>> = BTreeMap::new();
    let mut reported: BTreeSet<String> = BTreeSet::new();
    for returned in returns {
        let file = returned.file_name();
        let their_period = returned
            .stamp
            .period
            .as_deref()
            .or(returned.info("period"))
            .and_then(Period::parse);
        if let (Some(ours), Some(theirs)) = (period, their_period)
            && ours != theirs
        {
            merged.diagnostics.push(
                Diagnostic::error(format!(
                    "{file}：这是{}的台账，不是{}的，未汇总 (workbook of another month)",
                    theirs.chinese(),
                    ours.chinese()
                ))
                .with_help("从命令中去掉这个文件，或请单位用本月下发的台账重新填报"),
            );
            continue;
        }
        for row in &returned.tasks {
            let Some(index) = match_row(month, row, &file, &mut merged.diagnostics) else {
                continue;
            };
            let ours = &month.tasks[index];
            reported.insert(reporting_unit(ours.text(TaskField::LeadUnit)).to_string());
            locked_changes(returned, row, &file, &mut merged.diagnostics);
            for field in unit_fields() {
                if let Some(value) = row.values.get(&field).filter(|v| !v.text.is_empty()) {
                    offers.entry((index, field)).or_default().push(Offer {
                        text: value.text.clone(),
                        at: at(&file, value, task_column(field).header),
                    });
                }
            }
        }
        for row in &returned.indicators {
            let name = row.text(IndicatorField::Name);
            let Some(index) = month
                .indicators
                .iter()
                .position(|ours| ours.text(IndicatorField::Name) == name)
            else {
                if row.values.contains_key(&IndicatorField::Value) {
                    merged
                        .diagnostics
                        .push(unmatched(&file, row.row, "指标", name));
                }
                continue;
            };
            for field in [IndicatorField::Value, IndicatorField::Note] {
                if let Some(value) = row.values.get(&field).filter(|v| !v.text.is_empty()) {
                    let header = super::columns::indicator_column(field).header;
                    indicator_offers
                        .entry((index, field))
                        .or_default()
                        .push(Offer {
                            text: value.text.clone(),
                            at: at(&file, value, header),
                        });
                }
            }
        }
    }
    for ((index, field), offered) in offers {
        let row = &mut merged.ledger.tasks[index];
        let name = row.name().to_string();
        let current = row.values.get(&field).cloned();
        if let Some(text) = settle(
            current.as_ref(),
            &offered,
            &format!("任务“{name}”的{}", task_column(field).header),
            options,
            &mut merged.diagnostics,
        ) {
            row.values.insert(field, Value::new(text));
            merged.taken += 1;
        }
    }
    for ((index, field), offered) in indicator_offers {
        let row = &mut merged.ledger.indicators[index];
        let what = format!(
            "指标“{}”的{}",
            row.text(IndicatorField::Name),
            super::columns::indicator_column(field).header
        );
        let current = row.values.get(&field).cloned();
        if let Some(text) = settle(
            current.as_ref(),
            &offered,
            &what,
            options,
            &mut merged.diagnostics,
        ) {
            row.values.insert(field, Value::new(text));
            merged.taken += 1;
        }
    }
    let mut units: Vec<(String, usize)> = Vec::new();
    for row in &month.tasks {
        let unit = reporting_unit(row.text(TaskField::LeadUnit)).to_string();
        if unit.is_empty() {
            continue;
        }
        match units.iter_mut().find(|(u, _)| *u == unit) {
            Some((_, count)) => *count += 1,
            None => units.push((unit, 1)),
        }
    }
    let (reported_units, missing): (Vec<_>, Vec<_>) = units
        .into_iter()
        .partition(|(unit, _)| reported.contains(unit));
    merged.reported = reported_units.into_iter().map(|(unit, _)| unit).collect();
    if !missing.is_empty() {
        let list: Vec<String> = missing
            .iter()
            .map(|(unit, count)| format!("{unit}（{count} 项）"))
            .collect();
        merged.diagnostics.push(
            Diagnostic::warning(format!(
                "未报送单位：{} (no return from these units)",
                list.join("、")
            ))
            .with_help("催报后把收到的台账加在命令末尾重新汇总；这些任务的本月推进情况仍是空的，jianbao check 会逐项指出"),
        );
    }
    merged.missing = missing;
    merged
}

/// The place of a value as messages show it: `市水务局.xlsx › 台账!K5（推进状态）`.
fn at(file: &str, value: &Value, header: &str) -> String {
    match &value.place {
        Some(place) => format!("{file} › {}（{header}）", place.a1()),
        None => file.to_string(),
    }
}

/// The month's row a returned row is, by id, else by its words.
fn match_row(
    month: &Ledger,
    row: &super::TaskRow,
    file: &str,
    diagnostics: &mut Diagnostics,
) -> Option<usize> {
    let id = row.text(TaskField::Id);
    if !id.is_empty() {
        let found = month
            .tasks
            .iter()
            .position(|ours| ours.text(TaskField::Id) == id);
        if found.is_none() {
            diagnostics.push(unmatched(
                file,
                row.row,
                "任务",
                &format!("{id} {}", row.name()),
            ));
        }
        return found;
    }
    let words = |text: &str| -> String { text.chars().filter(|c| !c.is_whitespace()).collect() };
    let task = words(row.text(TaskField::Task));
    let commitment = words(row.text(TaskField::Commitment));
    let found: Vec<usize> = month
        .tasks
        .iter()
        .enumerate()
        .filter(|(_, ours)| {
            !task.is_empty()
                && words(ours.text(TaskField::Task)) == task
                && (commitment.is_empty() || words(ours.text(TaskField::Commitment)) == commitment)
        })
        .map(|(index, _)| index)
        .collect();
    match found.as_slice() {
        [index] => {
            diagnostics.push(Diagnostic::warning(format!(
                "{file} › 第{}行：没有编号，按具体任务的文字对应到“{}” (matched by words)",
                row.row.map_or(0, |r| r + 1),
                month.tasks[*index].name()
            )));
            Some(*index)
        }
        _ => {
            let unfilled = unit_fields().all(|f| row.text(f).is_empty());
            if !unfilled {
                diagnostics.push(unmatched(file, row.row, "任务", row.name()));
            }
            None
        }
    }
}

/// The error for a returned row that matches nothing in the month.
fn unmatched(file: &str, row: Option<u32>, what: &str, name: &str) -> Diagnostic {
    Diagnostic::error(format!(
        "{file} › 第{}行：{what}“{name}”在本月台账中找不到，其中填写的内容无处可放 (row matches nothing)",
        row.map_or(0, |r| r + 1)
    ))
    .with_help("核对编号和具体任务是否被改动；新增的任务先加进本月台账（或讲话），再重新汇总")
}

/// Warns about locked cells a unit changed in `ledger`, against what was issued.
pub fn changed_locked_cells(ledger: &Ledger) -> Diagnostics {
    let mut diagnostics = Diagnostics::default();
    let file = ledger.file_name();
    for row in &ledger.tasks {
        locked_changes(ledger, row, &file, &mut diagnostics);
    }
    diagnostics
}

/// Warns about locked cells a unit changed, against what was issued.
fn locked_changes(
    returned: &Ledger,
    row: &super::TaskRow,
    file: &str,
    diagnostics: &mut Diagnostics,
) {
    let Some(issued) = returned.stamp.issued.get(row.text(TaskField::Id)) else {
        return;
    };
    for (field, was) in issued {
        let now = row.text(*field);
        if now == was {
            continue;
        }
        let place = row
            .values
            .get(field)
            .and_then(|v| v.place.clone())
            .map_or_else(
                || format!("第{}行", row.row.map_or(0, |r| r + 1)),
                |p: Place| p.a1(),
            );
        diagnostics.push(
            Diagnostic::warning(format!(
                "{file} › {place}（{}）：下发时是“{was}”，被改成了“{now}”；汇总时仍用下发的内容 (locked cell changed)",
                task_column(*field).header
            ))
            .with_help("确需改动（如牵头单位调整）的，由办公室在本月台账中改"),
        );
    }
}

/// The value a cell takes from what was offered, or `None` to leave it.
fn settle(
    current: Option<&Value>,
    offered: &[Offer],
    what: &str,
    options: Options,
    diagnostics: &mut Diagnostics,
) -> Option<String> {
    let mut distinct: Vec<&Offer> = Vec::new();
    for offer in offered {
        if !distinct.iter().any(|d| d.text == offer.text) {
            distinct.push(offer);
        }
    }
    if distinct.len() > 1 {
        let places: Vec<String> = distinct
            .iter()
            .map(|offer| format!("{}：“{}”", offer.at, short(&offer.text)))
            .collect();
        diagnostics.push(
            Diagnostic::error(format!("{what}填报不一致 (conflicting returns)"))
                .with_note(places.join("\n      "))
                .with_help("与单位核实后，只保留一份正确的填报再汇总"),
        );
        return None;
    }
    let offer = distinct.first()?;
    match current.map(|v| v.text.as_str()).filter(|t| !t.is_empty()) {
        Some(existing) if existing == offer.text => None,
        Some(existing) if !options.replace => {
            diagnostics.push(
                Diagnostic::error(format!(
                    "{what}在本月台账中已是“{}”，{}报来的是“{}”，未覆盖 (would overwrite)",
                    short(existing),
                    offer.at,
                    short(&offer.text)
                ))
                .with_help("以单位报来的为准时加 --replace；否则从命令中去掉这份台账"),
            );
            None
        }
        _ => Some(offer.text.clone()),
    }
}

/// At most 30 characters of `text`, for messages.
fn short(text: &str) -> String {
    let mut shown: String = text.chars().take(30).collect();
    if text.chars().count() > 30 {
        shown.push('…');
    }
    shown
}
