//! The county example (`examples/county/`): a county leader's speech, two
//! months of progress and a style of its own. Run the real binary on it and
//! read what it wrote, as a clerk of that county would.

mod common;

use std::path::{Path, PathBuf};

use common::{have_tool, jianbao, pdf_text, project_file, squeeze};

const SPEECH: &str = "examples/county/speech.txt";
const STYLE: &str = "examples/county/style.toml";
const MONTHS: [&str; 2] = [
    "examples/county/progress/2026-10.yaml",
    "examples/county/progress/2026-11.yaml",
];
const NOVEMBER: &str = "examples/county/progress/2026-11.yaml";
const STEM: &str = "栖云县生态环境保护工作简报-2026年第8期";
const NAME: &str = "栖云县生态环境保护工作简报";
const OFFICE: &str = "栖云县生态环境保护委员会办公室";

/// One commitment of the outline with the labels of its tasks.
struct Commitment {
    id: String,
    label: String,
    heading: String,
    tasks: Vec<(String, String)>,
}

/// The county speech's outline as `jianbao outline --json` prints it.
fn outline() -> Vec<Commitment> {
    let run = jianbao(&["outline", SPEECH, "--json"]);
    assert_eq!(run.code, 0, "outline failed:\n{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("outline JSON");
    let text = |node: &serde_json::Value, key: &str| node[key].as_str().unwrap().to_string();
    let series = json["parts"].as_array().unwrap();
    assert_eq!(series.len(), 1, "one run of commitments 一、二、…");
    series[0]["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|part| Commitment {
            id: text(part, "id"),
            label: text(part, "label"),
            heading: text(part, "heading"),
            tasks: part["children"]
                .as_array()
                .unwrap()
                .iter()
                .map(|task| (text(task, "marker"), text(task, "label")))
                .collect(),
        })
        .collect()
}

/// A validated month of the county, through the library.
fn load_month(path: &str) -> jianbao::progress::Progress {
    let speech = std::fs::read_to_string(project_file(SPEECH)).unwrap();
    let outline = jianbao::speech::parse(&speech);
    match jianbao::progress::load(&project_file(path), &outline) {
        Ok(progress) => progress,
        Err(_) => panic!("{path} is not valid; run jianbao check on it"),
    }
}

/// Builds November into `out`; with the county style unless `style` is false.
fn build_november(out: &Path, style: bool) -> common::Run {
    let out = out.to_str().unwrap();
    let mut args = vec![
        "build", NOVEMBER, "--speech", SPEECH, "--out", out, "--format", "pdf,docx",
    ];
    if style {
        args.extend(["--style", STYLE]);
    }
    let run = jianbao(&args);
    assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
    run
}

fn output(out: &Path, extension: &str) -> PathBuf {
    out.join(format!("{STEM}.{extension}"))
}

#[test]
fn the_speech_outlines_into_four_commitments_with_their_tasks() {
    let outline = outline();
    let ids: Vec<&str> = outline.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["1.1", "1.2", "1.3", "1.4"]);
    let labels: Vec<&str> = outline.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(
        labels,
        ["蓝天保卫战", "碧水保卫战", "生态屏障", "督察整改攻坚战"]
    );
    for commitment in &outline {
        assert!(
            (3..=6).contains(&commitment.tasks.len()),
            "{} has {} tasks",
            commitment.label,
            commitment.tasks.len()
        );
        for (i, (marker, label)) in commitment.tasks.iter().enumerate() {
            let numeral = ["一", "二", "三", "四", "五", "六"][i];
            assert_eq!(
                marker,
                &format!("（{numeral}）"),
                "under {}",
                commitment.label
            );
            let length = label.chars().count();
            assert!(
                (4..=16).contains(&length) && !label.ends_with('。'),
                "task label “{label}” is not a short name"
            );
        }
    }
    // The thanks at the end is the closing, not a stray paragraph of the outline.
    let run = jianbao(&["outline", SPEECH]);
    assert!(run.stdout.contains("称谓：同志们："), "{}", run.stdout);
    assert!(run.stdout.contains("结束语："), "{}", run.stdout);
    assert!(!run.stdout.contains("（段落）"), "{}", run.stdout);
}

#[test]
fn both_months_check_clean() {
    for month in MONTHS {
        let run = jianbao(&["check", month, "--speech", SPEECH]);
        assert_eq!(run.code, 0, "{month}:\n{}{}", run.stdout, run.stderr);
        assert!(run.stderr.trim().is_empty(), "{month}: {}", run.stderr);
        for clean in [
            "进展文件检查通过",
            "未填报的承诺：无。",
            "未填报的任务：无。",
            "已过完成时限但未完成的任务：无。",
        ] {
            assert!(run.stdout.contains(clean), "{month}: {}", run.stdout);
        }
    }
}

