//! The merge: speech outline + validated month → [`Briefing`].
//!
//! Every sentence the briefing prints is written here. To change a wording,
//! change it here; both the PDF and the DOCX follow.

use super::model::*;
use super::stats::{Tally, month_tally};
use super::wording::{clause, decimal, heading_number, paragraphs, percent, sentence};
use crate::progress::{CommitmentProgress, Indicator, Progress, Status, TaskProgress};
use crate::speech::{Node, Outline};

/// Builds the briefing for one month.
pub fn compose(outline: &Outline, progress: &Progress) -> Briefing {
    let meta = &progress.meta;
    let issue_name = format!("{}年第{}期", meta.period.year, meta.issue);
    let (year, month, day) = meta.date.ymd();
    let commitments = ordered_commitments(outline, progress);
    let title = meta
        .title
        .clone()
        .unwrap_or_else(|| default_title(progress));
    let ledger = task_ledger(outline, &commitments);
    let mut body = vec![Block::paragraph(None, introduction(outline, progress))];
    let mut sections = Sections::default();
    sections.add(&mut body, "总体进展", overall(progress, &commitments));
    sections.add(
        &mut body,
        "重点任务推进情况",
        commitment_blocks(outline, &commitments),
    );
    if !progress.indicators.is_empty() {
        sections.add(
            &mut body,
            "重点指标完成情况",
            indicator_blocks(&progress.indicators),
        );
    }
    Briefing {
        document: DocumentInfo {
            title: format!("{} {issue_name}", meta.name),
            author: meta.office.clone(),
            language: "zh-CN".to_string(),
            date: [year, i32::from(month), i32::from(day)],
            file_stem: format!("{}-{issue_name}", meta.name),
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
        official: official(progress, &title, &ledger),
        attachments: vec![ledger],
        imprint: imprint(progress),
        page_numbers: PageNumbers {
            before: "— ".to_string(),
            after: " —".to_string(),
        },
        title,
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
    fn add(&mut self, body: &mut Vec<Block>, title: &str, blocks: Vec<Block>) {
        self.count += 1;
        body.push(Block::Heading(Heading::new(
            1,
            heading_number(1, self.count),
            title,
        )));
        body.extend(blocks);
    }
}

/// A reported commitment with its outline node.
struct Reported<'a> {
    node: &'a Node,
    progress: &'a CommitmentProgress,
}

/// Reported commitments in the speech's order (the file's order may differ).
fn ordered_commitments<'a>(outline: &'a Outline, progress: &'a Progress) -> Vec<Reported<'a>> {
    outline
        .nodes()
        .filter_map(|node| {
            progress
                .commitments
                .iter()
                .find(|c| c.node_id == node.id)
                .map(|progress| Reported { node, progress })
        })
        .collect()
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

fn overall(progress: &Progress, commitments: &[Reported<'_>]) -> Vec<Block> {
    let tally = month_tally(progress);
    let counts = Status::ALL
        .iter()
        .map(|status| format!("{}{}项", status.chinese(), tally.count(*status)))
        .collect::<Vec<_>>()
        .join("、");
    let mut text = format!(
        "截至{}，{}项任务中，{counts}，平均完成进度{}。",
        progress.meta.date.chinese(),
        tally.total(),
        percent(tally.mean_percent)
    );
    let per_commitment = commitments
        .iter()
        .map(|c| {
            let tally = Tally::of(&c.progress.tasks);
            format!(
                "{}平均完成{}",
                short_name(c.node),
                percent(tally.mean_percent)
            )
        })
        .collect::<Vec<_>>();
    if !per_commitment.is_empty() {
        text.push_str(&format!("分项看，{}。", per_commitment.join("，")));
    }
    vec![Block::paragraph(None, text)]
}

/// The commitment's label in quotes when it is a battle name: `“提升战”`.
fn short_name(node: &Node) -> String {
    if node.heading.contains(&format!("“{}”", node.label)) {
        format!("“{}”", node.label)
    } else {
        node.label.clone()
    }
}

fn commitment_blocks(outline: &Outline, commitments: &[Reported<'_>]) -> Vec<Block> {
    let mut blocks = Vec::new();
    for (index, commitment) in commitments.iter().enumerate() {
        blocks.push(Block::Heading(Heading::new(
            2,
            heading_number(2, index + 1),
            clause(&commitment.node.heading),
        )));
        for (task_index, task) in commitment.progress.tasks.iter().enumerate() {
            blocks.push(task_paragraph(outline, task, task_index + 1));
        }
    }
    blocks
}

fn task_paragraph(outline: &Outline, task: &TaskProgress, number: usize) -> Block {
    let label = task_label(outline, task);
    let mut text = format!(
        "{}牵头，{}，完成{}。{}",
        task.lead_unit,
        task.status.chinese(),
        percent(task.percent),
        sentence(&task.progress)
    );
    if let Some(problems) = &task.problems {
        text.push_str(&format!("存在问题：{}", sentence(problems)));
    }
    if let Some(next) = &task.next_steps {
        text.push_str(&format!("下步工作：{}", sentence(next)));
    }
    let lead = Heading::new(3, heading_number(3, number), format!("{label}。"));
    Block::paragraph(Some(lead), text)
}

fn task_label(outline: &Outline, task: &TaskProgress) -> String {
    outline
        .find(&task.node_id)
        .map_or_else(|| task.node_id.clone(), |node| node.label.clone())
}

fn indicator_blocks(indicators: &[Indicator]) -> Vec<Block> {
    let met = indicators.iter().filter(|i| i.meets_target()).count();
    let intro = format!(
        "{}项重点指标中，{met}项达到年度目标，{}项尚未达到。",
        indicators.len(),
        indicators.len() - met
    );
    let rows = indicators
        .iter()
        .enumerate()
        .map(|(index, indicator)| {
            Row::cells([
                (index + 1).to_string(),
                indicator.name.clone(),
                indicator.unit.clone(),
                format!(
                    "{}{}",
                    if indicator.higher_is_better {
                        "≥"
                    } else {
                        "≤"
                    },
                    decimal(indicator.target)
                ),
                decimal(indicator.value),
                if indicator.meets_target() {
                    "达标".to_string()
                } else {
                    "未达标".to_string()
                },
            ])
        })
        .collect();
    vec![
        Block::paragraph(None, intro),
        Block::Table(Table {
            caption: Some("重点指标完成情况表".to_string()),
            columns: vec![
                Column::new("序号", 0.7, Align::Center),
                Column::new("指标", 4.0, Align::Left),
                Column::new("单位", 1.2, Align::Center),
                Column::new("目标值", 1.2, Align::Center),
                Column::new("本月值", 1.2, Align::Center),
                Column::new("完成情况", 1.3, Align::Center),
            ],
            rows,
        }),
    ]
}

/// 附件1: every task in one table, grouped by commitment.
fn task_ledger(outline: &Outline, commitments: &[Reported<'_>]) -> Attachment {
    let mut rows = Vec::new();
    let mut number = 0;
    for commitment in commitments {
        rows.push(Row::group(clause(&commitment.node.heading)));
        for task in &commitment.progress.tasks {
            number += 1;
            rows.push(Row::cells([
                number.to_string(),
                task_label(outline, task),
                task.lead_unit.clone(),
                task.deadline
                    .map_or_else(|| "—".to_string(), |d| d.to_string()),
                percent(task.percent),
                task.status.chinese().to_string(),
            ]));
        }
    }
    Attachment {
        label: "附件1".to_string(),
        title: "重点任务推进情况表".to_string(),
        blocks: vec![Block::Table(Table {
            caption: None,
            columns: vec![
                Column::new("序号", 0.6, Align::Center),
                Column::new("任务", 3.4, Align::Left),
                Column::new("牵头单位", 2.3, Align::Center),
                Column::new("完成时限", 2.9, Align::Center),
                Column::new("进度", 1.0, Align::Center),
                Column::new("状态", 1.5, Align::Center),
            ],
            rows,
        })],
    }
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
