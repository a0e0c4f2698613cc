//! The typed values of a progress file: status words, dates, months and
//! deadlines, each parsed from the text a clerk is likely to type.

use std::fmt;

use serde::{Serialize, Serializer};

/// Where a task stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// 已完成: finished.
    Done,
    /// 序时推进: on schedule.
    OnTrack,
    /// 滞后: behind schedule.
    Delayed,
    /// 未启动: not started.
    NotStarted,
}

impl Status {
    /// Every status, in the order the briefing counts them.
    pub const ALL: [Status; 4] = [
        Status::Done,
        Status::OnTrack,
        Status::Delayed,
        Status::NotStarted,
    ];

    /// The official Chinese word.
    pub fn chinese(self) -> &'static str {
        match self {
            Status::Done => "已完成",
            Status::OnTrack => "序时推进",
            Status::Delayed => "滞后",
            Status::NotStarted => "未启动",
        }
    }

    /// Reads a status word: the official Chinese, the synonyms offices
    /// write in their 台账 (达进度, 慢序时, 欠进度, 已办结, 黄牌 …), or English.
    /// Words that say no status (暂缓, 其它, 取消) are not read.
    pub fn parse(word: &str) -> Option<Status> {
        let word = word.trim();
        let lower = word.to_ascii_lowercase().replace(['-', ' '], "_");
        let status = match (word, lower.as_str()) {
            (
                "已完成" | "完成" | "已办结" | "办结" | "已销号" | "提前完成" | "已完成年度任务",
                _,
            )
            | (_, "done" | "completed" | "finished") => Status::Done,
            (
                "序时推进" | "正常推进" | "按序时推进" | "按序时" | "达进度" | "达序时" | "推进中"
                | "正在推进" | "正在办理" | "有序推进" | "超进度" | "超序时" | "绿" | "绿灯"
                | "绿牌",
                _,
            )
            | (_, "on_track" | "ontrack" | "in_progress") => Status::OnTrack,
            (
                "滞后" | "进度滞后" | "滞后于序时" | "滞后序时" | "慢序时" | "欠进度"
                | "未达序时进度" | "逾期" | "严重滞后" | "黄" | "黄灯" | "黄牌" | "红" | "红灯"
                | "红牌",
                _,
            )
            | (_, "delayed" | "behind" | "late") => Status::Delayed,
            ("未启动" | "未开始" | "尚未启动" | "未开工", _)
            | (_, "not_started" | "notstarted" | "pending") => Status::NotStarted,
            _ => return None,
        };
        Some(status)
    }

    /// The percent implied by the status when the clerk gives none.
    pub fn implied_percent(self) -> Option<f64> {
        match self {
            Status::Done => Some(100.0),
            Status::NotStarted => Some(0.0),
            Status::OnTrack | Status::Delayed => None,
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.chinese())
    }
}

/// A calendar date that exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(time::Date);

/// Why a date could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// The text is not in a known date format.
    Format,
    /// The format is right but the day does not exist (2026-02-30).
    NoSuchDay {
        /// Year as written.
        year: i32,
        /// Month as written.
        month: u8,
        /// Days the month really has, or 0 when the month itself is invalid.
        days_in_month: u8,
    },
}

impl Date {
    /// Builds a date from its parts, if the day exists.
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Result<Date, DateError> {
        let no_such_day = || DateError::NoSuchDay {
            year,
            month,
            days_in_month: time::Month::try_from(month)
                .map(|m| m.length(year))
                .unwrap_or(0),
        };
        let month_value = time::Month::try_from(month).map_err(|_| no_such_day())?;
        time::Date::from_calendar_date(year, month_value, day)
            .map(Date)
            .map_err(|_| no_such_day())
    }

