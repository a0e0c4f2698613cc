//! Charts: each one a picture drawn by the PDF side (a [`ChartImage`], so
//! this writer has no drawing code), inline in a centred paragraph of its
//! own, the caption centred under it.
//!
//! Both take whole lines of the body grid, as in the PDF: the picture the
//! fewest lines that hold it and half a line more, the caption one line;
//! the body after a chart stays on the grid.

use docx_rs::{AlignmentType, LineSpacing, LineSpacingType, Paragraph, Pic, Run};

use super::blocks::{AddRuns, Element, face_runs, no_indent};
use super::package::internal;
use super::styles::exact;
use super::units::Metrics;
use crate::briefing::Chart;
use crate::diagnostic::Diagnostic;
use crate::render::ChartImage;
use crate::style::Style;

/// EMU (the unit of picture sizes) per point.
const EMU_PER_PT: f64 = 12_700.0;

/// The pictures of the briefing's charts, handed out in reading order.
pub(super) struct Pictures<'a> {
    /// The pictures not yet used.
    images: std::slice::Iter<'a, ChartImage>,
    /// How many were handed out.
    used: usize,
}

impl<'a> Pictures<'a> {
    /// The pictures of every chart of the briefing, in the order of
    /// [`Briefing::charts`](crate::briefing::Briefing::charts).
    pub(super) fn new(images: &'a [ChartImage]) -> Self {
        Pictures {
            images: images.iter(),
            used: 0,
        }
    }

    /// The next picture and its number (from 1).
    fn next(&mut self) -> Result<(usize, &'a ChartImage), Diagnostic> {
        let image = self
            .images
            .next()
            .ok_or_else(|| internal(&format!("第 {} 幅图表没有图片", self.used + 1)))?;
        self.used += 1;
        Ok((self.used, image))
    }

    /// Refuses pictures left over: each picture belongs to one chart.
    pub(super) fn all_used(&self) -> Result<(), Diagnostic> {
        match self.images.len() {
            0 => Ok(()),
            left => Err(internal(&format!(
                "{} 幅图表却有 {} 幅图片",
                self.used,
                self.used + left
            ))),
        }
    }
}

/// The chart's picture in a centred paragraph kept with its caption, then
/// the caption in the body face at the table size.
pub(super) fn chart(
    chart: &Chart,
    pictures: &mut Pictures<'_>,
    style: &Style,
    metrics: &Metrics,
) -> Result<Vec<Element>, Diagnostic> {
    let (number, image) = pictures.next()?;
    // Ids of our own rather than docx-rs's process-wide counter, so that
    // every document built in one process is the same: the relationship
    // `rIdChart1` and the file `word/media/rIdChart1.png`.
    let picture = Pic::new_with_dimensions(image.png.clone(), image.width_px, image.height_px)
        .size(emu(image.width_pt), emu(image.height_pt))
        .id(format!("rIdChart{number}"));
    let lines = picture_lines(image.height_pt, metrics);
    let picture_paragraph = no_indent(Paragraph::new())
        .align(AlignmentType::Center)
        .keep_next(true)
        .line_spacing(
            LineSpacing::new()
                .line_rule(LineSpacingType::AtLeast)
                .line(lines * metrics.line_pitch)
                .before(0)
                .after(0),
        )
        .add_run(Run::new().add_image(picture));
    let caption = no_indent(Paragraph::new())
        .align(AlignmentType::Center)
        .line_spacing(exact(metrics.line_pitch))
        .add_runs(face_runs(
            &chart.caption,
            style.face("body"),
            style.size.table_pt,
        ));
    Ok(vec![
        Element::from(picture_paragraph),
        Element::from(caption),
    ])
}

/// Points to EMU, rounded down: a picture is never shown larger than its
/// pixels at their resolution.
fn emu(pt: f64) -> u32 {
    (pt * EMU_PER_PT).floor().clamp(0.0, f64::from(u32::MAX)) as u32
}

/// Grid lines of a picture `height_pt` tall: the fewest that hold it and
/// half a line more (the PDF's rule in `chart-block`, common.typ).
fn picture_lines(height_pt: f64, metrics: &Metrics) -> i32 {
    let pitch_pt = f64::from(metrics.line_pitch) / 20.0;
    ((height_pt + pitch_pt / 2.0) / pitch_pt - 0.001)
        .ceil()
        .max(1.0) as i32
}
