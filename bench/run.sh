#!/usr/bin/env bash
# Tally benchmarks. Every figure is a ratio against a baseline measured in the same run, median of
# several repetitions, because the machine is shared and noisy. Rewrites the table at the top of
# ../BENCHMARKS.md and keeps every section after it (measurements by hand, notes) as it was.
#
#   bench/run.sh [--scale N] [--quick] [--refresh-only]
#
#   --quick         scale 1 only, few repetitions (under 5 minutes on 2 cores)
#   --scale N       run the harvest and end-to-end benchmarks at scale N only (default: 1, 5 and 20)
#   --refresh-only  only the incremental refresh against a full harvest (default scale 20), printed, not
#                   written to BENCHMARKS.md; with the load average, as it is meant for a busy machine
#
# Baselines: raw page fetches with curl at the same concurrency (the limit for harvesting), and the
# Python script staff would write today (requests + pandas + xlsxwriter/openpyxl from Debian's
# python3 packages, installed with apt-get when missing).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

quick=0
refresh_only=0
scales=(1 5 20)
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1; scales=(1); shift ;;
    --scale) scales=("$2"); shift 2 ;;
    --refresh-only) refresh_only=1; [ "${scales[*]}" = "1 5 20" ] && scales=(20); shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "bench/run.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done
reps=${BENCH_REPS:-3}   # BENCH_REPS=1 for a quick look on a busy machine
concurrency=4
# The launcher's options (C1 only, serial GC; see the comment in ./tally), so figures are what users get.
TALLY_JVM="-Xmx1g -XX:+UseSerialGC -XX:NewRatio=4 -XX:MinHeapFreeRatio=10 -XX:TieredStopAtLevel=1 ${TALLY_JAVA_OPTS:-} -Djava.awt.headless=true"
HARVEST_JVM="$TALLY_JVM"
token=5aff0000000000000000000000000000000000ff   # the emulator's built-in staff token
work="$(mktemp -d "${TMPDIR:-/tmp}/tally-bench.XXXXXX")"
results="$work/results.tsv"
emulator_pid=""
cleanup() {
  [ -n "$emulator_pid" ] && kill "$emulator_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

log() { printf '[bench] %s\n' "$*" >&2; }

# --- prerequisites -----------------------------------------------------------------------------
need_python() {
  if ! /usr/bin/python3 -c 'import requests, pandas, openpyxl, xlsxwriter' 2>/dev/null; then
    log "installing Debian's python3-requests python3-pandas python3-openpyxl python3-xlsxwriter"
    local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get install -y -q python3-requests python3-pandas python3-openpyxl python3-xlsxwriter >/dev/null \
      || { $sudo apt-get update -q >/dev/null && $sudo apt-get install -y -q python3-requests python3-pandas python3-openpyxl python3-xlsxwriter >/dev/null; }
  fi
  if [ ! -x /usr/bin/time ]; then
    local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get install -y -q time >/dev/null
  fi
}
if [ "$refresh_only" = 1 ]; then
  log "building Tally and the emulator"
  mvn -q -B -o -DskipTests -pl report-cli,waldur-emulator -am package
else
  need_python
  log "building Tally and the JMH benchmarks"
  mvn -q -B -Pbench -DskipTests package
fi
tally_jar="$root/report-cli/target/tally.jar"
emulator_jar="$(ls "$root"/waldur-emulator/target/waldur-emulator-*-standalone.jar)"
bench_jar="$root/bench/target/benchmarks.jar"
# The class-data-sharing archive the launcher uses when the build made one (see ./tally).
if [ -f "$root/report-cli/target/tally.jsa" ]; then
  cds="$root/report-cli/target/tally.jsa"
  [ -f "$root/report-cli/target/tally-top.jsa" ] && cds="$cds:$root/report-cli/target/tally-top.jsa"
  TALLY_JVM="-XX:SharedArchiveFile=$cds -Xshare:auto -Xlog:cds*=off $TALLY_JVM"
fi

# --- helpers ------------------------------------------------------------------------------------
now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
record() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >> "$results"; }   # what scale tally baseline ratio target pass

# time_cmd REPS CMD... : prints the median wall time in seconds
time_cmd() {
  local reps=$1; shift
  for _ in $(seq "$reps"); do
    local t0; t0=$(now_ms); "$@" >/dev/null 2>&1; local t1; t1=$(now_ms)
    echo $(( t1 - t0 ))
  done | median | awk '{printf "%.3f", $1/1000}'
}

