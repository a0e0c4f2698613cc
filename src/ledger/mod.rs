//! The 台账 workbook: the month as the table offices send to the units.
//!
//! Offices do not collect progress in YAML. Each 牵头单位 gets its rows of
//! the 重点工作推进台账 as an Excel/WPS workbook, fills them in and sends it
//! back; the clerk merges the returns. A [`Ledger`] is that table in memory,
//! every value as text with the cell it came from:
//!
//! - [`from_yaml`]: a YAML month (and the speech, for ids and names) → ledger;
//! - [`write`]: ledger → `.xlsx`, with dropdowns, protection and notes;
//! - [`read`]: `.xlsx`/`.xls`/`.et`/`.ods` → ledger, surviving what units
//!   do to workbooks;
//! - [`to_yaml`]: ledger → the YAML text the rest of jianbao reads, with a
//!   map from every value back to its cell, so that a message about the
//!   YAML names `台账!K12（推进状态）` instead;
//! - [`split`] and [`merge`]: one workbook per unit, and back.
//!
//! YAML stays the canonical form: a workbook is checked and built by
//! turning it into YAML text first, so both take the same path and give
//! the same briefing.

pub mod columns;
pub mod from_yaml;
mod grid;
pub mod merge;
pub mod read;
pub mod split;
pub mod to_yaml;
pub mod write;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use columns::{IndicatorField, InfoRow, TaskField};

use crate::diagnostic::Diagnostic;

/// Names of the sheets jianbao writes.
pub mod sheet {
    /// One row per task.
    pub const TASKS: &str = "台账";
    /// One row per key indicator.
    pub const INDICATORS: &str = "指标";
    /// The briefing's metadata, two columns 项目/内容.
    pub const INFO: &str = "简报信息";
    /// How to fill the workbook in.
    pub const GUIDE: &str = "填报说明";
    /// Hidden: what jianbao issued (period, unit, locked cells).
    pub const STAMP: &str = "_jianbao";
}

/// Rows of the 台账 sheet above the data: the title, the unit line and the header.
pub const TASK_HEADER_ROW: u32 = 2;

/// Where a value was read from: a sheet and a zero-based row and column.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Place {
    /// The sheet's name.
    pub sheet: String,
    /// Zero-based row.
    pub row: u32,
    /// Zero-based column.
    pub col: u32,
}

impl Place {
    /// The cell as a spreadsheet names it: `台账!K12`.
    pub fn a1(&self) -> String {
        format!(
            "{}!{}{}",
            self.sheet,
            column_letters(self.col),
            self.row + 1
        )
    }
}

/// Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA.
pub fn column_letters(col: u32) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// One value of the ledger: text, and the cell it came from when read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Value {
    /// The value as text, trimmed; numbers in their shortest form.
    pub text: String,
    /// The cell it was read from.
    pub place: Option<Place>,
}

impl Value {
    /// A value not read from a workbook.
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            place: None,
        }
    }
}

/// One row of the 台账.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TaskRow {
    /// The row's values by column; absent columns are empty.
    pub values: BTreeMap<TaskField, Value>,
    /// The zero-based sheet row, when read.
    pub row: Option<u32>,
}

/// One row of the 指标 sheet.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IndicatorRow {
    /// The row's values by column.
    pub values: BTreeMap<IndicatorField, Value>,
    /// The zero-based sheet row, when read.
    pub row: Option<u32>,
}

impl TaskRow {
    /// The text of `field`, empty when absent.
    pub fn text(&self, field: TaskField) -> &str {
        self.values.get(&field).map_or("", |v| v.text.as_str())
    }

    /// Sets `field` to `text`, dropping it when empty.
    pub fn set(&mut self, field: TaskField, text: impl Into<String>) {
        let text = text.into();
        if text.is_empty() {
            self.values.remove(&field);
        } else {
            self.values.insert(field, Value::new(text));
        }
    }

    /// What the clerk calls the row: its task, else its id.
    pub fn name(&self) -> &str {
        match self.text(TaskField::Task) {
            "" => self.text(TaskField::Id),
            task => task,
        }
    }
}

impl IndicatorRow {
    /// The text of `field`, empty when absent.
    pub fn text(&self, field: IndicatorField) -> &str {
        self.values.get(&field).map_or("", |v| v.text.as_str())
    }
}

