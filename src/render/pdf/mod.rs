//! The PDF writer: typst lays out a [`Briefing`] with a template and
//! exports PDF (and, on request, PNG pages).
//!
//! Call [`render`] with a [`FontLibrary`] built once per process. The
//! briefing and the style reach the template only as data (`sys.inputs`),
//! never as markup, so no user text is ever evaluated. The same input gives
//! the same bytes on every run: the only date is the briefing's own, and the
//! fonts come from jianbao itself or from the official faces a machine has.
//!
//! Submodules: `fonts` (the font library) with `sfnt` (family names read
//! from font files), `template` (built-in and user templates), `world` (the
//! typst `World`), `diagnostics` (typst messages as ours), `coverage`
//! (characters no font has), `lines` (breaking text on the 28-cell grid)
//! and `grid` (the lines of every paragraph, added to the template data).
//!
//! [`chart_images`] draws the briefing's charts, with the same template
//! code and fonts, as PNG pictures for the DOCX writer.

mod charts;
mod coverage;
mod diagnostics;
mod fonts;
mod grid;
mod sfnt;
mod template;
mod world;

#[cfg(test)]
mod grid_tests;
#[cfg(test)]
mod tests;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use typst::diag::{SourceDiagnostic, Warned};
use typst::foundations::{Datetime, Dict, Label, Selector, Smart, Value};
use typst::introspection::Introspector;
use typst::utils::PicoStr;
use typst::utils::Scalar;
use typst_layout::PagedDocument;
use typst_pdf::{PdfStandard, PdfStandards, Timestamp};
use typst_render::RenderOptions;

pub use self::charts::{CHART_DPI, chart_images};
pub use self::fonts::{FaceReport, FontLibrary, FontSource, check_font_paths};
use self::world::BriefingWorld;
use super::EndBlockPage;
use crate::briefing::{Briefing, DocumentInfo};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::source::SourceFile;
use crate::style::Style;

/// Which template lays the briefing out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateChoice {
    /// A template compiled into jianbao, by name (`jianbao`).
    Builtin(String),
    /// A `.typ` file; it may read files in its own folder only.
    File(PathBuf),
}

/// What to produce besides the PDF.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PdfOptions {
    /// When set, also render every page as a PNG at this many dots per inch.
    pub png_dpi: Option<f32>,
    /// The archival standard the PDF must conform to, if any.
    pub standard: Option<Archival>,
    /// The files the briefing's text came from (progress file, speech), so
    /// that a warning about a character can point at it there.
    pub sources: Vec<Arc<SourceFile>>,
}

/// PDF archival standards jianbao can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Archival {
    /// PDF/A-2b: long-term archiving, visual appearance preserved.
    #[value(name = "a-2b")]
    A2b,
}

/// The result of one render.
#[derive(Debug, Clone)]
pub struct RenderedPdf {
    /// The PDF file's bytes.
    pub pdf: Vec<u8>,
    /// One PNG per page when [`PdfOptions::png_dpi`] was set; empty otherwise.
    pub pngs: Vec<Vec<u8>>,
    /// Number of pages.
    pub pages: usize,
    /// Whether the end block stands on a page of its own.
    pub end_block: EndBlockPage,
    /// Warnings: the template's, and characters no font has.
    pub warnings: Vec<Diagnostic>,
    /// How long each step took.
    pub timings: Timings,
}

/// Durations of the steps of one render.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Timings {
    /// Computing the grid, evaluating the template and laying out the pages.
    pub compile: Duration,
    /// Writing the PDF.
    pub export: Duration,
    /// Rendering the PNG pages (zero when none were asked for).
    pub png: Duration,
}

/// The largest PNG resolution accepted; an A4 page at 600 dpi is 35 MP.
const MAX_PNG_DPI: f32 = 600.0;

