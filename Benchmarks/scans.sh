#!/usr/bin/env bash
# The scan benchmark (issue 11): image-only scans made by zhtj-corpus (cairo) at 150, 200 and 300 DPI, read by
#   (n) the naive pipeline, one scan at a time: pdftoppm -r 300 page 1, tesseract -l chi_sim+eng, the first
#       12 digits after 编号 in its text;
#   (z) zhtjd --once on the same files, in the branch's inbox folder of a registry that holds their members.
# For each DPI and for label scans (labels printed by `zhtj labels`, stuck on page 1): numbers right, sent to
# unmatched (or refused), wrong (must be 0: a file on another member, or a wrong number for the naive pipeline),
# files/s, and the parser child's peak memory.
# Usage: Benchmarks/scans.sh [COUNT_PER_DPI=40]   (release build; about 10 minutes at 40)
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-40}
scripts/install-deps
command -v sqlite3 >/dev/null && command -v pdftoppm >/dev/null && command -v tesseract >/dev/null
echo "building (release)…" >&2
swift build -c release --product zhtjd >/dev/null
swift build -c release --product zhtj >/dev/null
swift build -c release --product zhtj-corpus >/dev/null
bin=$PWD/.build/release
work=$(mktemp -d /tmp/zhtj-scans.XXXXXX)
trap 'kill "$daemon" 2>/dev/null || true; rm -rf "$work"' EXIT
daemon=""
branch="计算机专业2023级3班团支部"

# The corpus and a registry holding its members.
"$bin/zhtj-corpus" --scans "$work/scans" "$COUNT" --branch "$branch"
export HOME="$work" ZHTJ_CREDENTIALS="$work/root.credentials" ZHTJ_SOCKET="$work/Storage/run/zhtjd.sock"
"$bin/zhtjd" --storage "$work/Storage" --log-level warning 2> "$work/zhtjd.log" &
daemon=$!
until [ -S "$work/Storage/run/zhtjd.sock" ]; do sleep 0.2; done
code=$("$bin/zhtj" init --root-name 团某某市委 --category leading-body --code-only)
"$bin/zhtj" register --code "$code" --name 王芳 --id-number 110101199001011237 --join-date 2004-05 >/dev/null
"$bin/zhtj" org create --name 某某大学团委 --category committee --industry 普通高等院校 >/dev/null
"$bin/zhtj" org create --name "$branch" --category branch --parent 某某大学团委 >/dev/null
"$bin/zhtj" member import "$work/scans/members.csv" >/dev/null
"$bin/zhtj" labels -o "$work/labels.pdf" --json > "$work/labels.json"
kill "$daemon"; wait "$daemon" 2>/dev/null || true; daemon=""
python3 -c 'import json,sys; [print(e["developmentNumber"]+"\t"+e["name"]) for e in json.load(open(sys.argv[1]))["entries"]]' "$work/labels.json" > "$work/entries.tsv"
sheets=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["pages"])' "$work/labels.json")
for p in $(seq 1 "$sheets"); do pdftoppm -r 300 -png -f "$p" -l "$p" -singlefile "$work/labels.pdf" "$work/sheet-$p"; done
"$bin/zhtj-corpus" --label-scans "$work/labels" "$work/sheet" "$work/entries.tsv"
# Only the first COUNT labels per DPI are kept, like the printed numbers.
cp -a "$work/Storage" "$work/template"
folder=$(ls "$work/Storage/inbox" | grep "$branch")

