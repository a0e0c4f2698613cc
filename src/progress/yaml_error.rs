//! Turning YAML parser and deserialiser errors into Chinese diagnostics.
//!
//! serde-saphyr reports where a problem is and, in English, what it is. The
//! clerk needs the same place and, in Chinese, what to change. The common
//! cases (unknown field, missing or mis-indented field, wrong type, a number
//! too large, duplicate key, tabs in indentation, an unclosed quote or
//! bracket, a second document, a file that is no progress file at all, and
//! anchors and aliases beyond the parser's safety limits) get a message and
//! a fix of their own, pointing where the clerk has to change something
//! (the open bracket, not the line where the parser gave up); the rest keep
//! the parser's English text behind a Chinese heading.

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
    match inner {
        Error::MultipleDocuments { .. } => return second_document(file, span),
        Error::Budget { breach, .. }
            if !matches!(breach, serde_saphyr::budget::BudgetBreach::Depth { .. }) =>
        {
            // The parser stops at the end of the file; the anchors are the cause.
            let place = first_anchor(file).unwrap_or(span);
            return describe(inner, &english).at(place, "问题从这里开始");
        }
        Error::SerdeMissingField { field, .. } => {
            if let Some(place) = misindented_key(file, span.range.start, field) {
                return Diagnostic::error(format!(
                    "“{field}”的缩进与同级字段不同，没有算在这一项里 (misplaced field)"
                ))
                .at(place, "这一行的缩进不对")
                .with_help("把这一行的缩进改成与上下同级字段相同的空格数");
            }
        }
        Error::Unexpected { expected, .. }
            if expected.contains("mapping") && is_first_content(file, span.range.start) =>
        {
            return Diagnostic::error(
                "这不像进展文件：文件应由“briefing:”“commitments:”等字段组成 (not a progress file)",
            )
            .at(span, "从这里开始就不对")
            .with_help("检查给出的文件是否正确；用 jianbao init 生成模板，或对照 README 中的示例");
        }
        _ => {}
    }
    if is_bracket_error(&english)
        && let Some(open) = unclosed_bracket(file, span.range.start)
    {
        return Diagnostic::error("括号没有闭合 (unclosed bracket)")
            .at(open, "这个括号没有对应的右括号")
            .with_help("在这一行末尾补上对应的“]”或“}”；列表写在一行里时，各项用英文逗号隔开")
            .with_note(format!("解析器原文：{english}"));
    }
    let scalar = file.text[span.range.clone()].trim();
    describe_with_text(inner, &english, scalar).at(span, "问题在这里")
}

/// The first anchor (`&name`) of the file.
fn first_anchor(file: &Arc<SourceFile>) -> Option<Span> {
    let text = &file.text;
    text.match_indices('&')
        .map(|(i, _)| i)
        .find(|&i| {
            let before = text[..i].chars().next_back();
            let after = text[i + 1..].chars().next();
            before.is_none_or(|c| c.is_whitespace() || "[{,:-".contains(c))
                && after.is_some_and(char::is_alphanumeric)
        })
        .map(|i| {
            let end = text[i..]
                .find(|c: char| c.is_whitespace() || ",]}".contains(c))
                .map_or(text.len(), |n| i + n);
            Span::new(Arc::clone(file), i..end)
        })
}

/// Whether `offset` is where the file's first line of content starts
/// (after blank lines, comments and a `---`).
fn is_first_content(file: &SourceFile, offset: usize) -> bool {
    let mut start = 0;
    for line in file.text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !(trimmed.is_empty() || trimmed.starts_with('#') || trimmed == "---") {
            return offset == start + (line.len() - line.trim_start().len());
        }
        start += line.len();
    }
    false
}

/// The error for a file holding more than one YAML document, at the `---`
/// that starts the second.
fn second_document(file: &Arc<SourceFile>, span: Span) -> Diagnostic {
    let text = &file.text;
    let before = &text[..span.range.start];
    let marker = before
        .rmatch_indices("---")
        .find(|(i, _)| *i == 0 || text.as_bytes()[i - 1] == b'\n')
        .map(|(i, _)| Span::new(Arc::clone(file), i..i + 3));
    Diagnostic::error("文件里有不止一份内容（中间用“---”隔开） (more than one YAML document)")
        .at(marker.unwrap_or(span), "第二份从这里开始")
        .with_help("一个进展文件只写一个月：删去“---”及其后重复的内容，或把它另存为单独的文件")
}

/// Where a required `field` that the parser missed is written with the
/// wrong indentation: a line `field:` within a few lines of `offset` whose
/// indentation differs from that of the line at `offset`.
fn misindented_key(file: &Arc<SourceFile>, offset: usize, field: &str) -> Option<Span> {
    let text = &file.text;
    let indentation = |line: &str| line.len() - line.trim_start_matches(' ').len();
    let here = text[..offset].matches('\n').count();
    let lines: Vec<(usize, &str)> = text
        .split_inclusive('\n')
        .scan(0, |start, line| {
            let at = *start;
            *start += line.len();
            Some((at, line))
        })
        .collect();
    let own = indentation(lines.get(here)?.1);
    lines
        .iter()
        .enumerate()
        .filter(|(n, _)| n.abs_diff(here) <= 5)
        .filter(|(_, (_, line))| {
            let key = line.trim_start_matches(' ').trim_start_matches("- ");
            key.strip_prefix(field)
                .is_some_and(|rest| rest.starts_with(':'))
                && indentation(line) != own
        })
        .min_by_key(|(n, _)| n.abs_diff(here))
        .map(|(_, (start, line))| {
            let column = indentation(line);
            Span::new(
                Arc::clone(file),
                start + column..start + column + field.len(),
            )
        })
}

