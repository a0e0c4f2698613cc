//! Reading the user's text files.
//!
//! Clerks save files from Notepad, WPS or Word, so a file may carry a UTF-8
//! byte-order mark, Windows line endings, be saved in UTF-16 (Notepad's
//! “Unicode”) or in GBK ("ANSI" on a Chinese Windows), or not be text at
//! all (the Word document instead of the text saved from it).
//! [`SourceFile::read`] accepts the first three silently, and turns the
//! others into a diagnostic that says what the file is and how to re-save
//! it. [`SourceFile::without_invisible`] removes the control characters
//! that text pasted from Word or web pages brings along, saying where.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostic::{CellMap, Diagnostic, Span};

/// A text file as the rest of the program sees it: UTF-8, no BOM, `\n` line ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// The path as the user gave it; used in every message about the file.
    pub path: PathBuf,
    /// The normalised text; spans in diagnostics are byte offsets into it.
    pub text: String,
    /// For text made from a workbook, the cell behind each span, so that
    /// messages name the cell rather than a line of text the clerk never saw.
    pub cells: Option<Arc<CellMap>>,
}

impl SourceFile {
    /// Wraps text that did not come from disk (tests, built-in data).
    pub fn new(path: impl Into<PathBuf>, text: &str) -> Arc<Self> {
        Arc::new(Self {
            path: path.into(),
            text: normalise(text),
            cells: None,
        })
    }