/// Lays out `briefing` with `template` and `style`, and exports it.
///
/// # Errors
///
/// The template's errors (located in its file), an invalid briefing date or
/// PNG resolution, an unknown built-in template; each comes back together
/// with the warnings found before it.
pub fn render(
    briefing: &Briefing,
    style: &Style,
    template: &TemplateChoice,
    fonts: &FontLibrary,
    options: &PdfOptions,
) -> Result<RenderedPdf, Diagnostics> {
    let pixel_per_pt = options.png_dpi.map(pixel_per_pt).transpose()?;
    let start = Instant::now();
    let Laid {
        world,
        document,
        mut notes,
        date,
    } = lay_out(briefing, style, template, fonts)?;
    let compile = start.elapsed();

    let start = Instant::now();
    let pdf = typst_pdf::pdf(&document, &pdf_options(date, options.standard)?)
        .map_err(|errors| failure(&world, style, &errors, &notes))?;
    let export = start.elapsed();

    let start = Instant::now();
    let pngs = match pixel_per_pt {
        Some(scale) => png_pages(&document, scale)?,
        None => Vec::new(),
    };
    let png = start.elapsed();

    notes.extend(coverage::missing_characters(
        briefing,
        fonts,
        &options.sources,
    ));
    Ok(RenderedPdf {
        pdf,
        pngs,
        pages: document.pages().len(),
        end_block: end_block_page(&document),
        warnings: notes,
        timings: Timings {
            compile,
            export,
            png,
        },
    })
}

/// Lays out `briefing` without exporting it, to learn where its end block
/// falls: what the DOCX needs when no PDF is asked for.
///
/// # Errors
///
/// As [`render`].
pub fn end_block(
    briefing: &Briefing,
    style: &Style,
    template: &TemplateChoice,
    fonts: &FontLibrary,
) -> Result<EndBlockPage, Diagnostics> {
    let laid = lay_out(briefing, style, template, fonts)?;
    Ok(end_block_page(&laid.document))
}

/// A briefing laid out by typst.
struct Laid<'a> {
    /// The world it was compiled in, which locates later errors.
    world: BriefingWorld<'a>,
    /// The pages.
    document: PagedDocument,
    /// typst's warnings, as ours.
    notes: Vec<Diagnostic>,
    /// The briefing's date.
    date: Datetime,
}

/// Evaluates the template with the briefing and lays out the pages.
fn lay_out<'a>(
    briefing: &Briefing,
    style: &Style,
    template: &TemplateChoice,
    fonts: &'a FontLibrary,
) -> Result<Laid<'a>, Diagnostics> {
    let date = briefing_date(&briefing.document)?;
    let template = template::load(template)?;
    let world = BriefingWorld::new(template, inputs(briefing, style, fonts)?, fonts, date);
    let Warned { output, warnings } = typst::compile::<PagedDocument>(&world);
    let notes = diagnostics::convert(&world, style, &warnings);
    let document = output.map_err(|errors| failure(&world, style, &errors, &notes))?;
    Ok(Laid {
        world,
        document,
        notes,
        date,
    })
}

/// The end block stands alone when its page holds no content mark: the
/// templates' rule for leaving a page unnumbered (`numbered` in
/// `common.typ`), read from the finished layout.
fn end_block_page(document: &PagedDocument) -> EndBlockPage {
    let introspector = document.introspector();
    let pages_of = |label: &str| -> Vec<usize> {
        Label::new(PicoStr::intern(label))
            .map(|label| introspector.query(&Selector::Label(label)))
            .unwrap_or_default()
            .iter()
            .filter_map(|element| element.location())
            .filter_map(|location| introspector.page(location))
            .map(std::num::NonZeroUsize::get)
            .collect()
    };
    let last_text = pages_of("jianbao-content").into_iter().max();
    let end_block = pages_of("jianbao-imprint").into_iter().min();
    match (last_text, end_block) {
        (Some(text), Some(end)) if text < end => EndBlockPage::Alone,
        _ => EndBlockPage::WithText,
    }
}

/// `sys.inputs` of the template: `briefing` (with its grid lines, see
/// [`grid`]) and `style`, as typst values.
fn inputs(briefing: &Briefing, style: &Style, fonts: &FontLibrary) -> Result<Dict, Diagnostic> {
    let data = briefing_data(briefing, style, fonts)?;
    let mut inputs = Dict::new();
    inputs.insert(
        "briefing".into(),
        Value::deserialize(data).map_err(internal)?,
    );
    inputs.insert("style".into(), to_value(style)?);
    Ok(inputs)
}

/// The briefing as the template receives it: the model with the grid lines
/// of every paragraph.
fn briefing_data(
    briefing: &Briefing,
    style: &Style,
    fonts: &FontLibrary,
) -> Result<serde_json::Value, Diagnostic> {
    let mut data = serde_json::to_value(briefing).map_err(internal)?;
    grid::annotate(&mut data, briefing, style, fonts);
    Ok(data)
}

