//! 总体进展: where the work stands as a whole, what changed since last
//! month, which commitments lead and which lag, with two charts.

use super::context::{Context, short_name};
use super::model::{Bar, Block, Chart, Plot, Tone};
use super::stats::{Tally, month_tally};
use super::wording::{decimal, percent, points_change};
use crate::progress::Status;

/// The section's blocks: one paragraph and the two charts.
pub(super) fn overview(context: &Context<'_>) -> Vec<Block> {
    let tally = month_tally(context.month);
    let mut blocks = vec![Block::paragraph(None, summary(context, &tally))];
    if tally.total() > 0 {
        blocks.push(status_chart(context, &tally));
    }
    if context.commitments.len() > 1 {
        blocks.push(commitment_chart(context, &tally));
    }
    blocks
}

/// 截至…，N项任务中，已完成…，平均完成进度…，较上月提高…。分项看，…
fn summary(context: &Context<'_>, tally: &Tally) -> String {
    let counts = Status::ALL
        .iter()
        .map(|status| format!("{}{}项", status.chinese(), tally.count(*status)))
        .collect::<Vec<_>>()
        .join("、");
    let mut text = format!(
        "截至{}，{}项任务中，{counts}，平均完成进度{}",
        context.month.meta.date.chinese(),
        tally.total(),
        percent(tally.mean_percent)
    );
    if let (Some(previous), Some(since)) = (context.previous(), context.since()) {
        let before = month_tally(previous);
        text.push_str(&format!(
            "，{since}{}",
            points_change(tally.mean_percent - before.mean_percent)
        ));
        let newly_done = newly_done(context);
        if newly_done > 0 {
            text.push_str(&format!("，新增完成{newly_done}项"));
        }
    }
    text.push('。');
    text.push_str(&by_commitment(context, tally));
    text
}

/// Tasks done this month that were not done in the previous month's file.
fn newly_done(context: &Context<'_>) -> usize {
    context
        .tasks()
        .filter(|(_, task)| task.status == Status::Done)
        .filter(|(_, task)| {
            context
                .previous_task(&task.node_id)
                .is_some_and(|before| before.status != Status::Done)
        })
        .count()
}

/// 分项看，“提升战”平均完成86.3%，…，其中“攻坚战”进展最快，“升级战”相对滞后。
fn by_commitment(context: &Context<'_>, tally: &Tally) -> String {
    if context.commitments.is_empty() {
        return String::new();
    }
    let means: Vec<(String, f64)> = context
        .commitments
        .iter()
        .map(|c| {
            (
                short_name(c.node),
                Tally::of(&c.progress.tasks).mean_percent,
            )
        })
        .collect();
    let listed = means
        .iter()
        .map(|(name, mean)| format!("{name}平均完成{}", percent(*mean)))
        .collect::<Vec<_>>()
        .join("，");
    let mut text = format!("分项看，{listed}");
    if let Some((lead, lag)) = leader_and_laggard(&means, tally.mean_percent) {
        text.push_str(&format!("，其中{lead}进展最快，{lag}相对滞后"));
    }
    text.push('。');
    text
}

/// The commitment furthest ahead and the one furthest behind, when they
/// differ by a whole point and the last is below the overall mean.
fn leader_and_laggard(means: &[(String, f64)], overall: f64) -> Option<(String, String)> {
    let lead = means.iter().max_by(|a, b| a.1.total_cmp(&b.1))?;
    let lag = means.iter().min_by(|a, b| a.1.total_cmp(&b.1))?;
    (lead.1 - lag.1 >= 1.0 && lag.1 < overall).then(|| (lead.0.clone(), lag.0.clone()))
}

/// 图 重点任务状态分布: one bar per status, in tasks.
fn status_chart(context: &Context<'_>, tally: &Tally) -> Block {
    let bars: Vec<Bar> = Status::ALL
        .iter()
        .map(|status| {
            let count = tally.count(*status);
            Bar {
                label: status.chinese().to_string(),
                value: count as f64,
                text: format!("{count}项"),
                tone: tone(*status),
            }
        })
        .collect();
    let max = bars.iter().map(|b| b.value).fold(1.0, f64::max);
    Block::Chart(Chart {
        caption: context.figure("重点任务状态分布"),
        plot: Plot::Bars { max, bars },
    })
}

/// 图 各项重点工作平均完成进度: one bar per commitment, in percent; those
/// below the overall mean in the colour of delay.
fn commitment_chart(context: &Context<'_>, tally: &Tally) -> Block {
    let bars = context
        .commitments
        .iter()
        .map(|c| {
            let mean = Tally::of(&c.progress.tasks).mean_percent;
            Bar {
                label: short_name(c.node),
                value: mean,
                text: format!("{}%", decimal(mean)),
                tone: if mean < tally.mean_percent {
                    Tone::Delayed
                } else {
                    Tone::OnTrack
                },
            }
        })
        .collect();
    Block::Chart(Chart {
        caption: context.figure("各项重点工作平均完成进度"),
        plot: Plot::Bars { max: 100.0, bars },
    })
}

/// The chart colour of a status.
fn tone(status: Status) -> Tone {
    match status {
        Status::Done => Tone::Done,
        Status::OnTrack => Tone::OnTrack,
        Status::Delayed => Tone::Delayed,
        Status::NotStarted => Tone::NotStarted,
    }
}
