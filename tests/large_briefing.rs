//! A large briefing: a generated speech with 10 commitments of 50 tasks
//! each (500 tasks) and 60 indicators builds, paginates (the ledger splits
//! across pages, its header repeated, no row split), keeps every task and
//! keeps the body grid. Speed and memory are measured by `cargo bench`.

mod common;

use common::{
    BOTTOM, have_tool, is_heading, is_page_number, jianbao_in, large_case, pdf_lines, pdf_text,
    squeeze, write_temp,
};

const COMMITMENTS: usize = 10;
const TASKS: usize = 50;
const INDICATORS: usize = 60;

#[test]
fn five_hundred_tasks_build_paginate_and_keep_the_grid() {
    if !have_tool("pdftotext") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (speech, progress) = large_case(COMMITMENTS, TASKS, INDICATORS);
    write_temp(dir.path(), "speech.txt", speech.as_bytes());
    write_temp(dir.path(), "2026-11.yaml", progress.as_bytes());
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
            let label = format!("抓好第{c}类第{t}项任务");
            assert!(text.contains(&label), "{label} missing");
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
    // The page before the ledger ends the body and may be short.
    for page in 2..ledger - 1 {
        let body: Vec<_> = lines
            .iter()
            .filter(|l| l.page == page && l.y_min < BOTTOM && !is_page_number(&l.text))
            .collect();
        // Lines measured by their CJK glyph boxes (exactly 1 em tall): poppler
        // sizes a line that opens with a Latin run (“7.抓好…”) by that run's
        // font, a few points off; such a line counts in the steps between.
        let cjk_boxes: Vec<f64> = body
            .iter()
            .filter(|l| (l.height - 16.0).abs() < 0.5)
            .map(|l| l.y_min)
            .collect();
        let pitches: Vec<f64> = cjk_boxes
            .windows(2)
            .map(|w| {
                let distance = w[1] - w[0];
                distance / (distance / 28.99).round().max(1.0)
            })
            .collect();
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
