//! The columns of the 台账 and the rows of its two side sheets: what each
//! is called when jianbao writes it, what else offices call it, which YAML
//! field it holds, and whether the units may change it.

/// A column of the 台账 sheet, one row per task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TaskField {
    /// The task's outline id (hidden column).
    Id,
    /// 序号: the row's running number, for people.
    Serial,
    /// 承诺事项: the commitment, as the speech names it.
    Commitment,
    /// 具体任务: the task, as the speech names it.
    Task,
    /// 牵头单位.
    LeadUnit,
    /// 完成时限.
    Deadline,
    /// 上月推进情况: last month's progress, for reference.
    Previous,
    /// 完成进度（%）.
    Percent,
    /// 推进状态.
    Status,
    /// 本月推进情况.
    Progress,
    /// 存在问题.
    Problems,
    /// 下步打算.
    NextSteps,
}

/// How a column is written and recognised.
#[derive(Debug, Clone, Copy)]
pub struct Column<F: 'static> {
    /// The field the column holds.
    pub field: F,
    /// The header jianbao writes.
    pub header: &'static str,
    /// Other headers offices use for the same column (besides `header`).
    pub synonyms: &'static [&'static str],
    /// The YAML key of the field, when it has one.
    pub key: Option<&'static str>,
    /// Whether the office decides it (locked) rather than the unit.
    pub locked: bool,
    /// Width in characters of the default font.
    pub width: f64,
    /// How to fill it in, shown as a note on the header.
    pub note: Option<&'static str>,
}

/// The 台账 columns in the order jianbao writes them.
pub const TASK_COLUMNS: &[Column<TaskField>] = &[
    Column {
        field: TaskField::Id,
        header: "编号",
        synonyms: &["ID", "任务编号"],
        key: Some("task"),
        locked: true,
        width: 8.0,
        note: None,
    },
    Column {
        field: TaskField::Serial,
        header: "序号",
        synonyms: &["No.", "NO."],
        key: None,
        locked: true,
        width: 5.0,
        note: None,
    },
    Column {
        field: TaskField::Commitment,
        header: "承诺事项",
        synonyms: &[
            "重点任务",
            "重点工作",
            "工作任务",
            "任务名称",
            "督查事项",
            "事项名称",
            "项目名称",
        ],
        key: Some("commitment"),
        locked: true,
        width: 14.0,
        note: None,
    },
    Column {
        field: TaskField::Task,
        header: "具体任务",
        synonyms: &[
            "具体内容",
            "工作目标",
            "目标任务",
            "任务内容",
            "具体措施",
            "工作措施",
            "目标要求",
            "主要内容",
        ],
        key: Some("task"),
        locked: true,
        width: 28.0,
        note: None,
    },
    Column {
        field: TaskField::LeadUnit,
        header: "牵头单位",
        synonyms: &["主办单位", "承办单位", "责任部门", "责任单位"],
        key: Some("lead_unit"),
        locked: true,
        width: 14.0,
        note: None,
    },
    Column {
        field: TaskField::Deadline,
        header: "完成时限",
        synonyms: &["时间节点", "完成时间", "办结时限", "时限要求"],
        key: Some("deadline"),
        locked: true,
        width: 12.0,
        note: None,
    },
    Column {
        field: TaskField::Previous,
        header: "上月推进情况",
        synonyms: &["上月进展情况", "上月进展"],
        key: None,
        locked: true,
        width: 36.0,
        note: None,
    },
    Column {
        field: TaskField::Percent,
        header: "完成进度（%）",
        synonyms: &["完成进度", "进度", "完成比例", "完成率", "形象进度"],
        key: Some("percent"),
        locked: false,
        width: 9.0,
        note: Some(
            "填 0 到 100 的整数，例如 85 表示完成 85%。状态为已完成时可不填（视为 100），未启动时可不填（视为 0）。",
        ),
    },
    Column {
        field: TaskField::Status,
        header: "推进状态",
        synonyms: &["状态", "进度评价", "完成状态", "办理状态", "进度情况"],
        key: Some("status"),
        locked: false,
        width: 10.0,
        note: Some("从下拉列表中选：已完成、序时推进、滞后、未启动。"),
    },
    Column {
        field: TaskField::Progress,
        header: "本月推进情况",
        synonyms: &[
            "推进情况",
            "进展情况",
            "工作进展",
            "落实情况",
            "办理情况",
            "完成情况",
            "工作动态",
            "本月进展",
            "本月进展情况",
        ],
        key: Some("progress"),
        locked: false,
        width: 50.0,
        note: Some("必填。写本月做了什么、累计到什么程度，用数字说话；不要只写“同上月”“见附件”。"),
    },
    Column {
        field: TaskField::Problems,
        header: "存在问题",
        synonyms: &["存在的问题", "困难问题", "存在问题及原因"],
        key: Some("problems"),
        locked: false,
        width: 30.0,
        note: Some("状态为滞后时必须写明原因；没有问题可留空。"),
    },
    Column {
        field: TaskField::NextSteps,
        header: "下步打算",
        synonyms: &[
            "下一步打算",
            "下步措施",
            "下一步措施",
            "下步工作计划",
            "下步工作安排",
            "下步工作",
        ],
        key: Some("next_steps"),
        locked: false,
        width: 30.0,
        note: Some("下个月准备做什么；可留空。"),
    },
];

