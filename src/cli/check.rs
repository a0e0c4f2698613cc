//! `jianbao check`: validate a month, compare it with the month before,
//! and sum it up.

use std::path::Path;

use super::{Failure, load_speech, progress_path};
use crate::check::{Summary, copied_texts};
use crate::progress::history::earlier_months;

/// Validates the progress file, warns about text copied from the previous
/// month (given, or found beside the file) and prints the summary.
pub fn run(
    progress: Option<&Path>,
    speech: Option<&Path>,
    previous: Option<&Path>,
) -> Result<(), Failure> {
    let outline = load_speech(speech)?;
    let path = progress_path(progress)?;
    let month = crate::progress::load(&path, &outline)?;
    let history = earlier_months(&path, &month, &outline, previous)?;
    let mut warnings = month.warnings.clone();
    warnings.extend(history.warnings);
    if let Some(before) = history.months.last() {
        warnings.extend(copied_texts(&month, before, &outline));
    }
    for warning in &warnings {
        eprint!("{warning}");
    }
    println!("文件：{}", path.display());
    print!("{}", Summary::new(&month, &outline));
    Ok(())
}
