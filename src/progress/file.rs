//! The progress file exactly as the clerk writes it.
//!
//! These types mirror the YAML one to one: they decide the field names, which
//! fields are required, and the JSON Schema that `jianbao schema` prints.
//! Values whose meaning is checked later (dates, status words, references)
//! stay text here, wrapped in [`Spanned`] so a later error can point at them.

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use serde_saphyr::Spanned;

/// A whole monthly progress file.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "jianbao 月度进展文件 (monthly progress file)",
    description = "每月一份：简报的基本信息、各项承诺和任务的本月进展、重点指标。"
)]
pub struct ProgressFile {
    /// The briefing's metadata.
    #[schemars(description = "简报基本信息：名称、期号、编印单位、日期、报送范围等")]
    pub briefing: BriefingSection,
    /// Progress per commitment of the speech.
    #[schemars(description = "各项承诺（讲话中的“一是……四是……”）及其下各项任务的本月进展")]
    pub commitments: Vec<CommitmentEntry>,
    /// Key indicators with targets and this month's values.
    #[serde(default)]
    #[schemars(description = "重点指标：名称、单位、目标值、本月值")]
    pub indicators: Vec<IndicatorEntry>,
}

/// The `briefing:` section.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BriefingSection {
    /// Name printed in the masthead.
    #[schemars(
        with = "String",
        description = "简报名称，印在报头，例如“生态文明建设工作简报”"
    )]
    pub name: Spanned<String>,
    /// Title of this issue's article; generated from the period when absent.
    #[serde(default)]
    #[schemars(
        with = "Option<String>",
        description = "本期标题（可省略，省略时按月份自动生成）"
    )]
    pub title: Option<Spanned<String>>,
    /// The month reported on, `2026-11`.
    #[schemars(with = "String", description = "报告月份，写作 2026-11 或 2026年11月")]
    pub period: Spanned<String>,
    /// Issue number of the year (期号).
    #[schemars(
        with = "u32",
        range(min = 1),
        description = "期号（当年第几期），例如 11"
    )]
    pub issue: Spanned<u32>,
    /// Running issue number since the first (总期号).
    #[serde(default)]
    #[schemars(
        with = "Option<u32>",
        range(min = 1),
        description = "总期号（可省略），例如 45"
    )]
    pub total_issue: Option<Spanned<u32>>,
    /// The office that compiles the briefing.
    #[schemars(
        with = "String",
        description = "编印单位，例如“市生态文明建设领导小组办公室”"
    )]
    pub office: Spanned<String>,
    /// Date printed in the masthead.
    #[schemars(
        with = "String",
        description = "印发日期，写作 2026-11-28（也接受 2026/11/28、2026年11月28日）"
    )]
    pub date: Spanned<String>,
    /// 报: superiors the briefing is reported to.
    #[serde(default)]
    #[schemars(description = "报：呈报的上级领导或机关")]
    pub report_to: Vec<String>,
    /// 送: peer organs the briefing is sent to.
    #[serde(default)]
    #[schemars(description = "送：抄送的同级机关")]
    pub send_to: Vec<String>,
    /// 发: units the briefing is distributed to.
    #[serde(default)]
    #[schemars(description = "发：分发的下级单位")]
    pub distribute_to: Vec<String>,
    /// Number of printed copies (共印N份).
    #[schemars(with = "u32", range(min = 1), description = "印数：共印多少份")]
    pub copies: Spanned<u32>,
    /// Optional editor's note (按语).
    #[serde(default)]
    #[schemars(description = "按语（可省略），印在标题下，楷体")]
    pub editor_note: Option<String>,
    /// 发文字号 for the 通报 layout.
    #[serde(default)]
    #[schemars(description = "发文字号（通报模板用，可省略），例如“市生态办〔2026〕11号”")]
    pub document_number: Option<String>,
    /// 发文机关标志 for the 通报 layout; the office + 文件 when absent.
    #[serde(default)]
    #[schemars(description = "发文机关标志（通报模板用，可省略，默认为编印单位加“文件”）")]
    pub issuer_mark: Option<String>,
    /// 份号.
    #[serde(default)]
    #[schemars(description = "份号（通报模板用，可省略），6 位数字，如 000001")]
    pub copy_number: Option<String>,
    /// 密级 and its period.
    #[serde(default)]
    #[schemars(description = "密级和保密期限（通报模板用，可省略），如“秘密★1年”")]
    pub secrecy: Option<String>,
    /// 紧急程度.
    #[serde(default)]
    #[schemars(description = "紧急程度（通报模板用，可省略），如“特急”“加急”")]
    pub urgency: Option<String>,
    /// 附注, e.g. （此件公开发布）.
    #[serde(default)]
    #[schemars(description = "附注（通报模板用，可省略），如“（此件公开发布）”")]
    pub public_note: Option<String>,
}

/// One commitment of the speech and the progress of its tasks.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CommitmentEntry {
    /// Reference to the commitment: outline id (`2.1`) or label (`提升战`).
    #[schemars(
        with = "String",
        description = "对应讲话中的哪项承诺：编号（如 2.1）或简称（如 提升战）；用 jianbao outline 查看"
    )]
    pub commitment: Spanned<String>,
    /// The tasks of the commitment reported this month.
    #[schemars(
        description = "本承诺下各项任务的进展；承诺本身没有细分任务时，写一项，task 填承诺本身"
    )]
    pub tasks: Vec<TaskEntry>,
}

