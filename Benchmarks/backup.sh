#!/usr/bin/env bash
# The backup benchmark (issue 14): a province-sized registry (100 000 orgs, 2 000 000 members, 300 000 needing
# e-archives) whose documents have archive files (placeholders of ARCHIVE_BYTES each, so the file count is a
# province's while the disk holds a few GB), backed up through the real daemon (release build): the first backup, a
# second one into the same folder (nothing new), one with --link, and the restore into a new root. Prints seconds,
# files/s and MB/s.
# Usage: Benchmarks/backup.sh [MEMBERS=2000000] [NEED_EARCHIVE=300000] [ORGS=100000] [ARCHIVE_BYTES=4096]
set -euo pipefail
cd "$(dirname "$0")/.."
MEMBERS=${1:-2000000}; NEED=${2:-300000}; ORGS=${3:-100000}; BYTES=${4:-4096}
scripts/install-deps
echo "building (release)…" >&2
swift build -c release >/dev/null
bin=$PWD/.build/release
work=$(mktemp -d /tmp/zhtj-backup-bench.XXXXXX)
daemon=
cleanup() { [ -n "$daemon" ] && kill "$daemon" 2>/dev/null && wait "$daemon" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
now() { date +%s.%N; }
export ZHTJ_SOCKET=$work/Storage/run/zhtjd.sock

echo "== generating $ORGS orgs, $MEMBERS members, $NEED needing e-archives, archive files of $BYTES bytes"
"$bin/zhtj-province" generate "$work/Storage" "$MEMBERS" "$NEED" "$ORGS" "$BYTES" > /dev/null
files=$(find "$work/Storage/archive" -name '*.pdf' | wc -l)
printf 'database %s MB, archive %s files, %s MB\n' "$(du -sm "$work/Storage/db" | cut -f1)" "$files" "$(du -sm "$work/Storage/archive" | cut -f1)"
sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null || true

ZHTJD_REMINDERS_TIME=23:59 "$bin/zhtjd" --storage "$work/Storage" --log-level warning 2> "$work/zhtjd.log" &
daemon=$!
for _ in $(seq 600); do "$bin/zhtj" whoami >/dev/null 2>&1 && break; sleep 0.1; done

run() { # label, then the command; prints seconds and the JSON's counts
  local label=$1; shift
  local t0 t1; t0=$(now); "$@" > "$work/out.json"; t1=$(now)
  local s; s=$(echo "$t1 - $t0" | bc -l)
  python3 - "$label" "$s" "$work/out.json" <<'PY'
import json, sys
label, s, path = sys.argv[1], float(sys.argv[2]), sys.argv[3]
r = json.load(open(path))
moved = r.get("objectsCopied", 0) + r.get("objectsLinked", 0)
mb = r.get("bytesCopied", 0) / 1e6
print(f"{label:<34} {s:8.1f} s   copied {r.get('objectsCopied', 0):>7}  linked {r.get('objectsLinked', 0):>7}  present {r.get('objectsPresent', 0):>7}"
      f"   {moved / s if s else 0:8.0f} files/s  {mb / s if s else 0:7.1f} MB/s written  ok={r.get('ok')}")
print("    phases: " + ", ".join(f"{k} {v:.1f} s" for k, v in sorted(r.get("seconds", {}).items(), key=lambda kv: -kv[1])))
PY
}
echo "== backups (the daemon running)"
run "first backup (everything new)" "$bin/zhtj" admin backup "$work/backup" --json --quiet
run "second backup (nothing new)" "$bin/zhtj" admin backup "$work/backup" --json --quiet
run "backup --link (same filesystem)" "$bin/zhtj" admin backup "$work/linked" --link --json --quiet
printf 'backup folder: %s MB\n' "$(du -sm "$work/backup" | cut -f1)"
kill "$daemon"; wait "$daemon" 2>/dev/null || true; daemon=

echo "== restore (the daemon stopped)"
t0=$(now); "$bin/zhtj" admin restore "$work/backup" --storage "$work/restored" --json > "$work/restore.json"; t1=$(now)
python3 - "$(echo "$t1 - $t0" | bc -l)" "$work/restore.json" <<'PY'
import json, sys
s, r = float(sys.argv[1]), json.load(open(sys.argv[2]))
print(f"{'restore (every hash checked)':<34} {s:8.1f} s   {r['documents']} archive files, {r['members']} members, {r['auditRows']} audit rows"
      f"   {r['documents'] / s:8.0f} files/s")
PY
