//! A ledger as an `.xlsx` 台账 the units fill in.
//!
//! Sheets: 台账 (one row per task; the office's columns locked, the unit's
//! columns open, a status dropdown, 0–100 on the percent), 指标, 简报信息
//! (项目/内容), 填报说明, and the hidden `_jianbao` holding the month, the
//! unit and the locked cells as issued. Protection guards against
//! accidents, not people: it has no password.
//!
//! The file is the same bytes for the same ledger: the creation time comes
//! from the month, never from the clock.

use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DataValidationRule, DocProperties,
    ExcelDateTime, Format, FormatAlign, FormatBorder, Note, ProtectionOptions, Workbook, Worksheet,
    XlsxError,
};
use unicode_width::UnicodeWidthStr;

use super::columns::{
    Column, INDICATOR_COLUMNS, INFO_ROWS, IndicatorField, TASK_COLUMNS, TaskField,
};
use super::{Ledger, TASK_HEADER_ROW, sheet};
use crate::diagnostic::Diagnostic;
use crate::progress::{Period, Status};

/// What the workbook is for beyond the ledger's content.
#[derive(Debug, Clone, Default)]
pub struct Issue<'a> {
    /// The unit it goes to (`split`), printed on the 填报单位 line.
    pub unit: Option<&'a str>,
    /// When it is due back (报送时限), as the office words it.
    pub due: Option<&'a str>,
}

/// Version of the workbook layout, stored in the hidden sheet.
pub const LAYOUT_VERSION: &str = "1";
/// What the hidden sheet's 格式 row says, to know a jianbao workbook.
pub const LAYOUT_NAME: &str = "jianbao-台账";

/// Keys of the hidden sheet's rows.
pub mod stamp_key {
    /// The layout name.
    pub const FORMAT: &str = "格式";
    /// The layout version.
    pub const VERSION: &str = "版本";
    /// The month.
    pub const PERIOD: &str = "期次";
    /// The unit a split workbook went to.
    pub const UNIT: &str = "单位";
    /// 报送时限.
    pub const DUE: &str = "报送时限";
    /// The header of the table of locked cells as issued.
    pub const ISSUED: &str = "下发时锁定的内容";
}

/// The `.xlsx` bytes of `ledger`.
pub fn workbook(ledger: &Ledger, issue: &Issue<'_>) -> Result<Vec<u8>, Diagnostic> {
    build(ledger, issue).map_err(|err| {
        Diagnostic::error(format!("无法生成台账工作簿：{err} (cannot write workbook)"))
            .with_help("这是 jianbao 的问题，请把这条信息和所用的文件一起报告给维护者")
    })
}

fn build(ledger: &Ledger, issue: &Issue<'_>) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let default = Format::new()
        .set_font_name("宋体")
        .set_font_size(11)
        .set_font_charset(134);
    workbook.set_default_format(&default, 20, 64)?;
    let period = ledger.info("period").and_then(Period::parse);
    let created = period
        .and_then(|p| ExcelDateTime::from_ymd(p.year as u16, p.month, 1).ok())
        .unwrap_or_else(|| ExcelDateTime::from_ymd(2000, 1, 1).expect("a valid date"));
    let mut properties = DocProperties::new()
        .set_title(title(ledger, period))
        .set_creation_datetime(&created);
    if let Some(office) = ledger.info("office") {
        properties = properties.set_author(office).set_company(office);
    }
    workbook.set_properties(&properties);

    let styles = Styles::new();
    tasks(workbook.add_worksheet(), ledger, issue, period, &styles)?;
    indicators(workbook.add_worksheet(), ledger, &styles)?;
    info(workbook.add_worksheet(), ledger, issue, &styles)?;
    guide(workbook.add_worksheet(), issue, &styles)?;
    stamp(workbook.add_worksheet(), ledger, issue, period)?;
    workbook.save_to_buffer()
}

/// The formats the sheets share.
struct Styles {
    title: Format,
    line: Format,
    header: Format,
    locked: Format,
    open: Format,
    open_number: Format,
    guide: Format,
}

