//! Turning YAML parser and deserialiser errors into Chinese diagnostics.
//!
//! serde-saphyr reports where a problem is and, in English, what it is. The
//! clerk needs the same place and, in Chinese, what to change. The common
//! cases (unknown field, missing field, wrong type, duplicate key, tabs in
//! indentation) get a message and a fix of their own; the rest keep the
//! parser's English text behind a Chinese heading.

use std::sync::Arc;

use serde_saphyr::{Error, Location, MessageFormatter, Spanned};

use crate::diagnostic::{Diagnostic, Span};
use crate::source::SourceFile;

/// A span covering the node a `Spanned` value came from.
pub fn span_of<T>(file: &Arc<SourceFile>, value: &Spanned<T>) -> Span {
    location_span(file, value.referenced)
}

/// A span for a saphyr location: its byte range, at least one character wide.
pub fn location_span(file: &Arc<SourceFile>, location: Location) -> Span {
    let span = location.span();
    let start = span
        .byte_offset()
        .and_then(|offset| usize::try_from(offset).ok())
        .unwrap_or_else(|| offset_of_line_column(&file.text, location.line(), location.column()));
    let len = span
        .byte_len()
        .and_then(|len| usize::try_from(len).ok())
        .unwrap_or(0);
    let end = if len == 0 {
        file.text[start.min(file.text.len())..]
            .chars()
            .next()
            .map_or(start, |c| start + c.len_utf8())
    } else {
        start + len
    };
    Span::new(Arc::clone(file), start..end)
}

/// Byte offset of a one-based line and character column.
fn offset_of_line_column(text: &str, line: u64, column: u64) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(usize::try_from(line.saturating_sub(1)).unwrap_or(usize::MAX))
        .map(str::len)
        .sum();
    let rest = &text[line_start..];
    let skip = usize::try_from(column.saturating_sub(1)).unwrap_or(usize::MAX);
    line_start + rest.char_indices().nth(skip).map_or(rest.len(), |(i, _)| i)
}

/// Explains a deserialisation error in the clerk's terms.
pub fn diagnose(file: &Arc<SourceFile>, err: &Error) -> Diagnostic {
    let inner = unwrap_error(err);
    let english = serde_saphyr::DefaultMessageFormatter
        .format_message(inner)
        .into_owned();
    let Some(location) = inner.location().filter(|l| *l != Location::UNKNOWN) else {
        return describe(inner, &english);
    };
    let span = location_span(file, location);
    if let Some(tab) = tab_from(file, span.range.start) {
        return Diagnostic::error("缩进里有 Tab 制表符 (tab in indentation)")
            .at(Span::new(Arc::clone(file), tab..tab + 1), "这里是一个 Tab")
            .with_help("YAML 的缩进只能用空格：把这一行开头的 Tab 换成空格，与同级字段对齐");
    }
    describe(inner, &english).at(span, "问题在这里")
}

/// The first tab used for indentation at or after `offset`, within two lines:
/// the parser reports a stray tab at the end of the line before it.
fn tab_from(file: &SourceFile, offset: usize) -> Option<usize> {
    let line_start = file.text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let mut start = line_start;
    for line in file.text[line_start..].split_inclusive('\n').take(2) {
        let indentation = line.len() - line.trim_start_matches([' ', '\t']).len();
        if let Some(tab) = line[..indentation].find('\t') {
            return Some(start + tab);
        }
        start += line.len();
    }
    None
}

/// The error without the snippet and alias wrappers the parser adds.
fn unwrap_error(mut err: &Error) -> &Error {
    while let Error::WithSnippet { error, .. } | Error::AliasError { error, .. } = err {
        err = error;
    }
    err
}

/// Message and help for an error, by kind.
fn describe(err: &Error, english: &str) -> Diagnostic {
    match err {
        Error::DuplicateMappingKey { key, .. } => {
            let key = key.as_deref().unwrap_or("?");
            Diagnostic::error(format!("字段“{key}”重复出现 (duplicate key)")).with_help(format!(
                "同一层里每个字段只能写一次：删去或合并重复的“{key}”"
            ))
        }
        Error::SerdeUnknownField {
            field, expected, ..
        } => unknown_field(field, expected),
        Error::SerdeMissingField { field, .. } => {
            Diagnostic::error(format!("缺少必填字段“{field}” (missing field)")).with_help(format!(
                "在这一项里加上“{field}: …”；各字段的含义见 README 的“进展文件格式”"
            ))
        }
        Error::SerdeInvalidType { expected, .. } | Error::SerdeInvalidValue { expected, .. } => {
            wrong_type(expected, english)
        }
        Error::InvalidScalar { ty, .. } | Error::Unexpected { expected: ty, .. } => {
            wrong_type(ty, english)
        }
        Error::NullIntoString { .. } => Diagnostic::error("这里不能为空 (empty value)")
            .with_help("在冒号后填上内容；确实没有内容的可选字段，整行删去"),
        Error::Eof { .. } => Diagnostic::error("文件意外结束 (unexpected end of file)")
            .with_help("检查最后几行：引号、括号是否成对，缩进是否完整"),
        _ => Diagnostic::error(format!("YAML 格式错误 (YAML syntax error)：{english}")).with_help(
            "对照 README 中的示例检查这一行：冒号后要有空格，缩进只用空格，同级字段左对齐",
        ),
    }
}

/// An unknown field, with the closest known one suggested.
fn unknown_field(field: &str, expected: &[&str]) -> Diagnostic {
    let mut diagnostic = Diagnostic::error(format!("未知字段“{field}” (unknown field)"));
    let closest = expected
        .iter()
        .map(|name| (strsim::jaro_winkler(field, name), *name))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    diagnostic = match closest {
        Some((_, name)) => diagnostic.with_help(format!("是不是要写“{name}”？")),
        None => diagnostic.with_help("删去这个字段，或改成下面列出的字段之一"),
    };
    if !expected.is_empty() {
        diagnostic = diagnostic.with_note(format!("这里可用的字段：{}", expected.join("、")));
    }
    diagnostic
}

/// A value of the wrong type, with what the field wants in Chinese.
fn wrong_type(expected: &str, english: &str) -> Diagnostic {
    let wanted = if ["f64", "f32", "floating", "float", "number"]
        .iter()
        .any(|t| expected.contains(t))
    {
        "一个数（不带 % 或单位，例如 85）"
    } else if ["u32", "u64", "i32", "i64", "integer"]
        .iter()
        .any(|t| expected.contains(t))
    {
        "一个正整数（例如 11）"
    } else if expected.contains("sequence") {
        "一个列表（每项另起一行，以“- ”开头）"
    } else if expected.contains("struct") || expected.contains("map") {
        "一组“字段: 值”（另起一行，缩进后书写）"
    } else if expected.contains("string") {
        "一段文字"
    } else if expected.contains("bool") {
        "true 或 false"
    } else {
        "其他类型"
    };
    Diagnostic::error(format!("值的类型不对，这里应为{wanted} (wrong type)"))
        .with_help(format!("把这个值改成{wanted}"))
        .with_note(format!("解析器原文：{english}"))
}
