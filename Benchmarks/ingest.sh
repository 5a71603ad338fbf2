#!/usr/bin/env bash
# The ingest benchmark (issue 7): on one corpus, times
#   (a) cat of every file to /dev/null (the read limit), (b) sha256sum of every file,
#   (c) a sysadmin's pipeline per file: file --mime-type, pdfinfo, pdftotext -l 1, sha256sum, cp,
#   (d) zhtjd --once ingesting the same files into an empty storage,
# and prints files/s, MB/s and the ratio to (a), as medians of RUNS runs, plus zhtjd's own peak memory.
# The page cache is warm for every measurement (each is run once before timing starts).
# Usage: Benchmarks/ingest.sh [RUNS=5] [LARGE=50] [SMALL=500]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}; LARGE=${2:-50}; SMALL=${3:-500}
scripts/install-deps
for tool in /usr/bin/time file pdfinfo bc; do
  command -v "$tool" >/dev/null || { apt-get install -y -qq time file poppler-utils bc >/dev/null; break; }
done
echo "building (release)…" >&2
swift build -c release --product zhtjd >/dev/null
swift build -c release --product zhtj-corpus >/dev/null
work=$(mktemp -d /tmp/zhtj-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
.build/release/zhtj-corpus "$work/corpus" "$LARGE" "$SMALL"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
now() { date +%s.%N; }

bench_set() {
  local name=$1 dir=$2
  local files=("$dir"/*.pdf)
  local count=${#files[@]}
  local bytes; bytes=$(du -cb "${files[@]}" | tail -1 | cut -f1)
  local mb; mb=$(awk -v b="$bytes" 'BEGIN {printf "%.1f", b/1048576}')
  declare -A times
  for step in a b c d; do : > "$work/$step.times"; done
  : > "$work/peak.kb"; : > "$work/child.kb"
  for run in $(seq 0 "$RUNS"); do
    t0=$(now); cat "${files[@]}" > /dev/null; t1=$(now)
    [ "$run" -gt 0 ] && echo "$t1 - $t0" | bc -l >> "$work/a.times"
    t0=$(now); sha256sum "${files[@]}" > /dev/null; t1=$(now)
    [ "$run" -gt 0 ] && echo "$t1 - $t0" | bc -l >> "$work/b.times"
    rm -rf "$work/copy"; mkdir -p "$work/copy"
    t0=$(now)
    for f in "${files[@]}"; do
      file --mime-type -b "$f" > /dev/null; pdfinfo "$f" > /dev/null 2>&1 || true
      pdftotext -l 1 "$f" - > /dev/null 2>&1 || true; sha256sum "$f" > /dev/null; cp "$f" "$work/copy/"
    done
    t1=$(now)
    [ "$run" -gt 0 ] && echo "$t1 - $t0" | bc -l >> "$work/c.times"
    rm -rf "$work/storage"; mkdir -p "$work/storage/inbox"; cp "${files[@]}" "$work/storage/inbox/"
    t0=$(now)
    /usr/bin/time -f "%M" -o "$work/time.out" .build/release/zhtjd --storage "$work/storage" --once --log-level notice 2> "$work/zhtjd.log"
    t1=$(now)
    if [ "$run" -gt 0 ]; then
      echo "$t1 - $t0" | bc -l >> "$work/d.times"
      grep -o 'zhtj.peakMemory=[0-9]* kB' "$work/zhtjd.log" | grep -o '[0-9]*' >> "$work/peak.kb" || true
      grep -o 'zhtj.parserPeakMemory=[0-9]* kB' "$work/zhtjd.log" | grep -o '[0-9]*' >> "$work/child.kb" || true
    fi
    left=$(find "$work/storage/inbox" -type f | wc -l)
    [ "$left" -eq 0 ] || echo "warning: $left files left in the inbox after --once" >&2
  done
  local a b c d
  a=$(median < "$work/a.times"); b=$(median < "$work/b.times"); c=$(median < "$work/c.times"); d=$(median < "$work/d.times")
  printf '\n%s: %d files, %s MB, medians of %d runs (warm cache)\n' "$name" "$count" "$mb" "$RUNS"
  printf '%-34s %10s %10s %10s %12s\n' "step" "seconds" "files/s" "MB/s" "÷ (a)"
  for step in a b c d; do
    local t label
    case $step in
      a) t=$a; label="(a) cat";; b) t=$b; label="(b) sha256sum";;
      c) t=$c; label="(c) file+pdfinfo+pdftotext+sha+cp";; d) t=$d; label="(d) zhtjd --once";;
    esac
    awk -v l="$label" -v t="$t" -v n="$count" -v m="$mb" -v a="$a" \
      'BEGIN {printf "%-34s %10.3f %10.1f %10.1f %12.2f\n", l, t, n/t, m/t, t/a}'
  done
  awk -v c="$c" -v d="$d" -v a="$a" -v b="$b" 'BEGIN {printf "(d) is %.1fx faster than (c); (d) / ((a)+(b)) = %.2f\n", c/d, d/(a+b)}'
  printf 'zhtjd peak memory (VmHWM, median): %s kB; the parser child'"'"'s peak (its own VmHWM, median): %s kB\n' \
    "$(median < "$work/peak.kb")" "$(median < "$work/child.kb")"
}

bench_set "large scanned-like PDFs" "$work/corpus/large"
bench_set "small text forms" "$work/corpus/small"
echo
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u +%Y-%m-%d); $(swift --version 2>&1 | head -1)"
