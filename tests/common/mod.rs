//! Helpers shared by the integration tests: run the real binary, write inputs.

#![allow(dead_code)] // each test crate uses its own subset of these helpers

use std::path::{Path, PathBuf};
use std::process::Command;

/// What one run of `jianbao` did.
pub struct Run {
    /// Exit code (-1 if killed by a signal).
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

/// Runs the `jianbao` binary in the project folder, where the default data lives.
pub fn jianbao(args: &[&str]) -> Run {
    jianbao_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

/// Runs the `jianbao` binary in `dir`.
pub fn jianbao_in(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_jianbao"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the jianbao binary runs");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Writes `bytes` to `dir/name` and returns the path.
pub fn write_temp(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("temp dir is writable");
    path
}

/// A file of the project, by path relative to its root.
pub fn project_file(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}