impl Styles {
    fn new() -> Self {
        let cell = Format::new()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_border(FormatBorder::Thin)
            .set_font_name("宋体")
            .set_font_size(11);
        Self {
            title: Format::new()
                .set_font_name("黑体")
                .set_font_size(16)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            line: Format::new().set_align(FormatAlign::VerticalCenter),
            header: Format::new()
                .set_font_name("黑体")
                .set_font_size(11)
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_border(FormatBorder::Thin)
                .set_background_color(Color::RGB(0xD9D9D9)),
            locked: cell.clone().set_background_color(Color::RGB(0xF2F2F2)),
            open: cell.clone().set_unlocked(),
            open_number: cell
                .set_unlocked()
                .set_align(FormatAlign::Center)
                .set_num_format("0.##"),
            guide: Format::new().set_text_wrap().set_align(FormatAlign::Top),
        }
    }
}

/// The title over the 台账: “生态文明建设重点工作推进台账（2026年12月）”.
fn title(ledger: &Ledger, period: Option<Period>) -> String {
    let name = ledger.info("name").unwrap_or_default();
    let subject = name.trim_end_matches("简报").trim_end_matches("工作");
    let month = period
        .map(|p| format!("（{}）", p.chinese()))
        .unwrap_or_default();
    format!("{subject}重点工作推进台账{month}")
}

/// The 台账 columns this ledger shows.
fn task_columns(ledger: &Ledger) -> Vec<&'static Column<TaskField>> {
    TASK_COLUMNS
        .iter()
        .filter(|c| c.field != TaskField::Previous || ledger.with_previous)
        .collect()
}

/// Protection that keeps selection, row heights and column widths free.
fn protection() -> ProtectionOptions {
    ProtectionOptions {
        select_locked_cells: true,
        select_unlocked_cells: true,
        format_columns: true,
        format_rows: true,
        use_autofilter: true,
        ..ProtectionOptions::default()
    }
}

fn tasks(
    sheet: &mut Worksheet,
    ledger: &Ledger,
    issue: &Issue<'_>,
    period: Option<Period>,
    styles: &Styles,
) -> Result<(), XlsxError> {
    sheet.set_name(sheet::TASKS)?;
    let columns = task_columns(ledger);
    let last_col = (columns.len() - 1) as u16;
    sheet.merge_range(0, 0, 0, last_col, &title(ledger, period), &styles.title)?;
    sheet.set_row_height(0, 32)?;
    let unit = issue.unit.unwrap_or("（各牵头单位）");
    let due = issue.due.unwrap_or("按通知要求");
    let line = format!(
        "填报单位：{unit}　　　报送时限：{due}　　　只填白色单元格，灰色单元格由办公室填写"
    );
    sheet.merge_range(1, 0, 1, last_col, &line, &styles.line)?;
    sheet.set_row_height(1, 22)?;
    let header_row = TASK_HEADER_ROW;
    for (col, column) in columns.iter().enumerate() {
        let col = col as u16;
        sheet.write_string_with_format(header_row, col, column.header, &styles.header)?;
        sheet.set_column_width(col, column.width)?;
        if let Some(text) = column.note {
            let note = Note::new(text)
                .set_author("jianbao")
                .add_author_prefix(false)
                .set_width(260)
                .set_height(90);
            sheet.insert_note(header_row, col, &note)?;
        }
        if column.field == TaskField::Id {
            sheet.set_column_hidden(col)?;
        }
    }
    sheet.set_row_height(header_row, 30)?;
    let first = header_row + 1;
    for (index, row) in ledger.tasks.iter().enumerate() {
        let r = first + index as u32;
        let mut lines = 1;
        for (col, column) in columns.iter().enumerate() {
            let text = row.text(column.field);
            let format = if column.locked {
                &styles.locked
            } else {
                &styles.open
            };
            let col = col as u16;
            match column.field {
                TaskField::Percent | TaskField::Serial => match plain_number(text) {
                    Some(number) => {
                        let format = if column.locked {
                            format
                        } else {
                            &styles.open_number
                        };
                        sheet.write_number_with_format(r, col, number, format)?
                    }
                    None => sheet.write_string_with_format(r, col, text, format)?,
                },
                _ => sheet.write_string_with_format(r, col, text, format)?,
            };
            lines = lines.max(lines_needed(text, column.width));
        }
        sheet.set_row_height(r, (16 * lines.min(12) + 4).max(30) as f64)?;
    }
    let last_row = (first + ledger.tasks.len() as u32).max(first + 1) - 1;
    let col_of = |field| {
        columns
            .iter()
            .position(|c| c.field == field)
            .map(|i| i as u16)
    };
    if let Some(col) = col_of(TaskField::Status) {
        let words: Vec<&str> = Status::ALL.iter().map(|s| s.chinese()).collect();
        let validation = DataValidation::new()
            .allow_list_strings(&words)?
            .set_input_title("推进状态")?
            .set_input_message("从下拉列表中选一项")?
            .set_error_title("无法识别的状态")?
            .set_error_message(format!("推进状态只能是：{}", words.join("、")))?
            .set_error_style(DataValidationErrorStyle::Stop);
        sheet.add_data_validation(first, col, last_row, col, &validation)?;
    }
    if let Some(col) = col_of(TaskField::Percent) {
        let validation = DataValidation::new()
            .allow_decimal_number(DataValidationRule::Between(0.0, 100.0))
            .set_input_title("完成进度（%）")?
            .set_input_message("填 0 到 100 的数，例如 85 表示 85%")?
            .set_error_title("完成进度超出范围")?
            .set_error_message("完成进度只能填 0 到 100 之间的数，不带 % 号")?
            .set_error_style(DataValidationErrorStyle::Stop);
        sheet.add_data_validation(first, col, last_row, col, &validation)?;
    }
    let frozen_cols = col_of(TaskField::Task).map_or(0, |c| c + 1);
    sheet.set_freeze_panes(first, frozen_cols)?;
    sheet.autofilter(header_row, 0, last_row, last_col)?;
    print_setup(sheet, header_row);
    sheet.protect_with_options(&protection());
    Ok(())
}

