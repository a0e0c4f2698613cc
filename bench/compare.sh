#!/usr/bin/env bash
# 速度对比：jianbao、typst 命令行、LibreOffice，同一份简报，一次运行测完。
# Speed side by side, in one run, on the example month (data/progress/2026-11.yaml):
#   1. jianbao build, PDF + DOCX (what a clerk runs);
#   2. jianbao build, PDF only;
#   3. the typst command-line compiler on the same template, data and fonts
#      (written by `jianbao build --template-data`), PDF only;
#   4. LibreOffice converting our DOCX to PDF (what an office does today);
#   5. a batch of 100 briefings (`jianbao build FOLDER`).
# Prints medians (hyperfine), peak memory (GNU time) and ratios to jianbao,
# as a Markdown table for the README.
#
# Needs: cargo, hyperfine, GNU time (/usr/bin/time), LibreOffice (soffice),
# and typst 0.15 (`cargo install typst-cli --version 0.15.1 --locked`);
# with valgrind it also counts the instructions of jianbao and the typst CLI.
# On Debian/UOS/Kylin: apt-get install hyperfine time valgrind libreoffice-writer
# Usage: bench/compare.sh [runs]   (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-10}
for tool in cargo hyperfine soffice typst python3; do
  if ! command -v "$tool" >/dev/null; then
    echo "缺少 $tool (missing $tool); see the comment at the top of $0" >&2
    exit 1
  fi
done
if [ ! -x /usr/bin/time ]; then
  echo "缺少 GNU time (/usr/bin/time): apt-get install time" >&2
  exit 1
fi
case "$(typst --version)" in
  "typst 0.15."*) ;;
  *) echo "typst $(typst --version) is not 0.15, the version jianbao embeds" >&2; exit 1 ;;
esac

cargo build --release --quiet
jianbao=$PWD/target/release/jianbao
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
month=data/progress/2026-11.yaml

# The template's data, and the DOCX LibreOffice converts.
"$jianbao" build "$month" --out "$work/data" --template-data 2>/dev/null
data=$work/data/template-data
docx=$(ls "$work"/data/*.docx)
cp "$docx" "$work/briefing.docx"

names=(
  "jianbao (PDF + DOCX)"
  "jianbao (PDF)"
  "typst CLI (PDF)"
  "LibreOffice (DOCX → PDF)"
)
commands=(
  "$jianbao build $month --out $work/a"
  "$jianbao build $month --out $work/b --format pdf"
  "typst compile --root $data --font-path fonts --ignore-system-fonts --input briefing-json=briefing.json --input style-json=style.json $data/jianbao.typ $work/typst.pdf"
  "env FONTCONFIG_FILE=$PWD/fonts/fontconfig/fonts.conf soffice -env:UserInstallation=file://$work/lo-profile --headless --convert-to pdf --outdir $work/lo $work/briefing.docx"
)

args=()
for i in "${!names[@]}"; do
  args+=(-n "${names[$i]}" "${commands[$i]}")
done
hyperfine --warmup 2 --runs "$runs" --style basic --export-json "$work/times.json" "${args[@]}" >&2

# Peak memory: the largest resident set of three runs of each (for sh -c,
# GNU time reports the largest process it waited for).
for i in "${!names[@]}"; do
  peak=0
  for _ in 1 2 3; do
    /usr/bin/time -f '%M' -o "$work/rss" sh -c "${commands[$i]} >/dev/null 2>&1"
    kb=$(tail -1 "$work/rss")
    [ "$kb" -gt "$peak" ] && peak=$kb
  done
  echo "$peak" >>"$work/peaks"
done

# A batch of 100 briefings (one progress file per unit, as for counties),
# built in parallel by one process: three runs, median. Each unit's office
# and every progress text differ, so that no two briefings lay out alike.
mkdir -p "$work/units"
python3 - "$month" "$work/units" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
for n in range(1, 101):
    unit = text.replace("office: 市", f"office: 第{n}县")
    unit = re.sub(r"(progress: .*?)(。?)$", rf"\1，第{n}县报送\2", unit, flags=re.M)
    open(f"{sys.argv[2]}/unit-{n:03}.yaml", "w", encoding="utf-8").write(unit)
PY
hyperfine --runs 3 --style basic --export-json "$work/batch.json" \
  -n "jianbao, 100 briefings" "$jianbao build $work/units --out $work/batch" >&2
/usr/bin/time -f '%M' -o "$work/rss" "$jianbao" build "$work/units" --out "$work/batch" >/dev/null 2>&1
batch_peak=$(tail -1 "$work/rss")

# Instructions executed (valgrind's callgrind): the same count whatever else
# the machine is doing, so jianbao and the typst CLI compare exactly.
instructions() {
  valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" "$@" >/dev/null 2>"$work/callgrind.log"
  sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$work/callgrind.log"
}
if command -v valgrind >/dev/null; then
  jianbao_ir=$(instructions "$jianbao" build "$month" --out "$work/c" --format pdf)
  typst_ir=$(instructions typst compile --root "$data" --font-path fonts --ignore-system-fonts \
    --input briefing-json=briefing.json --input style-json=style.json "$data/jianbao.typ" "$work/typst-c.pdf")
fi

pages() { python3 -c "import re,sys; print(len(re.findall(rb'/Type\s*/Page[^s]', open(sys.argv[1],'rb').read())))" "$1"; }
echo
echo "Machine: $(nproc) cores, $(uname -m); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Pages: jianbao $(pages "$(ls "$work"/a/*.pdf)"), typst CLI $(pages "$work/typst.pdf"), LibreOffice $(pages "$(ls "$work"/lo/*.pdf)")"
echo
python3 - "$work/times.json" "$work/peaks" "$work/batch.json" "$batch_peak" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
peaks = [int(line) for line in open(sys.argv[2])]
batch = json.load(open(sys.argv[3]))["results"][0]
batch_peak = int(sys.argv[4])
base = results[0]["median"]
print("| 做法 (what runs) | 中位数 (median) | 最大内存 (peak RSS) | 相对 jianbao PDF+DOCX |")
print("|---|---:|---:|---:|")
for result, peak in zip(results, peaks):
    median = result["median"]
    print(f"| {result['command']} | {median * 1000:.0f} ms | {peak / 1024:.0f} MB | {median / base:.2f}× |")
print(f"| {batch['command']} (PDF + DOCX each) | {batch['median']:.1f} s | {batch_peak / 1024:.0f} MB | {batch['median'] / base:.0f}× |")
PY
if [ -n "${jianbao_ir:-}" ]; then
  echo
  python3 -c "import sys; j, t = map(int, sys.argv[1:]); print(f'Instructions (callgrind), PDF only: jianbao {j / 1e6:,.0f} M, typst CLI {t / 1e6:,.0f} M ({j / t:.2f}×)')" "$jianbao_ir" "$typst_ir"
fi
