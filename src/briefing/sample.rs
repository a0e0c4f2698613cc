//! One realistic briefing for the tests of both writers, so the PDF and the
//! DOCX are checked on the same document.
//!
//! Tests rely on its shape: nine body paragraphs, the leads `1.燃煤锅炉改造。`
//! and `1.燃煤锅炉治理。`, one body table and one attachment table (four
//! columns, two group rows), [`MARKUP`] in a paragraph and in table cells,
//! and a document title different from the printed title.

use super::model::*;

/// Text that looks like markup in XML, typst or Markdown.
pub(crate) const MARKUP: &str = "</w:t><b>&amp; & #set page(width: 1cm) \\ **粗** $x$ <w:p>";

/// A paragraph long enough to run over several lines.
const LONG: &str = "各级各部门坚持以习近平生态文明思想为指导，认真落实市委、市政府决策部署，\
                    坚持精准治污、科学治污、依法治污，持续深入打好蓝天、碧水、净土保卫战，\
                    全市生态环境质量持续改善，群众获得感、幸福感进一步增强。";

/// A briefing like the ones clerks make: masthead, note, two level-1
/// sections with level-2 headings and run-in leads, a table, an attachment
/// with a table, and the end block.
pub(crate) fn sample_briefing() -> Briefing {
    Briefing {
        document: DocumentInfo {
            title: "生态文明建设工作简报（第11期）".to_string(),
            author: "市生态文明建设领导小组办公室".to_string(),
            language: "zh-CN".to_string(),
            date: [2026, 11, 28],
            file_stem: "生态文明建设工作简报-2026年第11期".to_string(),
        },
        masthead: Masthead {
            name: "生态文明建设工作简报".to_string(),
            issue: "第11期".to_string(),
            total_issue: Some("（总第45期）".to_string()),
            office: "市生态文明建设领导小组办公室".to_string(),
            date: "2026年11月28日".to_string(),
        },
        title: "全市生态文明建设重点工作进展情况".to_string(),
        editor_note: Some(EditorNote {
            label: "按：".to_string(),
            paragraphs: vec![
                "现将全市生态文明建设重点工作11月份进展情况印发给你们，请结合实际抓好落实。"
                    .to_string(),
            ],
        }),
        body: vec![
            Block::Heading(Heading::new(1, "一、", "总体进展")),
            Block::paragraph(None, LONG),
            Block::paragraph(
                None,
                "截至11月底，市委全会部署的36项重点任务中，已完成21项，序时推进12项，\
                 滞后3项。PM2.5平均浓度为31微克/立方米，同比下降6.1%。",
            ),
            Block::Heading(Heading::new(2, "（一）", "大气污染防治")),
            Block::paragraph(
                Some(Heading::new(3, "1.", "燃煤锅炉改造。")),
                "全市35蒸吨以下燃煤锅炉已全部淘汰，工业窑炉综合治理完成年度任务的92%。",
            ),
            Block::paragraph(
                Some(Heading::new(4, "（1）", "扬尘管控。")),
                "建成区施工工地全部落实“六个百分之百”要求，道路机械化清扫率达到95%。",
            ),
            Block::Heading(Heading::new(2, "（二）", "水污染防治")),
            Block::paragraph(None, MARKUP),
            progress_table(Some("重点任务完成情况")),
            Block::Heading(Heading::new(1, "二、", "存在问题和下步打算")),
            Block::paragraph(
                Some(Heading::new(3, "1.", "燃煤锅炉治理。")),
                "部分区县燃煤锅炉淘汰改造进度滞后，资金到位不及时。",
            ),
            Block::paragraph(
                Some(Heading::new(3, "2.", "项目推进。")),
                "部分项目前期手续办理较慢，个别地区工作推进不平衡。各责任单位要对照年度目标，\
                 倒排工期、挂图作战，确保年底前全面完成各项任务。",
            ),
            Block::paragraph(None, LONG),
            Block::paragraph(None, LONG),
        ],
        attachments: vec![Attachment {
            label: "附件1".to_string(),
            title: "重点任务进展明细表".to_string(),
            blocks: vec![progress_table(None)],
        }],
        imprint: Imprint {
            lines: [
                ("报：", "市委常委，市人大常委会主任，市政府市长、副市长。"),
                ("送：", "市人大常委会办公室，市政协办公室。"),
                ("发：", "各区县人民政府，市直有关部门。"),
            ]
            .into_iter()
            .map(|(label, text)| ImprintLine {
                label: label.to_string(),
                text: text.to_string(),
            })
            .collect(),
            copies: "共印60份".to_string(),
        },
        page_numbers: PageNumbers {
            before: "— ".to_string(),
            after: " —".to_string(),
        },
        official: Official {
            marks: vec!["000001".to_string(), "特急".to_string()],
            issuer_mark: "市生态文明建设领导小组办公室文件".to_string(),
            document_number: Some("市生态办〔2026〕11号".to_string()),
            title: "关于全市生态文明建设重点工作推进情况的通报".to_string(),
            recipients: "各县（市、区）人民政府，市直有关部门：".to_string(),
            closing: "特此通报。".to_string(),
            attachment_note: vec!["附件：1. 重点任务进展明细表".to_string()],
            signature: "市生态文明建设领导小组办公室".to_string(),
            date: "2026年11月27日".to_string(),
            note: Some("（此件公开发布）".to_string()),
            copy_to: Some("抄送：市委办公室，市人大常委会办公室。".to_string()),
            printer: "市生态文明建设领导小组办公室".to_string(),
            print_date: "2026年11月27日印发".to_string(),
        },
    }
}

