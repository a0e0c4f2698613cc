//! The 台账 workbook: written by jianbao, opened by independent readers
//! (openpyxl, LibreOffice Calc), edited the way units edit it, read back,
//! split, merged and built — and a briefing built from a workbook is the
//! same bytes as one built from the YAML it came from.

mod common;

use std::path::{Path, PathBuf};

use common::{
    have_python_module, have_tool, jianbao, jianbao_in, libreoffice_import, pdf_text, project_file,
    run_python, squeeze,
};

const SPEECH: &str = "data/speech.txt";
const COUNTY_SPEECH: &str = "examples/county/speech.txt";

fn path_str(path: &Path) -> &str {
    path.to_str().expect("temporary paths are UTF-8")
}

/// Converts `from` to `to` with `jianbao convert`, on the speech `speech`.
fn convert(from: &Path, to: &Path, target: &str, speech: &str) {
    let run = jianbao(&[
        "convert",
        path_str(from),
        "--to",
        target,
        "--out",
        path_str(to),
        "--speech",
        speech,
        "--force",
    ]);
    assert_eq!(run.code, 0, "convert failed:\n{}", run.stderr);
}

/// The month at `path` validated, as comparable JSON (the file it was read
/// from and the spans are not part of the month).
fn month_json(path: &Path, speech: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(project_file(speech)).expect("speech");
    let outline = jianbao::speech::parse(&text);
    let month = jianbao::progress::load(path, &outline)
        .unwrap_or_else(|errors| panic!("{} does not load:\n{errors}", path.display()));
    serde_json::to_value(&month).expect("a month serialises")
}

#[test]
fn yaml_to_workbook_and_back_is_the_same_month() {
    let dir = tempfile::tempdir().unwrap();
    for (speech, month) in [
        (SPEECH, "data/progress/2026-10.yaml"),
        (SPEECH, "data/progress/2026-11.yaml"),
        (COUNTY_SPEECH, "examples/county/progress/2026-10.yaml"),
        (COUNTY_SPEECH, "examples/county/progress/2026-11.yaml"),
    ] {
        let yaml = project_file(month);
        let xlsx = dir.path().join("month.xlsx");
        let back = dir.path().join("back.yaml");
        convert(&yaml, &xlsx, "xlsx", speech);
        convert(&xlsx, &back, "yaml", speech);
        let original = month_json(&yaml, speech);
        assert_eq!(month_json(&xlsx, speech), original, "{month} as a workbook");
        assert_eq!(
            month_json(&back, speech),
            original,
            "{month} there and back"
        );
    }
}

/// Copies the months of `folder` into `yaml_dir`, and converts them into
/// `xlsx_dir`; returns both copies of November.
fn both_forms(folder: &str, speech: &str, yaml_dir: &Path, xlsx_dir: &Path) -> (PathBuf, PathBuf) {
    for month in ["2026-10", "2026-11"] {
        let source = project_file(&format!("{folder}/{month}.yaml"));
        std::fs::copy(&source, yaml_dir.join(format!("{month}.yaml"))).unwrap();
        convert(
            &source,
            &xlsx_dir.join(format!("{month}.xlsx")),
            "xlsx",
            speech,
        );
    }
    (yaml_dir.join("2026-11.yaml"), xlsx_dir.join("2026-11.xlsx"))
}