#[test]
fn november_follows_october() {
    let october = load_month(MONTHS[0]);
    let november = load_month(MONTHS[1]);
    let (before, after) = (&october.meta, &november.meta);
    assert_eq!(after.issue, before.issue + 1, "issue numbers run on");
    assert_eq!(
        after.total_issue.map(|n| n - 1),
        before.total_issue,
        "total issue numbers run on"
    );
    assert_eq!((after.name.as_str(), after.office.as_str()), (NAME, OFFICE));
    assert_eq!(
        (before.name.as_str(), before.office.as_str()),
        (NAME, OFFICE)
    );

    // Every task is reported in both months, and each moved on in November.
    let tasks = outline().iter().map(|c| c.tasks.len()).sum::<usize>();
    assert_eq!(october.tasks().count(), tasks);
    assert_eq!(november.tasks().count(), tasks);
    for task in november.tasks() {
        let last = october
            .tasks()
            .find(|t| t.node_id == task.node_id)
            .expect("reported in October too");
        assert!(
            task.percent > last.percent,
            "{} did not move on: {}% after {}%",
            task.node_id,
            task.percent,
            last.percent
        );
    }

    // The same indicators with the same targets, this month's values.
    let names = |p: &jianbao::progress::Progress| {
        p.indicators
            .iter()
            .map(|i| (i.name.clone(), i.unit.clone(), i.target))
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&october), names(&november));
    assert!((4..=6).contains(&november.indicators.len()));
    assert!(
        october
            .indicators
            .iter()
            .zip(&november.indicators)
            .all(|(a, b)| a.value != b.value),
        "every indicator has a new value in November"
    );
}

#[test]
fn the_november_briefing_is_written_with_all_its_content() {
    let dir = tempfile::tempdir().unwrap();
    let run = build_november(dir.path(), true);
    assert!(
        !run.stderr.contains("warning"),
        "the build warns:\n{}",
        run.stderr
    );
    let pdf = output(dir.path(), "pdf");
    let docx = output(dir.path(), "docx");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    assert!(std::fs::read(&docx).unwrap().starts_with(b"PK"));
    if !have_tool("pdftotext") {
        return;
    }
    let text = squeeze(&pdf_text(&pdf));
    for fixed in [
        NAME,
        OFFICE,
        "第8期（总第32期）",
        "2026年11月27日",
        "共印40份",
    ] {
        assert!(text.contains(fixed), "PDF lacks “{fixed}”");
    }
    for commitment in outline() {
        let heading = squeeze(&commitment.heading);
        let heading = heading.trim_end_matches('。');
        assert!(text.contains(heading), "PDF lacks “{heading}”");
        for (_, label) in commitment.tasks {
            assert!(
                text.contains(&format!("{label}。")),
                "PDF lacks task “{label}”"
            );
        }
    }
    for task in load_month(NOVEMBER).tasks() {
        let progress = squeeze(&task.progress);
        assert!(text.contains(&progress), "PDF lacks “{progress}”");
    }
}

/// The masthead of page 1 as drawn: the fill colour (RGB, 0–1) and size of
/// the largest text on the page.
fn masthead_in_pdf(pdf: &Path) -> ([f32; 3], f32) {
    use lopdf::content::Content;
    let document = lopdf::Document::load(pdf).expect("lopdf reads the PDF");
    let first = *document.get_pages().get(&1).expect("a first page");
    let content = Content::decode(&document.get_page_content(first)).unwrap();
    let number = |o: &lopdf::Object| o.as_float().or_else(|_| o.as_i64().map(|i| i as f32));
    let mut fill = [0.0; 3];
    let mut size = 0.0;
    let mut largest = (fill, 0.0_f32);
    for operation in &content.operations {
        let operands: Vec<f32> = operation
            .operands
            .iter()
            .filter_map(|o| number(o).ok())
            .collect();
        match (operation.operator.as_str(), operands.as_slice()) {
            ("rg" | "sc" | "scn", [r, g, b]) => fill = [*r, *g, *b],
            ("g" | "sc" | "scn", [gray]) => fill = [*gray; 3],
            ("Tf", [size_pt]) => size = *size_pt,
            ("Tj" | "TJ", _) if size > largest.1 => largest = (fill, size),
            _ => {}
        }
    }
    largest
}

/// The DOCX's `word/document.xml`.
fn document_xml(docx: &Path) -> String {
    let bytes = std::fs::read(docx).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    xml
}

