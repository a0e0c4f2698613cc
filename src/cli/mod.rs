//! The command line: argument parsing and one function per subcommand.
//!
//! Each subcommand returns `Result<(), Failure>`; [`main`] prints the
//! failure's diagnostics and maps it to the exit code (1 for bad input).

mod batch;
mod build;
mod check;
mod convert;
mod example;
mod fonts;
mod init;
mod manual;
mod merge;
mod outline;
mod schema;
mod split;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::diagnostic::{Diagnostic, Diagnostics, Span};
use crate::source::SourceFile;
use crate::speech::{self, Outline};

/// Where the speech is when no `--speech` is given.
pub const DEFAULT_SPEECH: &str = "data/speech.txt";
/// Where monthly progress files are when none is given.
pub const DEFAULT_PROGRESS_DIR: &str = "data/progress";

/// 简报：把讲话中的工作承诺与每月进展合成公文格式的工作简报。
///
/// jianbao merges a speech with a monthly progress file into an official-style briefing.
#[derive(Debug, Parser)]
#[command(name = "jianbao", version, about, long_about = None)]
#[command(
    after_help = "示例：\n  jianbao build\n  jianbao outline\n  jianbao check data/progress/2026-11.yaml\n  jianbao init --period 2026-12 --from data/progress/2026-11.yaml\n  jianbao init --period 2026-12 --from data/progress/2026-11.yaml --xlsx\n  jianbao split data/progress/2026-12.xlsx\n  jianbao merge data/progress/2026-12.xlsx 收回/"
)]
pub struct Cli {
    /// 要执行的命令 (command)
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// 显示讲话的提纲：各部分、承诺和任务的编号与简称 (print the speech outline)
    Outline {
        /// 讲话文件（默认 data/speech.txt）
        speech: Option<PathBuf>,
        /// 以 JSON 输出 (print JSON)
        #[arg(long)]
        json: bool,
    },
    /// 生成简报：PDF（报领导）和 DOCX（随文附送），可加 PNG 预览 (build the briefing)
    Build {
        /// 进展文件（.yaml 或 .xlsx/.xls/.et/.ods 台账），可给多个，或给文件夹（其中每个进展文件各生成一份，并行）；默认 data/progress/ 中最新的一份
        progress: Vec<PathBuf>,
        /// 讲话文件（默认 data/speech.txt）
        #[arg(long)]
        speech: Option<PathBuf>,
        /// 上月的进展文件（默认在本月文件所在文件夹中按月份查找），用于“较上月”和走势图 (previous month)
        #[arg(long)]
        previous: Option<PathBuf>,
        /// 输出文件夹 (output folder)
        #[arg(long, default_value = "out")]
        out: PathBuf,
        /// 输出格式，逗号分隔：pdf、docx、png (formats)
        #[arg(long, value_delimiter = ',', default_values = ["pdf", "docx"], ignore_case = true)]
        format: Vec<build::Format>,
        /// 模板：内置模板名（jianbao）或自己的 .typ 文件 (template)
        #[arg(long)]
        template: Option<String>,
        /// 存放正式字体（仿宋_GB2312、方正小标宋简体等）的文件夹，可多次给出 (font folder)
        #[arg(long)]
        font_path: Vec<PathBuf>,
        /// 版式文件，覆盖 templates/style.toml 中的默认值 (style overrides)
        #[arg(long)]
        style: Option<PathBuf>,
        /// 按归档标准输出 PDF，如 a-2b（PDF/A-2b）(archival PDF standard)
        #[arg(long, value_name = "STANDARD", ignore_case = true)]
        pdf_standard: Option<crate::render::pdf::Archival>,
        /// 不画图表，只保留文字和表格 (leave the charts out)
        #[arg(long)]
        no_charts: bool,
        /// 另存模板数据（briefing.json、style.json）和内置模板到输出文件夹的 template-data/，供编写模板或用 typst 命令行排版 (write the template's data)
        #[arg(long)]
        template_data: bool,
    },
    /// 列出 PDF 各部分将使用的字体及其来源 (list the faces the PDF will use)
    Fonts {
        /// 存放正式字体的文件夹，可多次给出 (font folder)
        #[arg(long)]
        font_path: Vec<PathBuf>,
        /// 版式文件 (style overrides)
        #[arg(long)]
        style: Option<PathBuf>,
    },
    /// 生成某月的进展文件模板 (write a progress skeleton for a month)
    Init {
        /// 月份，例如 2026-12 (the month)
        #[arg(long)]
        period: String,
        /// 上月的进展文件，从中沿用牵头单位、时限、指标目标等 (carry over from)
        #[arg(long)]
        from: Option<PathBuf>,
        /// 讲话文件（默认 data/speech.txt）
        #[arg(long)]
        speech: Option<PathBuf>,
        /// 输出文件（默认 data/progress/<月份>.yaml；“-” 表示输出到屏幕）
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// 文件已存在时覆盖 (overwrite)
        #[arg(long)]
        force: bool,
        /// 生成台账工作簿（.xlsx），供分发给各牵头单位填写 (write a workbook)
        #[arg(long)]
        xlsx: bool,
    },
    /// 在进展文件（.yaml）和台账工作簿（.xlsx）之间转换，内容不丢失 (convert between YAML and workbook)
    Convert {
        /// 要转换的文件：.yaml，或 .xlsx/.xls/.et/.ods 台账
        file: PathBuf,
        /// 转换成什么：xlsx 或 yaml
        #[arg(long, value_enum, ignore_case = true)]
        to: convert::Target,
        /// 输出文件（默认与原文件同名、换扩展名；“-” 表示把 YAML 输出到屏幕）
        #[arg(long, short)]
        out: Option<PathBuf>,
        /// 讲话文件（默认 data/speech.txt；由 YAML 转台账时用来填编号和任务名称）
        #[arg(long)]
        speech: Option<PathBuf>,
        /// 文件已存在时覆盖 (overwrite)
        #[arg(long)]
        force: bool,
    },
    /// 按牵头单位拆分台账：每个单位一个工作簿，只含本单位牵头的任务 (one workbook per unit)
    Split {
        /// 本月台账（.xlsx，或 .yaml 进展文件）
        file: PathBuf,
        /// 输出文件夹（默认在台账旁边的“<月份>-下发”）
        #[arg(long, short)]
        out: Option<PathBuf>,
        /// 报送时限，印在每个工作簿上（默认“<年>年<月>月25日前”）(due date)
        #[arg(long)]
        due: Option<String>,
        /// 讲话文件（默认 data/speech.txt；拆分 .yaml 时用）
        #[arg(long)]
        speech: Option<PathBuf>,
        /// 文件已存在时覆盖 (overwrite)
        #[arg(long)]
        force: bool,
    },
    /// 汇总各单位报回的台账，列出未报送单位、填报冲突和被改动的锁定内容 (merge the returns)
    Merge {
        /// 本月台账（汇总到这里）
        file: PathBuf,
        /// 各单位报回的台账，文件或文件夹，任意文件名、任意顺序
        #[arg(required = true)]
        returned: Vec<PathBuf>,
        /// 汇总结果写到这个文件（默认写回本月台账）
        #[arg(long, short)]
        out: Option<PathBuf>,
        /// 单位报来的内容与台账中已有的不同时，以单位报来的为准 (replace existing values)
        #[arg(long)]
        replace: bool,
        /// 讲话文件（默认 data/speech.txt；本月文件是 .yaml 时用）
        #[arg(long)]
        speech: Option<PathBuf>,
        /// --out 指定的文件已存在时覆盖 (overwrite)
        #[arg(long)]
        force: bool,
    },
    /// 生成一个完整的示例文件夹：讲话、两个月的进展、县级示例和说明，进入后即可 jianbao build (write an example folder)
    Example {
        /// 文件夹（默认 jianbao-示例）
        dir: Option<PathBuf>,
        /// 文件已存在时覆盖 (overwrite)
        #[arg(long)]
        force: bool,
    },
    /// 输出进展文件的 JSON Schema，供编辑器补全和校验 (print the JSON Schema)
    Schema,
    /// 输出命令行补全脚本，例如 jianbao completions bash > /etc/bash_completion.d/jianbao (shell completions)
    Completions {
        /// 终端类型：bash、zsh、fish、powershell、elvish
        shell: clap_complete::Shell,
    },
    /// 输出 man 手册页（roff 格式），例如 jianbao manpage > jianbao.1 (the man page)
    Manpage,
    /// 检查进展文件并汇总：各状态数量、未填报项、已过时限未完成项 (validate and summarise)
    Check {
        /// 进展文件（.yaml 或台账工作簿；默认 data/progress/ 中最新的一份）
        progress: Option<PathBuf>,
        /// 讲话文件（默认 data/speech.txt）
        #[arg(long)]
        speech: Option<PathBuf>,
        /// 上月的进展文件（默认在同一文件夹中按月份查找），用于发现照抄上月的内容 (previous month)
        #[arg(long)]
        previous: Option<PathBuf>,
    },
}

