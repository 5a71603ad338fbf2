#!/usr/bin/env bash
# The registry benchmark (issue 7): a province-sized database (100 000 orgs, 2 000 000 members, 300 000 of them
# needing e-archives, in every state), then timings through the real daemon's socket (release build):
# member search by ID number and by name (as the root admin and as a county admin), `reviews` for the busiest
# committee, `reminders`, `stats`, `org tree` and `org progress` for the root, a 100 000-row `member import` through
# the CLI, 1000 `approve`s one after another, 10 000 reads from 8 clients at once, and the daily reminder sweep over
# every org. Prints p50, p99, max and requests/s; the query plans of the key queries.
# Usage: Benchmarks/registry.sh [MEMBERS=2000000] [NEED_EARCHIVE=300000] [ORGS=100000] [IMPORT_ROWS=100000]
# ZHTJ_BENCH_DATABASE=postgres (issue 15): the same province moved with `zhtj admin migrate` into PostgreSQL (a
# throwaway cluster, scripts/pg-cluster) and the same timings through a daemon on it; SQLite's query plans are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
MEMBERS=${1:-2000000}; NEED=${2:-300000}; ORGS=${3:-100000}; IMPORT_ROWS=${4:-100000}
scripts/install-deps
command -v sqlite3 >/dev/null || apt-get install -y -qq sqlite3 >/dev/null
echo "building (release)…" >&2
swift build -c release >/dev/null
bin=$PWD/.build/release
work=$(mktemp -d /tmp/zhtj-registry.XXXXXX)
daemon=
engine=${ZHTJ_BENCH_DATABASE:-sqlite}
cluster=
cleanup() {
  [ -n "$daemon" ] && kill "$daemon" 2>/dev/null && wait "$daemon" 2>/dev/null
  [ -n "$cluster" ] && scripts/pg-cluster stop "$cluster"
  rm -rf "$work"
}
trap cleanup EXIT
now() { date +%s.%N; }

echo "== generating $ORGS orgs, $MEMBERS members, $NEED needing e-archives"
t0=$(now)
"$bin/zhtj-province" generate "$work/Storage" "$MEMBERS" "$NEED" "$ORGS" > "$work/generate.out"
t1=$(now)
busy=$(awk '/busy-committee/ {print $2}' "$work/generate.out")
printf 'generated in %.1f s; database %s MB\n' "$(echo "$t1 - $t0" | bc -l)" "$(du -m "$work/Storage/db" | cut -f1)"

if [ "$engine" = postgres ]; then
  echo "== moving the province into PostgreSQL (zhtj admin migrate)"
  cluster=$(mktemp -d /tmp/zhtj-pgb.XXXXXX); rmdir "$cluster"
  server=$(scripts/pg-cluster start "$cluster")
  psql -X -q "$server" -c "CREATE DATABASE province"
  export ZHTJD_DATABASE_URL="postgres://postgres@/province?host=$cluster"
  t0=$(now)
  "$bin/zhtj" admin migrate --to "$ZHTJD_DATABASE_URL" --storage "$work/Storage" | head -3
  t1=$(now)
  printf 'migrate: %.1f s; database %s MB\n' "$(echo "$t1 - $t0" | bc -l)" \
    "$(psql -X -q -t -A "$ZHTJD_DATABASE_URL" -c "SELECT pg_database_size('province') / 1048576")"
fi

echo "== query plans"
db=$work/Storage/db/zhtj.sqlite
if [ "$engine" = postgres ]; then plan() { :; }; echo "(SQLite's; skipped on PostgreSQL)"; fi
[ "$engine" = postgres ] || plan() { echo "-- $1"; sqlite3 "$db" "EXPLAIN QUERY PLAN $2"; }
plan "member.search (name suffixes, ID-number and development-number prefixes, scope as a path range)" \
  "SELECT member.* FROM member JOIN org ON org.id = member.branchID WHERE member.id IN (
     SELECT memberID FROM memberNameSuffix WHERE suffix >= lower('王芳') AND suffix < lower('王芳') || char(1114111)
     UNION SELECT id FROM member WHERE idNumber >= '王芳' AND idNumber < '王芳' || char(1114111)
     UNION SELECT id FROM member WHERE developmentNumber >= '王芳' AND developmentNumber < '王芳' || char(1114111))
   AND org.path >= '/1/' AND org.path < '/10' ORDER BY member.id LIMIT 50"
