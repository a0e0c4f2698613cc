//! Reading a 台账 workbook back: `.xlsx`, `.xls`, WPS `.et` and `.ods`,
//! whether jianbao wrote it or a unit rebuilt it.
//!
//! Columns are found by their header words, not their position (a unit
//! inserted or moved one); the header may sit under a title row; merged
//! cells are filled from their first cell; rows are matched by the hidden
//! 编号 column and, when a copy lost it, by their task's words. Rows such
//! as 合计 or 填表人 at the bottom are passed over; text in columns jianbao
//! does not know is reported, never dropped silently. The reader crate runs
//! behind a guard, so that even its panic becomes a message about the file.

use std::collections::BTreeMap;
use std::io::Cursor;
use std::panic::AssertUnwindSafe;
use std::path::Path;

use calamine::{Ods, Reader, Sheets, Xls, Xlsb, Xlsx, open_workbook_from_rs};

use super::columns::{
    Column, INDICATOR_COLUMNS, INFO_ROWS, IndicatorField, TASK_COLUMNS, TaskField, normalise_header,
};
use super::grid::{CellKind, Grid};
use super::write::{LAYOUT_NAME, stamp_key};
use super::{IndicatorRow, Ledger, Stamp, TaskRow, Value, column_letters, sheet};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::source::{COMPOUND_SIGNATURE, ZIP_SIGNATURE, has_stream, mentions};

/// The largest workbook read: a 台账 is a few hundred kilobytes.
const MAX_BYTES: usize = 50 * 1024 * 1024;
/// Rows searched for the header.
const HEADER_SEARCH_ROWS: u32 = 10;
/// Headers a sheet must show to be taken for a 台账 (or 指标) table.
const MIN_HEADERS: usize = 3;
/// What rows at the bottom of a 台账 start with that are not tasks.
const FOOTER_WORDS: &[&str] = &[
    "合计",
    "总计",
    "小计",
    "填表人",
    "填报人",
    "审核人",
    "联系人",
    "制表人",
    "负责人",
    "填表说明",
    "说明：",
    "注：",
    "备注：",
    "联系电话",
];

/// How to save a workbook so that jianbao reads it.
const SAVE_AS_XLSX: &str =
    "在 WPS 表格或 Excel 中打开，选“文件 → 另存为”，文件类型选“Excel 工作簿（*.xlsx）”";

/// The kinds of workbook jianbao reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Office Open XML (`.xlsx`, `.xlsm`).
    Xlsx,
    /// Excel binary (`.xlsb`).
    Xlsb,
    /// Excel 97–2003 and WPS (`.xls`, `.et`).
    Xls,
    /// OpenDocument (`.ods`).
    Ods,
}

/// What a file is, by its bytes, when it is a workbook jianbao reads.
pub fn kind(bytes: &[u8]) -> Option<Kind> {
    if bytes.starts_with(ZIP_SIGNATURE) {
        let zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
        let has = |name: &str| zip.file_names().any(|n| n == name);
        if has("xl/workbook.xml") {
            return Some(Kind::Xlsx);
        }
        if has("xl/workbook.bin") {
            return Some(Kind::Xlsb);
        }
        let ods = b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet";
        if bytes.windows(ods.len()).take(200).any(|w| w == ods)
            || has("content.xml") && mentions(bytes, b"opendocument.spreadsheet")
        {
            return Some(Kind::Ods);
        }
        return None;
    }
    if bytes.starts_with(COMPOUND_SIGNATURE)
        && !has_stream(bytes, "EncryptedPackage")
        && (has_stream(bytes, "Workbook") || has_stream(bytes, "Book"))
    {
        return Some(Kind::Xls);
    }
    None
}

/// Reads the workbook at `path`.
pub fn read(path: &Path) -> Result<Ledger, Diagnostics> {
    let bytes = std::fs::read(path).map_err(|err| {
        Diagnostic::error(format!(
            "无法读取 {}：{err} (cannot read file)",
            path.display()
        ))
        .with_help("请检查路径和文件名是否正确；文件正在 WPS/Excel 中打开时，先关闭再试")
    })?;
    parse(path, &bytes)
}

/// Reads a workbook already in memory; `path` names it in messages.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Ledger, Diagnostics> {
    if bytes.len() > MAX_BYTES {
        return Err(refused(path, "文件超过 50 MB，不像一份台账").into());
    }
    let Some(kind) = kind(bytes) else {
        return Err(refused(path, not_a_workbook(bytes)).into());
    };
    // A reader crate's panic on a damaged file becomes a message about it.
    std::panic::catch_unwind(AssertUnwindSafe(|| open(path, bytes, kind)))
        .unwrap_or_else(|_| Err(refused(path, "文件已损坏或格式异常，读取器无法解析").into()))
}

