//! The briefing's substance on the example months (2026-10, 2026-11),
//! against values computed by hand from the two YAML files: counts,
//! percentages, changes since last month, ordering, 存在问题, 下步工作,
//! the indicators and the ledger.

mod common;

use std::path::{Path, PathBuf};

use jianbao::briefing::{Bar, Block, Briefing, Plot, Row, Tone};

use common::{example_briefing, jianbao_in, project_file, write_temp};

/// The body's headings, paragraphs (lead included) and chart captions.
fn texts(briefing: &Briefing) -> Vec<String> {
    briefing
        .body
        .iter()
        .map(|block| match block {
            Block::Heading(h) => h.printed(),
            Block::Paragraph(p) => p.printed(),
            Block::Table(t) => format!("[表 {}]", t.caption.clone().unwrap_or_default()),
            Block::Chart(c) => format!("[{}]", c.caption),
        })
        .collect()
}

/// The texts between the level-1 heading `title` and the next one.
fn section(briefing: &Briefing, title: &str) -> Vec<String> {
    let all = texts(briefing);
    let start = all
        .iter()
        .position(|t| t.ends_with(title) && t.contains('、'))
        .unwrap_or_else(|| panic!("no section {title}: {all:#?}"));
    all[start + 1..]
        .iter()
        .take_while(|t| !is_level1(t))
        .cloned()
        .collect()
}

fn is_level1(text: &str) -> bool {
    text.chars().take(3).any(|c| c == '、') && !text.starts_with('（')
}

fn bars(briefing: &Briefing, caption: &str) -> Vec<Bar> {
    briefing
        .body
        .iter()
        .find_map(|block| match block {
            Block::Chart(c) if c.caption.ends_with(caption) => match &c.plot {
                Plot::Bars { bars, .. } => Some(bars.clone()),
                Plot::Trends { .. } => None,
            },
            _ => None,
        })
        .unwrap_or_else(|| panic!("no bar chart {caption}"))
}

#[test]
fn overall_progress_is_counted_and_compared_with_last_month() {
    let briefing = example_briefing();
    let overview = section(&briefing, "总体进展");
    // November: 27 tasks, 4 done, 19 on track, 4 delayed, 0 not started;
    // mean 2210/27 = 81.85 %. October: mean 1933/27 = 71.59 %, so +10.26
    // points; done in November but not in October: 2.2.2, 2.3.3, 2.3.6.
    // By battle: 提升战 518/6 = 86.33, 攻坚战 446/5 = 89.2, 持久战 623/7 = 89,
    // 升级战 623/9 = 69.22 (below the mean: it lags; 攻坚战 leads).
    assert_eq!(
        overview[0],
        "截至2026年11月27日，27项任务中，已完成4项、序时推进19项、滞后4项、未启动0项，\
         平均完成进度81.9%，较上月提高10.3个百分点，新增完成3项。\
         分项看，“提升战”平均完成86.3%，“攻坚战”平均完成89.2%，“持久战”平均完成89%，\
         “升级战”平均完成69.2%，其中“攻坚战”进展最快，“升级战”相对滞后。"
    );
    assert_eq!(
        &overview[1..],
        ["[图1 重点任务状态分布]", "[图2 各项重点工作平均完成进度]"]
    );
    let status: Vec<(String, f64, String, Tone)> = bars(&briefing, "重点任务状态分布")
        .into_iter()
        .map(|b| (b.label, b.value, b.text, b.tone))
        .collect();
    assert_eq!(
        status,
        [
            ("已完成".to_string(), 4.0, "4项".to_string(), Tone::Done),
            (
                "序时推进".to_string(),
                19.0,
                "19项".to_string(),
                Tone::OnTrack
            ),
            ("滞后".to_string(), 4.0, "4项".to_string(), Tone::Delayed),
            (
                "未启动".to_string(),
                0.0,
                "0项".to_string(),
                Tone::NotStarted
            ),
        ]
    );
    let battles: Vec<(String, String, Tone)> = bars(&briefing, "各项重点工作平均完成进度")
        .into_iter()
        .map(|b| (b.label, b.text, b.tone))
        .collect();
    assert_eq!(
        battles,
        [
            ("“提升战”".to_string(), "86.3%".to_string(), Tone::OnTrack),
            ("“攻坚战”".to_string(), "89.2%".to_string(), Tone::OnTrack),
            ("“持久战”".to_string(), "89%".to_string(), Tone::OnTrack),
            ("“升级战”".to_string(), "69.2%".to_string(), Tone::Delayed),
        ]
    );
}

