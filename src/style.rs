//! Style values: page geometry, grid, faces, sizes, colours.
//!
//! The defaults live in `templates/style.toml` (compiled into the binary);
//! a user file given with `--style` overrides any subset of them. Both
//! writers read this one [`Style`]: the PDF template receives it through
//! `sys.inputs`, the DOCX writer converts it to twips and half-points.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Span};
use crate::source::SourceFile;

/// The default style file, as shipped.
pub const DEFAULT_STYLE_TOML: &str = include_str!("../templates/style.toml");

/// Every style value of a briefing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Style {
    /// Paper size and margins.
    pub page: PageStyle,
    /// The line and character grid of the body.
    pub grid: GridStyle,
    /// Font sizes per role.
    pub size: SizeStyle,
    /// Colours.
    pub color: ColorStyle,
    /// Chart colours.
    pub chart: ChartStyle,
    /// Rule thicknesses.
    pub rule: RuleStyle,
    /// Heading options.
    pub heading: HeadingStyle,
    /// Table options.
    pub table: TableStyle,
    /// Faces per role: `body`, `title`, `hei`, `kai`, `song`, `ascii`.
    pub face: BTreeMap<String, Face>,
}

/// Paper and margins, in millimetres.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageStyle {
    /// Paper width.
    pub width_mm: f64,
    /// Paper height.
    pub height_mm: f64,
    /// Top margin (天头).
    pub top_mm: f64,
    /// Left margin (订口).
    pub left_mm: f64,
    /// Right margin.
    pub right_mm: f64,
    /// Bottom margin.
    pub bottom_mm: f64,
    /// Distance from the bottom of the type area to the page number.
    pub page_number_gap_mm: f64,
}

/// The body grid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GridStyle {
    /// Lines on a full page.
    pub lines_per_page: u32,
    /// Characters on a full line.
    pub chars_per_line: u32,
}

/// Font sizes in points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SizeStyle {
    /// Body text and headings.
    pub body_pt: f64,
    /// The article title.
    pub title_pt: f64,
    /// The briefing's name in the masthead (shrunk to fit one line).
    pub masthead_pt: f64,
    /// The issue number under the name.
    pub issue_pt: f64,
    /// Office and date under the issue number.
    pub masthead_info_pt: f64,
    /// Page numbers.
    pub page_number_pt: f64,
    /// The end block (报/送/发).
    pub imprint_pt: f64,
    /// Table text, and chart captions.
    pub table_pt: f64,
    /// Text inside charts: labels, values, months, scale.
    pub chart_pt: f64,
    /// The "附件1" label.
    pub attachment_label_pt: f64,
}

/// Colours as `#RRGGBB`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColorStyle {
    /// The official red of masthead and rules.
    pub red: String,
    /// Text colour.
    pub text: String,
}

/// Chart colours as `#RRGGBB`: one per tone of a bar, the axes, the
/// trend line and the target line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChartStyle {
    /// Bars of finished work.
    pub done: String,
    /// Bars of work on schedule, and of plain quantities.
    pub on_track: String,
    /// Bars of work behind schedule.
    pub delayed: String,
    /// Bars of work not started.
    pub not_started: String,
    /// Axes and tick marks.
    pub axis: String,
    /// The line and points of an indicator's trend.
    pub line: String,
    /// The dashed target line of a trend.
    pub target: String,
}

impl ChartStyle {
    /// Every colour with its key in the style file.
    fn colors(&self) -> [(&'static str, &str); 7] {
        [
            ("chart.done", &self.done),
            ("chart.on_track", &self.on_track),
            ("chart.delayed", &self.delayed),
            ("chart.not_started", &self.not_started),
            ("chart.axis", &self.axis),
            ("chart.line", &self.line),
            ("chart.target", &self.target),
        ]
    }
}

/// Rule thicknesses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleStyle {
    /// The thick red rule under the masthead, in points.
    pub masthead_pt: f64,
    /// First and last rule of the end block, in millimetres.
    pub imprint_outer_mm: f64,
    /// Rules between, in millimetres.
    pub imprint_inner_mm: f64,
}