/// Landscape A4, one page wide, the header row on every page, page numbers.
fn print_setup(sheet: &mut Worksheet, header_row: u32) {
    sheet.set_landscape();
    sheet.set_paper_size(9);
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_footer("&C第 &P 页 共 &N 页");
    // Repeating rows only fails for rows beyond the sheet.
    let _ = sheet.set_repeat_rows(header_row, header_row);
}

/// Lines a text takes in a column `width` characters wide.
fn lines_needed(text: &str, width: f64) -> u32 {
    // Cell padding and wrapping at punctuation take about a character.
    let per_line = (width - 1.5).max(1.0);
    text.split('\n')
        .map(|line| ((line.width() as f64 / per_line).ceil() as u32).max(1))
        .sum()
}

/// `text` as a number, when it is one written plainly.
fn plain_number(text: &str) -> Option<f64> {
    super::to_yaml::is_plain_number(text)
        .then(|| text.parse().ok())
        .flatten()
}

fn indicators(sheet: &mut Worksheet, ledger: &Ledger, styles: &Styles) -> Result<(), XlsxError> {
    sheet.set_name(sheet::INDICATORS)?;
    for (col, column) in INDICATOR_COLUMNS.iter().enumerate() {
        let col = col as u16;
        sheet.write_string_with_format(0, col, column.header, &styles.header)?;
        sheet.set_column_width(col, column.width)?;
        if let Some(text) = column.note {
            let note = Note::new(text)
                .set_author("jianbao")
                .add_author_prefix(false);
            sheet.insert_note(0, col, &note)?;
        }
    }
    sheet.set_row_height(0, 30)?;
    for (index, row) in ledger.indicators.iter().enumerate() {
        let r = 1 + index as u32;
        for (col, column) in INDICATOR_COLUMNS.iter().enumerate() {
            let col = col as u16;
            let text = row.text(column.field);
            let format = if column.locked {
                &styles.locked
            } else {
                &styles.open
            };
            match (column.field, plain_number(text)) {
                (IndicatorField::Target | IndicatorField::Value, Some(number)) => {
                    sheet.write_number_with_format(r, col, number, format)?
                }
                _ => sheet.write_string_with_format(r, col, text, format)?,
            };
        }
    }
    sheet.set_freeze_panes(1, 1)?;
    print_setup(sheet, 0);
    sheet.protect_with_options(&protection());
    Ok(())
}

fn info(
    sheet: &mut Worksheet,
    ledger: &Ledger,
    issue: &Issue<'_>,
    styles: &Styles,
) -> Result<(), XlsxError> {
    sheet.set_name(sheet::INFO)?;
    sheet.write_string_with_format(0, 0, "项目", &styles.header)?;
    sheet.write_string_with_format(0, 1, "内容", &styles.header)?;
    sheet.set_column_width(0, 16)?;
    sheet.set_column_width(1, 70)?;
    for (index, row) in INFO_ROWS.iter().enumerate() {
        let r = 1 + index as u32;
        let text = ledger.info(row.key).unwrap_or_default();
        sheet.write_string_with_format(r, 0, row.label, &styles.locked)?;
        sheet.write_string_with_format(r, 1, text, &styles.open)?;
        let lines = lines_needed(text, 70.0);
        if lines > 1 {
            sheet.set_row_height(r, (15 * lines.min(12)) as f64)?;
        }
    }
    // The office fills this sheet in; a unit's copy keeps it read-only.
    if issue.unit.is_some() {
        sheet.protect_with_options(&protection());
    }
    Ok(())
}