    /// Wraps text generated from the workbook at `path`; `cells` maps its
    /// spans back to the cells. The text is taken as it is.
    pub fn with_cells(path: impl Into<PathBuf>, text: &str, cells: CellMap) -> Arc<Self> {
        Arc::new(Self {
            path: path.into(),
            text: text.to_string(),
            cells: Some(Arc::new(cells)),
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

    /// Decodes raw bytes read from `path`: UTF-8, or UTF-16 (what Notepad
    /// calls “Unicode”), with a byte-order mark or recognisably without.
    /// Other files are refused: a Word document or an image by what it is,
    /// GBK and anything else with advice to re-save it as UTF-8.
    pub fn decode(path: &Path, bytes: &[u8]) -> Result<Arc<Self>, Diagnostic> {
        if let Some(text) = utf16_with_bom(bytes) {
            return Ok(Self::new(path, &text));
        }
        if let Some(kind) = signature(bytes) {
            return Err(not_text(path, kind));
        }
        let many_nuls = has_many_nuls(bytes);
        let utf8 = std::str::from_utf8(bytes);
        if let Ok(text) = utf8
            && !many_nuls
        {
            return Ok(Self::new(path, text));
        }
        let gbk = !many_nuls && !encoding_rs::GBK.decode(bytes).2;
        if !gbk {
            if let Some(text) = utf16_without_bom(bytes) {
                return Ok(Self::new(path, &text));
            }
            if many_nuls || is_garbled(bytes) {
                return Err(not_text(path, "二进制文件（不是文字）"));
            }
        }
        let valid_up_to = utf8.err().map_or(0, |err| err.valid_up_to());
        Err(not_utf8(path, bytes, valid_up_to))
    }

    /// The file without invisible characters (see [`is_invisible`]), and
    /// one warning per distinct character removed, pointing at where its
    /// first occurrence was. The text printed is the same, and the YAML
    /// parser, which refuses control characters, reads the rest.
    pub fn without_invisible(file: &Arc<Self>) -> (Arc<Self>, Vec<Diagnostic>) {
        if !file.text.chars().any(is_invisible) {
            return (Arc::clone(file), Vec::new());
        }
        let mut text = String::with_capacity(file.text.len());
        // Each distinct character: where it was (an offset into `text`) and how often.
        let mut found: Vec<(char, usize, usize)> = Vec::new();
        for c in file.text.chars() {
            if !is_invisible(c) {
                text.push(c);
                continue;
            }
            match found.iter_mut().find(|(seen, _, _)| *seen == c) {
                Some((_, _, count)) => *count += 1,
                None => found.push((c, text.len(), 1)),
            }
        }
        // Text made from a workbook has had these removed cell by cell.
        let clean = Arc::new(Self {
            path: file.path.clone(),
            text,
            cells: None,
        });
        let warnings = found
            .into_iter()
            .map(|(c, offset, count)| {
                let end = clean.text[offset..]
                    .chars()
                    .next()
                    .map_or(offset, |next| offset + next.len_utf8());
                let warning = Diagnostic::warning(format!(
                    "文字中有看不见的字符 U+{:04X}（{}），已删去 (invisible character removed)",
                    u32::from(c),
                    invisible_name(c)
                ))
                .at(Span::new(Arc::clone(&clean), offset..end), "它在这个字之前");
                let warning = if count > 1 {
                    warning.with_note(format!("共出现 {count} 次，都已删去"))
                } else {
                    warning
                };
                warning.with_help(
                    "这类字符常随从 Word、网页复制的文字带入，印出来什么也没有；在编辑器里删去它，这条提示就不再出现",
                )
            })
            .collect();
        (clean, warnings)
    }
}

/// Whether `c` is a character that prints nothing and only causes trouble
/// in a briefing: control characters (but tab and line feed), a byte-order
/// mark inside the text, zero-width spaces, direction overrides, line and
/// paragraph separators, and the two non-characters. They come in with text
/// copied from Word or web pages (Word's manual line break is U+000B).
pub fn is_invisible(c: char) -> bool {
    (c.is_control() && c != '\t' && c != '\n')
        || matches!(
            c,
            '\u{FEFF}'
                | '\u{200B}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{FFFE}'
                | '\u{FFFF}'
        )
}

/// `text` without the characters [`is_invisible`] finds.
pub fn strip_invisible(text: &str) -> String {
    text.chars().filter(|&c| !is_invisible(c)).collect()
}

/// A short Chinese name for an invisible character, for messages.
fn invisible_name(c: char) -> &'static str {
    match c {
        '\u{0}' => "空字符",
        '\u{B}' => "垂直制表符，Word 的手动换行符",
        '\u{C}' => "换页符",
        '\u{1B}' => "转义符",
        '\u{7F}' => "删除符",
        '\u{FEFF}' => "字节顺序标记 BOM",
        '\u{200B}' => "零宽空格",
        '\u{2028}' | '\u{2029}' => "行分隔符",
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' => {
            "文字方向控制符"
        }
        _ => "控制字符",
    }
}

/// The first bytes of a zip archive (`.docx`, `.xlsx`, `.ods` …).
pub const ZIP_SIGNATURE: &[u8] = b"PK\x03\x04";
/// The first bytes of a compound file (`.doc`, `.wps`, `.xls`, `.et`,
/// encrypted Office files).
pub const COMPOUND_SIGNATURE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// Whether `needle` occurs anywhere in `bytes`.
pub fn mentions(bytes: &[u8], needle: &[u8]) -> bool {
    bytes.windows(needle.len()).any(|window| window == needle)
}

/// Whether a compound file names a stream `name` (compound files store
/// their stream names in UTF-16LE).
pub fn has_stream(bytes: &[u8], name: &str) -> bool {
    let name: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
    mentions(bytes, &name)
}

/// Bytes looked at to tell what a file is.
const SNIFF_BYTES: usize = 8192;

/// The text of a UTF-16 file that starts with its byte-order mark.
fn utf16_with_bom(bytes: &[u8]) -> Option<String> {
    let (encoding, _) = encoding_rs::Encoding::for_bom(bytes)?;
    if encoding == encoding_rs::UTF_8 {
        return None;
    }
    let (text, had_errors) = encoding.decode_with_bom_removal(bytes);
    (!had_errors).then(|| text.into_owned())
}

/// The text of a UTF-16 file saved without a byte-order mark (neither
/// UTF-8 nor GBK), when nearly every character it decodes to is one a
/// Chinese text is made of: ASCII, CJK ideographs and punctuation,
/// full-width forms. Other bytes decode to characters all over Unicode.
fn utf16_without_bom(bytes: &[u8]) -> Option<String> {
    let plausible = |text: &str| {
        let total = text.chars().count();
        let usual = text
            .chars()
            .filter(|&c| {
                c.is_ascii_graphic()
                    || c.is_ascii_whitespace()
                    || matches!(c, '\u{3000}'..='\u{303F}' | '\u{4E00}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}' | '\u{2018}'..='\u{201D}' | '…' | '—')
            })
            .count();
        total > 0 && usual * 100 >= total * 95
    };
    [encoding_rs::UTF_16LE, encoding_rs::UTF_16BE]
        .into_iter()
        .find_map(|encoding| {
            let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
            (!had_errors && plausible(&text)).then(|| text.into_owned())
        })
}

/// Kinds of files that are not text, told apart by their first bytes.
const SIGNATURES: [(&[u8], &str); 6] = [
    (b"PK\x03\x04", "Word 文档（.docx）或其他压缩文件"),
    (b"\xD0\xCF\x11\xE0", "旧版 Word 文档（.doc）或 WPS 文档"),
    (b"%PDF", "PDF 文件"),
    (b"{\\rtf", "RTF 文档"),
    (b"\x89PNG", "PNG 图片"),
    (b"\xFF\xD8\xFF", "JPEG 图片"),
];

/// What a file that is not text is, by its first bytes.
fn signature(bytes: &[u8]) -> Option<&'static str> {
    SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, kind)| *kind)
}

