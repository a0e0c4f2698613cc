//! Measuring the laid-out pages against GB/T 9704: typst's frames give every
//! glyph's position, so the grid is checked where it is made.
//!
//! Checked on the example month and on a long briefing of body text: 22
//! baselines at the 28.99 pt pitch on full body pages, every body baseline on
//! the page's grid (also after tables and titles), characters of CJK lines in
//! their columns, 28 cells on full lines, no forbidden line starts or ends,
//! nothing outside the type area but page numbers and hanging marks, page
//! numbers by parity, and the end block on the bottom edge of the last page.
//! Every glyph and every drawing of every page (charts and tables included)
//! is checked against the type area: see [`check_outside`].

use typst::layout::{Abs, Frame, FrameItem, Point, Rect, Transform};
use typst::visualize::Geometry;
use typst_layout::PagedDocument;

use super::*;
use crate::briefing::sample::sample_charts;
use crate::briefing::{Block, compose};
use crate::layout::lines::{is_closing, is_opening};
use crate::source::SourceFile;
use crate::style::mm_to_pt;

/// One glyph as printed.
#[derive(Debug, Clone)]
struct Glyph {
    /// The character(s) it shows.
    text: String,
    /// Left edge of the glyph's advance box, from the page's left edge.
    x: f64,
    /// Advance width.
    width: f64,
    /// Baseline, from the page's top edge.
    y: f64,
    /// Font size in points.
    size: f64,
    /// The glyph's box: the font's advance across from where the glyph is
    /// placed, its 1 em line box (0.88 em above the baseline, 0.12 em
    /// below, as the templates set text) down.
    bounds: Bounds,
}

/// An upright box on the page, in points from the page's top-left corner.
#[derive(Debug, Clone, Copy)]
struct Bounds {
    left: f64,
    top: f64,
    right: f64,
    bottom: f64,
}

impl Bounds {
    /// The upright box holding `rect` (in the coordinates `ts` maps to the
    /// page) wherever `ts` takes it.
    fn of(rect: Rect, ts: Transform) -> Bounds {
        let corners = [
            rect.min,
            Point::new(rect.max.x, rect.min.y),
            Point::new(rect.min.x, rect.max.y),
            rect.max,
        ]
        .map(|corner| corner.transform(ts));
        let xs = corners.map(|p| p.x.to_pt());
        let ys = corners.map(|p| p.y.to_pt());
        Bounds {
            left: xs.into_iter().fold(f64::INFINITY, f64::min),
            top: ys.into_iter().fold(f64::INFINITY, f64::min),
            right: xs.into_iter().fold(f64::NEG_INFINITY, f64::max),
            bottom: ys.into_iter().fold(f64::NEG_INFINITY, f64::max),
        }
    }
}

/// A shape or picture as drawn.
#[derive(Debug, Clone)]
struct Drawing {
    /// What it is: line, rectangle, curve or image.
    kind: &'static str,
    /// Its extent, with half of its stroke on each side of its outline.
    bounds: Bounds,
    /// For a level or upright line (a rule), its thickness.
    rule: Option<f64>,
}

/// Glyphs, drawings and rules of a laid-out page.
struct Page {
    glyphs: Vec<Glyph>,
    drawings: Vec<Drawing>,
    /// Horizontal rules: (y, x from, x to, thickness).
    rules: Vec<(f64, f64, f64, f64)>,
}

fn example_briefing() -> Briefing {
    let outline = crate::speech::parse(include_str!("../../../data/speech.txt"));
    let file = SourceFile::new(
        "data/progress/2026-11.yaml",
        include_str!("../../../data/progress/2026-11.yaml"),
    );
    let progress = crate::progress::parse(&file, &outline).expect("the example month is valid");
    let october = SourceFile::new(
        "data/progress/2026-10.yaml",
        include_str!("../../../data/progress/2026-10.yaml"),
    );
    let earlier = crate::progress::parse(&october, &outline).expect("October is valid");
    compose(&outline, &progress, &[earlier])
}

