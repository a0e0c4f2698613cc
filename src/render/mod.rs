//! The writers: each turns a [`Briefing`](crate::briefing::Briefing) and a
//! [`Style`](crate::style::Style) into bytes of one format.
//!
//! - [`pdf`]: typst, with our own `World`, bundled fonts and templates;
//! - [`docx`]: docx-rs, following the same model and style values.
//!
//! Charts are drawn once, by typst: as vector graphics in the PDF, and as
//! [`ChartImage`]s (made by [`pdf::chart_images`]) that the DOCX writer
//! embeds, so it needs no drawing code of its own.

pub mod docx;
pub mod pdf;

/// Where the end block (报尾, or the 通报's 版记) falls, as the PDF's
/// layout found it. The DOCX follows: readers lay it out themselves, but
/// only the PDF knows the grid for certain.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum EndBlockPage {
    /// At the foot of the page where the text ends (or there is none).
    #[default]
    WithText,
    /// On a page of its own, after the text: a page without a number.
    Alone,
}

/// A chart of the briefing drawn as a picture, for a writer that embeds
/// pictures (the DOCX). The caption is not in the picture.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartImage {
    /// The PNG file's bytes.
    pub png: Vec<u8>,
    /// Width in pixels.
    pub width_px: u32,
    /// Height in pixels.
    pub height_px: u32,
    /// Width on the page, in points: the pixels at the picture's resolution.
    pub width_pt: f64,
    /// Height on the page, in points.
    pub height_pt: f64,
}