/// The error for a file jianbao cannot read as a workbook.
fn refused(path: &Path, why: &str) -> Diagnostic {
    Diagnostic::error(format!("{}：{why} (cannot read workbook)", path.display()))
        .with_help(SAVE_AS_XLSX)
}

/// What a file that is not a readable workbook is, in words.
fn not_a_workbook(bytes: &[u8]) -> &'static str {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    if bytes.starts_with(COMPOUND_SIGNATURE) {
        if has_stream(bytes, "EncryptedPackage") {
            return "工作簿加了密码，无法读取：请先取消密码（文件 → 文档加密 / 信息 → 保护工作簿）";
        }
        return "这是旧版 Office 文件，但不是工作簿（可能是 .doc 文档）";
    }
    if head.starts_with("<html") || head.starts_with("<!doctype html") || head.starts_with("<table")
    {
        return "这是网页文件（HTML），不是真正的工作簿：很多系统“导出 Excel”导出的其实是网页";
    }
    if head.starts_with("<?xml") && head.contains("urn:schemas-microsoft-com:office:spreadsheet") {
        return "这是 Excel 2003 XML 表格，jianbao 读不了";
    }
    if bytes.starts_with(b"%PDF") {
        return "这是 PDF 文件，不是工作簿";
    }
    if bytes.starts_with(ZIP_SIGNATURE) {
        return "这是压缩包或 Word 文档，不是工作簿";
    }
    "这不是工作簿（.xlsx、.xls、.et、.ods）"
}

type Book<'a> = Sheets<Cursor<&'a [u8]>>;

fn open(path: &Path, bytes: &[u8], kind: Kind) -> Result<Ledger, Diagnostics> {
    let cursor = Cursor::new(bytes);
    let opened: Result<Book<'_>, String> = match kind {
        Kind::Xlsx => open_workbook_from_rs::<Xlsx<_>, _>(cursor)
            .map(Sheets::Xlsx)
            .map_err(|e| e.to_string()),
        Kind::Xlsb => open_workbook_from_rs::<Xlsb<_>, _>(cursor)
            .map(Sheets::Xlsb)
            .map_err(|e| e.to_string()),
        Kind::Xls => open_workbook_from_rs::<Xls<_>, _>(cursor)
            .map(Sheets::Xls)
            .map_err(|e| e.to_string()),
        Kind::Ods => open_workbook_from_rs::<Ods<_>, _>(cursor)
            .map(Sheets::Ods)
            .map_err(|e| e.to_string()),
    };
    let mut book = opened.map_err(|why| {
        let why = if why.to_lowercase().contains("password") {
            "工作簿加了密码，无法读取：请先取消密码".to_string()
        } else {
            format!("文件已损坏或格式异常（{why}）")
        };
        Diagnostics::from(refused(path, &why))
    })?;
    let names = book.sheet_names();
    let mut ledger = Ledger {
        path: path.to_path_buf(),
        ..Ledger::default()
    };
    let mut errors = Diagnostics::default();
    if names.iter().any(|n| n == sheet::STAMP)
        && let Some(grid) = sheet_grid(&mut book, sheet::STAMP)
    {
        ledger.stamp = stamp(&grid);
    }
    let task_sheet = pick(
        &mut book,
        &names,
        sheet::TASKS,
        TASK_COLUMNS,
        &[TaskField::Progress, TaskField::Status],
    );
    let Some((grid, header)) = task_sheet else {
        return Err(Diagnostic::error(format!(
            "{}：找不到台账表：没有名为“台账”的工作表，也没有哪张表的前 {HEADER_SEARCH_ROWS} 行有“具体任务、推进状态、本月推进情况”这样的表头 (no ledger sheet)",
            path.display()
        ))
        .with_help("用 jianbao init --xlsx 生成的台账填写；自己的表格至少要有 具体任务、推进状态、本月推进情况 这几列")
        .into());
    };
    ledger.with_previous = header.columns.contains_key(&TaskField::Previous);
    ledger.columns = Some((grid.name.clone(), header.columns.clone()));
    read_tasks(&grid, &header, &mut ledger, &mut errors);
    let indicator_sheet = pick(
        &mut book,
        &names,
        sheet::INDICATORS,
        INDICATOR_COLUMNS,
        &[IndicatorField::Name, IndicatorField::Value],
    );
    if let Some((grid, header)) = indicator_sheet {
        read_indicators(&grid, &header, &mut ledger, &mut errors);
    }
    if names.iter().any(|n| n == sheet::INFO)
        && let Some(grid) = sheet_grid(&mut book, sheet::INFO)
    {
        read_info(&grid, &mut ledger, &mut errors);
    }
    for row in INFO_ROWS.iter().filter(|row| row.required) {
        if ledger.info(row.key).is_none() {
            ledger.info.push((row, Value::default()));
        }
    }
    // Keep the 简报信息 rows in the YAML's order, whatever the sheet's.
    ledger
        .info
        .sort_by_key(|(row, _)| INFO_ROWS.iter().position(|r| r.key == row.key));
    ledger.errors = errors.0;
    Ok(ledger)
}