#[test]
fn a_workbook_builds_the_same_bytes_as_its_yaml() {
    for (folder, speech, style) in [
        ("data/progress", SPEECH, None),
        (
            "examples/county/progress",
            COUNTY_SPEECH,
            Some("examples/county/style.toml"),
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let (yaml_dir, xlsx_dir) = (dir.path().join("yaml"), dir.path().join("xlsx"));
        std::fs::create_dir_all(&yaml_dir).unwrap();
        std::fs::create_dir_all(&xlsx_dir).unwrap();
        let (yaml, xlsx) = both_forms(folder, speech, &yaml_dir, &xlsx_dir);
        let mut outputs = Vec::new();
        for (input, name) in [(&yaml, "from-yaml"), (&xlsx, "from-xlsx")] {
            let out = dir.path().join(name);
            let mut args = vec![
                "build",
                path_str(input),
                "--speech",
                speech,
                "--out",
                path_str(&out),
            ];
            if let Some(style) = style {
                args.extend(["--style", style]);
            }
            let run = jianbao(&args);
            assert_eq!(run.code, 0, "build from {name} failed:\n{}", run.stderr);
            let mut files: Vec<_> = std::fs::read_dir(&out)
                .unwrap()
                .map(|e| e.unwrap().path())
                .collect();
            files.sort();
            outputs.push(files);
        }
        assert_eq!(outputs[0].len(), 2, "a PDF and a DOCX: {:?}", outputs[0]);
        for (from_yaml, from_xlsx) in outputs[0].iter().zip(&outputs[1]) {
            assert_eq!(from_yaml.file_name(), from_xlsx.file_name());
            assert!(
                std::fs::read(from_yaml).unwrap() == std::fs::read(from_xlsx).unwrap(),
                "{folder}: {} differs when built from the workbook",
                from_yaml.display()
            );
        }
    }
}

/// `jianbao init --xlsx` for December from November, in `dir/data/progress`.
fn init_december(dir: &Path) -> PathBuf {
    let progress = dir.join("data/progress");
    std::fs::create_dir_all(&progress).unwrap();
    std::fs::copy(project_file(SPEECH), dir.join("data/speech.txt")).unwrap();
    std::fs::copy(
        project_file("data/progress/2026-11.yaml"),
        progress.join("2026-11.yaml"),
    )
    .unwrap();
    let run = jianbao_in(
        dir,
        &[
            "init",
            "--period",
            "2026-12",
            "--from",
            "data/progress/2026-11.yaml",
            "--xlsx",
        ],
    );
    assert_eq!(run.code, 0, "init --xlsx failed:\n{}", run.stderr);
    progress.join("2026-12.xlsx")
}

#[test]
fn init_writes_the_same_workbook_twice() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (first, second) = (init_december(a.path()), init_december(b.path()));
    assert!(
        std::fs::read(first).unwrap() == std::fs::read(second).unwrap(),
        "two runs of init --xlsx wrote different bytes"
    );
}

#[test]
fn an_independent_reader_sees_dropdown_protection_hidden_ids_and_frozen_header() {
    if !have_python_module("openpyxl") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let workbook = init_december(dir.path());
    let probe: serde_json::Value =
        serde_json::from_slice(&run_python("tests/python/ledger_probe.py", &[&workbook]))
            .expect("the probe prints JSON");
    let header: Vec<&str> = probe["header"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        header,
        [
            "编号",
            "序号",
            "承诺事项",
            "具体任务",
            "牵头单位",
            "完成时限",
            "上月推进情况",
            "完成进度（%）",
            "推进状态",
            "本月推进情况",
            "存在问题",
            "下步打算"
        ]
    );
    assert_eq!(probe["id_hidden"], true, "{probe}");
    assert_eq!(
        probe["frozen"], "E4",
        "header and task columns frozen: {probe}"
    );
    assert_eq!(probe["protected"], true, "{probe}");
    assert_eq!(
        probe["unlocked"],
        serde_json::json!([
            "完成进度（%）",
            "推进状态",
            "本月推进情况",
            "存在问题",
            "下步打算"
        ])
    );
    let validations = probe["validations"].as_array().unwrap();
    let list = validations
        .iter()
        .find(|v| v["type"] == "list")
        .expect("a status dropdown");
    assert_eq!(list["formula1"], "\"已完成,序时推进,滞后,未启动\"");
    assert!(list["sqref"].as_str().unwrap().starts_with('I'), "{list}");
    let range = validations
        .iter()
        .find(|v| v["type"] == "decimal")
        .expect("0–100 on the percent");
    assert_eq!(
        (range["formula1"].as_str(), range["formula2"].as_str()),
        (Some("0"), Some("100"))
    );
    assert_eq!(probe["notes"]["推进状态"], true);
    assert_eq!(probe["landscape"], "landscape");
    assert_eq!(probe["paper"], 9, "A4");
    assert_eq!(probe["repeat_rows"], "$3:$3");
    assert_eq!(probe["sheets"]["_jianbao"], "hidden");
    assert_eq!(probe["sheets"]["简报信息"], "visible");
    let ids = probe["ids"].as_array().unwrap();
    assert_eq!(ids.first().and_then(|v| v.as_str()), Some("2.1.1"));
    assert_eq!(ids.len(), 27, "one row per task of the speech");
}

