//! `jianbao init`: the progress file for a new month, ready to fill in.
//!
//! Every commitment of the speech and every task under it gets an entry.
//! Given last month's file, what does not change monthly carries over (the
//! briefing's name, office and recipients, each task's lead unit and
//! deadline, the indicators and their targets); what must be written anew
//! (this month's progress) is left empty, so `jianbao check` insists on it.

use std::fmt::Write as _;

use crate::progress::{Date, Progress, Status, TaskProgress};
use crate::speech::{Node, Outline};

/// The schema file name the skeleton's first line points editors to.
pub const SCHEMA_FILE_NAME: &str = "progress.schema.json";

/// Writes the skeleton for `period`, carrying over from `previous` if given.
pub fn skeleton(
    outline: &Outline,
    period: crate::progress::Period,
    previous: Option<&Progress>,
) -> String {
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = write_skeleton(&mut out, outline, period, previous);
    out
}

fn write_skeleton(
    out: &mut String,
    outline: &Outline,
    period: crate::progress::Period,
    previous: Option<&Progress>,
) -> std::fmt::Result {
    writeln!(out, "# yaml-language-server: $schema={SCHEMA_FILE_NAME}")?;
    writeln!(
        out,
        "# {} 月度进展文件，由 jianbao init 生成。逐项填写后运行 jianbao check 检查。",
        period.chinese()
    )?;
    writeln!(out, "# 字段说明见 README“进展文件格式”。")?;
    writeln!(out)?;
    write_briefing(out, period, previous)?;
    writeln!(out)?;
    writeln!(out, "commitments:")?;
    for commitment in outline.commitments() {
        write_commitment(out, outline, commitment, previous)?;
    }
    writeln!(out)?;
    write_indicators(out, previous)
}

fn write_briefing(
    out: &mut String,
    period: crate::progress::Period,
    previous: Option<&Progress>,
) -> std::fmt::Result {
    let meta = previous.map(|p| &p.meta);
    let same_year = meta.is_some_and(|m| m.period.year == period.year);
    let issue = match meta {
        Some(m) if same_year => m.issue + 1,
        _ => 1,
    };
    let date = Date::from_ymd(period.year, period.month, 28)
        .map(|d| d.to_string())
        .unwrap_or_default();
    writeln!(out, "briefing:")?;
    writeln!(
        out,
        "  name: {}            # 简报名称（报头）",
        quote(meta.map_or("工作简报", |m| m.name.as_str()))
    )?;
    writeln!(
        out,
        "  period: {}            # 报告月份",
        quote(&period.to_string())
    )?;
    writeln!(out, "  issue: {issue}                    # 期号")?;
    if let Some(total) = meta.and_then(|m| m.total_issue) {
        writeln!(out, "  total_issue: {}             # 总期号", total + 1)?;
    }
    writeln!(
        out,
        "  office: {}            # 编印单位",
        quote(meta.map_or("", |m| m.office.as_str()))
    )?;
    writeln!(out, "  date: {}          # 印发日期，请核对", quote(&date))?;
    write_list(out, "report_to", "报", meta.map(|m| &m.report_to))?;
    write_list(out, "send_to", "送", meta.map(|m| &m.send_to))?;
    write_list(out, "distribute_to", "发", meta.map(|m| &m.distribute_to))?;
    writeln!(
        out,
        "  copies: {}                  # 印数",
        meta.map_or(50, |m| m.copies)
    )?;
    writeln!(out, "  # editor_note: \"\"          # 按语（可省略）")
}

fn write_list(
    out: &mut String,
    field: &str,
    meaning: &str,
    items: Option<&Vec<String>>,
) -> std::fmt::Result {
    let items = items.map(Vec::as_slice).unwrap_or_default();
    if items.is_empty() {
        return writeln!(out, "  {field}: []                 # {meaning}");
    }
    writeln!(out, "  {field}:                     # {meaning}")?;
    for item in items {
        writeln!(out, "    - {}", quote(item))?;
    }
    Ok(())
}

