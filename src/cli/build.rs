//! `jianbao build`: the monthly briefing, as PDF, DOCX and page images.
//!
//! Everything is rendered in memory first and written only when every
//! format succeeded, each file atomically: a failed build leaves last
//! month's output exactly as it was. Several progress files (or a folder
//! of them) are built by [`batch`](super::batch), sharing what one build
//! loads: the speech, the style and the fonts.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use super::{Failure, batch, load_speech_file, progress_path};
use crate::briefing::{Briefing, compose};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::output::write_all_atomically;
use crate::progress::history::earlier_months;
use crate::render::pdf::{Archival, FontLibrary, PdfOptions, TemplateChoice, check_font_paths};
use crate::render::{docx, pdf};
use crate::source::SourceFile;
use crate::speech::Outline;
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
    /// The progress files or folders; the newest month of the default
    /// folder when empty.
    pub progress: &'a [PathBuf],
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
    /// Whether the charts are drawn (`--no-charts` leaves them out).
    pub charts: bool,
    /// Whether the template's data and the built-in templates are written
    /// too, into `template-data/` of the output folder.
    pub template_data: bool,
}

/// The folder, inside the output folder, of `--template-data`.
const TEMPLATE_DATA_FOLDER: &str = "template-data";

/// Resolution of the page images.
const PNG_DPI: f32 = 144.0;

/// Builds the briefing (or, given several files or a folder, each of
/// them) and writes the requested files.
pub fn run(options: &Options<'_>) -> Result<(), Failure> {
    let started = Instant::now();
    let (outline, speech) = load_speech_file(options.speech)?;
    let style = match options.style {
        Some(path) => Style::load_override(path)?,
        None => Style::default_style(),
    };
    check_font_paths(options.font_paths)?;
    let shared = Shared {
        outline,
        speech,
        style,
        fonts: OnceLock::new(),
    };
    let single = match options.progress {
        [] => Some(progress_path(None)?),
        [path] if !path.is_dir() => Some(path.clone()),
        _ => None,
    };
    match single {
        Some(path) => {
            let built = build_one(&path, options.out, &shared, options)?;
            report(&built, started.elapsed());
            Ok(())
        }
        None => batch::run(&batch::inputs(options.progress)?, &shared, options),
    }
}

/// What every build of one run shares: loaded once.
pub(super) struct Shared {
    /// The speech's outline.
    pub outline: Outline,
    /// The speech as read, for warnings that point into it.
    pub speech: Arc<SourceFile>,
    /// The style.
    pub style: Style,
    /// The fonts, loaded by the first build that needs them.
    pub fonts: OnceLock<FontLibrary>,
}

/// Builds the briefing of the progress file at `path` into the folder
/// `out`, writes its files (all or none) and prints its warnings; what was
/// written.
pub(super) fn build_one(
    path: &Path,
    out: &Path,
    shared: &Shared,
    options: &Options<'_>,
) -> Result<Rendered, Diagnostics> {
    let progress = crate::progress::load(path, &shared.outline)?;
    let history = earlier_months(path, &progress, &shared.outline, options.previous)?;
    for warning in progress.warnings.iter().chain(&history.warnings) {
        eprint!("{warning}");
    }
    let mut briefing = compose(&shared.outline, &progress, &history.months);
    if !options.charts {
        briefing.drop_charts();
    }
    let sources = progress
        .file
        .iter()
        .cloned()
        .chain([Arc::clone(&shared.speech)])
        .collect();
    let files = render_all(&briefing, shared, out, options, sources)?;
    write_all_atomically(&files.outputs)?;
    for warning in &files.warnings {
        eprint!("{warning}");
    }
    Ok(files)
}

/// What a build produced, before anything is written.
pub(super) struct Rendered {
    /// Output paths and their bytes.
    outputs: Vec<(PathBuf, Vec<u8>)>,
    /// Pages of the PDF layout, when it was made.
    pub pages: Option<usize>,
    /// Warnings from rendering (missing glyphs, template warnings).
    warnings: Vec<Diagnostic>,
}

/// Renders every requested format in memory; `sources` are the files the
/// text came from, for warnings that point into them.
fn render_all(
    briefing: &Briefing,
    shared: &Shared,
    out: &Path,
    options: &Options<'_>,
    sources: Vec<Arc<SourceFile>>,
) -> Result<Rendered, Diagnostics> {
    let style = &shared.style;
    let template = template_choice(options.template);
    // The 通报 is a different document from the 简报: it gets its own name.
    let file_stem = match &template {
        TemplateChoice::Builtin(name) if name == "tongbao" => {
            format!("{}-通报", briefing.document.file_stem)
        }
        _ => briefing.document.file_stem.clone(),
    };
    let stem = out.join(&file_stem);
    let wants = |format| options.formats.contains(&format);
    let mut rendered = Rendered {
        outputs: Vec::new(),
        pages: None,
        warnings: Vec::new(),
    };
    let wants_docx = wants(Format::Docx);
    let wants_pdf = wants(Format::Pdf) || wants(Format::Png);
    // The fonts are loaded once, for the PDF and for the DOCX's charts and
    // layout.
    let fonts = (wants_pdf || wants_docx || options.template_data).then(|| {
        shared
            .fonts
            .get_or_init(|| FontLibrary::new(options.font_paths, true))
    });
    if options.template_data
        && let Some(fonts) = fonts
    {
        let folder = out.join(TEMPLATE_DATA_FOLDER);
        for (name, bytes) in pdf::template_data(briefing, style, fonts)? {
            rendered.outputs.push((folder.join(name), bytes));
        }
    }
    let Some(fonts) = fonts else {
        return Ok(rendered);
    };
    std::thread::scope(|scope| {
        // The DOCX's chart pictures are drawn while the PDF is laid out: on
        // two cores that hides most of their time.
        let charts = wants_docx.then(|| scope.spawn(|| pdf::chart_images(briefing, style, fonts)));
        // Where the PDF's layout puts the end block; the DOCX follows.
        let mut end_block = None;
        if wants_pdf {
            rendered
                .warnings
                .extend(fonts.unused_font_paths(options.font_paths));
            rendered.warnings.extend(fonts.missing_faces(style));
            let pdf_options = PdfOptions {
                png_dpi: wants(Format::Png).then_some(PNG_DPI),
                standard: options.pdf_standard,
                sources,
            };
            let result = pdf::render(briefing, style, &template, fonts, &pdf_options)?;
            rendered.pages = Some(result.pages);
            end_block = Some(result.end_block);
            rendered.warnings.extend(result.warnings);
            if wants(Format::Pdf) {
                rendered
                    .outputs
                    .push((with_extension(&stem, "pdf"), result.pdf));
            }
            for (index, png) in result.pngs.into_iter().enumerate() {
                let name = format!("{file_stem}-{}.png", index + 1);
                rendered.outputs.push((out.join(name), png));
            }
        }
        if let Some(charts) = charts {
            let layout = match &template {
                TemplateChoice::Builtin(name) if name == "tongbao" => docx::Layout::Official,
                _ => docx::Layout::Briefing,
            };
            let end_block = match end_block {
                Some(end_block) => end_block,
                None => pdf::end_block(briefing, style, &template, fonts)?,
            };
            let charts = charts
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
            let bytes = docx::render(briefing, style, layout, &charts, end_block)?;
            rendered
                .outputs
                .push((with_extension(&stem, "docx"), bytes));
        }
        Ok(rendered)
    })
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
