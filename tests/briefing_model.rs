//! The merge decides every word: check the model built from the minimal month.

use jianbao::briefing::{Block, Briefing, Row, compose};
use jianbao::source::SourceFile;

fn minimal_briefing() -> Briefing {
    let speech = include_str!("../data/speech.txt");
    let outline = jianbao::speech::parse(speech);
    let file = SourceFile::new("2026-11.yaml", include_str!("data/progress/minimal.yaml"));
    let progress = jianbao::progress::parse(&file, &outline).expect("minimal month is valid");
    compose(&outline, &progress, &[])
}

fn texts(blocks: &[Block]) -> Vec<String> {
    blocks
        .iter()
        .map(|block| match block {
            Block::Heading(h) => h.printed(),
            Block::Paragraph(p) => p.printed(),
            Block::Table(t) => format!("[表格 {} 行]", t.rows.len()),
            Block::Chart(c) => format!("[{}]", c.caption),
        })
        .collect()
}

#[test]
fn masthead_title_and_document_properties() {
    let briefing = minimal_briefing();
    assert_eq!(briefing.masthead.name, "生态文明建设工作简报");
    assert_eq!(briefing.masthead.issue, "第11期");
    assert_eq!(briefing.masthead.total_issue, None);
    assert_eq!(briefing.masthead.date, "2026年11月27日");
    assert_eq!(briefing.title, "2026年11月生态文明建设重点工作推进情况");
    assert_eq!(
        briefing.document.file_stem,
        "生态文明建设工作简报-2026年第11期"
    );
    assert_eq!(briefing.document.author, "市生态文明建设领导小组办公室");
    assert_eq!(briefing.document.date, [2026, 11, 27]);
}

#[test]
fn body_is_numbered_and_worded_once() {
    let briefing = minimal_briefing();
    let body = texts(&briefing.body);
    assert!(body[0].starts_with("为贯彻落实《在理论学习中心组生态文明建设专题研讨交流发言材料》部署的1项重点工作、2项具体任务"), "{}", body[0]);
    assert!(body[0].ends_with("现将2026年11月推进情况通报如下。"));
    assert_eq!(body[1], "一、总体进展");
    assert_eq!(
        body[2],
        "截至2026年11月27日，2项任务中，已完成1项、序时推进1项、滞后0项、未启动0项，平均完成进度92.5%。分项看，“提升战”平均完成92.5%。"
    );
    assert_eq!(body[3], "[图1 重点任务状态分布]");
    assert_eq!(body[4], "二、重点任务推进情况");
    assert_eq!(body[5], "（一）聚焦源头治理，深入打好生态质量“提升战”");
    assert!(
        body[6].starts_with("讲话提出：“以创建国家生态文明示范市为统揽"),
        "{}",
        body[6]
    );
    assert_eq!(
        body[7],
        "1.三大保卫战。市生态环境局牵头，序时推进，完成85%。全市空气质量优良天数比例达到88.2%。"
    );
    assert!(body[8].starts_with("2.河（湖）长制。市水务局牵头，已完成。"));
    assert_eq!(body[9], "三、重点指标完成情况");
    assert_eq!(body[10], "1项重点指标中，1项达到年度目标，0项尚未达到。");
    // One month only: no trend chart; nothing delayed, no problems and no
    // next steps reported: no 存在问题 or 下步工作.
    assert_eq!(body[11], "[表格 1 行]");
    assert_eq!(body.len(), 12, "{body:#?}");
}

#[test]
fn indicators_table_shows_direction_and_result() {
    let briefing = minimal_briefing();
    let table = briefing
        .body
        .iter()
        .find_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .expect("an indicators table");
    assert_eq!(
        table.rows,
        [Row::Cells {
            cells: [
                "1",
                "细颗粒物（PM2.5）平均浓度",
                "μg/m³",
                "≤32",
                "29.6",
                "达标"
            ]
            .map(String::from)
            .to_vec()
        }]
    );
}

#[test]
fn ledger_and_imprint() {
    let briefing = minimal_briefing();
    let ledger = &briefing.attachments[0];
    assert_eq!(ledger.label, "附件1");
    let Block::Table(table) = &ledger.blocks[0] else {
        panic!("the ledger is a table");
    };
    assert_eq!(table.rows.len(), 3, "one group row and two tasks");
    assert!(matches!(&table.rows[0], Row::Group { title } if title.contains("提升战")));
    assert_eq!(briefing.imprint.lines.len(), 1);
    assert_eq!(briefing.imprint.lines[0].label, "报：");
    assert_eq!(briefing.imprint.lines[0].text, "市委常委。");
    assert_eq!(briefing.imprint.copies, "共印60份");
}