/// The example's paragraphs three times over, without tables: ≥ 8 pages.
fn long_briefing() -> Briefing {
    let mut briefing = example_briefing();
    let text: Vec<Block> = briefing
        .body
        .iter()
        .filter(|b| !matches!(b, Block::Table(_)))
        .cloned()
        .collect();
    briefing.body = [text.clone(), text.clone(), text].concat();
    briefing.attachments.clear();
    briefing
}

fn layout(briefing: &Briefing, style: &Style) -> PagedDocument {
    layout_with("jianbao", briefing, style)
}

fn layout_with(name: &str, briefing: &Briefing, style: &Style) -> PagedDocument {
    static FONTS: std::sync::LazyLock<FontLibrary> =
        std::sync::LazyLock::new(|| FontLibrary::new(&[], false));
    let date = briefing_date(&briefing.document).expect("a valid date");
    let template = template::load(&TemplateChoice::Builtin(name.into())).expect("built in");
    let inputs = inputs(briefing, style, &FONTS).expect("serialisable");
    let world = BriefingWorld::new(template, inputs, &FONTS, date);
    typst::compile::<PagedDocument>(&world)
        .output
        .unwrap_or_else(|errors| panic!("the template compiles: {errors:?}"))
}

fn pages(document: &PagedDocument) -> Vec<Page> {
    document
        .pages()
        .iter()
        .map(|page| {
            let mut out = Page {
                glyphs: Vec::new(),
                drawings: Vec::new(),
                rules: Vec::new(),
            };
            collect(&page.frame, Transform::identity(), &mut out);
            out
        })
        .collect()
}

/// Gathers the glyphs and drawings of `frame`, whose coordinates `ts` maps
/// to the page's, through all its groups and their transforms.
fn collect(frame: &Frame, ts: Transform, out: &mut Page) {
    for (position, item) in frame.items() {
        let here = ts.pre_concat(Transform::translate(position.x, position.y));
        match item {
            FrameItem::Group(group) => collect(&group.frame, here.pre_concat(group.transform), out),
            FrameItem::Text(text) => {
                let size = text.size.to_pt();
                let mut x = 0.0;
                for glyph in &text.glyphs {
                    let advance = glyph.x_advance.at(text.size).to_pt();
                    let left = x + glyph.x_offset.at(text.size).to_pt();
                    let baseline = -glyph.y_offset.at(text.size).to_pt();
                    let width = text.font.x_advance(glyph.id).unwrap_or_default();
                    let em = Rect::new(
                        pt_point(left, baseline - 0.88 * size),
                        pt_point(left + width.at(text.size).to_pt(), baseline + 0.12 * size),
                    );
                    let origin = pt_point(left, baseline).transform(here);
                    out.glyphs.push(Glyph {
                        text: text.text[glyph.range()].to_string(),
                        x: origin.x.to_pt(),
                        width: advance,
                        y: origin.y.to_pt(),
                        size,
                        bounds: Bounds::of(em, here),
                    });
                    x += advance;
                }
            }
            FrameItem::Shape(shape, _) => {
                let (kind, line) = match shape.geometry {
                    Geometry::Line(to) => ("line", Some(to)),
                    Geometry::Rect(_) => ("rectangle", None),
                    Geometry::Curve(_) => ("curve", None),
                };
                let rule = line
                    .filter(|to| to.x.to_pt().abs() < 0.01 || to.y.to_pt().abs() < 0.01)
                    .and(shape.stroke.as_ref())
                    .map(|stroke| stroke.thickness.to_pt());
                out.drawings.push(Drawing {
                    kind,
                    bounds: Bounds::of(shape.bbox(true), here),
                    rule,
                });
                if let Some(to) = line
                    && to.y.to_pt().abs() < 0.01
                    && let Some(stroke) = &shape.stroke
                {
                    let start = Point::zero().transform(here);
                    let end = to.transform(here);
                    out.rules.push((
                        start.y.to_pt(),
                        start.x.to_pt(),
                        end.x.to_pt(),
                        stroke.thickness.to_pt(),
                    ));
                }
            }
            FrameItem::Image(_, size, _) => out.drawings.push(Drawing {
                kind: "image",
                bounds: Bounds::of(Rect::new(Point::zero(), size.to_point()), here),
                rule: None,
            }),
            FrameItem::Link(..) | FrameItem::Tag(_) => {}
        }
    }
}

