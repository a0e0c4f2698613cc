#!/usr/bin/env bash
# Rebuild the bundled fonts in this folder from Debian packages.
#
#   bash fonts/build.sh            # needs apt-get (root) and PyPI for fonttools
#
# Not run by CI: its outputs are committed.  Re-runnable and idempotent: it
# works in a temporary folder and only overwrites the font files, the
# licence texts and SOURCES.txt here.  Given the same package versions and
# the same fontTools version the outputs are byte-identical.
#
# Environment:
#   PYTHON          python interpreter (default python3)
#   FONTTOOLS_PIN   fontTools version to use (default below)
#   KEEP_WORK=1     keep the temporary folder (its path is printed)
set -euo pipefail

FONTTOOLS_PIN="${FONTTOOLS_PIN:-4.68.0}"
PYTHON="${PYTHON:-python3}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PKGS=(fonts-noto-cjk texlive-lang-chinese fonts-lxgw-wenkai fonts-liberation2 unicode-data)

WORK="$(mktemp -d "${TMPDIR:-/tmp}/jianbao-fonts.XXXXXX")"
if [[ "${KEEP_WORK:-}" == 1 ]]; then
  echo "work folder: $WORK"
else
  trap 'rm -rf "$WORK"' EXIT
fi
chmod 755 "$WORK"   # lets apt's _apt user write the downloads

# --- fontTools ---------------------------------------------------------------
have_ft="$("$PYTHON" -c 'import fontTools; print(fontTools.version)' 2>/dev/null || true)"
if [[ "$have_ft" != "$FONTTOOLS_PIN" ]]; then
  echo "fontTools ${have_ft:-missing}; installing fonttools==$FONTTOOLS_PIN into $WORK/py"
  "$PYTHON" -m pip install --quiet --disable-pip-version-check \
    --target "$WORK/py" "fonttools==$FONTTOOLS_PIN"
  export PYTHONPATH="$WORK/py${PYTHONPATH:+:$PYTHONPATH}"
fi
"$PYTHON" -c 'import fontTools; print("fontTools", fontTools.version)'

# --- Debian packages -----------------------------------------------------------
cd "$WORK"
if ! apt-get download "${PKGS[@]}" >/dev/null 2>&1; then
  apt-get update -qq
  apt-get download "${PKGS[@]}"
fi
: > versions.txt
mkdir -p root
for deb in ./*.deb; do
  case "$deb" in
    ./texlive-lang-chinese_*)   # only Fandol: the package is big and has ~10k files
      dpkg-deb --fsys-tarfile "$deb" | tar -x -C root --wildcards \
        './usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/*' \
        './usr/share/doc/texlive-doc/fonts/fandol/*' ;;
    *) dpkg-deb -x "$deb" root ;;
  esac
  dpkg-deb -f "$deb" Package Version | paste -sd' ' >> versions.txt
done
sort -o versions.txt versions.txt
cat versions.txt

S="$WORK/root/usr/share"
NOTO="$S/fonts/opentype/noto"
FANDOL="$S/texlive/texmf-dist/fonts/opentype/public/fandol"
KAI="$S/fonts/truetype/lxgw-wenkai"
LIB="$S/fonts/truetype/liberation2"
DOC="$S/doc"
PY=("$PYTHON" "$HERE/subset.py")

# --- character list ------------------------------------------------------------
"${PY[@]}" charset "$S/unicode/Unihan_Readings.txt.bz2" "$WORK/unicodes.txt"

# --- subsets -------------------------------------------------------------------
# Face 2 of the Noto CJK collections is the SC (Simplified Chinese) face;
# subset.py verify checks the resulting family names end in "SC".
kai_version="$(dpkg-deb -f ./fonts-lxgw-wenkai_*.deb Version | sed 's/+.*//')"
"${PY[@]}" subset "$NOTO/NotoSerifCJK-Bold.ttc"    2 "$WORK/unicodes.txt" "$HERE/NotoSerifCJKsc-Bold-subset.otf"
"${PY[@]}" subset "$NOTO/NotoSerifCJK-Regular.ttc" 2 "$WORK/unicodes.txt" "$HERE/NotoSerifCJKsc-Regular-subset.otf"
"${PY[@]}" subset "$NOTO/NotoSansCJK-Regular.ttc"  2 "$WORK/unicodes.txt" "$HERE/NotoSansCJKsc-Regular-subset.otf"
"${PY[@]}" subset "$NOTO/NotoSansCJK-Bold.ttc"     2 "$WORK/unicodes.txt" "$HERE/NotoSansCJKsc-Bold-subset.otf"
"${PY[@]}" subset "$FANDOL/FandolFang-Regular.otf" 0 "$WORK/unicodes.txt" "$HERE/FandolFang-Regular-subset.otf"
"${PY[@]}" subset "$KAI/LXGWWenKai-Regular.ttf"    0 "$WORK/unicodes.txt" "$HERE/JianbaoKai-Regular-subset.ttf" \
  --rename-kai "$kai_version"