/// Whether more than one byte in a hundred of the file's start is NUL:
/// UTF-16 or binary, not UTF-8 text (where a stray NUL is removed later,
/// with a warning).
fn has_many_nuls(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    head.iter().filter(|&&b| b == 0).count() * 100 > head.len()
}

/// Whether the start of a file that is neither UTF-8 nor GBK reads as
/// UTF-8 with more than one character in ten broken: not text at all.
fn is_garbled(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let text = String::from_utf8_lossy(head);
    let broken = text
        .chars()
        .filter(|&c| c == char::REPLACEMENT_CHARACTER)
        .count();
    broken * 10 > text.chars().count()
}

/// The error for a file that is not text at all.
fn not_text(path: &Path, kind: &str) -> Diagnostic {
    Diagnostic::error(format!(
        "{}：这不是纯文本文件，看起来是{kind} (not a text file)",
        path.display()
    ))
    .with_help(
        "请给出纯文本文件：在 Word/WPS 中打开，“另存为”选“纯文本（*.txt）”，编码选 UTF-8；检查路径是否指错了文件",
    )
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
    // GBK decodes the prefix on its own differently where the cut splits a
    // two-byte character: stay inside the text, on a character boundary.
    let prefix_len = shown.floor_char_boundary(prefix_len);
    let end = shown[prefix_len..]
        .chars()
        .next()
        .map_or(prefix_len, |c| prefix_len + c.len_utf8());
    let file = Arc::new(SourceFile {
        path: path.to_path_buf(),
        text: shown,
        cells: None,
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
    fn a_gbk_character_split_by_the_utf8_prefix_is_still_located() {
        // Found by the fuzzer: the UTF-8 prefix ends inside a two-byte GBK
        // character, so the prefix alone decodes to a longer text.
        let bytes = [
            0xe5, 0x9c, 0xa8, 0xa8, 0xe5, 0xe5, 0x85, 0x82, 0x9c, 0xa8, 0xe5, 0xe4,
        ];
        let err = SourceFile::decode(Path::new("s.txt"), &bytes).expect_err("not UTF-8");
        assert!(err.line_column().is_some(), "{err}");
        let _ = err.to_string();
    }

    #[test]
    fn utf16_with_a_bom_is_read() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("讲话\r\n一是".encode_utf16().flat_map(u16::to_le_bytes));
        let file = SourceFile::decode(Path::new("s.txt"), &bytes).expect("UTF-16LE");
        assert_eq!(file.text, "讲话\n一是");
        let mut bytes = vec![0xFE, 0xFF];
        bytes.extend("讲话".encode_utf16().flat_map(u16::to_be_bytes));
        let file = SourceFile::decode(Path::new("s.txt"), &bytes).expect("UTF-16BE");
        assert_eq!(file.text, "讲话");
        let text = "在理论学习中心组的发言：\n一是抓好落实，二是（PM2.5）……\n";
        for bytes in [
            text.encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect::<Vec<u8>>(),
            text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        ] {
            let file = SourceFile::decode(Path::new("s.txt"), &bytes).expect("UTF-16, no BOM");
            assert_eq!(file.text, text);
        }
    }

    #[test]
    fn documents_and_images_are_named() {
        let err =
            SourceFile::decode(Path::new("讲话.docx"), b"PK\x03\x04\x14\x00rest").unwrap_err();
        assert!(err.message.contains("Word 文档"), "{}", err.message);
        let err = SourceFile::decode(Path::new("a.bin"), b"abc\x00\x00\x01\x00def").unwrap_err();
        assert!(err.message.contains("不是纯文本"), "{}", err.message);
        assert!(err.help[0].contains("纯文本"), "{:?}", err.help);
    }

    #[test]
    fn invisible_characters_are_removed_and_located() {
        let file = SourceFile::new("a.yaml", "a: 1\nb: 甲\u{B}乙\u{202E}丙\u{B}\n");
        let (clean, warnings) = SourceFile::without_invisible(&file);
        assert_eq!(clean.text, "a: 1\nb: 甲乙丙\n");
        assert_eq!(warnings.len(), 2);
        assert!(
            warnings[0].message.contains("U+000B"),
            "{}",
            warnings[0].message
        );
        assert_eq!(warnings[0].line_column(), Some((2, 5)));
        assert!(
            warnings[0].notes[0].contains("2 次"),
            "{:?}",
            warnings[0].notes
        );
        assert!(
            warnings[1].message.contains("U+202E"),
            "{}",
            warnings[1].message
        );
        assert_eq!(strip_invisible("甲\u{0}\t乙\n"), "甲\t乙\n");
    }

    #[test]
    fn a_directory_is_refused() {
        let err = SourceFile::read(Path::new(".")).expect_err("a directory");
        assert!(err.message.contains("文件夹"));
    }
}
