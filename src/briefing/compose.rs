//! The merge: speech outline + validated month (+ earlier months) →
//! [`Briefing`].
//!
//! Every sentence the briefing prints is written here or in the section
//! modules this one assembles ([`overview`](super::overview),
//! [`tasks`](super::tasks), [`indicators`](super::indicators),
//! [`followup`](super::followup)). To change a wording, change it there;
//! both the PDF and the DOCX follow.

use super::context::Context;
use super::model::*;
use super::wording::{heading_number, paragraphs, sentence};
use super::{followup, indicators, overview, tasks};
use crate::progress::Progress;
use crate::speech::Outline;

/// Builds the briefing for `month`; `earlier` months (oldest first, may be
/// empty) give the changes since last month and the indicator trends.
pub fn compose(outline: &Outline, month: &Progress, earlier: &[Progress]) -> Briefing {
    let context = Context::new(outline, month, earlier);
    let meta = &month.meta;
    let issue_name = format!("{}年第{}期", meta.period.year, meta.issue);
    let (year, day_month, day) = meta.date.ymd();
    let title = meta.title.clone().unwrap_or_else(|| default_title(month));
    let ledger = tasks::ledger(&context);
    let mut body = vec![Block::paragraph(None, introduction(outline, month))];
    let mut sections = Sections::default();
    sections.add(&mut body, "总体进展", overview::overview(&context));
    sections.add(&mut body, "重点任务推进情况", tasks::commitments(&context));
    sections.add(
        &mut body,
        "重点指标完成情况",
        indicators::indicators(&context),
    );
    sections.add(&mut body, "存在问题", followup::problems(&context));
    sections.add(&mut body, "下步工作", followup::next_steps(&context));
    Briefing {
        document: DocumentInfo {
            title: format!("{} {issue_name}", meta.name),
            author: meta.office.clone(),
            language: "zh-CN".to_string(),
            date: [year, i32::from(day_month), i32::from(day)],
            file_stem: format!("{}-{issue_name}", file_name_part(&meta.name)),
        },
        masthead: Masthead {
            name: meta.name.clone(),
            issue: format!("第{}期", meta.issue),
            total_issue: meta.total_issue.map(|n| format!("（总第{n}期）")),
            office: meta.office.clone(),
            date: meta.date.chinese(),
        },
        editor_note: meta.editor_note.as_deref().map(|note| EditorNote {
            label: "按：".to_string(),
            paragraphs: paragraphs(note),
        }),
        body,
        official: official(month, &title, &ledger),
        attachments: vec![ledger],
        imprint: imprint(month),
        page_numbers: PageNumbers {
            before: "— ".to_string(),
            after: " —".to_string(),
        },
        title,
    }
}

/// Characters a file name may hold at most from the briefing's name: the
/// whole path must stay under Windows' 260 characters.
const MAX_NAME_IN_FILE_NAME: usize = 40;

/// The briefing's name as part of a file name on any system: characters
/// Windows forbids (and path separators, so the file stays in the output
/// folder) become `_`, line breaks and leading dots and spaces go, and a
/// very long name is cut.
fn file_name_part(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .filter(|c| !c.is_control())
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c => c,
        })
        .take(MAX_NAME_IN_FILE_NAME)
        .collect();
    let trimmed = cleaned.trim_matches(|c: char| c == '.' || c.is_whitespace());
    if trimmed.is_empty() {
        "简报".to_string()
    } else {
        trimmed.to_string()
    }
}

/// The 通报's own parts: head, title, recipients, closing, signature, 版记.
fn official(progress: &Progress, title: &str, ledger: &Attachment) -> Official {
    let meta = &progress.meta;
    let marks = [
        &meta.official.copy_number,
        &meta.official.secrecy,
        &meta.official.urgency,
    ]
    .into_iter()
    .flatten()
    .cloned()
    .collect();
    let copy_to: Vec<String> = meta
        .report_to
        .iter()
        .chain(&meta.send_to)
        .cloned()
        .collect();
    Official {
        marks,
        issuer_mark: meta
            .official
            .issuer_mark
            .clone()
            .unwrap_or_else(|| format!("{}文件", meta.office)),
        document_number: meta.official.document_number.clone(),
        title: format!("关于{title}的通报"),
        recipients: format!("{}：", meta.distribute_to.join("，")),
        closing: "特此通报。".to_string(),
        attachment_note: vec![format!("附件：1. {}", ledger.title)],
        signature: meta.office.clone(),
        date: meta.date.chinese(),
        note: meta.official.public_note.clone(),
        copy_to: (!copy_to.is_empty()).then(|| format!("抄送：{}", sentence(&copy_to.join("，")))),
        printer: meta.office.clone(),
        print_date: format!("{}印发", meta.date.chinese()),
    }
}

/// Numbers level-1 sections as they are added.
#[derive(Default)]
struct Sections {
    count: usize,
}

impl Sections {
    /// Adds the section titled `title` with `blocks`; nothing when empty.
    fn add(&mut self, body: &mut Vec<Block>, title: &str, blocks: Vec<Block>) {
        if blocks.is_empty() {
            return;
        }
        self.count += 1;
        body.push(Block::Heading(Heading::new(
            1,
            heading_number(1, self.count),
            title,
        )));
        body.extend(blocks);
    }
}

/// "2026年11月生态文明建设重点工作推进情况", from the briefing's name.
fn default_title(progress: &Progress) -> String {
    let name = &progress.meta.name;
    let topic = name
        .strip_suffix("工作简报")
        .or_else(|| name.strip_suffix("简报"))
        .unwrap_or(name);
    format!("{}{topic}重点工作推进情况", progress.meta.period.chinese())
}

fn introduction(outline: &Outline, progress: &Progress) -> String {
    let tasks = progress.tasks().count();
    let source = if outline.title.is_empty() {
        "讲话".to_string()
    } else {
        format!("《{}》", outline.title)
    };
    format!(
        "为贯彻落实{source}部署的{}项重点工作、{tasks}项具体任务，各牵头单位对照时间节点压茬推进。现将{}推进情况通报如下。",
        progress.commitments.len(),
        progress.meta.period.chinese()
    )
}

fn imprint(progress: &Progress) -> Imprint {
    let meta = &progress.meta;
    let lines = [
        ("报：", &meta.report_to),
        ("送：", &meta.send_to),
        ("发：", &meta.distribute_to),
    ]
    .into_iter()
    .filter(|(_, names)| !names.is_empty())
    .map(|(label, names)| ImprintLine {
        label: label.to_string(),
        text: sentence(&names.join("，")),
    })
    .collect();
    Imprint {
        lines,
        copies: format!("共印{}份", meta.copies),
    }
}

#[cfg(test)]
mod tests {
    use super::file_name_part;

    #[test]
    fn a_name_becomes_a_safe_file_name() {
        assert_eq!(
            file_name_part("生态文明建设工作简报"),
            "生态文明建设工作简报"
        );
        assert_eq!(file_name_part("../../逃逸"), "_.._逃逸");
        assert_eq!(file_name_part("甲/乙:丙*?"), "甲_乙_丙__");
        assert_eq!(file_name_part(" .. "), "简报");
        assert_eq!(file_name_part(&"长".repeat(100)).chars().count(), 40);
    }
}
