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

/// A change in percentage points: `提高3.2个百分点`, `下降1.5个百分点`, `持平`.
pub fn points_change(delta: f64) -> String {
    change(delta, "个百分点", ("提高", "下降"))
}

/// A change of a quantity in its unit, in the verbs official prose uses:
/// rates in points (`提高2.1个百分点`), concentrations and other ratios
/// `上升`/`下降` (`下降1.5微克/立方米`), amounts `增加`/`减少`
/// (`增加3.1万亩`); `持平` when nothing moved.
pub fn amount_change(delta: f64, unit: &str) -> String {
    if unit == "%" {
        points_change(delta)
    } else if unit.contains('/') {
        change(delta, &unit_in_words(unit), ("上升", "下降"))
    } else {
        change(delta, &unit_in_words(unit), ("增加", "减少"))
    }
}

fn change(delta: f64, unit: &str, (up, down): (&str, &str)) -> String {
    let size = decimal(delta.abs());
    if size == "0" {
        "持平".to_string()
    } else if delta > 0.0 {
        format!("{up}{size}{unit}")
    } else {
        format!("{down}{size}{unit}")
    }
}

/// A signed change for a table cell: `+0.8`, `-1.5`, `0`.
pub fn signed(delta: f64) -> String {
    let size = decimal(delta.abs());
    if size == "0" {
        size
    } else if delta > 0.0 {
        format!("+{size}")
    } else {
        format!("-{size}")
    }
}

/// A value with its unit as it reads in a sentence: `87.6%`,
/// `30.8微克/立方米`, `30.6万亩`.
pub fn quantity(value: f64, unit: &str) -> String {
    format!("{}{}", decimal(value), unit_in_words(unit))
}

/// Units of measurement as official prose writes them: symbols of the
/// common environmental units spelled out in Chinese.
pub fn unit_in_words(unit: &str) -> String {
    const WORDS: [(&str, &str); 8] = [
        ("μg/m³", "微克/立方米"),
        ("ug/m3", "微克/立方米"),
        ("mg/m³", "毫克/立方米"),
        ("mg/L", "毫克/升"),
        ("km²", "平方公里"),
        ("m³", "立方米"),
        ("hm²", "公顷"),
        ("t", "吨"),
    ];
    WORDS
        .iter()
        .find(|(symbol, _)| *symbol == unit)
        .map_or_else(|| unit.to_string(), |(_, words)| (*words).to_string())
}

/// A short quotation from the speech: whole clauses up to about `limit`
/// characters, inner quotation marks turned to single ones, `……` where
/// it was cut, without the final punctuation.
pub fn quotation(text: &str, limit: usize) -> String {
    let text = clause(text).replace('“', "‘").replace('”', "’");
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= limit {
        return text;
    }
    let cut = chars[..limit]
        .iter()
        .rposition(|c| matches!(c, '，' | '；' | '。'))
        .filter(|&at| at >= limit / 3)
        .unwrap_or(limit);
    format!("{}……", chars[..cut].iter().collect::<String>())
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

    #[test]
    fn changes_read_the_official_way() {
        assert_eq!(points_change(3.24), "提高3.2个百分点");
        assert_eq!(points_change(-1.5), "下降1.5个百分点");
        assert_eq!(points_change(0.04), "持平");
        assert_eq!(amount_change(-1.5, "μg/m³"), "下降1.5微克/立方米");
        assert_eq!(amount_change(0.3, "%"), "提高0.3个百分点");
        assert_eq!(amount_change(1.2, "μg/m³"), "上升1.2微克/立方米");
        assert_eq!(amount_change(1.7, "万亩"), "增加1.7万亩");
        assert_eq!(amount_change(-2.0, "座"), "减少2座");
        assert_eq!(signed(0.8), "+0.8");
        assert_eq!(signed(-1.5), "-1.5");
        assert_eq!(signed(0.01), "0");
        assert_eq!(quantity(30.8, "μg/m³"), "30.8微克/立方米");
    }

    #[test]
    fn quotations_keep_whole_clauses() {
        let text = "以创建国家生态文明示范市为统揽，持续深入打好蓝天、碧水、净土“三大保卫战”，突出抓好建筑工地污染治理。";
        assert_eq!(
            quotation(text, 40),
            "以创建国家生态文明示范市为统揽，持续深入打好蓝天、碧水、净土‘三大保卫战’……"
        );
        assert_eq!(
            quotation("落细落实河（湖）长制，", 40),
            "落细落实河（湖）长制"
        );
    }
}
