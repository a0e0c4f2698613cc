"""Print every paragraph of a DOCX as python-docx reads it: style name and text, as JSON.

Used by tests/docx_styles.rs to check that each paragraph carries the style
the document model asked for.
"""
import json
import sys

import docx

document = docx.Document(sys.argv[1])
paragraphs = [
    {"style": paragraph.style.name if paragraph.style is not None else None, "text": paragraph.text}
    for paragraph in document.paragraphs
]
properties = document.core_properties
json.dump(
    {"paragraphs": paragraphs, "title": properties.title, "author": properties.author},
    sys.stdout,
    ensure_ascii=False,
)
