#!/usr/bin/env python3
"""Python half of fonts/build.sh: character list, subsetting, renaming, report.

Usage (build.sh calls these; each can be run on its own):

    subset.py charset UNIHAN_READINGS[.bz2] OUT_UNICODES_TXT
    subset.py subset  SRC FACE_NUMBER UNICODES_TXT OUT [--rename-kai VERSION]
    subset.py verify  FONTS_DIR [UNICODES_TXT]
    subset.py license DEBIAN_COPYRIGHT LICENSE_SHORT_NAME OUT [HEADER_LINE...]

Only the Python standard library and fontTools are used.
"""

import bz2
import hashlib
import os
import sys

# OpenType layout features kept in every subset.  `locl` is deliberately left
# out: with it the Japanese/Korean/Traditional variant glyphs of the Noto
# CJK faces come along and the subsets double in size.
LAYOUT_FEATURES = "halt,palt,vhal,vpal,fwid,hwid,pwid,kern,liga"

# Name that replaces the OFL Reserved Font Names "LXGW" / "霞鹜".
KAI_FAMILY = "JianbaoKai"


# ----------------------------------------------------------------- charset --

def gb2312_chars():
    """Every 2-byte GB 2312 code point (6763 hanzi + 682 symbols)."""
    out = set()
    for hi in range(0xA1, 0xFF):
        for lo in range(0xA1, 0xFF):
            try:
                s = bytes((hi, lo)).decode("gb2312")
            except UnicodeDecodeError:
                continue
            out.update(ord(c) for c in s)
    return out


def tghz2013_chars(path):
    """The 8105 characters of 通用规范汉字表 (Unihan field kTGHZ2013)."""
    opener = bz2.open if path.endswith(".bz2") else open
    out = set()
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("U+") and "\tkTGHZ2013\t" in line:
                out.add(int(line.split("\t", 1)[0][2:], 16))
    return out


EXTRA = (
    "㎡℃‰№μµ±×÷≤≥≠≈−°‘’“”…—·"
    "■□▲△●○◆◇★☆"
)


def extra_chars():
    out = set()
    out.update(range(0x20, 0x7F))          # printable ASCII
    out.update(range(0xA0, 0x100))         # Latin-1 supplement
    out.update(range(0x2000, 0x2070))      # general punctuation
    out.update(range(0x3000, 0x3040))      # CJK symbols & punctuation
    out.update(range(0xFF00, 0xFFF0))      # half/fullwidth forms
    out.update(range(0x2460, 0x2474))      # ①–⑳
    out.update(range(0x2474, 0x2488))      # ⑴–⒇
    out.update(range(0x2488, 0x249C))      # ⒈–⒛
    out.update(range(0x2160, 0x216C))      # Ⅰ–Ⅻ
    out.update(range(0x2170, 0x217C))      # ⅰ–ⅻ
    out.update(ord(c) for c in EXTRA)
    return out


def cmd_charset(unihan, out_path):
    gb = gb2312_chars()
    tg = tghz2013_chars(unihan)
    assert len(tg) == 8105, f"kTGHZ2013 gave {len(tg)} code points, expected 8105"
    hanzi_gb = sum(1 for c in gb if 0x4E00 <= c <= 0x9FFF)
    assert hanzi_gb == 6763, f"GB 2312 gave {hanzi_gb} hanzi, expected 6763"
    allcp = gb | tg | extra_chars()
    with open(out_path, "w", encoding="ascii", newline="\n") as fh:
        for cp in sorted(allcp):
            fh.write(f"U+{cp:04X}\n")
    print(f"charset: GB2312 {len(gb)} (hanzi {hanzi_gb}), 通用规范汉字表 {len(tg)}, "
          f"union with extras {len(allcp)} code points -> {out_path}")


# ------------------------------------------------------------------ subset --

def cmd_subset(src, face, unicodes, out, rename_kai=None):
    from fontTools import subset
    from fontTools.ttLib import TTFont

    args = [
        src,
        f"--font-number={int(face)}",
        f"--unicodes-file={unicodes}",
        f"--layout-features={LAYOUT_FEATURES}",
        "--name-IDs=*",
        "--name-languages=*",
        "--name-legacy",
        "--notdef-outline",
        "--no-recalc-timestamp",
        f"--output-file={out}",
    ]
    subset.main(args)
    if rename_kai is not None:
        font = TTFont(out, recalcTimestamp=False)
        rename_wenkai(font, rename_kai)
        full_width_marks(font)
        font.save(out)
        font.close()
    print(f"subset: {os.path.basename(out)} {os.path.getsize(out)} bytes")