/// A point `x` and `y` points from the origin.
fn pt_point(x: f64, y: f64) -> Point {
    Point::new(Abs::pt(x), Abs::pt(y))
}

/// Geometry of the type area, in points from the page's top-left corner.
struct Area {
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    pitch: f64,
    cell: f64,
    body: f64,
    /// Size of the page numbers.
    number_size: f64,
    /// How much less body text advances than its glyphs are wide: the
    /// DOCX's character spacing, negated.
    squeeze: f64,
}

impl Area {
    fn of(style: &Style) -> Area {
        let left = mm_to_pt(style.page.left_mm);
        let top = mm_to_pt(style.page.top_mm);
        Area {
            left,
            right: left + mm_to_pt(style.type_width_mm()),
            top,
            bottom: top + mm_to_pt(style.type_height_mm()),
            pitch: style.line_pitch_pt(),
            cell: style.char_cell_pt(),
            body: style.size.body_pt,
            number_size: style.size.page_number_pt,
            squeeze: -style.char_spacing_pt(),
        }
    }

    /// `b` in millimetres from the page's left and top edges, with how far
    /// it strays over each edge of the type area.
    fn describe(&self, b: &Bounds) -> String {
        let mm = |pt: f64| pt * 25.4 / 72.0;
        let over = [
            ("left", self.left - b.left),
            ("right", b.right - self.right),
            ("top", self.top - b.top),
            ("bottom", b.bottom - self.bottom),
        ]
        .iter()
        .filter(|(_, by)| *by > 0.0)
        .map(|(edge, by)| format!("{:.3} mm over the {edge} edge", mm(*by)))
        .collect::<Vec<_>>()
        .join(", ");
        format!(
            "x {:.2}–{:.2} mm, y {:.2}–{:.2} mm ({over})",
            mm(b.left),
            mm(b.right),
            mm(b.top),
            mm(b.bottom)
        )
    }

    /// Where line `n` (from 0) of a page has its baseline: each line box is
    /// 1 em with its baseline 0.88 em down.
    fn baseline(&self, n: f64) -> f64 {
        self.top + n * self.pitch + 0.88 * self.body
    }

    /// The grid line a baseline sits on, and how far it is from it.
    fn grid_line(&self, y: f64) -> (f64, f64) {
        let n = ((y - self.baseline(0.0)) / self.pitch).round();
        (n, (y - self.baseline(n)).abs())
    }
}

/// Where body text may start on a page: under the masthead's thick rule
/// on the first page, at the top of the type area elsewhere.
fn body_top(page: &Page, area: &Area) -> f64 {
    page.rules
        .iter()
        .filter(|(.., thickness)| *thickness > 1.0)
        .map(|(y, ..)| *y)
        .fold(area.top, f64::max)
}

/// Body glyphs (body size, inside the type area's height) by baseline.
fn body_lines(page: &Page, area: &Area) -> Vec<Vec<Glyph>> {
    let mut lines: Vec<Vec<Glyph>> = Vec::new();
    let top = body_top(page, area);
    let mut glyphs: Vec<&Glyph> = page
        .glyphs
        .iter()
        .filter(|g| (g.size - area.body).abs() < 0.01 && g.y > top && g.y < area.bottom)
        .collect();
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    for glyph in glyphs {
        match lines.last_mut() {
            Some(line) if (line[0].y - glyph.y).abs() < 0.5 => line.push(glyph.clone()),
            _ => lines.push(vec![glyph.clone()]),
        }
    }
    lines
}

fn is_cjk(glyph: &Glyph) -> bool {
    glyph
        .text
        .chars()
        .all(|c| c as u32 >= 0x2E80 || "“”‘’—…·".contains(c))
}

/// Whether a page holds nothing but body lines (no title, table, masthead).
fn only_body(page: &Page, area: &Area) -> bool {
    page.glyphs
        .iter()
        .filter(|g| g.y > area.top && g.y < area.bottom)
        .all(|g| (g.size - area.body).abs() < 0.01)
}

