//! Reading a speech saved as a Word document (`.docx`): its paragraphs in
//! order, as the text a clerk would see, one paragraph a line.
//!
//! What Word shows is what is read: paragraphs in the body, in tables and
//! in content controls; the text of hyperlinks, insertions and field
//! results; automatic numbering (一、（一）1.) rebuilt in front of its
//! paragraph from `word/numbering.xml`. What Word does not show is left
//! out: deleted and moved-away revisions, field codes, and the fallback
//! copy of each text box (Word and WPS write every text box twice). The
//! text then goes to the same parser as a `.txt` speech.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use roxmltree::{Document, Node};

/// The WordprocessingML main namespace.
const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// The markup-compatibility namespace (`mc:AlternateContent`).
const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";
/// The package relationships namespace.
const RELATIONSHIPS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
/// The relationship type of the main document part.
const OFFICE_DOCUMENT: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";

/// The largest part read, uncompressed: a speech is a few hundred
/// kilobytes; a larger part is a compressed bomb or not a speech.
const MAX_PART: u64 = 64 * 1024 * 1024;

/// Why a `.docx` could not be read, in the clerk's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocxError(pub String);

/// The text of the Word document in `bytes`: its paragraphs, one a line.
pub fn text(bytes: &[u8]) -> Result<String, DocxError> {
    // A reader crate must never take jianbao down with it.
    std::panic::catch_unwind(|| read(bytes))
        .unwrap_or_else(|_| Err(DocxError("文件结构异常，无法解析".to_string())))
}

fn read(bytes: &[u8]) -> Result<String, DocxError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|err| DocxError(format!("不是完整的 .docx 压缩包（{err}）")))?;
    let main = main_part(&mut archive)?;
    let document = part(&mut archive, &main)?
        .ok_or_else(|| DocxError(format!("压缩包里没有正文部件 {main}")))?;
    let folder = main.rsplit_once('/').map_or("", |(folder, _)| folder);
    let in_folder = |name: &str| {
        if folder.is_empty() {
            name.to_string()
        } else {
            format!("{folder}/{name}")
        }
    };
    let numbering_xml = part(&mut archive, &in_folder("numbering.xml"))?;
    let styles_xml = part(&mut archive, &in_folder("styles.xml"))?;
    let numbering = match &numbering_xml {
        Some(xml) => Numbering::new(&parse(xml)?),
        None => Numbering::default(),
    };
    let styles = match &styles_xml {
        Some(xml) => StyleNumbers::new(&parse(xml)?),
        None => StyleNumbers::default(),
    };
    let document = parse(&document)?;
    let body = document
        .root_element()
        .children()
        .find(|n| is_w(*n, "body"))
        .ok_or_else(|| DocxError("正文部件里没有 w:body".to_string()))?;
    let mut reader = Reader {
        numbering,
        styles,
        counters: HashMap::new(),
        lines: Vec::new(),
    };
    reader.blocks(body);
    Ok(reader.lines.join("\n"))
}

/// `xml` parsed, or why not.
fn parse(xml: &str) -> Result<Document<'_>, DocxError> {
    Document::parse(xml).map_err(|err| DocxError(format!("XML 有错（{err}）")))
}

/// The main document part's name, from the package relationships
/// (`word/document.xml` unless the package says otherwise).
fn main_part(archive: &mut zip::ZipArchive<Cursor<&[u8]>>) -> Result<String, DocxError> {
    let Some(rels) = part(archive, "_rels/.rels")? else {
        return Ok("word/document.xml".to_string());
    };
    let rels = parse(&rels)?;
    let target = rels
        .descendants()
        .filter(|n| n.tag_name().namespace() == Some(RELATIONSHIPS))
        .find(|n| n.attribute("Type") == Some(OFFICE_DOCUMENT))
        .and_then(|n| n.attribute("Target"))
        .ok_or_else(|| {
            DocxError("这不是 Word 文档：压缩包里没有正文（word/document.xml）".to_string())
        })?;
    Ok(target.trim_start_matches('/').to_string())
}

/// A part of the package as text; `None` when it is not there.
fn part(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, DocxError> {
    let file = match archive.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(err) => return Err(DocxError(format!("无法读取 {name}（{err}）"))),
    };
    let mut text = String::new();
    file.take(MAX_PART)
        .read_to_string(&mut text)
        .map_err(|err| DocxError(format!("无法读取 {name}（{err}）")))?;
    Ok(Some(text))
}

