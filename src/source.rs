//! Reading the user's text files.
//!
//! Clerks save files from Notepad, WPS or Word, so a file may carry a UTF-8
//! byte-order mark, Windows line endings, or be saved in GBK ("ANSI" on a
//! Chinese Windows). [`SourceFile::read`] accepts the first two silently and
//! turns the third into a diagnostic that says how to re-save the file.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Span};

/// A text file as the rest of the program sees it: UTF-8, no BOM, `\n` line ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// The path as the user gave it; used in every message about the file.
    pub path: PathBuf,
    /// The normalised text; spans in diagnostics are byte offsets into it.
    pub text: String,
}

impl SourceFile {
    /// Wraps text that did not come from disk (tests, built-in data).
    pub fn new(path: impl Into<PathBuf>, text: &str) -> Arc<Self> {
        Arc::new(Self {
            path: path.into(),
            text: normalise(text),
        })
    }

    /// Reads and decodes a file, refusing directories and non-UTF-8 content.
    pub fn read(path: &Path) -> Result<Arc<Self>, Diagnostic> {
        if path.is_dir() {
            return Err(Diagnostic::error(format!(
                "“{}”是一个文件夹，不是文件 (is a directory)",
                path.display()
            ))
            .with_help("请给出文件的路径，例如 data/progress/2026-11.yaml"));
        }
        let bytes = std::fs::read(path).map_err(|err| io_error(path, &err))?;
        Self::decode(path, &bytes)
    }

    /// Decodes raw bytes read from `path`.
    pub fn decode(path: &Path, bytes: &[u8]) -> Result<Arc<Self>, Diagnostic> {
        match std::str::from_utf8(bytes) {
            Ok(text) => Ok(Self::new(path, text)),
            Err(err) => Err(not_utf8(path, bytes, err.valid_up_to())),
        }
    }
}

/// Strips a leading BOM and turns CRLF and lone CR into LF.
fn normalise(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Describes a failed read in the user's terms.
fn io_error(path: &Path, err: &std::io::Error) -> Diagnostic {
    let (what, help) = match err.kind() {
        std::io::ErrorKind::NotFound => (
            "找不到文件 (file not found)",
            "请检查路径和文件名是否正确；相对路径从当前文件夹算起",
        ),
        std::io::ErrorKind::PermissionDenied => (
            "没有读取权限 (permission denied)",
            "请检查文件权限，或把文件复制到自己有权限的文件夹",
        ),
        _ => (
            "无法读取 (cannot read)",
            "请确认文件存在且没有被其他程序占用",
        ),
    };
    Diagnostic::error(format!("{}：{what}：{err}", path.display())).with_help(help)
}

/// Builds the "save as UTF-8" diagnostic, pointing at the first bad byte.
///
/// When the bytes decode cleanly as GBK, the message says so and the snippet
/// shows the GBK-decoded text, so the clerk sees their own words.
fn not_utf8(path: &Path, bytes: &[u8], valid_up_to: usize) -> Diagnostic {
    let (gbk_text, _, gbk_failed) = encoding_rs::GBK.decode(bytes);
    let looks_like_gbk = !gbk_failed;
    let shown = if looks_like_gbk {
        normalise(&gbk_text)
    } else {
        normalise(&String::from_utf8_lossy(bytes))
    };
    // The offset of the bad byte in the decoded text: decode the valid prefix.
    let prefix_len = if looks_like_gbk {
        let prefix = bytes.get(..valid_up_to).unwrap_or_default();
        normalise(&encoding_rs::GBK.decode(prefix).0).len()
    } else {
        normalise(&String::from_utf8_lossy(
            bytes.get(..valid_up_to).unwrap_or_default(),
        ))
        .len()
    };
    let end = shown[prefix_len..]
        .chars()
        .next()
        .map_or(prefix_len, |c| prefix_len + c.len_utf8());
    let file = Arc::new(SourceFile {
        path: path.to_path_buf(),
        text: shown,
    });
    let message = if looks_like_gbk {
        "文件不是 UTF-8 编码，看起来是 GBK/GB2312（记事本里的“ANSI”） (not UTF-8; looks like GBK)"
    } else {
        "文件不是 UTF-8 编码的文本 (not valid UTF-8 text)"
    };
    Diagnostic::error(message)
        .at(Span::new(file, prefix_len..end), "从这里开始无法按 UTF-8 读取")
        .with_help(
            "请另存为 UTF-8：记事本“文件 → 另存为”，编码选“UTF-8”；WPS/Word 另存为“纯文本”并选 UTF-8",
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_and_crlf_are_normalised() {
        let file = SourceFile::decode(Path::new("a.yaml"), "\u{feff}a: 1\r\nb: 2\r\n".as_bytes())
            .expect("valid UTF-8");
        assert_eq!(file.text, "a: 1\nb: 2\n");
    }

    #[test]
    fn gbk_bytes_are_recognised_and_located() {
        let (gbk, _, _) = encoding_rs::GBK.encode("name: 简报\nperiod: 2026-11\n");
        let err = SourceFile::decode(Path::new("m.yaml"), &gbk).expect_err("GBK is not UTF-8");
        assert!(err.message.contains("GBK"), "{}", err.message);
        let (line, column) = err.line_column().expect("has a location");
        assert_eq!((line, column), (1, 7));
        assert!(err.help.iter().any(|h| h.contains("UTF-8")));
    }

    #[test]
    fn a_directory_is_refused() {
        let err = SourceFile::read(Path::new(".")).expect_err("a directory");
        assert!(err.message.contains("文件夹"));
    }
}
