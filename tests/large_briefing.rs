//! A large briefing: a generated speech with 10 commitments of 50 tasks
//! each (500 tasks) and 60 indicators builds, paginates (the ledger splits
//! across pages, its header repeated, no row split), keeps every task and
//! keeps the body grid. Speed and memory are measured by `cargo bench`.

mod common;

use std::fmt::Write;

use common::{
    BOTTOM, have_tool, is_heading, is_page_number, jianbao_in, pdf_lines, pdf_text, squeeze,
    write_temp,
};

const COMMITMENTS: usize = 10;
const TASKS: usize = 50;
const INDICATORS: usize = 60;

/// 1 → 一, 21 → 二十一 (1–99).
fn chinese(n: usize) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => DIGITS[n].to_string(),
        10..=19 => format!("十{}", DIGITS[n - 10]),
        _ => format!("{}十{}", DIGITS[n / 10], DIGITS[n % 10]),
    }
}

fn label(c: usize, t: usize) -> String {
    format!("抓好第{c}类第{t}项任务")
}

/// A speech: 一、… commitments, each with （一）… tasks.
fn speech() -> String {
    let mut text = "在全市重点工作推进会上的讲话\n同志们：\n下面，我讲几点意见。\n".to_string();
    for c in 1..=COMMITMENTS {
        writeln!(text, "{}、扎实推进第{c}类重点工作", chinese(c)).unwrap();
        for t in 1..=TASKS {
            writeln!(
                text,
                "（{}）{}，做到责任到人、按期完成。",
                chinese(t),
                label(c, t)
            )
            .unwrap();
        }
    }
    text + "谢谢大家！\n"
}

/// A month reporting every task, the statuses in turn, and the indicators.
fn progress() -> String {
    let mut yaml = "briefing:\n  name: 重点工作简报\n  period: 2026-11\n  issue: 11\n  office: 市政府督查室\n  date: 2026-11-27\n  report_to: [市委常委]\n  copies: 30\ncommitments:\n".to_string();
    let statuses = ["已完成", "序时推进", "滞后", "未启动"];
    for c in 1..=COMMITMENTS {
        writeln!(yaml, "  - commitment: '1.{c}'\n    tasks:").unwrap();
        for t in 1..=TASKS {
            let status = statuses[(c + t) % 4];
            writeln!(yaml, "      - task: '1.{c}.{t}'\n        status: {status}").unwrap();
            if matches!(status, "序时推进" | "滞后") {
                writeln!(yaml, "        percent: {}", (c * 7 + t * 3) % 90 + 5).unwrap();
            }
            writeln!(
                yaml,
                "        lead_unit: 市第{c}局\n        deadline: 2026-12-{:02}\n        progress: 本月完成第{c}类第{t}项任务的阶段性工作，累计完成投资{t}.{c}亿元，推进情况总体平稳。\n        next_steps: 加快推进第{c}类第{t}项任务。",
                t % 28 + 1
            )
            .unwrap();
            if status == "滞后" {
                writeln!(yaml, "        problems: 受天气影响，第{t}项任务进度偏慢。").unwrap();
            }
        }
    }
    yaml.push_str("indicators:\n");
    for i in 1..=INDICATORS {
        writeln!(
            yaml,
            "  - name: 第{i}项重点指标\n    unit: '%'\n    target: {}\n    value: {}.5",
            60 + i % 40,
            50 + i % 50
        )
        .unwrap();
    }
    yaml
}

#[test]
fn five_hundred_tasks_build_paginate_and_keep_the_grid() {
    if !have_tool("pdftotext") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    write_temp(dir.path(), "speech.txt", speech().as_bytes());
    write_temp(dir.path(), "2026-11.yaml", progress().as_bytes());
    let run = jianbao_in(
        dir.path(),
        &[
            "build",
            "2026-11.yaml",
            "--speech",
            "speech.txt",
            "--out",
            "out",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let pdf = dir.path().join("out/重点工作简报-2026年第11期.pdf");
    // Every task, whole, in the PDF.
    let text = squeeze(&pdf_text(&pdf));
    for c in 1..=COMMITMENTS {
        for t in 1..=TASKS {
            assert!(text.contains(&label(c, t)), "{} missing", label(c, t));
        }
    }
    assert!(
        text.contains("500项任务中"),
        "the overview counts all tasks"
    );
    let lines = pdf_lines(&pdf);
    let pages = lines.iter().map(|l| l.page).max().unwrap();
    assert!(pages > 100, "{pages} pages");
    // The ledger: from the page that starts with 附件1 on, every page
    // starts with the repeated header row, and the rows run 1 … 500 with
    // none missing or split (a split row would print its number twice or
    // leave a page starting mid-row).
    let first_of = |page: usize| -> String {
        lines
            .iter()
            .filter(|l| l.page == page && !is_page_number(&l.text))
            .map(|l| squeeze(&l.text))
            .next()
            .unwrap_or_default()
    };
    let ledger = (1..=pages)
        .find(|&p| first_of(p).starts_with("附件1"))
        .expect("the ledger starts a page");
    assert!(pages - ledger >= 20, "the ledger runs over many pages");
    for page in ledger + 1..=pages {
        let first = first_of(page);
        assert!(first.starts_with("序号"), "page {page} starts “{first}”");
    }
    // Body grid: full body pages hold 22 lines at one pitch.
    let mut full = 0;
    for page in 2..ledger {
        let body: Vec<_> = lines
            .iter()
            .filter(|l| l.page == page && l.y_min < BOTTOM && !is_page_number(&l.text))
            .collect();
        let pitches: Vec<f64> = body.windows(2).map(|w| w[1].y_min - w[0].y_min).collect();
        let text_only = body.iter().all(|l| (l.height - 16.0).abs() < 2.5);
        // A heading that would end a page starts the next one instead.
        let heading_next = is_heading(&first_of(page + 1));
        if body.len() >= 20 && text_only && !heading_next {
            full += 1;
            assert_eq!(body.len(), 22, "page {page}");
            for pitch in pitches {
                assert!((pitch - 28.99).abs() < 0.6, "page {page}: pitch {pitch}");
            }
        }
    }
    assert!(full >= 30, "{full} full body pages");
}
