#!/usr/bin/env bash
# Times and checks `placement simulate` on England 2025 → 2030 (release build):
#  - five modes (as-is and the four commissioning modes), one draw: wall and CPU seconds (target < 15 s);
#  - five modes, DRAWS draws (default 20): wall and CPU seconds (target < 120 s);
#  - the same seed twice gives the same bytes (determinism);
#  - every year, mode, authority and type balances: end = start + arrivals − leavers;
#  - every year's stock objective is ordered as access implies: national ≤ regional ≤
#    council-coordinated ≤ council (mean over draws; printed per year with any exception).
# Run it on a quiet machine: wall time counts other processes' load.
# Usage: Scripts/benchmark-simulate.sh [DRAWS]
set -euo pipefail
cd "$(dirname "$0")/.."
draws="${1:-20}"
command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >/dev/null
swift build -c release --product placement >/dev/null
placement=.build/release/placement
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
scenario=Fixtures/scenarios/england-2025

timed() {
    local output="$1"
    shift
    /usr/bin/time -f "%e %U %S" -o "$work/time.txt" "$placement" "$@" >"$output"
    read -r wall user system <"$work/time.txt"
    awk -v wall="$wall" -v user="$user" -v sys="$system" 'BEGIN { printf "%.2f s wall, %.2f s CPU", wall, user + sys }'
}

echo "England 2025 → 2030, simulate (release build, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)):"
echo "  five modes, one draw:   $(timed "$work/one.json" simulate "$scenario" --format json) (target < 15 s wall)"
echo "  five modes, $draws draws: $(timed "$work/draws.json" simulate "$scenario" --draws "$draws" --format json) (target < 120 s wall)"
"$placement" simulate "$scenario" --format json >"$work/again.json"
if cmp -s "$work/one.json" "$work/again.json"; then
    echo "  the same seed twice: identical output"
else
    echo "  the same seed twice: DIFFERENT output"
    exit 1
fi
python3 - "$work/one.json" "$work/draws.json" <<'PY'
import json, sys

for path, label in ((sys.argv[1], "one draw"), (sys.argv[2], "draws")):
    data = json.load(open(path))
    modes = {m["mode"]: m for m in data["modes"]}
    balanced = all(y["ledger_balances"] for m in data["modes"] for y in m["years"])
    print(f"  {label}: every year, mode, authority and type balances (end = start + arrivals − leavers): {balanced}")
    order = ["national", "regional", "council-coordinated", "council"]
    exceptions = []
    for index, year in enumerate(modes["council"]["years"]):
        values = [modes[m]["years"][index]["objective"]["mean"] for m in order]
        if any(values[k] > values[k + 1] + 1e-6 for k in range(3)):
            exceptions.append(year["year"])
    print(f"  {label}: objective ordered national ≤ regional ≤ council-coordinated ≤ council in every year: "
          + ("yes" if not exceptions else f"no, not in {exceptions}"))
    if label == "draws":
        print("  England by year (mean over draws, 10th–90th percentile):")
        for name in ["as-is"] + order[::-1]:
            m = modes.get(name)
            if not m:
                continue
            cells = []
            for y in m["years"]:
                e = y["england"]["measures"]
                m2 = e["m2_in_area_share"]
                cells.append(f"{y['year']} M2 {m2['mean']*100:.1f}% ({m2['p10']*100:.1f}–{m2['p90']*100:.1f}), "
                             f"M1 {e['m1_own_council_share']['mean']*100:.1f}%, unplaced {e['unplaced']['mean']:.0f}")
            print(f"    {name}: " + "; ".join(cells))
PY