/// Table options.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableStyle {
    /// Space between a cell's border and its text, left and right, in
    /// millimetres (Word's default is 1.9).
    pub padding_mm: f64,
}

/// Heading options.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeadingStyle {
    /// Whether level-3 headings (1.) are bold.
    pub level3_bold: bool,
}

/// The face of one role, for each writer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Face {
    /// East Asian font name written into the DOCX.
    pub docx: String,
    /// ASCII font name written into the DOCX.
    pub docx_ascii: String,
    /// Typst families tried in order for the PDF.
    pub pdf: Vec<String>,
    /// Weight for the PDF (`regular` or `bold`).
    #[serde(default = "regular")]
    pub pdf_weight: String,
}

fn regular() -> String {
    "regular".to_string()
}

/// Roles every style must define a face for.
pub const FACE_ROLES: [&str; 6] = ["body", "title", "hei", "kai", "song", "ascii"];

impl Style {
    /// The shipped defaults.
    pub fn default_style() -> Style {
        Self::from_table(default_table())
            .expect("templates/style.toml is valid; a unit test checks it")
    }

    /// Defaults overridden by the TOML file at `path`. Every error points at
    /// the offending key of the user's file.
    pub fn load_override(path: &Path) -> Result<Style, Diagnostic> {
        let file = SourceFile::read(path)?;
        let user: toml::Table = toml::from_str(&file.text)
            .map_err(|err| toml_diagnostic(&file, err.message(), err.span()))?;
        let mut merged = default_table();
        check_keys(&file, &merged, &user, &mut Vec::new())?;
        merge(&mut merged, user);
        Self::from_table(merged).map_err(|problem| problem.locate_in(&file))
    }

    /// The style of a complete table, checked.
    fn from_table(table: toml::Table) -> Result<Style, Problem> {
        check_limits(&table)?;
        let style: Style =
            toml::Value::Table(table)
                .try_into()
                .map_err(|err: toml::de::Error| Problem {
                    keys: Vec::new(),
                    message: format!("版式文件有误 (style file error)：{}", err.message()),
                    help: "对照 templates/style.toml 中的项名和单位修改".to_string(),
                })?;
        style.check()?;
        Ok(style)
    }