#[test]
fn libreoffice_calc_opens_the_workbook() {
    if !have_tool("soffice") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let workbook = init_december(dir.path());
    let html = libreoffice_import(&workbook, None, dir.path(), "html");
    let text = std::fs::read_to_string(html).expect("Calc wrote the workbook as HTML");
    assert!(text.contains("重点工作推进台账（2026年12月）"), "{text}");
    assert!(
        text.contains("河（湖）长制") && text.contains("市水务局"),
        "{text}"
    );
}

#[test]
fn a_workbook_resaved_as_ods_or_xls_is_the_same_month() {
    if !have_tool("soffice") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("2026-11.xlsx");
    convert(
        &project_file("data/progress/2026-11.yaml"),
        &xlsx,
        "xlsx",
        SPEECH,
    );
    let original = month_json(&project_file("data/progress/2026-11.yaml"), SPEECH);
    for format in ["ods", "xls"] {
        let resaved = libreoffice_import(&xlsx, None, dir.path(), format);
        assert_eq!(
            month_json(&resaved, SPEECH),
            original,
            "re-saved as .{format}"
        );
    }
}

/// `workbook` edited by openpyxl into `out` with `edits`.
fn edit(workbook: &Path, out: &Path, edits: &[&str]) {
    let mut args: Vec<&Path> = vec![workbook, out];
    args.extend(edits.iter().map(Path::new));
    run_python("tests/python/ledger_edit.py", &args);
}