/// What jianbao wrote into a workbook it issued, read back from the hidden
/// sheet: the month, the unit it went to, the due date and the locked cells
/// as issued, so that changes to them are noticed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stamp {
    /// The month, `2026-12`.
    pub period: Option<String>,
    /// The unit the workbook was split for.
    pub unit: Option<String>,
    /// 报送时限, as the office wrote it.
    pub due: Option<String>,
    /// The locked cells of each task row as issued, by task id.
    pub issued: BTreeMap<String, BTreeMap<TaskField, String>>,
}

/// A month as a table: the briefing's metadata, the task rows and the indicators.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ledger {
    /// The file it was read from, for messages.
    pub path: PathBuf,
    /// The 简报信息 rows present, in sheet order.
    pub info: Vec<(&'static InfoRow, Value)>,
    /// The task rows, in sheet order.
    pub tasks: Vec<TaskRow>,
    /// The indicator rows, in sheet order.
    pub indicators: Vec<IndicatorRow>,
    /// What jianbao stamped into the workbook, when it wrote it.
    pub stamp: Stamp,
    /// Where the 台账 was read from: the sheet and each field's column, so
    /// that an empty cell can be named too.
    pub columns: Option<(String, BTreeMap<TaskField, u32>)>,
    /// Whether the 上月推进情况 column is wanted.
    pub with_previous: bool,
    /// What was odd but usable while reading.
    pub warnings: Vec<Diagnostic>,
    /// Cells that cannot be used (an error value, a formula never
    /// calculated), reported together with what validation finds.
    pub errors: Vec<Diagnostic>,
}

impl Ledger {
    /// The 简报信息 value of `key`, when present.
    pub fn info(&self, key: &str) -> Option<&str> {
        self.info
            .iter()
            .find(|(row, _)| row.key == key)
            .map(|(_, value)| value.text.as_str())
    }

    /// Everything reading found, warnings first; an error when any cell
    /// cannot be used.
    pub fn problems(&self) -> Result<&[Diagnostic], crate::diagnostic::Diagnostics> {
        if self.errors.is_empty() {
            return Ok(&self.warnings);
        }
        let mut all = self.warnings.clone();
        all.extend(self.errors.iter().cloned());
        Err(crate::diagnostic::Diagnostics(all))
    }

    /// The file's name alone, as messages show it.
    pub fn file_name(&self) -> String {
        file_name(&self.path)
    }
}

/// A path's last component, or the whole path when it has none.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

/// The month at `path` as a ledger: a workbook read, or a YAML file
/// parsed and its references resolved in the speech `outline` gives (read
/// only for YAML).
pub fn load(
    path: &Path,
    outline: impl FnOnce() -> Result<crate::speech::Outline, Diagnostic>,
) -> Result<Ledger, crate::diagnostic::Diagnostics> {
    let bytes = std::fs::read(path).ok();
    if let Some(bytes) = &bytes
        && is_workbook_file(path, bytes)
    {
        return read::parse(path, bytes);
    }
    let file = match &bytes {
        Some(bytes) => crate::source::SourceFile::decode(path, bytes)?,
        // The text reader names a missing file or a folder in its words.
        None => crate::source::SourceFile::read(path)?,
    };
    let (file, _) = crate::source::SourceFile::without_invisible(&file);
    let raw = crate::progress::parse_raw(&file)?;
    let mut ledger = from_yaml::ledger(&raw, &outline()?, None);
    ledger.path = path.to_path_buf();
    Ok(ledger)
}

/// Whether the file at `path` holding `bytes` is to be read as a workbook:
/// its bytes are one jianbao reads (xlsx, xls, et, ods: first bytes and,
/// for zip files, the parts inside), or its name says it is one (then the
/// reader says what it really is).
pub fn is_workbook_file(path: &Path, bytes: &[u8]) -> bool {
    read::kind(bytes).is_some() || crate::progress::is_workbook_name(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_as_spreadsheets_do() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(10), "K");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
        let place = Place {
            sheet: "台账".into(),
            row: 11,
            col: 10,
        };
        assert_eq!(place.a1(), "台账!K12");
    }
}