#[test]
fn each_task_reads_its_change_since_last_month() {
    let briefing = example_briefing();
    let tasks = section(&briefing, "重点任务推进情况");
    // 三大保卫战: 82 % in October, 90 % now.
    assert!(
        tasks.iter().any(|t| t.starts_with(
            "1.三大保卫战。市生态环境局牵头，序时推进，完成90%，较上月提高8个百分点。"
        )),
        "{tasks:#?}"
    );
    // 河湖“四乱”: done in both months, so no comparison.
    assert!(
        tasks.iter().any(|t| t
            .starts_with("5.河湖“四乱”和入河排污口整治。市水务局、市生态环境局牵头，已完成。组织")),
        "{tasks:#?}"
    );
    // The speech's own words under each battle, quoted briefly.
    let quotes: Vec<&String> = tasks
        .iter()
        .filter(|t| t.starts_with("讲话提出：“"))
        .collect();
    assert_eq!(quotes.len(), 4, "{quotes:#?}");
    assert!(quotes[0].contains("持续深入打好蓝天、碧水、净土‘三大保卫战’"));
    // Problems and next steps are not repeated here: they have sections.
    assert!(
        tasks
            .iter()
            .all(|t| !t.contains("存在问题：") && !t.contains("下步工作："))
    );
}

#[test]
fn every_delayed_overdue_or_troubled_task_is_a_problem_with_its_lead_unit() {
    let briefing = example_briefing();
    let problems = section(&briefing, "存在问题");
    // Delayed: 2.1.4, 2.2.1, 2.3.5, 2.4.7; overdue (2026-10-31, not done):
    // 2.2.1; problems reported besides: 2.1.1, 2.4.1.
    assert_eq!(
        problems[0],
        "6项任务需要重点关注，其中滞后于序时进度4项，超过完成时限尚未完成1项。"
    );
    let leads: Vec<String> = problems[1..]
        .iter()
        .map(|p| p.split('。').next().unwrap_or_default().to_string())
        .collect();
    assert_eq!(
        leads,
        [
            "1.三大保卫战（市生态环境局）",
            "2.汭河流域水环境综合治理（市生态环境局、市水务局）",
            "3.督察反馈问题整改清零攻坚行动（市生态环境局）",
            "4.地质灾害避险搬迁安置、历史遗留废弃矿山修复治理（市自然资源局）",
            "5.生态环境导向的开发（EOD）模式（市生态环境局）",
            "6.“双控”倒逼、先破后立（市发展和改革委员会）",
        ]
    );
    assert!(problems[3].contains("已超过完成时限（2026年10月31日）且滞后于序时进度，完成94%。"));
    // Every task the ledger marks 滞后 is among them.
    for row in ledger_rows(&briefing) {
        if row[5] == "滞后" {
            assert!(
                leads.iter().any(|l| l.contains(&format!("{}（", row[1]))),
                "{} is delayed but not under 存在问题",
                row[1]
            );
        }
    }
}

#[test]
fn next_steps_come_by_deadline() {
    let briefing = example_briefing();
    let steps = section(&briefing, "下步工作");
    assert_eq!(steps[0], "按完成时限先后，下步重点抓好以下工作。");
    let items = &steps[1..];
    assert_eq!(items.len(), 27, "every task reports next steps");
    // Open work first, by deadline (the overdue 2026-10-31 one first),
    // then standing work (长期), then what is done.
    assert!(items[0].starts_with("1.督察反馈问题整改清零攻坚行动（市生态环境局）。"));
    assert!(items[0].ends_with("完成时限：2026年10月31日。"));
    let deadlines: Vec<&str> = items
        .iter()
        .map(|t| {
            t.rsplit_once("完成时限：").map_or(
                if t.ends_with("长期坚持。") {
                    "长期"
                } else {
                    ""
                },
                |(_, d)| d,
            )
        })
        .collect();
    let first_done = deadlines.iter().position(|d| d.is_empty()).unwrap();
    assert_eq!(first_done, 23, "{deadlines:#?}");
    assert!(deadlines[first_done..].iter().all(|d| d.is_empty()));
    let dated: Vec<&str> = deadlines
        .iter()
        .copied()
        .filter(|d| d.ends_with("日。"))
        .collect();
    let mut sorted = dated.clone();
    sorted.sort_by_key(|d| {
        let numbers: Vec<u32> = d
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(|n| n.parse().ok())
            .collect();
        (numbers[0], numbers[1], numbers[2])
    });
    assert_eq!(dated, sorted, "dated next steps in deadline order");
}

