//! python-docx opens the DOCX, and each paragraph carries the style the
//! document model asked for: Title, 按语, Heading 1/2 (Word's outline levels),
//! Body Text; the core properties carry the title and the author.

mod common;

use common::{example_briefing, have_python_module, jianbao};
use jianbao::briefing::{Block, Briefing};

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
                out.push((style, h.printed()));
            }
            Block::Paragraph(p) => {
                out.push(("Body Text", p.printed()));
            }
            Block::Table(_) | Block::Chart(_) => {}
        }
    }
    out
}

#[test]
fn every_paragraph_carries_its_style() {
    if !have_python_module("docx") {
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
    let output = common::run_python("tests/python/docx_paragraphs.py", &[&docx]);
    let read: serde_json::Value = serde_json::from_slice(&output).expect("JSON");
    let briefing = example_briefing();
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
