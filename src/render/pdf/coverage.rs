//! Characters of the briefing that no loaded font has: typst would print
//! them as empty boxes, so each one becomes a warning saying where it is.

use std::collections::HashMap;
use std::sync::Arc;

use super::fonts::FontLibrary;
use crate::briefing::{Block, Briefing, Heading, Plot, Row};
use crate::diagnostic::{Diagnostic, Span};
use crate::source::SourceFile;

/// Characters shown on each side of a missing one.
const CONTEXT_CHARS: usize = 6;

/// A character no font has, where it first occurs and how often.
struct Missing {
    /// The character.
    c: char,
    /// Its first place, with a few characters around it.
    first: String,
    /// How many times it occurs.
    count: usize,
}

/// One warning per distinct character of `briefing` that no face of `fonts`
/// covers, in order of first appearance; each points at the character in
/// the first of `sources` (the files the briefing's text came from) that
/// has it.
pub(super) fn missing_characters(
    briefing: &Briefing,
    fonts: &FontLibrary,
    sources: &[Arc<SourceFile>],
) -> Vec<Diagnostic> {
    let mut found: Vec<Missing> = Vec::new();
    // Each distinct character is looked up in the fonts once: a briefing
    // has some hundred thousand characters but only a few thousand kinds.
    let mut covered: HashMap<char, bool> = HashMap::new();
    for (place, text) in texts(briefing) {
        for (index, c) in text.chars().enumerate() {
            if is_invisible(c) || *covered.entry(c).or_insert_with(|| fonts.covers(c)) {
                continue;
            }
            match found.iter_mut().find(|missing| missing.c == c) {
                Some(missing) => missing.count += 1,
                None => {
                    let chars: Vec<char> = text.chars().collect();
                    found.push(Missing {
                        c,
                        first: describe(&place, &chars, index),
                        count: 1,
                    });
                }
            }
        }
    }
    found
        .iter()
        .map(|missing| match locate(missing.c, sources) {
            Some(span) => warning(missing).at(span, "这个字"),
            None => warning(missing),
        })
        .collect()
}

/// The first place of `c` in `sources`.
fn locate(c: char, sources: &[Arc<SourceFile>]) -> Option<Span> {
    sources.iter().find_map(|file| {
        let start = file.text.find(c)?;
        Some(Span::new(Arc::clone(file), start..start + c.len_utf8()))
    })
}

/// The warning for one missing character.
fn warning(missing: &Missing) -> Diagnostic {
    let code = u32::from(missing.c);
    let diagnostic = Diagnostic::warning(format!(
        "字体中没有“{}”（U+{code:04X}），PDF 里会显示为空框 (no font has this character)",
        missing.c
    ))
    .with_note(format!("位置：{}", missing.first));
    let diagnostic = if missing.count > 1 {
        diagnostic.with_note(format!("共出现 {} 次", missing.count))
    } else {
        diagnostic
    };
    diagnostic
        .with_help("改用常用字或文字说明；确需此字时，用 --font-path 指定含有它的字体所在文件夹")
}

/// Whitespace, controls and format characters draw nothing and need no glyph.
fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{206F}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{E0100}'..='\u{E01EF}')
}

/// `place` and the characters around `chars[index]`, e.g.
/// `正文第3段：“…今年完成𠀀项目…”`.
fn describe(place: &str, chars: &[char], index: usize) -> String {
    let start = index.saturating_sub(CONTEXT_CHARS);
    let end = (index + 1 + CONTEXT_CHARS).min(chars.len());
    let before = if start > 0 { "…" } else { "" };
    let after = if end < chars.len() { "…" } else { "" };
    let excerpt: String = chars[start..end].iter().collect();
    format!("{place}：“{before}{excerpt}{after}”")
}

/// Every printed text of the briefing with the name of its place.
fn texts(briefing: &Briefing) -> Vec<(String, &str)> {
    let masthead = &briefing.masthead;
    let mut texts: Vec<(String, &str)> = vec![
        ("报头名称".into(), &masthead.name),
        ("期号".into(), &masthead.issue),
        ("编印单位".into(), &masthead.office),
        ("报头日期".into(), &masthead.date),
        ("标题".into(), &briefing.title),
        ("页码".into(), &briefing.page_numbers.before),
        ("页码".into(), &briefing.page_numbers.after),
    ];
    if let Some(total) = &masthead.total_issue {
        texts.push(("总期号".into(), total));
    }
    if let Some(note) = &briefing.editor_note {
        texts.push(("按语".into(), &note.label));
        for (n, paragraph) in note.paragraphs.iter().enumerate() {
            texts.push((format!("按语第{}段", n + 1), paragraph));
        }
    }
    block_texts("正文", &briefing.body, &mut texts);
    for attachment in &briefing.attachments {
        texts.push((format!("{}标识", attachment.label), &attachment.label));
        texts.push((format!("{}标题", attachment.label), &attachment.title));
        block_texts(&attachment.label, &attachment.blocks, &mut texts);
    }
    for line in &briefing.imprint.lines {
        texts.push(("报尾".into(), &line.label));
        texts.push((format!("报尾“{}”行", line.label), &line.text));
    }
    texts.push(("报尾".into(), &briefing.imprint.copies));
    texts
}

/// The texts of `blocks`, places named after `prefix` (正文, 附件1 …).
fn block_texts<'a>(prefix: &str, blocks: &'a [Block], texts: &mut Vec<(String, &'a str)>) {
    let mut paragraphs = 0;
    let mut tables = 0;
    let mut charts = 0;
    for block in blocks {
        match block {
            Block::Heading(heading) => {
                heading_texts(&format!("{prefix}标题“{}”", heading.number), heading, texts);
            }
            Block::Paragraph(paragraph) => {
                paragraphs += 1;
                let place = format!("{prefix}第{paragraphs}段");
                if let Some(lead) = &paragraph.lead {
                    heading_texts(&place, lead, texts);
                }
                texts.push((place, &paragraph.text));
            }
            Block::Table(table) => {
                tables += 1;
                let place = format!("{prefix}第{tables}个表格");
                if let Some(caption) = &table.caption {
                    texts.push((format!("{place}的标题"), caption));
                }
                for column in &table.columns {
                    texts.push((format!("{place}表头"), &column.header));
                }
                for (r, row) in table.rows.iter().enumerate() {
                    let row_place = format!("{place}第{}行", r + 1);
                    match row {
                        Row::Cells { cells } => {
                            texts.extend(
                                cells.iter().map(|cell| (row_place.clone(), cell.as_str())),
                            );
                        }
                        Row::Group { title } => texts.push((row_place, title)),
                    }
                }
            }
            Block::Chart(chart) => {
                charts += 1;
                let place = format!("{prefix}第{charts}幅图");
                texts.push((place.clone(), &chart.caption));
                match &chart.plot {
                    Plot::Bars { bars, .. } => {
                        for bar in bars {
                            texts.push((place.clone(), &bar.label));
                            texts.push((place.clone(), &bar.text));
                        }
                    }
                    Plot::Trends {
                        periods, panels, ..
                    } => {
                        texts.extend(periods.iter().map(|p| (place.clone(), p.as_str())));
                        for panel in panels {
                            texts.push((place.clone(), &panel.title));
                            texts.push((place.clone(), &panel.unit));
                        }
                    }
                }
            }
        }
    }
}

/// The number and text of a heading, both under `place`.
fn heading_texts<'a>(place: &str, heading: &'a Heading, texts: &mut Vec<(String, &'a str)>) {
    texts.push((place.to_string(), &heading.number));
    texts.push((place.to_string(), &heading.text));
}
