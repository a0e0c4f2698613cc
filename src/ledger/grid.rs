//! One sheet of a foreign workbook as cells of text: merged cells filled
//! from their first cell, numbers in their shortest form, dates as dates,
//! percent formats undone, invisible characters removed, and every cell
//! that cannot be trusted (an error value, a formula never calculated)
//! reported at its place.

use calamine::{Data, Dimensions, Range, StyleRange};

use super::Place;
use crate::diagnostic::Diagnostic;
use crate::source::is_invisible;

/// A sheet and what is known about its cells.
pub struct Grid {
    /// The sheet's name.
    pub name: String,
    /// The values.
    pub values: Range<Data>,
    /// The formulas, when the reader gives them.
    pub formulas: Option<Range<String>>,
    /// Merged areas (xlsx and xls only).
    pub merged: Vec<Dimensions>,
    /// Number formats (xlsx only).
    pub styles: Option<StyleRange>,
}

/// How a cell is read, by the column it is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellKind {
    /// Text; numbers as their digits.
    Text,
    /// A percent: 0.8 in a percent format is 80.
    Percent,
    /// A date: a serial number without a date format is read as one.
    Date,
    /// A month: a date typed as `2026-12` that the spreadsheet made 2026-12-01.
    Month,
}

/// What reading one cell gave.
#[derive(Debug, Default)]
pub struct Cell {
    /// The text, trimmed; empty for an empty cell.
    pub text: String,
    /// What was odd but usable.
    pub warnings: Vec<Diagnostic>,
    /// Why the cell cannot be used, when it cannot.
    pub error: Option<Diagnostic>,
}

impl Grid {
    /// The first row and one past the last row holding anything.
    pub fn rows(&self) -> std::ops::Range<u32> {
        match (self.values.start(), self.values.end()) {
            (Some(start), Some(end)) => start.0..end.0 + 1,
            _ => 0..0,
        }
    }

    /// One past the last column holding anything.
    pub fn end_col(&self) -> u32 {
        self.values.end().map_or(0, |end| end.1 + 1)
    }

    /// The raw value at `(row, col)`, from the first cell of its merged area.
    fn raw(&self, row: u32, col: u32) -> &Data {
        let (row, col) = self
            .merged
            .iter()
            .find(|area| area.contains(row, col))
            .map_or((row, col), |area| area.start);
        self.values.get_value((row, col)).unwrap_or(&Data::Empty)
    }

    /// The place of `(row, col)` in this sheet.
    pub fn place(&self, row: u32, col: u32) -> Place {
        Place {
            sheet: self.name.clone(),
            row,
            col,
        }
    }

    /// The cell's text without looking closer: for headers and labels.
    pub fn text(&self, row: u32, col: u32) -> String {
        match self.raw(row, col) {
            Data::String(text) => clean(text),
            Data::Empty => String::new(),
            other => other.to_string().trim().to_string(),
        }
    }

    /// Reads the cell at `(row, col)` as `kind`.
    pub fn cell(&self, row: u32, col: u32, kind: CellKind, header: &str) -> Cell {
        let place = self.place(row, col);
        let at = format!("{}（{header}）", place.a1());
        let mut cell = Cell::default();
        match self.raw(row, col) {
            Data::Empty => {
                let formula = self
                    .formulas
                    .as_ref()
                    .and_then(|f| f.get_value((row, col)))
                    .filter(|f| !f.is_empty());
                if let Some(formula) = formula {
                    cell.error = Some(
                        Diagnostic::error(format!(
                            "{at}：公式 ={formula} 没有算出的结果 (formula without a value)"
                        ))
                        .with_help(
                            "在 WPS 或 Excel 中打开这个文件、保存一次（保存时会计算公式），或把公式改为直接填写的内容",
                        ),
                    );
                }
            }
            Data::String(text) => {
                if text.chars().any(is_invisible) {
                    cell.warnings.push(
                        Diagnostic::warning(format!(
                            "{at}：文字中有看不见的字符，已删去 (invisible characters removed)"
                        ))
                        .with_help("这类字符常随从网页、Word 复制的文字带入，印出来什么也没有"),
                    );
                }
                cell.text = clean(text);
            }
            Data::Float(number) => cell.text = self.number(*number, row, col, kind, &at, &mut cell),
            Data::Int(number) => {
                cell.text = self.number(*number as f64, row, col, kind, &at, &mut cell);
            }
            Data::Bool(flag) => cell.text = if *flag { "是" } else { "否" }.to_string(),
            Data::DateTime(date) => {
                let (year, month, day, ..) = date.to_ymd_hms_milli();
                cell.text = if kind == CellKind::Month {
                    format!("{year:04}-{month:02}")
                } else {
                    format!("{year:04}-{month:02}-{day:02}")
                };
            }
            Data::DateTimeIso(text) | Data::DurationIso(text) => {
                let date = text.split('T').next().unwrap_or(text);
                cell.text = if kind == CellKind::Month && date.len() >= 7 {
                    date[..7].to_string()
                } else {
                    date.to_string()
                };
            }
            Data::Error(error) => {
                cell.error = Some(
                    Diagnostic::error(format!(
                        "{at}：单元格是错误值 {error}，没有内容可用 (cell holds an error)"
                    ))
                    .with_help("改正这个单元格的公式，或直接填写内容"),
                );
            }
        }
        cell
    }

