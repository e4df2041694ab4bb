#!/usr/bin/env bash
# Stress tests and robust verdicts, with every figure printed:
#   1. South East, `compare --draws 20`: how many authorities are uncertain going from council to
#      regional commissioning, and that no authority changes verdict across draws without being
#      marked (uncertain, or stated with the share of draws behind it, never below 80%);
#   2. England, the exit of the 10 largest private children's-home owners under every mode with 20
#      draws (`placement stress`): the time, and the children each arrangement leaves unplaced or
#      places over 20 miles away.
# Usage: Scripts/check-stress.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
Scripts/install-dependencies.sh
echo "== building placement (release; the first build takes a few minutes)" >&2
swift build -c release --product placement >/dev/null
placement=.build/release/placement
work=.build/check-stress
mkdir -p "$work"

echo "== South East: compare --draws 20 (seed 1), gains and losses from council to regional"
"$placement" compare Fixtures/scenarios/south-east --draws 20 --seed 1 --format json >"$work/south-east.json"
python3 - "$work/south-east.json" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
failed = False
for contrast in data["contrasts"]:
    rows = contrast["authorities"]
    uncertain = [r for r in rows if r["verdict"] == "uncertain"]
    flipping = [r for r in rows if len(r["shares"]) > 1]
    stated_flipping = [r for r in flipping if r["verdict"] != "uncertain"]
    weak = [r for r in rows if r["verdict"] != "uncertain" and r["share"] < 0.8]
    print(f"{contrast['from']} -> {contrast['to']}: {len(rows)} authorities, {len(uncertain)} uncertain, "
          f"{len(flipping)} change verdict across draws, of which {len(stated_flipping)} stated with their share")
    for r in uncertain:
        shares = ", ".join(f"{k} {v:.0%}" for k, v in sorted(r["shares"].items()))
        print(f"  uncertain: {r['name']} ({shares})")
    for r in stated_flipping:
        print(f"  stated: {r['name']} {r['verdict']} in {r['share']:.0%} of draws")
    if weak:
        failed = True
        print("  FAIL: verdicts stated below 80%: " + ", ".join(r["name"] for r in weak))
for mode in data["modes"]:
    u = mode["metrics"]["total"]["unplaced"]
    print(f"  {mode['mode']}: unplaced mean {u['mean']:.1f} (p10 {u['p10']:.0f}, p90 {u['p90']:.0f})")
sys.exit(1 if failed else 0)
PY

echo "== England: exit of the 10 largest private children's-home owners, every mode, 20 draws"
start=$(date +%s.%N)
"$placement" stress Fixtures/scenarios/england-2025 --shocks Fixtures/shocks/largest-childrens-home-owners-exit.yaml \
    --draws 20 --seed 1 --format json --out "$work/england-stress" >"$work/england-stress.json"
end=$(date +%s.%N)
python3 - "$work/england-stress.json" "$start" "$end" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
seconds = float(sys.argv[3]) - float(sys.argv[2])
print(f"time: {seconds:.1f} s wall on {__import__('os').cpu_count()} cores (target under 120 s)")
for case in data["cases"]:
    results = case["results"]
    print(f"{case['label']} ({results['draws']} draws, {results['solves']} solves)")
    for shock in results["shocks"]:
        print(f"  {shock}")
    for mode in results["modes"]:
        t = mode["metrics"]["total"]
        def f(key):
            s = t[key]
            return f"{s['mean']:.1f} (p10 {s['p10']:.0f}, p90 {s['p90']:.0f})"
        print(f"  {mode['mode']:<20} unplaced {f('unplaced')}, over 20 miles {f('over_20_miles')}, "
              f"out of area {f('out_of_area')}")
PY
