//! The briefing: the merge of speech and progress into one document model.
//!
//! - [`model`]: the document, as both writers read it;
//! - [`compose`]: the merge, assembling the sections, each worded in its
//!   own module (overview, tasks, indicators, followup);
//! - [`stats`]: the numbers, counted once;
//! - [`wording`]: numbers, headings and lists the official Chinese way;
//! - `sample` (tests only): one realistic briefing for both writers' tests.

pub mod compose;
mod context;
mod followup;
mod indicators;
pub mod model;
mod overview;
#[cfg(test)]
pub(crate) mod sample;
pub mod stats;
mod tasks;
pub mod wording;

pub use compose::compose;
pub use model::*;
