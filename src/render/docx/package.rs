//! Packaging: the XML that docx-rs has no API for, patched into its parts,
//! then a zip that is the same byte for byte on every run.
//!
//! Patches (each looks for a fixed piece of docx-rs's output and fails with
//! an internal error if docx-rs changes it):
//! - `docProps/core.xml` is written here: docx-rs has no title;
//! - `word/fontTable.xml` lists the style's faces with substitutes;
//! - `word/styles.xml` gets the text colour, `w:lang`, widow control and
//!   automatic Han–Latin spacing off in the document defaults;
//! - `word/document.xml` gets `w:tblHeader` on each table's first row
//!   (not on the floating end block);
//! - a theme part (`word/theme/theme1.xml`), which Word expects;
//! - every part is put in schema order last ([`schema_order`]);
//! - `word/settings.xml` loses `w:balanceSingleByteDoubleByteWidth`, which
//!   would make Word widen Latin letters and digits and break lines
//!   differently from the PDF, and gains `w:characterSpacingControl`;
//! - paragraph ids (`w14:paraId`), which docx-rs draws from a per-thread
//!   counter, are numbered afresh so that two documents built in one process
//!   are identical;
//! - pictures (`wp:docPr`), all `id="1"` from docx-rs, are numbered (Word
//!   wants the ids unique) and carry their chart's caption as alternative
//!   text. Their relationship ids and media files are named by the chart
//!   writer, not by docx-rs's process-wide counter.
//!
//! The zip is written here rather than by docx-rs's `pack`: its entries would
//! carry the current time as soon as any crate in the build enabled the zip
//! crate's `time` feature.

use std::io::{Cursor, Write};

use docx_rs::XMLDocx;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::fonts::font_table_xml;
use super::schema_order;
use super::units::Metrics;
use crate::briefing::DocumentInfo;
use crate::diagnostic::Diagnostic;
use crate::style::Style;

/// Escapes text for XML content and attribute values.
pub(super) fn escape_xml(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            // XML 1.0 cannot carry these at all, escaped or not.
            '\u{0}'..='\u{8}'
            | '\u{B}'
            | '\u{C}'
            | '\u{E}'..='\u{1F}'
            | '\u{FFFE}'
            | '\u{FFFF}' => {}
            _ => escaped.push(c),
        }
    }
    escaped
}

/// Patches the parts and zips them.
pub(super) fn package(
    mut xml: XMLDocx,
    info: &DocumentInfo,
    captions: &[&str],
    style: &Style,
    metrics: &Metrics,
) -> Result<Vec<u8>, Diagnostic> {
    xml.doc_props.core = core_xml(info)?.into_bytes();
    xml.font_table = font_table_xml(style).into_bytes();
    xml.styles = doc_defaults(&text(&xml.styles)?, info, metrics)?.into_bytes();
    xml.settings = settings(&text(&xml.settings)?)?.into_bytes();
    let document = describe_pictures(&mark_header_rows(&text(&xml.document)?), captions)?;
    let mut ids = ParagraphIds::default();
    xml.document = ids.renumber(&document).into_bytes();
    for part in xml.headers.iter_mut().chain(xml.footers.iter_mut()) {
        *part = ids.renumber(&text(part)?).into_bytes();
    }
    xml.document_rels = with_theme_relationship(&text(&xml.document_rels)?)?.into_bytes();
    xml.content_type = with_theme_content_type(&text(&xml.content_type)?)?.into_bytes();
    let parts = [
        &mut xml.document,
        &mut xml.styles,
        &mut xml.settings,
        &mut xml.numberings,
        &mut xml.footnotes,
        &mut xml.comments,
    ];
    for part in parts
        .into_iter()
        .chain(&mut xml.headers)
        .chain(&mut xml.footers)
    {
        *part = schema_order::in_schema_order(&text(part)?)
            .map_err(|err| internal(&format!("docx-rs 输出的 XML 无法解析：{err}")))?
            .into_bytes();
    }
    zip_parts(xml).map_err(|err| internal(&format!("打包失败：{err}")))
}

/// The theme part: Word expects one (the schema's document part requires
/// its relationship); its fonts name the official faces.
const THEME: &str = include_str!("theme.xml");

/// Where the theme part lives in the package.
const THEME_PART: &str = "word/theme/theme1.xml";

/// The document's relationships with the theme's added.
fn with_theme_relationship(rels: &str) -> Result<String, Diagnostic> {
    const CLOSE: &str = "</Relationships>";
    insert_at(
        rels,
        CLOSE,
        0,
        "<Relationship Id=\"rIdTheme1\" \
         Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme\" \
         Target=\"theme/theme1.xml\" />",
    )
}

/// The content types with the theme's added.
fn with_theme_content_type(types: &str) -> Result<String, Diagnostic> {
    const CLOSE: &str = "</Types>";
    insert_at(
        types,
        CLOSE,
        0,
        &format!(
            "<Override PartName=\"/{THEME_PART}\" \
             ContentType=\"application/vnd.openxmlformats-officedocument.theme+xml\" />"
        ),
    )
}

