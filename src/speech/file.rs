//! Reading a speech from disk: plain text, or a Word document (`.docx`),
//! told apart by the file's first bytes rather than its name. Files that
//! hold a speech jianbao cannot read (an old `.doc`/`.wps`, an encrypted
//! document, a PDF, a web page) are refused with how to save them instead.

use std::path::Path;
use std::sync::Arc;

use super::docx;
use crate::diagnostic::Diagnostic;
use crate::source::{COMPOUND_SIGNATURE, SourceFile, ZIP_SIGNATURE, has_stream, mentions};

/// How to save a document so that jianbao reads it.
const SAVE_AS_DOCX: &str = "在 WPS 或 Word 中打开，选“文件 → 另存为”，文件类型选“Word 文档（*.docx）”；\
     也可以把讲话全文复制到记事本，另存为 UTF-8 编码的 .txt";

/// The speech at `path` as text: a `.txt` decoded, a `.docx` read
/// paragraph by paragraph (one a line).
pub fn read(path: &Path) -> Result<Arc<SourceFile>, Diagnostic> {
    match std::fs::read(path) {
        Ok(bytes) => decode(path, &bytes),
        // The text reader names a missing file or a folder in its words.
        Err(_) => SourceFile::read(path),
    }
}

/// [`read`] on bytes already read from `path`.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<Arc<SourceFile>, Diagnostic> {
    if bytes.starts_with(ZIP_SIGNATURE) && mentions(bytes, b"word/") {
        return docx::text(bytes)
            .map(|text| SourceFile::new(path, &text))
            .map_err(|docx::DocxError(why)| refused(path, &format!("Word 文档无法读取：{why}")));
    }
    if let Some(kind) = unreadable(bytes) {
        return Err(refused(path, kind));
    }
    SourceFile::decode(path, bytes)
}

/// What a file is that holds a speech jianbao cannot read, by its bytes.
fn unreadable(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(COMPOUND_SIGNATURE) {
        return Some(if has_stream(bytes, "EncryptedPackage") {
            "这是加了密码的文档，无法读取：请先在 WPS/Word 中取消密码（文件 → 文档加密），再另存为 .docx"
        } else if has_stream(bytes, "WordDocument") {
            "这是旧版 Word 文档或 WPS 文字文档（.doc/.wps），jianbao 只读 .docx 和 .txt"
        } else {
            "这是旧版 Word 文档或其他旧版 Office 文件（.doc/.wps/.xls 一类），jianbao 只读 .docx 和 .txt"
        });
    }
    if bytes.starts_with(b"%PDF") {
        return Some("这是 PDF 文件，其中的文字无法可靠地读出（公文 PDF 常不带文字编码）");
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    if head.starts_with("<html") || head.starts_with("<!doctype html") {
        return Some("这是网页文件（HTML），不是 Word 文档，虽然名字可能是 .doc");
    }
    None
}

/// The error for a speech in a form jianbao cannot read.
fn refused(path: &Path, what: &str) -> Diagnostic {
    Diagnostic::error(format!("{}：{what} (cannot read speech)", path.display()))
        .with_help(SAVE_AS_DOCX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_cannot_be_read_is_named() {
        let compound = |stream: &str| {
            let mut bytes = COMPOUND_SIGNATURE.to_vec();
            bytes.extend(vec![0; 100]);
            bytes.extend(stream.encode_utf16().flat_map(u16::to_le_bytes));
            bytes
        };
        assert!(
            unreadable(&compound("WordDocument"))
                .unwrap()
                .contains(".doc/.wps")
        );
        assert!(
            unreadable(&compound("EncryptedPackage"))
                .unwrap()
                .contains("密码")
        );
        assert!(unreadable(b"%PDF-1.7").unwrap().contains("PDF"));
        assert!(unreadable(b"\n <HTML><body>").unwrap().contains("网页"));
        assert!(unreadable("一、讲话".as_bytes()).is_none());
    }
}
