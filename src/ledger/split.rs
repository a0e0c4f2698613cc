//! One workbook per 牵头单位: the rows it leads, its name and the due date
//! filled in, ready to send.
//!
//! Where several units lead a task (“市生态环境局、市水务局”), the first
//! named leads and reports, as offices' own rules say (列第一位的为牵头单位).

use super::columns::TaskField;
use super::from_yaml::issued;
use super::{Ledger, Stamp};

/// The unit that reports a task: the first of its lead units.
pub fn reporting_unit(lead_units: &str) -> &str {
    lead_units
        .split(['、', '，', ',', '；', ';', '/', '／', '\n'])
        .map(str::trim)
        .find(|unit| !unit.is_empty())
        .unwrap_or_default()
}

/// One unit's share of the ledger.
#[derive(Debug, Clone)]
pub struct Share {
    /// The unit.
    pub unit: String,
    /// Its ledger: its rows, the month's information, no indicators.
    pub ledger: Ledger,
}

/// The ledger split by reporting unit, units in the order they first lead
/// a row. Rows without a lead unit are returned apart, for the clerk to
/// assign.
pub fn split(ledger: &Ledger) -> (Vec<Share>, Vec<usize>) {
    let mut shares: Vec<Share> = Vec::new();
    let mut unassigned = Vec::new();
    for (index, row) in ledger.tasks.iter().enumerate() {
        let unit = reporting_unit(row.text(TaskField::LeadUnit));
        if unit.is_empty() {
            unassigned.push(index);
            continue;
        }
        let position = match shares.iter().position(|share| share.unit == unit) {
            Some(position) => position,
            None => {
                shares.push(Share {
                    unit: unit.to_string(),
                    ledger: Ledger {
                        path: ledger.path.clone(),
                        info: ledger.info.clone(),
                        with_previous: ledger.with_previous,
                        ..Ledger::default()
                    },
                });
                shares.len() - 1
            }
        };
        shares[position].ledger.tasks.push(row.clone());
    }
    for share in &mut shares {
        share.ledger.stamp = Stamp {
            period: ledger
                .stamp
                .period
                .clone()
                .or_else(|| ledger.info("period").map(str::to_string)),
            unit: Some(share.unit.clone()),
            due: None,
            issued: issued(&share.ledger.tasks),
        };
    }
    (shares, unassigned)
}

/// A file name for `unit`'s workbook of `period`: `2026-12-市水务局.xlsx`,
/// with characters file systems refuse replaced.
pub fn file_name(period: &str, unit: &str) -> String {
    let safe: String = unit
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    format!("{period}-{safe}.xlsx")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_unit_named_reports() {
        assert_eq!(reporting_unit("市生态环境局、市水务局"), "市生态环境局");
        assert_eq!(reporting_unit(" 市水务局 "), "市水务局");
        assert_eq!(reporting_unit(""), "");
    }

    #[test]
    fn file_names_are_safe_everywhere() {
        assert_eq!(file_name("2026-12", "市水务局"), "2026-12-市水务局.xlsx");
        assert_eq!(file_name("2026-12", "a/b:c"), "2026-12-a_b_c.xlsx");
    }
}
