//! The main template: a built-in one compiled into jianbao, or a user file
//! given with `--template`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use typst::syntax::VirtualPath;

use super::TemplateChoice;
use crate::diagnostic::Diagnostic;
use crate::source::SourceFile;

/// The built-in templates: name and typst source.
const BUILTINS: [(&str, &str); 2] = [
    ("jianbao", include_str!("../../../templates/jianbao.typ")),
    ("tongbao", include_str!("../../../templates/tongbao.typ")),
];

/// Files the built-in templates import, served from the binary.
const BUILTIN_LIBRARY: [(&str, &str); 4] = [
    ("inputs.typ", include_str!("../../../templates/inputs.typ")),
    ("common.typ", include_str!("../../../templates/common.typ")),
    ("faces.typ", include_str!("../../../templates/faces.typ")),
    ("charts.typ", include_str!("../../../templates/charts.typ")),
];

/// The document of the DOCX's chart pictures: one page per chart, drawn
/// by `charts.typ` as in the PDF.
const CHART_PICTURES: (&str, &str) = (
    "chart-pictures",
    include_str!("../../../templates/chart-pictures.typ"),
);

/// A template ready to compile.
pub(super) struct MainTemplate {
    /// The template's text, under the path diagnostics show.
    pub(super) file: Arc<SourceFile>,
    /// The template's path inside its root folder.
    pub(super) vpath: VirtualPath,
    /// The folder (canonical) whose files the template may read; `None` for
    /// a built-in template, which reads no files from disk.
    pub(super) root: Option<PathBuf>,
    /// Files a built-in template imports, with their paths beside it.
    pub(super) companions: Vec<(VirtualPath, Arc<SourceFile>)>,
}

/// Every built-in template file, name and text: the templates and the
/// files they import, as `jianbao build --template-data` writes them out.
pub(super) fn builtin_files() -> impl Iterator<Item = (String, &'static str)> {
    BUILTINS
        .iter()
        .map(|(name, text)| (format!("{name}.typ"), *text))
        .chain(
            BUILTIN_LIBRARY
                .iter()
                .map(|(file_name, text)| ((*file_name).to_string(), *text)),
        )
}

/// Finds and reads the chosen template.
pub(super) fn load(choice: &TemplateChoice) -> Result<MainTemplate, Diagnostic> {
    match choice {
        TemplateChoice::Builtin(name) => builtin(name),
        TemplateChoice::File(path) => from_file(path),
    }
}

/// The built-in template called `name`.
fn builtin(name: &str) -> Result<MainTemplate, Diagnostic> {
    let (name, text) = BUILTINS
        .iter()
        .find(|(builtin, _)| *builtin == name)
        .ok_or_else(|| unknown_builtin(name))?;
    with_library(name, text)
}

/// The built-in document drawing the DOCX's chart pictures.
pub(super) fn chart_pictures() -> Result<MainTemplate, Diagnostic> {
    let (name, text) = CHART_PICTURES;
    with_library(name, text)
}

/// The built-in file `name`.typ with the files it may import beside it.
fn with_library(name: &str, text: &str) -> Result<MainTemplate, Diagnostic> {
    let file_name = format!("{name}.typ");
    let companions = BUILTIN_LIBRARY
        .iter()
        .map(|(file_name, text)| {
            let file = SourceFile::new(format!("<内置模板>/{file_name}"), text);
            virtual_file_name(file_name).map(|vpath| (vpath, file))
        })
        .collect::<Result<_, _>>()?;
    Ok(MainTemplate {
        file: SourceFile::new(format!("<内置模板>/{file_name}"), text),
        vpath: virtual_file_name(&file_name)?,
        root: None,
        companions,
    })
}

/// The error for a built-in name that does not exist.
fn unknown_builtin(name: &str) -> Diagnostic {
    let available: Vec<&str> = BUILTINS.iter().map(|(builtin, _)| *builtin).collect();
    Diagnostic::error(format!(
        "没有名为“{name}”的内置模板 (unknown built-in template)"
    ))
    .with_note(format!("内置模板有：{}", available.join("、")))
    .with_help("改用上面列出的名称，或用 --template 给出 .typ 模板文件的路径")
}

/// A template read from disk; its folder becomes its root.
fn from_file(path: &Path) -> Result<MainTemplate, Diagnostic> {
    let file = SourceFile::read(path)?;
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let root = folder.canonicalize().map_err(|err| {
        Diagnostic::error(format!(
            "无法打开模板所在的文件夹“{}”：{err}",
            folder.display()
        ))
        .with_help("请检查 --template 给出的路径")
    })?;
    let file_name = path
        .file_name()
        .and_then(|name| name.to_str())
        .ok_or_else(|| bad_file_name(path))?;
    Ok(MainTemplate {
        file,
        vpath: virtual_file_name(file_name)?,
        root: Some(root),
        companions: Vec::new(),
    })
}

/// The virtual path of a template file at the top of its root.
fn virtual_file_name(file_name: &str) -> Result<VirtualPath, Diagnostic> {
    VirtualPath::new(file_name).map_err(|_| bad_file_name(Path::new(file_name)))
}

/// The error for a template file name typst cannot address.
fn bad_file_name(path: &Path) -> Diagnostic {
    Diagnostic::error(format!(
        "模板文件名无法使用：“{}” (unusable file name)",
        path.display()
    ))
    .with_help("把模板改成只含字母、数字、汉字的文件名，扩展名为 .typ")
}