    /// Checks what the limits of single values cannot: every role present
    /// with its families and weight, colours, and that the page leaves room
    /// for the grid and the grid for the body text.
    fn check(&self) -> Result<(), Problem> {
        if let Some(role) = FACE_ROLES.iter().find(|r| !self.face.contains_key(**r)) {
            return Err(Problem::at(
                &["face"],
                format!("缺少字体角色 [face.{role}]"),
                format!("加上 [face.{role}]，写法同 templates/style.toml"),
            ));
        }
        for (role, face) in &self.face {
            if face.pdf.iter().all(|family| family.trim().is_empty()) {
                return Err(Problem::at(
                    &[&format!("face.{role}.pdf"), &format!("face.{role}")],
                    format!("字体角色 face.{role} 的 pdf 字体列表是空的"),
                    "至少写一个字体族，末尾保留内置字体，例如 [\"FangSong\", \"FandolFang R\"]",
                ));
            }
            if !["regular", "bold"].contains(&face.pdf_weight.as_str()) {
                return Err(Problem::at(
                    &[&format!("face.{role}.pdf_weight"), &format!("face.{role}")],
                    format!("字重“{}”无法识别", face.pdf_weight),
                    "pdf_weight 只能是 \"regular\"（常规）或 \"bold\"（加粗）",
                ));
            }
        }
        let colors = [
            ("color.red", self.color.red.as_str()),
            ("color.text", self.color.text.as_str()),
        ];
        for (key, value) in colors.into_iter().chain(self.chart.colors()) {
            let digits = value.strip_prefix('#').unwrap_or("");
            if digits.len() != 6 || !digits.chars().all(|c| c.is_ascii_hexdigit()) {
                return Err(Problem::at(
                    &[key],
                    format!("颜色 {key} = \"{value}\" 不是 #RRGGBB 形式 (bad colour)"),
                    "颜色写成井号加六位十六进制数，例如 \"#E60012\"",
                ));
            }
        }
        if self.type_width_mm() < MIN_TYPE_AREA_MM || self.type_height_mm() < MIN_TYPE_AREA_MM {
            return Err(Problem::at(
                &MARGIN_KEYS,
                format!(
                    "页边距太大，版心只剩 {:.0} × {:.0} mm (no room for the text)",
                    self.type_width_mm(),
                    self.type_height_mm()
                ),
                format!(
                    "减小页边距，使版心宽、高都至少 {MIN_TYPE_AREA_MM} mm（默认 156 × 225 mm）"
                ),
            ));
        }
        let body = self.size.body_pt;
        if self.char_cell_pt() < MIN_CELL_OF_BODY * body {
            return Err(Problem::at(
                &[
                    "grid.chars_per_line",
                    "size.body_pt",
                    "page.left_mm",
                    "page.right_mm",
                ],
                format!(
                    "版心一行放不下 {} 个 {body} 磅的字 (too many characters per line)",
                    self.grid.chars_per_line
                ),
                "减少每行字数 chars_per_line，或减小字号 size.body_pt（默认 28 字、16 磅）",
            ));
        }
        if self.line_pitch_pt() < body {
            return Err(Problem::at(
                &[
                    "grid.lines_per_page",
                    "size.body_pt",
                    "page.top_mm",
                    "page.bottom_mm",
                ],
                format!(
                    "版心一面放不下 {} 行 {body} 磅的字 (too many lines per page)",
                    self.grid.lines_per_page
                ),
                "减少每面行数 lines_per_page，或减小字号 size.body_pt（默认 22 行、16 磅）",
            ));
        }
        Ok(())
    }

    /// The face of a role; roles are checked at load time.
    pub fn face(&self, role: &str) -> &Face {
        &self.face[role]
    }

    /// Width of the type area (版心).
    pub fn type_width_mm(&self) -> f64 {
        self.page.width_mm - self.page.left_mm - self.page.right_mm
    }

    /// Height of the type area.
    pub fn type_height_mm(&self) -> f64 {
        self.page.height_mm - self.page.top_mm - self.page.bottom_mm
    }

    /// Distance between baselines of body lines, in points.
    pub fn line_pitch_pt(&self) -> f64 {
        mm_to_pt(self.type_height_mm()) / f64::from(self.grid.lines_per_page)
    }

    /// Width of one character cell, in points.
    pub fn char_cell_pt(&self) -> f64 {
        mm_to_pt(self.type_width_mm()) / f64::from(self.grid.chars_per_line)
    }

    /// Character spacing of body text, in points: the cell minus the body
    /// size, rounded down to the twentieth of a point the DOCX can express,
    /// so a full line holds the grid's number of characters in Word and
    /// LibreOffice. The PDF sets Latin text with the same spacing.
    pub fn char_spacing_pt(&self) -> f64 {
        ((self.char_cell_pt() - self.size.body_pt) * 20.0).floor() / 20.0
    }
}

/// The smallest type area (版心) side jianbao lays a briefing out in.
const MIN_TYPE_AREA_MM: f64 = 20.0;

/// The smallest character cell, as a share of the body size: below it the
/// characters of a full line would overlap.
const MIN_CELL_OF_BODY: f64 = 0.8;

/// The keys that set the type area.
const MARGIN_KEYS: [&str; 6] = [
    "page.left_mm",
    "page.right_mm",
    "page.top_mm",
    "page.bottom_mm",
    "page.width_mm",
    "page.height_mm",
];

