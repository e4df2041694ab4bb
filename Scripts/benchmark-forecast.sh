#!/usr/bin/env bash
# Times the demand forecast for England: `placement forecast --data Fixtures/data --to 2030 --out DIR`
# (the official CSV files read, the model fitted, intervals bootstrapped, CSV, JSON and HTML written),
# RUNS times (default 5), and prints each run's wall and CPU seconds, the median, and whether the
# median wall time is under the 5 s target. Also the backtest's time, and that a seed gives the same
# output twice. Run it on a quiet machine: wall time counts other processes' load.
# Usage: Scripts/benchmark-forecast.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >/dev/null
echo "== building placement (release; the first build takes a few minutes)" >&2
swift build -c release --product placement >/dev/null
placement=.build/release/placement
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# timed ARGS: "wall user+system" seconds of one `placement ARGS`.
timed() {
    /usr/bin/time -f "%e %U %S" -o "$work/time.txt" "$placement" "$@" >/dev/null
    read -r wall user system <"$work/time.txt"
    awk -v wall="$wall" -v user="$user" -v sys="$system" 'BEGIN { print wall, user + sys }'
}

median() { sort -g | awk '{ value[NR] = $1 } END { print (NR % 2) ? value[(NR + 1) / 2] : (value[NR / 2] + value[NR / 2 + 1]) / 2 }'; }

echo "England forecast 2026–2030, every file written (release build, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)):"
: >"$work/runs.txt"
for run in $(seq "$runs"); do
    rm -rf "$work/out"
    read -r wall cpu < <(timed forecast --data Fixtures/data --to 2030 --out "$work/out" --format json)
    echo "$wall $cpu" >>"$work/runs.txt"
    printf '  run %d: %.2f s wall, %.2f s CPU\n' "$run" "$wall" "$cpu"
done
wall=$(cut -d' ' -f1 "$work/runs.txt" | median)
cpu=$(cut -d' ' -f2 "$work/runs.txt" | median)
verdict=$(awk -v wall="$wall" 'BEGIN { print (wall < 5) ? "under" : "NOT under" }')
printf 'Median of %d runs: %.2f s wall, %.2f s CPU (%s the 5 s target)\n' "$runs" "$wall" "$cpu" "$verdict"

read -r wall cpu < <(timed forecast --data Fixtures/data --backtest 2023 --format json)
printf 'Backtest fitted on 2021–2023 (JSON printed): %.2f s wall, %.2f s CPU\n' "$wall" "$cpu"

"$placement" forecast --data Fixtures/data --to 2030 --format json --seed 7 >"$work/a.json"
"$placement" forecast --data Fixtures/data --to 2030 --format json --seed 7 >"$work/b.json"
if cmp -s "$work/a.json" "$work/b.json"; then echo "Seed 7 twice: identical output"; else echo "Seed 7 twice: OUTPUT DIFFERS"; fi