    /// Reads `2026-11-28`, `2026/11/28`, `2026.11.28`, `2026年11月28日` (or 号),
    /// also in full-width digits; the year comes first, so `28/11/2026` is
    /// refused rather than guessed.
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let numbers = split_numbers(text.trim(), &["-", "/", ".", "年", "月", "日", "号"])
            .ok_or(DateError::Format)?;
        match numbers.as_slice() {
            [year, month, day] if (1000..=9999).contains(year) => {
                let month = u8::try_from(*month).map_err(|_| DateError::Format)?;
                let day = u8::try_from(*day).map_err(|_| DateError::Format)?;
                Date::from_ymd(*year, month, day)
            }
            _ => Err(DateError::Format),
        }
    }

    /// Year, month and day.
    pub fn ymd(self) -> (i32, u8, u8) {
        (self.0.year(), self.0.month() as u8, self.0.day())
    }

    /// Official Chinese form: `2026年11月28日` (no leading zeros).
    pub fn chinese(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{y}年{m}月{d}日")
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Reads a number as a clerk types it: `95`, `87.6`, `-1.5`, also in
/// full-width digits (`９５`, typed with a Chinese input method in
/// full-width mode) and with a trailing percent sign (`95%`, `95％`). Units
/// and words (`95 万亩`, `约95`) are refused: `None`.
pub fn parse_number(text: &str) -> Option<f64> {
    let normalised: String = text
        .chars()
        .map(|c| if c == '\u{2212}' { '-' } else { half_width(c) })
        .collect();
    let trimmed = normalised.trim();
    let bare = trimmed.strip_suffix('%').unwrap_or(trimmed).trim_end();
    let plain = bare
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+'));
    let has_digit = bare.chars().any(|c| c.is_ascii_digit());
    if !plain || !has_digit {
        return None;
    }
    bare.parse::<f64>().ok()
}

/// Splits `text` at any of `separators` into integers; `None` if any part is
/// not a plain number. A trailing separator (年…日) is allowed. Full-width
/// digits and separators (`２０２６－１１－２８`, typed with a Chinese input
/// method in full-width mode) read as their ASCII forms.
fn split_numbers(text: &str, separators: &[&str]) -> Option<Vec<i32>> {
    let mut normalised: String = text.chars().map(half_width).collect();
    for separator in separators {
        normalised = normalised.replace(separator, " ");
    }
    normalised
        .split_whitespace()
        .map(|part| {
            if part.len() <= 4 && part.bytes().all(|b| b.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        })
        .collect()
}

/// The ASCII form of a full-width ASCII character (U+FF01–U+FF5E), and
/// the ideographic full stop as a dot; other characters as they are.
fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        c => c,
    }
}

/// The month a briefing reports on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    /// Year, e.g. 2026.
    pub year: i32,
    /// Month, 1–12.
    pub month: u8,
}

impl Period {
    /// Reads `2026-11`, `2026/11`, `2026.11` or `2026年11月`.
    pub fn parse(text: &str) -> Option<Period> {
        let numbers = split_numbers(text.trim(), &["-", "/", ".", "年", "月"])?;
        match numbers.as_slice() {
            [year, month] if (1000..=9999).contains(year) && (1..=12).contains(month) => {
                Some(Period {
                    year: *year,
                    month: u8::try_from(*month).ok()?,
                })
            }
            _ => None,
        }
    }

