//! Whatever a clerk writes reaches the briefing: every text value of the
//! shipped progress files is found in the text of both the PDF and the DOCX.
//!
//! The YAML is walked as a tree, so a field added later is covered without
//! touching this test. Values the briefing prints in its own form are looked
//! for in that form (dates in Chinese, status words in their official
//! spelling); the references to the speech (`commitment`, `task`) print the
//! speech's own words instead and are left to the tests of the merge.

mod common;

use std::path::{Path, PathBuf};

use common::{have_tool, jianbao, pdf_text_in_order, project_file, squeeze};
use jianbao::progress::{Date, Deadline, Period, Status};

/// Fields only the 通报 layout prints (README: “通报的版头、主送、署名和版记所需的字段”).
const OFFICIAL_ONLY: [&str; 6] = [
    "briefing.document_number",
    "briefing.issuer_mark",
    "briefing.copy_number",
    "briefing.secrecy",
    "briefing.urgency",
    "briefing.public_note",
];

/// Fields only the 简报 layout prints (README): the name in its masthead
/// (the 通报 prints `issuer_mark` there) and its 按语.
const BRIEFING_ONLY: [&str; 2] = ["briefing.name", "briefing.editor_note"];

/// Fields that refer to the speech rather than carry text of their own.
const REFERENCES: [&str; 2] = ["commitment", "task"];

/// A text value of the progress file: where it stands, and the form the
/// briefing prints it in.
struct Value {
    /// Path for messages, e.g. `commitments[1].tasks[3].progress`.
    path: String,
    /// The text to find in the outputs.
    printed: String,
}

/// Every text value of the YAML file at `path`, in the form it is printed.
fn text_values(path: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(path).unwrap();
    let tree: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
    let mut values = Vec::new();
    walk(&tree, "", "", &mut values);
    values
}

fn walk(node: &serde_json::Value, key: &str, path: &str, out: &mut Vec<Value>) {
    match node {
        serde_json::Value::Object(map) => {
            for (child_key, child) in map {
                let child_path = if path.is_empty() {
                    child_key.clone()
                } else {
                    format!("{path}.{child_key}")
                };
                walk(child, child_key, &child_path, out);
            }
        }
        serde_json::Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                walk(item, key, &format!("{path}[{index}]"), out);
            }
        }
        serde_json::Value::String(text) if !REFERENCES.contains(&key) => out.push(Value {
            path: path.to_string(),
            printed: printed_form(key, text),
        }),
        _ => {}
    }
}

/// How the briefing prints the value of `key`.
fn printed_form(key: &str, text: &str) -> String {
    match key {
        "date" => Date::parse(text).unwrap().chinese(),
        "period" => Period::parse(text).unwrap().chinese(),
        // The shipped months write full dates or 长期: no year needed.
        "deadline" => Deadline::parse(text, 0).unwrap().to_string(),
        "status" => Status::parse(text).unwrap().chinese().to_string(),
        _ => text.trim().to_string(),
    }
}

/// Builds `progress` with `template` and returns the squeezed text of the
/// PDF and of the DOCX.
fn outputs(progress: &Path, speech: Option<&Path>, template: &str, out: &Path) -> [String; 2] {
    let mut args = vec![
        "build".to_string(),
        progress.display().to_string(),
        "--out".to_string(),
        out.display().to_string(),
        "--format".to_string(),
        "pdf,docx".to_string(),
        "--template".to_string(),
        template.to_string(),
    ];
    if let Some(speech) = speech {
        args.extend(["--speech".to_string(), speech.display().to_string()]);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = jianbao(&args);
    assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
    let file = |extension: &str| -> PathBuf {
        std::fs::read_dir(out)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .find(|path| path.extension().is_some_and(|e| e == extension))
            .unwrap_or_else(|| panic!("no .{extension} in {}", out.display()))
    };
    [
        squeeze(&pdf_text_in_order(&file("pdf"))),
        squeeze(&common::docx_text(&file("docx"))),
    ]
}

/// Checks every value of `progress` in the outputs of the template that
/// prints it.
fn every_value_is_printed(progress: &str, speech: Option<&str>) {
    if !have_tool("pdftotext") {
        return;
    }
    let progress = project_file(progress);
    let speech = speech.map(project_file);
    let dir = tempfile::tempdir().unwrap();
    let briefing_dir = dir.path().join("jianbao");
    let official_dir = dir.path().join("tongbao");
    let briefing = outputs(&progress, speech.as_deref(), "jianbao", &briefing_dir);
    let official = outputs(&progress, speech.as_deref(), "tongbao", &official_dir);
    let values = text_values(&progress);
    assert!(values.len() > 50, "the walk found the file's values");
    let mut missing = Vec::new();
    for value in &values {
        let layouts: &[(&str, &[String; 2])] = if OFFICIAL_ONLY.contains(&value.path.as_str()) {
            &[("通报", &official)]
        } else if BRIEFING_ONLY.contains(&value.path.as_str()) {
            &[("简报", &briefing)]
        } else {
            &[("简报", &briefing), ("通报", &official)]
        };
        for (layout, [pdf, docx]) in layouts {
            let wanted = squeeze(&value.printed);
            for (format, text) in [("PDF", pdf), ("DOCX", docx)] {
                if !text.contains(&wanted) {
                    missing.push(format!(
                        "{layout} {format}: {} = {}",
                        value.path, value.printed
                    ));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "{}: values written by the clerk but not printed:\n{}",
        progress.display(),
        missing.join("\n")
    );
}

#[test]
fn october_prints_every_value() {
    every_value_is_printed("data/progress/2026-10.yaml", None);
}

#[test]
fn november_prints_every_value() {
    every_value_is_printed("data/progress/2026-11.yaml", None);
}

#[test]
fn the_county_october_prints_every_value() {
    every_value_is_printed(
        "examples/county/progress/2026-10.yaml",
        Some("examples/county/speech.txt"),
    );
}

#[test]
fn the_county_november_prints_every_value() {
    every_value_is_printed(
        "examples/county/progress/2026-11.yaml",
        Some("examples/county/speech.txt"),
    );
}
