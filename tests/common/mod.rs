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
    let profile = out_dir.join("lo-profile");
    let profile_url = format!(
        "file:///{}",
        profile.display().to_string().trim_start_matches('/')
    );
    let output = Command::new("soffice")
        .arg(format!("-env:UserInstallation={profile_url}"))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(out_dir)
        .arg(docx)
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
    let pdf = out_dir.join(docx.with_extension("pdf").file_name().expect("a file name"));
    assert!(
        pdf.exists(),
        "soffice wrote no PDF: {}",
        String::from_utf8_lossy(&output.stdout)
    );
    pdf
}

/// The text of a PDF as poppler's pdftotext reads it (reading order, no
/// layout), without the page numbers, which otherwise interrupt sentences
/// that cross a page.
pub fn pdf_text(pdf: &Path) -> String {
    let output = Command::new("pdftotext")
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

/// The text of a PDF in the order it is drawn (`pdftotext -raw`), one line
/// of the page a line of text, without the page numbers: text that wraps
/// stays in reading order even where the layout puts blocks side by side.
pub fn pdf_text_in_order(pdf: &Path) -> String {
    let output = Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
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
    let outline = jianbao::speech::parse(include_str!("../../data/speech.txt"));
    let progress = jianbao::progress::load(&project_file("data/progress/2026-11.yaml"), &outline)
        .expect("the example month is valid");
    (outline, progress)
}

/// The briefing of the example month, as both writers receive it: compared
/// with the earlier month beside it, as `jianbao build` does.
pub fn example_briefing() -> jianbao::briefing::Briefing {
    let (outline, progress) = example_month();
    let path = project_file("data/progress/2026-11.yaml");
    let history = jianbao::progress::history::earlier_months(&path, &progress, &outline, None)
        .expect("earlier months load");
    jianbao::briefing::compose(&outline, &progress, &history.months)
}
