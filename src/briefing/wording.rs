//! Numbers and lists written the official Chinese way.

/// `1` → `一`, `12` → `十二`, `21` → `二十一` (1–99; larger numbers in digits).
pub fn chinese_number(n: usize) -> String {
    const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n].to_string(),
        10..=19 => format!("十{}", if n == 10 { "" } else { DIGITS[n - 10] }),
        20..=99 => format!(
            "{}十{}",
            DIGITS[n / 10],
            if n.is_multiple_of(10) {
                ""
            } else {
                DIGITS[n % 10]
            }
        ),
        _ => n.to_string(),
    }
}

/// Heading numbers by level: `一、`, `（一）`, `1.`, `（1）`.
pub fn heading_number(level: u8, n: usize) -> String {
    match level {
        1 => format!("{}、", chinese_number(n)),
        2 => format!("（{}）", chinese_number(n)),
        3 => format!("{n}."),
        _ => format!("（{n}）"),
    }
}

/// A number with at most one decimal and no trailing `.0`: `85`, `87.3`.
pub fn decimal(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

/// A percentage: `85%`, `87.3%`.
pub fn percent(value: f64) -> String {
    format!("{}%", decimal(value))
}

/// Items joined with `、`.
pub fn enumerate(items: &[String]) -> String {
    items.join("、")
}

/// Text with any final punctuation replaced by `。`.
pub fn sentence(text: &str) -> String {
    let trimmed = text
        .trim()
        .trim_end_matches(['。', '；', '，', '、', '.', ';', ',']);
    if trimmed.ends_with(['！', '？']) {
        trimmed.to_string()
    } else {
        format!("{trimmed}。")
    }
}

/// Text without a final full stop, for headings: `聚焦源头治理，深入打好生态质量“提升战”`.
pub fn clause(text: &str) -> String {
    text.trim()
        .trim_end_matches(['。', '；', '，', '、', '：', '.', ';', ',', ':'])
        .to_string()
}

/// Text in paragraphs: lines joined, blank lines separating paragraphs.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|p| p.lines().map(str::trim).collect::<String>())
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numbers() {
        let got: Vec<String> = [1, 4, 10, 11, 20, 21, 99, 100]
            .iter()
            .map(|n| chinese_number(*n))
            .collect();
        assert_eq!(
            got,
            ["一", "四", "十", "十一", "二十", "二十一", "九十九", "100"]
        );
    }

    #[test]
    fn heading_numbers() {
        assert_eq!(heading_number(1, 2), "二、");
        assert_eq!(heading_number(2, 3), "（三）");
        assert_eq!(heading_number(3, 4), "4.");
        assert_eq!(heading_number(4, 5), "（5）");
    }

    #[test]
    fn numbers_and_sentences() {
        assert_eq!(percent(85.0), "85%");
        assert_eq!(percent(87.25), "87.3%");
        assert_eq!(decimal(29.6), "29.6");
        assert_eq!(sentence("完成了，"), "完成了。");
        assert_eq!(sentence("完成了"), "完成了。");
        assert_eq!(clause("深入打好“提升战”。"), "深入打好“提升战”");
        assert_eq!(paragraphs("第一段\n续\n\n第二段\n"), ["第一段续", "第二段"]);
    }
}
