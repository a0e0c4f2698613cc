//! The briefing's charts as pictures for the DOCX, drawn by the same
//! `charts.typ` as the PDF's charts, with the same fonts: one typst
//! document (`chart-pictures.typ`) with a page per chart, each page
//! rendered to a PNG at [`CHART_DPI`].

use typst::diag::Warned;
use typst::foundations::{Dict, IntoValue};
use typst::utils::Scalar;
use typst_layout::PagedDocument;
use typst_render::RenderOptions;

use super::world::BriefingWorld;
use super::{FontLibrary, briefing_date, failure, internal, template, to_value};
use crate::briefing::{Briefing, Chart};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::render::ChartImage;
use crate::style::{Style, mm_to_pt};

/// Resolution of the chart pictures: print quality.
pub const CHART_DPI: f64 = 300.0;

/// Every chart of `briefing` in reading order ([`Briefing::charts`]) as a
/// PNG as wide as the type area, at [`CHART_DPI`]. No charts, no typst run.
/// Typst's warnings are left to the PDF's render, which draws the same
/// charts with the same fonts (the expected ones, about official faces
/// absent, are filtered as there).
///
/// # Errors
///
/// Only jianbao's own faults: the built-in drawing fails to compile, or
/// gives a different number of pages than there are charts.
pub fn chart_images(
    briefing: &Briefing,
    style: &Style,
    fonts: &FontLibrary,
) -> Result<Vec<ChartImage>, Diagnostics> {
    let charts: Vec<&Chart> = briefing.charts().collect();
    if charts.is_empty() {
        return Ok(Vec::new());
    }
    let pixel_per_pt = CHART_DPI / 72.0;
    // The type width in whole pixels, so the picture's size on the page is
    // exactly its pixels at 300 dpi and never wider than the type area.
    let width_px = (mm_to_pt(style.type_width_mm()) * pixel_per_pt).floor();
    let mut inputs = Dict::new();
    inputs.insert("style".into(), to_value(style)?);
    inputs.insert("charts".into(), to_value(&charts)?);
    inputs.insert("width_pt".into(), (width_px / pixel_per_pt).into_value());
    let date = briefing_date(&briefing.document)?;
    let world = BriefingWorld::new(template::chart_pictures()?, inputs, fonts, date);

    let Warned { output, warnings } = typst::compile::<PagedDocument>(&world);
    let notes = super::diagnostics::convert(&world, style, &warnings);
    let document = output.map_err(|errors| failure(&world, style, &errors, &notes))?;
    if document.pages().len() != charts.len() {
        return Err(internal(format!(
            "{} 幅图表画成了 {} 页",
            charts.len(),
            document.pages().len()
        ))
        .into());
    }
    let options = RenderOptions {
        pixel_per_pt: Scalar::new(pixel_per_pt),
        render_bleed: false,
    };
    document
        .pages()
        .iter()
        .map(|page| {
            let pixmap = typst_render::render(page, &options);
            let png = pixmap.encode_png().map_err(internal)?;
            Ok(picture(png, pixmap.width(), pixmap.height(), pixel_per_pt))
        })
        .collect::<Result<_, Diagnostic>>()
        .map_err(Diagnostics::from)
}

/// A picture of `width_px` × `height_px` pixels, sized on the page at
/// `pixel_per_pt`.
fn picture(png: Vec<u8>, width_px: u32, height_px: u32, pixel_per_pt: f64) -> ChartImage {
    ChartImage {
        png,
        width_px,
        height_px,
        width_pt: f64::from(width_px) / pixel_per_pt,
        height_pt: f64::from(height_px) / pixel_per_pt,
    }
}