/// A part as text.
fn text(part: &[u8]) -> Result<String, Diagnostic> {
    String::from_utf8(part.to_vec()).map_err(|_| internal("docx-rs 输出了非 UTF-8 的 XML"))
}

/// An error of this writer, not of the user's input.
pub(super) fn internal(what: &str) -> Diagnostic {
    Diagnostic::error(format!("生成 DOCX 时出现内部错误：{what}"))
        .with_help("请把这条消息和所用的输入文件报告给 jianbao 的维护者")
}

/// `docProps/core.xml`: title, author, language and the briefing's date as
/// both creation and modification time (never the clock).
fn core_xml(info: &DocumentInfo) -> Result<String, Diagnostic> {
    let [year, month, day] = info.date;
    if !(1..=9999).contains(&year) || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return Err(internal(&format!("文档日期 {year}-{month}-{day} 无效")));
    }
    let date = format!("{year:04}-{month:02}-{day:02}T00:00:00Z");
    let title = escape_xml(&info.title);
    let author = escape_xml(&info.author);
    let language = escape_xml(&info.language);
    Ok(format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <cp:coreProperties \
         xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
         xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{title}</dc:title>\
         <dc:creator>{author}</dc:creator>\
         <cp:lastModifiedBy>{author}</cp:lastModifiedBy>\
         <cp:revision>1</cp:revision>\
         <dcterms:created xsi:type=\"dcterms:W3CDTF\">{date}</dcterms:created>\
         <dcterms:modified xsi:type=\"dcterms:W3CDTF\">{date}</dcterms:modified>\
         <dc:language>{language}</dc:language>\
         </cp:coreProperties>"
    ))
}

/// Completes the document defaults. Runs get the text colour and the
/// languages (Latin `en-US`, East Asian from the document), which let Word
/// and LibreOffice apply Chinese line-breaking rules. Paragraphs get widow
/// control off (the grid must fill every page) and the automatic space
/// between Han characters and letters or digits off (`w:autoSpaceDE/DN`):
/// Word's amount is undocumented and LibreOffice's differs, so the PDF sets
/// none and the DOCX asks for none (LibreOffice ignores the switch; see the
/// README). `w:overflowPunct` is left out on purpose: omitted, Word (ISO
/// 29500 §17.3.1.21, default true) and LibreOffice (which reads an explicit
/// value inverted) both hang a closing mark past the right edge, as the PDF
/// does.
fn doc_defaults(
    styles: &str,
    info: &DocumentInfo,
    metrics: &Metrics,
) -> Result<String, Diagnostic> {
    let run = format!(
        "<w:color w:val=\"{}\" /><w:lang w:val=\"en-US\" w:eastAsia=\"{}\" />",
        metrics.text_color,
        escape_xml(&info.language)
    );
    let styles = insert_at(styles, "</w:rPr></w:rPrDefault>", 0, &run)?;
    const PARAGRAPH: &str = "<w:pPrDefault><w:pPr>";
    insert_at(
        &styles,
        PARAGRAPH,
        PARAGRAPH.len(),
        "<w:widowControl w:val=\"0\" /><w:autoSpaceDE w:val=\"0\" /><w:autoSpaceDN w:val=\"0\" />",
    )
}

/// The settings without `w:balanceSingleByteDoubleByteWidth`, and with
/// punctuation compression off (`w:characterSpacingControl doNotCompress`,
/// in its schema place before `w:compat`): Chinese templates often compress
/// punctuation, which would put more characters on a line than the grid.
fn settings(xml: &str) -> Result<String, Diagnostic> {
    const COMPAT: &str = "<w:compat>";
    let xml = xml.replace("<w:balanceSingleByteDoubleByteWidth />", "");
    insert_at(
        &xml,
        COMPAT,
        0,
        "<w:characterSpacingControl w:val=\"doNotCompress\" />",
    )
}

/// `xml` with `insertion` at `offset` bytes from the start of the first
/// `anchor`.
fn insert_at(
    xml: &str,
    anchor: &str,
    offset: usize,
    insertion: &str,
) -> Result<String, Diagnostic> {
    let position = xml
        .find(anchor)
        .map(|start| start + offset)
        .ok_or_else(|| internal(&format!("docx-rs 的输出中找不到 {anchor}")))?;
    let mut patched = String::with_capacity(xml.len() + insertion.len());
    patched.push_str(&xml[..position]);
    patched.push_str(insertion);
    patched.push_str(&xml[position..]);
    Ok(patched)
}

/// Marks the first row of every table that is not floating as a header row
/// repeated on each page.
fn mark_header_rows(document: &str) -> String {
    const OPEN: &str = "<w:tbl>";
    const CLOSE: &str = "</w:tbl>";
    let mut out = String::with_capacity(document.len() + 256);
    let mut rest = document;
    while let Some(start) = rest.find(OPEN) {
        let (before, table) = rest.split_at(start);
        out.push_str(before);
        let end = table.find(CLOSE).map_or(table.len(), |i| i + CLOSE.len());
        out.push_str(&mark_first_row(&table[..end]));
        rest = &table[end..];
    }
    out.push_str(rest);
    out
}