    /// The month after this one.
    pub fn next(self) -> Period {
        if self.month == 12 {
            Period {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Period {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    /// The month before this one.
    pub fn previous(self) -> Period {
        if self.month == 1 {
            Period {
                year: self.year - 1,
                month: 12,
            }
        } else {
            Period {
                year: self.year,
                month: self.month - 1,
            }
        }
    }

    /// Official Chinese form: `2026年11月`.
    pub fn chinese(self) -> String {
        format!("{}年{}月", self.year, self.month)
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// When a task is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Deadline {
    /// Due on a date.
    Date(Date),
    /// Standing work with no end date (长期).
    Ongoing,
}

/// The last day of the month, quarter, half or year `text` names
/// (`6月底`, `2026年12月`, `第三季度末`, `上半年`, `年底`, `年内`), in `year`
/// unless the text starts with one (`2026年`).
fn period_end(text: &str, year: i32) -> Option<Date> {
    let text: String = text.chars().map(half_width).collect();
    let (year, rest) = match text.split_once('年') {
        Some((digits, rest)) if digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()) => {
            (digits.parse().ok()?, rest.to_string())
        }
        _ => (year, text.clone()),
    };
    let rest = rest.trim_end_matches(['底', '末', '份']).trim();
    let month = match rest {
        "年" | "" | "年内" | "内" | "全年" => 12,
        "上半年" => 6,
        "下半年" => 12,
        _ => match rest.strip_suffix("季度") {
            Some(quarter) => 3 * small_number(quarter.trim_start_matches('第'))?,
            None => small_number(rest.strip_suffix('月')?)?,
        },
    };
    if !(1..=12).contains(&month) || (month % 3 != 0 && rest.ends_with("季度")) {
        return None;
    }
    let month = u8::try_from(month).ok()?;
    let last = time::Month::try_from(month).ok()?.length(year);
    Date::from_ymd(year, month, last).ok()
}

/// A number from 1 to 12 in digits or Chinese numerals (三, 十二).
fn small_number(text: &str) -> Option<u32> {
    if let Ok(n) = text.parse() {
        return Some(n);
    }
    const DIGITS: [char; 9] = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];
    let digit = |c: char| DIGITS.iter().position(|&d| d == c).map(|i| i as u32 + 1);
    let chars: Vec<char> = text.chars().collect();
    match chars.as_slice() {
        [c] if *c == '十' => Some(10),
        [c] => digit(*c),
        ['十', c] => Some(10 + digit(*c)?),
        _ => None,
    }
}

/// Words that mean "no end date".
const ONGOING_WORDS: [&str; 4] = ["长期", "长期坚持", "持续推进", "ongoing"];

impl Deadline {
    /// Reads a deadline as offices write it: a date (2026-12-31,
    /// 2026年12月31日), the end of a month, quarter, half or year (6月底前,
    /// 2026年12月底, 第三季度末, 上半年, 年底前, 年内) in `year` unless one is
    /// written, or one of the words for standing work (长期). A trailing
    /// 前/之前 (“by”) changes nothing: the deadline is the last day.
    pub fn parse(text: &str, year: i32) -> Result<Deadline, DateError> {
        let text = text.trim();
        if ONGOING_WORDS.contains(&text) {
            return Ok(Deadline::Ongoing);
        }
        let bare = text
            .strip_suffix("之前")
            .or_else(|| text.strip_suffix('前'));
        let bare = bare.unwrap_or(text).trim();
        match Date::parse(bare) {
            Ok(date) => Ok(Deadline::Date(date)),
            Err(DateError::Format) => period_end(bare, year)
                .map(Deadline::Date)
                .ok_or(DateError::Format),
            Err(err) => Err(err),
        }
    }

    /// Whether the deadline lies before `day`.
    pub fn is_before(self, day: Date) -> bool {
        matches!(self, Deadline::Date(date) if date < day)
    }
}

impl fmt::Display for Deadline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Deadline::Date(date) => f.write_str(&date.chinese()),
            Deadline::Ongoing => f.write_str("长期"),
        }
    }
}

