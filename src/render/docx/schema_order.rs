//! WordprocessingML in the order its schema requires.
//!
//! docx-rs writes the children of properties elements in an order of its
//! own (`w:rPr` before `w:pStyle` in a paragraph's properties, `w:rFonts`
//! after `w:sz` in a run's, `w:zoom` after `w:defaultTabStop` in the
//! settings …). LibreOffice reads them anyway; Word may drop what stands
//! out of sequence — a run's font among it — or ask to repair the file.
//! Every part passes through [`in_schema_order`] before it is zipped: the
//! children of each element whose content model is a sequence are sorted
//! into the sequence of ECMA-376 (transitional), Part 1, and the few
//! things docx-rs writes that the schema does not declare are left out.
//! Content (paragraphs, runs, text) is never reordered.

use roxmltree::{Document, Node};

/// The WordprocessingML main namespace.
const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// `CT_PPr` (and `CT_PPrGeneral` without its last three).
const PARAGRAPH: &[&str] = &[
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
];

/// `CT_ParaRPr` (its first four) and `CT_RPr`.
const RUN: &[&str] = &[
    "ins",
    "del",
    "moveFrom",
    "moveTo",
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
    "rPrChange",
];

/// `CT_TblPr`.
const TABLE: &[&str] = &[
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
    "tblCaption",
    "tblDescription",
    "tblPrChange",
];

/// `CT_TcPr`.
const CELL: &[&str] = &[
    "cnfStyle",
    "tcW",
    "gridSpan",
    "hMerge",
    "vMerge",
    "tcBorders",
    "shd",
    "noWrap",
    "tcMar",
    "textDirection",
    "tcFitText",
    "vAlign",
    "hideMark",
    "headers",
    "cellIns",
    "cellDel",
    "cellMerge",
    "tcPrChange",
];

/// `CT_SectPr`; header and footer references share the first place.
const SECTION: &[&str] = &[
    "headerReference",
    "footnotePr",
    "endnotePr",
    "type",
    "pgSz",
    "pgMar",
    "paperSrc",
    "pgBorders",
    "lnNumType",
    "pgNumType",
    "cols",
    "formProt",
    "vAlign",
    "noEndnote",
    "titlePg",
    "textDirection",
    "bidi",
    "rtlGutter",
    "docGrid",
    "printerSettings",
    "sectPrChange",
];

/// `CT_Style`.
const STYLE: &[&str] = &[
    "name",
    "aliases",
    "basedOn",
    "next",
    "link",
    "autoRedefine",
    "hidden",
    "uiPriority",
    "semiHidden",
    "unhideWhenUsed",
    "qFormat",
    "locked",
    "personal",
    "personalCompose",
    "personalReply",
    "rsid",
    "pPr",
    "rPr",
    "tblPr",
    "trPr",
    "tcPr",
    "tblStylePr",
];

/// `CT_DocDefaults`.
const DEFAULTS: &[&str] = &["rPrDefault", "pPrDefault"];

/// `CT_Lvl`.
const LEVEL: &[&str] = &[
    "start",
    "numFmt",
    "lvlRestart",
    "pStyle",
    "isLgl",
    "suff",
    "lvlText",
    "lvlPicBulletId",
    "legacy",
    "lvlJc",
    "pPr",
    "rPr",
];

/// `CT_TblBorders`, `CT_TcBorders`, `CT_PBdr`, `CT_TblCellMar` and
/// `CT_TcMar` merged: their shared members stand in the same relative order.
const BORDERS: &[&str] = &[
    "top", "start", "left", "bottom", "end", "right", "between", "bar", "insideH", "insideV",
    "tl2br", "tr2bl",
];