/// Whether the parser's message is about brackets of a one-line list or map.
fn is_bracket_error(english: &str) -> bool {
    [
        "bracket",
        "flow sequence",
        "flow mapping",
        "illegal placement of ':'",
    ]
    .iter()
    .any(|piece| english.contains(piece))
}

/// The `[` or `{` (outside quotes and comments) left open on the last line
/// before `offset` that leaves one open: one-line lists and maps must close
/// on their line.
fn unclosed_bracket(file: &Arc<SourceFile>, offset: usize) -> Option<Span> {
    let mut open: Vec<usize> = Vec::new();
    let mut unclosed = None;
    let mut start = 0;
    for line in file.text.split_inclusive('\n') {
        if start > offset {
            break;
        }
        let mut quote: Option<char> = None;
        for (i, c) in line.char_indices() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '\'' | '"') => quote = Some(c),
                (None, '#') if i == 0 || line[..i].ends_with(' ') => break,
                (None, '[' | '{') => open.push(start + i),
                (None, ']' | '}') => {
                    open.pop();
                }
                _ => {}
            }
        }
        if let Some(&first) = open.first() {
            unclosed = Some(first);
        }
        // A one-line list or map ends with its line.
        open.clear();
        start += line.len();
    }
    unclosed.map(|i| Span::new(Arc::clone(file), i..i + 1))
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

/// Message and help for an error, by kind, told more precisely by the
/// `scalar` text at the error's place where that helps (a number too large).
fn describe_with_text(err: &Error, english: &str, scalar: &str) -> Diagnostic {
    let expected = match err {
        Error::InvalidScalar { ty, .. } => *ty,
        Error::SerdeInvalidType { expected, .. } => expected.as_str(),
        _ => "",
    };
    if ["u32", "u64", "integer"]
        .iter()
        .any(|t| expected.contains(t))
    {
        let digits = scalar.trim_start_matches(['-', '+']);
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            let (message, help) = if scalar.starts_with('-') {
                (
                    "这里不能是负数 (negative number)",
                    "改成 1 或更大的整数，例如 11",
                )
            } else {
                (
                    "这个数太大 (number too large)",
                    "改成一个合理的正整数，例如 11",
                )
            };
            return Diagnostic::error(message).with_help(help);
        }
    }
    let floating = ["f64", "f32", "floating"]
        .iter()
        .any(|t| expected.contains(t));
    if floating && scalar.parse::<f64>().is_ok_and(f64::is_infinite) {
        return Diagnostic::error("这个数太大 (number too large)")
            .with_help("改成一个普通的数，例如 85 或 29.6");
    }
    describe(err, english)
}

/// Message and help for an error, by kind.
fn describe(err: &Error, english: &str) -> Diagnostic {
    match err {
        Error::Budget { breach, .. } => {
            let deep = matches!(breach, serde_saphyr::budget::BudgetBreach::Depth { .. });
            let message = if deep {
                "层次太深，不像进展文件 (nesting too deep)"
            } else {
                "文件太大或“&锚点/*别名”用得太多，为安全起见不再读取 (YAML too large)"
            };
            Diagnostic::error(message).with_help(
                "进展文件只需 README 示例中的几层；不要用 & 和 *，把“*名称”换成实际内容",
            )
        }
        Error::AliasReplayCounterOverflow { .. }
        | Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. } => {
            Diagnostic::error("“*别名”展开得太多，为安全起见不再读取 (too many aliases)")
                .with_help("进展文件不需要 & 和 *：把“*名称”换成实际内容")
        }
        Error::UnknownAnchor { .. } => {
            Diagnostic::error("“*别名”引用了不存在的“&锚点” (unknown anchor)")
                .with_help("进展文件不需要 & 和 *：删去“*名称”，直接写内容")
        }
        _ if english.contains("recursion limit") => {
            Diagnostic::error("括号或缩进的层次太深，不像进展文件 (nesting too deep)").with_help(
                "进展文件只需 README 示例中的几层：删去多余的“[”“{”，对照示例改写",
            )
        }
        _ if english.contains("unclosed quote") => {
            Diagnostic::error("引号没有成对 (unclosed quote)").with_help(
                "在这段文字的末尾补上同样的引号；文字里要用引号时，改用中文引号“”",
            )
        }
        _ if english.contains("trailing content after") => {
            Diagnostic::error("引号后面还有文字 (text after the closing quote)")
                .with_help("把整段文字都放进引号里，或去掉引号")
        }
        _ if english.contains("unknown anchor") => {
            Diagnostic::error("“*别名”引用了不存在的“&锚点” (unknown anchor)")
                .with_help("进展文件不需要 & 和 *：删去“*名称”，直接写内容")
        }
        _ if english.contains("mapping values are not allowed")
            || english.contains("invalid indentation")
            || english.contains("did not find expected key")
            || english.contains("did not find expected '-'") =>
        {
            Diagnostic::error(format!(
                "这一行的缩进或冒号有误 (YAML syntax error)：{english}"
            ))
            .with_help(
                "同级字段左对齐、只用空格缩进；文字里要用冒号时改用中文冒号“：”，或给整段文字加上英文单引号 '…'",
            )
        }
        _ if english.contains("unexpected character") => {
            Diagnostic::error(format!("这里有 YAML 不允许的字符 (YAML syntax error)：{english}"))
                .with_help("给整段文字加上英文单引号 '…'（文字里的单引号写两次 ''）")
        }
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
        "一个数（可带 %，不写单位，例如 85）"
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