fn guide(sheet: &mut Worksheet, issue: &Issue<'_>, styles: &Styles) -> Result<(), XlsxError> {
    sheet.set_name(sheet::GUIDE)?;
    sheet.set_column_width(0, 90)?;
    let due = issue.due.unwrap_or("按通知要求的时间");
    let lines = [
        "填报说明".to_string(),
        "1．只填“台账”表中的白色单元格：完成进度（%）、推进状态、本月推进情况、存在问题、下步打算。灰色单元格由办公室填写，请勿改动。".to_string(),
        "2．推进状态从下拉列表中选：已完成、序时推进、滞后、未启动。".to_string(),
        "3．完成进度填 0 到 100 的数（85 表示完成 85%），不带 % 号；已完成可不填，未启动可不填。".to_string(),
        "4．本月推进情况必填，写清本月做了什么、累计到什么程度，尽量用数字说话；状态为滞后的，在存在问题中写明原因。".to_string(),
        "5．请勿插入、删除或调换行，也不要改动工作表名称；确需补充的情况写在存在问题或下步打算中。".to_string(),
        "6．指标表只填“本月值（累计）”和“备注”。".to_string(),
        format!("7．报送时限：{due}。填好后保存为 .xlsx（WPS、Excel 均可），原文件名发回即可。"),
    ];
    for (r, line) in lines.iter().enumerate() {
        sheet.write_string_with_format(r as u32, 0, line, &styles.guide)?;
        sheet.set_row_height(r as u32, if r == 0 { 24 } else { 36 })?;
    }
    Ok(())
}

/// The hidden sheet: what jianbao issued, read back by `merge` and `check`.
fn stamp(
    sheet: &mut Worksheet,
    ledger: &Ledger,
    issue: &Issue<'_>,
    period: Option<Period>,
) -> Result<(), XlsxError> {
    sheet.set_name(sheet::STAMP)?;
    let period = period.map(|p| p.to_string()).unwrap_or_default();
    let rows = [
        (stamp_key::FORMAT, LAYOUT_NAME),
        (stamp_key::VERSION, LAYOUT_VERSION),
        (stamp_key::PERIOD, period.as_str()),
        (stamp_key::UNIT, issue.unit.unwrap_or_default()),
        (stamp_key::DUE, issue.due.unwrap_or_default()),
    ];
    for (r, (key, value)) in rows.iter().enumerate() {
        sheet.write_string(r as u32, 0, *key)?;
        sheet.write_string(r as u32, 1, *value)?;
    }
    let top = rows.len() as u32 + 1;
    sheet.write_string(top, 0, stamp_key::ISSUED)?;
    let locked: Vec<&Column<TaskField>> = TASK_COLUMNS
        .iter()
        .filter(|c| c.locked && c.field != TaskField::Serial)
        .filter(|c| c.field != TaskField::Previous || ledger.with_previous)
        .collect();
    for (col, column) in locked.iter().enumerate() {
        sheet.write_string(top + 1, col as u16, column.header)?;
    }
    for (index, row) in ledger.tasks.iter().enumerate() {
        let r = top + 2 + index as u32;
        for (col, column) in locked.iter().enumerate() {
            sheet.write_string(r, col as u16, row.text(column.field))?;
        }
    }
    sheet.set_hidden(true);
    sheet.protect();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_grow_with_their_text() {
        assert_eq!(lines_needed("", 10.0), 1);
        assert_eq!(lines_needed("十个汉字十个汉字十个", 11.5), 2);
        assert_eq!(lines_needed("a\nb", 10.0), 2);
    }

    #[test]
    fn only_plain_numbers_are_written_as_numbers() {
        assert_eq!(plain_number("85"), Some(85.0));
        assert_eq!(plain_number("87.5"), Some(87.5));
        assert_eq!(plain_number("85%"), None);
        assert_eq!(plain_number("1e3"), None);
        assert_eq!(plain_number("."), None);
    }
}