start_emulator() {
  local scale=$1 port
  port=$(( 20000 + RANDOM % 20000 ))
  java -Xmx6g -jar "$emulator_jar" --port "$port" --scale "$scale" --seed 42 > "$work/emulator.log" 2>&1 &
  emulator_pid=$!
  local t0; t0=$(now_ms)
  until grep -q "listening on" "$work/emulator.log" 2>/dev/null; do
    kill -0 "$emulator_pid" 2>/dev/null || { cat "$work/emulator.log" >&2; exit 1; }
    sleep 0.2
  done
  emulator_startup=$(awk -v t="$(( $(now_ms) - t0 ))" 'BEGIN {printf "%.1f", t/1000}')
  api="http://127.0.0.1:$port/api/"
  log "emulator scale $scale on $api (ready in ${emulator_startup}s)"
}

stop_emulator() {
  kill "$emulator_pid" 2>/dev/null || true
  wait "$emulator_pid" 2>/dev/null || true
  emulator_pid=""
}

collections=(customers projects marketplace-public-offerings marketplace-orders marketplace-resources marketplace-component-usages)

# Page URLs at page_size=300 for every collection, from each list's X-Result-Count.
page_urls() {
  for c in "${collections[@]}"; do
    local count
    count=$(curl -sS -I -H "Authorization: Token $token" "${api}${c}/?page_size=300" | awk -F': ' 'tolower($1)=="x-result-count" {print $2+0}')
    local pages=$(( (count + 299) / 300 )); [ "$pages" -ge 1 ] || pages=1
    for p in $(seq "$pages"); do echo "${api}${c}/?page=$p&page_size=300"; done
  done
}

raw_fetch() {
  curl -sS --parallel --parallel-max "$concurrency" -H "Authorization: Token $token" -K "$work/curl.cfg"
}

# --- harvest -----------------------------------------------------------------------------------
bench_harvest() {
  local scale=$1
  printf '%s' "$token" > "$work/token"
  page_urls > "$work/urls.txt"
  awk '{print "url = \"" $0 "\"\noutput = \"/dev/null\""}' "$work/urls.txt" > "$work/curl.cfg"
  log "harvest at scale $scale: $(wc -l < "$work/urls.txt") pages"
  local raw tally py
  raw=$(time_cmd "$reps" raw_fetch)
  tally=$(time_cmd "$reps" java $HARVEST_JVM -jar "$tally_jar" harvest --url "$api" --token-file "$work/token" \
      --out "$work/snap" --concurrency "$concurrency" --quiet)
  record "harvest vs raw curl fetch (all collections)" "$scale" "$tally" "$raw" \
      "$(ratio "$tally" "$raw")" "≤ 1.15×" "$(le "$tally" "$raw" 1.15)"
  py=$(time_cmd 1 /usr/bin/python3 bench/python/harvest.py "$api" "$token" "$work/py")
  record "harvest vs Python requests script" "$scale" "$tally" "$py" \
      "$(ratio "$tally" "$py")" "≤ 0.33× (3× faster)" "$(le "$tally" "$py" 0.3334)"
}