plan "reminder above branch level, oldest overdue: walk the open members in due order (member_open_due), keep the subtree's" \
  "SELECT m.id FROM member AS m INDEXED BY member_open_due JOIN org AS b ON b.id = m.branchID
   WHERE m.joinYear >= 2020 AND m.latestState IS NOT 'approved' AND m.leftAt IS NULL AND m.dueDate < '2026-12-01' AND b.path >= '/1/2/' AND b.path < '/1/20'
   ORDER BY m.dueDate, m.id LIMIT 20"
plan "reminder above branch level, oldest overdue: the subtree's open members, sorted (a small subtree)" \
  "SELECT m.id FROM org AS b CROSS JOIN member AS m INDEXED BY member_branch_year ON m.branchID = b.id
   WHERE m.joinYear >= 2020 AND m.latestState IS NOT 'approved' AND m.leftAt IS NULL AND m.dueDate < '2026-12-01' AND b.path >= '/1/2/' AND b.path < '/1/20'
   ORDER BY m.dueDate, m.id LIMIT 20"
plan "reminder counts: an org's overdue from its tallies by due date" \
  "SELECT sum(count) FROM orgDue WHERE orgID = 2 AND dueDate < '2026-12-01'"
plan "reviews (a page of the committee's queue: the reviewer's range of version_review from after, LIMIT 50 + 1, no sort)" \
  "SELECT v.id FROM archiveVersion AS v JOIN member AS m ON m.id = v.memberID JOIN org AS b ON b.id = m.branchID
   JOIN document AS d ON d.sha256 = v.sha256 JOIN upload AS u ON u.id = v.uploadID JOIN org AS o ON o.id = v.uploaderOrgID
   WHERE v.state = 'pending' AND v.reviewerOrgID = $busy AND v.id > 0 ORDER BY v.id LIMIT 51"
plan "reviews (the page's counts)" "SELECT count(*) FROM archiveVersion WHERE state = 'pending' AND reviewerOrgID = $busy AND id > 0"
plan "stats: per join year and latest state" \
  "SELECT m.joinYear, v.state, count(*) FROM org AS b JOIN member AS m ON m.branchID = b.id
   LEFT JOIN archiveVersion AS v ON m.joinYear >= 2020 AND v.memberID = m.id AND v.version = (SELECT max(version) FROM archiveVersion WHERE memberID = m.id)
   WHERE b.path >= '/1/2/' AND b.path < '/1/20' GROUP BY m.joinYear, v.state"
plan "org tree --all (subtree as a path range; member counts kept by triggers)" \
  "SELECT org.*, EXISTS (SELECT 1 FROM admin WHERE admin.orgID = org.id) FROM org WHERE org.path >= '/1/2/' AND org.path < '/1/20' ORDER BY org.id"
plan "org tree, default view of a large tree (two levels: one range of org_depth_path per level)" \
  "SELECT org.*, EXISTS (SELECT 1 FROM admin WHERE admin.orgID = org.id) FROM org WHERE org.depth IN (0, 1, 2) AND org.path >= '/1/' AND org.path < '/10' ORDER BY org.id"
plan "org tree, the orgs not shown below each node of the last level (index only)" \
  "SELECT id, (SELECT count(*) FROM org AS below WHERE below.path > org.path AND below.path < substr(org.path, 1, length(org.path) - 1) || '0')
   FROM org WHERE depth = 2 AND path >= '/1/' AND path < '/10'"
plan "children of an org" "SELECT * FROM org WHERE parentID = 2 ORDER BY id"

echo "== the daemon"
t0=$(now)
ZHTJD_REMINDERS_TIME=23:59 ZHTJD_CONSOLE_LISTEN=127.0.0.1:0 "$bin/zhtjd" --storage "$work/Storage" --log-level critical 2> "$work/zhtjd.log" &
daemon=$!
until [ -S "$work/Storage/run/zhtjd.sock" ] && ZHTJ_CREDENTIALS="$work/root.credentials" "$bin/zhtj" whoami --json >/dev/null 2>&1; do sleep 0.2; done
t1=$(now)
printf 'zhtjd started in %.1f s (migrations, quick_check, %d inbox folders, one inotify watch each)\n' "$(echo "$t1 - $t0" | bc -l)" "$ORGS"