/// `CT_Settings` (extension elements of other namespaces go last).
const SETTINGS: &[&str] = &[
    "writeProtection",
    "view",
    "zoom",
    "removePersonalInformation",
    "removeDateAndTime",
    "doNotDisplayPageBoundaries",
    "displayBackgroundShape",
    "printPostScriptOverText",
    "printFractionalCharacterWidth",
    "printFormsData",
    "embedTrueTypeFonts",
    "embedSystemFonts",
    "saveSubsetFonts",
    "saveFormsData",
    "mirrorMargins",
    "alignBordersAndEdges",
    "bordersDoNotSurroundHeader",
    "bordersDoNotSurroundFooter",
    "gutterAtTop",
    "hideSpellingErrors",
    "hideGrammaticalErrors",
    "activeWritingStyle",
    "proofState",
    "formsDesign",
    "attachedTemplate",
    "linkStyles",
    "stylePaneFormatFilter",
    "stylePaneSortMethod",
    "documentType",
    "mailMerge",
    "revisionView",
    "trackRevisions",
    "doNotTrackMoves",
    "doNotTrackFormatting",
    "documentProtection",
    "autoFormatOverride",
    "styleLockTheme",
    "styleLockQFSet",
    "defaultTabStop",
    "autoHyphenation",
    "consecutiveHyphenLimit",
    "hyphenationZone",
    "doNotHyphenateCaps",
    "showEnvelope",
    "summaryLength",
    "clickAndTypeStyle",
    "defaultTableStyle",
    "evenAndOddHeaders",
    "bookFoldRevPrinting",
    "bookFoldPrinting",
    "bookFoldPrintingSheets",
    "drawingGridHorizontalSpacing",
    "drawingGridVerticalSpacing",
    "displayHorizontalDrawingGridEvery",
    "displayVerticalDrawingGridEvery",
    "doNotUseMarginsForDrawingGridOrigin",
    "drawingGridHorizontalOrigin",
    "drawingGridVerticalOrigin",
    "doNotShadeFormData",
    "noPunctuationKerning",
    "characterSpacingControl",
    "printTwoOnOne",
    "strictFirstAndLastChars",
    "noLineBreaksAfter",
    "noLineBreaksBefore",
    "savePreviewPicture",
    "doNotValidateAgainstSchema",
    "saveInvalidXml",
    "ignoreMixedContent",
    "alwaysShowPlaceholderText",
    "doNotDemarcateInvalidXml",
    "saveXmlDataOnly",
    "useXSLTWhenSaving",
    "saveThroughXslt",
    "showXMLTags",
    "alwaysMergeEmptyNamespace",
    "updateFields",
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
];

/// `xml` (one part of the package) with every sequence in schema order;
/// an error when the part is not well-formed XML.
pub(super) fn in_schema_order(xml: &str) -> Result<String, roxmltree::Error> {
    let document = Document::parse(xml)?;
    let root = document.root_element();
    let mut out = String::with_capacity(xml.len());
    out.push_str(&xml[..root.range().start]);
    write(xml, root, &mut out);
    out.push_str(&xml[root.range().end..]);
    Ok(out)
}

/// Writes `node` as it stands in `xml`, its children sorted where its
/// content model is a sequence.
fn write(xml: &str, node: Node, out: &mut String) {
    let range = node.range();
    let children: Vec<Node> = node.children().collect();
    let (Some(first), Some(last)) = (children.first(), children.last()) else {
        out.push_str(&without_undeclared(node, &xml[range]));
        return;
    };
    out.push_str(&xml[range.start..first.range().start]);
    let end_tag = &xml[last.range().end..range.end];
    let mut kept: Vec<Node> = children
        .iter()
        .copied()
        .filter(|child| !is_undeclared(*child))
        .collect();
    if let Some(order) = sequence(node)
        && kept.iter().all(Node::is_element)
    {
        kept.sort_by_key(|child| rank(order, *child));
    }
    for child in kept {
        write(xml, child, out);
    }
    out.push_str(end_tag);
}

/// The sequence `node`'s children must follow, for the elements whose
/// content docx-rs writes out of order.
fn sequence(node: Node) -> Option<&'static [&'static str]> {
    if node.tag_name().namespace() != Some(W) {
        return None;
    }
    Some(match node.tag_name().name() {
        "pPr" => PARAGRAPH,
        "rPr" => RUN,
        "tblPr" => TABLE,
        "tcPr" => CELL,
        "sectPr" => SECTION,
        "style" => STYLE,
        "docDefaults" => DEFAULTS,
        "lvl" => LEVEL,
        "tblBorders" | "tcBorders" | "pBdr" | "tblCellMar" | "tcMar" => BORDERS,
        "settings" => SETTINGS,
        _ => return None,
    })
}