/// Whether the first thing in the type area of `page` is not body text
/// (a table, a chart).
fn starts_with_other_than_body(page: &Page, area: &Area) -> bool {
    page.glyphs
        .iter()
        .filter(|g| g.y > area.top && g.y < area.bottom)
        .min_by(|a, b| a.y.total_cmp(&b.y))
        .is_some_and(|g| (g.size - area.body).abs() >= 0.01)
}

fn check_grid(briefing: &Briefing) -> usize {
    check_grid_with("jianbao", briefing)
}

fn check_grid_with(template: &str, briefing: &Briefing) -> usize {
    let style = Style::default_style();
    let area = Area::of(&style);
    let pages = pages(&layout_with(template, briefing, &style));
    let last_body_page = pages
        .iter()
        .rposition(|p| !body_lines(p, &area).is_empty())
        .expect("some body text");
    let mut full_pages = 0;
    let mut outside = Vec::new();
    for (index, page) in pages.iter().enumerate() {
        let number = index + 1;
        let lines = body_lines(page, &area);
        for (i, line) in lines.iter().enumerate() {
            let (_, off) = area.grid_line(line[0].y);
            assert!(
                off < 0.05,
                "page {number}: baseline {} is {off} pt off the grid",
                line[0].y
            );
            let next_line = match lines.get(i + 1) {
                Some(next) => next.first().cloned(),
                None => pages
                    .get(index + 1)
                    .and_then(|next| body_lines(next, &area).first()?.first().cloned()),
            };
            let next_starts_latin =
                next_line.is_some_and(|g| g.text.starts_with(|c: char| c.is_ascii_alphanumeric()));
            check_line(line, &area, number, next_starts_latin);
        }
        // The page before the one the 通报's closing moved to (it keeps the
        // signature with the last lines of the body) ends short by design.
        let before_closing = pages
            .get(index + 1)
            .is_some_and(|next| pages_closing_follows(next, &area));
        let next: String = pages
            .get(index + 1)
            .and_then(|p| body_lines(p, &area).into_iter().next())
            .map(|l| l.iter().map(|g| g.text.clone()).collect())
            .unwrap_or_default();
        // The body's last page, before the attachments, ends where the text
        // does; a heading that would end a page moves to the next one.
        let before_attachment = next.starts_with("附件");
        // A chart or table that does not fit starts the next page.
        let before_figure = pages
            .get(index + 1)
            .is_some_and(|next| starts_with_other_than_body(next, &area));
        if !only_body(page, &area) || index >= last_body_page || before_closing {
            // Not a page of running text.
        } else if before_heading(&next) {
            assert!(lines.len() >= 20, "page {number}: {} lines", lines.len());
        } else if !before_attachment && !before_figure {
            full_pages += 1;
            assert_eq!(
                lines.len(),
                22,
                "page {number}: a full body page has 22 lines; next page starts “{next}”"
            );
            for pair in lines.windows(2) {
                let pitch = pair[1][0].y - pair[0][0].y;
                assert!(
                    (pitch - area.pitch).abs() < 0.01,
                    "page {number}: pitch {pitch}"
                );
            }
        }
        outside.extend(check_outside(page, &area, number));
    }
    assert!(
        outside.is_empty(),
        "outside the type area:\n{}",
        outside.join("\n")
    );
    full_pages
}

/// Whether a line reads as a level-1 or level-2 heading: `一、…`, `（一）…`.
fn before_heading(line: &str) -> bool {
    const NUMERALS: &str = "一二三四五六七八九十";
    let mut chars = line.chars();
    match chars.next() {
        Some('（') => chars.next().is_some_and(|c| NUMERALS.contains(c)),
        Some(c) if NUMERALS.contains(c) => line.chars().take(4).any(|c| c == '、'),
        _ => false,
    }
}