/// Why a command stopped.
#[derive(Debug)]
pub enum Failure {
    /// The user's input is wrong; the diagnostics say where and how to fix it.
    Input(Diagnostics),
    /// Some files of a batch were wrong; the others were built.
    Batch {
        /// What was wrong, file by file.
        diagnostics: Diagnostics,
        /// How many files failed.
        failed: usize,
        /// How many files there were.
        total: usize,
    },
}

impl From<Diagnostics> for Failure {
    fn from(diagnostics: Diagnostics) -> Self {
        Failure::Input(diagnostics)
    }
}

impl From<Diagnostic> for Failure {
    fn from(diagnostic: Diagnostic) -> Self {
        Failure::Input(diagnostic.into())
    }
}

/// The command-line definition with clap's English headings and built-in
/// flag descriptions replaced by Chinese, in every subcommand.
pub fn localized_command() -> clap::Command {
    localize(Cli::command())
}

fn localize(command: clap::Command) -> clap::Command {
    let has_version = command.get_version().is_some();
    let command = command
        .help_template("{about-with-newline}\n用法 (usage)：{usage}\n\n{all-args}{after-help}")
        .subcommand_help_heading("命令 (commands)")
        .next_help_heading("选项 (options)")
        .disable_help_subcommand(true)
        .mut_args(|arg| {
            let heading = if arg.is_positional() {
                "参数 (arguments)"
            } else {
                "选项 (options)"
            };
            arg.help_heading(heading)
        })
        .disable_help_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help("显示帮助 (print help)"),
        )
        .mut_subcommands(localize);
    if has_version {
        command.disable_version_flag(true).arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help("显示版本 (print version)"),
        )
    } else {
        command
    }
}

