//! The briefing: the merge of speech and progress into one document model.
//!
//! - [`model`]: the document, as both writers read it;
//! - [`compose`]: the merge, where every sentence is worded;
//! - [`stats`]: the numbers, counted once;
//! - [`wording`]: numbers, headings and lists the official Chinese way;
//! - `sample` (tests only): one realistic briefing for both writers' tests.

pub mod compose;
pub mod model;
#[cfg(test)]
pub(crate) mod sample;
pub mod stats;
pub mod wording;

pub use compose::compose;
pub use model::*;