    /// A number cell as text for a column of `kind`.
    fn number(
        &self,
        number: f64,
        row: u32,
        col: u32,
        kind: CellKind,
        at: &str,
        cell: &mut Cell,
    ) -> String {
        match kind {
            CellKind::Percent if self.percent_format(row, col) => shortest(number * 100.0),
            CellKind::Percent if number > 0.0 && number < 1.0 => {
                cell.warnings.push(
                    Diagnostic::warning(format!(
                        "{at}：完成进度 {} 按百分比小数理解为 {} (read as a fraction)",
                        shortest(number),
                        shortest(number * 100.0)
                    ))
                    .with_help("完成进度填 0 到 100 的数，例如 80 表示完成 80%"),
                );
                shortest(number * 100.0)
            }
            CellKind::Date if (20_000.0..80_000.0).contains(&number) => {
                let date = serial_date(number);
                cell.warnings.push(
                    Diagnostic::warning(format!(
                        "{at}：{} 没有设日期格式，按日期序号理解为 {date} (serial number read as a date)",
                        shortest(number)
                    ))
                    .with_help("把单元格格式设为日期，或直接写 2026-12-31、年底前这样的文字"),
                );
                date
            }
            _ => shortest(number),
        }
    }

    /// Whether the cell's number format shows a percent.
    fn percent_format(&self, row: u32, col: u32) -> bool {
        self.styles
            .as_ref()
            .and_then(|styles| styles.get((row, col)))
            .and_then(|style| style.number_format.as_ref())
            .is_some_and(|format| format.format_code.contains('%'))
    }
}

/// Cell text as jianbao keeps it: invisible characters removed, Windows
/// line ends made plain, trimmed.
pub fn clean(text: &str) -> String {
    let text: String = text
        .replace("\r\n", "\n")
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !is_invisible(c))
        .collect();
    text.trim().to_string()
}

/// The shortest text of a number, without the noise of binary fractions
/// (0.8 × 100 is 80, not 80.00000000000001).
pub fn shortest(number: f64) -> String {
    let rounded = (number * 1e9).round() / 1e9;
    let value = if rounded == 0.0 { 0.0 } else { rounded };
    format!("{value}")
}

/// A spreadsheet date serial number as `YYYY-MM-DD` (1900 system, counted
/// from 1899-12-30 as spreadsheets do after their 1900-02-29).
fn serial_date(serial: f64) -> String {
    let epoch =
        time::Date::from_calendar_date(1899, time::Month::December, 30).expect("a valid date");
    let date = epoch + time::Duration::days(serial.floor() as i64);
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serial_numbers_are_the_dates_spreadsheets_show() {
        assert_eq!(serial_date(45838.0), "2025-06-30");
        assert_eq!(serial_date(46022.0), "2025-12-31");
        assert_eq!(serial_date(46387.0), "2026-12-31");
    }

    #[test]
    fn numbers_lose_binary_noise() {
        assert_eq!(shortest(0.8 * 100.0), "80");
        assert_eq!(shortest(87.6), "87.6");
        assert_eq!(shortest(-0.0), "0");
        assert_eq!(shortest(0.29 * 100.0), "29");
    }

    #[test]
    fn cell_text_is_cleaned() {
        assert_eq!(clean("\u{200B} 已完成\r\n第二行\u{3000}"), "已完成\n第二行");
    }
}