/// Whether `node` is the WordprocessingML element `name`.
fn is_w(node: Node, name: &str) -> bool {
    node.is_element() && node.tag_name().namespace() == Some(W) && node.tag_name().name() == name
}

/// A `w:val`-style attribute in the main namespace.
fn w_attr<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attribute((W, name))
}

/// The walk over the body, collecting lines.
struct Reader {
    numbering: Numbering,
    styles: StyleNumbers,
    /// Counters of each list (by `numId`), one per level.
    counters: HashMap<String, [u32; 9]>,
    /// The paragraphs read so far.
    lines: Vec<String>,
}

impl Reader {
    /// Reads the paragraphs among the descendants of `node`, in order.
    fn blocks(&mut self, node: Node) {
        for child in node.children().filter(Node::is_element) {
            if is_w(child, "p") {
                self.paragraph(child);
            } else if !skipped(child) {
                self.blocks(child);
            }
        }
    }

    /// One paragraph: its number, its text; then the paragraphs of the
    /// text boxes anchored in it.
    fn paragraph(&mut self, paragraph: Node) {
        let mut text = self.number(paragraph);
        let mut boxes = Vec::new();
        collect_text(paragraph, &mut text, &mut boxes);
        self.lines.push(text);
        for text_box in boxes {
            self.blocks(text_box);
        }
    }

    /// The automatic number of `paragraph`, as Word prints it; "" for none.
    fn number(&mut self, paragraph: Node) -> String {
        let properties = paragraph.children().find(|n| is_w(*n, "pPr"));
        let direct = properties.and_then(|p| p.children().find(|n| is_w(*n, "numPr")));
        let style = properties
            .and_then(|p| p.children().find(|n| is_w(*n, "pStyle")))
            .and_then(|s| w_attr(s, "val"));
        let (num_id, level) = match direct {
            Some(numbering) => {
                let value = |name| {
                    numbering
                        .children()
                        .find(|n| is_w(*n, name))
                        .and_then(|n| w_attr(n, "val"))
                };
                let from_style = style.and_then(|s| self.styles.numbering(s));
                let num_id = value("numId")
                    .map(str::to_string)
                    .or_else(|| from_style.clone().map(|(id, _)| id));
                let level = value("ilvl")
                    .and_then(|l| l.parse().ok())
                    .or(from_style.map(|(_, level)| level));
                (num_id, level.unwrap_or(0))
            }
            None => match style.and_then(|s| self.styles.numbering(s)) {
                Some((num_id, level)) => (Some(num_id), level),
                None => (None, 0),
            },
        };
        let Some(num_id) = num_id.filter(|id| id != "0") else {
            return String::new();
        };
        let Some(levels) = self.numbering.levels(&num_id) else {
            return String::new();
        };
        let level = level.min(8);
        let counters = self.counters.entry(num_id.clone()).or_insert_with(|| {
            let mut start = [0; 9];
            for (i, slot) in start.iter_mut().enumerate() {
                *slot = levels.get(i).map_or(1, |l| l.start).saturating_sub(1);
            }
            start
        });
        counters[level] += 1;
        for (deeper, counter) in counters.iter_mut().enumerate().skip(level + 1) {
            *counter = levels.get(deeper).map_or(1, |l| l.start).saturating_sub(1);
        }
        let Some(this) = levels.get(level) else {
            return String::new();
        };
        if this.format == "bullet" || this.format == "none" {
            return String::new();
        }
        let mut text = this.text.clone();
        for (i, counter) in counters.iter().enumerate().take(level + 1).rev() {
            let format = levels.get(i).map_or("decimal", |l| l.format.as_str());
            text = text.replace(&format!("%{}", i + 1), &format_number(*counter, format));
        }
        if text.chars().last().is_some_and(char::is_alphanumeric) {
            text.push(' ');
        }
        text
    }
}

/// Subtrees Word does not show as text: deleted or moved-away revisions,
/// field codes, the fallback copy of alternate content, and properties.
fn skipped(node: Node) -> bool {
    let name = node.tag_name().name();
    match node.tag_name().namespace() {
        Some(W) => matches!(
            name,
            "del" | "moveFrom" | "delText" | "instrText" | "delInstrText" | "pPr" | "rPr" | "sdtPr"
        ),
        Some(MC) => name == "Fallback",
        _ => false,
    }
}

