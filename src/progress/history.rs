//! Earlier months, for the month-over-month figures and the trends.
//!
//! A month's file lives beside the earlier ones (`data/progress/2026-10.yaml`,
//! `2026-11.yaml` …). [`earlier_months`] finds every file named after an
//! earlier month in the same folder, or takes the previous month's file the
//! clerk names with `--previous`. A file found by its name that does not
//! load is left out with a warning (this month's briefing still builds); a
//! file named on the command line must load.

use std::path::{Path, PathBuf};

use super::{Period, Progress, load};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::speech::Outline;

/// The months before the current one, oldest first, and warnings about
/// files that could not be used.
#[derive(Debug, Default)]
pub struct History {
    /// Earlier months, oldest first, one per period.
    pub months: Vec<Progress>,
    /// Files left out, and why.
    pub warnings: Vec<Diagnostic>,
}

/// Loads the months before `current` (read from `path`): `previous` when
/// given, and every `YYYY-MM.yaml` or `YYYY-MM.xlsx` of an earlier month
/// in `path`'s folder.
pub fn earlier_months(
    path: &Path,
    current: &Progress,
    outline: &Outline,
    previous: Option<&Path>,
) -> Result<History, Diagnostics> {
    let period = current.meta.period;
    let mut history = History::default();
    if let Some(previous) = previous {
        let month = load(previous, outline)?;
        if month.meta.period >= period {
            return Err(Diagnostic::error(format!(
                "上月文件 {} 的月份是 {}，不早于本月 {} (previous month is not earlier)",
                previous.display(),
                month.meta.period.chinese(),
                period.chinese()
            ))
            .with_help("--previous 给出的应是更早月份的进展文件，例如 data/progress/2026-10.yaml")
            .into());
        }
        history.months.push(month);
    }
    for file in month_files(path) {
        let Some(named) = period_of(&file) else {
            continue;
        };
        let taken = history.months.iter().any(|m| m.meta.period == named);
        if named >= period || taken {
            continue;
        }
        match load(&file, outline) {
            Ok(month) if month.meta.period == named => history.months.push(month),
            Ok(month) => history.warnings.push(
                Diagnostic::warning(format!(
                    "{} 中填的月份是 {}，与文件名不符，未用于对比 (period differs from file name)",
                    file.display(),
                    month.meta.period.chinese()
                ))
                .with_help("进展文件按所报月份命名，例如 2026年10月的文件叫 2026-10.yaml"),
            ),
            Err(errors) => history.warnings.push(
                Diagnostic::warning(format!(
                    "{} 有 {} 处错误，未用于与上月对比 (earlier month not used)",
                    file.display(),
                    errors.errors().count()
                ))
                .with_help(format!("运行 jianbao check {} 查看并修改", file.display())),
            ),
        }
    }
    history.months.sort_by_key(|m| m.meta.period);
    Ok(history)
}

/// The progress files beside `path` (not `path` itself), by name.
fn month_files(path: &Path) -> Vec<PathBuf> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let own = std::fs::canonicalize(path).ok();
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|file| super::is_month_file_name(file))
        .filter(|file| std::fs::canonicalize(file).ok() != own)
        .collect();
    // Of a month's YAML and workbook, the YAML is taken.
    files.sort_by_key(|file| {
        (
            file.file_stem().map(|s| s.to_os_string()),
            super::is_workbook_name(file),
        )
    });
    files
}

/// The month a file is named after: `2026-10.yaml` → 2026-10.
fn period_of(file: &Path) -> Option<Period> {
    file.file_stem()
        .and_then(|stem| stem.to_str())
        .and_then(Period::parse)
}