/// The template's data and the built-in templates as files, name and
/// bytes: `briefing.json` and `style.json` (what `sys.inputs` holds, see
/// `templates/inputs.typ`) and every `.typ` file jianbao carries. With
/// them a template can be written, or compiled by the typst command line:
/// `typst compile --input briefing-json=briefing.json --input
/// style-json=style.json jianbao.typ`.
///
/// # Errors
///
/// Only internal ones (the model failing to serialise).
pub fn template_data(
    briefing: &Briefing,
    style: &Style,
    fonts: &FontLibrary,
) -> Result<Vec<(String, Vec<u8>)>, Diagnostic> {
    let json = |value: &serde_json::Value| serde_json::to_vec_pretty(value).map_err(internal);
    let briefing = briefing_data(briefing, style, fonts)?;
    let style = serde_json::to_value(style).map_err(internal)?;
    let mut files = vec![
        ("briefing.json".to_string(), json(&briefing)?),
        ("style.json".to_string(), json(&style)?),
    ];
    files.extend(template::builtin_files().map(|(name, text)| (name, text.as_bytes().to_vec())));
    Ok(files)
}

/// Any serialisable value as a typst value (dictionaries, arrays, strings,
/// numbers, `none`).
fn to_value(data: &impl Serialize) -> Result<Value, Diagnostic> {
    let json = serde_json::to_value(data).map_err(internal)?;
    Value::deserialize(json).map_err(internal)
}

/// The briefing's date as typst's datetime: `today()` and the PDF date.
fn briefing_date(document: &DocumentInfo) -> Result<Datetime, Diagnostic> {
    let [year, month, day] = document.date;
    u8::try_from(month)
        .ok()
        .zip(u8::try_from(day).ok())
        .and_then(|(month, day)| Datetime::from_ymd(year, month, day))
        .ok_or_else(|| {
            Diagnostic::error(format!(
                "简报日期无效：{year}年{month}月{day}日 (invalid date)"
            ))
            .with_help("检查简报的日期")
        })
}

/// PDF export settings: fixed creator and date, so the bytes never change;
/// tagged (accessible) always, archival on request.
fn pdf_options(
    date: Datetime,
    standard: Option<Archival>,
) -> Result<typst_pdf::PdfOptions, Diagnostic> {
    let list: &[PdfStandard] = match standard {
        Some(Archival::A2b) => &[PdfStandard::A_2b],
        None => &[],
    };
    let standards = PdfStandards::new(list).map_err(|err| {
        Diagnostic::error(format!("无法按所选 PDF 标准输出：{}", err.message()))
            .with_help("去掉 --pdf-standard 再试")
    })?;
    Ok(typst_pdf::PdfOptions {
        creator: Smart::Custom(Some(format!("jianbao {}", env!("CARGO_PKG_VERSION")))),
        timestamp: Some(Timestamp::new_utc(date)),
        standards,
        tagged: true,
        ..typst_pdf::PdfOptions::default()
    })
}

/// Pixels per point for a resolution in dots per inch.
fn pixel_per_pt(dpi: f32) -> Result<f32, Diagnostic> {
    if dpi.is_finite() && dpi > 0.0 && dpi <= MAX_PNG_DPI {
        Ok(dpi / 72.0)
    } else {
        Err(
            Diagnostic::error(format!("PNG 分辨率 {dpi} 无效 (invalid resolution)"))
                .with_help(format!("给出 1 到 {MAX_PNG_DPI} 之间的 dpi，例如 144")),
        )
    }
}

/// Every page as PNG bytes.
fn png_pages(document: &PagedDocument, pixel_per_pt: f32) -> Result<Vec<Vec<u8>>, Diagnostic> {
    let options = RenderOptions {
        pixel_per_pt: Scalar::new(f64::from(pixel_per_pt)),
        render_bleed: false,
    };
    document
        .pages()
        .iter()
        .map(|page| {
            typst_render::render(page, &options)
                .encode_png()
                .map_err(internal)
        })
        .collect()
}

/// Typst's errors followed by the warnings gathered so far.
fn failure(
    world: &BriefingWorld,
    style: &Style,
    errors: &[SourceDiagnostic],
    warnings: &[Diagnostic],
) -> Diagnostics {
    let mut all = diagnostics::convert(world, style, errors);
    all.extend_from_slice(warnings);
    Diagnostics(all)
}

/// A failure that is jianbao's fault, not the user's.
fn internal(err: impl std::fmt::Display) -> Diagnostic {
    Diagnostic::error(format!("排版 PDF 时出现内部错误 (internal error)：{err}"))
        .with_help("请把这条消息和所用的文件报告给 jianbao 的维护者")
}