/// Appends the text of the runs below `node` to `text`; text boxes found
/// on the way are left for later (in `boxes`).
fn collect_text<'a, 'i>(node: Node<'a, 'i>, text: &mut String, boxes: &mut Vec<Node<'a, 'i>>) {
    for child in node.children().filter(Node::is_element) {
        if skipped(child) {
            continue;
        }
        if is_w(child, "txbxContent") {
            boxes.push(child);
            continue;
        }
        match (child.tag_name().namespace(), child.tag_name().name()) {
            (Some(W), "t") => text.push_str(child.text().unwrap_or_default()),
            (Some(W), "tab" | "ptab") => text.push('\t'),
            (Some(W), "br" | "cr") => text.push('\n'),
            (Some(W), "noBreakHyphen") => text.push('-'),
            _ => collect_text(child, text, boxes),
        }
    }
}

/// One level of a list: its start, number format and text (`%1、`).
#[derive(Debug, Clone)]
struct Level {
    start: u32,
    format: String,
    text: String,
}

/// `word/numbering.xml`: the levels of each list, by `numId`.
#[derive(Debug, Default)]
struct Numbering {
    lists: HashMap<String, Vec<Level>>,
}

impl Numbering {
    fn new(xml: &Document) -> Self {
        let root = xml.root_element();
        let abstracts: HashMap<&str, Vec<Level>> = root
            .children()
            .filter(|n| is_w(*n, "abstractNum"))
            .filter_map(|n| Some((w_attr(n, "abstractNumId")?, levels(n))))
            .collect();
        let lists = root
            .children()
            .filter(|n| is_w(*n, "num"))
            .filter_map(|num| {
                let id = w_attr(num, "numId")?;
                let abstract_id = num
                    .children()
                    .find(|n| is_w(*n, "abstractNumId"))
                    .and_then(|n| w_attr(n, "val"))?;
                let mut list = abstracts.get(abstract_id)?.clone();
                for level_override in num.children().filter(|n| is_w(*n, "lvlOverride")) {
                    let index: usize = w_attr(level_override, "ilvl")?.parse().ok()?;
                    let start = level_override
                        .children()
                        .find(|n| is_w(*n, "startOverride"))
                        .and_then(|n| w_attr(n, "val"))
                        .and_then(|v| v.parse().ok());
                    if let (Some(level), Some(start)) = (list.get_mut(index), start) {
                        level.start = start;
                    }
                }
                Some((id.to_string(), list))
            })
            .collect();
        Numbering { lists }
    }

    fn levels(&self, num_id: &str) -> Option<&Vec<Level>> {
        self.lists.get(num_id)
    }
}

/// The levels of an abstract list, in order of `w:ilvl`.
fn levels(abstract_num: Node) -> Vec<Level> {
    let mut levels: Vec<(usize, Level)> = abstract_num
        .children()
        .filter(|n| is_w(*n, "lvl"))
        .filter_map(|lvl| {
            let index = w_attr(lvl, "ilvl")?.parse().ok()?;
            let value = |name| {
                lvl.children()
                    .find(|n| is_w(*n, name))
                    .and_then(|n| w_attr(n, "val"))
            };
            Some((
                index,
                Level {
                    start: value("start").and_then(|s| s.parse().ok()).unwrap_or(1),
                    format: value("numFmt").unwrap_or("decimal").to_string(),
                    text: value("lvlText").unwrap_or_default().to_string(),
                },
            ))
        })
        .collect();
    levels.sort_by_key(|(index, _)| *index);
    let mut dense = Vec::new();
    for (index, level) in levels {
        while dense.len() < index {
            dense.push(Level {
                start: 1,
                format: "decimal".to_string(),
                text: String::new(),
            });
        }
        dense.push(level);
    }
    dense
}

/// A list and a level in it: `numId` and `ilvl`.
type ListLevel = (String, usize);

/// The list each paragraph style numbers its paragraphs with (headings
/// often do), following `w:basedOn`.
#[derive(Debug, Default)]
struct StyleNumbers {
    /// Style id → (its own numbering, the style it is based on).
    styles: HashMap<String, (Option<ListLevel>, Option<String>)>,
}

