//! Messages about the user's input: what is wrong, where, and how to fix it.
//!
//! Every problem found in a speech or progress file becomes a [`Diagnostic`]
//! carrying the file, a byte span, a Chinese message and at least one line of
//! help. `main` prints them with [`Diagnostic::render`] (the offending line is
//! shown, as compilers do) and exits with code 1 when any is an error.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::{self, Files, SimpleFile};
use codespan_reporting::term;

use crate::source::SourceFile;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The input cannot be used; nothing is written.
    Error,
    /// The input is usable but probably not what the clerk meant.
    Warning,
}

/// A place in a source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The file the range points into.
    pub file: Arc<SourceFile>,
    /// Byte range into `file.text`.
    pub range: Range<usize>,
}

impl Span {
    /// A span over `range`, clamped to the file and to character boundaries.
    pub fn new(file: Arc<SourceFile>, range: Range<usize>) -> Self {
        let text = &file.text;
        let start = floor_char_boundary(text, range.start.min(text.len()));
        let end = floor_char_boundary(text, range.end.clamp(start, text.len()));
        Self {
            file,
            range: start..end,
        }
    }

    /// One-based line and column (in characters) of the span's start.
    pub fn line_column(&self) -> (usize, usize) {
        let before = &self.file.text[..self.range.start];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        (line, column)
    }
}

/// For text jianbao made from a workbook: which cell each span came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CellMap {
    /// Spans of the text and their cells; nested spans are allowed, the
    /// smallest that holds a place wins.
    pub entries: Vec<CellEntry>,
}

/// A span of generated text and the cell (or row, or sheet) behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellEntry {
    /// Byte range into the generated text.
    pub range: Range<usize>,
    /// The place as shown: `台账!K12（推进状态）`, `台账!第12行`, `指标表`.
    pub cell: String,
    /// What the row is about, shown on the next line: `任务：河（湖）长制`.
    pub context: Option<String>,
}

impl CellMap {
    /// The smallest entry holding `offset`.
    pub fn locate(&self, offset: usize) -> Option<&CellEntry> {
        self.entries
            .iter()
            .filter(|entry| {
                entry.range.contains(&offset)
                    || (entry.range.is_empty() && entry.range.start == offset)
            })
            .min_by_key(|entry| entry.range.len())
    }
}

/// Largest char boundary not after `index`.
fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// One problem, located and explained.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, Chinese first.
    pub message: String,
    /// Where it is, with a short label shown under the offending text
    /// (boxed: most results never hold a diagnostic, so keep them small).
    pub primary: Option<Box<(Span, String)>>,
    /// How to fix it; each entry is printed as a `帮助` line.
    pub help: Vec<String>,
    /// Further facts (candidates, allowed values).
    pub notes: Vec<String>,
}

impl Diagnostic {
    /// A new error with a message and nothing else yet.
    pub fn error(message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            message: message.into(),
            primary: None,
            help: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// A new warning with a message and nothing else yet.
    pub fn warning(message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(message)
        }
    }

    /// Points the diagnostic at `span` with a short label.
    pub fn at(mut self, span: Span, label: impl Into<String>) -> Self {
        self.primary = Some(Box::new((span, label.into())));
        self
    }

    /// Adds a line saying how to fix the problem.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help.push(help.into());
        self
    }

    /// Adds a line of further information.
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// Whether this diagnostic stops the command.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// One-based line and column of the primary span, if there is one.
    pub fn line_column(&self) -> Option<(usize, usize)> {
        self.primary.as_ref().map(|primary| primary.0.line_column())
    }

    /// Renders the diagnostic as plain text: header, `file:line:column`, the
    /// offending line with a marker, then notes and help.
    pub fn render(&self) -> String {
        let severity = match self.severity {
            Severity::Error => cs::Severity::Error,
            Severity::Warning => cs::Severity::Warning,
        };
        let mut notes: Vec<String> = self.notes.iter().map(|n| format!("说明：{n}")).collect();
        notes.extend(self.help.iter().map(|h| format!("帮助：{h}")));
        let diagnostic = cs::Diagnostic::new(severity)
            .with_message(&self.message)
            .with_notes(notes);
        let config = term::Config::default();
        if let Some((span, label)) = self.primary.as_deref()
            && let Some(cells) = &span.file.cells
            && let Some(entry) = cells.locate(span.range.start)
        {
            return self.render_at_cell(span, label, entry);
        }
        let rendered = match self.primary.as_deref() {
            Some((span, label)) => {
                let excerpt = Excerpt::new(span);
                let diagnostic = diagnostic.with_labels(vec![
                    cs::Label::primary((), excerpt.label.clone()).with_message(label),
                ]);
                term::emit_into_string(&config, &excerpt, &diagnostic)
            }
            None => {
                let file = SimpleFile::new(String::new(), "");
                term::emit_into_string(&config, &file, &diagnostic)
            }
        };
        // Rendering only fails when a span lies outside its file, which
        // `Span::new` prevents; fall back to the bare message all the same.
        rendered.unwrap_or_else(|_| format!("{}\n", self.message))
    }
}

