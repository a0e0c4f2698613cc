//! Checking a parsed progress file against itself and against the speech.
//!
//! Every problem is collected, not just the first, so the clerk can fix the
//! whole file in one round.

use std::collections::HashMap;
use std::sync::Arc;

use serde_saphyr::Spanned;

use super::file::{
    BriefingSection, CommitmentEntry, IndicatorEntry, NumberText, ProgressFile, TaskEntry,
};
use super::model::{CommitmentProgress, Indicator, Meta, OfficialMeta, Progress, TaskProgress};
use super::values::{Date, DateError, Deadline, Period, Status, parse_number};
use super::yaml_error::span_of;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::source::{SourceFile, strip_invisible};
use crate::speech::{Node, Outline, is_within};

/// Validates `raw` (parsed from `file`) against `outline`.
pub fn validate(
    file: &Arc<SourceFile>,
    raw: ProgressFile,
    outline: &Outline,
) -> Result<Progress, Diagnostics> {
    let mut checker = Checker {
        file,
        outline,
        diagnostics: Diagnostics::default(),
        seen: HashMap::new(),
        year: 0,
    };
    let meta = checker.meta(raw.briefing);
    // Without a readable month the file is refused anyway.
    checker.year = meta.as_ref().map_or(0, |meta| meta.period.year);
    let commitments = raw
        .commitments
        .into_iter()
        .filter_map(|entry| checker.commitment(entry))
        .collect();
    let indicators = raw
        .indicators
        .into_iter()
        .map(|entry| checker.indicator(entry))
        .collect();
    if checker.diagnostics.has_errors() {
        return Err(checker.diagnostics);
    }
    Ok(Progress {
        meta: meta.ok_or_else(|| checker.diagnostics.clone())?,
        commitments,
        indicators,
        warnings: checker.diagnostics.0,
        file: Some(Arc::clone(file)),
    })
}

/// Candidates listed at most in a message about a reference.
const MAX_CANDIDATES: usize = 10;

/// The largest magnitude an indicator may have: beyond it an `f64` no
/// longer holds every digit, and no indicator of a city is that large.
const MAX_INDICATOR: f64 = 1e15;

/// `items` joined with `；`, at most [`MAX_CANDIDATES`] of them.
fn capped_list(items: &[String]) -> String {
    let shown = items
        .iter()
        .take(MAX_CANDIDATES)
        .cloned()
        .collect::<Vec<_>>()
        .join("；");
    if items.len() > MAX_CANDIDATES {
        format!("{shown}……共 {} 处", items.len())
    } else {
        shown
    }
}

/// State of one validation pass.
struct Checker<'a> {
    /// The progress file, for spans.
    file: &'a Arc<SourceFile>,
    /// The speech the references point into.
    outline: &'a Outline,
    /// Everything found so far.
    diagnostics: Diagnostics,
    /// Outline ids already reported, with the reference that claimed them.
    seen: HashMap<String, Spanned<String>>,
    /// The year of the month reported on: a deadline without one (6月底前)
    /// falls in it.
    year: i32,
}

impl<'a> Checker<'a> {
    fn error_at<T>(&mut self, value: &Spanned<T>, message: String, label: &str, help: String) {
        let span = span_of(self.file, value);
        self.diagnostics
            .push(Diagnostic::error(message).at(span, label).with_help(help));
    }

    /// Requires non-blank text; returns it trimmed and without invisible
    /// characters (written as escapes such as `"\x07"`: the file itself
    /// has none left), with a warning when there were some.
    fn required_text(&mut self, value: &Spanned<String>, field: &str) -> String {
        let text = strip_invisible(value.value.trim());
        if text.len() != value.value.trim().len() {
            self.diagnostics.push(
                Diagnostic::warning(format!(
                    "“{field}”中有看不见的控制字符，已删去 (control characters removed)"
                ))
                .at(span_of(self.file, value), "这段文字里有")
                .with_help("删去引号中的 \\x、\\u 等转义写法，直接写文字"),
            );
        }
        let text = text.trim();
        if text.is_empty() {
            self.error_at(
                value,
                format!("“{field}”不能为空 (empty)"),
                "这里需要填写内容",
                format!("在“{field}:”后面填上内容"),
            );
        }
        text.to_string()
    }

