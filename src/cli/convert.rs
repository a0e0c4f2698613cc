//! `jianbao convert`: a month from YAML to a 台账 workbook and back.

use std::path::{Path, PathBuf};

use super::{Failure, load_speech};
use crate::diagnostic::Diagnostic;
use crate::ledger::write::Issue;
use crate::output::write_atomically;

/// What to convert to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Target {
    /// A 台账 workbook.
    Xlsx,
    /// A YAML progress file.
    Yaml,
}

impl Target {
    fn extension(self) -> &'static str {
        match self {
            Target::Xlsx => "xlsx",
            Target::Yaml => "yaml",
        }
    }
}

/// Converts `file` to `target`, written to `out` or beside it.
pub fn run(
    file: &Path,
    target: Target,
    out: Option<&Path>,
    speech: Option<&Path>,
    force: bool,
) -> Result<(), Failure> {
    let ledger = crate::ledger::load(file, || load_speech(speech))?;
    for warning in ledger.problems()? {
        eprint!("{warning}");
    }
    let bytes = match target {
        Target::Xlsx => crate::ledger::write::workbook(&ledger, &Issue::default())?,
        Target::Yaml => crate::ledger::to_yaml::yaml(&ledger).0.into_bytes(),
    };
    if out == Some(Path::new("-")) && target == Target::Yaml {
        print!("{}", String::from_utf8_lossy(&bytes));
        return Ok(());
    }
    let output: PathBuf = out.map_or_else(
        || file.with_extension(target.extension()),
        Path::to_path_buf,
    );
    if output == file {
        return Err(Diagnostic::error(format!(
            "{} 已经是 {} 文件，不用转换 (same file)",
            file.display(),
            target.extension()
        ))
        .with_help("用 --out 指定另一个输出文件")
        .into());
    }
    if output.exists() && !force {
        return Err(Diagnostic::error(format!(
            "{} 已存在，未覆盖 (file exists)",
            output.display()
        ))
        .with_help("确需覆盖时加 --force，或用 --out 指定另一个文件")
        .into());
    }
    write_atomically(&output, &bytes)?;
    eprintln!("已转换：{} → {}", file.display(), output.display());
    Ok(())
}