/// The range every number of the style must lie in: beyond it a briefing
/// cannot be laid out (a negative margin, a font of 0 or 10^300 points,
/// 100 000 lines a page), and the layout might not even finish.
const LIMITS: [(&str, f64, f64); 23] = [
    ("page.width_mm", 50.0, 1200.0),
    ("page.height_mm", 50.0, 1200.0),
    ("page.top_mm", 0.0, 500.0),
    ("page.left_mm", 0.0, 500.0),
    ("page.right_mm", 0.0, 500.0),
    ("page.bottom_mm", 0.0, 500.0),
    ("page.page_number_gap_mm", 0.0, 100.0),
    ("grid.lines_per_page", 1.0, 100.0),
    ("grid.chars_per_line", 1.0, 100.0),
    ("size.body_pt", 5.0, 100.0),
    ("size.title_pt", 5.0, 100.0),
    ("size.masthead_pt", 5.0, 100.0),
    ("size.issue_pt", 5.0, 100.0),
    ("size.masthead_info_pt", 5.0, 100.0),
    ("size.page_number_pt", 5.0, 100.0),
    ("size.imprint_pt", 5.0, 100.0),
    ("size.table_pt", 5.0, 100.0),
    ("size.attachment_label_pt", 5.0, 100.0),
    ("size.chart_pt", 5.0, 100.0),
    ("rule.masthead_pt", 0.0, 10.0),
    ("rule.imprint_outer_mm", 0.0, 5.0),
    ("rule.imprint_inner_mm", 0.0, 5.0),
    ("table.padding_mm", 0.0, 10.0),
];

/// Checks every number of `table` against [`LIMITS`].
fn check_limits(table: &toml::Table) -> Result<(), Problem> {
    for (key, min, max) in LIMITS {
        let value = key
            .split('.')
            .try_fold(None::<&toml::Value>, |value, part| match value {
                None => table.get(part).map(Some),
                Some(toml::Value::Table(inner)) => inner.get(part).map(Some),
                Some(_) => None,
            })
            .flatten();
        let (number, written) = match value {
            Some(toml::Value::Float(number)) => (*number, value),
            Some(toml::Value::Integer(number)) => (*number as f64, value),
            _ => continue,
        };
        if !(min..=max).contains(&number) {
            let written = if number.is_finite() && number.abs() < 1e6 {
                written.map(ToString::to_string).unwrap_or_default()
            } else {
                format!("{number:e}")
            };
            return Err(Problem::at(
                &[key],
                format!("版式项 {key} = {written} 超出范围 (out of range)"),
                format!("{key} 应在 {min} 到 {max} 之间，见 templates/style.toml 中的默认值"),
            ));
        }
    }
    Ok(())
}

/// A value of the style a briefing cannot be laid out with.
#[derive(Debug)]
struct Problem {
    /// Dotted keys that cause it, most likely first; the message points at
    /// the first the user's file sets.
    keys: Vec<String>,
    /// What is wrong.
    message: String,
    /// How to fix it.
    help: String,
}

impl Problem {
    fn at(keys: &[&str], message: impl Into<String>, help: impl Into<String>) -> Self {
        Self {
            keys: keys.iter().map(|key| (*key).to_string()).collect(),
            message: message.into(),
            help: help.into(),
        }
    }

    /// The diagnostic, pointing at the first of the keys `file` sets.
    fn locate_in(self, file: &std::sync::Arc<SourceFile>) -> Diagnostic {
        let diagnostic = Diagnostic::error(format!("{}：{}", file.path.display(), self.message))
            .with_help(self.help);
        let place = self.keys.iter().find_map(|key| {
            let path: Vec<String> = key.split('.').map(str::to_string).collect();
            key_range(file, &path)
        });
        match place {
            Some(range) => diagnostic.at(Span::new(std::sync::Arc::clone(file), range), "这一项"),
            None => diagnostic,
        }
    }
}

/// Millimetres to points.
pub fn mm_to_pt(mm: f64) -> f64 {
    mm * 72.0 / 25.4
}

/// The shipped defaults as a TOML table.
fn default_table() -> toml::Table {
    toml::from_str(DEFAULT_STYLE_TOML).expect("templates/style.toml is valid")
}

