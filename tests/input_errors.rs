//! Bad input gets a clear error: each case breaks the minimal progress file
//! one way, runs `jianbao check`, and expects exit code 1 and a message that
//! names file:line:column, shows the line, and says how to fix it.

mod common;

use common::{jianbao, write_temp};

const MINIMAL: &str = include_str!("data/progress/minimal.yaml");

/// One way of breaking the file.
struct Case {
    name: &'static str,
    /// Text to replace in the minimal file, and its replacement.
    from: &'static str,
    to: &'static str,
    /// Expected `line:column` of the error.
    at: &'static str,
    /// Expected fragments of the message and help.
    says: &'static [&'static str],
}

const CASES: &[Case] = &[
    Case {
        name: "tab in indentation",
        from: "  issue: 11",
        to: "\tissue: 11",
        at: "5:1",
        says: &["Tab", "只能用空格"],
    },
    Case {
        name: "unknown field (typo)",
        from: "        percent: 85",
        to: "        percnt: 85",
        at: "15:9",
        says: &["未知字段“percnt”", "是不是要写“percent”"],
    },
    Case {
        name: "a word for a number",
        from: "percent: 85",
        to: "percent: 八十五",
        at: "15:18",
        says: &["应为一个数，“八十五”不是", "85%"],
    },
    Case {
        name: "a number with a unit",
        from: "target: 32",
        to: "target: 32微克",
        at: "26:13",
        says: &["“target”应为一个数", "单位写在 unit 中"],
    },
    Case {
        name: "a number with words",
        from: "percent: 85",
        to: "percent: 约85%",
        at: "15:18",
        says: &["应为一个数，“约85%”不是"],
    },
    Case {
        name: "wrong type",
        from: "percent: 85",
        to: "percent: [85]",
        at: "15:9",
        says: &["一个数"],
    },
    Case {
        name: "duplicate key",
        from: "  issue: 11\n",
        to: "  issue: 11\n  issue: 12\n",
        at: "6:3",
        says: &["“issue”重复出现", "只能写一次"],
    },
    Case {
        name: "percent outside 0–100",
        from: "percent: 85",
        to: "percent: 120",
        at: "15:18",
        says: &["超出范围", "0 到 100"],
    },
    Case {
        name: "a date that does not exist",
        from: "deadline: 2026-12-31",
        to: "deadline: 2026-02-30",
        at: "17:19",
        says: &["2026年2月只有28天", "1 到 28"],
    },
    Case {
        name: "unknown status word",
        from: "status: 序时推进",
        to: "status: 进行中",
        at: "14:17",
        says: &["未知的状态“进行中”", "已完成、序时推进、滞后、未启动"],
    },
    Case {
        name: "unknown commitment reference",
        from: "commitment: 提升战",
        to: "commitment: 保卫战役",
        at: "11:17",
        says: &["找不到承诺“保卫战役”", "2.1 提升战", "jianbao outline"],
    },
    Case {
        name: "ambiguous commitment reference",
        from: "commitment: 提升战",
        to: "commitment: 战",
        at: "11:17",
        says: &["多处", "2.1 提升战", "2.4 升级战", "编号"],
    },
    Case {
        name: "task under the wrong commitment",
        from: "task: 三大保卫战",
        to: "task: 林长制",
        at: "13:15",
        says: &["找不到任务“林长制”", "2.3", "移到它所属的承诺下"],
    },
    Case {
        name: "missing required field",
        from: "        lead_unit: 市水务局\n",
        to: "",
        at: "21:9",
        says: &["缺少必填字段“lead_unit”"],
    },
    Case {
        name: "empty required text",
        from: "progress: 四级河湖长巡河全覆盖。",
        to: "progress: \"  \"",
        at: "22:19",
        says: &["“progress”不能为空"],
    },
];

#[test]
fn every_bad_input_is_located_and_explained() {
    let dir = tempfile::tempdir().unwrap();
    for case in CASES {
        assert!(
            MINIMAL.contains(case.from),
            "{}: pattern missing",
            case.name
        );
        let text = MINIMAL.replacen(case.from, case.to, 1);
        let path = write_temp(dir.path(), "2026-11.yaml", text.as_bytes());
        let run = jianbao(&["check", path.to_str().unwrap()]);
        assert_eq!(run.code, 1, "{}: exit code\n{}", case.name, run.stderr);
        let place = format!("2026-11.yaml:{}", case.at);
        assert!(
            run.stderr.contains(&place),
            "{}: expected {place}\n{}",
            case.name,
            run.stderr
        );
        for fragment in case.says {
            assert!(
                run.stderr.contains(fragment),
                "{}: expected “{fragment}”\n{}",
                case.name,
                run.stderr
            );
        }
        assert!(
            run.stderr.contains("帮助："),
            "{}: no fix\n{}",
            case.name,
            run.stderr
        );
        assert!(run.stdout.is_empty(), "{}: printed a summary", case.name);
    }
}

