//! The document model: one briefing, every word decided, no layout.
//!
//! Both writers (PDF through typst, DOCX through docx-rs) read a
//! [`Briefing`] and nothing else. Text here is final: numbering (一、（一）
//! 1.（1）), dates in Chinese, labels such as 报：and 共印60份. The writers
//! only choose faces, sizes and positions, from the [`Style`](crate::style::Style).
//!
//! The model serialises to JSON for the typst template (`sys.inputs`);
//! enums carry a `kind` tag there.

use serde::Serialize;

/// A complete briefing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Briefing {
    /// Document properties (PDF metadata, DOCX core properties, file names).
    pub document: DocumentInfo,
    /// The head of the first page.
    pub masthead: Masthead,
    /// The article's title.
    pub title: String,
    /// Editor's note (按语) printed under the title, with its label.
    pub editor_note: Option<EditorNote>,
    /// The article's body.
    pub body: Vec<Block>,
    /// Attachments, each starting on a new page.
    pub attachments: Vec<Attachment>,
    /// The end block at the foot of the last page.
    pub imprint: Imprint,
    /// How page numbers read.
    pub page_numbers: PageNumbers,
    /// The same briefing as an official document (通报): its own head,
    /// title, recipients, closing, signature and end block.
    pub official: Official,
}

impl Briefing {
    /// Every chart in reading order: the body's, then each attachment's.
    /// Writers that draw charts apart from the text (the DOCX's pictures)
    /// number them in this order.
    pub fn charts(&self) -> impl Iterator<Item = &Chart> {
        let attachments = self.attachments.iter().flat_map(|a| a.blocks.iter());
        self.body
            .iter()
            .chain(attachments)
            .filter_map(|block| match block {
                Block::Chart(chart) => Some(chart),
                _ => None,
            })
    }

    /// Leaves the charts out of the body and the attachments
    /// (`jianbao build --no-charts`); the text around them stays.
    pub fn drop_charts(&mut self) {
        let is_text = |block: &Block| !matches!(block, Block::Chart(_));
        self.body.retain(is_text);
        for attachment in &mut self.attachments {
            attachment.blocks.retain(is_text);
        }
    }
}

/// The parts only the 通报 layout prints; the body is the briefing's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Official {
    /// 份号, 密级, 紧急程度, in that order, those given.
    pub marks: Vec<String>,
    /// 发文机关标志, printed large in red.
    pub issuer_mark: String,
    /// 发文字号, when given.
    pub document_number: Option<String>,
    /// The title: 关于……的通报.
    pub title: String,
    /// 主送机关, ending with a full-width colon.
    pub recipients: String,
    /// The closing sentence after the body: 特此通报。
    pub closing: String,
    /// 附件说明 lines: 附件：1. …, then hanging items.
    pub attachment_note: Vec<String>,
    /// The issuing organ's name (署名).
    pub signature: String,
    /// 成文日期.
    pub date: String,
    /// 附注, when given.
    pub note: Option<String>,
    /// 抄送 line of the 版记, when there are recipients to copy.
    pub copy_to: Option<String>,
    /// 印发机关 of the 版记.
    pub printer: String,
    /// 印发日期 of the 版记: `2026年11月27日印发`.
    pub print_date: String,
}

/// Properties of the document as a file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentInfo {
    /// Title for PDF metadata and DOCX core properties.
    pub title: String,
    /// Author: the compiling office.
    pub author: String,
    /// Language tag, `zh-CN`.
    pub language: String,
    /// The briefing's date, `[year, month, day]`: the only date in the files.
    pub date: [i32; 3],
    /// File name without extension, e.g. `生态文明建设工作简报-2026年第11期`.
    pub file_stem: String,
}