/// One table with `w:tblHeader` in its first row's properties.
fn mark_first_row(table: &str) -> String {
    const ROW_PROPERTIES: &str = "<w:trPr>";
    match table.find(ROW_PROPERTIES) {
        Some(position) if !table.contains("<w:tblpPr") => {
            let at = position + ROW_PROPERTIES.len();
            format!("{}<w:tblHeader />{}", &table[..at], &table[at..])
        }
        _ => table.to_string(),
    }
}

/// Numbers the pictures of `document` from 1 and names each after its
/// chart: `captions` in the order of the pictures, one per picture.
fn describe_pictures(document: &str, captions: &[&str]) -> Result<String, Diagnostic> {
    const DOC_PR: &str = "<wp:docPr id=\"1\" name=\"Figure\" />";
    let mut out = String::with_capacity(document.len() + 128 * captions.len());
    let mut rest = document;
    let mut pictures = captions.iter();
    let mut number = 0;
    while let Some(start) = rest.find(DOC_PR) {
        let caption = pictures.next().ok_or_else(|| internal("图片多于图表"))?;
        number += 1;
        out.push_str(&rest[..start]);
        out.push_str(&format!(
            "<wp:docPr id=\"{number}\" name=\"图表{number}\" descr=\"{}\" />",
            escape_xml(caption)
        ));
        rest = &rest[start + DOC_PR.len()..];
    }
    if pictures.next().is_some() {
        return Err(internal(&format!(
            "docx-rs 的输出中只找到 {number} 幅图片，少于 {} 幅图表",
            captions.len()
        )));
    }
    out.push_str(rest);
    Ok(out)
}

/// Paragraph ids in order of appearance, unique across the parts.
#[derive(Default)]
struct ParagraphIds {
    /// The last id given.
    last: u32,
}

impl ParagraphIds {
    /// `part` with every `w14:paraId` replaced by the next id.
    fn renumber(&mut self, part: &str) -> String {
        const ATTRIBUTE: &str = "w14:paraId=\"";
        let mut out = String::with_capacity(part.len());
        let mut rest = part;
        while let Some(start) = rest.find(ATTRIBUTE) {
            let value = start + ATTRIBUTE.len();
            out.push_str(&rest[..value]);
            let Some(length) = rest[value..].find('"') else {
                break;
            };
            self.last += 1;
            out.push_str(&format!("{:08X}", self.last));
            rest = &rest[value + length..];
        }
        out.push_str(rest);
        out
    }
}

/// The parts as a zip with fixed times, in docx-rs's order.
fn zip_parts(xml: XMLDocx) -> zip::result::ZipResult<Vec<u8>> {
    let mut parts: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".into(), xml.content_type),
        ("_rels/.rels".into(), xml.rels),
        ("docProps/app.xml".into(), xml.doc_props.app),
        ("docProps/core.xml".into(), xml.doc_props.core),
        ("docProps/custom.xml".into(), xml.doc_props.custom),
        ("word/_rels/document.xml.rels".into(), xml.document_rels),
        ("word/document.xml".into(), xml.document),
        ("word/styles.xml".into(), xml.styles),
        ("word/settings.xml".into(), xml.settings),
        ("word/fontTable.xml".into(), xml.font_table),
        ("word/comments.xml".into(), xml.comments),
        ("word/numbering.xml".into(), xml.numberings),
        ("word/commentsExtended.xml".into(), xml.comments_extended),
        ("word/footnotes.xml".into(), xml.footnotes),
        (THEME_PART.into(), THEME.as_bytes().to_vec()),
    ];
    numbered_parts(&mut parts, "header", xml.headers, xml.header_rels);
    numbered_parts(&mut parts, "footer", xml.footers, xml.footer_rels);
    parts.extend(
        xml.media
            .into_iter()
            .map(|(id, bytes)| (format!("word/media/{id}.png"), bytes)),
    );
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::DEFAULT)
        .unix_permissions(0o644);
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        writer.start_file(name, options)?;
        writer.write_all(&bytes)?;
    }
    Ok(writer.finish()?.into_inner())
}

/// `word/header1.xml` … with their relationship parts, where present.
fn numbered_parts(
    parts: &mut Vec<(String, Vec<u8>)>,
    kind: &str,
    contents: Vec<Vec<u8>>,
    rels: Vec<Vec<u8>>,
) {
    let mut rels = rels.into_iter();
    for (index, content) in contents.into_iter().enumerate() {
        let number = index + 1;
        parts.push((format!("word/{kind}{number}.xml"), content));
        if let Some(rel) = rels.next() {
            parts.push((format!("word/_rels/{kind}{number}.xml.rels"), rel));
        }
    }
}
