//! `jianbao init`: the progress file for a new month, ready to fill in.
//!
//! Every commitment of the speech and every task under it gets an entry.
//! Given last month's file, what does not change monthly carries over (the
//! briefing's name, office and recipients, each task's lead unit and
//! deadline, the indicators and their targets); what must be written anew
//! (this month's progress) is left empty, so `jianbao check` insists on it.

use crate::progress::{Date, Deadline, Period, Progress, Status, TaskProgress};
use crate::speech::{Node, Outline};

/// The schema file name the skeleton's first line points editors to.
pub const SCHEMA_FILE_NAME: &str = "progress.schema.json";

/// Column (in display width) where end-of-line comments start.
const COMMENT_COLUMN: usize = 40;

/// Writes the skeleton for `period`, carrying over from `previous` if given.
pub fn skeleton(outline: &Outline, period: Period, previous: Option<&Progress>) -> String {
    let mut out = Lines::default();
    out.plain(&format!(
        "# yaml-language-server: $schema={SCHEMA_FILE_NAME}"
    ));
    out.plain(&format!(
        "# {} 月度进展文件，由 jianbao init 生成。逐项填写后运行 jianbao check 检查。",
        period.chinese()
    ));
    out.plain("# 字段说明见 README“进展文件格式”。");
    out.plain("");
    briefing(&mut out, period, previous);
    out.plain("");
    out.plain("commitments:");
    for commitment in outline.commitments() {
        self::commitment(&mut out, outline, commitment, previous);
    }
    out.plain("");
    indicators(&mut out, previous);
    out.text
}

/// The skeleton's text, line by line, with comments aligned.
#[derive(Default)]
struct Lines {
    text: String,
}

impl Lines {
    fn plain(&mut self, line: &str) {
        self.text.push_str(line);
        self.text.push('\n');
    }

    fn commented(&mut self, line: &str, comment: &str) {
        let width = unicode_width::UnicodeWidthStr::width(line);
        let padding = COMMENT_COLUMN.saturating_sub(width).max(1);
        self.text.push_str(line);
        self.text.push_str(&" ".repeat(padding));
        self.text.push_str("# ");
        self.text.push_str(comment);
        self.text.push('\n');
    }
}

fn briefing(out: &mut Lines, period: Period, previous: Option<&Progress>) {
    let meta = previous.map(|p| &p.meta);
    let issue = match meta {
        Some(m) if m.period.year == period.year => m.issue + 1,
        _ => 1,
    };
    let date = Date::from_ymd(period.year, period.month, 28)
        .map(|d| d.to_string())
        .unwrap_or_default();
    out.plain("briefing:");
    let name = meta.map_or("工作简报", |m| m.name.as_str());
    out.commented(&format!("  name: {}", quote(name)), "简报名称（报头）");
    out.commented(
        &format!("  period: {}", quote(&period.to_string())),
        "报告月份",
    );
    out.commented(&format!("  issue: {issue}"), "期号");
    if let Some(total) = meta.and_then(|m| m.total_issue) {
        out.commented(&format!("  total_issue: {}", total + 1), "总期号");
    }
    let office = meta.map_or("", |m| m.office.as_str());
    out.commented(&format!("  office: {}", quote(office)), "编印单位");
    out.commented(&format!("  date: {}", quote(&date)), "印发日期，请核对");
    recipients(out, "report_to", "报", meta.map(|m| &m.report_to));
    recipients(out, "send_to", "送", meta.map(|m| &m.send_to));
    recipients(out, "distribute_to", "发", meta.map(|m| &m.distribute_to));
    let copies = meta.map_or(50, |m| m.copies);
    out.commented(&format!("  copies: {copies}"), "印数");
    out.commented("  # editor_note: \"\"", "按语（可省略）");
}

fn recipients(out: &mut Lines, field: &str, meaning: &str, items: Option<&Vec<String>>) {
    let items = items.map(Vec::as_slice).unwrap_or_default();
    if items.is_empty() {
        out.commented(&format!("  {field}: []"), meaning);
        return;
    }
    out.commented(&format!("  {field}:"), meaning);
    for item in items {
        out.plain(&format!("    - {}", quote(item)));
    }
}

