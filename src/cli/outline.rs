//! `jianbao outline`: the speech as the rest of jianbao sees it.

use std::path::Path;
use std::sync::Arc;

use super::{Failure, load_speech};
use crate::diagnostic::{Diagnostic, Span};
use crate::source::SourceFile;
use crate::speech::{MARKERS, NEXT_STEP_PHRASES, Node, Outline, Structure};

/// Prints the outline tree (or JSON) of the speech.
pub fn run(speech: Option<&Path>, json: bool) -> Result<(), Failure> {
    let outline = load_speech(speech)?;
    if json {
        let text = serde_json::to_string_pretty(&outline)
            .expect("the outline holds only strings and lists");
        println!("{text}");
    } else {
        print!("{outline}");
    }
    Ok(())
}

/// A warning when the speech has no enumeration: its commitments were
/// taken from its 下一步 paragraph, or it has none at all. Every command
/// that reads the speech prints it.
pub(super) fn structure_warning(outline: &Outline, file: &Arc<SourceFile>) -> Option<Diagnostic> {
    let looked_for = format!(
        "查找的标记：{MARKERS}（同一种至少两项）；没有这些标记时，查找以{}开头、写有具体工作的段落",
        quoted_list(NEXT_STEP_PHRASES)
    );
    match outline.structure {
        Structure::Enumerated => None,
        Structure::NextSteps => Some(next_steps_warning(outline, file, looked_for)),
        Structure::Unstructured => Some(
            Diagnostic::warning("讲话中没有找到任何承诺 (no commitments found in the speech)")
                .at(whole_title(file), "这篇讲话没有分条的标记，也没有“下一步”段落")
                .with_note(looked_for)
                .with_note(
                    "这样的讲话，jianbao init 无法列出承诺和任务，jianbao build 生成的简报没有“重点任务推进情况”",
                )
                .with_help(
                    "在讲话文件中每项承诺的开头加上“一是”“二是”……（或让每项承诺另起一段，以“一、”“二、”开头）；\
                     或把要做的工作写成以“下一步，”开头的一段。改好后运行 jianbao outline 核对",
                ),
        ),
    }
}

/// The warning for a speech read by its 下一步 paragraphs.
fn next_steps_warning(outline: &Outline, file: &Arc<SourceFile>, looked_for: String) -> Diagnostic {
    let first = outline.commitments().into_iter().next();
    let mut warning = Diagnostic::warning(
        "讲话中没有分条的标记，承诺取自以“下一步”等开头的段落 (commitments taken from the next-steps paragraph)",
    );
    if let Some(part) = first {
        let span = paragraph_span(file, part).unwrap_or_else(|| whole_title(file));
        warning = warning.at(
            span,
            format!("这一段作为承诺“{}”，其中每个工作分句是一项任务", part.label),
        );
    }
    warning
        .with_note(format!("{looked_for}。这篇讲话没有分条的标记"))
        .with_help(
            "运行 jianbao outline 核对各项任务；如果承诺不在这一段或分得不对，\
             在讲话文件中每项承诺的开头加上“一是”“二是”……",
        )
}

/// The span of the line where the paragraph of `part` starts (its marker).
fn paragraph_span(file: &Arc<SourceFile>, part: &Node) -> Option<Span> {
    let text_start: String = part.text.chars().take(8).collect();
    let mut offset = 0;
    for line in file.text.split_inclusive('\n') {
        let trimmed = line.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        if trimmed.starts_with(&part.marker) && trimmed.contains(&text_start) {
            let start = offset + line.len() - trimmed.len();
            return Some(Span::new(
                Arc::clone(file),
                start..start + part.marker.len(),
            ));
        }
        offset += line.len();
    }
    None
}

/// The span of the speech's first line.
fn whole_title(file: &Arc<SourceFile>) -> Span {
    let end = file.text.find('\n').unwrap_or(file.text.len());
    Span::new(Arc::clone(file), 0..end)
}

/// “下一步”“下步”… for a message.
fn quoted_list(words: &[&str]) -> String {
    words.iter().map(|word| format!("“{word}”")).collect()
}