/// The sheet `name` as a grid, with formulas, merged areas and formats.
fn sheet_grid(book: &mut Book<'_>, name: &str) -> Option<Grid> {
    let values = book.worksheet_range(name).ok()?;
    let formulas = book.worksheet_formula(name).ok();
    let (merged, styles) = match book {
        Sheets::Xlsx(xlsx) => (
            xlsx.merge_cells_by_sheet_name(name).unwrap_or_default(),
            xlsx.worksheet_style(name).ok(),
        ),
        Sheets::Xls(xls) => (
            xls.merge_cells_by_sheet_name(name).unwrap_or_default(),
            None,
        ),
        _ => (Vec::new(), None),
    };
    Some(Grid {
        name: name.to_string(),
        values,
        formulas,
        merged,
        styles,
    })
}

/// Where a table's header is and which column holds what.
struct Header<F> {
    /// The header's row.
    row: u32,
    /// Column of each field found.
    columns: BTreeMap<F, u32>,
    /// Header text of every non-empty column, found or not.
    texts: BTreeMap<u32, String>,
}

/// The sheet holding a table of `columns`: the one named `preferred`, else
/// the first whose header shows enough of them, including every `needed`.
fn pick<F: Copy + Ord>(
    book: &mut Book<'_>,
    names: &[String],
    preferred: &str,
    columns: &'static [Column<F>],
    needed: &[F],
) -> Option<(Grid, Header<F>)> {
    let ordered = names.iter().filter(|n| n.as_str() == preferred).chain(
        names
            .iter()
            .filter(|n| n.as_str() != preferred && n.as_str() != sheet::STAMP),
    );
    for name in ordered {
        let Some(grid) = sheet_grid(book, name) else {
            continue;
        };
        if let Some(header) = find_header(&grid, columns)
            && needed.iter().all(|f| header.columns.contains_key(f))
        {
            return Some((grid, header));
        }
    }
    None
}

/// The row among the first few that names the most of `columns`. A header
/// of two rows (a group name merged over its sub-headers) reads as one: an
/// empty cell takes the text above it.
fn find_header<F: Copy + Ord>(grid: &Grid, columns: &'static [Column<F>]) -> Option<Header<F>> {
    let rows = grid.rows();
    let mut best: Option<Header<F>> = None;
    for row in rows.start..rows.end.min(rows.start + HEADER_SEARCH_ROWS) {
        let texts: BTreeMap<u32, String> = (0..grid.end_col())
            .filter_map(|col| {
                let mut text = grid.text(row, col);
                if text.is_empty() && row > rows.start {
                    text = grid.text(row - 1, col);
                }
                (!text.is_empty()).then_some((col, text))
            })
            .collect();
        let found = match_columns(&texts, columns);
        if found.len() >= MIN_HEADERS && best.as_ref().is_none_or(|b| found.len() > b.columns.len())
        {
            best = Some(Header {
                row,
                columns: found,
                texts,
            });
        }
    }
    best
}

/// Which column holds each field: a column's own header first, then a
/// synonym, then a header ending in one (`11月进展情况`); each sheet column
/// serves one field.
fn match_columns<F: Copy + Ord>(
    texts: &BTreeMap<u32, String>,
    columns: &'static [Column<F>],
) -> BTreeMap<F, u32> {
    let mut candidates: Vec<(u8, u32, F)> = Vec::new();
    for (&col, text) in texts {
        let header = normalise_header(text);
        for column in columns {
            let score = if header == normalise_header(column.header) {
                3
            } else if column
                .synonyms
                .iter()
                .any(|s| header == normalise_header(s))
            {
                2
            } else if super::columns::names(column, text) {
                1
            } else {
                continue;
            };
            candidates.push((score, col, column.field));
        }
    }
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut found = BTreeMap::new();
    let mut used = std::collections::BTreeSet::new();
    for (_, col, field) in candidates {
        if !found.contains_key(&field) && used.insert(col) {
            found.insert(field, col);
        }
    }
    found
}