# --- Liberation: copied whole, unmodified ----------------------------------------
for f in LiberationSerif-Regular LiberationSerif-Bold LiberationSans-Regular LiberationSans-Bold; do
  install -m 644 "$LIB/$f.ttf" "$HERE/$f.ttf"
done

# --- licences --------------------------------------------------------------------
L="$HERE/licenses"
mkdir -p "$L"
"${PY[@]}" license "$DOC/fonts-noto-cjk/copyright" SIL-1.1 "$L/OFL-NotoCJK.txt" \
  "Noto Serif CJK SC / Noto Sans CJK SC (files NotoSerifCJKsc-*-subset.otf, NotoSansCJKsc-*-subset.otf)" \
  "Copyright 2014-2022 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'." \
  "Noto is a trademark of Google Inc." \
  "This Font Software is licensed under the SIL Open Font License, Version 1.1." \
  "The files here are character subsets (a Modified Version) of the fonts in the" \
  "Debian package fonts-noto-cjk; they do not use the Reserved Font Name 'Source'."
"${PY[@]}" license "$DOC/fonts-lxgw-wenkai/copyright" OFL-1.1 "$L/OFL-LXGWWenKai.txt" \
  "JianbaoKai (file JianbaoKai-Regular-subset.ttf)" \
  "Copyright 2021-2023 LXGW (https://github.com/lxgw/LxgwWenKai), with Reserved Font Names \"LXGW\" and \"霞鹜\"." \
  "Copyright 2020 The Klee Project Authors (https://github.com/fontworks-fonts/Klee)" \
  "This Font Software is licensed under the SIL Open Font License, Version 1.1." \
  "JianbaoKai is a Modified Version of LXGW WenKai $kai_version (a character subset" \
  "taken from the Debian package fonts-lxgw-wenkai), renamed so that it does not" \
  "use the Reserved Font Names."
"${PY[@]}" license "$DOC/fonts-liberation2/copyright" SIL-OFL-1.1 "$L/OFL-Liberation.txt" \
  "Liberation Serif / Liberation Sans (files Liberation*.ttf, unmodified copies" \
  "from the Debian package fonts-liberation2)" \
  "Digitized data copyright (c) 2010 Google Corporation with Reserved Font Arimo, Tinos and Cousine." \
  "Copyright (c) 2012 Red Hat, Inc. with Reserved Font Name Liberation."
# Fandol: upstream COPYING is the full GPL-3 text followed by the font exception.
zcat "$DOC/texlive-doc/fonts/fandol/COPYING.gz" > "$L/GPL-3-with-font-exception-FandolFang.txt"
grep -q "As a special exception, if you create a document which uses this font" \
  "$L/GPL-3-with-font-exception-FandolFang.txt"
{
  echo "FandolFang (file FandolFang-Regular-subset.otf)"
  echo "Copyright (c) 2012-2013, the Fandol team (Clerk Ma, Jie Su)."
  echo "Licence: GNU GPL version 3 with the GPL font exception; full text in"
  echo "GPL-3-with-font-exception-FandolFang.txt next to this file."
  echo "The file here is a character subset (a modified version) of FandolFang-Regular.otf"
  echo "from the Debian package texlive-lang-chinese; the font exception is kept for it."
  echo "Source: the Debian package texlive-lang-chinese (CTAN package fandol)."
  echo
  echo "---- upstream README ----"
  cat "$DOC/texlive-doc/fonts/fandol/README"
} > "$L/FandolFang-README.txt"

# --- record sources and check ----------------------------------------------------
{
  echo "# Written by fonts/build.sh. Debian packages the fonts were taken from:"
  cat "$WORK/versions.txt"
  echo "# fontTools $("$PYTHON" -c 'import fontTools; print(fontTools.version)')"
  echo "# sha256 of the outputs:"
  (cd "$HERE" && sha256sum ./*.otf ./*.ttf | sed 's# \./# #')
} > "$HERE/SOURCES.txt"

"${PY[@]}" verify "$HERE" "$WORK/unicodes.txt"
echo "done."
