//! Numbers computed from a month's progress, used by the briefing's text and
//! by `jianbao check`: counted once, here.

use crate::progress::{Progress, Status, TaskProgress};

/// Task counts and completion over a set of tasks.
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    /// Number of tasks per status, in [`Status::ALL`] order.
    pub by_status: [(Status, usize); 4],
    /// Mean percent complete; 0 when there are no tasks.
    pub mean_percent: f64,
}

impl Tally {
    /// Counts `tasks`.
    pub fn of<'a>(tasks: impl IntoIterator<Item = &'a TaskProgress>) -> Tally {
        let mut by_status = Status::ALL.map(|status| (status, 0));
        let mut total = 0.0;
        let mut count = 0usize;
        for task in tasks {
            if let Some(entry) = by_status.iter_mut().find(|(s, _)| *s == task.status) {
                entry.1 += 1;
            }
            total += task.percent;
            count += 1;
        }
        let mean_percent = if count == 0 {
            0.0
        } else {
            total / count as f64
        };
        Tally {
            by_status,
            mean_percent,
        }
    }

    /// Number of tasks counted.
    pub fn total(&self) -> usize {
        self.by_status.iter().map(|(_, n)| n).sum()
    }

    /// Number of tasks with `status`.
    pub fn count(&self, status: Status) -> usize {
        self.by_status
            .iter()
            .find(|(s, _)| *s == status)
            .map_or(0, |(_, n)| *n)
    }
}

/// The tally of every task of a month.
pub fn month_tally(progress: &Progress) -> Tally {
    Tally::of(progress.tasks())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn task(status: Status, percent: f64) -> TaskProgress {
        TaskProgress {
            node_id: "1".into(),
            status,
            percent,
            lead_unit: "局".into(),
            deadline: None,
            progress: "做了".into(),
            progress_at: None,
            problems: None,
            next_steps: None,
        }
    }

    #[test]
    fn counts_and_mean() {
        let tasks = [
            task(Status::Done, 100.0),
            task(Status::OnTrack, 60.0),
            task(Status::OnTrack, 50.0),
            task(Status::Delayed, 30.0),
        ];
        let tally = Tally::of(&tasks);
        assert_eq!(tally.total(), 4);
        assert_eq!(tally.count(Status::OnTrack), 2);
        assert_eq!(tally.count(Status::NotStarted), 0);
        assert!((tally.mean_percent - 60.0).abs() < 1e-9);
    }

    #[test]
    fn empty_is_zero() {
        let tally = Tally::of(&[]);
        assert_eq!(tally.total(), 0);
        assert_eq!(tally.mean_percent, 0.0);
    }
}