/// How each 台账 column's cells are read.
fn task_kind(field: TaskField) -> CellKind {
    match field {
        TaskField::Percent => CellKind::Percent,
        TaskField::Deadline => CellKind::Date,
        _ => CellKind::Text,
    }
}

fn read_tasks(
    grid: &Grid,
    header: &Header<TaskField>,
    ledger: &mut Ledger,
    errors: &mut Diagnostics,
) {
    let file = ledger.file_name();
    if !header.columns.contains_key(&TaskField::Id) {
        ledger.warnings.push(
            Diagnostic::warning(format!(
                "{file} › {}表：没有隐藏的“编号”列，按“承诺事项”“具体任务”的文字与讲话对应 (no id column)",
                grid.name
            ))
            .with_help("行可能是复制到新工作簿时丢了编号列；对应不上的行会逐一报告。用 jianbao 生成的台账填写最稳妥"),
        );
    }
    let unknown: Vec<u32> = header
        .texts
        .keys()
        .copied()
        .filter(|col| !header.columns.values().any(|c| c == col))
        .collect();
    let mut unknown_used: BTreeMap<u32, u32> = BTreeMap::new();
    let mut last_filled: BTreeMap<TaskField, Value> = BTreeMap::new();
    let mut filled_down = false;
    let rows = grid.rows();
    for row in header.row + 1..rows.end {
        let mut task = TaskRow {
            row: Some(row),
            ..TaskRow::default()
        };
        for (&field, &col) in &header.columns {
            let read = Read {
                grid,
                file: &file,
                kind: task_kind(field),
            };
            let value = read.cell(row, col, &header.texts[&col], &mut ledger.warnings, errors);
            if !value.text.is_empty() {
                task.values.insert(field, value);
            }
        }
        if task.values.is_empty() || is_footer(grid, row, &task) {
            continue;
        }
        let only_serial = task.values.keys().all(|f| *f == TaskField::Serial);
        if only_serial {
            continue;
        }
        // Without merge information (.ods), a commitment or unit written
        // once over several rows is carried down.
        for field in [TaskField::Commitment, TaskField::LeadUnit] {
            match task.values.get(&field) {
                Some(value) => {
                    last_filled.insert(field, value.clone());
                }
                None if grid.merged.is_empty() => {
                    if let Some(above) = last_filled.get(&field) {
                        task.values.insert(field, above.clone());
                        filled_down = true;
                    }
                }
                None => {}
            }
        }
        for &col in &unknown {
            if !grid.text(row, col).is_empty() {
                unknown_used.entry(col).or_insert(row);
            }
        }
        ledger.tasks.push(task);
    }
    if filled_down {
        ledger.warnings.push(
            Diagnostic::warning(format!(
                "{file} › {}表：有的行“承诺事项”或“牵头单位”是空的，按上一行填上 (filled down)",
                grid.name
            ))
            .with_help("合并单元格在 .ods 中读不出合并范围；请核对这些行，或另存为 .xlsx"),
        );
    }
    for (col, row) in unknown_used {
        ledger.warnings.push(
            Diagnostic::warning(format!(
                "{file} › {}!{}{}：“{}”列不是 jianbao 认识的列，其中的内容不会进入简报 (column ignored)",
                grid.name,
                column_letters(col),
                row + 1,
                header.texts[&col]
            ))
            .with_help("需要写进简报的情况请写在本月推进情况、存在问题或下步打算中"),
        );
    }
}

/// Whether a row is a 合计 / 填表人 line rather than a task.
fn is_footer(grid: &Grid, row: u32, task: &TaskRow) -> bool {
    if !task.text(TaskField::Id).is_empty() {
        return false;
    }
    let first = (0..grid.end_col())
        .map(|col| grid.text(row, col))
        .find(|text| !text.is_empty())
        .unwrap_or_default();
    let first: String = first.chars().filter(|c| !c.is_whitespace()).collect();
    FOOTER_WORDS.iter().any(|word| first.starts_with(word))
}