/// The masthead (报头) of a 简报.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Masthead {
    /// The briefing's name, printed large in red.
    pub name: String,
    /// The issue line, e.g. `第11期`.
    pub issue: String,
    /// The running number, e.g. `（总第45期）`, when given.
    pub total_issue: Option<String>,
    /// The compiling office, left under the issue line.
    pub office: String,
    /// The date, right on the same line, e.g. `2026年11月28日`.
    pub date: String,
}

/// The editor's note.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EditorNote {
    /// Its label, `按：`.
    pub label: String,
    /// Its paragraphs.
    pub paragraphs: Vec<String>,
}

/// A block of the body.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// A heading on a line of its own (levels 1 and 2).
    Heading(Heading),
    /// A paragraph, possibly led by a run-in heading (levels 3 and 4).
    Paragraph(Paragraph),
    /// A table.
    Table(Table),
    /// A chart: vector graphics in the PDF, a PNG at print resolution in
    /// the DOCX, both drawn from these numbers.
    Chart(Chart),
}

impl Block {
    /// A body paragraph, led by the run-in heading `lead` when there is one.
    pub fn paragraph(lead: Option<Heading>, text: impl Into<String>) -> Block {
        Block::Paragraph(Paragraph {
            lead,
            text: text.into(),
        })
    }
}

/// A numbered heading.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Heading {
    /// 1 (一、 黑体), 2 (（一） 楷体), 3 (1. 仿宋 bold), 4 (（1） 仿宋).
    pub level: u8,
    /// The number with its punctuation: `一、`, `（一）`, `1.`, `（1）`.
    pub number: String,
    /// The heading text, ending punctuation included where it runs in.
    pub text: String,
}

impl Heading {
    /// A heading of `level` with its `number` (punctuation included) and `text`.
    pub fn new(level: u8, number: impl Into<String>, text: impl Into<String>) -> Heading {
        Heading {
            level,
            number: number.into(),
            text: text.into(),
        }
    }

    /// The heading as printed: number then text (`一、总体进展`).
    pub fn printed(&self) -> String {
        format!("{}{}", self.number, self.text)
    }
}

/// A body paragraph, first line indented two characters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Paragraph {
    /// A run-in heading at the start (levels 3 and 4).
    pub lead: Option<Heading>,
    /// The text after the lead.
    pub text: String,
}

impl Paragraph {
    /// The paragraph as printed: its run-in heading, if any, then its text.
    pub fn printed(&self) -> String {
        let lead = self.lead.as_ref().map(Heading::printed).unwrap_or_default();
        format!("{lead}{}", self.text)
    }
}

/// A table with a header row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    /// Caption above the table, when any.
    pub caption: Option<String>,
    /// Column headers, widths and alignment.
    pub columns: Vec<Column>,
    /// The rows below the header.
    pub rows: Vec<Row>,
}

/// A table column.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Column {
    /// Header text.
    pub header: String,
    /// Relative width; the writers scale all columns to the type area.
    pub width: f64,
    /// Alignment of the cells below the header.
    pub align: Align,
}

impl Column {
    /// A column headed `header`, of relative `width`, its cells aligned `align`.
    pub fn new(header: impl Into<String>, width: f64, align: Align) -> Column {
        Column {
            header: header.into(),
            width,
            align,
        }
    }
}

/// Horizontal alignment of table cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    /// Flush left.
    Left,
    /// Centred.
    Center,
    /// Flush right (numbers).
    Right,
}

/// A table row.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Row {
    /// One cell per column.
    Cells {
        /// The cells' text.
        cells: Vec<String>,
    },
    /// A group heading spanning all columns.
    Group {
        /// The group's title.
        title: String,
    },
}

impl Row {
    /// A row of cells, one per column, in order.
    pub fn cells<S: Into<String>>(cells: impl IntoIterator<Item = S>) -> Row {
        Row::Cells {
            cells: cells.into_iter().map(Into::into).collect(),
        }
    }

    /// A group heading row titled `title`, spanning all columns.
    pub fn group(title: impl Into<String>) -> Row {
        Row::Group {
            title: title.into(),
        }
    }
}