fn write_commitment(
    out: &mut String,
    outline: &Outline,
    commitment: &Node,
    previous: Option<&Progress>,
) -> std::fmt::Result {
    writeln!(
        out,
        "  # {} {}",
        commitment.id,
        one_line(&commitment.heading)
    )?;
    writeln!(
        out,
        "  - commitment: {}",
        quote(&reference(outline, commitment))
    )?;
    writeln!(out, "    tasks:")?;
    let tasks: Vec<&Node> = if commitment.children.is_empty() {
        vec![commitment]
    } else {
        commitment.children.iter().collect()
    };
    for task in tasks {
        let last = previous.and_then(|p| p.tasks().find(|t| t.node_id == task.id));
        write_task(out, outline, task, last)?;
    }
    Ok(())
}

fn write_task(
    out: &mut String,
    outline: &Outline,
    task: &Node,
    last: Option<&TaskProgress>,
) -> std::fmt::Result {
    writeln!(out, "      # {} {}", task.id, one_line(&task.text))?;
    writeln!(out, "      - task: {}", quote(&reference(outline, task)))?;
    let status = last.map_or(Status::NotStarted, |t| t.status);
    writeln!(
        out,
        "        status: {}          # 已完成 / 序时推进 / 滞后 / 未启动",
        status.chinese()
    )?;
    match last {
        Some(t) => writeln!(
            out,
            "        percent: {}             # 上月 {}%，请更新",
            t.percent, t.percent
        )?,
        None => writeln!(out, "        # percent: 0               # 完成进度 0–100")?,
    }
    writeln!(
        out,
        "        lead_unit: {}          # 牵头单位",
        quote(last.map_or("", |t| t.lead_unit.as_str()))
    )?;
    match last.and_then(|t| t.deadline) {
        Some(deadline) => writeln!(
            out,
            "        deadline: {}     # 完成时限",
            quote(&deadline_text(deadline))
        )?,
        None => writeln!(
            out,
            "        # deadline: \"2026-12-31\"   # 完成时限（日期或“长期”）"
        )?,
    }
    writeln!(out, "        progress: \"\"             # 本月进展（必填）")?;
    writeln!(
        out,
        "        problems: \"\"             # 存在问题（可留空）"
    )?;
    writeln!(
        out,
        "        next_steps: \"\"           # 下步工作（可留空）"
    )
}

fn write_indicators(out: &mut String, previous: Option<&Progress>) -> std::fmt::Result {
    let indicators = previous
        .map(|p| p.indicators.as_slice())
        .unwrap_or_default();
    if indicators.is_empty() {
        writeln!(
            out,
            "indicators: []   # 重点指标：name、unit、target、value、higher_is_better"
        )?;
        return Ok(());
    }
    writeln!(out, "indicators:")?;
    for indicator in indicators {
        writeln!(out, "  - name: {}", quote(&indicator.name))?;
        writeln!(out, "    unit: {}", quote(&indicator.unit))?;
        writeln!(out, "    target: {}", indicator.target)?;
        writeln!(
            out,
            "    value: {}          # 上月值，请更新",
            indicator.value
        )?;
        if !indicator.higher_is_better {
            writeln!(out, "    higher_is_better: false")?;
        }
    }
    Ok(())
}

/// The label when it names `node` alone, else the id.
fn reference(outline: &Outline, node: &Node) -> String {
    match outline.resolve(&node.label).as_slice() {
        [only] if only.id == node.id => node.label.clone(),
        _ => node.id.clone(),
    }
}

/// A deadline as the clerk would type it.
fn deadline_text(deadline: crate::progress::Deadline) -> String {
    match deadline {
        crate::progress::Deadline::Date(date) => date.to_string(),
        crate::progress::Deadline::Ongoing => "长期".to_string(),
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
fn quote(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_string())
}