/// Whether "特此通报" is among the first three lines of `page`.
fn pages_closing_follows(page: &Page, area: &Area) -> bool {
    body_lines(page, area).iter().take(3).any(|line| {
        line.iter()
            .map(|g| g.text.as_str())
            .collect::<String>()
            .contains("特此通报")
    })
}

/// Checks one body line. `before_latin`: the next line starts with a Latin
/// run, which this line had no room for; a CJK line is then stretched to
/// the full measure (as Word and LibreOffice do) and leaves its columns.
fn check_line(line: &[Glyph], area: &Area, page: usize, before_latin: bool) {
    let text: String = line.iter().map(|g| g.text.as_str()).collect();
    let inside: Vec<&Glyph> = line.iter().filter(|g| g.x < area.right - 1.0).collect();
    let first = inside.first().expect("a line has glyphs");
    let last = inside.last().expect("a line has glyphs");
    let starts = first.text.chars().next().unwrap_or(' ');
    let ends = last.text.chars().last().unwrap_or(' ');
    assert!(
        !is_closing(starts) || first.x > area.left + 1.0,
        "page {page}: “{text}” starts with {starts}"
    );
    assert!(!is_opening(ends), "page {page}: “{text}” ends with {ends}");
    let all_cjk = inside.iter().all(|g| is_cjk(g));
    // A centred line (a table's caption) is not set on the columns.
    let left_gap = first.x - area.left;
    let right_gap = area.right - (last.x + last.width.min(last.size));
    let centred = left_gap > 2.0 * area.cell + 1.0 && (left_gap - right_gap).abs() < 2.0;
    let stretched = before_latin && (last.x + area.cell - area.right).abs() < 1.0;
    if all_cjk && !centred && !stretched {
        for glyph in &inside {
            let opening = glyph.text.chars().next().is_some_and(is_opening);
            let edge = if opening {
                glyph.x + glyph.width
            } else {
                glyph.x
            };
            let column = (edge - area.left) / area.cell;
            let off = (column - column.round()).abs() * area.cell;
            let tolerance = if opening { area.cell } else { 0.3 };
            assert!(
                off < tolerance,
                "page {page}: “{}” in “{text}” is {off} pt off its column",
                glyph.text
            );
        }
        let right = last.x + area.cell;
        if (right - area.right).abs() < 0.5 {
            let cells = ((right - inside[0].x) / area.cell).round() as usize
                + ((inside[0].x - area.left) / area.cell).round() as usize;
            assert_eq!(cells, 28, "page {page}: a full line of 28 cells: “{text}”");
        }
    }
}

/// How far a glyph's box or a drawing may stray over the type area's edge.
const TOLERANCE_MM: f64 = 0.05;

/// What of `page` (page `number`) lies outside the type area, where
/// nothing may but page numbers and hanging marks: every glyph's box and
/// every drawing (with half its stroke on each side of its outline) lies
/// within the type area, give or take [`TOLERANCE_MM`], with these
/// exceptions:
///
/// - a closing mark hanging in the right margin: its box starts at the
///   type area's right edge and is at most 1 em wide;
/// - the page number, in its size, below the type area and within its width;
/// - a glyph of the body size by the squeeze of the grid more: body text
///   advances by the DOCX's character spacing (−0.25 pt by default) less
///   than its glyphs are wide (16 pt glyphs in 15.79 pt cells, Latin runs
///   tracked alike), so the last glyph of a full line overhangs the right
///   edge, and an opening mark that starts a line (set right-aligned in
///   its cell) the left edge, by up to that much;
/// - a level or upright line (a rule) by half its thickness more: typst
///   centres the rules of tables and grids on the cells' edges and
///   lengthens each by half its thickness at both ends, so the rules of a
///   table across the type area, and those of the end block with its last
///   rule on the bottom edge, straddle the edges.
fn check_outside(page: &Page, area: &Area, number: usize) -> Vec<String> {
    let tolerance = mm_to_pt(TOLERANCE_MM);
    let within = |b: &Bounds, across: f64, down: f64| {
        b.left >= area.left - tolerance - across
            && b.right <= area.right + tolerance + across
            && b.top >= area.top - tolerance - down
            && b.bottom <= area.bottom + tolerance + down
    };
    let mut outside: Vec<String> = Vec::new();
    for glyph in &page.glyphs {
        let b = &glyph.bounds;
        let squeeze = if (glyph.size - area.body).abs() < 0.01 {
            area.squeeze
        } else {
            0.0
        };
        let hanging = glyph.text.chars().all(is_closing)
            && b.left >= area.right - tolerance
            && b.right <= area.right + glyph.size + tolerance
            && b.top >= area.top - tolerance
            && b.bottom <= area.bottom + tolerance;
        let page_number = (glyph.size - area.number_size).abs() < 0.01
            && b.top >= area.bottom
            && b.left >= area.left - tolerance
            && b.right <= area.right + tolerance;
        if !(within(b, squeeze, 0.0) || hanging || page_number) {
            outside.push(format!(
                "page {number}: “{}” ({} pt) at {}",
                glyph.text,
                glyph.size,
                area.describe(b)
            ));
        }
    }
    for drawing in &page.drawings {
        let half = drawing.rule.unwrap_or(0.0) / 2.0;
        if !within(&drawing.bounds, half, half) {
            outside.push(format!(
                "page {number}: a {} at {}",
                drawing.kind,
                area.describe(&drawing.bounds)
            ));
        }
    }
    outside
}