    /// Requires a whole number of at least 1 (期号, 份数).
    fn positive(&mut self, value: &Spanned<u32>, field: &str, what: &str) -> u32 {
        if value.value == 0 {
            self.error_at(
                value,
                format!("{what}“{field}”不能为 0 (must be at least 1)"),
                "应从 1 开始",
                format!("把 {field} 改为 1 或更大的整数"),
            );
        }
        value.value
    }

    /// Reads a number written as a number or as text (`95%`, `９５`);
    /// refuses units and words at their place.
    fn number(&mut self, value: &Spanned<NumberText>, field: &str) -> Option<f64> {
        match &value.value {
            NumberText::Number(number) => Some(*number),
            NumberText::Text(text) => {
                let number = parse_number(text);
                if number.is_none() {
                    self.error_at(
                        value,
                        format!("“{field}”应为一个数，“{}”不是 (not a number)", text.trim()),
                        "这里只能写数字",
                        format!(
                            "{field} 只写数字，可带 % 或用全角数字，例如 85、85% 或 ８５；单位写在 unit 中，说明文字写在 note 中"
                        ),
                    );
                }
                number
            }
        }
    }

    /// Requires a finite indicator number of a sensible size.
    fn indicator_number(&mut self, value: &Spanned<NumberText>, field: &str) -> f64 {
        let Some(number) = self.number(value, field) else {
            return f64::NAN;
        };
        if !number.is_finite() || number.abs() >= MAX_INDICATOR {
            self.error_at(
                value,
                format!("指标的“{field}”不是一个可以印出的数 (number out of range)"),
                "这个数无效或太大",
                format!("{field} 填一个普通的数，例如 32 或 29.6（不写 .nan、.inf，绝对值小于 10 的 15 次方）"),
            );
        }
        number
    }

    fn meta(&mut self, raw: BriefingSection) -> Option<Meta> {
        let name = self.required_text(&raw.name, "name");
        let office = self.required_text(&raw.office, "office");
        let title = raw.title.map(|t| self.required_text(&t, "title"));
        let period = Period::parse(&raw.period.value);
        if period.is_none() {
            self.error_at(
                &raw.period,
                format!("无法识别的月份“{}” (bad period)", raw.period.value),
                "应为年-月",
                "写作 2026-11 或 2026年11月".to_string(),
            );
        }
        let date = self.date(&raw.date, "date");
        Some(Meta {
            name,
            title,
            period: period?,
            issue: self.positive(&raw.issue, "issue", "期号"),
            total_issue: raw
                .total_issue
                .as_ref()
                .map(|total| self.positive(total, "total_issue", "总期号")),
            office,
            date: date?,
            report_to: recipients(raw.report_to),
            send_to: recipients(raw.send_to),
            distribute_to: recipients(raw.distribute_to),
            copies: self.positive(&raw.copies, "copies", "印数"),
            editor_note: non_blank(raw.editor_note),
            official: OfficialMeta {
                document_number: non_blank(raw.document_number),
                issuer_mark: non_blank(raw.issuer_mark),
                copy_number: non_blank(raw.copy_number),
                secrecy: non_blank(raw.secrecy),
                urgency: non_blank(raw.urgency),
                public_note: non_blank(raw.public_note),
            },
        })
    }

    fn date(&mut self, value: &Spanned<String>, field: &str) -> Option<Date> {
        match Date::parse(&value.value) {
            Ok(date) => Some(date),
            Err(err) => {
                self.date_error(value, field, &err);
                None
            }
        }
    }

    fn date_error(&mut self, value: &Spanned<String>, field: &str, err: &DateError) {
        let (message, help) = match err {
            DateError::Format if field == "deadline" => (
                format!("无法识别的完成时限“{}” (bad deadline)", value.value),
                "完成时限写作 2026-12-31 或 2026年12月31日，也可写 6月底前、年底前、第三季度末、上半年，或“长期”".to_string(),
            ),
            DateError::Format => (
                format!("无法识别的日期“{}” (bad date)", value.value),
                format!("“{field}”写作 2026-11-28（也可写 2026/11/28 或 2026年11月28日）"),
            ),
            DateError::NoSuchDay {
                year,
                month,
                days_in_month: 0,
            } => (
                format!("日期不存在：{year}年没有{month}月 (no such date)"),
                "月份应在 1 到 12 之间".to_string(),
            ),
            DateError::NoSuchDay {
                year,
                month,
                days_in_month,
            } => (
                format!("日期不存在：{year}年{month}月只有{days_in_month}天 (no such date)"),
                format!("把日改为 1 到 {days_in_month} 之间"),
            ),
        };
        self.error_at(value, message, "这个日期不存在或无法识别", help);
    }

