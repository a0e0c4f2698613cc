//! `jianbao merge`: the units' returns taken into the month's workbook.

use std::path::{Path, PathBuf};

use super::{Failure, load_speech};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::ledger::merge::{self, merge};
use crate::ledger::write::{Issue, workbook};
use crate::output::write_atomically;

/// The arguments of `jianbao merge`.
pub struct Options<'a> {
    /// The month's ledger.
    pub file: &'a Path,
    /// The returned workbooks, or folders of them.
    pub returned: &'a [PathBuf],
    /// Where to write, when not back into `file`.
    pub out: Option<&'a Path>,
    /// Whether returns may replace values already in the month.
    pub replace: bool,
    /// The speech, for a YAML month.
    pub speech: Option<&'a Path>,
    /// Whether `out` may be replaced.
    pub force: bool,
}

/// Merges, reports, and writes the merged month unless something is wrong.
pub fn run(options: &Options<'_>) -> Result<(), Failure> {
    let month = crate::ledger::load(options.file, || load_speech(options.speech))?;
    let mut problems = Diagnostics(month.warnings.clone());
    problems.0.extend(month.errors.iter().cloned());
    let mut returns = Vec::new();
    for path in returned_files(options.returned)? {
        if same_file(&path, options.file) {
            continue;
        }
        match crate::ledger::read::read(&path) {
            Ok(ledger) => {
                problems.0.extend(ledger.warnings.iter().cloned());
                problems.0.extend(ledger.errors.iter().cloned());
                returns.push(ledger);
            }
            Err(errors) => problems.0.extend(errors.0),
        }
    }
    let merged = merge(
        &month,
        &returns,
        merge::Options {
            replace: options.replace,
        },
    );
    problems.0.extend(merged.diagnostics.0);
    if problems.has_errors() {
        return Err(problems.into());
    }
    eprint!("{problems}");
    let output = options.out.unwrap_or(options.file);
    if options.out.is_some()
        && output.exists()
        && !options.force
        && !same_file(output, options.file)
    {
        return Err(Diagnostic::error(format!(
            "{} 已存在，未覆盖 (file exists)",
            output.display()
        ))
        .with_help("确需覆盖时加 --force，或另选一个文件名")
        .into());
    }
    let is_yaml = !crate::progress::is_workbook_name(output);
    let bytes = if is_yaml {
        crate::ledger::to_yaml::yaml(&merged.ledger).0.into_bytes()
    } else {
        workbook(&merged.ledger, &Issue::default())?
    };
    write_atomically(output, &bytes)?;
    eprintln!(
        "已汇总 {} 份台账，{} 个单位已报送，填入 {} 处内容，写入 {}",
        returns.len(),
        merged.reported.len(),
        merged.taken,
        output.display()
    );
    if !merged.missing.is_empty() {
        let list: Vec<&str> = merged
            .missing
            .iter()
            .map(|(unit, _)| unit.as_str())
            .collect();
        eprintln!("未报送单位：{}", list.join("、"));
    }
    eprintln!("下一步：jianbao check {}", output.display());
    Ok(())
}

/// The workbooks named: files as given, folders by the workbooks in them.
fn returned_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Diagnostic> {
    let mut files = Vec::new();
    for path in paths {
        if !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        // Lock files Office leaves while a workbook is open are no returns.
        files.extend(super::files_in(path, |file| {
            crate::progress::is_workbook_name(file)
                && !crate::ledger::file_name(file).starts_with("~$")
        })?);
    }
    Ok(files)
}

/// Whether two paths name the same file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