#[test]
fn the_example_month_keeps_the_grid() {
    let full = check_grid(&example_briefing());
    assert!(full >= 3, "the example has full body pages: {full}");
}

#[test]
fn a_long_briefing_keeps_the_grid_on_every_page() {
    let briefing = long_briefing();
    let full = check_grid(&briefing);
    assert!(full >= 8, "a long briefing of ≥ 8 full pages: {full}");
}

#[test]
fn page_numbers_sit_by_parity_below_the_type_area() {
    let style = Style::default_style();
    let area = Area::of(&style);
    let pages = pages(&layout(&long_briefing(), &style));
    let gap = mm_to_pt(style.page.page_number_gap_mm);
    for (index, page) in pages.iter().enumerate().take(pages.len() - 1) {
        let number: Vec<&Glyph> = page
            .glyphs
            .iter()
            .filter(|g| g.y > area.bottom + 1.0)
            .collect();
        let text: String = number.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(
            text.replace(' ', ""),
            format!("—{}—", index + 1),
            "page {}",
            index + 1
        );
        assert!(number.iter().all(|g| (g.size - 14.0).abs() < 0.01));
        // The dashes' tops sit 7 mm below the type area (baseline ≈ top + 0.88 em).
        let top = number[0].y - 0.88 * 14.0;
        assert!(
            (top - (area.bottom + gap)).abs() < 1.5,
            "page {}: top at {top}",
            index + 1
        );
        let left = number.first().unwrap().x;
        let right = number.last().map(|g| g.x + g.width).unwrap();
        let tolerance = mm_to_pt(1.0);
        if (index + 1) % 2 == 1 {
            assert!(
                (right - (area.right - 14.0)).abs() < tolerance,
                "odd page right edge {right}"
            );
        } else {
            assert!(
                (left - (area.left + 14.0)).abs() < tolerance,
                "even page left edge {left}"
            );
        }
    }
}

#[test]
fn the_end_block_sits_on_the_bottom_edge_of_the_last_page() {
    let style = Style::default_style();
    let area = Area::of(&style);
    let pages = pages(&layout(&example_briefing(), &style));
    let last = pages.last().expect("pages");
    let lowest = last.rules.iter().map(|(y, ..)| *y).fold(f64::MIN, f64::max);
    assert!(
        (lowest - area.bottom).abs() < mm_to_pt(1.0),
        "last rule at {lowest}, type area ends at {}",
        area.bottom
    );
    let text: String = last.glyphs.iter().map(|g| g.text.as_str()).collect();
    assert!(text.contains("共印60份"), "{text}");
}