/// A four-column progress table with two group rows.
fn progress_table(caption: Option<&str>) -> Block {
    Block::Table(Table {
        caption: caption.map(str::to_string),
        columns: vec![
            Column::new("序号", 1.0, Align::Center),
            Column::new("工作任务", 5.0, Align::Left),
            Column::new("责任单位", 2.5, Align::Center),
            Column::new("完成进度", 1.5, Align::Right),
        ],
        rows: vec![
            Row::group("一、大气污染防治"),
            Row::cells(["1", "完成燃煤锅炉超低排放改造", "市生态环境局", "80%"]),
            Row::cells([
                "2",
                "PM2.5 年均浓度下降到 30 微克/立方米以下",
                "市生态环境局",
                "65%",
            ]),
            Row::group("二、水污染防治"),
            Row::cells(["3", "城区黑臭水体动态清零", "市住建局", "100%"]),
            Row::cells(["4", MARKUP, "市水务局", "45%"]),
        ],
    })
}

/// The three kinds of chart a briefing draws, with realistic numbers: task
/// status counts, completion by battle, and indicator trends over four
/// months (one month missing a value).
pub(crate) fn sample_charts() -> Vec<Block> {
    let bar = |label: &str, value: f64, text: &str, tone: Tone| Bar {
        label: label.to_string(),
        value,
        text: text.to_string(),
        tone,
    };
    vec![
        Block::Chart(Chart {
            caption: "图1 重点任务状态分布".to_string(),
            plot: Plot::Bars {
                max: 19.0,
                bars: vec![
                    bar("已完成", 4.0, "4项", Tone::Done),
                    bar("序时推进", 19.0, "19项", Tone::OnTrack),
                    bar("滞后", 4.0, "4项", Tone::Delayed),
                    bar("未启动", 0.0, "0项", Tone::NotStarted),
                ],
            },
        }),
        Block::Chart(Chart {
            caption: "图2 各项重点工作平均完成进度".to_string(),
            plot: Plot::Bars {
                max: 100.0,
                bars: vec![
                    bar("“提升战”", 86.3, "86.3%", Tone::OnTrack),
                    bar("“攻坚战”", 89.2, "89.2%", Tone::OnTrack),
                    bar("“持久战”", 89.0, "89%", Tone::OnTrack),
                    bar("“升级战”", 69.2, "69.2%", Tone::Delayed),
                ],
            },
        }),
        Block::Chart(Chart {
            caption: "图3 重点指标走势".to_string(),
            plot: Plot::Trends {
                periods: ["8月", "9月", "10月", "11月"].map(String::from).to_vec(),
                panels: vec![
                    TrendPanel {
                        title: "空气质量优良天数比例".to_string(),
                        unit: "%".to_string(),
                        values: vec![Some(86.9), Some(87.2), Some(87.9), Some(87.6)],
                        target: 86.0,
                    },
                    TrendPanel {
                        title: "细颗粒物（PM2.5）平均浓度".to_string(),
                        unit: "μg/m³".to_string(),
                        values: vec![Some(31.5), None, Some(29.3), Some(30.8)],
                        target: 32.0,
                    },
                    TrendPanel {
                        title: "完成造林绿化面积".to_string(),
                        unit: "万亩".to_string(),
                        values: vec![Some(21.0), Some(25.4), Some(28.9), Some(30.6)],
                        target: 30.0,
                    },
                ],
            },
        }),
    ]
}

/// The sample briefing with [`sample_charts`] appended to its body.
pub(crate) fn sample_briefing_with_charts() -> Briefing {
    let mut briefing = sample_briefing();
    briefing.body.extend(sample_charts());
    briefing
}