# One set of files: naive pipeline, then zhtjd --once on a fresh copy of the registry.
run_set() {
  local name=$1 dir=$2 manifest=$3
  local files; files=$(cd "$dir" && ls *.pdf | sort)
  local n; n=$(echo "$files" | wc -l)
  # (n) naive
  local t0 t1; t0=$(date +%s.%N)
  : > "$work/naive.tsv"
  for f in $files; do
    pdftoppm -r 300 -gray -f 1 -l 1 -singlefile "$dir/$f" "$work/page"
    text=$(tesseract "$work/page.pgm" - -l chi_sim+eng 2>/dev/null || true)
    got=$(printf '%s' "$text" | tr -d ' \t' | grep -o '编号[^0-9]\{0,3\}[0-9]\{12\}' | head -1 | grep -o '[0-9]\{12\}' || true)
    printf '%s\t%s\n' "$f" "$got" >> "$work/naive.tsv"
  done
  t1=$(date +%s.%N)
  local naive_s; naive_s=$(echo "$t1 - $t0" | bc -l)
  # (z) zhtjd --once
  rm -rf "$work/Storage"; cp -a "$work/template" "$work/Storage"
  for f in $files; do cp "$dir/$f" "$work/Storage/inbox/$folder/$name-$f"; done
  t0=$(date +%s.%N)
  "$bin/zhtjd" --storage "$work/Storage" --once --log-level notice 2> "$work/once.log"
  t1=$(date +%s.%N)
  local z_s; z_s=$(echo "$t1 - $t0" | bc -l)
  local child; child=$(grep -o 'zhtj.parserPeakMemory=[0-9]* kB' "$work/once.log" | grep -o '[0-9]*' | tail -1 || echo "?")
  sqlite3 -separator $'\t' "$work/Storage/db/zhtj.sqlite" \
    "SELECT u.displayName, u.state, ifnull(m.developmentNumber, ''), ifnull(u.numberSource, '') FROM upload u LEFT JOIN member m ON m.id = u.memberID" \
    > "$work/zhtjd.tsv"
  python3 - "$name" "$manifest" "$work/naive.tsv" "$work/zhtjd.tsv" "$naive_s" "$z_s" "$child" "$n" <<'EOF'
import csv, sys
name, manifest, naive, zhtjd, naive_s, z_s, child, n = sys.argv[1:]
truth = {r["file"].split("/")[-1]: r["number"] for r in csv.DictReader(open(manifest), delimiter="\t")}
def count(rows):
    right = unmatched = wrong = 0
    for f, got in rows:
        want = truth[f]
        if got == want: right += 1
        elif got: wrong += 1
        else: unmatched += 1
    return right, unmatched, wrong
naive_rows = [l.rstrip("\n").split("\t") for l in open(naive)]
z_rows = []
for l in open(zhtjd):
    display, state, number, source = l.rstrip("\n").split("\t")
    f = display.split("-", 1)[1]
    z_rows.append((f, number if state == "archived" else ""))
n = int(n)
for label, rows, secs in (("naive pdftoppm+tesseract", naive_rows, float(naive_s)), ("zhtjd --once", z_rows, float(z_s))):
    r, u, w = count(rows)
    extra = f"   parser child peak {int(child)//1024} MB" if label.startswith("zhtjd") and child.isdigit() else ""
    print(f"{name:>7}  {label:<26} {n:4d} files  right {r:4d} ({100*r/n:5.1f} %)  unmatched {u:4d}  wrong {w:3d}  {n/secs:6.2f} files/s{extra}")
EOF
}

echo
echo "Targets: labels 100 % right at 150–300 DPI; printed numbers ≥ 98 % right at 200–300 DPI, ≥ 90 % at 150; 0 wrong;"
echo "zhtjd ≥ 2× the naive pipeline's files/s; the parser child under 400 MB."
for dpi in 150 200 300; do
  grep -P "^$dpi/" "$work/scans/manifest.tsv" | sed "s|^$dpi/||" | { echo -e "file\tnumber\tname\tdpi\tlayout\tdegradations"; cat; } > "$work/m-$dpi.tsv"
  run_set "$dpi" "$work/scans/$dpi" "$work/m-$dpi.tsv"
done
for dpi in 150 200 300; do
  grep -P "^$dpi/" "$work/labels/manifest.tsv" | sed "s|^$dpi/||" | head -n "$COUNT" | { echo -e "file\tnumber\tname\tdpi\tlayout\tdegradations"; cat; } > "$work/l-$dpi.tsv"
  mkdir -p "$work/lab-$dpi"
  tail -n +2 "$work/l-$dpi.tsv" | cut -f1 | while read -r f; do cp "$work/labels/$dpi/$f" "$work/lab-$dpi/"; done
  run_set "lbl$dpi" "$work/lab-$dpi" "$work/l-$dpi.tsv"
done