#[test]
fn the_masthead_rule_spans_the_type_area_in_red() {
    let style = Style::default_style();
    let area = Area::of(&style);
    let first = &pages(&layout(&example_briefing(), &style))[0];
    let rule = first
        .rules
        .iter()
        .find(|(.., thickness)| (thickness - style.rule.masthead_pt).abs() < 0.01)
        .expect("a thick rule under the masthead");
    assert!((rule.1 - area.left).abs() < 0.5 && (rule.2 - area.right).abs() < 0.5);
}

#[test]
fn the_tongbao_keeps_the_grid() {
    let full = check_grid_with("tongbao", &long_briefing());
    assert!(full >= 8, "full body pages: {full}");
}

#[test]
fn the_signature_never_stands_alone() {
    let style = Style::default_style();
    let area = Area::of(&style);
    for briefing in [example_briefing(), long_briefing()] {
        let pages = pages(&layout_with("tongbao", &briefing, &style));
        let page = pages
            .iter()
            .find(|p| {
                body_lines(p, &area).iter().any(|l| {
                    l.iter()
                        .map(|g| g.text.as_str())
                        .collect::<String>()
                        .contains("特此通报")
                })
            })
            .expect("a page with the closing");
        let closing = body_lines(page, &area)
            .into_iter()
            .find(|l| {
                l.iter()
                    .map(|g| g.text.as_str())
                    .collect::<String>()
                    .contains("特此通报")
            })
            .expect("the closing line");
        let above = page
            .glyphs
            .iter()
            .any(|g| g.y > area.top && g.y < closing[0].y - 1.0);
        assert!(above, "the closing and signature stand alone on their page");
    }
}

#[test]
fn the_tongbao_head_follows_the_standard() {
    let style = Style::default_style();
    let area = Area::of(&style);
    let briefing = example_briefing();
    let first = &pages(&layout_with("tongbao", &briefing, &style))[0];
    let mm = mm_to_pt(1.0);
    // 发文机关标志: the largest text; its box's top edge 35 mm below the type area's top.
    let mark_size = first.glyphs.iter().map(|g| g.size).fold(0.0, f64::max);
    let mark = first
        .glyphs
        .iter()
        .find(|g| g.size == mark_size)
        .expect("the mark");
    let mark_top = mark.y - 0.88 * mark_size;
    assert!(
        (mark_top - (area.top + 35.0 * mm)).abs() < mm,
        "mark top at {mark_top}"
    );
    // 发文字号 two lines below the mark, then the red rule 4 mm below it.
    let number = first
        .glyphs
        .iter()
        .find(|g| g.text == "〔")
        .expect("the document number");
    let number_top = number.y - 0.88 * number.size;
    let expected = mark_top + mark_size + 2.0 * area.pitch;
    assert!(
        (number_top - expected).abs() < mm,
        "number top {number_top}, expected {expected}"
    );
    let rule = first
        .rules
        .iter()
        .find(|(.., t)| (t - style.rule.masthead_pt).abs() < 0.01)
        .expect("the red rule");
    let number_bottom = number.y + 0.12 * number.size;
    assert!(
        (rule.0 - number_bottom - 4.0 * mm).abs() < mm,
        "rule at {}",
        rule.0
    );
    assert!((rule.1 - area.left).abs() < 0.5 && (rule.2 - area.right).abs() < 0.5);
    // The title two blank lines below the rule.
    let title = first
        .glyphs
        .iter()
        .find(|g| (g.size - style.size.title_pt).abs() < 0.01)
        .expect("the title");
    assert!(
        title.y - rule.0 > 2.0 * area.pitch,
        "title baseline {}",
        title.y
    );
}

