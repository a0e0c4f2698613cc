//! jianbao (简报) merges a leader's speech with a monthly progress file and
//! renders an official-style work briefing.
//!
//! The pipeline, one module per step:
//! - [`speech`] parses the speech into an outline of commitments with ids;
//! - [`progress`] loads and validates the month's YAML against that outline;
//! - [`ledger`] is the month as the 台账 workbook units fill in, read and written;
//! - [`briefing`] merges both into the document model both writers read;
//! - [`style`] holds every layout value, read by both writers;
//! - [`layout`] breaks body text into lines on the grid, for both writers;
//! - [`render`] writes the PDF (typst) and the DOCX (docx-rs);
//! - [`check`] sums a validated month up for the clerk;
//! - [`skeleton`] writes next month's file to fill in;
//! - [`output`] writes files atomically;
//! - [`diagnostic`] and [`source`] carry every message about the user's files.

pub mod briefing;
pub mod check;
pub mod cli;
pub mod diagnostic;
pub mod layout;
pub mod ledger;
pub mod output;
pub mod progress;
pub mod render;
pub mod skeleton;
pub mod source;
pub mod speech;
pub mod style;
