//! The monthly progress file: its YAML format, loading and validation.
//!
//! A clerk writes one file a month (`data/progress/2026-11.yaml`). [`load`]
//! reads it, checks it against the speech's [`Outline`](crate::speech::Outline)
//! and returns a [`Progress`] with typed values and resolved references, or
//! every problem found as [`Diagnostics`] naming file, line and column.
//!
//! - [`file`]: the YAML as written (field names, JSON Schema).
//! - [`values`]: status words, dates, months, deadlines.
//! - [`model`]: the validated month the briefing is built from.
//! - [`history`]: the earlier months beside it, for month-over-month figures.

pub mod file;
pub mod history;
pub mod model;
mod validate;
pub mod values;
mod yaml_error;

use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use model::{CommitmentProgress, Indicator, Meta, OfficialMeta, Progress, TaskProgress};
pub use values::{Date, Deadline, Period, Status};

use crate::diagnostic::{Diagnostic, Diagnostics, Span};
use crate::source::SourceFile;
use crate::speech::Outline;

/// Reads, parses and validates the progress file at `path`: YAML, or a
/// 台账 workbook (told by its bytes), whose cells messages then name.
pub fn load(path: &Path, outline: &Outline) -> Result<Progress, Diagnostics> {
    let (file, warnings) = read_text(path)?;
    let with_warnings = |errors: Diagnostics| {
        let mut all = Diagnostics(warnings.clone());
        all.0.extend(errors.0);
        all
    };
    let mut progress = parse(&file, outline).map_err(with_warnings)?;
    if warnings.iter().any(Diagnostic::is_error) {
        return Err(Diagnostics(warnings));
    }
    progress.warnings.splice(0..0, warnings.iter().cloned());
    Ok(progress)
}

/// The month at `path` as YAML text: a YAML file as it is, a workbook
/// converted (with what reading it found: warnings, and errors about cells
/// that cannot be used, which [`load`] reports with validation's own).
pub fn read_text(path: &Path) -> Result<(Arc<SourceFile>, Vec<Diagnostic>), Diagnostics> {
    let Ok(bytes) = std::fs::read(path) else {
        // The text reader names a missing file or a folder in its words.
        return Ok((SourceFile::read(path)?, Vec::new()));
    };
    if crate::ledger::is_workbook_file(path, &bytes) {
        let ledger = crate::ledger::read::parse(path, &bytes)?;
        let mut problems = ledger.warnings.clone();
        problems.extend(crate::ledger::merge::changed_locked_cells(&ledger).0);
        problems.extend(ledger.errors.iter().cloned());
        return Ok((crate::ledger::to_yaml::source(&ledger), problems));
    }
    Ok((SourceFile::decode(path, &bytes)?, Vec::new()))
}

/// File name endings of the workbooks jianbao reads.
pub const WORKBOOK_EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xlsb", "xls", "et", "ods"];

/// Whether `path` is named like a workbook.
pub fn is_workbook_name(path: &Path) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| WORKBOOK_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()))
}

/// Whether `path` is named like a month's file: YAML or a workbook.
pub fn is_month_file_name(path: &Path) -> bool {
    is_workbook_name(path)
        || path
            .extension()
            .is_some_and(|ext| ext == "yaml" || ext == "yml")
}

/// Parses and validates progress text already read into `file`.
///
/// Invisible characters are removed first, each kind with a warning; the
/// warnings come back in [`Progress::warnings`], or before the errors.
pub fn parse(file: &Arc<SourceFile>, outline: &Outline) -> Result<Progress, Diagnostics> {
    let (file, warnings) = SourceFile::without_invisible(file);
    let with_warnings = |errors: Diagnostics| {
        let mut all = warnings.clone();
        all.extend(errors.0);
        Diagnostics(all)
    };
    let raw = parse_raw(&file).map_err(|error| with_warnings(error.into()))?;
    let mut progress = validate::validate(&file, raw, outline).map_err(with_warnings)?;
    progress.warnings.splice(0..0, warnings);
    Ok(progress)
}

/// Parses the YAML into the file's own types, without checking meanings.
pub fn parse_raw(file: &Arc<SourceFile>) -> Result<file::ProgressFile, Diagnostic> {
    if is_blank_yaml(&file.text) {
        return Err(
            Diagnostic::error(format!("{}：文件是空的 (empty file)", file.path.display()))
                .at(Span::new(Arc::clone(file), 0..0), "这里没有内容")
                .with_help("用 jianbao init --period 2026-12 生成一份填写模板，再逐项填写"),
        );
    }
    // Numbers may be typed as text (`95%`), so they are read untyped; the
    // parser then passes `.nan` and `.inf` on, for validation to refuse at
    // their place in the clerk's words.
    let options = serde_saphyr::options! {
        non_finite_float_policy: serde_saphyr::NonFiniteFloatPolicy::PassThrough,
    };
    serde_saphyr::from_str_with_options(&file.text, options)
        .map_err(|err| yaml_error::diagnose(file, &err))
}

/// Whether the text holds nothing but blank lines and comments.
fn is_blank_yaml(text: &str) -> bool {
    text.lines().all(|line| {
        let line = line.trim();
        line.is_empty() || line.starts_with('#') || line == "---" || line == "..."
    })
}

/// The newest progress file in `dir`: the greatest `YYYY-MM.yaml` (or
/// `YYYY-MM.xlsx`) by name.
pub fn newest_in(dir: &Path) -> Result<PathBuf, Diagnostic> {
    let entries = std::fs::read_dir(dir).map_err(|err| {
        Diagnostic::error(format!("无法打开文件夹 {}：{err}", dir.display()))
            .with_help("请在 jianbao 项目文件夹里运行，或直接给出进展文件的路径")
    })?;
    entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.file_stem()
                .and_then(|s| s.to_str())
                .is_some_and(|stem| Period::parse(stem).is_some())
                && is_month_file_name(path)
        })
        // The newest month; of a month's YAML and workbook, the YAML.
        .max_by_key(|path| {
            let period = path
                .file_stem()
                .and_then(|s| s.to_str())
                .and_then(Period::parse);
            (period, !is_workbook_name(path))
        })
        .ok_or_else(|| {
            Diagnostic::error(format!(
                "文件夹 {} 里没有月度进展文件 (no progress file)",
                dir.display()
            ))
            .with_help(
                "进展文件按月份命名，例如 2026-11.yaml 或 2026-11.xlsx；可用 jianbao init 生成",
            )
        })
}
