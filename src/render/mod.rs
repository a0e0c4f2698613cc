//! The writers: each turns a [`Briefing`](crate::briefing::Briefing) and a
//! [`Style`](crate::style::Style) into bytes of one format.
//!
//! - [`pdf`]: typst, with our own `World`, bundled fonts and templates;
//! - [`docx`]: docx-rs, following the same model and style values.

pub mod docx;
pub mod pdf;