# --- incremental refresh ------------------------------------------------------------------------
# A day's changes to ~1% of the resources (a description edit and a usage report each, both moving the resource's
# modified) after the full harvest in $work/snap, then `harvest --since` against a full harvest of the same state.
# The emulator stamps changes with its logical clock (as of 2026-11-01), not the wall clock the harvest's manifest
# uses, so the overlap reaches back to a day before that date: exactly what a server whose clock agrees with ours gives.
bench_refresh() {
  local scale=$1
  local -a uuids
  local resources changes
  resources=$(curl -sS -I -H "Authorization: Token $token" "${api}marketplace-resources/?page_size=1" | awk -F': ' 'tolower($1)=="x-result-count" {print $2+0}')
  changes=$(( resources / 100 )); [ "$changes" -ge 1 ] || changes=1
  mapfile -t uuids < <(for p in $(seq 1 $(( (changes + 299) / 300 ))); do
      curl -sS -H "Authorization: Token $token" "${api}marketplace-resources/?state=OK&field=uuid&page_size=300&page=$p"; done \
      | grep -o '"uuid":"[0-9a-f]\{32\}"' | cut -d'"' -f4 | head -n "$changes")
  log "refresh at scale $scale: changing ${#uuids[@]} of $resources resources"
  : > "$work/changes.cfg"
  local headers
  headers=$(printf 'header = "Authorization: Token %s"\nheader = "Content-Type: application/json"\nfail\n' "$token")
  headers="$headers"$'\n'
  for u in "${uuids[@]}"; do
    # headers per transfer: "next" resets them, so command-line -H would reach the first transfer only
    printf 'url = "%smarketplace-resources/%s/"\nrequest = "PATCH"\n%sdata = "{\\"description\\": \\"changed by bench\\"}"\noutput = "/dev/null"\n' "$api" "$u" "$headers" >> "$work/changes.cfg"
    printf 'next\nurl = "%smarketplace-component-usages/set_usage/"\n%sdata = "{\\"resource\\": \\"%s\\", \\"usages\\": [{\\"type\\": \\"cpu_k_hours\\", \\"amount\\": \\"1\\"}]}"\noutput = "/dev/null"\nnext\n' "$api" "$headers" "$u" >> "$work/changes.cfg"
  done
  # a trailing "next" would be a transfer without a URL, which aborts the others
  sed -i '$ d' "$work/changes.cfg"
  local failed=0
  curl -sS --parallel --parallel-max "$concurrency" -K "$work/changes.cfg" 2> "$work/changes.err" || failed=1
  # an offering without cpu_k_hours answers set_usage with 400; the PATCH of its resource still counts
  [ "$failed" = 0 ] || log "some changes were refused: $(sort -u "$work/changes.err" | head -3 | tr '\n' ' ')"
  local hours months
  hours=$(( ( $(date -u +%s) - $(date -u -d 2026-11-01 +%s) ) / 3600 + 24 )); [ "$hours" -ge 24 ] || hours=24
  # usage months back to the emulator's month (set_usage without a date reports for it)
  months=$(( $(date -u +%Y) * 12 + 10#$(date -u +%m) - (2026 * 12 + 11) )); [ "$months" -ge 0 ] || months=0
  local full refresh
  full=$(time_cmd "$reps" java $HARVEST_JVM -jar "$tally_jar" harvest --url "$api" --token-file "$work/token" \
      --out "$work/full" --concurrency "$concurrency" --quiet)
  refresh=$(time_cmd "$reps" java $HARVEST_JVM -jar "$tally_jar" harvest --url "$api" --token-file "$work/token" \
      --since "$work/snap" --overlap "PT${hours}H" --usage-months "$months" --out "$work/refresh" --concurrency "$concurrency" --quiet)
  local same=pass
  for f in "$work/full"/*.jsonl.gz; do cmp -s "$f" "$work/refresh/$(basename "$f")" || same="FAIL: $(basename "$f") differs"; done
  record "refresh after ~1% changes (harvest --since) vs full harvest, same state" "$scale" "$refresh" "$full" \
      "$(ratio "$refresh" "$full")" "≤ 0.10×" "$([ "$same" = pass ] && le "$refresh" "$full" 0.10 || echo "$same")"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}'; }
le() { awk -v a="$1" -v b="$2" -v k="$3" 'BEGIN {print (a <= b * k ? "pass" : "FAIL")}'; }

# --- end to end + memory --------------------------------------------------------------------------
# measure NAME TALLY-ARGS... : runs `tally TALLY-ARGS` once under /usr/bin/time -v with a GC log; sets
# rss_mb (peak resident set), heap_mb and live_mb (see heap_figures_mb), or returns 1 with the command's last error line in failed_line.
measure() {
  local name=$1; shift
  local gclog="$work/$name.gc.log"
  rm -f "$gclog"
  local jvm="$TALLY_JVM"; [ "$1" = harvest ] && jvm="$HARVEST_JVM"
  if ! /usr/bin/time -v java $jvm -Xlog:gc,gc+heap+exit:file="$gclog" -jar "$tally_jar" "$@" \
      >/dev/null 2> "$work/$name.err"; then
    failed_line=$(grep -v '^\s' "$work/$name.err" | grep -v 'Command exited' | tail -1 | cut -c1-120)
    return 1
  fi
  rss_mb=$(awk -F: '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$work/$name.err")
  read -r heap_mb live_mb < <(heap_figures_mb "$gclog")
}

# Two figures from a unified GC log: the largest heap occupancy seen (right before a collection, as in
# "Pause Young ... 120M->30M(256M)", or at exit, "garbage-first heap total 262144K, used 98765K"),
# which depends on how lazily the collector runs, and the largest occupancy right after a full collection
# (30 above), which is what the program really kept alive. A young collection leaves the old generation's garbage
# in place, so its after-figure can be far above the live data (a scale-20 harvest: 329M->269M after young
# collections where full ones found 38–105 MB): young figures count only when the run had no full collection.
# Prints "peak live".
heap_figures_mb() {
  awk '
    { line = $0
      while (match(line, /[0-9]+M->[0-9]+M/)) {
        pair = substr(line, RSTART, RLENGTH); split(pair, v, "M->")
        if (v[1] + 0 > peak) peak = v[1] + 0
        if (v[2] + 0 > live) live = v[2] + 0
        if (/Pause Full/ && v[2] + 0 > fullLive) { fullLive = v[2] + 0; full = 1 }
        line = substr(line, RSTART + RLENGTH) } }
    /heap +total [0-9]+K, used [0-9]+K/ { if (match($0, /used [0-9]+K/)) { v1 = substr($0, RSTART + 5, RLENGTH - 6) / 1024; if (v1 > peak) peak = v1 } }
    END { printf "%.0f %.0f\n", peak, (full ? fullLive : live) }' "$1"
}

bench_end_to_end() {
  local scale=$1
  local month=2026-10
  # Each step is a separate JVM, as in a cron job.
  local harvest_args=(harvest --url "$api" --token-file "$work/token" --out "$work/e2e" --concurrency "$concurrency" --quiet)
  local report_args=(report --snapshot "$work/e2e" --template monthly-consortium --month "$month"
      --format xlsx,csv,png,svg --out "$work/e2e-reports" --quiet)
  record "emulator start-up, seconds" "$scale" "$emulator_startup" "20" "$(ratio "$emulator_startup" 20)" "< 20 s" \
      "$(awk -v a="$emulator_startup" 'BEGIN {print (a < 20 ? "pass" : "FAIL")}')"

  # Memory first, each step on its own, so a failing report still leaves the harvest's figures.
  local harvest_ok=1 report_ok=1
  failed_line=""
  if measure harvest "${harvest_args[@]}"; then
    record "peak RSS of harvest, MB" "$scale" "$rss_mb" "512" "$(ratio "$rss_mb" 512)" "≤ 512 MB" \
        "$(awk -v a="$rss_mb" 'BEGIN {print (a <= 512 ? "pass" : "FAIL")}')"
    record "heap of harvest, MB: peak / live after GC (memory growth)" "$scale" "$heap_mb / $live_mb" "-" "-" "-" "info"
  else
    harvest_ok=0
    record "peak RSS of harvest, MB" "$scale" "failed" "512" "-" "≤ 512 MB" "FAIL: $failed_line"
  fi
  if [ "$harvest_ok" = 1 ] && measure report "${report_args[@]}"; then
    record "peak RSS of monthly report, MB" "$scale" "$rss_mb" "512" "$(ratio "$rss_mb" 512)" "≤ 512 MB" \
        "$(awk -v a="$rss_mb" 'BEGIN {print (a <= 512 ? "pass" : "FAIL")}')"
    record "heap of monthly report, MB: peak / live after GC (memory growth)" "$scale" "$heap_mb / $live_mb" "-" "-" "-" "info"
  else
    report_ok=0
    record "peak RSS of monthly report, MB" "$scale" "failed" "512" "-" "≤ 512 MB" "FAIL: ${failed_line:-harvest failed}"
  fi

  if [ "$report_ok" = 1 ]; then
    # the staff's monthly report again, as a second run finds it: the snapshot's cache made by the run above
    local report_wall
    report_wall=$(time_cmd "$reps" java $TALLY_JVM -jar "$tally_jar" "${report_args[@]}")
    record "monthly report (xlsx, csv, png, svg) from a harvested snapshot, cache made, wall seconds" "$scale" \
        "$report_wall" "8" "$(ratio "$report_wall" 8)" "≤ 8 s" "$(awk -v a="$report_wall" 'BEGIN {print (a <= 8 ? "pass" : "FAIL")}')"
  fi

  if [ "$harvest_ok" = 1 ] && [ "$report_ok" = 1 ]; then
    e2e() { java $HARVEST_JVM -jar "$tally_jar" "${harvest_args[@]}" && java $TALLY_JVM -jar "$tally_jar" "${report_args[@]}"; }
    local wall
    wall=$(time_cmd 1 e2e)
    record "end to end: harvest + monthly report, wall seconds" "$scale" "$wall" "15" "$(ratio "$wall" 15)" "< 15 s" \
        "$(awk -v a="$wall" 'BEGIN {print (a < 15 ? "pass" : "FAIL")}')"
  else
    record "end to end: harvest + monthly report" "$scale" "failed" "15" "-" "< 15 s" "FAIL: see the peak RSS rows"
  fi
}

# --- the demo ---------------------------------------------------------------------------------------
# `./tally demo` as the README has it (the launcher's own JVM options, emulator start, harvest, report), after one run
# that is not timed: the target is "after the first build", and that run also builds anything the launcher finds stale.
bench_demo() {
  local what="./tally demo end to end (emulator start, harvest, monthly report), wall seconds"
  if ! (cd "$work" && "$root/tally" demo --out "$work/demo" > "$work/demo.out" 2> "$work/demo.err"); then
    record "$what" 1 "failed" "6" "-" "≤ 6 s" "FAIL: $(tail -1 "$work/demo.err" | cut -c1-120)"
    return
  fi
  local demo
  demo=$(time_cmd "$reps" bash -c "cd '$work' && '$root/tally' demo --out '$work/demo'")
  record "$what" 1 "$demo" "6" "$(ratio "$demo" 6)" "≤ 6 s" "$(awk -v a="$demo" 'BEGIN {print (a <= 6 ? "pass" : "FAIL")}')"
}

# --- funder query -------------------------------------------------------------------------------
# The question a funder's analyst answers with pandas over the snapshot's JSON lines (bench/python/funder_query.py):
# GPU k-hours used in 2026-Q2 by country share, industry allocations only. Same answer to the k-hour first (groups
# with none left out: tally lists every group with an allocation, pandas only those with usage), then the times.
funder_args=(query --quarter 2026-Q2 --group-by country --measure usage.gpu_k_hours --where "is_industry = true"
    --format csv --exact --quiet)
bench_funder_query() {
  local scale=$1 snap="$work/e2e"
  local what="funder query (GPU k-hours, 2026-Q2, by country, industry only) vs pandas script"
  if [ ! -f "$snap/manifest.json" ]; then
    record "$what" "$scale" "failed" "-" "-" "≤ 0.25×" "FAIL: no snapshot (see the harvest rows)"
    return
  fi
  if ! java $TALLY_JVM -jar "$tally_jar" "${funder_args[@]}" --snapshot "$snap" > "$work/funder-tally.csv" 2> "$work/funder.err" \
      || ! /usr/bin/python3 bench/python/funder_query.py "$snap" 2026-Q2 > "$work/funder-pandas.tsv" 2>> "$work/funder.err"; then
    record "$what" "$scale" "failed" "-" "-" "≤ 0.25×" "FAIL: $(tail -1 "$work/funder.err" | cut -c1-120)"
    return
  fi
  local same
  same=$(/usr/bin/python3 - "$work/funder-tally.csv" "$work/funder-pandas.tsv" <<'PY'
import csv, sys
from decimal import Decimal
tally = {r["country"]: round(Decimal(r["usage.gpu_k_hours"])) for r in csv.DictReader(open(sys.argv[1]))}
pandas = dict(line.rstrip("\n").split("\t") for line in open(sys.argv[2]))
pandas = {k: round(Decimal(v)) for k, v in pandas.items() if k != "Total"}
tally = {k: v for k, v in tally.items() if v != 0}
pandas = {k: v for k, v in pandas.items() if v != 0}
print("pass" if tally == pandas and tally else "FAIL: answers differ: tally %s, pandas %s" % (tally, pandas))
PY
)
  if [ "$same" != pass ]; then
    record "$what" "$scale" "-" "-" "-" "≤ 0.25×" "$same"
    return
  fi
  local tally py
  tally=$(time_cmd "$reps" java $TALLY_JVM -jar "$tally_jar" "${funder_args[@]}" --snapshot "$snap")
  py=$(time_cmd "$reps" /usr/bin/python3 bench/python/funder_query.py "$snap" 2026-Q2)
  record "$what" "$scale" "$tally" "$py" "$(ratio "$tally" "$py")" "≤ 0.25×" "$(le "$tally" "$py" 0.25)"
}

# --- in-process (JMH) ---------------------------------------------------------------------------
bench_xlsx() {
  log "xlsx: 100,000-row sheet, Tally (JMH, -Xmx256m) vs xlsxwriter constant_memory"
  local jmh_iters; jmh_iters=$([ "$quick" = 1 ] && echo 2 || echo 5)
  java -jar "$bench_jar" XlsxBenchmark -wi 1 -i "$jmh_iters" -rf json -rff "$work/xlsx.json" >/dev/null
  local tally py
  tally=$(/usr/bin/python3 -c 'import json,sys; print("%.3f" % (json.load(open(sys.argv[1]))[0]["primaryMetric"]["score"]/1000))' "$work/xlsx.json")
  py=$(for _ in $(seq "$reps"); do /usr/bin/python3 bench/python/xlsx.py "$work/x.xlsx" 100000 xlsxwriter; done | median | awk '{printf "%.3f", $1}')
  record "xlsx 100,000-row sheet vs xlsxwriter constant_memory (heap 256 MB)" "-" "$tally" "$py" "$(ratio "$tally" "$py")" "≤ 1.00×" "$(le "$tally" "$py" 1.0)"
}

bench_aggregation() {
  if ! java -jar "$bench_jar" -l 2>/dev/null | grep -q AggregationBenchmark; then
    return
  fi
  log "aggregation: 1,000,000 facts by three dimensions (JMH, -Xmx512m) vs pandas groupby"
  local jmh_iters; jmh_iters=$([ "$quick" = 1 ] && echo 3 || echo 5)
  java -cp "$bench_jar" dev.tally.bench.FactsCsv "$work/facts.csv" 1000000
  java -jar "$bench_jar" AggregationBenchmark -wi 2 -i "$jmh_iters" -rf json -rff "$work/agg.json" >/dev/null
  local tally py
  tally=$(/usr/bin/python3 -c 'import json,sys; print("%.4f" % (json.load(open(sys.argv[1]))[0]["primaryMetric"]["score"]/1000))' "$work/agg.json")
  py=$(/usr/bin/python3 bench/python/groupby.py "$work/facts.csv" "$reps")
  record "aggregation, 1M facts × 3 dimensions vs pandas groupby (heap 512 MB)" "-" "$tally" "$py" "$(ratio "$tally" "$py")" "< 1.00×" \
      "$(awk -v a="$tally" -v b="$py" 'BEGIN {print (a < b ? "pass" : "FAIL")}')"
}

# --- run -----------------------------------------------------------------------------------------
: > "$results"
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
if [ "$refresh_only" = 1 ]; then
  printf '%s' "$token" > "$work/token"
  for scale in "${scales[@]}"; do
    start_emulator "$scale"
    log "base harvest at scale $scale"
    java $HARVEST_JVM -jar "$tally_jar" harvest --url "$api" --token-file "$work/token" --out "$work/snap" \
        --concurrency "$concurrency" --quiet
    load_before=$(cut -d' ' -f1-3 /proc/loadavg)
    bench_refresh "$scale"
    log "load average before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)"
    stop_emulator
  done
  echo "| what | scale | Tally | baseline | ratio | target | result |"
  awk -F'\t' '{printf "| %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7}' "$results"
  exit 0
fi
for scale in "${scales[@]}"; do
  start_emulator "$scale"
  bench_harvest "$scale"
  [ "$scale" = 20 ] && bench_refresh "$scale"
  bench_end_to_end "$scale"
  stop_emulator
  bench_funder_query "$scale"
done
bench_demo
bench_xlsx
bench_aggregation

# --- BENCHMARKS.md --------------------------------------------------------------------------------
{
  echo "# Benchmarks"
  echo
  echo "Written by \`bench/run.sh$([ "$quick" = 1 ] && echo " --quick")\` on $started. Every Tally figure is compared with a baseline"
  echo "measured in the same run on the same machine (median of $reps runs for process-level timings; JMH"
  echo "single-shot or average time for in-process parts). Times are seconds unless the row says otherwise."
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)."
  echo
  echo "| what | scale | Tally | baseline | ratio | target | result |"
  echo "|---|---|---|---|---|---|---|"
  awk -F'\t' '{printf "| %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7}' "$results"
  echo
  # Every section after the old table (measurements by hand, notes) stays as it was: only the table is this run's.
  # A first BENCHMARKS.md starts from bench/NOTES.md.
  if [ -f "$root/BENCHMARKS.md" ]; then
    awk 'f || /^## / {f = 1; print}' "$root/BENCHMARKS.md"
  elif [ -f "$root/bench/NOTES.md" ]; then
    cat "$root/bench/NOTES.md"
  fi
} > "$work/BENCHMARKS.md"
mv "$work/BENCHMARKS.md" "$root/BENCHMARKS.md"
log "wrote BENCHMARKS.md"
cat "$root/BENCHMARKS.md"