impl StyleNumbers {
    fn new(xml: &Document) -> Self {
        let styles = xml
            .root_element()
            .children()
            .filter(|n| is_w(*n, "style"))
            .filter_map(|style| {
                let id = w_attr(style, "styleId")?.to_string();
                let child = |name| style.children().find(|n| is_w(*n, name));
                let numbering = child("pPr")
                    .and_then(|p| p.children().find(|n| is_w(*n, "numPr")))
                    .and_then(|num| {
                        let value = |name| {
                            num.children()
                                .find(|n| is_w(*n, name))
                                .and_then(|n| w_attr(n, "val"))
                        };
                        let level = value("ilvl").and_then(|l| l.parse().ok()).unwrap_or(0);
                        Some((value("numId")?.to_string(), level))
                    });
                let based_on = child("basedOn")
                    .and_then(|b| w_attr(b, "val"))
                    .map(str::to_string);
                Some((id, (numbering, based_on)))
            })
            .collect();
        StyleNumbers { styles }
    }

    /// The numbering of paragraphs in style `id`, if it or a style it is
    /// based on has one.
    fn numbering(&self, id: &str) -> Option<ListLevel> {
        let mut current = id;
        for _ in 0..16 {
            let (numbering, based_on) = self.styles.get(current)?;
            if let Some(numbering) = numbering {
                return Some(numbering.clone());
            }
            current = based_on.as_deref()?;
        }
        None
    }
}

/// `n` in the number format `format` of ECMA-376 (`ST_NumberFormat`), for
/// the formats Chinese documents use; others as decimal.
fn format_number(n: u32, format: &str) -> String {
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "ideographTraditional"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand" => chinese(n, false),
        "chineseLegalSimplified" => chinese(n, true),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|c| char::from_u32(u32::from(c) + 0xFEE0).unwrap_or(c))
            .collect(),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32(0x2460 + n - 1).map_or_else(|| n.to_string(), String::from)
        }
        "lowerLetter" | "upperLetter" if n >= 1 => {
            let letter = char::from(b'a' + u8::try_from((n - 1) % 26).unwrap_or(0));
            let letter = letter.to_string().repeat(((n - 1) / 26 + 1) as usize);
            if format == "upperLetter" {
                letter.to_uppercase()
            } else {
                letter
            }
        }
        "lowerRoman" | "upperRoman" => {
            let roman = roman(n);
            if format == "lowerRoman" {
                roman.to_lowercase()
            } else {
                roman
            }
        }
        _ => n.to_string(),
    }
}

/// A Chinese numeral as numbered lists print it: 一 … 十, 十一, 二十一,
/// 一百零一; in the financial digits (壹贰叁) when `legal`.
fn chinese(n: u32, legal: bool) -> String {
    let digits: [char; 10] = if legal {
        ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖']
    } else {
        ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']
    };
    let (ten, hundred, thousand) = if legal {
        ('拾', '佰', '仟')
    } else {
        ('十', '百', '千')
    };
    if n == 0 || n >= 10_000 {
        return n.to_string();
    }
    let digit = |d: u32| digits[d as usize];
    let places = [(1000, thousand), (100, hundred), (10, ten)];
    let mut out = String::new();
    let mut rest = n;
    let mut zero = false;
    for (value, unit) in places {
        let d = rest / value;
        rest %= value;
        if d == 0 {
            zero = !out.is_empty();
            continue;
        }
        if zero {
            out.push(digits[0]);
            zero = false;
        }
        // 十一, not 一十一, when ten is the highest place (unless legal).
        if !(value == 10 && d == 1 && out.is_empty() && !legal) {
            out.push(digit(d));
        }
        out.push(unit);
    }
    if rest > 0 {
        if zero {
            out.push(digits[0]);
        }
        out.push(digit(rest));
    }
    out
}

