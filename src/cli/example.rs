//! `jianbao example [DIR]`: a complete example folder written from data
//! built into the program, so that an installed `jianbao` has something to
//! try in an empty folder: `jianbao example 试用 && cd 试用 && jianbao build`.

use std::path::{Path, PathBuf};

use super::Failure;
use crate::diagnostic::Diagnostic;
use crate::output::write_all_atomically;

/// The folder written when none is given.
pub const DEFAULT_DIR: &str = "jianbao-示例";

/// The files of the example, by path inside its folder: the shipped
/// speech and months where `jianbao` looks by default, the county example
/// with its style, and a note saying what to run next.
const FILES: [(&str, &str); 11] = [
    ("data/speech.txt", include_str!("../../data/speech.txt")),
    (
        "data/progress/2026-10.yaml",
        include_str!("../../data/progress/2026-10.yaml"),
    ),
    (
        "data/progress/2026-11.yaml",
        include_str!("../../data/progress/2026-11.yaml"),
    ),
    (
        "data/progress/progress.schema.json",
        include_str!("../../data/progress/progress.schema.json"),
    ),
    (
        "examples/county/speech.txt",
        include_str!("../../examples/county/speech.txt"),
    ),
    (
        "examples/county/style.toml",
        include_str!("../../examples/county/style.toml"),
    ),
    (
        "examples/county/progress/2026-10.yaml",
        include_str!("../../examples/county/progress/2026-10.yaml"),
    ),
    (
        "examples/county/progress/2026-11.yaml",
        include_str!("../../examples/county/progress/2026-11.yaml"),
    ),
    (
        "examples/county/progress/progress.schema.json",
        include_str!("../../data/progress/progress.schema.json"),
    ),
    (
        "examples/county/README.md",
        include_str!("../../examples/county/README.md"),
    ),
    ("说明.txt", NOTE),
];

/// What to do with the folder, for a clerk who has just made it.
const NOTE: &str = "\
jianbao 示例文件夹
==================

data/speech.txt              领导讲话（简报对照的承诺都来自这里）
data/progress/2026-11.yaml   11 月进展（2026-10.yaml 是 10 月的，用于“较上月”）
examples/county/             第二个示例：县级办公室，讲话按“一、（一）”分条，自带版式

在这个文件夹里运行：

  jianbao build        生成 11 月简报：out/ 中的 PDF 和 DOCX
  jianbao check        检查进展文件，汇总各项任务的状态
  jianbao outline      查看讲话提纲：进展文件中填写的编号和简称
  jianbao init --period 2026-12 --from data/progress/2026-11.yaml
                       生成 12 月的进展文件，逐项填写后再 build

县级示例：

  jianbao build examples/county/progress/2026-11.yaml --speech examples/county/speech.txt --style examples/county/style.toml --out out/county

每个命令加 --help 查看全部选项。
";

/// Writes the example into `dir` (or [`DEFAULT_DIR`]): all files or none,
/// and no existing file replaced unless `force`.
pub fn run(dir: Option<&Path>, force: bool) -> Result<(), Failure> {
    let dir = dir.unwrap_or(Path::new(DEFAULT_DIR));
    let files: Vec<(PathBuf, Vec<u8>)> = FILES
        .iter()
        .map(|(path, text)| (dir.join(path), text.as_bytes().to_vec()))
        .collect();
    let existing: Vec<String> = files
        .iter()
        .filter(|(path, _)| path.exists())
        .map(|(path, _)| path.display().to_string())
        .collect();
    if !existing.is_empty() && !force {
        return Err(Diagnostic::error(format!(
            "{}：示例文件已经存在，未写入任何文件 (files exist)",
            existing.join("、")
        ))
        .with_help("换一个文件夹名（jianbao example 新文件夹），或加 --force 覆盖这些文件")
        .into());
    }
    write_all_atomically(&files)?;
    eprintln!(
        "已生成示例文件夹 {}：进入该文件夹后运行 jianbao build，详见其中的 说明.txt",
        dir.display()
    );
    Ok(())
}
