//! `jianbao build` of several progress files: every good one is built into
//! a folder of its own, a bad one is reported with its place and the others
//! still build; progress is reported line by line when not on a terminal.

mod common;

use common::{jianbao_in, project_file, write_temp};

#[test]
fn a_folder_builds_every_file_and_reports_the_bad_one() {
    let dir = tempfile::tempdir().unwrap();
    let units = dir.path().join("各县");
    std::fs::create_dir(&units).unwrap();
    let november = std::fs::read(project_file("data/progress/2026-11.yaml")).unwrap();
    write_temp(&units, "甲县.yaml", &november);
    write_temp(&units, "乙县.yaml", &november);
    write_temp(&units, "丙县.yaml", b"briefing:\n  name: [\n");
    let speech = project_file("data/speech.txt");
    let run = jianbao_in(
        dir.path(),
        &[
            "build",
            "各县",
            "--speech",
            speech.to_str().unwrap(),
            "--out",
            "out",
        ],
    );
    assert_eq!(run.code, 1, "one file failed: {}", run.stderr);
    for unit in ["甲县", "乙县"] {
        for extension in ["pdf", "docx"] {
            let file = dir
                .path()
                .join("out")
                .join(unit)
                .join(format!("生态文明建设工作简报-2026年第11期.{extension}"));
            assert!(file.is_file(), "{} missing: {}", file.display(), run.stderr);
        }
    }
    assert!(
        !dir.path().join("out/丙县").exists(),
        "nothing for the bad file"
    );
    assert!(
        run.stderr.contains("丙县.yaml:2:"),
        "located: {}",
        run.stderr
    );
    assert!(run.stderr.contains("3 份中有 1 份出错"), "{}", run.stderr);
    // Not a terminal: one plain line per file, in any order.
    for count in 1..=3 {
        assert!(
            run.stderr.contains(&format!("[{count}/3] ")),
            "{}",
            run.stderr
        );
    }
    assert_eq!(run.stderr.matches("：完成").count(), 2, "{}", run.stderr);
    assert_eq!(run.stderr.matches("：失败").count(), 1, "{}", run.stderr);
}

#[test]
fn several_months_build_each_with_its_earlier_months() {
    let dir = tempfile::tempdir().unwrap();
    for month in ["2026-10", "2026-11"] {
        let bytes = std::fs::read(project_file(&format!("data/progress/{month}.yaml"))).unwrap();
        write_temp(dir.path(), &format!("{month}.yaml"), &bytes);
    }
    let speech = project_file("data/speech.txt");
    let run = jianbao_in(
        dir.path(),
        &[
            "build",
            "2026-10.yaml",
            "2026-11.yaml",
            "--speech",
            speech.to_str().unwrap(),
            "--format",
            "docx",
            "--out",
            "out",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("共 2 份，生成 2 份，失败 0 份"),
        "{}",
        run.stderr
    );
    let october = dir
        .path()
        .join("out/2026-10/生态文明建设工作简报-2026年第10期.docx");
    let november = dir
        .path()
        .join("out/2026-11/生态文明建设工作简报-2026年第11期.docx");
    assert!(october.is_file() && november.is_file(), "{}", run.stderr);
}
