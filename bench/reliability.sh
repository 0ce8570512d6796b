#!/usr/bin/env bash
# Tally's reliability proof at larger sizes than the test suite runs (docs/reliability.md, "Proof").
# Prints the figures and writes them to bench/reliability-results.md and into docs/reliability.md (between the
# "bench/reliability.sh figures" markers). Every figure that must hold is a count (runs survived, cases passing,
# kill points tried, files scanned), never a time; the wall time and load average are printed beside them to say
# what the machine was doing.
#
#   bench/reliability.sh [--quick] [--seeds N] [--clients N] [--scale N] [--kills N] [--only CHECKS]
#
#   --quick       the test suite's sizes (21 fault seeds, 32 clients at scale 5, 10 kill points)
#   --seeds N     fault seeds for the fault matrix (default 100: each of the 12 kinds alone and the mix, 1,300 harvests)
#   --clients N   concurrent harvesting clients in the load run (default 32)
#   --scale N     emulator scale of the load run (default 5)
#   --kills N     kill points: harvests killed with SIGKILL 0.1, 0.2, ... N/10 seconds after they start (default 40)
#   --load-collections LIST  what each load client harvests (default all; or e.g. customers,projects,orders)
#   --emulator-heap SIZE     the load run's emulator heap (default 4g: 32 clients' pages in flight beside the scale-5
#                            dataset do not fit the 1g that ./tally emulator runs with; docs/reliability.md)
#   --only CHECKS the checks to run, comma-separated: matrix, corpus, load, kills (the leak scan always runs)
#
# What it runs:
#   1. FaultMatrixTest (api-client): each harvest under injected faults equals the clean one or fails leaving nothing.
#   2. BadInputCorpusTest (report-cli): every case under report-cli/src/test/resources/bad-input/.
#   3. ConcurrentHarvestLoadTest (api-client): one clean harvest of every collection, then N clients (each a
#      Harvester with its own HTTP client and folder, all in one JVM, so JVM start-ups are not what is measured)
#      harvesting every collection at once; every snapshot must be complete, its data files byte-identical to the
#      clean harvest's (SHA-256), and no client may see an error.
#   4. Kill points: ./tally harvest killed at N points in time (this script is not a test, so it may use the clock);
#      the next harvest into the same folder must succeed and
#      leave no .partial/.tmp debris.
#   5. Leak scan: the staff token must appear in no file the runs wrote and in none of their output.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

seeds=100
clients=32
scale=5
kills=40
only=matrix,corpus,load,kills
load_collections=all
emulator_heap=4g
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) seeds=21; clients=32; scale=5; kills=10; shift ;;
    --seeds) seeds="$2"; shift 2 ;;
    --clients) clients="$2"; shift 2 ;;
    --scale) scale="$2"; shift 2 ;;
    --kills) kills="$2"; shift 2 ;;
    --load-collections) load_collections="$2"; shift 2 ;;
    --emulator-heap) emulator_heap="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    -h|--help) sed -n '2,29p' "$0"; exit 0 ;;
    *) echo "bench/reliability.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done