/// A column of the 指标 sheet, one row per indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum IndicatorField {
    /// 指标名称.
    Name,
    /// 计量单位.
    Unit,
    /// 目标值.
    Target,
    /// 本月值（累计）.
    Value,
    /// 越大越好（是/否）.
    HigherIsBetter,
    /// 备注.
    Note,
}

/// The 指标 columns in the order jianbao writes them.
pub const INDICATOR_COLUMNS: &[Column<IndicatorField>] = &[
    Column {
        field: IndicatorField::Name,
        header: "指标名称",
        synonyms: &["指标", "名称"],
        key: Some("name"),
        locked: true,
        width: 30.0,
        note: None,
    },
    Column {
        field: IndicatorField::Unit,
        header: "计量单位",
        synonyms: &["单位"],
        key: Some("unit"),
        locked: true,
        width: 10.0,
        note: None,
    },
    Column {
        field: IndicatorField::Target,
        header: "目标值",
        synonyms: &["年度目标", "目标"],
        key: Some("target"),
        locked: true,
        width: 10.0,
        note: None,
    },
    Column {
        field: IndicatorField::Value,
        header: "本月值（累计）",
        synonyms: &["本月值", "完成值", "累计值", "实际值"],
        key: Some("value"),
        locked: false,
        width: 14.0,
        note: Some("填一个数，不写单位；累计指标填截至本月的累计值。"),
    },
    Column {
        field: IndicatorField::HigherIsBetter,
        header: "越大越好",
        synonyms: &["越大越好（是/否）", "方向"],
        key: Some("higher_is_better"),
        locked: true,
        width: 9.0,
        note: None,
    },
    Column {
        field: IndicatorField::Note,
        header: "备注",
        synonyms: &["说明"],
        key: Some("note"),
        locked: false,
        width: 30.0,
        note: Some("需要说明的情况；可留空。"),
    },
];

/// What kind of value a row of the 简报信息 sheet holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InfoKind {
    /// Text.
    Text,
    /// A whole number (期号, 印数).
    Number,
    /// Several names, one per line.
    List,
}

/// A row of the 简报信息 sheet: the `briefing:` section of the YAML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InfoRow {
    /// The YAML key under `briefing:`.
    pub key: &'static str,
    /// The 项目 jianbao writes.
    pub label: &'static str,
    /// Other names for it.
    pub synonyms: &'static [&'static str],
    /// What the 内容 cell holds.
    pub kind: InfoKind,
    /// Whether the YAML requires it.
    pub required: bool,
}

/// The 简报信息 rows in the order jianbao writes them (the YAML's order).
pub const INFO_ROWS: &[InfoRow] = &[
    info("name", "简报名称", &["名称"], InfoKind::Text, true),
    info("title", "本期标题", &["标题"], InfoKind::Text, false),
    info(
        "period",
        "报告月份",
        &["月份", "期次"],
        InfoKind::Text,
        true,
    ),
    info("issue", "期号", &[], InfoKind::Number, true),
    info("total_issue", "总期号", &[], InfoKind::Number, false),
    info("office", "编印单位", &["编发单位"], InfoKind::Text, true),
    info("date", "印发日期", &["日期"], InfoKind::Text, true),
    info("report_to", "报", &["报送"], InfoKind::List, false),
    info("send_to", "送", &["抄送"], InfoKind::List, false),
    info("distribute_to", "发", &["分发"], InfoKind::List, false),
    info(
        "copies",
        "印数",
        &["共印份数", "份数"],
        InfoKind::Number,
        true,
    ),
    info("editor_note", "按语", &["编者按"], InfoKind::Text, false),
    info("document_number", "发文字号", &[], InfoKind::Text, false),
    info("issuer_mark", "发文机关标志", &[], InfoKind::Text, false),
    info("copy_number", "份号", &[], InfoKind::Text, false),
    info(
        "secrecy",
        "密级",
        &["密级和保密期限"],
        InfoKind::Text,
        false,
    ),
    info("urgency", "紧急程度", &[], InfoKind::Text, false),
    info("public_note", "附注", &[], InfoKind::Text, false),
];