echo "== timings"
load=$bin/zhtj-load
figures=$work/figures.txt
exec 3>&1
exec > >(tee -a "$figures") 2>&1
"$load" search "$work/root.credentials" "$work/samples-root.tsv" id 1000
"$load" search "$work/root.credentials" "$work/samples-root.tsv" name 1000
"$load" search "$work/county.credentials" "$work/samples-county.tsv" id 1000
"$load" search "$work/county.credentials" "$work/samples-county.tsv" name 1000
"$load" repeat "$work/root.credentials" member.search '{"text":"王"}' 20
"$load" repeat "$work/busy.credentials" reviews '{}' 20
"$load" repeat "$work/busy.credentials" reviews '{"all":true}' 5
"$load" repeat "$work/root.credentials" reminders.banner '{}' 10
"$load" repeat "$work/busy.credentials" reviews.overview '{}' 5
"$load" repeat "$work/root.credentials" reminders '{"send":false}' 3
"$load" repeat "$work/busy.credentials" reminders '{"send":false}' 20
"$load" repeat "$work/root.credentials" stats '{}' 5
"$load" repeat "$work/root.credentials" org.tree '{}' 10
"$load" repeat "$work/root.credentials" org.tree '{"all":true}' 3
"$load" repeat "$work/root.credentials" org.progress '{}' 5
# Issue 16: who has not paid last month, the open leave requests and transfers.
feemonth=$(date -d "$(date +%Y-%m-15) -1 month" +%Y-%m)
"$load" repeat "$work/busy.credentials" fee.status "{\"month\":\"$feemonth\",\"limit\":100}" 5
"$load" repeat "$work/county.credentials" fee.status "{\"month\":\"$feemonth\",\"limit\":100}" 5
"$load" repeat "$work/root.credentials" fee.status "{\"month\":\"$feemonth\",\"limit\":100}" 2
"$load" repeat "$work/busy.credentials" leave.list '{}' 10
"$load" repeat "$work/root.credentials" leave.list '{}' 5
"$load" repeat "$work/busy.credentials" transfer.list '{}' 10
"$load" repeat "$work/root.credentials" transfer.list '{}' 5
# Issue 17: the browser console's queue and review pages for the busiest committee (before the approvals below).
"$load" console "$work/busy.credentials" 50
"$load" approve "$work/busy.credentials" 1000
"$load" mixed 8 10000 "$work/root.credentials" "$work/samples-root.tsv"

echo "== end to end: the zhtj process from start to exit, output rendered (to a file), median of 5"
# e2e LABEL CREDENTIALS ARGS…: prints "e2e LABEL median_s" (a command that exits non-zero still counts: its output was rendered).
e2e() {
  local label=$1 cred=$2; shift 2
  local times=()
  for _ in 1 2 3 4 5; do
    local a b; a=$(now)
    ZHTJ_CREDENTIALS="$cred" "$bin/zhtj" "$@" > "$work/e2e.out" 2>&1 || true
    b=$(now); times+=("$(echo "$b - $a" | bc -l)")
  done
  printf 'e2e %s %.3f s (%s lines)\n' "$label" "$(printf '%s\n' "${times[@]}" | sort -g | sed -n 3p)" "$(wc -l < "$work/e2e.out")"
}
e2e whoami "$work/root.credentials" whoami
e2e stats "$work/root.credentials" stats
e2e reminders "$work/root.credentials" reminders
e2e reviews "$work/busy.credentials" reviews
e2e org-tree "$work/root.credentials" org tree

echo "== member import of $IMPORT_ROWS rows through the CLI"
"$bin/zhtj-province" csv "$work/import.csv" "$IMPORT_ROWS" "$ORGS"
t0=$(now)
ZHTJ_CREDENTIALS="$work/root.credentials" "$bin/zhtj" member import "$work/import.csv" --quiet --json > "$work/import.json"
t1=$(now)
imported=$(grep -o '"imported" : [0-9]*' "$work/import.json" | grep -o '[0-9]*$')
awk -v t="$(echo "$t1 - $t0" | bc -l)" -v n="$imported" 'BEGIN {printf "member import: %d rows imported in %.2f s: %.0f rows/s\n", n, t, n/t}'

# The daemon's side alone (no CLI decoding and rendering of the report), on a second table of new members.
"$bin/zhtj-province" csv "$work/import2.csv" "$IMPORT_ROWS" "$ORGS" 3000000
"$load" import "$work/root.credentials" "$work/import2.csv" "$IMPORT_ROWS"