/// The place of `child` in `order`; after all of them when it is not
/// listed (an extension element of another namespace).
fn rank(order: &[&str], child: Node) -> usize {
    let name = match child.tag_name().name() {
        "footerReference" => "headerReference",
        name => name,
    };
    let listed = child.tag_name().namespace() == Some(W);
    listed
        .then(|| order.iter().position(|&n| n == name))
        .flatten()
        .unwrap_or(order.len())
}

/// Whether `node` is something docx-rs writes where the schema has no
/// place for it: the empty run properties it puts in the paragraph
/// properties of styles, numbering levels and the document defaults
/// (`CT_PPrGeneral` has no `w:rPr`).
fn is_undeclared(node: Node) -> bool {
    let general_paragraph = node.parent().is_some_and(|pr| {
        pr.tag_name().name() == "pPr"
            && pr.parent().is_some_and(|owner| {
                matches!(owner.tag_name().name(), "style" | "lvl" | "pPrDefault")
            })
    });
    node.tag_name().namespace() == Some(W)
        && node.tag_name().name() == "rPr"
        && node.children().next().is_none()
        && general_paragraph
}

/// An empty element's text without the attributes the schema does not
/// declare: `w:type` on a table grid column (`CT_TblGridCol` has `w:w`
/// only).
fn without_undeclared<'a>(node: Node, text: &'a str) -> std::borrow::Cow<'a, str> {
    let grid_column = node.tag_name().namespace() == Some(W) && node.tag_name().name() == "gridCol";
    match node.attribute((W, "type")) {
        Some(value) if grid_column => text.replace(&format!(" w:type=\"{value}\""), "").into(),
        _ => text.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

    fn ordered(body: &str) -> String {
        let xml = format!("<?xml version=\"1.0\"?><w:document {NS}>{body}</w:document>");
        let out = in_schema_order(&xml).unwrap();
        let start = out.find('>').unwrap() + 1;
        let start = start + out[start..].find('>').unwrap() + 1;
        out[start..out.len() - "</w:document>".len()].to_string()
    }

    #[test]
    fn properties_follow_the_schema_and_content_keeps_its_order() {
        assert_eq!(
            ordered(
                "<w:p><w:pPr><w:rPr /><w:jc w:val=\"both\" /><w:pStyle w:val=\"A\" /></w:pPr>\
                 <w:r><w:rPr><w:sz w:val=\"32\" /><w:rFonts w:eastAsia=\"黑体\" /><w:b /></w:rPr>\
                 <w:t>乙</w:t></w:r><w:r><w:t>甲 &amp; 丙</w:t></w:r></w:p>"
            ),
            "<w:p><w:pPr><w:pStyle w:val=\"A\" /><w:jc w:val=\"both\" /><w:rPr /></w:pPr>\
             <w:r><w:rPr><w:rFonts w:eastAsia=\"黑体\" /><w:b /><w:sz w:val=\"32\" /></w:rPr>\
             <w:t>乙</w:t></w:r><w:r><w:t>甲 &amp; 丙</w:t></w:r></w:p>"
        );
    }

    #[test]
    fn sections_put_references_first_and_grid_columns_lose_their_type() {
        assert_eq!(
            ordered(
                "<w:sectPr><w:pgSz w:w=\"1\" /><w:footerReference w:type=\"even\" />\
                 <w:titlePg /><w:footerReference w:type=\"default\" /></w:sectPr>\
                 <w:tblGrid><w:gridCol w:w=\"780\" w:type=\"dxa\" /></w:tblGrid>"
            ),
            "<w:sectPr><w:footerReference w:type=\"even\" /><w:footerReference w:type=\"default\" />\
             <w:pgSz w:w=\"1\" /><w:titlePg /></w:sectPr>\
             <w:tblGrid><w:gridCol w:w=\"780\" /></w:tblGrid>"
        );
    }

    #[test]
    fn style_paragraph_properties_lose_the_empty_run_properties() {
        assert_eq!(
            ordered(
                "<w:style><w:rPr><w:sz w:val=\"2\" /></w:rPr><w:pPr><w:rPr />\
                 <w:jc w:val=\"left\" /></w:pPr><w:name w:val=\"N\" /></w:style>"
            ),
            "<w:style><w:name w:val=\"N\" /><w:pPr><w:jc w:val=\"left\" /></w:pPr>\
             <w:rPr><w:sz w:val=\"2\" /></w:rPr></w:style>"
        );
    }
}
