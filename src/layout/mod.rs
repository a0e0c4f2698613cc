//! The grid line layout: where each line of body text breaks on the
//! official grid (28 cells a line, 禁则 applied), measured with the widths
//! Word and LibreOffice give the DOCX, so that both files break alike.
//!
//! The typesetter sets the lines computed here character by character
//! (`render::pdf::grid` hands them to the typst template); the DOCX writer
//! leaves the breaking to the word processor and shapes its runs so that
//! the widths agree (`render::docx::blocks::grid_runs`), reading the same
//! character classes from here.

pub mod lines;