#[test]
fn the_tongbao_signature_and_colophon_are_placed() {
    let style = Style::default_style();
    let area = Area::of(&style);
    let pages = pages(&layout_with("tongbao", &example_briefing(), &style));
    let mut signature = None;
    let mut date = None;
    for page in &pages {
        for line in body_lines(page, &area) {
            let text: String = line.iter().map(|g| g.text.as_str()).collect();
            let right = line
                .last()
                .map(|g| g.x + g.width.min(g.size))
                .unwrap_or_default();
            if text == "市生态文明建设领导小组办公室" {
                signature = Some(right);
            } else if text.replace(' ', "") == "2026年11月27日" {
                date = Some(right);
            }
        }
    }
    let signature = signature.expect("a signature line");
    let date = date.expect("a date line");
    assert!(
        (signature - (area.right - 2.0 * area.cell)).abs() < 1.0,
        "signature ends at {signature}"
    );
    assert!(
        (date - (area.right - 4.0 * area.cell)).abs() < 1.0,
        "date ends at {date}"
    );
    let last = pages.last().expect("pages");
    let lowest = last.rules.iter().map(|(y, ..)| *y).fold(f64::MIN, f64::max);
    assert!(
        (lowest - area.bottom).abs() < mm_to_pt(1.0),
        "版记 ends at {lowest}"
    );
    let text: String = last.glyphs.iter().map(|g| g.text.as_str()).collect();
    assert!(text.contains("抄送：") && text.contains("印发"), "{text}");
}

/// The example month with the sample charts among its paragraphs: after
/// the first heading, between two paragraphs, after a table, at the end.
fn briefing_with_charts() -> Briefing {
    let mut briefing = example_briefing();
    let charts = sample_charts();
    let table = briefing
        .body
        .iter()
        .position(|b| matches!(b, Block::Table(_)))
        .expect("the example has a table");
    briefing.body.insert(table + 1, charts[2].clone());
    briefing.body.insert(5, charts[1].clone());
    briefing.body.insert(1, charts[0].clone());
    briefing.body.extend(charts);
    briefing
}

/// Glyphs of charts: the chart text size, or the captions' characters.
fn chart_glyphs<'a>(page: &'a Page, style: &Style) -> impl Iterator<Item = &'a Glyph> + 'a {
    let size = style.size.chart_pt;
    page.glyphs
        .iter()
        .filter(move |g| (g.size - size).abs() < 0.01)
}

#[test]
fn body_lines_after_charts_stay_on_the_grid() {
    let briefing = briefing_with_charts();
    let own = example_briefing().charts().count();
    assert_eq!(briefing.charts().count(), own + 6);
    let full = check_grid(&briefing);
    assert!(full >= 1, "full body pages: {full}");
    check_grid_with("tongbao", &briefing);
    // Each caption's baseline is on a grid line too.
    let style = Style::default_style();
    let area = Area::of(&style);
    let pages = pages(&layout(&briefing, &style));
    let captions: Vec<&Glyph> = pages
        .iter()
        .flat_map(|p| &p.glyphs)
        .filter(|g| g.text == "图" && (g.size - style.size.table_pt).abs() < 0.01)
        .collect();
    assert_eq!(captions.len(), own + 6);
    for glyph in captions {
        let (_, off) = area.grid_line(glyph.y);
        assert!(off < 0.05, "a caption is {off} pt off the grid");
    }
}

#[test]
fn a_chart_never_splits_across_pages() {
    let style = Style::default_style();
    let trends = sample_charts().pop().expect("a trends chart");
    let mut moved = false;
    for n in 0..22 {
        let mut briefing = example_briefing();
        briefing.attachments.clear();
        briefing.body = (0..n)
            .map(|i| Block::paragraph(None, format!("第{i}段。")))
            .chain([trends.clone(), Block::paragraph(None, "图后的一段。")])
            .collect();
        let pages = pages(&layout(&briefing, &style));
        let with_chart: Vec<usize> = pages
            .iter()
            .enumerate()
            .filter(|(_, p)| chart_glyphs(p, &style).next().is_some())
            .map(|(i, _)| i)
            .collect();
        assert_eq!(
            with_chart.len(),
            1,
            "{n} paragraphs before: chart on pages {with_chart:?}"
        );
        let caption_page = pages
            .iter()
            .position(|p| {
                p.glyphs
                    .iter()
                    .any(|g| g.text == "势" && (g.size - style.size.table_pt).abs() < 0.01)
            })
            .expect("the caption");
        assert_eq!(
            caption_page, with_chart[0],
            "{n} paragraphs before: caption apart"
        );
        moved |= with_chart[0] > 0;
    }
    assert!(moved, "the chart never had to move to the next page");
}