/// Parses the arguments, runs the command, prints problems, returns the exit code.
pub fn main() -> ExitCode {
    let parsed = localized_command()
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(err) => return usage_error(&err),
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Input(diagnostics)) => {
            eprint!("{diagnostics}");
            let errors = diagnostics.errors().count();
            eprintln!("共 {errors} 处错误，未生成任何文件。(aborted: {errors} error(s))");
            ExitCode::from(1)
        }
        Err(Failure::Batch {
            diagnostics,
            failed,
            total,
        }) => {
            eprint!("{diagnostics}");
            eprintln!(
                "{total} 份中有 {failed} 份出错，未生成；其余已生成。({failed} of {total} failed)"
            );
            ExitCode::from(1)
        }
    }
}

/// Prints help or version (exit 0) or a usage error (exit 1, as for any bad input).
fn usage_error(err: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        err.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    ) {
        // Printing to a closed pipe is not worth reporting.
        let _ = err.print();
        return ExitCode::SUCCESS;
    }
    eprint!("{}", usage_diagnostic(err));
    ExitCode::from(1)
}

/// A usage error as a diagnostic: what is wrong with which option, in
/// Chinese, the values it takes, and where to read the usage.
fn usage_diagnostic(err: &clap::Error) -> Diagnostic {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let context = |kind| err.get(kind).map(ToString::to_string).unwrap_or_default();
    let list = |kind| match err.get(kind) {
        Some(ContextValue::Strings(values)) => values.join("、"),
        Some(value) => value.to_string(),
        None => String::new(),
    };
    let (arg, value) = (
        context(ContextKind::InvalidArg),
        context(ContextKind::InvalidValue),
    );
    let what = match err.kind() {
        ErrorKind::InvalidValue if value.is_empty() => format!("{arg} 后面缺少值"),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            format!("{arg} 的值“{value}”无效")
        }
        ErrorKind::UnknownArgument => format!("没有这个选项或参数：{arg}"),
        ErrorKind::InvalidSubcommand => format!("没有这个命令：{value}"),
        ErrorKind::MissingRequiredArgument => {
            format!("缺少必需的参数：{}", list(ContextKind::InvalidArg))
        }
        ErrorKind::MissingSubcommand => "缺少命令".to_string(),
        ErrorKind::ArgumentConflict => format!("{arg} 不能与其他选项同时使用"),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            format!("{arg} 的值的个数不对")
        }
        _ => "参数无法识别".to_string(),
    };
    let mut diagnostic = Diagnostic::error(format!("命令行参数有误 (usage error)：{what}"));
    let valid = list(ContextKind::ValidValue);
    if !valid.is_empty() {
        diagnostic = diagnostic.with_note(format!("可选的值：{valid}"));
    }
    let suggested = [
        ContextKind::SuggestedValue,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
    ]
    .into_iter()
    .map(list)
    .find(|s| !s.is_empty());
    if let Some(suggested) = suggested {
        diagnostic = diagnostic.with_help(format!("是不是要写“{suggested}”？"));
    }
    let english = err.render().to_string();
    if let Some(first) = english.lines().next() {
        let first = first.strip_prefix("error: ").unwrap_or(first);
        diagnostic = diagnostic.with_note(format!("原文：{first}"));
    }
    diagnostic.with_help("运行 jianbao --help 或 jianbao <命令> --help 查看用法")
}