# Marks Chinese shares with Latin text that official faces (楷体_GB2312 …)
# set a full em wide: where the ink sits in the widened em.
FULL_WIDTH_MARKS = {
    0x201C: "right",   # “ opens: ink against the text after it
    0x2018: "right",   # ‘
    0x201D: "left",    # ” closes: ink against the text before it
    0x2019: "left",    # ’
    0x00B7: "centre",  # · between the parts of a name
}


def full_width_marks(font):
    """Widen the quotation marks and the middle dot to one em, as GB 2312
    faces set them. LXGW WenKai sets them proportionally (0.35 em), so a
    word processor using this face in place of 楷体_GB2312 would fit more
    text on a line than the official face does. Idempotent."""
    from fontTools.pens.transformPen import TransformPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    upm = font["head"].unitsPerEm
    cmap = font.getBestCmap()
    glyf, hmtx = font["glyf"], font["hmtx"]
    for code, place in FULL_WIDTH_MARKS.items():
        name = cmap.get(code)
        if name is None:
            continue
        advance, lsb = hmtx[name]
        if advance >= upm:
            continue
        shift = {"left": 0, "right": upm - advance, "centre": (upm - advance) // 2}[place]
        pen = TTGlyphPen(font.getGlyphSet())
        font.getGlyphSet()[name].draw(TransformPen(pen, (1, 0, 0, 1, shift, 0)))
        glyph = pen.glyph()
        glyph.recalcBounds(glyf)
        glyf[name] = glyph
        hmtx[name] = (upm, lsb + shift)


def rename_wenkai(font, version):
    """Rename an LXGW WenKai subset so that it carries no Reserved Font Name.

    The SIL OFL 1.1 forbids a Modified Version from using a Reserved Font
    Name ("LXGW", "霞鹜") as its primary font name; a subset is a Modified
    Version.  Copyright notices (name ID 0) are kept as the OFL requires.
    """
    name = font["name"]
    style = "Regular"
    new = {
        1: KAI_FAMILY,
        2: style,
        3: f"{KAI_FAMILY}-{style};{version};jianbao-subset",
        4: f"{KAI_FAMILY} {style}",
        6: f"{KAI_FAMILY}-{style}",
    }
    # Typographic / WWS / variations-PS-prefix names: replace if present.
    typo = {16: KAI_FAMILY, 17: style, 21: KAI_FAMILY, 22: style, 25: KAI_FAMILY}
    for rec in list(name.names):
        if rec.nameID in new:
            rec.string = new[rec.nameID]
        elif rec.nameID in typo:
            rec.string = typo[rec.nameID]
    # Localised family names (e.g. 0x804 "霞鹜文楷") are now the English
    # name; drop duplicates that carry no information any more.
    seen = set()
    for rec in list(name.names):
        key = (rec.platformID, rec.platEncID, rec.langID, rec.nameID, rec.toUnicode())
        if key in seen:
            name.names.remove(rec)
        seen.add(key)
    notice = (
        f" {KAI_FAMILY} is a Modified Version (a character subset made for the "
        "jianbao project) of LXGW WenKai, licensed under the SIL Open Font "
        "License, Version 1.1. It does not use the Reserved Font Names."
    )
    for rec in name.names:
        if rec.nameID == 0 and "jianbao" not in rec.toUnicode():
            rec.string = rec.toUnicode() + notice
    desc = (
        f"{KAI_FAMILY}: subset of LXGW WenKai {version} "
        "(https://github.com/lxgw/LxgwWenKai), modified under SIL OFL 1.1."
    )
    for plat, enc, lang in ((3, 1, 0x409), (1, 0, 0)):
        name.setName(desc, 10, plat, enc, lang)
    # Anything left that still names the reserved names outside the
    # copyright / description / licence fields is an error.
    for rec in name.names:
        s = rec.toUnicode()
        if rec.nameID not in (0, 10, 13, 14) and ("LXGW" in s.upper() or "霞鹜" in s):
            raise SystemExit(f"reserved name left in name ID {rec.nameID}: {s!r}")
    # The 'post' and CFF tables carry no family name in a TrueType font; the
    # 'meta' table does not either.  Done.


# ----------------------------------------------------------------- license --

def cmd_license(copyright_path, short_name, out, header):
    """Write the text of `License: short_name` from a Debian copyright file.

    A machine-readable copyright file may carry the licence text both under
    a Files paragraph and in a stand-alone License paragraph; the longest
    block wins.  Continuation lines lose their leading space, and " ." lines
    become empty lines.
    """
    blocks, cur = [], None
    with open(copyright_path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("License:"):
                cur = [] if line.split(":", 1)[1].strip() == short_name else None
                if cur is not None:
                    blocks.append(cur)
            elif cur is not None and line.startswith(" "):
                cur.append("" if line.strip() == "." else line[1:])
            else:
                cur = None
    text = max(blocks, key=len) if blocks else []
    if len(text) < 20:
        raise SystemExit(f"no text for License: {short_name} in {copyright_path}")
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        for h in header:
            fh.write(h + "\n")
        if header:
            fh.write("\n")
        fh.write("\n".join(text).rstrip() + "\n")


# ------------------------------------------------------------------ verify --

FILES = [
    "NotoSerifCJKsc-Bold-subset.otf",
    "NotoSerifCJKsc-Regular-subset.otf",
    "NotoSansCJKsc-Regular-subset.otf",
    "NotoSansCJKsc-Bold-subset.otf",
    "FandolFang-Regular-subset.otf",
    "JianbaoKai-Regular-subset.ttf",
    "LiberationSerif-Regular.ttf",
    "LiberationSerif-Bold.ttf",
    "LiberationSans-Regular.ttf",
    "LiberationSans-Bold.ttf",
]

PROBE = "汭㎡碳峰湖PM2.5μ³骨"


def en_name(font, nid):
    rec = font["name"].getName(nid, 3, 1, 0x409) or font["name"].getName(nid, 1, 0, 0)
    return rec.toUnicode() if rec else None


def cmd_verify(fonts_dir, charset_file=None):
    from fontTools.ttLib import TTFont

    wanted = None
    if charset_file:
        with open(charset_file) as fh:
            wanted = {int(l.strip()[2:], 16) for l in fh if l.strip()}
    rows = []
    for fn in FILES:
        path = os.path.join(fonts_dir, fn)
        if not os.path.exists(path):
            print(f"MISSING {fn}")
            continue
        font = TTFont(path, lazy=True)
        cmap = font.getBestCmap()
        hanzi = sum(1 for c in cmap if 0x3400 <= c <= 0x9FFF or 0x20000 <= c <= 0x3FFFF)
        names = {i: en_name(font, i) for i in (1, 2, 16, 17)}
        missing = ""
        if wanted is not None and fn.endswith(("-subset.otf", "-subset.ttf")):
            miss = sorted(wanted - set(cmap))
            missing = f" missing-from-charset={len(miss)}"
        probe = "".join(c if ord(c) in cmap else "_" for c in PROBE)
        sha = hashlib.sha256(open(path, "rb").read()).hexdigest()[:16]
        rows.append(fn)
        print(f"{fn}: {os.path.getsize(path)} bytes sha256:{sha}")
        print(f"  ID1={names[1]!r} ID2={names[2]!r} ID16={names[16]!r} ID17={names[17]!r}")
        print(f"  code points={len(cmap)} hanzi={hanzi} glyphs={font['maxp'].numGlyphs}"
              f" weight={font['OS/2'].usWeightClass}{missing}")
        print(f"  probe {PROBE} -> {probe}")
        font.close()
        if fn.startswith("Noto"):
            assert names[1].endswith(" SC"), f"{fn}: not the SC face: {names[1]!r}"
        if fn.startswith("JianbaoKai"):
            assert names[1] == KAI_FAMILY, f"{fn}: not renamed: {names[1]!r}"


def main(argv):
    if len(argv) >= 3 and argv[0] == "charset":
        cmd_charset(argv[1], argv[2])
    elif len(argv) >= 5 and argv[0] == "subset":
        rename = None
        if "--rename-kai" in argv:
            rename = argv[argv.index("--rename-kai") + 1]
        cmd_subset(argv[1], argv[2], argv[3], argv[4], rename)
    elif len(argv) in (2, 3) and argv[0] == "verify":
        cmd_verify(*argv[1:])
    elif len(argv) >= 4 and argv[0] == "license":
        cmd_license(argv[1], argv[2], argv[3], argv[4:])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
