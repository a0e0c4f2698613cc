//! The page: paper, margins and the page-number footers; when the end
//! block stands on a page of its own, the text is a section of its own and
//! the end block's page, first of the last section, has an empty footer.
//!
//! Page numbers read `— 1 —` in the Song face at the page-number size, the
//! page-number gap below the type area: right-aligned one character in on
//! odd pages, left-aligned one character in on even pages. docx-rs's
//! `PageNum` run cannot carry a font or size, so the PAGE field is built
//! from field characters.

use docx_rs::{
    AlignmentType, Docx, FieldCharType, Footer, InstrPAGE, InstrText, PageMargin, Paragraph, Run,
    SectionProperty, SpecialIndentType,
};

use super::blocks::{Element, face_runs, hairline_paragraph};
use super::fonts::run_fonts;
use super::styles::exact;
use super::units::{Metrics, pt_to_half_points, pt_to_twips};
use crate::briefing::PageNumbers;
use crate::style::Style;

/// Paper size and margins; the header distance mirrors the footer's.
pub(super) fn page_setup(docx: Docx, metrics: &Metrics) -> Docx {
    let width = u32::try_from(metrics.page_width).unwrap_or(0);
    let height = u32::try_from(metrics.page_height).unwrap_or(0);
    docx.page_size(width, height).page_margin(
        PageMargin::new()
            .top(metrics.margin_top)
            .bottom(metrics.margin_bottom)
            .left(metrics.margin_left)
            .right(metrics.margin_right)
            .header(metrics.footer_distance)
            .footer(metrics.footer_distance)
            .gutter(0),
    )
}

/// The odd-page (default) and even-page footers; the even footer switches
/// on `w:evenAndOddHeaders`.
pub(super) fn footers(docx: Docx, numbers: &PageNumbers, style: &Style, metrics: &Metrics) -> Docx {
    let one_char = pt_to_twips(style.size.page_number_pt);
    let odd = page_number(numbers, style, metrics)
        .align(AlignmentType::Right)
        .indent(
            Some(0),
            Some(SpecialIndentType::FirstLine(0)),
            Some(one_char),
            None,
        );
    let even = page_number(numbers, style, metrics)
        .align(AlignmentType::Left)
        .indent(
            Some(one_char),
            Some(SpecialIndentType::FirstLine(0)),
            Some(0),
            None,
        );
    docx.footer(Footer::new().add_paragraph(odd))
        .even_footer(Footer::new().add_paragraph(even))
}

/// The text as a section of its own, ending in its last paragraph (after
/// a table, in a paragraph one point high), with the page setup and
/// page-number footers of `numbered` (the document's section properties).
pub(super) fn text_section(mut text: Vec<Element>, numbered: &SectionProperty) -> Vec<Element> {
    let properties = numbered.clone();
    match text.last_mut() {
        Some(Element::Paragraph(last)) => {
            **last = std::mem::take(&mut **last).section_property(properties);
        }
        _ => text.push(Element::from(
            hairline_paragraph().section_property(properties),
        )),
    }
    text
}

/// The last section, the end block's, starts on a new page; as the
/// section's first page, that page gets an empty footer: no number.
pub(super) fn unnumbered_first_page(docx: Docx) -> Docx {
    docx.first_footer(Footer::new().add_paragraph(Paragraph::new()))
}

/// The page-number paragraph: before, the PAGE field, after.
fn page_number(numbers: &PageNumbers, style: &Style, metrics: &Metrics) -> Paragraph {
    let song = style.face("song");
    let size = style.size.page_number_pt;
    let styled = |run: Run| run.fonts(run_fonts(song)).size(pt_to_half_points(size));
    let field = [
        Run::new().add_field_char(FieldCharType::Begin, false),
        Run::new().add_instr_text(InstrText::PAGE(InstrPAGE::new())),
        Run::new().add_field_char(FieldCharType::Separate, false),
        Run::new().add_text("1"),
        Run::new().add_field_char(FieldCharType::End, false),
    ];
    face_runs(&numbers.before, song, size)
        .into_iter()
        .chain(field.map(styled))
        .chain(face_runs(&numbers.after, song, size))
        .fold(
            Paragraph::new().line_spacing(exact(metrics.page_number_line)),
            Paragraph::add_run,
        )
}
