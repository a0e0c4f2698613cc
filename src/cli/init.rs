//! `jianbao init`: write the progress file for a new month, as YAML or as
//! a 台账 workbook (`--xlsx`).

use std::path::{Path, PathBuf};

use super::{DEFAULT_PROGRESS_DIR, Failure, load_speech};
use crate::diagnostic::Diagnostic;
use crate::ledger::write::Issue;
use crate::output::write_atomically;
use crate::progress::Period;
use crate::skeleton::{SCHEMA_FILE_NAME, skeleton};
use crate::source::SourceFile;

/// The arguments of `jianbao init`.
pub struct Options<'a> {
    /// The month, as typed.
    pub period: &'a str,
    /// Last month's file to carry over from.
    pub from: Option<&'a Path>,
    /// The speech, when not the default.
    pub speech: Option<&'a Path>,
    /// Where to write; `-` for stdout.
    pub output: Option<&'a Path>,
    /// Whether an existing file may be replaced.
    pub force: bool,
    /// Whether to write a 台账 workbook instead of YAML.
    pub xlsx: bool,
}

/// Writes the skeleton (and the schema beside it, when absent).
pub fn run(options: &Options<'_>) -> Result<(), Failure> {
    let period = Period::parse(options.period).ok_or_else(|| {
        Diagnostic::error(format!("无法识别的月份“{}” (bad --period)", options.period))
            .with_help("写作 --period 2026-12")
    })?;
    let outline = load_speech(options.speech)?;
    if outline.commitments().is_empty() {
        return Err(Diagnostic::error(
            "讲话中没有可填报的承诺，未生成进展文件 (no commitments in the speech)",
        )
        .with_help(
            "按上面的提示在讲话文件中标出承诺，运行 jianbao outline 核对后再运行 jianbao init",
        )
        .into());
    }
    let previous = options
        .from
        .map(|path| crate::progress::load(path, &outline))
        .transpose()?;
    let text = skeleton(&outline, period, previous.as_ref());
    let extension = if options.xlsx { "xlsx" } else { "yaml" };
    let output = options.output.map_or_else(
        || PathBuf::from(DEFAULT_PROGRESS_DIR).join(format!("{period}.{extension}")),
        Path::to_path_buf,
    );
    if output == Path::new("-") && !options.xlsx {
        print!("{text}");
        return Ok(());
    }
    if output.exists() && !options.force {
        return Err(Diagnostic::error(format!(
            "{} 已存在，未覆盖 (file exists)",
            output.display()
        ))
        .with_help("确需重新生成时加 --force，或用 --output 指定另一个文件")
        .into());
    }
    if options.xlsx {
        let file = SourceFile::new(&output, &text);
        let raw = crate::progress::parse_raw(&file)?;
        let ledger = crate::ledger::from_yaml::ledger(&raw, &outline, previous.as_ref());
        let bytes = crate::ledger::write::workbook(&ledger, &Issue::default())?;
        write_atomically(&output, &bytes)?;
        eprintln!(
            "已生成台账 {}：可用 jianbao split {} 按牵头单位分发，收回后用 jianbao merge 汇总",
            output.display(),
            output.display()
        );
        return Ok(());
    }
    write_atomically(&output, text.as_bytes())?;
    let schema_path = output.with_file_name(SCHEMA_FILE_NAME);
    if !schema_path.exists() {
        write_atomically(&schema_path, super::schema::schema_json().as_bytes())?;
    }
    eprintln!(
        "已生成 {}：请逐项填写本月进展，然后运行 jianbao check {}",
        output.display(),
        output.display()
    );
    Ok(())
}