/// `n` in Roman numerals (1–3999; others in digits).
fn roman(n: u32) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut rest = n;
    let mut out = String::new();
    for (value, letters) in TABLE {
        while rest >= value {
            out.push_str(letters);
            rest -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    const NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
                      xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"";

    /// A .docx holding `body` and, when given, `numbering`.
    fn docx(body: &str, numbering: Option<&str>) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        let mut add = |name: &str, text: &str| {
            zip.start_file(name, options).unwrap();
            zip.write_all(text.as_bytes()).unwrap();
        };
        add(
            "word/document.xml",
            &format!("<w:document {NS}><w:body>{body}</w:body></w:document>"),
        );
        if let Some(numbering) = numbering {
            add(
                "word/numbering.xml",
                &format!("<w:numbering {NS}>{numbering}</w:numbering>"),
            );
        }
        zip.finish().unwrap().into_inner()
    }

    fn p(runs: &str) -> String {
        format!("<w:p>{runs}</w:p>")
    }

    fn r(text: &str) -> String {
        format!("<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>")
    }

    #[test]
    fn what_word_shows_is_read_and_nothing_else() {
        let body = [
            p(&format!("{}<w:hyperlink>{}</w:hyperlink>", r("讲话"), r("全文"))),
            p(&format!(
                "<w:del><w:r><w:delText>删去的</w:delText></w:r></w:del><w:ins>{}</w:ins>{}",
                r("插入的"),
                r("保留")
            )),
            p(&format!(
                "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>\
                 <w:r><w:instrText>PAGE</w:instrText></w:r>\
                 <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>{}",
                r("3")
            )),
            format!("<w:tbl><w:tr><w:tc>{}</w:tc></w:tr></w:tbl>", p(&r("表格里"))),
            format!("<w:sdt><w:sdtPr><w:alias w:val=\"x\"/></w:sdtPr><w:sdtContent>{}</w:sdtContent></w:sdt>", p(&r("控件里"))),
            p(&format!(
                "{}<w:r><mc:AlternateContent><mc:Choice><w:txbxContent>{}</w:txbxContent></mc:Choice>\
                 <mc:Fallback><w:txbxContent>{}</w:txbxContent></mc:Fallback></mc:AlternateContent></w:r>",
                r("框外"),
                p(&r("框里")),
                p(&r("框里"))
            )),
            p(""),
        ]
        .concat();
        assert_eq!(
            text(&docx(&body, None)).unwrap(),
            "讲话全文\n插入的保留\n3\n表格里\n控件里\n框外\n框里\n"
        );
    }

    #[test]
    fn automatic_numbering_is_written_out() {
        let numbering = "<w:abstractNum w:abstractNumId=\"0\">\
            <w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/></w:lvl>\
            <w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"（%2）\"/></w:lvl>\
            <w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%3.\"/></w:lvl>\
            </w:abstractNum><w:num w:numId=\"5\"><w:abstractNumId w:val=\"0\"/></w:num>";
        let numbered = |level: u8, text: &str| {
            format!(
                "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"5\"/></w:numPr></w:pPr>{}</w:p>",
                r(text)
            )
        };
        let body = [
            numbered(0, "甲"),
            numbered(1, "乙"),
            numbered(1, "丙"),
            numbered(2, "丁"),
            numbered(0, "戊"),
            numbered(1, "己"),
        ]
        .concat();
        assert_eq!(
            text(&docx(&body, Some(numbering))).unwrap(),
            "一、甲\n（一）乙\n（二）丙\n1.丁\n二、戊\n（一）己"
        );
    }

    #[test]
    fn chinese_numerals() {
        let cases = [
            (1, "一"),
            (10, "十"),
            (11, "十一"),
            (20, "二十"),
            (21, "二十一"),
            (101, "一百零一"),
            (110, "一百一十"),
        ];
        for (n, expected) in cases {
            assert_eq!(chinese(n, false), expected, "{n}");
        }
        assert_eq!(chinese(12, true), "壹拾贰");
        assert_eq!(format_number(3, "decimalFullWidth"), "３");
        assert_eq!(format_number(4, "upperRoman"), "IV");
    }

    #[test]
    fn mutated_documents_never_panic_the_reader() {
        let original = docx(
            &[p(&r("一、总体要求")), p(&r("同志们"))].concat(),
            Some("<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"/></w:abstractNum>"),
        );
        // A fixed sequence from a linear congruential generator.
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..2000 {
            let mut bytes = original.clone();
            for _ in 0..1 + state % 4 {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1);
                let at = usize::try_from(state >> 33).unwrap() % bytes.len();
                bytes[at] = (state >> 17) as u8;
            }
            // `read`, not `text`: a panic here is ours to fix, not to catch.
            let _ = read(&bytes);
        }
    }

    #[test]
    fn broken_files_are_refused_not_panicked_on() {
        assert!(text(b"PK\x03\x04 not really a zip").is_err());
        assert!(text(&docx("<w:p>", None)).is_err());
        let no_body = {
            let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
            zip.start_file("xl/workbook.xml", zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.finish().unwrap().into_inner()
        };
        assert!(text(&no_body).is_err());
    }
}
