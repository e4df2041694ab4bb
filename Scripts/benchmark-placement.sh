#!/usr/bin/env bash
# Measures `placement compare` and the reports, in one run:
#   - per scenario and mode: load, build, solve and report times, model size, iterations, peak memory;
#   - england-2025 end to end (today's market: calibration, as-is, all four modes; parse to report)
#     against HiGHS (single-threaded, solve only) on the exported council-coordinated and regional
#     models of today's market (the ones compare solves) and of the empty market: the ratios of the
#     medians of five runs each, and whether the objectives agree;
#   - a synthetic scenario of five times England, end to end;
#   - tiny and greater-manchester latency;
#   - the comparison report and sufficiency reports (one authority, all 153) from england-2025.
# Usage: Scripts/benchmark-placement.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
Scripts/install-dependencies.sh
command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >/dev/null
python3 -c "import highspy" 2>/dev/null || python3 -m pip install --quiet highspy 2>/dev/null
echo "== building placement (release; the first build takes a few minutes)" >&2
swift build -c release --product placement >/dev/null
echo "== building placement-benchmark (release; the first build takes a few minutes)" >&2
swift build -c release --product placement-benchmark >/dev/null
placement=.build/release/placement
work=.build/benchmark
synthetic="$work/synthetic-x5"
[ -f "$synthetic/scenario.yaml" ] || "$placement" generate synthetic --seed 7 --scale 5 --out "$synthetic" >/dev/null

# timed ARGS: wall seconds and peak MiB of one `placement ARGS`.
timed() {
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$placement" "$@" >/dev/null 2>"$work/stderr.txt"
    read -r seconds kilobytes <"$work/time.txt"
    echo "$seconds $((kilobytes / 1024))"
}

echo "== Phases (placement-benchmark; times in seconds, GLPK summed over threads) =="
.build/release/placement-benchmark Fixtures/scenarios/tiny Fixtures/scenarios/greater-manchester \
    Fixtures/scenarios/south-east Fixtures/scenarios/england-2025 "$synthetic" | column -t -s $'\t'

echo
echo "== england-2025 against HiGHS =="
# The joint models compare solves (today's market: the baseline calibrated on the shipped data's latest
# year), and the plain ones of the empty market, exported for HiGHS.
mkdir -p "$work/models/market" "$work/models/empty"
rm -f "$work"/models/market/*.mps "$work"/models/empty/*.mps
.build/release/placement-benchmark --modes council-coordinated,regional --market Fixtures/data \
    --export "$work/models/market" Fixtures/scenarios/england-2025 >/dev/null
.build/release/placement-benchmark --modes council-coordinated,regional --export "$work/models/empty" \
    Fixtures/scenarios/england-2025 >/dev/null
# HiGHS's banner goes; its errors stay on stderr.
highs() { python3 Scripts/highs-solve.py "$@" | grep -v '^Running\|^Includes'; }
total() { awk '$1 == "total" {print $2}'; }
# The shared machine's load moves both sides' times by a third from run to run, so they take turns,
# five runs each, and the ratios are of the medians.
runs=5
ours_times=()
market_times=()
empty_times=()
for run in $(seq "$runs"); do
    read -r seconds ours_mib < <(timed compare Fixtures/scenarios/england-2025)
    highs "$work"/models/market/*.mps >"$work/highs-market.tsv"
    market_seconds=$(total <"$work/highs-market.tsv")
    empty_seconds=$(highs "$work"/models/empty/*.mps | total)
    ours_times+=("$seconds")
    market_times+=("$market_seconds")
    empty_times+=("$empty_seconds")
    echo "run $run: placement compare ${seconds} s (peak ${ours_mib} MiB); HiGHS ${market_seconds} s on today's market, ${empty_seconds} s on the empty market"
done
cat "$work/highs-market.tsv"
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ours=$(median "${ours_times[@]}")
market=$(median "${market_times[@]}")
empty=$(median "${empty_times[@]}")
echo "placement compare england-2025 (today's market: calibration, as-is, 4 modes; parse to report): median ${ours} s of ${runs} (${ours_times[*]})"
echo "HiGHS 1 thread, solve only, council-coordinated + regional in today's market (the models compare solves): median ${market} s (${market_times[*]})"
echo "HiGHS 1 thread, solve only, council-coordinated + regional in the empty market (plain models): median ${empty} s (${empty_times[*]})"
awk -v a="$ours" -v b="$market" -v c="$empty" 'BEGIN {
    printf "ratio of the medians: %.2f against HiGHS on the same models (target <= 1.0); %.2f against the empty market'"'"'s\n", a / b, a / c }'
# The objectives compare reports against HiGHS's on the same models.
"$placement" compare Fixtures/scenarios/england-2025 --modes council-coordinated,regional --format json \
    >"$work/compare-market.json" 2>/dev/null
python3 - "$work/compare-market.json" "$work/highs-market.tsv" <<'PY'
import json, sys
ours = {m["mode"]: m["objective"] for m in json.load(open(sys.argv[1]))["modes"]}
peer = {}
for line in open(sys.argv[2]):
    fields = line.rstrip("\n").split("\t")
    if len(fields) == 4:
        peer["council-coordinated" if "council-coordinated" in fields[0] else "regional"] = float(fields[2])
if len(peer) != 2:
    sys.exit(f"objectives in today's market: HiGHS solved {len(peer)} of the 2 models")
worst = max(abs(ours[m] - peer[m]) / max(1, abs(peer[m])) for m in peer)
print(f"objectives in today's market, ours against HiGHS: {'agree' if worst <= 1e-9 else 'DISAGREE'} "
      f"(largest relative difference {worst:.1e})")
sys.exit(0 if worst <= 1e-9 else 1)
PY

echo
echo "== Five times England =="
read -r synthetic_seconds synthetic_mib < <(timed compare "$synthetic")
echo "placement compare $synthetic (4 modes): ${synthetic_seconds} s, peak ${synthetic_mib} MiB (target < 120 s)"

echo
echo "== Latency =="
for scenario in tiny greater-manchester; do
    read -r seconds mib < <(timed compare "Fixtures/scenarios/$scenario")
    echo "placement compare $scenario (4 modes): ${seconds} s, peak ${mib} MiB"
done

echo
echo "== Reports from england-2025 =="
rm -rf "$work/reports"
read -r seconds mib < <(timed compare Fixtures/scenarios/england-2025 --out "$work/reports/comparison")
echo "placement compare england-2025 --out (every result file and the comparison report): ${seconds} s, peak ${mib} MiB"
read -r seconds mib < <(timed sufficiency Fixtures/scenarios/england-2025 --authority E08000003 --out "$work/reports/manchester")
echo "placement sufficiency england-2025 --authority E08000003: ${seconds} s, peak ${mib} MiB"
read -r seconds mib < <(timed sufficiency Fixtures/scenarios/england-2025 --all --out "$work/reports/all")
echo "placement sufficiency england-2025 --all (153 reports and the index): ${seconds} s, peak ${mib} MiB"
