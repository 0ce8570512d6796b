#!/usr/bin/env bash
# Compares two commits with bench/run.sh --quick, run alternately on the same machine, so that both
# see the same load: before, after, before, after, ... Each run's ratios (Tally against its baseline,
# as BENCHMARKS.md has them) are printed, then per row the median ratio of each side and after ÷ before
# (below 1.00: the after commit did better against the same baseline).
#
#   bench/compare.sh [-n N] [--online] BEFORE AFTER
#
#   BEFORE, AFTER   any git revisions (commits, branches, tags) of this repository
#   -n N            runs of each side (default 3); the order alternates, BEFORE first
#   --online        let Maven use the network (default: offline, as .mvn/maven.config -o in each copy)
#
# Each revision is checked out into a temporary worktree under $TMPDIR (default /tmp) and built there
# by bench/run.sh itself, so this working tree, its target/ folders and BENCHMARKS.md are left as they
# are; the worktrees are removed at the end. A quick run takes a few minutes on 2 cores: N=3 is about
# half an hour, and timings under other load mean little (BENCHMARKS.md says how figures are made).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=3
offline=1
revs=()
while [ $# -gt 0 ]; do
  case "$1" in
    -n) runs="${2:-}"; shift 2 ;;
    --online) offline=0; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    -*) echo "bench/compare.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    *) revs+=("$1"); shift ;;
  esac
done
if [ "${#revs[@]}" -ne 2 ]; then
  echo "bench/compare.sh: give two revisions, BEFORE and AFTER (try --help)" >&2; exit 2
fi
if ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
  echo "bench/compare.sh: -n takes a whole number of at least 1, got '$runs'" >&2; exit 2
fi
before_rev=$(git -C "$root" rev-parse --verify --quiet "${revs[0]}^{commit}") \
  || { echo "bench/compare.sh: no such revision: ${revs[0]}" >&2; exit 2; }
after_rev=$(git -C "$root" rev-parse --verify --quiet "${revs[1]}^{commit}") \
  || { echo "bench/compare.sh: no such revision: ${revs[1]}" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/tally-compare.XXXXXX")"
cleanup() {
  for side in before after; do
    [ -d "$work/$side" ] && git -C "$root" worktree remove --force "$work/$side" >/dev/null 2>&1 || true
  done
  git -C "$root" worktree prune >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

log() { printf '[compare] %s\n' "$*" >&2; }

for side in before after; do
  rev=$before_rev; [ "$side" = after ] && rev=$after_rev
  git -C "$root" worktree add --detach --quiet "$work/$side" "$rev"
  if [ "$offline" = 1 ]; then
    # Maven reads its command-line options from here; bench/run.sh's own mvn call then runs offline too.
    mkdir -p "$work/$side/.mvn" && echo "-o" >> "$work/$side/.mvn/maven.config"
  fi
  log "$side = $(git -C "$root" log -1 --format='%h %s' "$rev")"
done

# rows.tsv: side, run, row (what @ scale), ratio, row number; from the table bench/run.sh writes into BENCHMARKS.md
rows="$work/rows.tsv"
: > "$rows"
for run in $(seq "$runs"); do
  for side in before after; do
    log "run $run of $runs: $side"
    if ! (cd "$work/$side" && bench/run.sh --quick > "$work/$side-$run.log" 2>&1); then
      tail -20 "$work/$side-$run.log" >&2
      echo "bench/compare.sh: bench/run.sh --quick failed for $side (run $run); its log is above" >&2
      exit 1
    fi
    awk -F' *\\| *' -v side="$side" -v run="$run" '
      /^\| what \|/ { table = 1; next }
      table && /^\|---/ { next }
      table && /^\| / { i++; r = $6; gsub(/[^0-9.]/, "", r); if (r != "") printf "%s\t%s\t%s @ %s\t%s\t%d\n", side, run, $2, $3, r, i }
      table && !/^\|/ { table = 0 }' "$work/$side/BENCHMARKS.md" >> "$rows"
  done
done

echo "Per run: ratio against the baseline, before → after (after ÷ before)"
awk -F'\t' '
  { key = $3 "\t" $2; v[$1, key] = $4; if (!(key in seen)) { seen[key] = 1; order[++n] = key } }
  END {
    for (i = 1; i <= n; i++) {
      split(order[i], k, "\t"); b = v["before", order[i]]; a = v["after", order[i]]
      q = (b != "" && a != "" && b + 0 > 0) ? sprintf("%.2f", a / b) : "-"
      printf "  run %s  %-90s %6s → %-6s (%s)\n", k[2], k[1], (b == "" ? "-" : b), (a == "" ? "-" : a), q
    }
  }' "$rows"
echo
echo "Median over $runs run(s) per row: before, after, after ÷ before"
# in table order (the row number), each side's ratios ascending for the median
awk -F'\t' '{ print $5 "\t" $3 "\t" $1 "\t" $4 }' "$rows" | sort -t$'\t' -k1,1n -k2,2 -k3,3 -k4,4g | cut -f2- | awk -F'\t' '
  function median(list, count,   m) {
    if (count == 0) return ""
    split(list, m, " ")
    return (count % 2) ? m[(count + 1) / 2] : (m[count / 2] + m[count / 2 + 1]) / 2
  }
  { key = $1; if (!(key in seen)) { seen[key] = 1; order[++n] = key }
    vals[key, $2] = vals[key, $2] " " $3; cnt[key, $2]++ }
  END {
    for (i = 1; i <= n; i++) {
      key = order[i]
      b = median(vals[key, "before"], cnt[key, "before"]); a = median(vals[key, "after"], cnt[key, "after"])
      q = (b != "" && a != "" && b + 0 > 0) ? sprintf("%.2f", a / b) : "-"
      printf "  %-90s %6s %6s  %s\n", key, b, a, q
    }
  }'
