//! `jianbao split`: one workbook per 牵头单位, to send out.

use std::path::{Path, PathBuf};

use super::{Failure, load_speech};
use crate::diagnostic::Diagnostic;
use crate::ledger::columns::TaskField;
use crate::ledger::split::{file_name, split};
use crate::ledger::write::{Issue, workbook};
use crate::output::write_all_atomically;
use crate::progress::Period;

/// The arguments of `jianbao split`.
pub struct Options<'a> {
    /// The month's ledger.
    pub file: &'a Path,
    /// The folder to write into.
    pub out: Option<&'a Path>,
    /// 报送时限, when not the default.
    pub due: Option<&'a str>,
    /// The speech, for a YAML month.
    pub speech: Option<&'a Path>,
    /// Whether existing files may be replaced.
    pub force: bool,
}

/// Writes every unit's workbook, all or none.
pub fn run(options: &Options<'_>) -> Result<(), Failure> {
    let ledger = crate::ledger::load(options.file, || load_speech(options.speech))?;
    for warning in ledger.problems()? {
        eprint!("{warning}");
    }
    let period = ledger
        .info("period")
        .and_then(Period::parse)
        .ok_or_else(|| {
            Diagnostic::error(format!(
                "{}：简报信息中没有可识别的报告月份 (no period)",
                options.file.display()
            ))
            .with_help("在“简报信息”表的“报告月份”一行填写 2026-12 这样的月份")
        })?;
    let due = options.due.map_or_else(
        || format!("{}年{}月25日前", period.year, period.month),
        str::to_string,
    );
    let folder = options.out.map_or_else(
        || {
            let parent = options.file.parent().unwrap_or(Path::new(""));
            parent.join(format!("{period}-下发"))
        },
        Path::to_path_buf,
    );
    let (shares, unassigned) = split(&ledger);
    for index in &unassigned {
        let row = &ledger.tasks[*index];
        eprint!(
            "{}",
            Diagnostic::warning(format!(
                "任务“{}”没有牵头单位，未分发给任何单位 (no lead unit)",
                row.name()
            ))
            .with_help("在台账的“牵头单位”列填上单位后重新拆分")
        );
    }
    if shares.is_empty() {
        return Err(
            Diagnostic::error("台账中没有填了牵头单位的任务，无法拆分 (nothing to split)")
                .with_help("先在“牵头单位”列填写各任务的牵头单位")
                .into(),
        );
    }
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    for share in &shares {
        let path = folder.join(file_name(&period.to_string(), &share.unit));
        if path.exists() && !options.force {
            return Err(Diagnostic::error(format!(
                "{} 已存在，未覆盖 (file exists)",
                path.display()
            ))
            .with_help("确需重新拆分时加 --force，或用 --out 指定另一个文件夹")
            .into());
        }
        let issue = Issue {
            unit: Some(&share.unit),
            due: Some(&due),
        };
        let mut ledger = share.ledger.clone();
        ledger.stamp.due = Some(due.clone());
        files.push((path, workbook(&ledger, &issue)?));
    }
    std::fs::create_dir_all(&folder).map_err(|err| {
        Diagnostic::error(format!("无法建立文件夹 {}：{err}", folder.display()))
            .with_help("请检查路径和写入权限")
    })?;
    write_all_atomically(&files)?;
    eprintln!(
        "已按牵头单位拆分为 {} 个台账，在 {}：",
        shares.len(),
        folder.display()
    );
    for (share, (path, _)) in shares.iter().zip(&files) {
        let rows = share.ledger.tasks.len();
        let names: Vec<&str> = share
            .ledger
            .tasks
            .iter()
            .map(|t| t.text(TaskField::Task))
            .collect();
        eprintln!(
            "  {}（{rows} 项）：{}",
            crate::ledger::file_name(path),
            names.join("、")
        );
    }
    eprintln!(
        "报送时限：{due}。收回后运行 jianbao merge {} <收回的文件或文件夹>",
        options.file.display()
    );
    Ok(())
}