    fn commitment(&mut self, entry: CommitmentEntry) -> Option<CommitmentProgress> {
        let node = self.resolve(&entry.commitment, None, "承诺")?;
        let node_id = node.id.clone();
        if entry.tasks.is_empty() {
            self.error_at(
                &entry.commitment,
                format!("承诺“{}”下没有任务 (no tasks)", entry.commitment.value),
                "tasks 是空的",
                "在 tasks 下至少写一项；承诺没有细分任务时，task 填承诺本身".to_string(),
            );
        }
        let tasks = entry
            .tasks
            .into_iter()
            .filter_map(|task| self.task(task, node))
            .collect();
        Some(CommitmentProgress { node_id, tasks })
    }

    fn task(&mut self, entry: TaskEntry, commitment: &Node) -> Option<TaskProgress> {
        let node = self.resolve(&entry.task, Some(commitment), "任务");
        let status = Status::parse(&entry.status.value);
        if status.is_none() {
            self.error_at(
                &entry.status,
                format!("未知的状态“{}” (unknown status)", entry.status.value),
                "无法识别的状态",
                "状态只能是：已完成、序时推进、滞后、未启动（也接受台账常用的写法，如 已办结、达进度、慢序时、欠进度、未开工；或 done、on_track、delayed、not_started）；暂缓、其它这类情况请选最接近的状态，在 problems 中说明"
                    .to_string(),
            );
        }
        let percent = self.percent(&entry, status);
        let deadline = entry.deadline.as_ref().and_then(|value| {
            Deadline::parse(&value.value, self.year)
                .map_err(|err| self.date_error(value, "deadline", &err))
                .ok()
        });
        let lead_unit = self.required_text(&entry.lead_unit, "lead_unit");
        let progress = self.required_text(&entry.progress, "progress");
        Some(TaskProgress {
            node_id: node?.id.clone(),
            status: status?,
            percent: percent?,
            lead_unit,
            deadline,
            progress,
            progress_at: Some(span_of(self.file, &entry.progress)),
            problems: non_blank(entry.problems),
            next_steps: non_blank(entry.next_steps),
        })
    }

    /// The percent given, or the one the status implies; checks the range.
    fn percent(&mut self, entry: &TaskEntry, status: Option<Status>) -> Option<f64> {
        match (&entry.percent, status) {
            (Some(percent), _) => {
                let value = self.number(percent, "percent")?;
                if value.is_nan() {
                    self.error_at(
                        percent,
                        "完成进度不是一个数 (percent is not a number)".to_string(),
                        "应为 0 到 100 之间的数",
                        "percent 填 0 到 100 之间的数，例如 85 表示 85%".to_string(),
                    );
                    return None;
                }
                if !(0.0..=100.0).contains(&value) {
                    let message = if value.is_finite() {
                        format!("完成进度 {value} 超出范围 (percent out of range)")
                    } else {
                        "这个数太大，完成进度超出范围 (percent out of range)".to_string()
                    };
                    self.error_at(
                        percent,
                        message,
                        "应在 0 到 100 之间",
                        "percent 填 0 到 100 之间的数，例如 85 表示 85%".to_string(),
                    );
                    return None;
                }
                Some(value)
            }
            (None, Some(status)) => {
                let implied = status.implied_percent();
                if implied.is_none() {
                    self.error_at(
                        &entry.status,
                        format!("状态为“{status}”时要填写完成进度 (percent required)"),
                        "缺少 percent",
                        "在这一项里加上“percent: 数字”，例如 percent: 60".to_string(),
                    );
                }
                implied
            }
            (None, None) => None,
        }
    }

