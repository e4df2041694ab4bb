#!/usr/bin/env bash
# Builds release and prints how closely `compare`'s as-is column (today's placements carried onto a
# scenario's providers and free places) keeps the calibrated allocation it comes from, per authority,
# for Greater Manchester, the South East and England: M2 (placed inside the home authority) and the
# share within 20 miles, of the commissioned placement groups (foster, homes, supported accommodation),
# as-is minus the calibration's, in points: mean, mean absolute difference and the authority furthest from it either way,
# split by whether the scenario has an independent fostering agency registered in the authority.
# The calibration reproduces DfE's published figures (in sample); what as-is loses here it loses on
# the way onto the scenario's places.
set -euo pipefail
cd "$(dirname "$0")/.."

Scripts/install-dependencies.sh >/dev/null
echo "== building placement (release; the first build takes a few minutes)" >&2
swift build -c release --product placement >/dev/null
placement=.build/release/placement
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$placement" baseline Fixtures/scenarios/england-2025 --out "$work/baseline" >/dev/null
for scenario in greater-manchester south-east england-2025; do
    "$placement" compare "Fixtures/scenarios/$scenario" --modes council --format json >"$work/$scenario.json" 2>/dev/null
done

python3 - "$work" <<'PY'
import csv, json, sys
from collections import defaultdict

work = sys.argv[1]
COMMISSIONED = {"foster", "homes", "supported"}
children, inside, far = defaultdict(float), defaultdict(float), defaultdict(float)
with open(f"{work}/baseline/as-is-stock.csv") as f:
    for row in csv.DictReader(f):
        if row["placement_group"] not in COMMISSIONED:
            continue
        home, count = row["home_authority"], float(row["children"])
        children[home] += count
        inside[home] += count if row["placement_authority"] == home else 0
        far[home] += float(row["over_20_miles"])

for scenario in ["greater-manchester", "south-east", "england-2025"]:
    agencies = set()
    with open(f"Fixtures/scenarios/{scenario}/providers.csv") as f:
        for row in csv.DictReader(f):
            if row["placement_type"] == "foster" and row["sector"] in ("private", "voluntary"):
                agencies.add(row["authority"])
    with open(f"{work}/{scenario}.json") as f:
        authorities = json.load(f)["as_is"]["metrics"]["authorities"]
    rows = []
    for authority in authorities:
        code = authority["code"]
        if children[code] == 0:
            continue
        m2 = (authority["m2_in_area_share"] - inside[code] / children[code]) * 100
        near = (authority["within_20_miles_share"] - (1 - far[code] / children[code])) * 100
        rows.append((m2, near, code in agencies, authority["name"]))
    print(f"== {scenario}: as-is minus the calibration, points per authority")
    print(f"   {'authorities':<28} {'n':>4} {'M2 mean':>8} {'M2 MAE':>7} {'near mean':>10} {'near MAE':>9}")
    for label, chosen in [("all", rows), ("with an agency registered", [r for r in rows if r[2]]),
                          ("with none", [r for r in rows if not r[2]])]:
        if not chosen:
            continue
        n = len(chosen)
        print(f"   {label:<28} {n:>4} {sum(r[0] for r in chosen) / n:>+8.2f} "
              f"{sum(abs(r[0]) for r in chosen) / n:>7.2f} {sum(r[1] for r in chosen) / n:>+10.2f} "
              f"{sum(abs(r[1]) for r in chosen) / n:>9.2f}")
    furthest = max(rows, key=lambda r: abs(r[0]))
    print(f"   furthest M2: {furthest[3]} {furthest[0]:+.1f} points (within 20 miles {furthest[1]:+.1f})")
PY