/// The run properties of the DOCX run whose text is exactly `text`.
fn run_properties(xml: &str, text: &str) -> Vec<String> {
    let document = roxmltree::Document::parse(xml).unwrap();
    let run = document
        .descendants()
        .filter(|n| n.has_tag_name("r"))
        .find(|r| {
            r.descendants()
                .filter(|n| n.has_tag_name("t"))
                .map(|t| t.text().unwrap_or_default())
                .collect::<String>()
                == text
        })
        .unwrap_or_else(|| panic!("no run “{text}” in the DOCX"));
    run.children()
        .filter(|n| n.has_tag_name("rPr"))
        .flat_map(|p| p.children().filter(|n| n.is_element()))
        .map(|n| {
            let value = n
                .attributes()
                .map(|a| a.value())
                .collect::<Vec<_>>()
                .join(",");
            format!("{}={value}", n.tag_name().name())
        })
        .collect()
}

/// Thickness (eighths of a point) and colour of the masthead's red rule,
/// the first paragraph border of the DOCX.
fn masthead_rule(xml: &str) -> (String, String) {
    let document = roxmltree::Document::parse(xml).unwrap();
    let rule = document
        .descendants()
        .find(|n| n.has_tag_name("bottom") && n.parent().is_some_and(|p| p.has_tag_name("pBdr")))
        .expect("a paragraph border under the masthead");
    let attribute = |name: &str| {
        rule.attributes()
            .find(|a| a.name() == name)
            .map_or_else(String::new, |a| a.value().to_string())
    };
    (attribute("sz"), attribute("color"))
}

#[test]
fn the_county_style_takes_effect_in_both_outputs() {
    let custom = tempfile::tempdir().unwrap();
    let default = tempfile::tempdir().unwrap();
    build_november(custom.path(), true);
    build_november(default.path(), false);

    // PDF: the name in deep red #C00000 at 32 pt; the default is #E60012,
    // shrunk from 40 pt to fit the 13 characters on one line.
    let close = |a: [f32; 3], b: [f32; 3]| a.iter().zip(b).all(|(x, y)| (x - y).abs() < 0.002);
    let (colour, size) = masthead_in_pdf(&output(custom.path(), "pdf"));
    assert!(
        close(colour, [192.0 / 255.0, 0.0, 0.0]),
        "masthead fill {colour:?}"
    );
    assert!((size - 32.0).abs() < 0.01, "masthead size {size}");
    let (colour, size) = masthead_in_pdf(&output(default.path(), "pdf"));
    assert!(
        close(colour, [230.0 / 255.0, 0.0, 18.0 / 255.0]),
        "default masthead fill {colour:?}"
    );
    assert!(size > 32.5 && size < 40.0, "default masthead size {size}");

    // DOCX: the same colour and size (half points) on the masthead, the red
    // rule 3 pt (24 eighths) instead of 2 pt, and the level-3 headings
    // (“1.……。”) no longer bold.
    let custom_xml = document_xml(&output(custom.path(), "docx"));
    let default_xml = document_xml(&output(default.path(), "docx"));
    let name = run_properties(&custom_xml, NAME);
    assert!(name.contains(&"color=C00000".to_string()), "{name:?}");
    assert!(name.contains(&"sz=64".to_string()), "{name:?}");
    assert!(!custom_xml.contains("E60012"), "the default red is left");
    assert_eq!(masthead_rule(&custom_xml), ("24".into(), "C00000".into()));
    assert_eq!(masthead_rule(&default_xml), ("16".into(), "E60012".into()));
    let name = run_properties(&default_xml, NAME);
    assert!(name.contains(&"color=E60012".to_string()), "{name:?}");
    // The lead's text after its number (“1.” is a Latin run of its own).
    let first_task = format!("{}。", outline()[0].tasks[0].1);
    let bold = |xml: &str| {
        run_properties(xml, &first_task)
            .iter()
            .any(|p| p.starts_with("b="))
    };
    assert!(
        !bold(&custom_xml),
        "“{first_task}” is bold with the county style"
    );
    assert!(bold(&default_xml), "“{first_task}” is not bold by default");
}

#[test]
fn init_carries_the_county_month_over_with_its_commitments_and_tasks() {
    let speech = project_file("examples/county/speech.txt");
    let previous = project_file("examples/county/progress/2026-11.yaml");
    let run = jianbao(&[
        "init",
        "--period",
        "2026-12",
        "--from",
        previous.to_str().unwrap(),
        "--speech",
        speech.to_str().unwrap(),
        "--output",
        "-",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // 一、 parts with （一） tasks under them: 4 commitments, 15 tasks.
    assert_eq!(
        run.stdout.matches("  - commitment:").count(),
        4,
        "{}",
        run.stdout
    );
    assert_eq!(
        run.stdout.matches("      - task:").count(),
        15,
        "{}",
        run.stdout
    );
}
