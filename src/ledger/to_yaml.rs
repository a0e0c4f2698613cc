//! A ledger as the YAML text of a month, with a map from every value back
//! to its cell.
//!
//! The text is what `jianbao convert --to yaml` writes, and what a workbook
//! is checked and built from: the YAML reader and validation then apply to
//! a workbook unchanged, and every message they give about a span of this
//! text is retold by [`CellMap`] as the cell it came from.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;
use std::sync::Arc;

use super::columns::{
    INDICATOR_COLUMNS, IndicatorField, InfoKind, TaskField, indicator_column, task_column,
};
use super::{Ledger, Place, TaskRow, Value, sheet};
use crate::diagnostic::{CellEntry, CellMap};
use crate::skeleton::quote;
use crate::source::SourceFile;

/// The YAML text of `ledger` as a source file named after the workbook,
/// carrying the map from its spans to cells.
pub fn source(ledger: &Ledger) -> Arc<SourceFile> {
    let (text, cells) = yaml(ledger);
    SourceFile::with_cells(&ledger.path, &text, cells)
}

/// The YAML text of `ledger`, and where each value came from.
pub fn yaml(ledger: &Ledger) -> (String, CellMap) {
    let mut out = Emitter::default();
    let _ = writeln!(
        out.text,
        "# 由 jianbao 从台账 {} 转换；字段说明见 README“进展文件格式”。",
        ledger.file_name()
    );
    let start = out.text.len();
    briefing(&mut out, ledger);
    out.whole(start, sheet::INFO, None);
    let start = out.text.len();
    commitments(&mut out, ledger);
    out.whole(start, sheet::TASKS, None);
    let start = out.text.len();
    indicators(&mut out, ledger);
    out.whole(start, sheet::INDICATORS, None);
    (out.text, out.cells)
}

/// How a value is written in YAML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scalar {
    /// Always quoted.
    Text,
    /// Bare when it is a plain decimal number, else quoted for validation
    /// to read (`85%`) or refuse at its cell.
    Number,
    /// Bare when it is a plain whole number, else quoted (and refused by
    /// the YAML reader at its cell).
    Whole,
    /// `true`/`false` from 是/否 and their synonyms, else quoted.
    Flag,
}

/// The text being written and the cells behind it.
#[derive(Default)]
struct Emitter {
    text: String,
    cells: CellMap,
}

impl Emitter {
    /// Writes `  key: value` at `indent`, noting the value's cell.
    fn field(
        &mut self,
        indent: &str,
        key: &str,
        value: &Value,
        scalar: Scalar,
        header: &str,
        context: Option<&str>,
    ) {
        match key {
            "-" => {
                let _ = write!(self.text, "{indent}- ");
            }
            _ => {
                let _ = write!(self.text, "{indent}{key}: ");
            }
        }
        let start = self.text.len();
        self.text.push_str(&render(&value.text, scalar));
        let end = self.text.len();
        self.text.push('\n');
        if let Some(place) = &value.place {
            self.note(start..end, place, header, context);
        }
    }

    /// Notes that `range` came from the cell at `place`.
    fn note(&mut self, range: Range<usize>, place: &Place, header: &str, context: Option<&str>) {
        self.cells.entries.push(CellEntry {
            range,
            cell: format!("{}（{header}）", place.a1()),
            context: context.map(str::to_string),
        });
    }

    /// Notes that everything from `start` came from `sheet` (or one of its
    /// rows), for messages about what is missing rather than wrong.
    fn whole(&mut self, start: usize, sheet: &str, row: Option<(u32, Option<&str>)>) {
        let (cell, context) = match row {
            Some((row, context)) => (format!("{sheet}!第{}行", row + 1), context),
            None => (format!("{sheet}表"), None),
        };
        self.cells.entries.push(CellEntry {
            range: start..self.text.len(),
            cell,
            context: context.map(str::to_string),
        });
    }
}

