//! Helpers shared by the integration tests: run the real binary, write inputs.

#![allow(dead_code)] // each test crate uses its own subset of these helpers

use std::path::{Path, PathBuf};
use std::process::Command;

/// What one run of `jianbao` did.
pub struct Run {
    /// Exit code (-1 if killed by a signal).
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

/// Runs the `jianbao` binary in the project folder, where the default data lives.
pub fn jianbao(args: &[&str]) -> Run {
    jianbao_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

/// Runs the `jianbao` binary in `dir`.
pub fn jianbao_in(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_jianbao"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the jianbao binary runs");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Writes `bytes` to `dir/name` and returns the path.
pub fn write_temp(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("temp dir is writable");
    path
}

/// A file of the project, by path relative to its root.
pub fn project_file(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// Whether an external tool is on the PATH (it only has to start:
/// `pdftotext --version` exits with 99).
pub fn have_tool(name: &str) -> bool {
    let found = Command::new(name).arg("--version").output().is_ok();
    required_in_ci(name, found)
}

/// Whether python3 can import the module `module`.
pub fn have_python_module(module: &str) -> bool {
    let found = Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .output()
        .is_ok_and(|o| o.status.success());
    required_in_ci(&format!("python3 module {module}"), found)
}

/// Where a test's tool is absent the test is skipped with a message, except
/// in CI (`CI=true`), where `.ci/run` installs it and its absence is a failure.
fn required_in_ci(what: &str, found: bool) -> bool {
    if !found {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{what} is required in CI; .ci/run installs it"
        );
        eprintln!("skipped: {what} is not installed");
    }
    found
}

/// Converts a DOCX to PDF with LibreOffice, rendering the official face names
/// with the bundled fonts through `fonts/fontconfig/fonts.conf`.
pub fn libreoffice_to_pdf(docx: &Path, out_dir: &Path) -> PathBuf {
    libreoffice_convert(docx, out_dir, "pdf")
}

/// LibreOffice's rendering of a DOCX with the two things no DOCX setting
/// reaches neutralised (see `../README.md`, “DOCX 与 PDF 的一致性”): it
/// loses a hanging mark from a justified line when it exports PDF, and it
/// ignores `w:autoSpaceDE/DN` and always puts a space between Han
/// characters and letters or digits. The DOCX goes through `.fodt`, where
/// justified paragraphs become start-aligned (the line breaks stay the
/// same) and the automatic space is switched off, as Word and WPS do.
pub fn libreoffice_to_pdf_as_word(docx: &Path, out_dir: &Path) -> PathBuf {
    let fodt = libreoffice_convert(docx, out_dir, "fodt");
    let text = std::fs::read_to_string(&fodt).expect("LibreOffice wrote the .fodt");
    std::fs::write(&fodt, without_justification_and_autospace(&text)).expect("writable");
    libreoffice_convert(&fodt, out_dir, "pdf")
}

/// An ODF document's paragraph properties start-aligned instead of
/// justified, and without automatic Han–Latin spacing.
fn without_justification_and_autospace(odf: &str) -> String {
    const PROPERTIES: &str = "<style:paragraph-properties";
    let odf = odf
        .replace("fo:text-align=\"justify\"", "fo:text-align=\"start\"")
        .replace(
            "style:text-autospace=\"ideograph-alpha\"",
            "style:text-autospace=\"none\"",
        );
    let mut out = String::with_capacity(odf.len() + 4096);
    let mut pieces = odf.split(PROPERTIES);
    out.push_str(pieces.next().unwrap_or_default());
    for piece in pieces {
        out.push_str(PROPERTIES);
        let tag_end = piece.find('>').unwrap_or(piece.len());
        if !piece[..tag_end].contains("style:text-autospace") {
            out.push_str(" style:text-autospace=\"none\"");
        }
        out.push_str(piece);
    }
    out
}

/// Converts `input` with LibreOffice to `format` (`pdf`, `fodt`) in
/// `out_dir`, with the bundled fonts standing in for the official faces.
fn libreoffice_convert(input: &Path, out_dir: &Path, format: &str) -> PathBuf {
    libreoffice_import(input, None, out_dir, format)
}

/// [`libreoffice_convert`] reading `input` with the import filter
/// `filter` (e.g. `Text (encoded):UTF8,LF,,,` for a UTF-8 text file).
pub fn libreoffice_import(
    input: &Path,
    filter: Option<&str>,
    out_dir: &Path,
    format: &str,
) -> PathBuf {
    let profile = out_dir.join("lo-profile");
    let profile_url = format!(
        "file:///{}",
        profile.display().to_string().trim_start_matches('/')
    );
    let output = Command::new("soffice")
        .arg(format!("-env:UserInstallation={profile_url}"))
        .args(filter.map(|filter| format!("--infilter={filter}")))
        .args(["--headless", "--convert-to", format, "--outdir"])
        .arg(out_dir)
        .arg(input)
        .env(
            "FONTCONFIG_FILE",
            project_file("fonts/fontconfig/fonts.conf"),
        )
        .output()
        .expect("soffice runs");
    assert!(
        output.status.success(),
        "soffice failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let converted = out_dir.join(
        input
            .with_extension(format)
            .file_name()
            .expect("a file name"),
    );
    assert!(
        converted.exists(),
        "soffice wrote no {format}: {}",
        String::from_utf8_lossy(&output.stdout)
    );
    converted
}

/// The text of a PDF as poppler's pdftotext reads it (reading order, no
/// layout), without the page numbers, which otherwise interrupt sentences
/// that cross a page.
pub fn pdf_text(pdf: &Path) -> String {
    pdftotext(pdf, &[])
}

/// The text of a PDF in the order it is drawn (`pdftotext -raw`), one line
/// of the page a line of text, without the page numbers: text that wraps
/// stays in reading order even where the layout puts blocks side by side.
pub fn pdf_text_in_order(pdf: &Path) -> String {
    pdftotext(pdf, &["-raw"])
}

/// `pdftotext` with `options`, UTF-8, page-number lines left out.
fn pdftotext(pdf: &Path, options: &[&str]) -> String {
    let output = Command::new("pdftotext")
        .args(options)
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter(|line| !is_page_number(line))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The text of a DOCX's body (`word/document.xml`): the text of its runs,
/// one line a paragraph.
pub fn docx_text(docx: &Path) -> String {
    let bytes = std::fs::read(docx).expect("the DOCX exists");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file");
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut archive
            .by_name("word/document.xml")
            .expect("a document part"),
        &mut xml,
    )
    .expect("UTF-8 XML");
    let document = roxmltree::Document::parse(&xml).expect("well-formed XML");
    document
        .descendants()
        .filter(|node| node.has_tag_name("p"))
        .map(|paragraph| {
            paragraph
                .descendants()
                .filter(|node| node.has_tag_name("t"))
                .filter_map(|node| node.text())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Checks a DOCX against the Office Open XML schemas with `openxml-audit`
/// (PyPI; a reimplementation of the Open XML SDK validator, which is
/// stricter than LibreOffice and closer to Word): no finding at all. Does
/// nothing where the tool is missing (not in CI).
pub fn assert_valid_ooxml(docx: &Path) {
    if !have_openxml_audit() {
        return;
    }
    let output = Command::new("openxml-audit")
        .args(["-m", "0", "-o", "json"])
        .arg(docx)
        .output()
        .expect("openxml-audit runs");
    let report = String::from_utf8_lossy(&output.stdout);
    let findings: serde_json::Value = serde_json::from_str(&report)
        .unwrap_or_else(|err| panic!("openxml-audit printed no JSON ({err}): {report}"));
    let file = &findings[0];
    let errors = file["error_count"].as_u64().unwrap_or(u64::MAX);
    let warnings = file["warning_count"].as_u64().unwrap_or(u64::MAX);
    assert!(
        errors == 0 && warnings == 0,
        "{}: {errors} errors, {warnings} warnings: {}\n{:#}",
        docx.display(),
        file["verdict"]["headline"],
        file["errors"]
    );
}

/// Whether `openxml-audit` is on the PATH (it has no `--version`).
fn have_openxml_audit() -> bool {
    let found = Command::new("openxml-audit")
        .arg("--help")
        .output()
        .is_ok_and(|o| o.status.success());
    required_in_ci("openxml-audit", found)
}

/// Runs the Python script `script` (relative to the project) with `args`
/// and returns what it printed; panics with its error output when it fails.
pub fn run_python(script: &str, args: &[&Path]) -> Vec<u8> {
    let output = Command::new("python3")
        .arg(project_file(script))
        .args(args)
        .output()
        .expect("python3 runs");
    assert!(
        output.status.success(),
        "{script}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

/// Whether a line is a page number such as "— 3 —".
pub fn is_page_number(line: &str) -> bool {
    let inner = line.trim().trim_start_matches('\u{c}');
    inner
        .strip_prefix('—')
        .and_then(|rest| rest.strip_suffix('—'))
        .is_some_and(|digits| {
            let digits = digits.trim();
            !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
        })
}

/// Text without any whitespace: line breaks fall differently in each renderer.
pub fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The shipped speech's outline and the example month, validated.
pub fn example_month() -> (jianbao::speech::Outline, jianbao::progress::Progress) {
    month("data/speech.txt", "data/progress/2026-11.yaml")
}

/// The outline of the speech at `speech` and the month at `progress`
/// (paths relative to the project), validated.
pub fn month(
    speech: &str,
    progress: &str,
) -> (jianbao::speech::Outline, jianbao::progress::Progress) {
    let text = std::fs::read_to_string(project_file(speech)).expect("the speech exists");
    let outline = jianbao::speech::parse(&text);
    let progress = jianbao::progress::load(&project_file(progress), &outline)
        .expect("the example month is valid");
    (outline, progress)
}

/// The briefing of the example month, as both writers receive it: compared
/// with the earlier month beside it, as `jianbao build` does.
pub fn example_briefing() -> jianbao::briefing::Briefing {
    briefing("data/speech.txt", "data/progress/2026-11.yaml")
}

/// The briefing of the month at `progress` on the speech at `speech`, as
/// `jianbao build` composes it (with the earlier months beside it).
pub fn briefing(speech: &str, progress: &str) -> jianbao::briefing::Briefing {
    let (outline, month) = month(speech, progress);
    let path = project_file(progress);
    let history = jianbao::progress::history::earlier_months(&path, &month, &outline, None)
        .expect("earlier months load");
    jianbao::briefing::compose(&outline, &month, &history.months)
}

/// The type area of the default style, in points from the page's top-left
/// corner (A4, margins 37/28/26/35 mm): left edge.
pub const LEFT: f64 = 79.37;
/// Right edge of the type area.
pub const RIGHT: f64 = 521.57;
/// Bottom edge of the type area.
pub const BOTTOM: f64 = 742.68;

/// One line as poppler reads it.
#[derive(Debug, Clone)]
pub struct Line {
    /// Page number, from 1.
    pub page: usize,
    /// Left edge, points from the page's left.
    pub x_min: f64,
    /// Right edge.
    pub x_max: f64,
    /// Top edge, points from the page's top.
    pub y_min: f64,
    /// Height of the line box.
    pub height: f64,
    /// The words, joined.
    pub text: String,
}

impl Line {
    /// Whether the line is body text: the most common line height of its
    /// document (`body_height`), inside the type area, not a page number.
    pub fn is_body(&self, body_height: f64) -> bool {
        (self.height - body_height).abs() < 1.0
            && self.y_min < BOTTOM
            && !is_page_number(&self.text)
    }

    /// Whether the line holds CJK characters only.
    pub fn is_cjk_only(&self) -> bool {
        self.text
            .chars()
            .all(|c| c as u32 >= 0x2E80 || "“”‘’—…·".contains(c))
    }
}

/// Every line of a PDF, from `pdftotext -bbox-layout`.
pub fn pdf_lines(pdf: &Path) -> Vec<Line> {
    let output = std::process::Command::new("pdftotext")
        .args(["-bbox-layout", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let html = String::from_utf8_lossy(&output.stdout);
    let mut lines = Vec::new();
    for (page, page_html) in html.split("<page ").skip(1).enumerate() {
        for line_html in page_html.split("<line ").skip(1) {
            let attribute = |name: &str| -> f64 {
                line_html
                    .split(&format!("{name}=\""))
                    .nth(1)
                    .and_then(|rest| rest.split('"').next())
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0.0)
            };
            let text: String = line_html
                .split("<word ")
                .skip(1)
                .filter_map(|w| w.split_once('>').map(|(_, rest)| rest))
                .filter_map(|w| w.split("</word>").next())
                .collect::<Vec<_>>()
                .join("")
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"");
            let y_min = attribute("yMin");
            lines.push(Line {
                page: page + 1,
                x_min: attribute("xMin"),
                x_max: attribute("xMax"),
                y_min,
                height: attribute("yMax") - y_min,
                text,
            });
        }
    }
    lines
}

/// Whether a line reads as a level-1 or level-2 heading: `一、…`, `（一）…`.
pub fn is_heading(line: &str) -> bool {
    const NUMERALS: &str = "一二三四五六七八九十";
    let mut chars = line.chars();
    match chars.next() {
        Some('（') => chars.next().is_some_and(|c| NUMERALS.contains(c)),
        Some(c) if NUMERALS.contains(c) => line.chars().take(4).any(|c| c == '、'),
        _ => false,
    }
}

/// A generated case: a speech of `commitments` parts (一、…) with `tasks`
/// tasks each (（一）…), and a month reporting every task (the four statuses
/// in turn) and `indicators` indicators. Task labels read
/// `抓好第{c}类第{t}项任务`.
pub fn large_case(commitments: usize, tasks: usize, indicators: usize) -> (String, String) {
    use std::fmt::Write;
    let chinese = |n: usize| -> String {
        const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        match n {
            1..=9 => DIGITS[n].to_string(),
            10..=19 => format!("十{}", DIGITS[n - 10]),
            _ => format!("{}十{}", DIGITS[n / 10 % 10], DIGITS[n % 10]),
        }
    };
    let mut speech = "在全市重点工作推进会上的讲话\n同志们：\n下面，我讲几点意见。\n".to_string();
    for c in 1..=commitments {
        writeln!(speech, "{}、扎实推进第{c}类重点工作", chinese(c)).unwrap();
        for t in 1..=tasks {
            writeln!(
                speech,
                "（{}）抓好第{c}类第{t}项任务，做到责任到人、按期完成。",
                chinese(t)
            )
            .unwrap();
        }
    }
    speech.push_str("谢谢大家！\n");
    let mut yaml = "briefing:\n  name: 重点工作简报\n  period: 2026-11\n  issue: 11\n  office: 市政府督查室\n  date: 2026-11-27\n  report_to: [市委常委]\n  copies: 30\ncommitments:\n".to_string();
    let statuses = ["已完成", "序时推进", "滞后", "未启动"];
    for c in 1..=commitments {
        writeln!(yaml, "  - commitment: '1.{c}'\n    tasks:").unwrap();
        for t in 1..=tasks {
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
    for i in 1..=indicators {
        writeln!(
            yaml,
            "  - name: 第{i}项重点指标\n    unit: '%'\n    target: {}\n    value: {}.5",
            60 + i % 40,
            50 + i % 50
        )
        .unwrap();
    }
    (speech, yaml)
}
