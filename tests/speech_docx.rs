//! A speech saved as a Word document reads as the same speech: `.docx`
//! files made by real writers (LibreOffice converting the shipped speech;
//! python-docx with Word's automatic numbering instead of typed 一、（一）1.)
//! give the outline of the `.txt`, and build the same briefing. Files
//! jianbao cannot read are refused with how to save them.

mod common;

use std::path::{Path, PathBuf};

use common::{have_python_module, have_tool, jianbao, project_file, write_temp};

/// `jianbao outline SPEECH --json`, which must succeed.
fn outline_json(speech: &Path) -> String {
    let run = jianbao(&["outline", speech.to_str().unwrap(), "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout
}

/// The shipped speech converted to `.docx` by LibreOffice.
fn libreoffice_docx(dir: &Path) -> PathBuf {
    common::libreoffice_import(
        &project_file("data/speech.txt"),
        Some("Text (encoded):UTF8,LF,,,"),
        dir,
        "docx",
    )
}

#[test]
fn a_speech_libreoffice_saved_as_docx_outlines_like_the_txt() {
    if !have_tool("soffice") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let docx = libreoffice_docx(dir.path());
    assert_eq!(
        outline_json(&docx),
        outline_json(&project_file("data/speech.txt"))
    );
}

#[test]
fn a_briefing_from_the_docx_speech_is_the_briefing_from_the_txt() {
    if !have_tool("soffice") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let docx = libreoffice_docx(dir.path());
    let build = |speech: &Path, out: &str| -> Vec<u8> {
        let out = dir.path().join(out);
        let run = jianbao(&[
            "build",
            "--speech",
            speech.to_str().unwrap(),
            "--format",
            "pdf",
            "--out",
            out.to_str().unwrap(),
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let pdf = std::fs::read_dir(&out)
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path();
        std::fs::read(pdf).unwrap()
    };
    assert!(build(&docx, "from-docx") == build(&project_file("data/speech.txt"), "from-txt"));
}

#[test]
fn word_numbering_is_rebuilt_into_the_text() {
    if !have_python_module("docx") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("county.docx");
    common::run_python(
        "tests/python/numbered_speech.py",
        &[&project_file("examples/county/speech.txt"), &docx],
    );
    assert_eq!(
        outline_json(&docx),
        outline_json(&project_file("examples/county/speech.txt"))
    );
}

#[test]
fn documents_jianbao_cannot_read_are_refused_with_how_to_save_them() {
    let dir = tempfile::tempdir().unwrap();
    let compound = |stream: &str| {
        let mut bytes = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
        bytes.extend([0; 200]);
        bytes.extend(stream.encode_utf16().flat_map(u16::to_le_bytes));
        bytes
    };
    let cases: [(&str, Vec<u8>, &str); 5] = [
        ("讲话.doc", compound("WordDocument"), ".doc/.wps"),
        ("讲话.docx", compound("EncryptedPackage"), "密码"),
        ("讲话.pdf", b"%PDF-1.7\n".to_vec(), "PDF"),
        (
            "讲话.doc",
            b"<html><body>one</body></html>".to_vec(),
            "网页",
        ),
        (
            "讲话.docx",
            b"PK\x03\x04word/ broken".to_vec(),
            "Word 文档无法读取",
        ),
    ];
    for (name, bytes, says) in cases {
        let path = write_temp(dir.path(), name, &bytes);
        let run = jianbao(&["outline", path.to_str().unwrap()]);
        assert_eq!(run.code, 1, "{name}: {}", run.stderr);
        assert!(run.stderr.contains(says), "{name}: {}", run.stderr);
        assert!(run.stderr.contains("另存为"), "{name}: {}", run.stderr);
        assert!(!run.stderr.contains("panicked"), "{name}: {}", run.stderr);
    }
}