/// Progress of one task.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TaskEntry {
    /// Reference to the task: outline id (`2.1.3`) or label (`河（湖）长制`).
    #[schemars(
        with = "String",
        description = "对应哪项任务：编号（如 2.1.3）或简称（如 河（湖）长制）"
    )]
    pub task: Spanned<String>,
    /// Status word: 已完成 / 序时推进 / 滞后 / 未启动 (or English).
    #[schemars(
        with = "String",
        description = "状态：已完成、序时推进、滞后、未启动（也接受 已办结、达进度、慢序时、欠进度、未开工 等台账写法，以及 done、on_track、delayed、not_started）"
    )]
    pub status: Spanned<String>,
    /// Percent complete, 0–100; implied by 已完成 (100) and 未启动 (0).
    #[serde(default)]
    #[schemars(
        schema_with = "percent_schema",
        description = "完成进度，0 到 100 的数（百分比，可写 85、85% 或全角 ８５）；已完成可省略（视为 100），未启动可省略（视为 0）"
    )]
    pub percent: Option<Spanned<NumberText>>,
    /// The lead unit (牵头单位).
    #[schemars(with = "String", description = "牵头单位，例如“市生态环境局”")]
    pub lead_unit: Spanned<String>,
    /// Deadline: a date, or 长期 for standing work.
    #[serde(default)]
    #[schemars(
        with = "Option<String>",
        description = "完成时限：日期（2026-12-31、2026年12月31日），或 6月底前、年底前、第三季度末、上半年（年份取报告月份所在年），或“长期”；可省略"
    )]
    pub deadline: Option<Spanned<String>>,
    /// What was done this month.
    #[schemars(with = "String", description = "本月进展（必填）")]
    pub progress: Spanned<String>,
    /// Problems met, if any.
    #[serde(default)]
    #[schemars(description = "存在问题（可省略）")]
    pub problems: Option<String>,
    /// Next steps, if any.
    #[serde(default)]
    #[schemars(description = "下步工作（可省略）")]
    pub next_steps: Option<String>,
}

/// One key indicator.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorEntry {
    /// Name of the indicator.
    #[schemars(with = "String", description = "指标名称，例如“空气质量优良天数比例”")]
    pub name: Spanned<String>,
    /// Unit, e.g. `%`, `μg/m³`, `亩`.
    #[schemars(description = "单位，例如 %、μg/m³、亩")]
    pub unit: String,
    /// Target value for the year.
    #[schemars(
        schema_with = "number_schema",
        description = "目标值（年度目标），一个数，可带 %，不写单位"
    )]
    pub target: Spanned<NumberText>,
    /// Value this month (or cumulative to this month).
    #[schemars(
        schema_with = "number_schema",
        description = "本月值（累计指标填累计值），一个数，可带 %，不写单位"
    )]
    pub value: Spanned<NumberText>,
    /// Whether a higher value is better (true for 优良天数, false for PM2.5).
    #[serde(default = "higher_is_better_default")]
    #[schemars(description = "数值越高越好填 true（默认），越低越好填 false（如 PM2.5 浓度）")]
    pub higher_is_better: bool,
    /// A short remark printed with the indicator.
    #[serde(default)]
    #[schemars(description = "备注（可省略）")]
    pub note: Option<String>,
}

fn higher_is_better_default() -> bool {
    true
}

/// A number as the clerk typed it: a YAML number, or text such as `95%`,
/// `95％` or full-width `９５`, read by
/// [`parse_number`](super::values::parse_number) during validation so that
/// a refusal can say what was wrong.
#[derive(Debug, Clone, PartialEq)]
pub enum NumberText {
    /// Written as a YAML number.
    Number(f64),
    /// Written as text.
    Text(String),
}

impl<'de> Deserialize<'de> for NumberText {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NumberTextVisitor)
    }
}

/// Takes a number or text; anything else (a list, a mapping) is the wrong
/// type, reported as “a number” wanted.
struct NumberTextVisitor;

impl serde::de::Visitor<'_> for NumberTextVisitor {
    type Value = NumberText;

    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("a number")
    }

    fn visit_f64<E: serde::de::Error>(self, value: f64) -> Result<NumberText, E> {
        Ok(NumberText::Number(value))
    }

    fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<NumberText, E> {
        Ok(NumberText::Number(value as f64))
    }

    fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<NumberText, E> {
        Ok(NumberText::Number(value as f64))
    }

    fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<NumberText, E> {
        Ok(NumberText::Text(value.to_string()))
    }
}

/// Text a number may be typed as: digits (also full-width), an optional
/// sign and decimal point, an optional trailing percent sign.
const NUMBER_PATTERN: &str = "^\\s*[-+−－＋]?[0-9０-９]+([.．][0-9０-９]+)?\\s*[%％]?\\s*$";

/// Schema of a percent: 0 to 100, as a number or as text; may be left
/// empty (implied by the status).
fn percent_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "anyOf": [
            { "type": "number", "minimum": 0, "maximum": 100 },
            { "type": "string", "pattern": NUMBER_PATTERN },
            { "type": "null" }
        ]
    })
}

/// Schema of an indicator number, as a number or as text.
fn number_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "anyOf": [
            { "type": "number" },
            { "type": "string", "pattern": NUMBER_PATTERN }
        ]
    })
}