#[test]
fn indicators_compare_with_last_month_and_name_the_largest_moves() {
    let briefing = example_briefing();
    let indicators = section(&briefing, "重点指标完成情况");
    // Relative changes: 废弃矿山 +38/318 = 11.9 %, 造林 +3.1/27.5 = 11.3 %,
    // 能耗 +0.2/2.4 = 8.3 %, PM2.5 +1.2/29.6 = 4.1 % …
    assert_eq!(
        indicators[0],
        "8项重点指标中，6项达到年度目标，2项尚未达到。\
         废弃矿山修复治理面积356公顷，较上月增加38公顷，尚未达到年度目标。\
         完成造林绿化面积30.6万亩，较上月增加3.1万亩，达到年度目标。\
         单位GDP能耗下降2.6%，较上月提高0.2个百分点，尚未达到年度目标。"
    );
    let table = briefing
        .body
        .iter()
        .find_map(|b| match b {
            Block::Table(t) if t.caption.as_deref() == Some("重点指标完成情况表") => {
                Some(t)
            }
            _ => None,
        })
        .expect("the indicators table");
    let headers: Vec<&str> = table.columns.iter().map(|c| c.header.as_str()).collect();
    assert_eq!(
        headers,
        [
            "序号",
            "指标",
            "单位",
            "目标值",
            "本月",
            "上月",
            "变化",
            "完成情况"
        ]
    );
    let Row::Cells { cells } = &table.rows[1] else {
        panic!("a row of cells");
    };
    assert_eq!(
        cells,
        &[
            "2",
            "细颗粒物（PM2.5）平均浓度",
            "μg/m³",
            "≤32",
            "30.8",
            "29.6",
            "+1.2",
            "达标"
        ]
    );
    let trends = briefing
        .body
        .iter()
        .find_map(|b| match b {
            Block::Chart(c) => match &c.plot {
                Plot::Trends { periods, panels } => Some((c.caption.clone(), periods, panels)),
                Plot::Bars { .. } => None,
            },
            _ => None,
        })
        .expect("a trend chart");
    assert_eq!(trends.0, "图3 重点指标走势");
    assert_eq!(trends.1, &["10月", "11月"]);
    assert_eq!(trends.2.len(), 8, "one panel per indicator");
    assert_eq!(trends.2[1].values, [Some(29.6), Some(30.8)]);
}

/// The ledger's rows of cells.
fn ledger_rows(briefing: &Briefing) -> Vec<Vec<String>> {
    let Block::Table(table) = &briefing.attachments[0].blocks[0] else {
        panic!("the ledger is a table");
    };
    table
        .rows
        .iter()
        .filter_map(|row| match row {
            Row::Cells { cells } => Some(cells.clone()),
            Row::Group { .. } => None,
        })
        .collect()
}

#[test]
fn the_ledger_lists_every_task_once() {
    let briefing = example_briefing();
    let (outline, month) = common::example_month();
    let rows = ledger_rows(&briefing);
    assert_eq!(rows.len(), month.tasks().count());
    let numbers: Vec<String> = rows.iter().map(|r| r[0].clone()).collect();
    let expected: Vec<String> = (1..=27).map(|n| n.to_string()).collect();
    assert_eq!(numbers, expected);
    for task in month.tasks() {
        let label = &outline
            .find(&task.node_id)
            .expect("a task of the speech")
            .label;
        let count = rows.iter().filter(|r| &r[1] == label).count();
        assert_eq!(count, 1, "{label} listed {count} times");
    }
}