/// Checks every key of `user` against the defaults: it must exist (a new
/// face role may be added, shaped like `face.body`) and hold the same kind
/// of value. Errors point at the key in the user's file.
fn check_keys(
    file: &std::sync::Arc<SourceFile>,
    defaults: &toml::Table,
    user: &toml::Table,
    path: &mut Vec<String>,
) -> Result<(), Diagnostic> {
    // Every role may set its PDF weight, though only the title's default does.
    let regular = toml::Value::String(regular());
    for (key, value) in user {
        let new_role = path.as_slice() == ["face"] && !defaults.contains_key(key);
        let known = defaults
            .get(key)
            .or_else(|| new_role.then(|| defaults.get("body")).flatten())
            .or_else(|| {
                (path.len() == 2 && path[0] == "face" && key == "pdf_weight").then_some(&regular)
            });
        path.push(key.clone());
        let dotted = path.join(".");
        let Some(default) = known else {
            let closest = defaults
                .keys()
                .map(|name| (strsim::jaro_winkler(key, name), name))
                .filter(|(score, _)| *score > 0.8)
                .max_by(|a, b| a.0.total_cmp(&b.0));
            let mut diagnostic = Diagnostic::error(format!("未知的版式项“{dotted}” (unknown key)"));
            diagnostic = match closest {
                Some((_, name)) => diagnostic.with_help(format!("是不是要写“{name}”？")),
                None => diagnostic.with_help("删去这一项，或对照 templates/style.toml 改正项名"),
            };
            return Err(locate(file, path, diagnostic));
        };
        match (default, value) {
            (toml::Value::Table(defaults), toml::Value::Table(user)) => {
                check_keys(file, defaults, user, path)?;
                let missing = ["docx", "docx_ascii", "pdf"]
                    .into_iter()
                    .find(|field| !user.contains_key(*field));
                if let (true, Some(missing)) = (new_role, missing) {
                    let diagnostic = Diagnostic::error(format!(
                        "新的字体角色 face.{key} 缺少“{missing}” (missing key)"
                    ))
                    .with_help("新角色要写全 docx、docx_ascii、pdf 三项，写法同 [face.body]");
                    return Err(locate(file, path, diagnostic));
                }
            }
            (toml::Value::Float(_), toml::Value::Integer(_)) => {}
            (default, value) if default.type_str() != value.type_str() => {
                let wanted = kind_in_chinese(default);
                let diagnostic =
                    Diagnostic::error(format!("版式项“{dotted}”应为{wanted} (wrong type)"))
                        .with_help(format!("把它改成{wanted}，例如默认值 {default}"));
                return Err(locate(file, path, diagnostic));
            }
            _ => {}
        }
        path.pop();
    }
    Ok(())
}

/// What a TOML value is, for messages.
fn kind_in_chinese(value: &toml::Value) -> &'static str {
    match value {
        toml::Value::Float(_) => "数字",
        toml::Value::Integer(_) => "整数",
        toml::Value::String(_) => "用引号括起的文字",
        toml::Value::Boolean(_) => "true 或 false",
        toml::Value::Array(_) => "列表，如 [\"甲\", \"乙\"]",
        _ => "一组项",
    }
}

/// Points `diagnostic` at the line defining the key `path` (`page.left_mm`).
fn locate(
    file: &std::sync::Arc<SourceFile>,
    path: &[String],
    diagnostic: Diagnostic,
) -> Diagnostic {
    match key_range(file, path) {
        Some(range) => diagnostic.at(Span::new(std::sync::Arc::clone(file), range), "这一项"),
        None => diagnostic,
    }
}

/// Where `file` defines the key `path`: the key on its line after its
/// `[table]` header, or the header of the table `path` names.
fn key_range(file: &SourceFile, path: &[String]) -> Option<std::ops::Range<usize>> {
    let (key, tables) = path.split_last()?;
    let header = format!("[{}]", tables.join("."));
    let text = &file.text;
    let section_start = if tables.is_empty() {
        Some(0)
    } else {
        text.find(&header).map(|i| i + header.len())
    };
    let found = section_start.and_then(|start| {
        let mut offset = start;
        for line in text[start..].split_inclusive('\n') {
            let trimmed = line.trim_start();
            if offset > start && trimmed.starts_with('[') {
                break;
            }
            let rest = trimmed.strip_prefix(key.as_str()).map(str::trim_start);
            if rest.is_some_and(|r| r.starts_with('=')) {
                let column = line.len() - trimmed.len();
                return Some(offset + column..offset + column + key.len());
            }
            offset += line.len();
        }
        None
    });
    found.or_else(|| {
        let table_header = format!("[{}]", path.join("."));
        text.find(&table_header).map(|i| i..i + table_header.len())
    })
}