impl Diagnostic {
    /// Renders a diagnostic about text made from a workbook: the message
    /// led by `file › sheet!cell（header）`, what the row is about and the
    /// label on the next lines, then notes and help, with the YAML field
    /// names retold as the workbook's headers.
    fn render_at_cell(&self, span: &Span, label: &str, entry: &CellEntry) -> String {
        let severity = match self.severity {
            Severity::Error => cs::Severity::Error,
            Severity::Warning => cs::Severity::Warning,
        };
        let file = crate::ledger::file_name(&span.file.path);
        let retell = crate::ledger::columns::retell;
        let mut notes = Vec::new();
        notes.extend(entry.context.clone());
        if !label.is_empty() {
            notes.push(retell(label));
        }
        notes.extend(self.notes.iter().map(|n| format!("说明：{}", retell(n))));
        notes.extend(self.help.iter().map(|h| format!("帮助：{}", retell(h))));
        let diagnostic = cs::Diagnostic::new(severity)
            .with_message(format!(
                "{file} › {}：{}",
                entry.cell,
                retell_message(&self.message)
            ))
            .with_notes(notes);
        let empty = SimpleFile::new(String::new(), "");
        term::emit_into_string(&term::Config::default(), &empty, &diagnostic)
            .unwrap_or_else(|_| format!("{}\n", self.message))
    }
}

/// A message retold in the workbook's terms, but for its closing English
/// gloss, which keeps the English field names.
fn retell_message(message: &str) -> String {
    match message.rsplit_once(" (") {
        Some((chinese, english)) if english.is_ascii() => {
            format!("{} ({english}", crate::ledger::columns::retell(chinese))
        }
        _ => crate::ledger::columns::retell(message),
    }
}

/// Characters of a long line shown around the start of a span.
const EXCERPT_CHARS: usize = 60;
/// Characters shown before the span's start when a long line is cut.
const EXCERPT_LEAD: usize = 20;

/// The one line of a file a diagnostic shows, cut to a window around the
/// span when the line is long, so that a megabyte on one line (a binary
/// file, a pasted document) prints as a short excerpt. Line and column
/// numbers stay those of the whole file.
struct Excerpt {
    /// The file's name as the user gave it.
    name: String,
    /// The shown text: the line, or a window of it between `…` marks.
    text: String,
    /// The span within `text`, clipped to the window.
    label: Range<usize>,
    /// The line's one-based number in the file.
    line: usize,
    /// The one-based column (in characters) of the first shown character
    /// after the leading `…`.
    first_column: usize,
    /// Bytes of the leading `…` mark (0 when the line is shown from its start).
    lead_len: usize,
}

