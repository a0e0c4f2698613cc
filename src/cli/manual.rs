//! `jianbao completions SHELL` and `jianbao manpage`: shell completion
//! scripts and the man page, both generated from the command-line
//! definition itself, so they never disagree with `--help`.

use std::io::Write as _;

use clap::CommandFactory;

use super::{Cli, Failure};
use crate::diagnostic::Diagnostic;

/// Prints the completion script for `shell`.
pub fn completions(shell: clap_complete::Shell) -> Result<(), Failure> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "jianbao", &mut script);
    print(&script)
}

/// Prints the man page (section 1, roff), its subcommands as sections.
pub fn manpage() -> Result<(), Failure> {
    let command = Cli::command();
    let mut page = Vec::new();
    let man = clap_mangen::Man::new(command.clone());
    man.render_title(&mut page).map_err(written)?;
    man.render_name_section(&mut page).map_err(written)?;
    man.render_synopsis_section(&mut page).map_err(written)?;
    man.render_description_section(&mut page).map_err(written)?;
    man.render_options_section(&mut page).map_err(written)?;
    for sub in command.get_subcommands() {
        let name = sub.get_name();
        let about = sub.get_about().map(ToString::to_string).unwrap_or_default();
        page.extend(format!(".SH \"jianbao {name}\"\n{about}\n").as_bytes());
        let sub_man = clap_mangen::Man::new(sub.clone().bin_name(format!("jianbao {name}")));
        sub_man
            .render_synopsis_section(&mut page)
            .map_err(written)?;
        sub_man.render_options_section(&mut page).map_err(written)?;
    }
    man.render_version_section(&mut page).map_err(written)?;
    print(&page)
}

fn written(err: std::io::Error) -> Diagnostic {
    Diagnostic::error(format!("无法生成手册页：{err}"))
}

/// Writes `bytes` to standard output.
fn print(bytes: &[u8]) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(|err| Diagnostic::error(format!("无法输出：{err}")).into())
}
