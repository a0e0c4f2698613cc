//! Writing output files so that a failure never leaves half a file.
//!
//! Each file is written to a temporary file in the same folder and renamed
//! over the target only when complete, so last month's output survives any
//! failed run.

use std::io::Write as _;
use std::path::Path;

use crate::diagnostic::Diagnostic;

/// Writes `bytes` to `path` atomically, creating the folder if needed.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let failed = |err: std::io::Error| {
        Diagnostic::error(format!("无法写入 {}：{err} (cannot write)", path.display()))
            .with_help("请检查输出文件夹是否存在、是否有写入权限，或换一个 --output 位置")
    };
    if folder.is_file() {
        return Err(failed(std::io::Error::other(format!(
            "“{}”是一个文件，不是文件夹",
            folder.display()
        ))));
    }
    std::fs::create_dir_all(folder).map_err(failed)?;
    let mut temp = tempfile::Builder::new()
        .prefix(".jianbao-")
        .tempfile_in(folder)
        .map_err(failed)?;
    temp.write_all(bytes).map_err(failed)?;
    temp.as_file().sync_all().map_err(failed)?;
    temp.persist(path).map_err(|err| failed(err.error))?;
    Ok(())
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
}