/// Runs one parsed command.
pub fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        Command::Build {
            progress,
            speech,
            previous,
            out,
            format,
            template,
            font_path,
            style,
            pdf_standard,
            no_charts,
            template_data,
        } => build::run(&build::Options {
            progress: &progress,
            speech: speech.as_deref(),
            previous: previous.as_deref(),
            out: &out,
            formats: &format,
            template: template.as_deref(),
            font_paths: &font_path,
            style: style.as_deref(),
            pdf_standard,
            charts: !no_charts,
            template_data,
        }),
        Command::Fonts { font_path, style } => fonts::run(&font_path, style.as_deref()),
        Command::Outline { speech, json } => outline::run(speech.as_deref(), json),
        Command::Init {
            period,
            from,
            speech,
            output,
            force,
            xlsx,
        } => init::run(&init::Options {
            period: &period,
            from: from.as_deref(),
            speech: speech.as_deref(),
            output: output.as_deref(),
            force,
            xlsx,
        }),
        Command::Convert {
            file,
            to,
            out,
            speech,
            force,
        } => convert::run(&file, to, out.as_deref(), speech.as_deref(), force),
        Command::Split {
            file,
            out,
            due,
            speech,
            force,
        } => split::run(&split::Options {
            file: &file,
            out: out.as_deref(),
            due: due.as_deref(),
            speech: speech.as_deref(),
            force,
        }),
        Command::Merge {
            file,
            returned,
            out,
            replace,
            speech,
            force,
        } => merge::run(&merge::Options {
            file: &file,
            returned: &returned,
            out: out.as_deref(),
            replace,
            speech: speech.as_deref(),
            force,
        }),
        Command::Example { dir, force } => example::run(dir.as_deref(), force),
        Command::Schema => schema::run(),
        Command::Completions { shell } => manual::completions(shell),
        Command::Manpage => manual::manpage(),
        Command::Check {
            progress,
            speech,
            previous,
        } => check::run(progress.as_deref(), speech.as_deref(), previous.as_deref()),
    }
}