    /// Resolves a reference to one outline node, inside `within` when given.
    fn resolve(
        &mut self,
        reference: &Spanned<String>,
        within: Option<&Node>,
        what: &str,
    ) -> Option<&'a Node> {
        let outline = self.outline;
        if reference.value.trim().is_empty() {
            let field = if within.is_some() {
                "task"
            } else {
                "commitment"
            };
            self.error_at(
                reference,
                format!("“{field}”不能为空 (empty)"),
                "这里需要填写编号或简称",
                "填讲话中的编号（如 2.1）或简称；运行 jianbao outline 查看".to_string(),
            );
            return None;
        }
        let all = outline.resolve(reference.value.trim());
        let candidates: Vec<&Node> = match within {
            Some(parent) => all
                .iter()
                .copied()
                .filter(|node| is_within(&node.id, &parent.id))
                .collect(),
            None => all.clone(),
        };
        match candidates.as_slice() {
            [node] => {
                self.claim(reference, node, what);
                Some(node)
            }
            [] => {
                self.unresolved(reference, &all, within, what);
                None
            }
            many => {
                let list = capped_list(
                    &many
                        .iter()
                        .map(|n| format!("{} {}", n.id, n.label))
                        .collect::<Vec<_>>(),
                );
                let span = span_of(self.file, reference);
                self.diagnostics.push(
                    Diagnostic::error(format!(
                        "{what}“{}”对应讲话中的多处，不能确定是哪一项 (ambiguous reference)",
                        reference.value
                    ))
                    .at(span, "有多个可能")
                    .with_note(format!("可能是：{list}"))
                    .with_help("改写成编号（如 2.1.3），或写得更完整一些"),
                );
                None
            }
        }
    }

    /// Reports a reference that matches nothing (in the right place).
    fn unresolved(
        &mut self,
        reference: &Spanned<String>,
        elsewhere: &[&Node],
        within: Option<&Node>,
        what: &str,
    ) {
        let span = span_of(self.file, reference);
        let mut diagnostic = Diagnostic::error(format!(
            "找不到{what}“{}” (unknown reference)",
            reference.value
        ))
        .at(span, "讲话中没有这一项");
        if let (Some(parent), [other, ..]) = (within, elsewhere) {
            diagnostic = diagnostic
                .with_note(format!(
                    "它在讲话的 {} {} 下，不属于 {} {}",
                    self.outline.parent(&other.id).map_or("", |p| p.id.as_str()),
                    self.outline
                        .parent(&other.id)
                        .map_or("", |p| p.label.as_str()),
                    parent.id,
                    parent.label
                ))
                .with_help("把这项任务移到它所属的承诺下");
        } else {
            let candidates = match within {
                Some(parent) => std::iter::once(parent)
                    .chain(parent.children.iter())
                    .map(|n| format!("{} {}", n.id, n.label))
                    .collect::<Vec<_>>(),
                None => self
                    .outline
                    .commitments()
                    .iter()
                    .map(|n| format!("{} {}", n.id, n.label))
                    .collect(),
            };
            diagnostic = if candidates.is_empty() {
                diagnostic
                    .with_note("讲话中没有识别出任何承诺（如“一是……”“（一）……”）")
                    .with_help(
                        "检查讲话文件是否正确（--speech）；运行 jianbao outline 查看它的提纲",
                    )
            } else {
                diagnostic
                    .with_note(format!("可选的有：{}", capped_list(&candidates)))
                    .with_help("填编号或简称；运行 jianbao outline 查看讲话的全部编号和简称")
            };
        }
        self.diagnostics.push(diagnostic);
    }

    /// Records that `node` is reported by `reference`; a second report is an error.
    fn claim(&mut self, reference: &Spanned<String>, node: &Node, what: &str) {
        if let Some(first) = self.seen.get(&node.id) {
            let (line, _) = span_of(self.file, first).line_column();
            let span = span_of(self.file, reference);
            self.diagnostics.push(
                Diagnostic::error(format!(
                    "{what}“{} {}”重复填报 (reported twice)",
                    node.id, node.label
                ))
                .at(span, "第二次出现")
                .with_note(format!("第一次在第 {line} 行"))
                .with_help("同一项只填一次：合并两处内容，删去其中一处"),
            );
        } else {
            self.seen.insert(node.id.clone(), reference.clone());
        }
    }

    fn indicator(&mut self, entry: IndicatorEntry) -> Indicator {
        let name = self.required_text(&entry.name, "name");
        Indicator {
            name,
            unit: strip_invisible(entry.unit.trim()),
            target: self.indicator_number(&entry.target, "target"),
            value: self.indicator_number(&entry.value, "value"),
            higher_is_better: entry.higher_is_better,
            note: non_blank(entry.note),
        }
    }
}

/// Trims optional text and removes invisible characters; blank becomes `None`.
fn non_blank(text: Option<String>) -> Option<String> {
    text.map(|t| strip_invisible(t.trim()).trim().to_string())
        .filter(|t| !t.is_empty())
}

/// Recipients (报、送、发) trimmed, without blank entries, which would
/// print as empty places between the commas.
fn recipients(list: Vec<String>) -> Vec<String> {
    list.into_iter()
        .filter_map(|item| non_blank(Some(item)))
        .collect()
}