/// Reading the cells of one column kind of a sheet.
struct Read<'a> {
    grid: &'a Grid,
    /// The workbook's file name, leading every message.
    file: &'a str,
    kind: CellKind,
}

impl Read<'_> {
    /// The cell at `(row, col)` as a value with its place (empty text for
    /// an empty cell); what it was odd about goes to `warnings`, why it
    /// cannot be used to `errors`.
    fn cell(
        &self,
        row: u32,
        col: u32,
        header: &str,
        warnings: &mut Vec<Diagnostic>,
        errors: &mut Diagnostics,
    ) -> Value {
        let cell = self.grid.cell(row, col, self.kind, header);
        warnings.extend(cell.warnings.into_iter().map(|w| prefix(self.file, w)));
        if let Some(error) = cell.error {
            errors.push(prefix(self.file, error));
        }
        Value {
            text: cell.text,
            place: Some(self.grid.place(row, col)),
        }
    }
}

/// A message about a cell, led by the file's name.
fn prefix(file: &str, mut diagnostic: Diagnostic) -> Diagnostic {
    diagnostic.message = format!("{file} › {}", diagnostic.message);
    diagnostic
}

fn read_indicators(
    grid: &Grid,
    header: &Header<IndicatorField>,
    ledger: &mut Ledger,
    errors: &mut Diagnostics,
) {
    let file = ledger.file_name();
    for row in header.row + 1..grid.rows().end {
        let mut indicator = IndicatorRow {
            row: Some(row),
            ..IndicatorRow::default()
        };
        for (&field, &col) in &header.columns {
            let read = Read {
                grid,
                file: &file,
                kind: CellKind::Text,
            };
            let value = read.cell(row, col, &header.texts[&col], &mut ledger.warnings, errors);
            if !value.text.is_empty() {
                indicator.values.insert(field, value);
            }
        }
        let footer = FOOTER_WORDS
            .iter()
            .any(|word| indicator.text(IndicatorField::Name).starts_with(word));
        if !indicator.values.is_empty() && !footer {
            ledger.indicators.push(indicator);
        }
    }
}

fn read_info(grid: &Grid, ledger: &mut Ledger, errors: &mut Diagnostics) {
    let file = ledger.file_name();
    for row in grid.rows() {
        let label = normalise_header(&grid.text(row, 0));
        let Some(info) = INFO_ROWS.iter().find(|info| {
            normalise_header(info.label) == label
                || info.synonyms.iter().any(|s| normalise_header(s) == label)
        }) else {
            continue;
        };
        if ledger.info(info.key).is_some() {
            continue;
        }
        let kind = match info.key {
            "period" => CellKind::Month,
            "date" => CellKind::Date,
            _ => CellKind::Text,
        };
        let read = Read {
            grid,
            file: &file,
            kind,
        };
        let value = read.cell(row, 1, info.label, &mut ledger.warnings, errors);
        if !value.text.is_empty() || info.required {
            ledger.info.push((info, value));
        }
    }
}

/// What jianbao stamped into a workbook it wrote.
fn stamp(grid: &Grid) -> Stamp {
    let mut stamp = Stamp::default();
    let rows = grid.rows();
    let mut row = rows.start;
    let mut is_ours = false;
    while row < rows.end {
        let key = grid.text(row, 0);
        let value = grid.text(row, 1);
        row += 1;
        if key == stamp_key::ISSUED {
            break;
        }
        let value = (!value.is_empty()).then_some(value);
        match key.as_str() {
            stamp_key::FORMAT => is_ours = value.as_deref() == Some(LAYOUT_NAME),
            stamp_key::PERIOD => stamp.period = value,
            stamp_key::UNIT => stamp.unit = value,
            stamp_key::DUE => stamp.due = value,
            _ => {}
        }
    }
    if !is_ours {
        return Stamp::default();
    }
    let headers: Vec<Option<TaskField>> = (0..grid.end_col())
        .map(|col| {
            let text = grid.text(row, col);
            TASK_COLUMNS
                .iter()
                .find(|c| c.header == text)
                .map(|c| c.field)
        })
        .collect();
    for data in row + 1..rows.end {
        let mut cells = BTreeMap::new();
        let mut id = String::new();
        for (col, field) in headers.iter().enumerate() {
            let Some(field) = field else { continue };
            let text = grid.text(data, col as u32);
            if *field == TaskField::Id {
                id = text;
            } else {
                cells.insert(*field, text);
            }
        }
        if !id.is_empty() {
            stamp.issued.insert(id, cells);
        }
    }
    stamp
}