token=5aff0000000000000000000000000000000000ff   # the emulator's built-in staff token
work="$(mktemp -d "${TMPDIR:-/tmp}/tally-reliability.XXXXXX")"
emulator_pid=""
cleanup() {
  [ -n "$emulator_pid" ] && kill "$emulator_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
out="$root/bench/reliability-results.md"
doc="$root/docs/reliability.md"
failed=0
rows=()

wanted() { case ",$only," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# The count a surefire report holds: tests="N" failures="F" errors="E"; "0 1" when there is no report (the test
# did not run, say it did not compile), so a missing report never reads as a pass.
surefire() {
  local xml="$1"
  [ -f "$xml" ] || { echo "0 1"; return; }
  python3 - "$xml" <<'EOF'
import sys, xml.etree.ElementTree as ET
t = ET.parse(sys.argv[1]).getroot()
print(t.get("tests"), int(t.get("failures")) + int(t.get("errors")))
EOF
}

run_test() {  # module test-class extra-maven-args...
  local module="$1" test="$2"
  shift 2
  echo "reliability: running $test ($*)" >&2
  rm -f "$module"/target/surefire-reports/*"$test"*
  mvn -o -q -pl "$module" -am test -Dtally.cds.skip=true -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false "$@" \
    > "$work/$test.log" 2>&1 || failed=1
}

started="$(date -u '+%Y-%m-%d %H:%M UTC')"
load_start="$(loadavg)"
SECONDS=0

# 1. fault matrix
if wanted matrix; then
  run_test api-client FaultMatrixTest -Dtally.faultMatrix.seeds="$seeds"
  read -r matrix_tests matrix_failed < <(surefire api-client/target/surefire-reports/TEST-dev.tally.waldur.snapshot.FaultMatrixTest.xml)
  matrix_out=api-client/target/surefire-reports/dev.tally.waldur.snapshot.FaultMatrixTest-output.txt
  matrix_line="$(grep -hs '^fault matrix:' "$matrix_out" || true)"
  rows+=("| fault matrix, $seeds seeds | $((matrix_tests - matrix_failed)) of $matrix_tests harvests held (${matrix_line#fault matrix: }) |")
  # one line per kind: "fault kind: SPEC: N harvests, S equal to the clean one, F failed cleanly"
  while IFS= read -r kind; do
    [ -n "$kind" ] && rows+=("$kind")
  done < <(grep -hs '^fault kind:' "$matrix_out" | sed 's/^fault kind: \(.*\): \([0-9]* harvests.*\)$/| fault matrix, `\1` | \2 |/' || true)
  [ "$matrix_failed" -eq 0 ] || failed=1
fi

# 2. bad-input corpus
if wanted corpus; then
  run_test report-cli BadInputCorpusTest
  read -r corpus_tests corpus_failed < <(surefire report-cli/target/surefire-reports/TEST-dev.tally.cli.BadInputCorpusTest.xml)
  rows+=("| bad-input corpus | $((corpus_tests - corpus_failed)) of $corpus_tests cases passing |")
  [ "$corpus_failed" -eq 0 ] || failed=1
fi

# 3. load: every collection, each client's data files compared with a clean harvest's
if wanted load; then
  load_before="$(loadavg)"
  load_seconds=$SECONDS
  run_test api-client ConcurrentHarvestLoadTest -Dtally.load.clients="$clients" -Dtally.load.scale="$scale" \
    -Dtally.load.collections="$load_collections" -Dtally.load.emulatorHeap="$emulator_heap"
  load_seconds=$((SECONDS - load_seconds))
  read -r load_tests load_failed < <(surefire api-client/target/surefire-reports/TEST-dev.tally.waldur.snapshot.ConcurrentHarvestLoadTest.xml)
  load_line="$(grep -hs '^load:' api-client/target/surefire-reports/dev.tally.waldur.snapshot.ConcurrentHarvestLoadTest-output.txt || true)"
  [ -n "$load_line" ] || load_line="load: no result (the test did not run to its end; see its log)"
  load_after="$(loadavg)"
  echo "$load_line; $load_seconds s wall, load average $load_before before and $load_after after"
  rows+=("| load | ${load_line#load: }; $load_seconds s wall (compiling included), load average $load_before before and $load_after after |")
  [ "$load_failed" -eq 0 ] || failed=1
fi

# 4. kill points: a harvest killed k tenths of a second after it starts (k = 1..kills), then the same harvest again
if wanted kills; then
  ./tally --version > /dev/null   # builds the jar once, outside the kill loop
  port=18779
  ./tally emulator --port "$port" --scale 1 > "$work/emulator.log" 2>&1 &
  emulator_pid=$!
  for _ in $(seq 1 240); do
    grep -q 'listening' "$work/emulator.log" 2>/dev/null && break
    sleep 0.5
  done
  printf '%s\n' "$token" > "$work/token"
  chmod 600 "$work/token"
  kill_tried=0
  kill_recovered=0
  for k in $(seq 1 "$kills"); do
    snap="$work/kill-$k"
    log="$work/kill-$k.log"
    ./tally harvest --url "http://127.0.0.1:$port/" --allow-insecure-http --token-file "$work/token" --out "$snap" \
      > "$log" 2>&1 &
    pid=$!
    # kill point k: k tenths of a second after the start (JVM start, connecting, paging, publishing; a harvest
    # that ends first is not killed). Progress lines cannot mark the points: they show only on a terminal.
    sleep "$(awk "BEGIN { print $k / 10 }")"
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    kill_tried=$((kill_tried + 1))
    if ./tally --quiet harvest --url "http://127.0.0.1:$port/" --allow-insecure-http --token-file "$work/token" \
        --out "$snap" > "$work/rerun-$k.log" 2>&1 \
        && [ -z "$(find "$work" -maxdepth 1 -name "kill-$k*" \( -name '*.partial*' -o -name '*.tmp' \) -print -quit)" ] \
        && [ -z "$(find "$snap" \( -name '*.partial*' -o -name '*.tmp' \) -print -quit)" ]; then
      kill_recovered=$((kill_recovered + 1))
    else
      failed=1
    fi
  done
  kill "$emulator_pid" 2>/dev/null || true
  emulator_pid=""
  rows+=("| kill points | $kill_recovered of $kill_tried harvests killed with SIGKILL at 0.1 to $(awk "BEGIN { print $kills / 10 }") s recovered on the next run into the same folder, no \`.partial\`/\`.tmp\` debris |")
fi

# 5. leak scan: every file the runs wrote (decompressed), their manifests and every log of this run
scanned=0
leaks=0
while IFS= read -r -d '' f; do
  scanned=$((scanned + 1))
  if case "$f" in *.gz) zcat "$f" 2>/dev/null ;; *) cat "$f" ;; esac | grep -q "$token"; then
    case "$f" in */token|*/emulator.log) ;; *) leaks=$((leaks + 1)); echo "reliability: token found in $f" >&2 ;; esac
  fi
done < <(find "$work" -type f -print0)
[ "$leaks" -eq 0 ] || failed=1
rows+=("| leak scan | $scanned files and logs of this run scanned, the staff token found in $leaks |")

verdict="every figure holding"
[ "$failed" -eq 0 ] || verdict="**not every figure holding**"
{
  echo "\`bench/reliability.sh --seeds $seeds --clients $clients --scale $scale --kills $kills --load-collections $load_collections --emulator-heap $emulator_heap --only $only\` on $started,"
  echo "commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $verdict; $SECONDS s wall, load average"
  echo "$load_start at the start and $(loadavg) at the end (2 cores shared with other builds):"
  echo
  echo "| check | figure |"
  echo "|---|---|"
  printf '%s\n' "${rows[@]}"
} > "$work/figures.md"
{ echo "# Reliability figures"; echo; cat "$work/figures.md"; } > "$out"
cat "$work/figures.md"

# The figures replace what is between the markers in docs/reliability.md ("Proof"); a page without them is left alone.
begin='<!-- bench/reliability.sh figures: begin -->'
end='<!-- bench/reliability.sh figures: end -->'
if grep -qF "$begin" "$doc" && grep -qF "$end" "$doc"; then
  python3 - "$doc" "$work/figures.md" "$begin" "$end" <<'EOF'
import os, sys
doc, figures, begin, end = sys.argv[1:]
text = open(doc, encoding="utf-8").read()
head, rest = text.split(begin, 1)
_, tail = rest.split(end, 1)
with open(doc + ".tmp", "w", encoding="utf-8") as f:
    f.write(head + begin + "\n" + open(figures, encoding="utf-8").read() + end + tail)
os.replace(doc + ".tmp", doc)
EOF
  echo "reliability: figures written to bench/reliability-results.md and docs/reliability.md" >&2
else
  echo "reliability: figures written to bench/reliability-results.md (docs/reliability.md has no markers)" >&2
fi
exit "$failed"