/// A chart with its caption (图1 …), drawn by each writer from the numbers
/// here and nothing else: the same definition gives both pictures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chart {
    /// Caption under the chart: `图1 重点任务状态分布`.
    pub caption: String,
    /// What is drawn.
    pub plot: Plot,
}

/// The kinds of chart a briefing draws.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Plot {
    /// Horizontal bars, one per item, from 0 to `max`.
    Bars {
        /// The scale's end (100 for percentages, the largest count else).
        max: f64,
        /// The bars, top to bottom.
        bars: Vec<Bar>,
    },
    /// Small line charts, one panel per indicator, over the same months.
    Trends {
        /// The months along the horizontal axis: `8月`, `9月` ….
        periods: Vec<String>,
        /// One panel per indicator.
        panels: Vec<TrendPanel>,
    },
}

/// One bar of a bar chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bar {
    /// The label left of the bar: `已完成`, `“提升战”`.
    pub label: String,
    /// The bar's length on the chart's scale.
    pub value: f64,
    /// The value as printed at the bar's end: `4项`, `86.3%`.
    pub text: String,
    /// How the bar is coloured.
    pub tone: Tone,
}

/// The colour role of a bar; the style maps roles to restrained colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tone {
    /// Finished work.
    Done,
    /// Work on schedule; also plain quantities.
    OnTrack,
    /// Work behind schedule.
    Delayed,
    /// Work not started.
    NotStarted,
}

/// One indicator's values over the months.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendPanel {
    /// The indicator's name.
    pub title: String,
    /// Its unit, as printed: `%`, `μg/m³`.
    pub unit: String,
    /// One value per period of the chart; `None` where a month lacks it.
    pub values: Vec<Option<f64>>,
    /// The target, drawn as a dashed line.
    pub target: f64,
}

/// An attachment (附件1 …).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attachment {
    /// `附件1`.
    pub label: String,
    /// Its title, centred.
    pub title: String,
    /// Its content.
    pub blocks: Vec<Block>,
}

/// The end block (报尾) of a 简报.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Imprint {
    /// Lines such as `报：市委常委，市人大常委会主任。`, in order 报、送、发.
    pub lines: Vec<ImprintLine>,
    /// `共印60份`.
    pub copies: String,
}

/// One recipient line of the end block.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImprintLine {
    /// `报：`, `送：` or `发：`.
    pub label: String,
    /// The recipients, joined with the official punctuation.
    pub text: String,
}

/// How page numbers read: `— 1 —`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PageNumbers {
    /// Text before the number.
    pub before: String,
    /// Text after the number.
    pub after: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::sample::{sample_briefing, sample_briefing_with_charts};

    fn captions(briefing: &Briefing) -> Vec<&str> {
        briefing.charts().map(|c| c.caption.as_str()).collect()
    }

    #[test]
    fn charts_come_in_reading_order() {
        let mut briefing = sample_briefing_with_charts();
        let Some(Block::Chart(chart)) = briefing.body.iter().find(|b| matches!(b, Block::Chart(_)))
        else {
            panic!("the sample has charts");
        };
        let mut in_attachment = chart.clone();
        in_attachment.caption = "附图".to_string();
        briefing.attachments[0]
            .blocks
            .insert(0, Block::Chart(in_attachment));
        assert_eq!(
            captions(&briefing),
            [
                "图1 重点任务状态分布",
                "图2 各项重点工作平均完成进度",
                "图3 重点指标走势",
                "附图"
            ]
        );
    }

    #[test]
    fn dropping_charts_keeps_everything_else() {
        let mut briefing = sample_briefing_with_charts();
        briefing.attachments[0]
            .blocks
            .extend(crate::briefing::sample::sample_charts());
        briefing.drop_charts();
        assert_eq!(briefing.charts().count(), 0);
        assert_eq!(briefing, sample_briefing());
    }
}