/// `text` as a YAML scalar of kind `scalar`.
fn render(text: &str, scalar: Scalar) -> String {
    match scalar {
        Scalar::Number if is_plain_number(text) => text.to_string(),
        Scalar::Whole if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) => {
            match text.trim_start_matches('0') {
                "" => "0".to_string(),
                digits => digits.to_string(),
            }
        }
        Scalar::Flag => match flag(text) {
            Some(true) => "true".to_string(),
            Some(false) => "false".to_string(),
            None => quote(text),
        },
        _ => quote(text),
    }
}

/// Whether `text` is a decimal number YAML reads as one: `90`, `-1.5`.
pub fn is_plain_number(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    !whole.is_empty()
        && !fraction.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

/// 是/否 and the other ways offices write a yes-or-no column.
pub fn flag(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "是" | "true" | "yes" | "y" | "1" | "越大越好" | "正向" | "√" | "✓" => {
            Some(true)
        }
        "否" | "false" | "no" | "n" | "0" | "越小越好" | "负向" | "逆向" | "×" => {
            Some(false)
        }
        _ => None,
    }
}

fn briefing(out: &mut Emitter, ledger: &Ledger) {
    out.text.push_str("briefing:\n");
    for (row, value) in &ledger.info {
        if row.kind == InfoKind::List {
            let _ = writeln!(out.text, "  {}:", row.key);
            for item in split_list(&value.text) {
                out.field(
                    "    ",
                    "-",
                    &Value {
                        text: item.to_string(),
                        place: value.place.clone(),
                    },
                    Scalar::Text,
                    row.label,
                    None,
                );
            }
            continue;
        }
        let scalar = match row.kind {
            InfoKind::Number => Scalar::Whole,
            _ => Scalar::Text,
        };
        out.field("  ", row.key, value, scalar, row.label, None);
    }
}

/// The names in a list cell: one per line, or separated by ；.
pub fn split_list(text: &str) -> Vec<&str> {
    text.split(['\n', '；', ';'])
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .collect()
}

fn commitments(out: &mut Emitter, ledger: &Ledger) {
    // Rows of one commitment go together, in the order each first appears.
    let mut groups: Vec<(&str, Vec<&TaskRow>)> = Vec::new();
    for row in &ledger.tasks {
        let commitment = row.text(TaskField::Commitment);
        match groups.iter_mut().find(|(name, _)| *name == commitment) {
            Some((_, rows)) => rows.push(row),
            None => groups.push((commitment, vec![row])),
        }
    }
    if groups.is_empty() {
        out.text.push_str("commitments: []\n");
        return;
    }
    out.text.push_str("commitments:\n");
    for (_, rows) in groups {
        let first = rows[0];
        let commitment = first
            .values
            .get(&TaskField::Commitment)
            .cloned()
            .unwrap_or_default();
        out.field(
            "  - ",
            "commitment",
            &commitment,
            Scalar::Text,
            task_column(TaskField::Commitment).header,
            None,
        );
        out.text.push_str("    tasks:\n");
        for row in rows {
            task(out, row, ledger);
        }
    }
}

