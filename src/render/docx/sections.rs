//! Section properties in the order the schema wants, patched into docx-rs's
//! `word/document.xml`: a section's header and footer references come
//! before its page size, where docx-rs writes them after. Word is strict
//! about element order in some places; this keeps the file valid.

/// `document` with every section's references first.
pub(super) fn order_references(document: &str) -> String {
    const OPEN: &str = "<w:sectPr>";
    const CLOSE: &str = "</w:sectPr>";
    let mut out = String::with_capacity(document.len());
    let mut rest = document;
    while let Some(start) = rest.find(OPEN) {
        let body_start = start + OPEN.len();
        let Some(body_end) = rest[body_start..].find(CLOSE).map(|i| body_start + i) else {
            break;
        };
        out.push_str(&rest[..body_start]);
        let (references, others) = split_references(&rest[body_start..body_end]);
        out.push_str(&references);
        out.push_str(&others);
        rest = &rest[body_end..];
    }
    out.push_str(rest);
    out
}

/// The reference elements of a section's properties, and the rest, each in
/// their order.
fn split_references(properties: &str) -> (String, String) {
    let mut references = String::new();
    let mut others = String::new();
    let mut rest = properties;
    while let Some(start) = rest.find('<') {
        others.push_str(&rest[..start]);
        let end = rest[start..]
            .find("/>")
            .map_or(rest.len(), |i| start + i + 2);
        let element = &rest[start..end];
        if element.starts_with("<w:headerReference") || element.starts_with("<w:footerReference") {
            references.push_str(element);
        } else {
            others.push_str(element);
        }
        rest = &rest[end..];
    }
    others.push_str(rest);
    (references, others)
}

#[cfg(test)]
mod tests {
    use super::*;

    const REFERENCES: &str = "<w:footerReference w:type=\"default\" r:id=\"rIdFooter1\" />";
    const PAGE: &str =
        "<w:pgSz w:w=\"11906\" w:h=\"16838\" /><w:cols w:space=\"425\" w:num=\"1\" />";

    #[test]
    fn the_last_section_gets_its_references_first() {
        let body = format!("<w:body><w:sectPr>{PAGE}{REFERENCES}</w:sectPr></w:body>");
        assert_eq!(
            order_references(&body),
            format!("<w:body><w:sectPr>{REFERENCES}{PAGE}</w:sectPr></w:body>")
        );
    }
}