impl Serialize for Deadline {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Deadline::Date(date) => date.serialize(serializer),
            Deadline::Ongoing => serializer.serialize_str("长期"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_words_in_both_languages() {
        assert_eq!(Status::parse("已完成"), Some(Status::Done));
        assert_eq!(Status::parse("on-track"), Some(Status::OnTrack));
        assert_eq!(Status::parse("Delayed"), Some(Status::Delayed));
        assert_eq!(Status::parse("未启动"), Some(Status::NotStarted));
        assert_eq!(Status::parse("进行中了"), None);
    }

    #[test]
    fn dates_in_common_formats() {
        let expected = Date::from_ymd(2026, 11, 28).unwrap();
        for text in ["2026-11-28", "2026/11/28", "2026.11.28", "2026年11月28日"] {
            assert_eq!(Date::parse(text), Ok(expected), "{text}");
        }
        for text in [
            "２０２６－１１－２８",
            "２０２６年１１月２８日",
            "2026．11．28",
            "2026-1-5",
        ] {
            assert!(Date::parse(text).is_ok(), "{text}");
        }
        assert_eq!(Period::parse("２０２６年１１月"), Period::parse("2026-11"));
        for text in [
            "28/11/2026",
            "11-28",
            "20261128",
            "2026-11-28T10:00",
            "二〇二六年十一月",
        ] {
            assert_eq!(Date::parse(text), Err(DateError::Format), "{text}");
        }
        assert_eq!(expected.chinese(), "2026年11月28日");
        assert_eq!(expected.to_string(), "2026-11-28");
    }

    #[test]
    fn impossible_dates_are_named() {
        assert_eq!(
            Date::parse("2026-02-30"),
            Err(DateError::NoSuchDay {
                year: 2026,
                month: 2,
                days_in_month: 28
            })
        );
        assert_eq!(Date::parse("28.11.2026"), Err(DateError::Format));
        assert_eq!(Date::parse("下个月"), Err(DateError::Format));
    }

    #[test]
    fn status_words_of_local_practice() {
        for (word, status) in [
            ("达进度", Status::OnTrack),
            ("慢序时", Status::Delayed),
            ("欠进度", Status::Delayed),
            ("已办结", Status::Done),
            ("未开工", Status::NotStarted),
            ("黄牌", Status::Delayed),
        ] {
            assert_eq!(Status::parse(word), Some(status), "{word}");
        }
        for word in ["暂缓", "其它", "取消", "进行中"] {
            assert_eq!(Status::parse(word), None, "{word}");
        }
    }

    #[test]
    fn numbers_as_clerks_type_them() {
        for (text, number) in [
            ("95", 95.0),
            ("87.6", 87.6),
            ("-1.5", -1.5),
            ("95%", 95.0),
            ("95 %", 95.0),
            ("95％", 95.0),
            ("９５", 95.0),
            ("９５．５％", 95.5),
            ("\u{2212}2", -2.0),
            (" 80 ", 80.0),
        ] {
            assert_eq!(parse_number(text), Some(number), "{text}");
        }
        for text in [
            "",
            "%",
            "约95",
            "95万亩",
            "95 亩",
            "九十五",
            "1e5",
            "nan",
            "inf",
            "9-5",
            ".",
        ] {
            assert_eq!(parse_number(text), None, "{text}");
        }
    }

    #[test]
    fn periods() {
        let period = Period::parse("2026-11").unwrap();
        assert_eq!(period.chinese(), "2026年11月");
        assert_eq!(Period::parse("2026年12月"), Some(period.next()));
        assert_eq!(period.next().next().to_string(), "2027-01");
        assert_eq!(Period::parse("2026-13"), None);
    }

    #[test]
    fn deadlines() {
        assert_eq!(Deadline::parse("长期", 2026), Ok(Deadline::Ongoing));
        let day = Date::parse("2026-11-28").unwrap();
        assert!(Deadline::parse("2026-10-31", 2026).unwrap().is_before(day));
        assert!(!Deadline::Ongoing.is_before(day));
    }

    #[test]
    fn deadlines_as_offices_write_them() {
        let end = |text: &str| match Deadline::parse(text, 2026) {
            Ok(Deadline::Date(date)) => date.to_string(),
            other => panic!("{text}: {other:?}"),
        };
        for (text, date) in [
            ("6月底前", "2026-06-30"),
            ("2月底", "2026-02-28"),
            ("2027年2月底前", "2027-02-28"),
            ("2026年12月底前", "2026-12-31"),
            ("１２月底", "2026-12-31"),
            ("十一月底前", "2026-11-30"),
            ("年底前", "2026-12-31"),
            ("年内", "2026-12-31"),
            ("2027年底", "2027-12-31"),
            ("上半年", "2026-06-30"),
            ("第三季度末", "2026-09-30"),
            ("第2季度", "2026-06-30"),
            ("2026年11月28日前", "2026-11-28"),
            ("2026-11-28之前", "2026-11-28"),
        ] {
            assert_eq!(end(text), date, "{text}");
        }
        for text in ["13月底", "第五季度", "下月", "尽快", "年底前后"] {
            assert_eq!(
                Deadline::parse(text, 2026),
                Err(DateError::Format),
                "{text}"
            );
        }
        assert!(matches!(
            Deadline::parse("2026年2月30日前", 2026),
            Err(DateError::NoSuchDay { .. })
        ));
    }
}
