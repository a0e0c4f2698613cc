//! python-docx opens the DOCX, and each paragraph carries the style the
//! document model asked for: Title, 按语, Heading 1/2 (Word's outline levels),
//! Body Text; the core properties carry the title and the author.

mod common;

use common::{jianbao, project_file};
use jianbao::briefing::{Block, Briefing};

/// Whether python3 with python-docx is there; in CI (`CI=true`) it must be.
fn have_python_docx() -> bool {
    let found = std::process::Command::new("python3")
        .args(["-c", "import docx"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "python-docx is required in CI; .ci/run installs it"
        );
        eprintln!("skipped: python-docx is not installed");
    }
    found
}

fn example() -> Briefing {
    let speech = jianbao::speech::parse(include_str!("../data/speech.txt"));
    let progress = jianbao::progress::load(&project_file("data/progress/2026-11.yaml"), &speech)
        .expect("valid month");
    jianbao::briefing::compose(&speech, &progress)
}

/// The (style, text) pairs the model asks for, in order.
fn expected(briefing: &Briefing) -> Vec<(&'static str, String)> {
    let mut out = vec![("Title", briefing.title.clone())];
    if let Some(note) = &briefing.editor_note {
        for (i, paragraph) in note.paragraphs.iter().enumerate() {
            let label = if i == 0 { note.label.as_str() } else { "" };
            out.push(("按语", format!("{label}{paragraph}")));
        }
    }
    for block in &briefing.body {
        match block {
            Block::Heading(h) => {
                let style = if h.level == 1 {
                    "Heading 1"
                } else {
                    "Heading 2"
                };
                out.push((style, format!("{}{}", h.number, h.text)));
            }
            Block::Paragraph(p) => {
                let lead = p
                    .lead
                    .as_ref()
                    .map(|l| format!("{}{}", l.number, l.text))
                    .unwrap_or_default();
                out.push(("Body Text", format!("{lead}{}", p.text)));
            }
            Block::Table(_) => {}
        }
    }
    out
}

#[test]
fn every_paragraph_carries_its_style() {
    if !have_python_docx() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let run = jianbao(&[
        "build",
        "--format",
        "docx",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let docx = dir.path().join("生态文明建设工作简报-2026年第11期.docx");
    let output = std::process::Command::new("python3")
        .arg(project_file("tests/python/docx_paragraphs.py"))
        .arg(&docx)
        .output()
        .expect("python3 runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let read: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let briefing = example();
    assert_eq!(read["title"], briefing.document.title.as_str());
    assert_eq!(read["author"], briefing.document.author.as_str());
    let paragraphs: Vec<(String, String)> = read["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["style"].as_str().unwrap_or_default().to_string(),
                p["text"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    // The model's paragraphs appear in order, each with its style.
    let mut from = 0;
    for (style, text) in expected(&briefing) {
        let found = paragraphs[from..]
            .iter()
            .position(|(_, t)| *t == text)
            .unwrap_or_else(|| panic!("python-docx does not see “{text}”"));
        let (got, _) = &paragraphs[from + found];
        assert_eq!(got, style, "“{text}”");
        from += found + 1;
    }
}