echo "== the kept tallies after the benchmark's writes (zhtj admin recount: exit 4 if a tally differs from a recount)"
ZHTJ_CREDENTIALS="$work/root.credentials" "$bin/zhtj" admin recount && echo "recount: no difference" || echo "recount: DIFFERENCES FOUND (exit $?)"

echo "== the daily reminder sweep over every org (ReminderDelivery.deliverAll, as the daemon's ReminderService)"
kill "$daemon"; wait "$daemon" 2>/dev/null || true; daemon=
/usr/bin/time -f "sweep process: %e s, %M KB max RSS" "$bin/zhtj-province" sweep "$work/Storage"
echo "outbox: $(find "$work/Storage/outbox" -type f | wc -l) files, $(du -sm "$work/Storage/outbox" | cut -f1) MB on disk, $(find "$work/Storage/outbox" -type f -exec cat {} + | wc -c) bytes of text"

exec 1>&3 2>&1
sleep 1
echo
echo "== issue 13's targets (p50 daemon side over the socket / end to end; figures above)"
p50() { grep -F -- "$1" "$figures" | head -1 | sed -E 's/.*p50= *([0-9.]+) ms.*/\1/'; }
p99() { grep -F -- "$1" "$figures" | head -1 | sed -E 's/.*p99= *([0-9.]+) ms.*/\1/'; }
e2eof() { awk -v k="$1" '$1 == "e2e" && $2 == k {print $3 * 1000}' "$figures"; }
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { if (v == "") print "not measured"; else if (v + 0 < t + 0) print "met"; else printf "missed (%.1fx)\n", v / t }'; }
row() { # LABEL DAEMON_MS DAEMON_TARGET E2E_MS E2E_TARGET
  printf '| %-34s | %10s ms | < %6s ms: %-14s | %8s ms | < %4s ms: %-14s |\n' "$1" "${2:-—}" "$3" "$(verdict "$2" "$3")" "${4:-—}" "$5" "$(verdict "$4" "$5")"
}
echo "| what | daemon p50 | target | end to end | target |"
echo "|---|---|---|---|---|"
row "banner (whoami), root" "$(p50 'reminders.banner {} as root')" 5 "$(e2eof whoami)" 30
row "stats, root" "$(p50 'stats {} as root')" 100 "$(e2eof stats)" 150
row "reminders, root" "$(p50 'reminders {"send":false} as root')" 100 "$(e2eof reminders)" 150
row "reviews, busiest committee" "$(p50 'reviews {} as busy')" 20 "$(e2eof reviews)" 60
row "org tree, root, default view" "$(p50 'org.tree {} as root')" 100 "$(e2eof org-tree)" 150
echo "console pages, busiest committee (HTTP on loopback, issue 17; target < 50 ms): queue p50 $(p50 'console queue page') / p99 $(p99 'console queue page') ms ($(verdict "$(p99 'console queue page')" 50)), review p50 $(p50 'console review page') / p99 $(p99 'console review page') ms ($(verdict "$(p99 'console review page')" 50))"
echo "search p99 (ID number / name), root: $(p99 'member.search by ID number as root') / $(p99 'member.search by name as root') ms (before issue 13: 2.0 / 4.3 ms; target: no worse)"
mixed=$(p99 'clients, mixed reads')
echo "10 000 mixed reads from 8 clients, p99: $mixed ms (target < 10 ms: $(verdict "$mixed" 10))"
sweep=$(grep -o 'orgs in [0-9.]* s' "$figures" | head -1 | grep -o '[0-9.]* s' | grep -o '[0-9.]*')
echo "daily sweep with files written: $sweep s (target < 10 s: $(verdict "$sweep" 10)); $(grep 'sweep phases' "$figures")"
rate=$(grep 'member import:' "$figures" | grep -o '[0-9]* rows/s' | grep -o '[0-9]*' || true)
echo "member import through the CLI: $rate rows/s (target ≥ 20 000: $(awk -v r="$rate" 'BEGIN { if (r >= 20000) print "met"; else printf "missed (%.1fx short)\n", 20000 / r }'))"
grep -F 'recount:' "$figures"

echo
echo "engine: $engine"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u +%Y-%m-%d); $(swift --version 2>&1 | head -1)"
