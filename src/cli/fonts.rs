//! `jianbao fonts`: which face each role of the style will be set in, and
//! where that face comes from.

use std::path::{Path, PathBuf};

use super::Failure;
use crate::render::pdf::{FontLibrary, check_font_paths};
use crate::style::Style;

/// The role names as a clerk knows them.
fn role_name(role: &str) -> &'static str {
    match role {
        "body" => "正文（仿宋）",
        "title" => "标题、报头（小标宋）",
        "hei" => "一级标题（黑体）",
        "kai" => "二级标题、按语（楷体）",
        "song" => "页码（宋体）",
        "ascii" => "西文和数字",
        _ => "其他",
    }
}

/// Prints, per role, the face the PDF will use and its origin; the DOCX
/// always names the official faces (they are on the reader's machine).
pub fn run(font_paths: &[PathBuf], style: Option<&Path>) -> Result<(), Failure> {
    let style = match style {
        Some(path) => Style::load_override(path)?,
        None => Style::default_style(),
    };
    check_font_paths(font_paths)?;
    let fonts = FontLibrary::new(font_paths, true);
    for warning in fonts.unused_font_paths(font_paths) {
        eprint!("{warning}");
    }
    println!("PDF 各部分所用字体（DOCX 中写入的字体名见括号）：");
    for report in fonts.report(&style) {
        let docx = &style.face(&report.role).docx;
        let chosen = match (&report.family, &report.source) {
            (Some(family), Some(source)) => format!("{family} — {source}"),
            _ => format!(
                "未找到 {}（将逐字回退到其他字体）",
                report.requested.join("、")
            ),
        };
        println!("  {}（DOCX：{docx}）：{chosen}", role_name(&report.role));
    }
    println!(
        "放有正式字体（如仿宋_GB2312、方正小标宋简体）的文件夹可用 --font-path 指定，优先于内置字体。"
    );
    Ok(())
}
