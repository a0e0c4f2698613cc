//! `jianbao check`: validate a month and sum it up.

use std::path::Path;

use super::{Failure, load_speech, progress_path};
use crate::check::Summary;

/// Validates the progress file and prints the summary.
pub fn run(progress: Option<&Path>, speech: Option<&Path>) -> Result<(), Failure> {
    let outline = load_speech(speech)?;
    let path = progress_path(progress)?;
    let progress = crate::progress::load(&path, &outline)?;
    println!("文件：{}", path.display());
    print!("{}", Summary::new(&progress, &outline));
    Ok(())
}
