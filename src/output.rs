//! Writing output files so that a failure never leaves half a file.
//!
//! Each file is written to a temporary file in the same folder and renamed
//! over the target only when all files of a run are complete, so last
//! month's output survives any failed run. The temporary file is created
//! like any other file, so the output gets the permissions the user's other
//! files get.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;

/// Writes `bytes` to `path` atomically, creating the folder if needed.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    write_all_atomically(&[(path.to_path_buf(), bytes.to_vec())])
}

/// Writes several files as one: each is first written to a temporary file
/// beside it, and only when all of them are complete are they renamed over
/// their targets. A failure on any file (a read-only folder, a folder in
/// place of a file, a full disk) leaves every target as it was, so the PDF
/// and the DOCX of a month never come from different runs.
pub fn write_all_atomically(files: &[(PathBuf, Vec<u8>)]) -> Result<(), Diagnostic> {
    let mut written: Vec<(PathBuf, &Path)> = Vec::new();
    let remove_all = |written: &[(PathBuf, &Path)]| {
        for (temp, _) in written {
            // The temporary files are ours; failing to remove one changes nothing.
            let _ = std::fs::remove_file(temp);
        }
    };
    for (path, bytes) in files {
        match write_temporary(path, bytes) {
            Ok(temp) => written.push((temp, path)),
            Err(err) => {
                remove_all(&written);
                return Err(err);
            }
        }
    }
    for (index, (temp, path)) in written.iter().enumerate() {
        if let Err(err) = std::fs::rename(temp, path) {
            remove_all(&written[index..]);
            return Err(cannot_write(path, &err));
        }
    }
    Ok(())
}

/// The error for a file that cannot be written.
fn cannot_write(path: &Path, err: &dyn std::fmt::Display) -> Diagnostic {
    Diagnostic::error(format!("无法写入 {}：{err} (cannot write)", path.display()))
        .with_help("请检查输出文件夹是否存在、是否有写入权限，或换一个输出位置")
}

/// Writes `bytes` to a new temporary file beside `path`, creating the
/// folder if needed, after checking that `path` can be replaced.
fn write_temporary(path: &Path, bytes: &[u8]) -> Result<PathBuf, Diagnostic> {
    let failed = |err: std::io::Error| cannot_write(path, &err);
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    if folder.is_file() {
        return Err(failed(std::io::Error::other(format!(
            "“{}”是一个文件，不是文件夹",
            folder.display()
        ))));
    }
    if path.is_dir() {
        return Err(failed(std::io::Error::other("同名的文件夹已存在")));
    }
    std::fs::create_dir_all(folder).map_err(failed)?;
    let temp = temporary_path(path);
    if let Err(err) = write_new(&temp, bytes) {
        let _ = std::fs::remove_file(&temp);
        return Err(failed(err));
    }
    Ok(temp)
}

/// A hidden name beside `path`, unique to this process.
fn temporary_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

/// Creates `path` (which must not exist), writes and flushes it to disk.
fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_whole_file_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("a.yaml");
        write_atomically(&path, b"first").unwrap();
        write_atomically(&path, b"second").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[test]
    fn a_file_in_place_of_the_folder_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("blocker");
        std::fs::write(&blocker, b"x").unwrap();
        let err = write_atomically(&blocker.join("a.yaml"), b"x").unwrap_err();
        assert!(err.message.contains("无法写入"), "{}", err.message);
    }

    #[test]
    fn when_one_file_fails_none_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let pdf = dir.path().join("a.pdf");
        std::fs::write(&pdf, b"old").unwrap();
        let docx = dir.path().join("a.docx");
        std::fs::create_dir(&docx).unwrap();
        let err = write_all_atomically(&[(pdf.clone(), b"new".to_vec()), (docx, b"x".to_vec())])
            .unwrap_err();
        assert!(err.message.contains("同名的文件夹"), "{}", err.message);
        assert_eq!(std::fs::read(&pdf).unwrap(), b"old");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            2,
            "no temporary file left"
        );
    }

    #[test]
    fn a_folder_in_place_of_the_file_is_an_error_and_stays() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.pdf");
        std::fs::create_dir(&target).unwrap();
        let err = write_atomically(&target, b"x").unwrap_err();
        assert!(err.message.contains("无法写入"), "{}", err.message);
        assert!(target.is_dir());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