/// Overlays `user` onto `base`, table by table.
fn merge(base: &mut toml::Table, user: toml::Table) {
    for (key, value) in user {
        match (base.get_mut(&key), value) {
            (Some(toml::Value::Table(base_table)), toml::Value::Table(user_table)) => {
                merge(base_table, user_table);
            }
            (_, value) => {
                base.insert(key, value);
            }
        }
    }
}

fn toml_diagnostic(
    file: &std::sync::Arc<SourceFile>,
    message: &str,
    span: Option<std::ops::Range<usize>>,
) -> Diagnostic {
    let diagnostic = Diagnostic::error(format!("版式文件有误 (style file error)：{message}"))
        .with_help("对照 templates/style.toml 中的项名和单位修改");
    match span {
        Some(range) => diagnostic.at(Span::new(std::sync::Arc::clone(file), range), "这里"),
        None => diagnostic,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_follow_the_standard() {
        let style = Style::default_style();
        assert_eq!(style.type_width_mm(), 156.0);
        assert_eq!(style.type_height_mm(), 225.0);
        assert!((style.line_pitch_pt() - 28.99).abs() < 0.01);
        assert!((style.char_cell_pt() - 15.79).abs() < 0.01);
        assert_eq!(style.face("body").docx, "仿宋_GB2312");
    }

    #[test]
    fn an_override_changes_one_value_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("style.toml");
        std::fs::write(
            &path,
            "[page]\nleft_mm = 30.0\n[color]\nred = \"#C00000\"\n",
        )
        .unwrap();
        let style = Style::load_override(&path).unwrap();
        assert_eq!(style.page.left_mm, 30.0);
        assert_eq!(style.page.top_mm, 37.0);
        assert_eq!(style.color.red, "#C00000");
    }

    fn override_error(text: &str) -> Diagnostic {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("style.toml");
        std::fs::write(&path, text).unwrap();
        Style::load_override(&path).unwrap_err()
    }

    #[test]
    fn a_wrong_type_is_located() {
        let err = override_error("# 我的版式\n[page]\nleft_mm = \"宽\"\n");
        assert!(
            err.message.contains("“page.left_mm”应为数字"),
            "{}",
            err.message
        );
        assert_eq!(err.line_column(), Some((3, 1)));
    }

    #[test]
    fn an_unknown_key_is_located_with_a_suggestion() {
        let err = override_error("[color]\nred = \"#C00000\"\n[page]\nleft = 30\n");
        assert!(
            err.message.contains("未知的版式项“page.left”"),
            "{}",
            err.message
        );
        assert_eq!(err.line_column(), Some((4, 1)));
        assert!(err.help[0].contains("left_mm"), "{:?}", err.help);
    }

    #[test]
    fn a_chart_colour_must_be_hex() {
        let err = override_error("[chart]\ndelayed = \"red\"\n");
        assert!(err.message.contains("chart.delayed"), "{}", err.message);
        assert!(err.message.contains("#RRGGBB"), "{}", err.message);
    }

    #[test]
    fn a_syntax_error_is_located() {
        let err = override_error("[page\nleft_mm = 3\n");
        assert!(err.message.contains("版式文件有误"), "{}", err.message);
        assert_eq!(err.line_column().map(|(line, _)| line), Some(1));
    }

    #[test]
    fn a_new_face_role_is_checked_like_body() {
        let err = override_error("[face.custom]\ndocx = 3\n");
        assert!(err.message.contains("face.custom.docx"), "{}", err.message);
    }
}
