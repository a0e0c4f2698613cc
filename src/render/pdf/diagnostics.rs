//! Typst's errors and warnings as our [`Diagnostic`]s: located in the
//! template file, with the offending line and typst's hints as help.

use std::collections::BTreeSet;

use typst::WorldExt;
use typst::diag::{Severity, SourceDiagnostic};
use typst::syntax::DiagSpan;

use super::world::BriefingWorld;
use crate::diagnostic::{Diagnostic, Span};
use crate::style::Style;

/// The start of typst's warning for a font family it does not have.
const UNKNOWN_FAMILY: &str = "unknown font family: ";

/// Typst's hint about its command line's `--root`, which jianbao does not have.
const ROOT_OPTION: &str = "`--root`";

/// Pieces of typst's messages when a template reads outside its folder.
const OUTSIDE_ROOT: [&str; 2] = ["escape the project root", "access denied"];

/// Converts typst's diagnostics, leaving out the expected warnings about
/// style families that are absent (the official faces on a machine without
/// them: the bundled substitutes further down the list are used instead).
pub(super) fn convert(
    world: &BriefingWorld,
    style: &Style,
    diagnostics: &[SourceDiagnostic],
) -> Vec<Diagnostic> {
    let expected = style_families(style);
    diagnostics
        .iter()
        .filter(|diagnostic| !is_expected_family_warning(diagnostic, &expected))
        .map(|diagnostic| convert_one(world, diagnostic))
        .collect()
}

/// Lowercased families of all PDF family lists of the style.
fn style_families(style: &Style) -> BTreeSet<String> {
    style
        .face
        .values()
        .flat_map(|face| face.pdf.iter())
        .map(|family| family.to_lowercase())
        .collect()
}

/// Whether `diagnostic` is typst's "unknown font family" warning for one of
/// the style's own families.
fn is_expected_family_warning(diagnostic: &SourceDiagnostic, expected: &BTreeSet<String>) -> bool {
    diagnostic.severity == Severity::Warning
        && diagnostic
            .message
            .strip_prefix(UNKNOWN_FAMILY)
            .is_some_and(|family| expected.contains(&family.to_lowercase()))
}

/// One typst diagnostic as ours.
fn convert_one(world: &BriefingWorld, diagnostic: &SourceDiagnostic) -> Diagnostic {
    let converted = match diagnostic.severity {
        Severity::Error => {
            Diagnostic::error(format!("模板出错 (template error)：{}", diagnostic.message))
        }
        Severity::Warning => Diagnostic::warning(format!(
            "模板警告 (template warning)：{}",
            diagnostic.message
        )),
    };
    let converted = diagnostic
        .hints
        .iter()
        .filter(|hint| !hint.v.contains(ROOT_OPTION))
        .fold(converted, |converted, hint| {
            converted.with_help(hint.v.to_string())
        });
    let outside = OUTSIDE_ROOT
        .iter()
        .any(|piece| diagnostic.message.contains(piece));
    let converted = if outside {
        converted
            .with_help("模板只能读取它所在文件夹（含子文件夹）里的文件：把要用的文件放到模板旁边")
    } else {
        converted
    };
    let converted = if diagnostic.severity == Severity::Error {
        converted.with_help(
            "修改模板文件中标出的这一行（typst 语法见 https://typst.app/docs）；或去掉 --template，改用内置模板",
        )
    } else {
        converted
    };
    let place = std::iter::once(diagnostic.span)
        .chain(diagnostic.trace.iter().map(|point| point.span.into()))
        .find_map(|span| locate(world, span));
    match place {
        Some(span) => converted.at(span, "这里"),
        None => converted,
    }
}

/// Our span for a typst span, when it points into a file the world read.
fn locate(world: &BriefingWorld, span: DiagSpan) -> Option<Span> {
    let file = world.source_file(span.id()?)?;
    let range = world.range(span)?;
    Some(Span::new(file, range))
}
