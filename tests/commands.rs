//! The commands of issue 2 run end to end on the shipped data.

mod common;

use common::{have_tool, jianbao, jianbao_in, project_file, write_temp};

#[test]
fn outline_shows_the_understanding_points_and_the_four_battles() {
    let run = jianbao(&["outline"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for line in [
        "1.1  首先  坚定方向引领",
        "1.1.1  要以走在前列为总要求",
        "1.2.1  要把生态建设与发展壮大农业结合起来",
        "1.3.3  要建立绿色生活培育机制",
        "2.1  一是  提升战",
        "2.2  二是  攻坚战",
        "2.3  三是  持久战",
        "2.4  四是  升级战",
        "三大保卫战",
        "河（湖）长制",
        "汭河流域水环境综合治理",
        "“清废”专项行动",
        "林长制",
        "EOD",
        "碳达峰、碳中和",
    ] {
        assert!(
            run.stdout.contains(line),
            "missing “{line}”\n{}",
            run.stdout
        );
    }
}

#[test]
fn outline_json_is_the_same_tree() {
    let run = jianbao(&["outline", "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    let series = json["parts"].as_array().expect("parts");
    assert_eq!(series.len(), 2);
    let battles = series[1]["children"].as_array().expect("commitments");
    let labels: Vec<&str> = battles
        .iter()
        .map(|b| b["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["提升战", "攻坚战", "持久战", "升级战"]);
}

#[test]
fn outline_of_a_gbk_speech_is_refused_with_advice() {
    let dir = tempfile::tempdir().unwrap();
    let (gbk, _, _) = encoding_rs::GBK.encode("讲话\n\n同志们：\n一是抓好落实。\n");
    let path = write_temp(dir.path(), "speech.txt", &gbk);
    let run = jianbao(&["outline", path.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("speech.txt:1:1"), "{}", run.stderr);
    assert!(run.stderr.contains("UTF-8"), "{}", run.stderr);
}

#[test]
fn init_writes_a_skeleton_that_lists_every_commitment() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("2026-12.yaml");
    let speech = project_file("data/speech.txt");
    let run = jianbao(&[
        "init",
        "--period",
        "2026-12",
        "--speech",
        speech.to_str().unwrap(),
        "--output",
        output.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = std::fs::read_to_string(&output).unwrap();
    assert!(text.starts_with("# yaml-language-server: $schema=progress.schema.json\n"));
    for reference in [
        "提升战",
        "攻坚战",
        "持久战",
        "升级战",
        "三大保卫战",
        "林长制",
    ] {
        assert!(
            text.contains(&format!("\"{reference}\"")),
            "{reference}\n{text}"
        );
    }
    assert!(text.contains("period: \"2026-12\""), "{text}");
    // The schema is written beside it for editors.
    let schema = std::fs::read_to_string(dir.path().join("progress.schema.json")).unwrap();
    assert!(schema.contains("\"commitments\""));
    // The skeleton is valid YAML: check complains about empty fields, not syntax.
    let run = jianbao(&[
        "check",
        output.to_str().unwrap(),
        "--speech",
        speech.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("不能为空"), "{}", run.stderr);
    assert!(!run.stderr.contains("YAML 格式错误"), "{}", run.stderr);
}

#[test]
fn init_does_not_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let output = write_temp(dir.path(), "2026-12.yaml", b"# mine\n");
    let speech = project_file("data/speech.txt");
    let args = |force: bool| {
        let mut args = vec![
            "init".to_string(),
            "--period".into(),
            "2026-12".into(),
            "--speech".into(),
            speech.display().to_string(),
            "-o".into(),
            output.display().to_string(),
        ];
        if force {
            args.push("--force".into());
        }
        args
    };
    let refused = jianbao(&args(false).iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(refused.code, 1);
    assert!(refused.stderr.contains("已存在"), "{}", refused.stderr);
    assert_eq!(std::fs::read_to_string(&output).unwrap(), "# mine\n");
    let forced = jianbao(&args(true).iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    assert!(
        std::fs::read_to_string(&output)
            .unwrap()
            .contains("commitments:")
    );
}

#[test]
fn init_carries_over_from_last_month() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("2026-12.yaml");
    let run = jianbao(&[
        "init",
        "--period",
        "2026-12",
        "--from",
        "data/progress/2026-11.yaml",
        "-o",
        output.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = std::fs::read_to_string(&output).unwrap();
    assert!(text.contains("name: \"生态文明建设工作简报\""), "{text}");
    assert!(text.contains("issue: 12 "), "{text}");
    assert!(text.contains("total_issue: 46 "), "{text}");
    assert!(
        text.contains("office: \"市生态文明建设领导小组办公室\""),
        "{text}"
    );
    assert!(text.contains("lead_unit: \"市生态环境局\""), "{text}");
    assert!(text.contains("target: 32"), "{text}");
    assert!(
        text.contains("progress: \"\""),
        "progress must be written anew"
    );
}

#[test]
fn init_rejects_a_bad_period() {
    let run = jianbao(&["init", "--period", "2026-13", "-o", "-"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("无法识别的月份“2026-13”"),
        "{}",
        run.stderr
    );
}

#[test]
fn schema_is_json_with_chinese_descriptions_and_matches_the_shipped_copy() {
    let run = jianbao(&["schema"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let schema: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(schema["type"], "object");
    let required = schema["required"].as_array().unwrap();
    assert!(required.iter().any(|r| r == "briefing"));
    assert!(run.stdout.contains("牵头单位"));
    assert!(run.stdout.contains("已完成、序时推进、滞后、未启动"));
    let shipped = std::fs::read_to_string(project_file("data/progress/progress.schema.json"))
        .expect("the schema ships beside the example months");
    assert_eq!(
        shipped.trim_end(),
        run.stdout.trim_end(),
        "regenerate with: cargo run -- schema > data/progress/progress.schema.json"
    );
}

#[test]
fn check_passes_on_both_example_months() {
    for month in ["2026-10", "2026-11"] {
        let path = format!("data/progress/{month}.yaml");
        let run = jianbao(&["check", &path]);
        assert_eq!(run.code, 0, "{month}: {}", run.stderr);
        assert!(run.stdout.contains("检查通过"), "{}", run.stdout);
        assert!(run.stdout.contains("未填报的承诺：无。"), "{}", run.stdout);
    }
}

#[test]
fn check_defaults_to_the_newest_month() {
    let run = jianbao(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("2026-11.yaml"), "{}", run.stdout);
    assert!(run.stdout.contains("2026年11月"), "{}", run.stdout);
}

#[test]
fn check_reports_what_is_missing_and_overdue() {
    let dir = tempfile::tempdir().unwrap();
    let minimal = std::fs::read_to_string(project_file("tests/data/progress/minimal.yaml"))
        .unwrap()
        .replacen("deadline: 2026-12-31", "deadline: 2026-10-31", 1);
    let path = write_temp(dir.path(), "2026-11.yaml", minimal.as_bytes());
    let speech = project_file("data/speech.txt");
    let run = jianbao_in(
        dir.path(),
        &[
            "check",
            "2026-11.yaml",
            "--speech",
            speech.to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = &run.stdout;
    assert!(
        out.contains("任务 2 项：已完成 1 项，序时推进 1 项，滞后 0 项，未启动 0 项"),
        "{out}"
    );
    assert!(out.contains("平均完成进度 92.5%"), "{out}");
    assert!(
        out.contains("2.2 攻坚战") && out.contains("2.4 升级战"),
        "{out}"
    );
    assert!(out.contains("2.1.4 汭河流域水环境综合治理"), "{out}");
    assert!(
        out.contains("2.1.1 三大保卫战（时限 2026年10月31日）"),
        "{out}"
    );
    drop(path);
}

#[test]
fn fonts_lists_every_role_with_its_source() {
    let run = jianbao(&["fonts"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for role in [
        "正文（仿宋）",
        "标题、报头（小标宋）",
        "一级标题（黑体）",
        "二级标题、按语（楷体）",
        "页码（宋体）",
        "西文和数字",
    ] {
        assert!(run.stdout.contains(role), "{role}\n{}", run.stdout);
    }
    assert!(run.stdout.contains("仿宋_GB2312"), "{}", run.stdout);
    // With no official faces installed, the bundled FangSong is used.
    if !run.stdout.contains("系统字体") {
        assert!(run.stdout.contains("FandolFang R — 内置"), "{}", run.stdout);
    }
}

#[test]
fn a_speech_without_enumeration_is_read_by_its_next_steps_paragraph_with_a_warning() {
    let run = jianbao(&["outline", "tests/data/speeches/jiaoliu.txt"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("1.1  下一步  下步工作\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("1.1.4  防止规模性返贫\n"),
        "{}",
        run.stdout
    );
    for words in [
        "warning: 讲话中没有分条的标记",
        "jiaoliu.txt:6:1",
        "这一段作为承诺“下步工作”",
        "一是、二是",
        "帮助：运行 jianbao outline 核对",
    ] {
        assert!(run.stderr.contains(words), "{words}\n{}", run.stderr);
    }
    // init lists the paragraph's tasks, and a month reported on them builds.
    let dir = tempfile::tempdir().unwrap();
    let skeleton = dir.path().join("2026-12.yaml");
    let speech = project_file("tests/data/speeches/jiaoliu.txt");
    let speech = speech.to_str().unwrap();
    let run = init_december(speech, &skeleton);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("warning: 讲话中没有分条的标记"));
    let text = std::fs::read_to_string(&skeleton).unwrap();
    for reference in ["\"下步工作\"", "\"防止规模性返贫\"", "\"壮大村级集体经济\""]
    {
        assert!(text.contains(reference), "{reference}\n{text}");
    }
    let month = write_temp(dir.path(), "2026-11.yaml", JIAOLIU_MONTH.as_bytes());
    let out = dir.path().join("out");
    let run = jianbao(&[
        "build",
        month.to_str().unwrap(),
        "--speech",
        speech,
        "--format",
        "docx",
        "--no-charts",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("warning: 讲话中没有分条的标记"));
    let written = std::fs::read_dir(&out).unwrap().count();
    assert_eq!(written, 1, "one DOCX");
}

/// A month reported against the 下一步 paragraph of jiaoliu.txt.
const JIAOLIU_MONTH: &str = "\
briefing:
  name: 农业农村工作简报
  period: 2026-11
  issue: 11
  office: 县农业农村局
  date: 2026-11-27
  report_to: [县委常委]
  copies: 30
commitments:
  - commitment: 下步工作
    tasks:
      - task: 防止规模性返贫
        status: 序时推进
        percent: 80
        lead_unit: 县乡村振兴局
        progress: 动态监测帮扶对象1236户，均已落实帮扶措施。
indicators:
  - name: 粮食播种面积
    unit: 万亩
    target: 52
    value: 52.3
";

#[test]
fn a_speech_without_commitments_is_explained_and_init_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let speech = write_temp(
        dir.path(),
        "speech.txt",
        "在座谈会上的发言\n同志们：\n今年以来，我们做了大量工作，取得了明显成效。\n谢谢大家！\n"
            .as_bytes(),
    );
    let speech = speech.to_str().unwrap();
    let run = jianbao(&["outline", speech]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "标题：在座谈会上的发言\n称谓：同志们：\n开场：1 段\n结束语：谢谢大家！\n"
    );
    for words in [
        "warning: 讲话中没有找到任何承诺",
        "speech.txt:1:1",
        "查找的标记：首先、其次",
        "“下一步”",
        "jianbao init 无法列出承诺和任务",
        "帮助：在讲话文件中每项承诺的开头加上“一是”“二是”",
    ] {
        assert!(run.stderr.contains(words), "{words}\n{}", run.stderr);
    }
    let output = dir.path().join("2026-12.yaml");
    let run = init_december(speech, &output);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("讲话中没有找到任何承诺"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("没有可填报的承诺"), "{}", run.stderr);
    assert!(!output.exists(), "nothing written");
    let run = jianbao(&["check", "data/progress/2026-11.yaml", "--speech", speech]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("讲话中没有找到任何承诺"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("找不到承诺"), "{}", run.stderr);
}

#[test]
fn example_writes_a_folder_that_builds_with_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let run = common::jianbao_in(dir.path(), &["example", "试用"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let folder = dir.path().join("试用");
    assert!(folder.join("说明.txt").exists());
    let run = common::jianbao_in(&folder, &["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = common::jianbao_in(&folder, &["build", "--format", "pdf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        folder
            .join("out/生态文明建设工作简报-2026年第11期.pdf")
            .exists()
    );
    let county = [
        "build",
        "examples/county/progress/2026-11.yaml",
        "--speech",
        "examples/county/speech.txt",
        "--style",
        "examples/county/style.toml",
        "--format",
        "docx",
        "--out",
        "out/county",
    ];
    assert_eq!(common::jianbao_in(&folder, &county).code, 0);

    // A second time nothing is replaced, unless asked.
    std::fs::write(folder.join("data/speech.txt"), "改过的讲话").unwrap();
    let run = common::jianbao_in(dir.path(), &["example", "试用"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("--force"), "{}", run.stderr);
    let speech = || std::fs::read_to_string(folder.join("data/speech.txt")).unwrap();
    assert_eq!(speech(), "改过的讲话");
    let run = common::jianbao_in(dir.path(), &["example", "试用", "--force"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(speech(), include_str!("../data/speech.txt"));
}

#[test]
fn completions_and_the_man_page_come_from_the_command_line_itself() {
    for (shell, marker) in [
        ("bash", "_jianbao()"),
        ("zsh", "#compdef jianbao"),
        ("fish", "complete -c jianbao"),
    ] {
        let run = jianbao(&["completions", shell]);
        assert_eq!(run.code, 0, "{shell}: {}", run.stderr);
        assert!(run.stdout.contains(marker), "{shell}");
        for command in ["build", "example", "outline", "init", "check"] {
            assert!(run.stdout.contains(command), "{shell}: {command}");
        }
    }
    let run = jianbao(&["completions", "cmd"]);
    assert_eq!(run.code, 1, "an unknown shell is a usage error");

    let page = jianbao(&["manpage"]);
    assert_eq!(page.code, 0, "{}", page.stderr);
    assert!(page.stdout.starts_with(".ie"), "roff");
    if !have_tool("man") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = write_temp(dir.path(), "jianbao.1", page.stdout.as_bytes());
    let output = std::process::Command::new("man")
        .args(["-l", "-P", "cat"])
        .arg(&path)
        .env("MANWIDTH", "100")
        .output()
        .expect("man runs");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for words in [
        "NAME",
        "jianbao build",
        "生成简报",
        "jianbao example",
        "--speech",
    ] {
        assert!(
            text.contains(words),
            "{words} in the rendered page:\n{text}"
        );
    }
}

/// `jianbao init` for December 2026 from `speech`, writing to `output`.
fn init_december(speech: &str, output: &std::path::Path) -> common::Run {
    jianbao(&[
        "init",
        "--period",
        "2026-12",
        "--speech",
        speech,
        "-o",
        output.to_str().unwrap(),
    ])
}