fn task(out: &mut Emitter, row: &TaskRow, ledger: &Ledger) {
    let start = out.text.len();
    let name = row.name().to_string();
    let context = format!("任务：{name}");
    let context = Some(context.as_str());
    let id = row.values.get(&TaskField::Id);
    let task = row.values.get(&TaskField::Task);
    let reference = match (id, task) {
        (Some(id), Some(task)) => Value {
            text: id.text.clone(),
            place: task.place.clone().or_else(|| id.place.clone()),
        },
        (Some(id), None) => id.clone(),
        (None, Some(task)) => task.clone(),
        (None, None) => Value::default(),
    };
    if id.is_some() && !name.is_empty() && name != reference.text {
        let _ = writeln!(out.text, "      # {}", name.replace('\n', " "));
    }
    let header = |field| task_column(field).header;
    out.field(
        "      - ",
        "task",
        &reference,
        Scalar::Text,
        header(TaskField::Task),
        context,
    );
    let fields = [
        (TaskField::Status, Scalar::Text, true),
        (TaskField::Percent, Scalar::Number, false),
        (TaskField::LeadUnit, Scalar::Text, true),
        (TaskField::Deadline, Scalar::Text, false),
        (TaskField::Progress, Scalar::Text, true),
        (TaskField::Problems, Scalar::Text, false),
        (TaskField::NextSteps, Scalar::Text, false),
    ];
    for (field, scalar, required) in fields {
        let column = task_column(field);
        let value = row.values.get(&field);
        match value {
            Some(value) if !value.text.is_empty() => {}
            _ if !required => continue,
            _ => {}
        }
        // An empty cell is named by its row and the column it is in.
        let value = value.cloned().unwrap_or_else(|| Value {
            text: String::new(),
            place: empty_place(ledger, row, field),
        });
        let key = column.key.expect("emitted fields have keys");
        out.field("        ", key, &value, scalar, column.header, context);
    }
    if let Some(row_number) = row.row {
        out.whole(start, sheet::TASKS, Some((row_number, context)));
    }
}

/// The place of `row`'s empty `field`, when the ledger was read from a sheet.
fn empty_place(ledger: &Ledger, row: &TaskRow, field: TaskField) -> Option<Place> {
    let (sheet, columns) = ledger.columns.as_ref()?;
    Some(Place {
        sheet: sheet.clone(),
        row: row.row?,
        col: *columns.get(&field)?,
    })
}

fn indicators(out: &mut Emitter, ledger: &Ledger) {
    if ledger.indicators.is_empty() {
        out.text.push_str("indicators: []\n");
        return;
    }
    out.text.push_str("indicators:\n");
    for row in &ledger.indicators {
        let start = out.text.len();
        let context = format!("指标：{}", row.text(IndicatorField::Name));
        let context = Some(context.as_str());
        let mut first = true;
        let present: BTreeMap<IndicatorField, &Value> = row
            .values
            .iter()
            .map(|(field, value)| (*field, value))
            .collect();
        for column in INDICATOR_COLUMNS {
            let required = matches!(
                column.field,
                IndicatorField::Name
                    | IndicatorField::Unit
                    | IndicatorField::Target
                    | IndicatorField::Value
            );
            let value = match present.get(&column.field) {
                Some(value) if !value.text.is_empty() => (*value).clone(),
                _ if required => Value::default(),
                _ => continue,
            };
            let scalar = match column.field {
                IndicatorField::Target | IndicatorField::Value => Scalar::Number,
                IndicatorField::HigherIsBetter => Scalar::Flag,
                _ => Scalar::Text,
            };
            let indent = if first { "  - " } else { "    " };
            first = false;
            let key = column.key.expect("indicator columns have keys");
            let header = indicator_column(column.field).header;
            out.field(indent, key, &value, scalar, header, context);
        }
        if let Some(row_number) = row.row {
            out.whole(start, sheet::INDICATORS, Some((row_number, context)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_bare_only_when_yaml_reads_them_as_numbers() {
        assert_eq!(render("90", Scalar::Number), "90");
        assert_eq!(render("87.6", Scalar::Number), "87.6");
        assert_eq!(render("85%", Scalar::Number), "\"85%\"");
        assert_eq!(render("1e5", Scalar::Number), "\"1e5\"");
        assert_eq!(render("", Scalar::Number), "\"\"");
        assert_eq!(render("011", Scalar::Whole), "11");
        assert_eq!(render("第11期", Scalar::Whole), "\"第11期\"");
        assert_eq!(render("否", Scalar::Flag), "false");
        assert_eq!(render("也许", Scalar::Flag), "\"也许\"");
        assert_eq!(render("a\"b\nc", Scalar::Text), "\"a\\\"b\\nc\"");
    }

    #[test]
    fn list_cells_split_at_lines_and_semicolons() {
        assert_eq!(
            split_list("市委常委\n市政府市长、副市长；市政协主席\n"),
            ["市委常委", "市政府市长、副市长", "市政协主席"]
        );
    }
}