impl Excerpt {
    /// The excerpt of the line holding the start of `span`.
    fn new(span: &Span) -> Self {
        let text = &span.file.text;
        let start = span.range.start;
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line = &text[line_start..line_end];
        let (line_number, column) = span.line_column();
        // The label stays on the span's first line.
        let end = span.range.end.min(line_end);
        let window_start = if line.chars().count() > EXCERPT_CHARS + EXCERPT_LEAD {
            let lead: usize = text[line_start..start]
                .chars()
                .rev()
                .take(EXCERPT_LEAD)
                .map(char::len_utf8)
                .sum();
            start - lead
        } else {
            line_start
        };
        let window_end = text[window_start..line_end]
            .char_indices()
            .nth(EXCERPT_CHARS + EXCERPT_LEAD)
            .map_or(line_end, |(i, _)| window_start + i)
            .max(start);
        let lead = if window_start > line_start { "…" } else { "" };
        let tail = if window_end < line_end { "…" } else { "" };
        let shown = format!("{lead}{}{tail}", &text[window_start..window_end]);
        let offset = |byte: usize| lead.len() + byte.clamp(window_start, window_end) - window_start;
        Self {
            name: span.file.path.display().to_string(),
            label: offset(start)..offset(end),
            text: shown,
            line: line_number,
            first_column: column - text[window_start..start].chars().count(),
            lead_len: lead.len(),
        }
    }
}

impl<'a> Files<'a> for Excerpt {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(&self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(&self.text)
    }

    fn line_index(&'a self, (): (), _byte_index: usize) -> Result<usize, files::Error> {
        Ok(0)
    }

    fn line_number(&'a self, (): (), _line_index: usize) -> Result<usize, files::Error> {
        Ok(self.line)
    }

    fn column_number(
        &'a self,
        (): (),
        _line_index: usize,
        byte_index: usize,
    ) -> Result<usize, files::Error> {
        let from = self.lead_len.min(self.text.len());
        let to = byte_index.clamp(from, self.text.len());
        let shown = self.text.get(from..to).map_or(0, |s| s.chars().count());
        Ok(self.first_column + shown)
    }

    fn line_range(&'a self, (): (), _line_index: usize) -> Result<Range<usize>, files::Error> {
        Ok(0..self.text.len())
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render())
    }
}

/// Every problem found in one pass over the input; errors and warnings together.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// Adds one diagnostic.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    /// The errors alone.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter().filter(|d| d.is_error())
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(diagnostic: Diagnostic) -> Self {
        Self(vec![diagnostic])
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for diagnostic in &self.0 {
            f.write_str(&diagnostic.render())?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_file_line_column_and_help() {
        let file = SourceFile::new("data/progress/2026-11.yaml", "a: 1\npercent: 120\n");
        let diagnostic = Diagnostic::error("完成进度超出范围")
            .at(Span::new(file, 14..17), "应在 0 到 100 之间")
            .with_help("把 percent 改为 0 到 100 之间的数");
        let text = diagnostic.render();
        assert!(text.contains("data/progress/2026-11.yaml:2:10"), "{text}");
        assert!(text.contains("percent: 120"), "{text}");
        assert!(text.contains("帮助：把 percent"), "{text}");
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let file = SourceFile::new("a.yaml", "名称: 简报\n");
        let span = Span::new(file, "名称: ".len().."名称: 简报".len());
        assert_eq!(span.line_column(), (1, 5));
    }

    #[test]
    fn a_long_line_is_shown_as_an_excerpt_with_true_line_and_column() {
        let long = format!("a: 1\nb: {}错{}\n", "长".repeat(5000), "尾".repeat(5000));
        let file = SourceFile::new("big.yaml", &long);
        let start = long.find('错').unwrap();
        let text = Diagnostic::error("坏")
            .at(Span::new(file, start..start + '错'.len_utf8()), "这里")
            .with_help("改")
            .render();
        assert!(text.contains("big.yaml:2:5004"), "{text}");
        assert!(text.contains("…长长") && text.contains("错尾尾"), "{text}");
        assert!(
            text.chars().count() < 1000,
            "{} chars",
            text.chars().count()
        );
    }

    #[test]
    fn a_span_over_many_lines_shows_its_first_line() {
        let file = SourceFile::new("a.yaml", "x: [\n1,\n2,\n3\n");
        let text = Diagnostic::error("坏")
            .at(Span::new(file, 3..14), "这里")
            .render();
        assert!(
            text.contains("a.yaml:1:4") && text.contains("x: ["),
            "{text}"
        );
        assert!(!text.contains("3"), "{text}");
    }

    #[test]
    fn spans_are_clamped_to_char_boundaries() {
        let file = SourceFile::new("a.yaml", "简报");
        let span = Span::new(file, 1..100);
        assert_eq!(span.range, 0..6);
    }
}