const fn info(
    key: &'static str,
    label: &'static str,
    synonyms: &'static [&'static str],
    kind: InfoKind,
    required: bool,
) -> InfoRow {
    InfoRow {
        key,
        label,
        synonyms,
        kind,
        required,
    }
}

/// The column of `field`.
pub fn task_column(field: TaskField) -> &'static Column<TaskField> {
    TASK_COLUMNS
        .iter()
        .find(|column| column.field == field)
        .expect("every task field has a column")
}

/// The column of `field`.
pub fn indicator_column(field: IndicatorField) -> &'static Column<IndicatorField> {
    INDICATOR_COLUMNS
        .iter()
        .find(|column| column.field == field)
        .expect("every indicator field has a column")
}

/// A header as compared: without spaces, line breaks, asterisks (required
/// marks) and a trailing unit in brackets, full-width letters folded.
pub fn normalise_header(text: &str) -> String {
    let folded: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '*' | '＊' | '\u{3000}'))
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '％' => '%',
            other => other,
        })
        .collect();
    match folded.strip_suffix(')').and_then(|s| s.rsplit_once('(')) {
        Some((head, _)) if !head.is_empty() => head.to_string(),
        _ => folded,
    }
}

/// Whether `header` names `column`: its own header or a synonym, compared
/// normalised; headers such as “11月进展情况” match by their ending.
pub fn names<F: Copy>(column: &Column<F>, header: &str) -> bool {
    let header = normalise_header(header);
    if header.is_empty() {
        return false;
    }
    let candidates = std::iter::once(column.header).chain(column.synonyms.iter().copied());
    let mut candidates = candidates.map(normalise_header);
    candidates.any(|candidate| {
        header == candidate
            || (candidate.chars().count() >= 4
                && header.ends_with(&candidate)
                && header.starts_with(|c: char| {
                    c.is_ascii_digit() || "本当一二三四五六七八九十".contains(c)
                }))
    })
}

/// The user's words for YAML keys, to retell a message written for the YAML
/// file in the workbook's terms.
pub fn header_of_key(key: &str) -> Option<&'static str> {
    TASK_COLUMNS
        .iter()
        .filter(|c| c.field != TaskField::Id)
        .filter_map(|c| c.key.map(|k| (k, c.header)))
        .chain(
            INDICATOR_COLUMNS
                .iter()
                .filter_map(|c| c.key.map(|k| (k, c.header))),
        )
        .chain(INFO_ROWS.iter().map(|row| (row.key, row.label)))
        .find(|(k, _)| *k == key)
        .map(|(_, header)| header)
}

/// `text`, a message written for the YAML file, with its field names
/// (`status`, `“progress:”`) retold as the workbook's headers.
pub fn retell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| c.is_ascii_lowercase()) {
        out.push_str(&rest[..start]);
        let word_len = rest[start..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len() - start);
        let word = &rest[start..start + word_len];
        let after = &rest[start + word_len..];
        let before_is_word = out.ends_with(|c: char| c.is_ascii_alphanumeric());
        match header_of_key(word) {
            Some(header) if !before_is_word => {
                out.push_str(header);
                rest = after.strip_prefix(":”").map_or(after, |_| &after[1..]);
            }
            _ => {
                out.push_str(word);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_found_by_their_words_not_their_dress() {
        let progress = task_column(TaskField::Progress);
        assert!(names(progress, "本月推进情况"));
        assert!(names(progress, " 本月推进\n情况 "));
        assert!(names(progress, "11月进展情况"));
        assert!(names(progress, "工作进展"));
        assert!(!names(progress, "上月推进情况"));
        let percent = task_column(TaskField::Percent);
        assert!(names(percent, "完成进度（%）"));
        assert!(names(percent, "完成进度(％)"));
        assert!(names(percent, "*完成进度"));
        assert!(!names(task_column(TaskField::LeadUnit), "单位"));
        assert!(names(indicator_column(IndicatorField::Unit), "单位"));
    }

    #[test]
    fn every_yaml_key_has_a_header() {
        for key in [
            "status",
            "percent",
            "progress",
            "lead_unit",
            "name",
            "copies",
            "value",
        ] {
            assert!(header_of_key(key).is_some(), "{key}");
        }
        assert_eq!(header_of_key("status"), Some("推进状态"));
    }

    #[test]
    fn messages_for_yaml_are_retold_in_headers() {
        assert_eq!(
            retell("在“progress:”后面填上内容"),
            "在“本月推进情况”后面填上内容"
        );
        assert_eq!(
            retell("percent 填 0 到 100 之间的数"),
            "完成进度（%） 填 0 到 100 之间的数"
        );
        assert_eq!(retell("写 done 或 on_track"), "写 done 或 on_track");
    }
}
