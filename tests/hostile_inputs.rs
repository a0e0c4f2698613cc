//! Hostile and broken input (issue 7): a catalogue of ways a progress file,
//! a speech or an option can be wrong, each run through the real binary in
//! a folder of its own.
//!
//! Every case expects an answer a clerk can act on: exit code 1 with a
//! Chinese message that names the place (file, and line:column where there
//! is one) and a `帮助` line saying how to fix it — or, where the input is
//! usable, exit code 0 with a warning that says the same. Never a panic,
//! and a failed build never touches the files an earlier build wrote.
//!
//! The cases are tables, one line of data each; the assertions are shared.

mod common;

use std::path::{Path, PathBuf};

use common::{Run, docx_text, have_tool, jianbao_in, pdf_text_in_order, project_file, squeeze};

const MINIMAL: &str = include_str!("data/progress/minimal.yaml");
const SPEECH: &str = include_str!("../data/speech.txt");

/// Output files of a build of the minimal month, without extension.
const STEM: &str = "生态文明建设工作简报-2026年第11期";

/// The progress file of every case, relative to its folder.
const PROGRESS: &str = "progress/2026-11.yaml";

/// A function making the bytes of a file.
type Bytes = fn() -> Vec<u8>;

/// How a case makes its input from the minimal progress file.
#[derive(Clone, Copy)]
enum Input {
    /// Replace the first occurrence of a text with another.
    Replace(&'static str, &'static str),
    /// A whole file of this text.
    Whole(&'static str),
    /// A file made by a function (too large or too odd to write inline).
    Make(Bytes),
}

impl Input {
    fn bytes(self) -> Vec<u8> {
        match self {
            Input::Replace(from, to) => {
                assert!(MINIMAL.contains(from), "pattern missing: {from}");
                MINIMAL.replacen(from, to, 1).into_bytes()
            }
            Input::Whole(text) => text.as_bytes().to_vec(),
            Input::Make(make) => make(),
        }
    }
}

/// What a run must answer.
struct Answer<'a> {
    /// Expected exit code: 1 for an error, 0 where a warning is right.
    code: i32,
    /// Where the message points: `file:line:column`, or the file or option
    /// named when there is no line.
    place: &'a str,
    /// Fragments the message must hold.
    says: &'a [&'a str],
}

/// A folder with the speech and a progress file, where `jianbao` runs.
struct Case {
    dir: tempfile::TempDir,
}