#[test]
fn errors_name_the_file_the_cell_and_the_task() {
    if !have_python_module("openpyxl") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let workbook = init_december(dir.path());
    let bad = dir.path().join("县发改局.xlsx");
    edit(
        &workbook,
        &bad,
        &[
            "台账!J*=本月推进顺利。",
            "台账!I6=进行中",
            "台账!I7=暂缓",
            "台账!H8=120",
            "台账!J9=",
            "台账!J10===1+1",
        ],
    );
    let run = jianbao_in(dir.path(), &["check", path_str(&bad)]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let err = &run.stderr;
    for expected in [
        "县发改局.xlsx › 台账!I6（推进状态）：未知的状态“进行中”",
        "县发改局.xlsx › 台账!I7（推进状态）：未知的状态“暂缓”",
        "台账!H8（完成进度（%））",
        "台账!J9（本月推进情况）：“本月推进情况”不能为空",
        "台账!J10（本月推进情况）：公式 =1+1 没有算出的结果",
        "任务：河（湖）长制",
        "帮助：状态只能是：已完成、序时推进、滞后、未启动",
    ] {
        assert!(err.contains(expected), "missing {expected}:\n{err}");
    }
    assert!(
        !err.contains("“status") && !err.contains("percent 填") && !err.contains(".xlsx:"),
        "YAML terms or lines leak:\n{err}"
    );
}

#[test]
fn split_send_edit_merge_and_build() {
    if !have_python_module("openpyxl") || !have_tool("pdftotext") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let month = init_december(dir.path());
    let run = jianbao_in(
        dir.path(),
        &["split", "data/progress/2026-12.xlsx", "--out", "下发"],
    );
    assert_eq!(run.code, 0, "split failed:\n{}", run.stderr);
    let sent = |unit: &str| dir.path().join(format!("下发/2026-12-{unit}.xlsx"));
    for unit in ["市生态环境局", "市水务局", "市林业和草原局"] {
        assert!(
            sent(unit).exists(),
            "no workbook for {unit}:\n{}",
            run.stderr
        );
    }
    let returned = dir.path().join("收回");
    std::fs::create_dir_all(&returned).unwrap();
    let mut units = Vec::new();
    for entry in std::fs::read_dir(dir.path().join("下发")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_str().unwrap().to_string();
        let unit = name.trim_start_matches("2026-12-").to_string();
        // Units rename files as they like.
        let back = returned.join(format!("{unit}（已填）.xlsx"));
        let mut edits = vec!["台账!J*={task}：本月按计划推进。".to_string()];
        if unit == "市水务局" {
            edits.push("台账!J4=水务局报：河湖长巡河一万二千人次。".to_string());
            edits.push("台账!E4=水务局".to_string());
        }
        let edits: Vec<&str> = edits.iter().map(String::as_str).collect();
        edit(&path, &back, &edits);
        units.push((unit, back));
    }
    // 市林业和草原局 has not reported yet.
    let late = units
        .iter()
        .position(|(unit, _)| unit == "市林业和草原局")
        .unwrap();
    let (_, late_file) = units.remove(late);
    let held = dir.path().join("林业局.xlsx");
    std::fs::rename(&late_file, &held).unwrap();

    let run = jianbao_in(
        dir.path(),
        &[
            "merge",
            "data/progress/2026-12.xlsx",
            "收回",
            "--out",
            "汇总.xlsx",
        ],
    );
    assert_eq!(run.code, 0, "merge failed:\n{}", run.stderr);
    assert!(
        run.stderr.contains("未报送单位：市林业和草原局"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("下发时是“市水务局”，被改成了“水务局”"),
        "the changed locked cell is reported:\n{}",
        run.stderr
    );

    // The unit's own check sees the changed locked cell too.
    let water = units
        .iter()
        .find(|(unit, _)| unit == "市水务局")
        .unwrap()
        .1
        .clone();
    let run = jianbao_in(dir.path(), &["check", path_str(&water)]);
    assert!(
        run.stderr
            .contains("台账!E4（牵头单位）：下发时是“市水务局”"),
        "{}",
        run.stderr
    );

    // Last month's workbook and a row that matches nothing are refused with their places.
    let november = dir.path().join("11月.xlsx");
    convert(
        &project_file("data/progress/2026-11.yaml"),
        &november,
        "xlsx",
        SPEECH,
    );
    let stray = dir.path().join("多出一行.xlsx");
    edit(
        &water,
        &stray,
        &["台账!A5=9.9.9", "台账!J5=一项讲话中没有的任务。"],
    );
    let run = jianbao_in(
        dir.path(),
        &[
            "merge",
            "data/progress/2026-12.xlsx",
            path_str(&november),
            path_str(&stray),
            "--out",
            "错.xlsx",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("11月.xlsx：这是2026年11月的台账，不是2026年12月的"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("多出一行.xlsx › 第5行：任务“9.9.9"),
        "{}",
        run.stderr
    );
    assert!(!dir.path().join("错.xlsx").exists());

    // Two different answers for one task: both places are shown, nothing written.
    let conflicting = dir.path().join("水务局二稿.xlsx");
    let water = units
        .iter()
        .find(|(unit, _)| unit == "市水务局")
        .unwrap()
        .1
        .clone();
    edit(&water, &conflicting, &["台账!J4=二稿：巡河一万三千人次。"]);
    let run = jianbao_in(
        dir.path(),
        &[
            "merge",
            "data/progress/2026-12.xlsx",
            "收回",
            path_str(&conflicting),
            "--out",
            "冲突.xlsx",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("填报不一致"), "{}", run.stderr);
    assert!(
        run.stderr.contains("市水务局（已填）.xlsx › 台账!J4")
            && run.stderr.contains("水务局二稿.xlsx › 台账!J4"),
        "both places:\n{}",
        run.stderr
    );
    assert!(!dir.path().join("冲突.xlsx").exists());

    // The late return arrives; merged into the month itself, it builds.
    let run = jianbao_in(
        dir.path(),
        &[
            "merge",
            "data/progress/2026-12.xlsx",
            "收回",
            path_str(&held),
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("未报送单位"), "{}", run.stderr);
    let run = jianbao_in(dir.path(), &["build", path_str(&month), "--format", "pdf"]);
    assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
    let pdf = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "pdf"))
        .expect("a PDF");
    let text = squeeze(&pdf_text(&pdf));
    assert!(
        text.contains("河湖长巡河一万二千人次"),
        "the unit's words are printed"
    );
    assert!(text.contains("本月按计划推进"));
}

#[test]
fn a_units_own_table_is_read_by_its_headers() {
    if !have_python_module("openpyxl") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let foreign = dir.path().join("自制表.xlsx");
    let out = dir.path().join("自制表.yaml");
    run_python(
        "tests/python/foreign_ledger.py",
        &[
            &foreign,
            Path::new("提升战"),
            Path::new("三大保卫战"),
            Path::new("建筑工地、餐饮油烟、烟花爆竹、煤尘污染等污染治理"),
            Path::new("河（湖）长制"),
        ],
    );
    let run = jianbao(&[
        "convert",
        path_str(&foreign),
        "--to",
        "yaml",
        "--out",
        path_str(&out),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let yaml = std::fs::read_to_string(&out).unwrap();
    let tasks = yaml.matches("- task:").count();
    assert_eq!(tasks, 3, "合计 and 填表人 are not tasks:\n{yaml}");
    assert_eq!(
        yaml.matches("commitment: \"提升战\"").count(),
        1,
        "merged commitment:\n{yaml}"
    );
    for expected in [
        "task: \"三大保卫战\"",
        "percent: 80\n",
        "percent: \"８０％\"",
        "percent: \"约80%\"",
        "status: \"达进度\"",
        "deadline: \"2026-12-31\"",
        "deadline: \"年底前\"",
        "lead_unit: \"市水务局\"",
        "progress: \"完成年度监测任务的八成。\"",
    ] {
        assert!(yaml.contains(expected), "missing {expected}:\n{yaml}");
    }
    for warning in [
        "没有隐藏的“编号”列",
        "“备注”列不是 jianbao 认识的列",
        "按日期序号理解为 2026-12-31",
        "看不见的字符",
    ] {
        assert!(
            run.stderr.contains(warning),
            "missing {warning}:\n{}",
            run.stderr
        );
    }
}

#[test]
fn what_is_not_a_workbook_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let html = common::write_temp(
        dir.path(),
        "导出.xls",
        "<html><body><table><tr><td>台账</td></tr></table></body></html>".as_bytes(),
    );
    let run = jianbao(&["check", path_str(&html)]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("网页") && run.stderr.contains("另存为"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    let broken = common::write_temp(dir.path(), "坏.xlsx", b"PK\x03\x04 not really a zip");
    let run = jianbao(&["check", path_str(&broken)]);
    assert_eq!(run.code, 1);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}

#[test]
fn a_folder_of_workbooks_builds_as_a_batch() {
    let dir = tempfile::tempdir().unwrap();
    let months = dir.path().join("各月");
    std::fs::create_dir_all(&months).unwrap();
    for month in ["2026-10", "2026-11"] {
        let yaml = project_file(&format!("data/progress/{month}.yaml"));
        convert(&yaml, &months.join(format!("{month}.xlsx")), "xlsx", SPEECH);
    }
    let out = dir.path().join("out");
    let run = jianbao(&[
        "build",
        path_str(&months),
        "--out",
        path_str(&out),
        "--format",
        "pdf",
    ]);
    assert_eq!(run.code, 0, "batch build failed:\n{}", run.stderr);
    for month in ["2026-10", "2026-11"] {
        let built = std::fs::read_dir(out.join(month))
            .unwrap_or_else(|_| panic!("no output for {month}:\n{}", run.stderr))
            .count();
        assert_eq!(built, 1, "{month}: one PDF");
    }
}
