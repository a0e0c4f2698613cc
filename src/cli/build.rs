//! `jianbao build`: the monthly briefing, as PDF, DOCX and page images.
//!
//! Everything is rendered in memory first and written only when every
//! format succeeded, each file atomically: a failed build leaves last
//! month's output exactly as it was.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::{Failure, load_speech_file, progress_path};
use crate::briefing::{Briefing, compose};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::output::write_all_atomically;
use crate::progress::history::earlier_months;
use crate::render::pdf::{Archival, FontLibrary, PdfOptions, TemplateChoice, check_font_paths};
use crate::render::{docx, pdf};
use crate::source::SourceFile;
use crate::style::Style;

/// Output formats of `build`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The briefing for leaders.
    Pdf,
    /// The editable document for correspondence.
    Docx,
    /// One image per page, for a quick look.
    Png,
}

/// The arguments of `jianbao build`.
pub struct Options<'a> {
    /// The month's progress file; the newest one when absent.
    pub progress: Option<&'a Path>,
    /// The speech, when not the default.
    pub speech: Option<&'a Path>,
    /// The previous month's file, when not found beside the progress file.
    pub previous: Option<&'a Path>,
    /// The output folder.
    pub out: &'a Path,
    /// Formats to write.
    pub formats: &'a [Format],
    /// A built-in template name or a .typ file.
    pub template: Option<&'a str>,
    /// Folders with extra fonts (official faces).
    pub font_paths: &'a [PathBuf],
    /// A style file overriding the defaults.
    pub style: Option<&'a Path>,
    /// An archival PDF standard to conform to.
    pub pdf_standard: Option<Archival>,
}

/// Resolution of the page images.
const PNG_DPI: f32 = 144.0;

/// Builds the briefing and writes the requested files.
pub fn run(options: &Options<'_>) -> Result<(), Failure> {
    let started = Instant::now();
    let (outline, speech) = load_speech_file(options.speech)?;
    let path = progress_path(options.progress)?;
    let progress = crate::progress::load(&path, &outline)?;
    let style = match options.style {
        Some(path) => Style::load_override(path)?,
        None => Style::default_style(),
    };
    check_font_paths(options.font_paths)?;
    let history = earlier_months(&path, &progress, &outline, options.previous)?;
    for warning in progress.warnings.iter().chain(&history.warnings) {
        eprint!("{warning}");
    }
    let briefing = compose(&outline, &progress, &history.months);
    let sources = progress.file.iter().cloned().chain([speech]).collect();
    let files = render_all(&briefing, &style, options, sources)?;
    write_all_atomically(&files.outputs)?;
    for warning in &files.warnings {
        eprint!("{warning}");
    }
    report(&files, started.elapsed());
    Ok(())
}

/// What a build produced, before anything is written.
struct Rendered {
    /// Output paths and their bytes.
    outputs: Vec<(PathBuf, Vec<u8>)>,
    /// Pages of the PDF layout, when it was made.
    pages: Option<usize>,
    /// Warnings from rendering (missing glyphs, template warnings).
    warnings: Vec<Diagnostic>,
}

/// Renders every requested format in memory; `sources` are the files the
/// text came from, for warnings that point into them.
fn render_all(
    briefing: &Briefing,
    style: &Style,
    options: &Options<'_>,
    sources: Vec<Arc<SourceFile>>,
) -> Result<Rendered, Diagnostics> {
    let template = template_choice(options.template);
    // The 通报 is a different document from the 简报: it gets its own name.
    let file_stem = match &template {
        TemplateChoice::Builtin(name) if name == "tongbao" => {
            format!("{}-通报", briefing.document.file_stem)
        }
        _ => briefing.document.file_stem.clone(),
    };
    let stem = options.out.join(&file_stem);
    let wants = |format| options.formats.contains(&format);
    let mut rendered = Rendered {
        outputs: Vec::new(),
        pages: None,
        warnings: Vec::new(),
    };
    if wants(Format::Pdf) || wants(Format::Png) {
        let fonts = FontLibrary::new(options.font_paths, true);
        rendered
            .warnings
            .extend(fonts.unused_font_paths(options.font_paths));
        rendered.warnings.extend(fonts.missing_faces(style));
        let pdf_options = PdfOptions {
            png_dpi: wants(Format::Png).then_some(PNG_DPI),
            standard: options.pdf_standard,
            sources,
        };
        let result = pdf::render(briefing, style, &template, &fonts, &pdf_options)?;
        rendered.pages = Some(result.pages);
        rendered.warnings.extend(result.warnings);
        if wants(Format::Pdf) {
            rendered
                .outputs
                .push((with_extension(&stem, "pdf"), result.pdf));
        }
        for (index, png) in result.pngs.into_iter().enumerate() {
            let name = format!("{file_stem}-{}.png", index + 1);
            rendered.outputs.push((options.out.join(name), png));
        }
    }
    if wants(Format::Docx) {
        let layout = match &template {
            TemplateChoice::Builtin(name) if name == "tongbao" => docx::Layout::Official,
            _ => docx::Layout::Briefing,
        };
        let bytes = docx::render(briefing, style, layout)?;
        rendered
            .outputs
            .push((with_extension(&stem, "docx"), bytes));
    }
    Ok(rendered)
}

/// A built-in template by name, or a file when the argument looks like a path.
fn template_choice(template: Option<&str>) -> TemplateChoice {
    match template {
        None => TemplateChoice::Builtin("jianbao".to_string()),
        Some(name) if name.ends_with(".typ") || name.contains(['/', '\\']) => {
            TemplateChoice::File(PathBuf::from(name))
        }
        Some(name) => TemplateChoice::Builtin(name.to_string()),
    }
}

/// `stem` plus an extension, without mistaking a dot in the stem for one.
fn with_extension(stem: &Path, extension: &str) -> PathBuf {
    let mut name = stem.as_os_str().to_owned();
    name.push(".");
    name.push(extension);
    PathBuf::from(name)
}

/// The summary on stderr: what was written, pages, time taken.
fn report(rendered: &Rendered, elapsed: Duration) {
    for (path, bytes) in &rendered.outputs {
        eprintln!(
            "已生成 {}（{} KB）",
            path.display(),
            bytes.len().div_ceil(1024)
        );
    }
    let pages = rendered
        .pages
        .map(|n| format!("共 {n} 页，"))
        .unwrap_or_default();
    eprintln!("{pages}用时 {:.2} 秒。", elapsed.as_secs_f64());
}