fn commitment(out: &mut Lines, outline: &Outline, commitment: &Node, previous: Option<&Progress>) {
    out.plain(&format!(
        "  # {} {}",
        commitment.id,
        one_line(&commitment.heading)
    ));
    out.plain(&format!(
        "  - commitment: {}",
        quote(&reference(outline, commitment))
    ));
    out.plain("    tasks:");
    let tasks: Vec<&Node> = if commitment.children.is_empty() {
        vec![commitment]
    } else {
        commitment.children.iter().collect()
    };
    for task in tasks {
        let last = previous.and_then(|p| p.tasks().find(|t| t.node_id == task.id));
        self::task(out, outline, task, last);
    }
}

fn task(out: &mut Lines, outline: &Outline, task: &Node, last: Option<&TaskProgress>) {
    out.plain(&format!("      # {} {}", task.id, one_line(&task.text)));
    out.plain(&format!(
        "      - task: {}",
        quote(&reference(outline, task))
    ));
    let status = last.map_or(Status::NotStarted, |t| t.status);
    out.commented(
        &format!("        status: {}", status.chinese()),
        "已完成 / 序时推进 / 滞后 / 未启动",
    );
    match last {
        Some(t) => out.commented(
            &format!("        percent: {}", t.percent),
            &format!("上月 {}%，请更新", t.percent),
        ),
        None => out.commented("        # percent: 0", "完成进度 0–100"),
    }
    let lead_unit = last.map_or("", |t| t.lead_unit.as_str());
    out.commented(
        &format!("        lead_unit: {}", quote(lead_unit)),
        "牵头单位",
    );
    match last.and_then(|t| t.deadline) {
        Some(deadline) => out.commented(
            &format!("        deadline: {}", quote(&deadline_text(deadline))),
            "完成时限",
        ),
        None => out.commented(
            "        # deadline: \"2026-12-31\"",
            "完成时限（日期或“长期”）",
        ),
    }
    out.commented("        progress: \"\"", "本月进展（必填）");
    out.commented("        problems: \"\"", "存在问题（可留空）");
    out.commented("        next_steps: \"\"", "下步工作（可留空）");
}

fn indicators(out: &mut Lines, previous: Option<&Progress>) {
    let indicators = previous
        .map(|p| p.indicators.as_slice())
        .unwrap_or_default();
    if indicators.is_empty() {
        out.commented(
            "indicators: []",
            "重点指标：name、unit、target、value、higher_is_better",
        );
        return;
    }
    out.plain("indicators:");
    for indicator in indicators {
        out.plain(&format!("  - name: {}", quote(&indicator.name)));
        out.plain(&format!("    unit: {}", quote(&indicator.unit)));
        out.plain(&format!("    target: {}", indicator.target));
        out.commented(&format!("    value: {}", indicator.value), "上月值，请更新");
        if !indicator.higher_is_better {
            out.plain("    higher_is_better: false");
        }
    }
}

/// The label when it names `node` alone, else the id.
pub fn reference(outline: &Outline, node: &Node) -> String {
    match outline.resolve(&node.label).as_slice() {
        [only] if only.id == node.id => node.label.clone(),
        _ => node.id.clone(),
    }
}

/// A deadline as the clerk would type it.
pub fn deadline_text(deadline: Deadline) -> String {
    match deadline {
        Deadline::Date(date) => date.to_string(),
        Deadline::Ongoing => "长期".to_string(),
    }
}

/// Text for a one-line comment: first line, at most 40 characters.
fn one_line(text: &str) -> String {
    let first = text.lines().next().unwrap_or_default();
    let mut short: String = first.chars().take(40).collect();
    if first.chars().count() > 40 {
        short.push('…');
    }
    short
}

/// A YAML double-quoted scalar: JSON string syntax is valid YAML.
pub fn quote(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_string())
}