#[test]
fn the_offending_line_is_shown() {
    let dir = tempfile::tempdir().unwrap();
    let text = MINIMAL.replacen("percent: 85", "percent: 120", 1);
    let path = write_temp(dir.path(), "2026-11.yaml", text.as_bytes());
    let run = jianbao(&["check", path.to_str().unwrap()]);
    assert!(
        run.stderr.contains("15 │         percent: 120"),
        "{}",
        run.stderr
    );
}

#[test]
fn all_errors_are_reported_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let text = MINIMAL.replacen("percent: 85", "percent: 120", 1).replacen(
        "status: 序时推进",
        "status: 进行中",
        1,
    );
    let path = write_temp(dir.path(), "2026-11.yaml", text.as_bytes());
    let run = jianbao(&["check", path.to_str().unwrap()]);
    assert!(run.stderr.contains("超出范围") && run.stderr.contains("未知的状态"));
    assert!(run.stderr.contains("共 2 处错误"), "{}", run.stderr);
}

#[test]
fn an_empty_file_says_how_to_start() {
    let dir = tempfile::tempdir().unwrap();
    for text in ["", "\n\n", "# 只有注释\n"] {
        let path = write_temp(dir.path(), "2026-11.yaml", text.as_bytes());
        let run = jianbao(&["check", path.to_str().unwrap()]);
        assert_eq!(run.code, 1);
        assert!(run.stderr.contains("文件是空的"), "{}", run.stderr);
        assert!(run.stderr.contains("2026-11.yaml:1:1"), "{}", run.stderr);
        assert!(run.stderr.contains("jianbao init"), "{}", run.stderr);
    }
}

#[test]
fn a_gbk_file_is_told_to_save_as_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let (gbk, _, _) = encoding_rs::GBK.encode(MINIMAL);
    let path = write_temp(dir.path(), "2026-11.yaml", &gbk);
    let run = jianbao(&["check", path.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("GBK"), "{}", run.stderr);
    assert!(run.stderr.contains("另存为 UTF-8"), "{}", run.stderr);
    // The first non-ASCII character is on line 3 ("  name: 生态…"), column 9.
    assert!(run.stderr.contains("2026-11.yaml:3:9"), "{}", run.stderr);
    // The line is shown decoded, so the clerk recognises it.
    assert!(
        run.stderr.contains("name: 生态文明建设工作简报"),
        "{}",
        run.stderr
    );
}

#[test]
fn bom_and_crlf_are_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("\u{feff}{}", MINIMAL.replace('\n', "\r\n"));
    let path = write_temp(dir.path(), "2026-11.yaml", text.as_bytes());
    let run = jianbao(&["check", path.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("检查通过"), "{}", run.stdout);
}

#[test]
fn a_missing_file_is_named() {
    let run = jianbao(&["check", "no/such/2026-11.yaml"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("no/such/2026-11.yaml"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("找不到文件"), "{}", run.stderr);
}

#[test]
fn numbers_are_read_as_clerks_type_them() {
    let outline = jianbao::speech::parse(include_str!("../data/speech.txt"));
    for (percent, target, value) in [
        ("95%", "32", "29.6"),
        ("95％", "32%", "29.6％"),
        ("９５", "３２", "２９．６"),
        ("\"95 %\"", "'32'", "29.6"),
    ] {
        let text = MINIMAL
            .replacen("percent: 85", &format!("percent: {percent}"), 1)
            .replacen("target: 32", &format!("target: {target}"), 1)
            .replacen("value: 29.6", &format!("value: {value}"), 1);
        let file = jianbao::source::SourceFile::new("2026-11.yaml", &text);
        let progress = jianbao::progress::parse(&file, &outline)
            .unwrap_or_else(|errors| panic!("{percent} {target} {value}: {errors:?}"));
        let first = progress.tasks().next().unwrap();
        assert_eq!(first.percent, 95.0, "{percent}");
        assert_eq!(progress.indicators[0].target, 32.0, "{target}");
        assert_eq!(progress.indicators[0].value, 29.6, "{value}");
    }
}

#[test]
fn deadlines_are_read_as_offices_write_them() {
    let outline = jianbao::speech::parse(include_str!("../data/speech.txt"));
    for (written, date) in [
        ("6月底前", "2026-06-30"),
        ("年底前", "2026-12-31"),
        ("第三季度末", "2026-09-30"),
    ] {
        let text = MINIMAL.replacen("deadline: 2026-12-31", &format!("deadline: {written}"), 1);
        let file = jianbao::source::SourceFile::new("2026-11.yaml", &text);
        let progress = jianbao::progress::parse(&file, &outline)
            .unwrap_or_else(|errors| panic!("{written}: {errors:?}"));
        let deadline = progress.tasks().next().unwrap().deadline;
        assert!(
            matches!(deadline, Some(jianbao::progress::Deadline::Date(d)) if d.to_string() == date),
            "{written}: {deadline:?}"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let text = MINIMAL.replacen("deadline: 2026-12-31", "deadline: 尽快", 1);
    let path = write_temp(dir.path(), "2026-11.yaml", text.as_bytes());
    let run = jianbao(&["check", path.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("无法识别的完成时限“尽快”"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("年底前"), "{}", run.stderr);
}