/// Reads and parses the speech at `path`, or the default one.
fn load_speech(path: Option<&Path>) -> Result<Outline, Diagnostic> {
    load_speech_file(path).map(|(outline, _)| outline)
}

/// Reads and parses the speech at `path`, or the default one; also returns
/// its text (without invisible characters, each kind reported as a
/// warning), for messages that point into it. A speech without
/// enumeration is reported as a warning too.
fn load_speech_file(path: Option<&Path>) -> Result<(Outline, Arc<SourceFile>), Diagnostic> {
    let path = path.unwrap_or(Path::new(DEFAULT_SPEECH));
    let (file, warnings) = SourceFile::without_invisible(&speech::read(path)?);
    for warning in &warnings {
        eprint!("{warning}");
    }
    if file.text.trim().is_empty() {
        return Err(Diagnostic::error(format!(
            "{}：讲话文件是空的 (empty speech)",
            path.display()
        ))
        .at(Span::new(Arc::clone(&file), 0..0), "这里没有内容")
        .with_help(
            "把讲话全文粘贴进这个文件，另存为 UTF-8 编码的纯文本；或用 --speech 指定讲话文件",
        ));
    }
    let outline = speech::parse(&file.text);
    if let Some(warning) = outline::structure_warning(&outline, &file) {
        eprint!("{warning}");
    }
    Ok((outline, file))
}

/// The files of `folder` that `wanted` takes, in name order.
fn files_in(folder: &Path, wanted: impl Fn(&Path) -> bool) -> Result<Vec<PathBuf>, Diagnostic> {
    let entries = std::fs::read_dir(folder).map_err(|err| {
        Diagnostic::error(format!("无法打开文件夹 {}：{err}", folder.display()))
            .with_help("请检查文件夹是否存在、是否有读取权限")
    })?;
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|file| file.is_file() && wanted(file))
        .collect();
    found.sort();
    Ok(found)
}

/// The progress file given, or the newest one in the default folder.
fn progress_path(path: Option<&Path>) -> Result<PathBuf, Diagnostic> {
    match path {
        Some(path) => Ok(path.to_path_buf()),
        None => crate::progress::newest_in(Path::new(DEFAULT_PROGRESS_DIR)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_is_well_formed_and_chinese() {
        let mut command = localized_command();
        command.clone().debug_assert();
        let help = command.render_help().to_string();
        assert!(help.contains("命令 (commands)"), "{help}");
        assert!(help.contains("显示帮助"), "{help}");
        let init = command.find_subcommand_mut("init").expect("init exists");
        let help = init.render_help().to_string();
        assert!(
            help.contains("选项 (options)") && help.contains("显示帮助"),
            "{help}"
        );
    }

    #[test]
    fn build_takes_no_charts() {
        let parse = |args: &[&str]| {
            let matches = localized_command()
                .try_get_matches_from(args)
                .expect("valid arguments");
            Cli::from_arg_matches(&matches).expect("a command")
        };
        for (args, expected) in [
            (&["jianbao", "build"][..], false),
            (&["jianbao", "build", "--no-charts"][..], true),
        ] {
            let Command::Build { no_charts, .. } = parse(args).command else {
                panic!("a build command");
            };
            assert_eq!(no_charts, expected, "{args:?}");
        }
        let mut command = localized_command();
        let build = command.find_subcommand_mut("build").expect("build exists");
        let help = build.render_help().to_string();
        assert!(
            help.contains("--no-charts") && help.contains("不画图表"),
            "{help}"
        );
    }
}
