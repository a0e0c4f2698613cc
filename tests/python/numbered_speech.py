"""Write a speech as Word would with automatic numbering: a .docx whose
headings carry no typed 一、/（一）/1. but Word list numbering instead.

Usage: numbered_speech.py SPEECH.txt OUT.docx

Each line of the speech becomes a paragraph. A line that opens with a
marker of the levels 一、 （一） 1. loses the marker and gets the list
level that prints it (numFmt chineseCounting / chineseCounting / decimal),
as a clerk who used Word's numbering button would have it. Used by
tests/speech_docx.rs to check that jianbao rebuilds the numbers.
"""
import re
import sys

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

LEVELS = [
    (re.compile(r"^[一二三四五六七八九十]+、"), "chineseCounting", "%1、"),
    (re.compile(r"^（[一二三四五六七八九十]+）"), "chineseCounting", "（%2）"),
    (re.compile(r"^[0-9]+\."), "decimal", "%3."),
]
ABSTRACT_ID = "90"
NUM_ID = "90"

source, target = sys.argv[1], sys.argv[2]
document = docx.Document()
numbering = document.part.numbering_part.element
levels = "".join(
    f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
    f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
    for i, (_, fmt, text) in enumerate(LEVELS)
)
abstract = parse_xml(
    f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{ABSTRACT_ID}">'
    f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>'
)
num = parse_xml(
    f'<w:num {nsdecls("w")} w:numId="{NUM_ID}"><w:abstractNumId w:val="{ABSTRACT_ID}"/></w:num>'
)
# abstractNum elements come before num elements (schema order).
first_num = numbering.find(qn("w:num"))
if first_num is not None:
    first_num.addprevious(abstract)
else:
    numbering.append(abstract)
numbering.append(num)

with open(source, encoding="utf-8") as speech:
    lines = speech.read().splitlines()
numbered = 0
for line in lines:
    paragraph = document.add_paragraph()
    for level, (pattern, _, _) in enumerate(LEVELS):
        match = pattern.match(line)
        if match:
            line = line[match.end():]
            properties = paragraph._p.get_or_add_pPr()
            properties.append(
                parse_xml(
                    f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
                    f'<w:numId w:val="{NUM_ID}"/></w:numPr>'
                )
            )
            numbered += 1
            break
    paragraph.add_run(line)
assert numbered > 5, "the speech has numbered headings"
document.save(target)