impl Case {
    fn new(progress: &[u8]) -> Self {
        let dir = tempfile::tempdir().expect("a temporary folder");
        std::fs::create_dir_all(dir.path().join("progress")).unwrap();
        std::fs::write(dir.path().join(PROGRESS), progress).unwrap();
        std::fs::write(dir.path().join("speech.txt"), SPEECH).unwrap();
        Case { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        common::write_temp(self.path(), name, bytes)
    }

    fn run(&self, args: &[&str]) -> Run {
        jianbao_in(self.path(), args)
    }

    /// `jianbao check` of the progress file against the speech.
    fn check(&self) -> Run {
        self.run(&["check", PROGRESS, "--speech", "speech.txt"])
    }

    /// `jianbao build` of the progress file into `out/`, with `extra`
    /// arguments (which may give their own `--out`).
    fn build(&self, extra: &[&str]) -> Run {
        let mut args = vec!["build", PROGRESS, "--speech", "speech.txt"];
        if !extra.contains(&"--out") {
            args.extend(["--out", "out"]);
        }
        args.extend(extra);
        self.run(&args)
    }

    /// Builds the minimal month into `out/` as the month before would have
    /// been, and returns every file there with its bytes.
    fn earlier_output(&self) -> Vec<(String, Vec<u8>)> {
        let progress = std::fs::read(self.path().join(PROGRESS)).unwrap();
        std::fs::write(self.path().join(PROGRESS), MINIMAL).unwrap();
        let run = self.build(&[]);
        assert_eq!(run.code, 0, "the earlier build succeeds:\n{}", run.stderr);
        std::fs::write(self.path().join(PROGRESS), progress).unwrap();
        self.out_files()
    }

    /// The files in `out/`, sorted, with their bytes.
    fn out_files(&self) -> Vec<(String, Vec<u8>)> {
        let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(self.path().join("out"))
            .map(|entries| {
                entries
                    .map(|entry| entry.unwrap())
                    .map(|entry| {
                        let bytes = std::fs::read(entry.path()).unwrap_or_default();
                        (entry.file_name().to_string_lossy().into_owned(), bytes)
                    })
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        files
    }
}

/// Checks one answer; returns what is wrong with it, if anything.
fn judge(name: &str, run: &Run, answer: &Answer<'_>) -> Option<String> {
    let mut wrong = Vec::new();
    if run.code != answer.code {
        wrong.push(format!("exit code {} (expected {})", run.code, answer.code));
    }
    if run.stderr.contains("panicked") || run.stderr.contains("RUST_BACKTRACE") {
        wrong.push("it panicked".to_string());
    }
    if !run.stderr.contains(answer.place) {
        wrong.push(format!("the place “{}” is not named", answer.place));
    }
    for fragment in answer.says {
        if !run.stderr.contains(fragment) {
            wrong.push(format!("“{fragment}” is not said"));
        }
    }
    if !run.stderr.contains("帮助：") {
        wrong.push("no 帮助 line says how to fix it".to_string());
    }
    if answer.code == 1 && !run.stdout.is_empty() {
        wrong.push("a failed command printed a result".to_string());
    }
    (!wrong.is_empty()).then(|| format!("{name}: {}\n{}", wrong.join("; "), run.stderr))
}

/// Fails with every wrong answer at once.
fn verdict(failures: Vec<String>) {
    assert!(
        failures.is_empty(),
        "{} case(s) answered wrongly:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

// --- The progress file -------------------------------------------------

/// Broken progress files, run through `jianbao check`.
#[rustfmt::skip]
const PROGRESS_CASES: &[(&str, Input, Answer<'static>)] = &[
    // Malformed YAML.
    ("unclosed bracket", Input::Replace("report_to: [市委常委]", "report_to: [市委常委"), Answer { code: 1, place: "2026-11.yaml:8:14", says: &["括号没有闭合"] }),
    ("unclosed quote", Input::Replace("name: 生态", "name: \"生态"), Answer { code: 1, place: "2026-11.yaml:3:9", says: &["引号没有成对"] }),
    ("text after a closing quote", Input::Replace("name: 生态文明建设工作简报", "name: '生态'文明"), Answer { code: 1, place: "2026-11.yaml:3:", says: &["引号后面还有文字"] }),
    ("a key indented too far", Input::Replace("  issue: 11", "    issue: 11"), Answer { code: 1, place: "2026-11.yaml:5:10", says: &["缩进或冒号有误"] }),
    ("a key indented too little", Input::Replace("  office: 市", " office: 市"), Answer { code: 1, place: "2026-11.yaml:6:2", says: &["“office”的缩进与同级字段不同"] }),
    ("a tab in the indentation", Input::Replace("  issue: 11", "\tissue: 11"), Answer { code: 1, place: "2026-11.yaml:5:1", says: &["Tab"] }),
    ("a duplicate key", Input::Replace("  issue: 11\n", "  issue: 11\n  issue: 12\n"), Answer { code: 1, place: "2026-11.yaml:6:3", says: &["“issue”重复出现"] }),
    ("a list where a map is expected", Input::Whole("briefing:\n  - name: 简报\ncommitments: []\n"), Answer { code: 1, place: "2026-11.yaml:2:3", says: &["一组“字段: 值”"] }),
    ("a map where a list is expected", Input::Replace("report_to: [市委常委]", "report_to: {市委常委: 1}"), Answer { code: 1, place: "2026-11.yaml:8:14", says: &["一个列表"] }),
    ("a scalar document", Input::Whole("生态文明建设工作简报\n"), Answer { code: 1, place: "2026-11.yaml:1:1", says: &["这不像进展文件"] }),
    ("only comments", Input::Whole("# 只有注释\n---\n"), Answer { code: 1, place: "2026-11.yaml:1:1", says: &["文件是空的", "jianbao init"] }),
    ("two documents", Input::Make(two_documents), Answer { code: 1, place: "2026-11.yaml:29:1", says: &["不止一份", "---"] }),
    ("billion laughs", Input::Make(billion_laughs), Answer { code: 1, place: "2026-11.yaml:1:1", says: &["未知字段“a”"] }),
    ("one long text aliased a hundred times", Input::Make(aliased_long_text), Answer { code: 1, place: "2026-11.yaml:3:9", says: &["为安全起见不再读取"] }),
    ("an alias flood", Input::Make(alias_flood), Answer { code: 1, place: "2026-11.yaml:8:15", says: &["为安全起见不再读取"] }),
    ("brackets nested 300 deep", Input::Make(deep_brackets), Answer { code: 1, place: "2026-11.yaml:8:", says: &["层次太深"] }),
    ("brackets nested 100 000 deep", Input::Make(very_deep_brackets), Answer { code: 1, place: "2026-11.yaml:1:11", says: &["一组“字段: 值”"] }),
    ("maps nested 200 deep", Input::Make(deep_maps), Answer { code: 1, place: "2026-11.yaml:3:3", says: &["未知字段“a”"] }),
    // Wrong types and numbers.
    ("a word for a number", Input::Replace("percent: 85", "percent: 八十五"), Answer { code: 1, place: "2026-11.yaml:15:18", says: &["应为一个数", "八十五"] }),
    ("percent 1e400", Input::Replace("percent: 85", "percent: 1e400"), Answer { code: 1, place: "2026-11.yaml:15:18", says: &["这个数太大"] }),
    ("issue 99999999999999999999", Input::Replace("issue: 11", "issue: 99999999999999999999"), Answer { code: 1, place: "2026-11.yaml:5:10", says: &["这个数太大"] }),
    ("copies 99999999999999999999", Input::Replace("copies: 60", "copies: 99999999999999999999"), Answer { code: 1, place: "2026-11.yaml:9:11", says: &["这个数太大"] }),
    ("a negative issue", Input::Replace("issue: 11", "issue: -1"), Answer { code: 1, place: "2026-11.yaml:5:10", says: &["不能是负数"] }),
    ("issue 0", Input::Replace("issue: 11", "issue: 0"), Answer { code: 1, place: "2026-11.yaml:5:10", says: &["不能为 0"] }),
    ("copies 0", Input::Replace("copies: 60", "copies: 0"), Answer { code: 1, place: "2026-11.yaml:9:11", says: &["不能为 0"] }),
    ("a negative percent", Input::Replace("percent: 85", "percent: -5"), Answer { code: 1, place: "2026-11.yaml:15:18", says: &["超出范围", "0 到 100"] }),
    ("percent over 100", Input::Replace("percent: 85", "percent: 100.5"), Answer { code: 1, place: "2026-11.yaml:15:18", says: &["超出范围"] }),
    ("percent .nan", Input::Replace("percent: 85", "percent: .nan"), Answer { code: 1, place: "2026-11.yaml:15:18", says: &["不是一个数"] }),
    ("percent .inf", Input::Replace("percent: 85", "percent: .inf"), Answer { code: 1, place: "2026-11.yaml:15:18", says: &["超出范围"] }),
    ("an indicator target .nan", Input::Replace("target: 32", "target: .nan"), Answer { code: 1, place: "2026-11.yaml:26:13", says: &["不是一个可以印出的数"] }),
    ("an indicator value -.inf", Input::Replace("value: 29.6", "value: -.inf"), Answer { code: 1, place: "2026-11.yaml:27:12", says: &["不是一个可以印出的数"] }),
    ("an indicator value 1e300", Input::Replace("value: 29.6", "value: 1e300"), Answer { code: 1, place: "2026-11.yaml:27:12", says: &["不是一个可以印出的数"] }),
    // Empty text where text is required.
    ("empty progress", Input::Replace("progress: 全市空气质量优良天数比例达到88.2%。", "progress: ''"), Answer { code: 1, place: "2026-11.yaml:18:19", says: &["“progress”不能为空"] }),
    ("no progress at all", Input::Replace("progress: 全市空气质量优良天数比例达到88.2%。", "progress:"), Answer { code: 1, place: "2026-11.yaml:18:17", says: &["不能为空"] }),
    ("full-width spaces only", Input::Replace("progress: 全市空气质量优良天数比例达到88.2%。", "progress: \"\\u3000\\u3000\""), Answer { code: 1, place: "2026-11.yaml:18:19", says: &["“progress”不能为空"] }),
    ("an empty name", Input::Replace("name: 生态文明建设工作简报", "name: ''"), Answer { code: 1, place: "2026-11.yaml:3:9", says: &["“name”不能为空"] }),
    ("a blank lead unit", Input::Replace("lead_unit: 市生态环境局", "lead_unit: ' '"), Answer { code: 1, place: "2026-11.yaml:16:20", says: &["“lead_unit”不能为空"] }),
    ("an empty commitment", Input::Replace("commitment: 提升战", "commitment: ''"), Answer { code: 1, place: "2026-11.yaml:11:17", says: &["“commitment”不能为空", "jianbao outline"] }),
    ("an empty task", Input::Replace("task: 三大保卫战", "task: ''"), Answer { code: 1, place: "2026-11.yaml:13:15", says: &["“task”不能为空"] }),
    ("an empty status", Input::Replace("status: 序时推进", "status: ''"), Answer { code: 1, place: "2026-11.yaml:14:17", says: &["未知的状态", "已完成、序时推进、滞后、未启动"] }),
    // Bytes that are not UTF-8 text.
    ("an invalid UTF-8 byte", Input::Make(invalid_utf8), Answer { code: 1, place: "2026-11.yaml:18:", says: &["不是 UTF-8"] }),
    ("a Word document", Input::Make(word_document), Answer { code: 1, place: "2026-11.yaml", says: &["Word 文档"] }),
];

fn two_documents() -> Vec<u8> {
    format!("{MINIMAL}---\n{MINIMAL}").into_bytes()
}

/// The classic: nine anchors, each nine times the one before.
fn billion_laughs() -> Vec<u8> {
    let mut text = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (name, previous) in "bcdefghi".chars().zip("abcdefgh".chars()) {
        let aliases = vec![format!("*{previous}"); 9].join(",");
        text.push_str(&format!("{name}: &{name} [{aliases}]\n"));
    }
    text.push_str(&MINIMAL.replacen("report_to: [市委常委]", "report_to: *i", 1));
    text.into_bytes()
}

/// A bomb that passes the types: a 3 MB name, aliased 99 times (300 MB).
fn aliased_long_text() -> Vec<u8> {
    let long = "长".repeat(1_000_000);
    let aliases = vec!["*n"; 99].join(", ");
    MINIMAL
        .replacen("name: 生态文明建设工作简报", &format!("name: &n {long}"), 1)
        .replacen(
            "report_to: [市委常委]",
            &format!("report_to: [{aliases}]"),
            1,
        )
        .into_bytes()
}

/// Three hundred aliases of one anchor.
fn alias_flood() -> Vec<u8> {
    let aliases = vec!["*r"; 300].join(", ");
    MINIMAL
        .replacen(
            "report_to: [市委常委]",
            &format!("report_to: [&r 市委常委, {aliases}]"),
            1,
        )
        .into_bytes()
}

fn deep_brackets() -> Vec<u8> {
    let nested = format!("{}{}", "[".repeat(300), "]".repeat(300));
    MINIMAL
        .replacen("report_to: [市委常委]", &format!("report_to: {nested}"), 1)
        .into_bytes()
}

fn very_deep_brackets() -> Vec<u8> {
    format!("briefing: {}{}\n", "[".repeat(100_000), "]".repeat(100_000)).into_bytes()
}

fn deep_maps() -> Vec<u8> {
    let mut text = String::from("briefing:\n  name: 简报\n");
    for depth in 1..=200 {
        text.push_str(&format!("{}a:\n", "  ".repeat(depth)));
    }
    text.into_bytes()
}

fn invalid_utf8() -> Vec<u8> {
    let mut bytes = MINIMAL.as_bytes().to_vec();
    let at = MINIMAL.find("88.2%").unwrap();
    bytes.splice(at..at, [0xFF, 0xFE, 0xC0]);
    bytes
}

fn word_document() -> Vec<u8> {
    b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml".to_vec()
}

#[test]
fn broken_progress_files_are_located_and_explained() {
    let failures = PROGRESS_CASES
        .iter()
        .filter_map(|(name, input, answer)| {
            let case = Case::new(&input.bytes());
            judge(name, &case.check(), answer)
        })
        .collect();
    verdict(failures);
}

// --- Dates ---------------------------------------------------------------

/// Dates a clerk may type: the common forms with the year first are read,
/// also in full-width digits; the rest is refused with the form to use.
#[rustfmt::skip]
const DATES: &[(&str, Option<&[&str]>)] = &[
    ("2026-11-28", None),
    ("2026/11/28", None),
    ("2026.11.28", None),
    ("2026年11月28日", None),
    ("2026年11月28号", None),
    ("2026-1-5", None),
    ("２０２６年１１月２８日", None),
    ("２０２６－１１－２８", None),
    ("28/11/2026", Some(&["无法识别的日期", "写作 2026-11-28"])),
    ("11-28", Some(&["无法识别的日期", "写作 2026-11-28"])),
    ("20261128", Some(&["无法识别的日期", "写作 2026-11-28"])),
    ("2026-11-28T10:00:00", Some(&["无法识别的日期", "写作 2026-11-28"])),
    ("二〇二六年十一月二十八日", Some(&["无法识别的日期", "写作 2026-11-28"])),
    ("2026-13-01", Some(&["2026年没有13月", "1 到 12"])),
    ("2026-02-30", Some(&["2026年2月只有28天", "1 到 28"])),
    ("2026-00-10", Some(&["2026年没有0月", "1 到 12"])),
];

#[test]
fn common_date_forms_are_read_and_the_rest_refused_with_the_right_form() {
    let failures = DATES
        .iter()
        .filter_map(|(date, refusal)| {
            let progress = MINIMAL.replacen("date: 2026-11-27", &format!("date: {date}"), 1);
            let run = Case::new(progress.as_bytes()).check();
            let name = format!("date “{date}”");
            match refusal {
                None if run.code == 0 && run.stdout.contains("检查通过") => None,
                None => Some(format!("{name} is refused:\n{}", run.stderr)),
                Some(says) => {
                    let answer = Answer {
                        code: 1,
                        place: "2026-11.yaml:7:9",
                        says,
                    };
                    judge(&name, &run, &answer)
                }
            }
        })
        .collect();
    verdict(failures);
}

// --- Text that builds ----------------------------------------------------

/// The progress text of the first task, to be replaced.
const FIRST_PROGRESS: &str = "progress: 全市空气质量优良天数比例达到88.2%。";

/// Characters nobody sees, pasted into a progress text: each is removed,
/// with a warning pointing at where it was (before the final 。).
#[rustfmt::skip]
const INVISIBLE: &[(&str, char)] = &[
    ("NUL", '\u{0}'),
    ("start of heading", '\u{1}'),
    ("bell", '\u{7}'),
    ("Word's manual line break", '\u{B}'),
    ("escape", '\u{1B}'),
    ("unit separator", '\u{1F}'),
    ("delete", '\u{7F}'),
    ("next line", '\u{85}'),
    ("byte-order mark inside the text", '\u{FEFF}'),
    ("zero-width space", '\u{200B}'),
    ("right-to-left override", '\u{202E}'),
    ("line separator", '\u{2028}'),
];

#[test]
fn invisible_characters_are_removed_with_a_warning_at_their_place() {
    let failures = INVISIBLE
        .iter()
        .filter_map(|(name, c)| {
            let progress = MINIMAL.replacen("88.2%。", &format!("88.2%{c}。"), 1);
            let case = Case::new(progress.as_bytes());
            let run = case.build(&["--format", "docx"]);
            let code = format!("U+{:04X}", u32::from(*c));
            let says = [code.as_str(), "已删去"];
            let answer = Answer {
                code: 0,
                place: "2026-11.yaml:18:38",
                says: &says,
            };
            let docx = case.path().join("out").join(format!("{STEM}.docx"));
            judge(name, &run, &answer).or_else(|| {
                let text = docx_text(&docx);
                (text.contains(*c) || !text.contains("88.2%。"))
                    .then(|| format!("{name}: the DOCX still has {code}"))
            })
        })
        .collect();
    verdict(failures);
}

#[test]
fn escaped_control_characters_never_reach_the_files() {
    // Written as escapes in a quoted text, the characters pass the YAML
    // parser; the DOCX must stay well-formed XML all the same.
    let progress = MINIMAL.replacen(
        "name: 生态文明建设工作简报",
        "name: \"生态文明建设\\x01工作简报\\u202E\"",
        1,
    );
    let case = Case::new(progress.as_bytes());
    let run = case.build(&[]);
    let answer = Answer {
        code: 0,
        place: "2026-11.yaml:3:9",
        says: &["“name”中有看不见的控制字符"],
    };
    verdict(
        judge("escaped controls", &run, &answer)
            .into_iter()
            .collect(),
    );
    let docx = std::fs::read(case.path().join("out").join(format!("{STEM}.docx"))).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    for index in 0..archive.len() {
        let mut part = archive.by_index(index).unwrap();
        if part.name().ends_with(".xml") {
            let mut xml = String::new();
            std::io::Read::read_to_string(&mut part, &mut xml).unwrap();
            assert!(
                roxmltree::Document::parse(&xml).is_ok(),
                "{} is not well-formed",
                part.name()
            );
        }
    }
}

#[test]
fn characters_no_font_has_build_with_a_warning_at_their_place() {
    let progress = MINIMAL.replacen(FIRST_PROGRESS, "progress: 达到😀，新建𠀀项目，𪚥字。", 1);
    let case = Case::new(progress.as_bytes());
    let run = case.build(&["--format", "pdf"]);
    let failures = [
        ("😀", "2026-11.yaml:18:21", "U+1F600"),
        ("𠀀", "2026-11.yaml:18:25", "U+20000"),
        ("𪚥", "2026-11.yaml:18:29", "U+2A6A5"),
    ]
    .iter()
    .filter_map(|(c, place, code)| {
        let says = [*code, "空框", "--font-path"];
        judge(
            c,
            &run,
            &Answer {
                code: 0,
                place,
                says: &says,
            },
        )
    })
    .collect();
    verdict(failures);
}

#[test]
fn a_progress_text_of_ten_thousand_characters_builds_and_wraps() {
    let long: String = "全市空气质量持续改善，PM2.5浓度同比下降。"
        .chars()
        .cycle()
        .take(10_000)
        .collect();
    let progress = MINIMAL.replacen(FIRST_PROGRESS, &format!("progress: {long}"), 1);
    let case = Case::new(progress.as_bytes());
    let run = case.build(&[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    let docx = docx_text(&case.path().join("out").join(format!("{STEM}.docx")));
    assert!(docx.contains(&long), "the DOCX holds the whole text");
    if have_tool("pdftotext") {
        let pdf = pdf_text_in_order(&case.path().join("out").join(format!("{STEM}.pdf")));
        assert!(
            squeeze(&pdf).contains(&squeeze(&long)),
            "the PDF holds the whole text"
        );
        let widest = pdf
            .lines()
            .filter(|line| line.contains("空气质量"))
            .map(|line| line.chars().count())
            .max()
            .unwrap_or(0);
        assert!(widest <= 40, "a line of {widest} characters did not wrap");
    }
}

#[test]
fn blank_recipients_are_left_out() {
    let progress = MINIMAL.replacen(
        "report_to: [市委常委]",
        "report_to: ['', ' ', 市委常委, '']",
        1,
    );
    let case = Case::new(progress.as_bytes());
    let run = case.build(&["--format", "docx"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let docx = docx_text(&case.path().join("out").join(format!("{STEM}.docx")));
    assert!(docx.contains("报：市委常委。"), "{docx}");
}

#[test]
fn markup_of_every_kind_is_printed_literally_in_both_files() {
    const MARKUP: &[&str] = &[
        "#set page(width: 1cm)",
        "$x^2$",
        "*粗体*",
        "_斜体_",
        "<label>",
        "@ref",
        "\\",
        "#{1+1}",
        "`raw`",
        "// 注释",
        "</w:t><w:p>",
        "&amp;",
        "]]>",
        "<![CDATA[x]]>",
        "{ PAGE }",
        "MERGEFIELD 姓名",
        "**加粗**",
        "[链接](x)",
        "<!-- c -->",
        "#import \"/etc/passwd\"",
    ];
    let quoted = |texts: &[&str]| format!("'{}'", texts.join(" ").replace('\'', "''"));
    let progress = MINIMAL
        .replacen(FIRST_PROGRESS, &format!("progress: {}", quoted(&MARKUP[..10])), 1)
        .replacen("progress: 四级河湖长巡河全覆盖。", &format!("progress: {}", quoted(&MARKUP[10..])), 1)
        .replacen("lead_unit: 市生态环境局", "lead_unit: '市局 *x* $y$ #z'", 1)
        .replacen("office: 市生态文明建设领导小组办公室", "office: '办公室 </w:t> {PAGE}'", 1)
        .replacen("unit: μg/m³", "unit: 'μg/m³<u>'", 1)
        .replacen(
            "  copies: 60\n",
            "  copies: 60\n  editor_note: '按语 #pagebreak() **b**'\n  title: '标题 $\\sum$ ]]> @t'\n",
            1,
        );
    let case = Case::new(progress.as_bytes());
    let run = case.build(&[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut expected: Vec<&str> = MARKUP.to_vec();
    expected.extend([
        "市局 *x* $y$ #z",
        "办公室 </w:t> {PAGE}",
        "μg/m³<u>",
        "按语 #pagebreak() **b**",
        "标题 $\\sum$ ]]> @t",
    ]);
    let docx = squeeze(&docx_text(
        &case.path().join("out").join(format!("{STEM}.docx")),
    ));
    let mut missing: Vec<String> = expected
        .iter()
        .filter(|text| !docx.contains(&squeeze(text)))
        .map(|text| format!("DOCX lacks {text}"))
        .collect();
    if have_tool("pdftotext") {
        let pdf = squeeze(&pdf_text_in_order(
            &case.path().join("out").join(format!("{STEM}.pdf")),
        ));
        missing.extend(
            expected
                .iter()
                .filter(|text| !pdf.contains(&squeeze(text)))
                .map(|text| format!("PDF lacks {text}")),
        );
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn a_name_that_is_a_path_stays_a_file_name_in_the_output_folder() {
    let progress = MINIMAL.replacen(
        "name: 生态文明建设工作简报",
        "name: '../../逃逸/简报:*?'",
        1,
    );
    let case = Case::new(progress.as_bytes());
    let run = case.build(&["--format", "docx"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let names: Vec<String> = case.out_files().into_iter().map(|(name, _)| name).collect();
    assert_eq!(
        names,
        ["_.._逃逸_简报___-2026年第11期.docx"],
        "{}",
        run.stderr
    );
    let outside = std::fs::read_dir(case.path()).unwrap().count();
    assert_eq!(
        outside, 3,
        "only progress/, speech.txt and out/ in the case folder"
    );
}

// --- The speech ----------------------------------------------------------

/// Speech files that are no speech, given with `--speech` to `check`.
#[rustfmt::skip]
const SPEECH_CASES: &[(&str, Bytes, Answer<'static>)] = &[
    ("empty", || Vec::new(), Answer { code: 1, place: "bad.txt:1:1", says: &["讲话文件是空的"] }),
    ("blank lines only", || "\n  \n\u{3000}\n".into(), Answer { code: 1, place: "bad.txt:1:1", says: &["讲话文件是空的"] }),
    ("random bytes", random_bytes, Answer { code: 1, place: "bad.txt", says: &["不是纯文本"] }),
    ("a PNG", png, Answer { code: 1, place: "bad.txt", says: &["PNG 图片"] }),
    ("an old Word document", || b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00".to_vec(), Answer { code: 1, place: "bad.txt", says: &["旧版 Word 文档"] }),
    ("GBK", || encoding_rs::GBK.encode(SPEECH).0.into_owned(), Answer { code: 1, place: "bad.txt:1:1", says: &["GBK", "另存为 UTF-8"] }),
    ("a PDF", || b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj".to_vec(), Answer { code: 1, place: "bad.txt", says: &["PDF 文件"] }),
];

fn random_bytes() -> Vec<u8> {
    // A fixed sequence from a small linear congruential generator.
    let mut state: u32 = 7;
    (0..4096)
        .map(|_| {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (state >> 16) as u8
        })
        .collect()
}

fn png() -> Vec<u8> {
    std::fs::read(project_file("examples/preview/briefing-page1.png")).unwrap()
}

#[test]
fn a_speech_that_is_no_speech_is_refused_with_advice() {
    let failures = SPEECH_CASES
        .iter()
        .filter_map(|(name, make, answer)| {
            let case = Case::new(MINIMAL.as_bytes());
            case.write("bad.txt", &make());
            let run = case.run(&["check", PROGRESS, "--speech", "bad.txt"]);
            judge(name, &run, answer)
        })
        .collect();
    verdict(failures);
}

#[test]
fn a_speech_path_that_is_a_folder_or_missing_is_named() {
    let case = Case::new(MINIMAL.as_bytes());
    std::fs::create_dir(case.path().join("folder.txt")).unwrap();
    let failures = [
        ("a folder", "folder.txt", "是一个文件夹"),
        ("missing", "nowhere.txt", "找不到文件"),
    ]
    .iter()
    .filter_map(|(name, path, says)| {
        let run = case.run(&["check", PROGRESS, "--speech", path]);
        judge(
            name,
            &run,
            &Answer {
                code: 1,
                place: path,
                says: &[says],
            },
        )
    })
    .collect();
    verdict(failures);
}

#[test]
fn a_speech_in_utf16_is_read_with_or_without_a_byte_order_mark() {
    // What Notepad calls “Unicode”; some editors leave out the mark.
    for (name, bom, encode) in [
        (
            "little-endian",
            &[0xFF, 0xFE][..],
            u16::to_le_bytes as fn(u16) -> [u8; 2],
        ),
        ("big-endian", &[0xFE, 0xFF], u16::to_be_bytes),
        ("little-endian without a mark", &[], u16::to_le_bytes),
        ("big-endian without a mark", &[], u16::to_be_bytes),
    ] {
        let case = Case::new(MINIMAL.as_bytes());
        let mut bytes = bom.to_vec();
        bytes.extend(SPEECH.encode_utf16().flat_map(encode));
        case.write("utf16.txt", &bytes);
        let run = case.run(&["check", PROGRESS, "--speech", "utf16.txt"]);
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        assert!(run.stdout.contains("检查通过"), "{name}: {}", run.stdout);
    }
}

#[test]
fn a_five_megabyte_speech_gets_an_answer() {
    // Eight hundred copies of the speech: every label is everywhere. Only
    // that an answer comes is checked; `--nocapture` prints how long it took.
    let speech = SPEECH.repeat(5 * 1024 * 1024 / SPEECH.len() + 1);
    let case = Case::new(MINIMAL.as_bytes());
    case.write("big.txt", speech.as_bytes());
    let started = std::time::Instant::now();
    let outline = case.run(&["outline", "big.txt"]);
    assert_eq!(outline.code, 0, "{}", outline.stderr);
    assert!(outline.stdout.contains("提升战"));
    let run = case.run(&["check", PROGRESS, "--speech", "big.txt"]);
    let answer = Answer {
        code: 1,
        place: "2026-11.yaml:11:17",
        says: &["对应讲话中的多处", "……共"],
    };
    verdict(judge("5 MB speech", &run, &answer).into_iter().collect());
    assert!(
        run.stderr.len() < 20_000,
        "the candidates are not all listed: {} bytes",
        run.stderr.len()
    );
    eprintln!(
        "5 MB speech: outline and check took {:.2} s",
        started.elapsed().as_secs_f64()
    );
}

// --- Options of `build` --------------------------------------------------

/// Bad options of `jianbao build`; each case first builds last month into
/// `out/` and checks that the bad run leaves it exactly as it was.
struct OptionCase {
    name: &'static str,
    /// A file to write in the case folder first: name and contents.
    file: Option<(&'static str, &'static str)>,
    /// Arguments after `build progress/2026-11.yaml --speech speech.txt`.
    args: &'static [&'static str],
    answer: Answer<'static>,
}

/// A valid month after the one built.
const DECEMBER: &str = "briefing:
  name: 生态文明建设工作简报
  period: 2026-12
  issue: 12
  office: 市生态文明建设领导小组办公室
  date: 2026-12-28
  copies: 60
commitments:
  - commitment: 提升战
    tasks:
      - task: 三大保卫战
        status: 已完成
        lead_unit: 市生态环境局
        progress: 全年目标完成。
";

const BROKEN_TEMPLATE: &str = "#let b = sys.inputs.briefing\n#set page(paper: \"a4\")\n#b.title(\n";

#[rustfmt::skip]
const OPTION_CASES: &[OptionCase] = &[
    OptionCase { name: "a template that does not exist", file: None, args: &["--template", "nosuch.typ"], answer: Answer { code: 1, place: "nosuch.typ", says: &["找不到文件"] } },
    OptionCase { name: "a built-in template that does not exist", file: None, args: &["--template", "tongbo"], answer: Answer { code: 1, place: "“tongbo”", says: &["没有名为", "jianbao、tongbao"] } },
    OptionCase { name: "a template with an unclosed bracket", file: Some(("mine.typ", BROKEN_TEMPLATE)), args: &["--template", "mine.typ"], answer: Answer { code: 1, place: "mine.typ:3:9", says: &["模板出错", "unclosed delimiter"] } },
    OptionCase { name: "a template reading a key the data lacks", file: Some(("mine.typ", "#let b = sys.inputs.briefing\n#b.nosuchfield\n")), args: &["--template", "mine.typ"], answer: Answer { code: 1, place: "mine.typ:2:4", says: &["模板出错"] } },
    OptionCase { name: "a template importing a file outside its folder", file: Some(("mine.typ", "#import \"../../etc/passwd\"\n")), args: &["--template", "mine.typ"], answer: Answer { code: 1, place: "mine.typ:1:9", says: &["只能读取它所在文件夹"] } },
    OptionCase { name: "a template recursing forever", file: Some(("mine.typ", "#let f(n) = f(n + 1)\n#f(0)\n")), args: &["--template", "mine.typ"], answer: Answer { code: 1, place: "mine.typ:1:13", says: &["模板出错"] } },
    OptionCase { name: "a template that is a folder", file: None, args: &["--template", "progress/"], answer: Answer { code: 1, place: "progress/", says: &["是一个文件夹"] } },
    OptionCase { name: "a style with an unknown key", file: Some(("style.toml", "[page]\nleft = 30\n")), args: &["--style", "style.toml"], answer: Answer { code: 1, place: "style.toml:2:1", says: &["未知的版式项“page.left”", "left_mm"] } },
    OptionCase { name: "a style with an unknown table", file: Some(("style.toml", "[pagee]\nleft_mm = 30\n")), args: &["--style", "style.toml"], answer: Answer { code: 1, place: "style.toml:1:1", says: &["未知的版式项“pagee”", "page"] } },
    OptionCase { name: "a style with a word for a number", file: Some(("style.toml", "[page]\nleft_mm = \"宽\"\n")), args: &["--style", "style.toml"], answer: Answer { code: 1, place: "style.toml:2:1", says: &["应为数字"] } },
    OptionCase { name: "a style with a fraction of a line", file: Some(("style.toml", "[grid]\nlines_per_page = 22.5\n")), args: &["--style", "style.toml"], answer: Answer { code: 1, place: "style.toml:2:1", says: &["应为整数"] } },
    OptionCase { name: "a style with a syntax error", file: Some(("style.toml", "[page\nleft_mm = 3\n")), args: &["--style", "style.toml"], answer: Answer { code: 1, place: "style.toml:1:6", says: &["版式文件有误"] } },
    OptionCase { name: "a negative margin", file: Some(("style.toml", "[page]\nleft_mm = -10.0\n")), args: &["--style", "style.toml"], answer: Answer { code: 1, place: "style.toml:2:1", says: &["page.left_mm = -10.0 超出范围", "0 到 500"] } },
    OptionCase { name: "margins wider than the page", file: Some(("style.toml", "[page]\nleft_mm = 150.0\nright_mm = 100.0\n")), args: &["--style", "style.toml"], answer: Answer { code: 1, place: "style.toml:2:1", says: &["页边距太大"] } },
    OptionCase { name: "margins taller than the page", file: Some(("style.toml", "[page]\ntop_mm = 290.0\n")), args: &["--style", "style.toml"], answer: Answer { code: 1, place: "style.toml:2:1", says: &["页边距太大"] } },
    OptionCase { name: "a margin of nan", file: Some(("style.toml", "[page]\nleft_mm = nan\n")), args: &["--style", "style.toml"], answer: Answer { code: 1, place: "style.toml:2:1", says: &["超出范围"] } },
    OptionCase { name: "font size zero", file: Some(("style.toml", "[size]\nbody_pt = 0\n")), args: &["--style", "style.toml"], answer: Answer { code: 1, place: "style.toml:2:1", says: &["size.body_pt = 0 超出范围"] } },
    OptionCase { name: "a table font size of zero", file: Some(("style.toml", "[size]\ntable_pt = 0.0\n")), args: &["--style", "style.toml"], answer: Answer { code: 1, place: "style.toml:2:1", says: &["size.table_pt"] } },
    OptionCase { name: "font size 1e300", file: Some(("style.toml", "[size]\nbody_pt = 1e300\n")), args: &["--style", "style.toml"], answer: Answer { code: 1, place: "style.toml:2:1", says: &["1e300 超出范围"] } },
    OptionCase { name: "a hundred thousand lines a page", file: Some(("style.toml", "[grid]\nlines_per_page = 100000\n")), args: &["--style", "style.toml"], answer: Answer { code: 1, place: "style.toml:2:1", says: &["超出范围"] } },
    OptionCase { name: "more lines than the page holds", file: Some(("style.toml", "[grid]\nlines_per_page = 40\n")), args: &["--style", "style.toml"], answer: Answer { code: 1, place: "style.toml:2:1", says: &["放不下 40 行"] } },
    OptionCase { name: "more characters than a line holds", file: Some(("style.toml", "[grid]\nchars_per_line = 40\n")), args: &["--style", "style.toml"], answer: Answer { code: 1, place: "style.toml:2:1", says: &["放不下 40 个"] } },
    OptionCase { name: "a colour name", file: Some(("style.toml", "[color]\nred = \"red\"\n")), args: &["--style", "style.toml"], answer: Answer { code: 1, place: "style.toml:2:1", says: &["#RRGGBB"] } },
    OptionCase { name: "a short colour", file: Some(("style.toml", "[color]\ntext = \"#FFF\"\n")), args: &["--style", "style.toml"], answer: Answer { code: 1, place: "style.toml:2:1", says: &["#RRGGBB"] } },
    OptionCase { name: "a colour that is not hexadecimal", file: Some(("style.toml", "[color]\nred = \"#GG0000\"\n")), args: &["--style", "style.toml"], answer: Answer { code: 1, place: "style.toml:2:1", says: &["#RRGGBB"] } },
    OptionCase { name: "an empty font list", file: Some(("style.toml", "[face.body]\npdf = []\n")), args: &["--style", "style.toml"], answer: Answer { code: 1, place: "style.toml:2:1", says: &["字体列表是空的"] } },
    OptionCase { name: "an unknown font weight", file: Some(("style.toml", "[face.body]\npdf_weight = \"heavy\"\n")), args: &["--style", "style.toml"], answer: Answer { code: 1, place: "style.toml:2:1", says: &["字重“heavy”"] } },
    OptionCase { name: "a new font role without its names", file: Some(("style.toml", "[face.extra]\ndocx = \"黑体\"\n")), args: &["--style", "style.toml"], answer: Answer { code: 1, place: "style.toml:1:1", says: &["face.extra", "docx_ascii"] } },
    OptionCase { name: "a style file that does not exist", file: None, args: &["--style", "nosuch.toml"], answer: Answer { code: 1, place: "nosuch.toml", says: &["找不到文件"] } },
    OptionCase { name: "a font folder that does not exist", file: None, args: &["--font-path", "nosuch-fonts"], answer: Answer { code: 1, place: "--font-path nosuch-fonts", says: &["找不到这个文件夹"] } },
    OptionCase { name: "an unknown format", file: None, args: &["--format", "pdf,xls"], answer: Answer { code: 1, place: "--format", says: &["“xls”无效", "pdf、docx、png"] } },
    OptionCase { name: "an empty format", file: None, args: &["--format", ""], answer: Answer { code: 1, place: "--format", says: &["缺少值"] } },
    OptionCase { name: "an unknown PDF standard", file: None, args: &["--pdf-standard", "a-3"], answer: Answer { code: 1, place: "--pdf-standard", says: &["“a-3”无效", "a-2b"] } },
    OptionCase { name: "an unknown option", file: None, args: &["--colour", "red"], answer: Answer { code: 1, place: "--colour", says: &["没有这个选项"] } },
    OptionCase { name: "--out is a file", file: Some(("out.pdf", "x")), args: &["--out", "out.pdf"], answer: Answer { code: 1, place: "out.pdf", says: &["是一个文件，不是文件夹"] } },
    OptionCase { name: "--out is below a file", file: Some(("out.pdf", "x")), args: &["--out", "out.pdf/sub"], answer: Answer { code: 1, place: "out.pdf/sub", says: &["无法写入"] } },
    OptionCase { name: "--previous is a later month", file: Some(("2026-12.yaml", DECEMBER)), args: &["--previous", "2026-12.yaml"], answer: Answer { code: 1, place: "2026-12.yaml", says: &["2026年12月", "不早于本月"] } },
    OptionCase { name: "--previous is this month", file: None, args: &["--previous", "progress/2026-11.yaml"], answer: Answer { code: 1, place: "progress/2026-11.yaml", says: &["不早于本月"] } },
    OptionCase { name: "--previous does not exist", file: None, args: &["--previous", "progress/2026-10.yaml"], answer: Answer { code: 1, place: "progress/2026-10.yaml", says: &["找不到文件"] } },
    OptionCase { name: "--previous is a folder", file: None, args: &["--previous", "progress"], answer: Answer { code: 1, place: "progress", says: &["是一个文件夹"] } },
    OptionCase { name: "--previous is the speech", file: None, args: &["--previous", "speech.txt"], answer: Answer { code: 1, place: "speech.txt:1:1", says: &["这不像进展文件"] } },
];

#[test]
fn bad_options_are_explained_and_last_months_output_stays() {
    let failures = OPTION_CASES
        .iter()
        .filter_map(|case_data| {
            let case = Case::new(MINIMAL.as_bytes());
            let before = case.earlier_output();
            if let Some((name, contents)) = case_data.file {
                case.write(name, contents.as_bytes());
            }
            let run = case.build(case_data.args);
            judge(case_data.name, &run, &case_data.answer).or_else(|| {
                (case.out_files() != before)
                    .then(|| format!("{}: last month's output changed", case_data.name))
            })
        })
        .collect();
    verdict(failures);
}

/// Options that are usable but probably not what the clerk meant: the build
/// goes on, with a warning.
#[rustfmt::skip]
const WARNED_OPTIONS: &[OptionCase] = &[
    OptionCase { name: "a font folder without fonts", file: Some(("fonts/readme.txt", "")), args: &["--font-path", "fonts"], answer: Answer { code: 0, place: "--font-path fonts", says: &["没有可用的字体"] } },
    OptionCase { name: "a font file that is no font", file: Some(("fonts/fake.ttf", "not a font")), args: &["--font-path", "fonts/fake.ttf"], answer: Answer { code: 0, place: "--font-path fonts/fake.ttf", says: &["没有可用的字体"] } },
    OptionCase { name: "a style naming a font nobody has", file: Some(("style.toml", "[face.body]\npdf = [\"NoSuchFont\"]\n")), args: &["--style", "style.toml"], answer: Answer { code: 0, place: "face.body", says: &["NoSuchFont", "一个也没有找到"] } },
];

#[test]
fn usable_but_doubtful_options_build_with_a_warning() {
    let failures = WARNED_OPTIONS
        .iter()
        .filter_map(|case_data| {
            let case = Case::new(MINIMAL.as_bytes());
            if let Some((name, contents)) = case_data.file {
                std::fs::create_dir_all(case.path().join(name).parent().unwrap()).unwrap();
                case.write(name, contents.as_bytes());
            }
            judge(
                case_data.name,
                &case.build(case_data.args),
                &case_data.answer,
            )
        })
        .collect();
    verdict(failures);
}

#[test]
fn formats_in_capitals_are_accepted() {
    // On Windows, capitals are usual: --format PDF,DOCX.
    let case = Case::new(MINIMAL.as_bytes());
    let run = case.build(&["--format", "PDF,DOCX"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(case.out_files().len(), 2, "{}", run.stderr);
}

#[test]
fn a_folder_in_place_of_one_output_leaves_the_other_as_it_was() {
    let case = Case::new(MINIMAL.as_bytes());
    let before = case.earlier_output();
    // The DOCX's name is taken by a folder; this month's text differs.
    let docx = case.path().join("out").join(format!("{STEM}.docx"));
    std::fs::remove_file(&docx).unwrap();
    std::fs::create_dir(&docx).unwrap();
    let pdf_before = before
        .iter()
        .find(|(name, _)| name.ends_with(".pdf"))
        .unwrap();
    let progress = MINIMAL.replacen("88.2%", "90.1%", 1);
    std::fs::write(case.path().join(PROGRESS), progress).unwrap();
    let run = case.build(&[]);
    let answer = Answer {
        code: 1,
        place: "生态文明建设工作简报-2026年第11期.docx",
        says: &["同名的文件夹已存在", "未生成任何文件"],
    };
    verdict(
        judge("folder in place of the DOCX", &run, &answer)
            .into_iter()
            .collect(),
    );
    let after = case.out_files();
    let pdf_after = after
        .iter()
        .find(|(name, _)| name.ends_with(".pdf"))
        .unwrap();
    assert!(
        pdf_after.1 == pdf_before.1,
        "the PDF was replaced although the DOCX failed"
    );
    assert_eq!(
        after.len(),
        2,
        "no temporary file left: {:?}",
        after.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
}

#[test]
fn a_read_only_output_folder_is_explained_and_left_alone() {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let case = Case::new(MINIMAL.as_bytes());
        let before = case.earlier_output();
        let out = case.path().join("out");
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o555)).unwrap();
        // Root writes anywhere: probe instead of asking who we are.
        let probe = out.join(".probe");
        if std::fs::write(&probe, b"x").is_ok() {
            let _ = std::fs::remove_file(&probe);
            std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o755)).unwrap();
            eprintln!("skipped: permissions are not enforced for this user (root)");
            return;
        }
        let progress = MINIMAL.replacen("88.2%", "90.1%", 1);
        std::fs::write(case.path().join(PROGRESS), progress).unwrap();
        let run = case.build(&[]);
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o755)).unwrap();
        let answer = Answer {
            code: 1,
            place: "out/",
            says: &["无法写入", "写入权限"],
        };
        verdict(
            judge("read-only output folder", &run, &answer)
                .into_iter()
                .collect(),
        );
        assert!(case.out_files() == before, "last month's output changed");
    }
}