#[test]
fn check_warns_where_a_task_repeats_last_months_text() {
    let dir = tempfile::tempdir().unwrap();
    let october = std::fs::read_to_string(project_file("data/progress/2026-10.yaml")).unwrap();
    let november = std::fs::read_to_string(project_file("data/progress/2026-11.yaml")).unwrap();
    // Copy October's 林长制 text into November.
    let old = october
        .lines()
        .skip_while(|l| !l.contains("task: 林长制"))
        .find(|l| l.trim_start().starts_with("progress:"))
        .unwrap();
    let new_start = november.find("task: 林长制").unwrap();
    let line_start = new_start + november[new_start..].find("progress:").unwrap();
    let line_end = line_start + november[line_start..].find('\n').unwrap();
    let head = &november[..november[..line_start].rfind('\n').unwrap() + 1];
    let copied = format!("{head}{old}{}", &november[line_end..]);
    write_temp(dir.path(), "2026-10.yaml", october.as_bytes());
    let path = write_temp(dir.path(), "2026-11.yaml", copied.as_bytes());
    let speech = project_file("data/speech.txt");
    let run = jianbao_in(
        dir.path(),
        &[
            "check",
            path.to_str().unwrap(),
            "--speech",
            speech.to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 0, "a warning, not an error: {}", run.stderr);
    assert!(
        run.stderr
            .contains("“林长制”的本月进展与2026年10月的一字不差"),
        "{}",
        run.stderr
    );
    // Located at the copied text: its line, the column after `progress: `.
    let line = head.lines().count() + 1;
    let column = old.find("progress:").unwrap() + "progress: ".len() + 1;
    assert!(
        run.stderr
            .contains(&format!("2026-11.yaml:{line}:{column}")),
        "expected 2026-11.yaml:{line}:{column} in {}",
        run.stderr
    );
    // Only that task.
    assert_eq!(run.stderr.matches("一字不差").count(), 1, "{}", run.stderr);
}

/// Builds the example November in `dir` as DOCX into `dir/out`, with
/// `extra` arguments; the run and the folder.
fn build_november(dir: &Path, out: &str, extra: &[&str]) -> (common::Run, PathBuf) {
    let speech = project_file("data/speech.txt");
    let out = dir.join(out);
    let mut args = vec![
        "build",
        "2026-11.yaml",
        "--speech",
        speech.to_str().unwrap(),
        "--format",
        "docx",
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend(extra);
    (jianbao_in(dir, &args), out)
}

#[test]
fn the_previous_month_is_found_beside_the_file_or_given() {
    let dir = tempfile::tempdir().unwrap();
    let october = std::fs::read(project_file("data/progress/2026-10.yaml")).unwrap();
    let november = std::fs::read(project_file("data/progress/2026-11.yaml")).unwrap();
    let path = write_temp(dir.path(), "2026-11.yaml", &november);
    // Alone: no comparison.
    let (run, alone) = build_november(dir.path(), "alone", &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        !docx_text(&alone).contains("较上月"),
        "no earlier month, no comparison"
    );
    // Given with --previous from elsewhere.
    let elsewhere = tempfile::tempdir().unwrap();
    let previous = write_temp(elsewhere.path(), "上月.yaml", &october);
    let (run, given) = build_november(
        dir.path(),
        "given",
        &["--previous", previous.to_str().unwrap()],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(docx_text(&given).contains("较上月提高10.3个百分点"));
    // A later month as --previous is refused.
    let (run, _) = build_november(dir.path(), "later", &["--previous", path.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("不早于本月"), "{}", run.stderr);
    // Found beside it by name; a broken earlier file is left out with a warning.
    write_temp(dir.path(), "2026-10.yaml", &october);
    write_temp(dir.path(), "2026-09.yaml", b"briefing: [");
    let (run, beside) = build_november(dir.path(), "beside", &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("2026-09.yaml") && run.stderr.contains("未用于与上月对比"),
        "{}",
        run.stderr
    );
    assert!(docx_text(&beside).contains("较上月提高10.3个百分点"));
}

/// The text of the one DOCX in `dir`.
fn docx_text(dir: &Path) -> String {
    let docx = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "docx"))
        .expect("a DOCX");
    common::docx_text(&docx)
}
