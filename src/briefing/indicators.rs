//! 重点指标完成情况: how many indicators meet their targets, a sentence on
//! those that moved most, the table (with last month beside this one) and
//! the clerk's remarks under it, and the trends over the months available.

use super::context::Context;
use super::model::{Align, Block, Chart, Column, Plot, Row, Table, TrendPanel};
use super::wording::{amount_change, decimal, quantity, signed};
use crate::progress::{Indicator, Progress};

/// Indicators named in the sentence on the largest changes, at most.
const MOVERS: usize = 3;
/// Panels per trend chart at most (four rows of two); more indicators make
/// more charts, sharing the panels evenly.
const PANELS_PER_CHART: usize = 8;

/// The section's blocks; none when the month has no indicators.
pub(super) fn indicators(context: &Context<'_>) -> Vec<Block> {
    let indicators = &context.month.indicators;
    if indicators.is_empty() {
        return Vec::new();
    }
    let met = indicators.iter().filter(|i| i.meets_target()).count();
    let mut intro = format!(
        "{}项重点指标中，{met}项达到年度目标，{}项尚未达到。",
        indicators.len(),
        indicators.len() - met
    );
    intro.push_str(&movers(context));
    let mut blocks = vec![Block::paragraph(None, intro), table(context)];
    blocks.extend(notes(indicators));
    blocks.extend(trends(context));
    blocks
}

/// One sentence for each indicator that moved most since the previous
/// month (relative to its earlier value): `细颗粒物（PM2.5）平均浓度30.8微克/立方米，
/// 较上月提高1.5微克/立方米，仍优于年度目标。`
fn movers(context: &Context<'_>) -> String {
    let Some(since) = context.since() else {
        return String::new();
    };
    let mut moved: Vec<(&Indicator, f64, f64)> = context
        .month
        .indicators
        .iter()
        .filter_map(|indicator| {
            let before = context.previous_indicator(&indicator.name)?;
            let delta = indicator.value - before.value;
            let relative = delta.abs() / before.value.abs().max(1e-9);
            (decimal(delta.abs()) != "0").then_some((indicator, delta, relative))
        })
        .collect();
    moved.sort_by(|a, b| b.2.total_cmp(&a.2));
    moved
        .iter()
        .take(MOVERS)
        .map(|(indicator, delta, _)| {
            let verdict = if indicator.meets_target() {
                "达到年度目标"
            } else {
                "尚未达到年度目标"
            };
            format!(
                "{}{}，{since}{}，{verdict}。",
                indicator.name,
                quantity(indicator.value, &indicator.unit),
                amount_change(*delta, &indicator.unit)
            )
        })
        .collect()
}

/// 重点指标完成情况表: target, this month, and — when there is a previous
/// month — its value and the change.
fn table(context: &Context<'_>) -> Block {
    let compared = context.previous().is_some();
    let mut columns = vec![
        Column::new("序号", 1.2, Align::Center),
        Column::new("指标", 4.4, Align::Left),
        Column::new("单位", 1.4, Align::Center),
        Column::new("目标值", 1.5, Align::Center),
        Column::new("本月", 1.1, Align::Center),
    ];
    if compared {
        columns.push(Column::new("上月", 1.1, Align::Center));
        columns.push(Column::new("变化", 1.1, Align::Center));
    }
    columns.push(Column::new("完成情况", 1.8, Align::Center));
    let rows = context
        .month
        .indicators
        .iter()
        .enumerate()
        .map(|(index, indicator)| {
            let mut cells = vec![
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
            ];
            if compared {
                match context.previous_indicator(&indicator.name) {
                    Some(before) => {
                        cells.push(decimal(before.value));
                        cells.push(signed(indicator.value - before.value));
                    }
                    None => cells.extend(["—".to_string(), "—".to_string()]),
                }
            }
            cells.push(if indicator.meets_target() {
                "达标".to_string()
            } else {
                "未达标".to_string()
            });
            Row::cells(cells)
        })
        .collect();
    Block::Table(Table {
        caption: Some("重点指标完成情况表".to_string()),
        columns,
        rows,
    })
}

/// The clerk's remarks on the indicators, under the table as its note:
/// `注：空气质量优良天数比例，1—11月累计，同比上升2.1个百分点；…。`; none
/// when no indicator has one.
fn notes(indicators: &[Indicator]) -> Option<Block> {
    let remarks: Vec<String> = indicators
        .iter()
        .filter_map(|indicator| {
            let note = indicator.note.as_deref()?;
            let note = note.trim_end_matches(['。', '；', ';', '，', ',']);
            Some(format!("{}，{note}", indicator.name))
        })
        .collect();
    (!remarks.is_empty()).then(|| Block::paragraph(None, format!("注：{}。", remarks.join("；"))))
}

/// Trend charts of the indicators over every month that reports them; none
/// with fewer than two such months.
fn trends(context: &Context<'_>) -> Vec<Block> {
    let months: Vec<&Progress> = context
        .earlier
        .iter()
        .chain(std::iter::once(context.month))
        .filter(|month| !month.indicators.is_empty())
        .collect();
    if months.len() < 2 {
        return Vec::new();
    }
    let periods: Vec<String> = months
        .iter()
        .map(|month| format!("{}月", month.meta.period.month))
        .collect();
    let panels: Vec<TrendPanel> = context
        .month
        .indicators
        .iter()
        .map(|indicator| TrendPanel {
            title: indicator.name.clone(),
            unit: indicator.unit.clone(),
            values: months
                .iter()
                .map(|month| {
                    month
                        .indicators
                        .iter()
                        .find(|i| i.name == indicator.name)
                        .map(|i| i.value)
                })
                .collect(),
            target: indicator.target,
        })
        .collect();
    let charts = panels.len().div_ceil(PANELS_PER_CHART);
    let per_chart = panels.len().div_ceil(charts.max(1));
    panels
        .chunks(per_chart.max(1))
        .enumerate()
        .map(|(index, chunk)| {
            let title = if charts > 1 {
                format!("重点指标走势（{}）", index + 1)
            } else {
                "重点指标走势".to_string()
            };
            Block::Chart(Chart {
                caption: context.figure(&title),
                plot: Plot::Trends {
                    periods: periods.clone(),
                    panels: chunk.to_vec(),
                },
            })
        })
        .collect()
}
