//! Font names: the run fonts of each face, and the font table that tells
//! Word, WPS and LibreOffice what to substitute for a missing official face.

use std::collections::BTreeSet;

use docx_rs::RunFonts;

use super::package::escape_xml;
use crate::style::{FACE_ROLES, Face, Style};

/// The run fonts of a face: the official name for East Asian text, the
/// ASCII face for Latin letters and digits.
pub(super) fn run_fonts(face: &Face) -> RunFonts {
    RunFonts::new()
        .east_asia(&face.docx)
        .ascii(&face.docx_ascii)
        .hi_ansi(&face.docx_ascii)
        .cs(&face.docx_ascii)
}

/// Run fonts naming the face's Chinese font for every script, for
/// punctuation that must be set in it whatever script the reader assigns.
pub(super) fn cjk_fonts(face: &Face) -> RunFonts {
    RunFonts::new()
        .east_asia(&face.docx)
        .ascii(&face.docx)
        .hi_ansi(&face.docx)
        .cs(&face.docx)
}

/// Common substitutes for official faces, written as `w:altName` so that a
/// machine without the official face picks a close one.
const ALTERNATIVES: [(&str, &str); 8] = [
    ("仿宋_GB2312", "仿宋"),
    ("仿宋", "FangSong"),
    ("楷体_GB2312", "楷体"),
    ("楷体", "KaiTi"),
    ("方正小标宋简体", "宋体"),
    ("方正小标宋_GBK", "宋体"),
    ("黑体", "SimHei"),
    ("宋体", "SimSun"),
];

/// `word/fontTable.xml` listing every face of the style. Chinese faces are
/// declared with the GB 2312 character set so that a substitute is Chinese.
pub(super) fn font_table_xml(style: &Style) -> String {
    let names: BTreeSet<&str> = FACE_ROLES
        .iter()
        .flat_map(|role| {
            let face = style.face(role);
            [face.docx.as_str(), face.docx_ascii.as_str()]
        })
        .collect();
    let fonts: String = names.into_iter().map(font_entry).collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
         xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">\
         {fonts}</w:fonts>"
    )
}

/// One `w:font` entry.
fn font_entry(name: &str) -> String {
    let alt = ALTERNATIVES
        .iter()
        .find(|(official, _)| *official == name)
        .map(|(_, alt)| format!("<w:altName w:val=\"{}\"/>", escape_xml(alt)))
        .unwrap_or_default();
    let (charset, family, pitch) = if name.is_ascii() {
        ("00", "roman", "variable")
    } else {
        ("86", "modern", "fixed")
    };
    format!(
        "<w:font w:name=\"{}\">{alt}<w:charset w:val=\"{charset}\"/>\
         <w:family w:val=\"{family}\"/><w:pitch w:val=\"{pitch}\"/></w:font>",
        escape_xml(name)
    )
}
