#!/usr/bin/env bash
# Builds release and prints every figure of the as-is backtest on England: calibrated on 2021 only,
# replayed to 2025 with each year's published starts, ceased, placement changes, children by placement
# group and registered places (`placement simulate england-2025 --backtest 2021 --format json`):
#   each year, England's modelled against published M2, over-20-miles, own-council and private shares
#   (done when within 1.5 points every year);
#   each year, the per-authority mean absolute error of the replay, of persistence (2021's published
#   value carried forward) and of a straight-line trend (least squares through the published values of
#   2021 up to the year before; in 2022 it is persistence), over the authorities where all four figures are known; and the ratio
#   replay ÷ persistence (done when ≤ 1.5 on each measure in 2025, and below 1 on M2);
#   that the JSON's own `trend` figures (the command's) are this recompute (to 1e-5: the JSON rounds
#   to 6 decimals), and which of the three is lowest each year.
# England's modelled share over 20 miles is on DfE's denominator (the authorities' shares weighted by
# their published children with a known distance): recomputed here from the JSON and DfE's raw file.
# Reads the JSON with python3.
set -euo pipefail
cd "$(dirname "$0")/.."

Scripts/install-dependencies.sh >/dev/null
swift build -c release --product placement >/dev/null
placement=.build/release/placement
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

start=$(date +%s.%N)
"$placement" simulate Fixtures/scenarios/england-2025 --backtest 2021 --format json >"$work/backtest.json"
end=$(date +%s.%N)

python3 - "$work/backtest.json" "$start" "$end" Fixtures/data/dfe_cla_by_la_2021_2025.csv <<'PY'
import csv, json, sys

document = json.load(open(sys.argv[1]))
seconds = float(sys.argv[3]) - float(sys.argv[2])
MEASURES = ["m2_in_area_share", "over_20_miles_share", "own_council_share", "private_share"]
years = document["years"]
origin = document["origin"]
failures = []


def check(label, ok):
    if not ok:
        failures.append(label)
    return "pass" if ok else "FAIL"


# Published values by authority and year (the origin's from the persistence field).
published = {}
for year in years:
    for authority in year["authorities"]:
        for measure in MEASURES:
            value = authority["measures"][measure]
            published.setdefault((authority["code"], measure), {})[origin] = value["persistence"]
            published[(authority["code"], measure)][year["year"]] = value["published"]


def trend(code, measure, year):
    """Least squares line through the published values before `year`, evaluated at `year` (with one
    value, that value: persistence)."""
    points = [(y, v) for y, v in sorted(published[(code, measure)].items()) if y < year and v is not None]
    if not points:
        return None
    if len(points) == 1:
        return points[0][1]
    n = len(points)
    mx = sum(y for y, _ in points) / n
    my = sum(v for _, v in points) / n
    sxx = sum((y - mx) ** 2 for y, _ in points)
    slope = sum((y - mx) * (v - my) for y, v in points) / sxx
    return min(1.0, max(0.0, my + slope * (year - mx)))


# The command's trend against this recompute (every authority, measure and year; England's too).
england_published = {}
for year in years:
    for measure in MEASURES:
        value = year["england"]["measures"][measure]
        england_published.setdefault(measure, {})[origin] = value["persistence"]
        england_published[measure][year["year"]] = value["published"]
trend_differences = 0
for year in years:
    for authority in year["authorities"]:
        for measure in MEASURES:
            ours, theirs = trend(authority["code"], measure, year["year"]), authority["measures"][measure]["trend"]
            if (ours is None) != (theirs is None) or (ours is not None and abs(ours - theirs) > 1e-5):
                trend_differences += 1
    for measure in MEASURES:
        published[("England", measure)] = england_published[measure]
        ours, theirs = trend("England", measure, year["year"]), year["england"]["measures"][measure]["trend"]
        if (ours is None) != (theirs is None) or (ours is not None and abs(ours - theirs) > 1e-5):
            trend_differences += 1
print(f"== The JSON's trend against this recompute: {trend_differences} differ "
      + check("trend recomputed", trend_differences == 0))

# England's modelled share over 20 miles from the authorities' modelled shares, weighted by their
# children with a known distance in DfE's raw file: `20 miles or less` + `more than 20 miles`, a band
# DfE suppresses read from the joint table's inside and outside cells when both are published (as the
# command reads it); an authority with a band unknown weighs its children × the known share of the
# authorities with both (known ÷ children; the command counts their modelled children, the published
# total here: the same children to rounding).
bands, joint, totals = {}, {}, {}
JOINT = {"1. Placed inside the LA boundary, 20 miles or less from home": "near",
         "2. Placed outside the LA boundary, 20 miles or less from home": "near",
         "3. Placed inside the LA boundary, more than 20 miles from home": "far",
         "4. Placed outside the LA boundary, more than 20 miles from home": "far"}
for row in csv.DictReader(open(sys.argv[4])):
    key = (int(row["year"]), row["la_code"] if row["geographic_level"] == "Local authority" else "England")
    count = int(row["number"]) if row["number"].isdigit() else None
    if row["group"] == "Distance between home and placement":
        if row["characteristic"] == "Total":
            totals[key] = count
        elif row["characteristic"] == "Placed 20 miles or less from home":
            bands[key + ("near",)] = count
        elif row["characteristic"] == "Placed more than 20 miles from home":
            bands[key + ("far",)] = count
    elif row["group"] == "Distance between home and placement and locality of placement" and row["characteristic"] in JOINT:
        band = key + (JOINT[row["characteristic"]],)
        joint[band] = joint.get(band, []) + [count]


def band(key, which):
    if bands.get(key + (which,)) is not None:
        return bands[key + (which,)]
    cells = joint.get(key + (which,), [])
    return sum(cells) if len(cells) == 2 and None not in cells else None


def known_distance(key):
    near, far = band(key, "near"), band(key, "far")
    return None if near is None or far is None else near + far
print("== England over 20 miles, the command's modelled share against this recompute (known-distance weights)")
for year in years:
    y = year["year"]
    both = [a["code"] for a in year["authorities"] if known_distance((y, a["code"])) is not None
            and a["measures"]["over_20_miles_share"]["modelled"] is not None]
    share = sum(known_distance((y, c)) for c in both) / sum(totals[(y, c)] for c in both)
    weighted = weights = 0.0
    estimated = []
    for authority in year["authorities"]:
        modelled = authority["measures"]["over_20_miles_share"]["modelled"]
        if modelled is None:
            continue
        weight = known_distance((y, authority["code"]))
        if weight is None:
            weight = (totals.get((y, authority["code"])) or 0) * share
            estimated.append(authority["code"])
        weighted += modelled * weight
        weights += weight
    command = year["england"]["measures"]["over_20_miles_share"]["modelled"]
    print(f"{y}: command {command * 100:.3f}, recompute {weighted / weights * 100:.3f} "
          f"(counts suppressed, estimated: {', '.join(estimated) or 'none'})")

print(f"== England: replay calibrated on {origin} only, modelled vs published (points; target within 1.5)")
print(f"{'year':>4s} " + " ".join(f"{m:>30s}" for m in MEASURES))
for year in years:
    cells = []
    for measure in MEASURES:
        value = year["england"]["measures"][measure]
        gap = (value["modelled"] - value["published"]) * 100
        verdict = check(f"{year['year']} England {measure}", abs(gap) <= 1.5)
        cells.append(f"{value['modelled'] * 100:5.1f} vs {value['published'] * 100:5.1f} {gap:+5.2f} {verdict:>4s}")
    print(f"{year['year']:>4d} " + " ".join(f"{c:>30s}" for c in cells))

print("== Per-authority mean absolute error (points) over the authorities with replay, published, persistence "
      "and trend figures")
print(f"{'year':>4s} {'measure':24s} {'n':>4s} {'replay':>7s} {'persist.':>8s} {'trend':>7s} {'ratio':>6s}  "
      f"{'(replay, all n)':>16s}  verdict")
for year in years:
    last = year is years[-1]
    for measure in MEASURES:
        rows, every = [], []
        for authority in year["authorities"]:
            value = authority["measures"][measure]
            if value["modelled"] is None or value["published"] is None:
                continue
            every.append(abs(value["modelled"] - value["published"]))
            line = trend(authority["code"], measure, year["year"])
            if value["persistence"] is None or line is None:
                continue
            rows.append((value["modelled"], value["persistence"], line, value["published"]))
        mae = lambda k: sum(abs(r[k] - r[3]) for r in rows) / len(rows) * 100
        model, persistence, straight = mae(0), mae(1), mae(2)
        ratio = model / persistence
        verdict = ""
        if last:
            verdict = check(f"{year['year']} {measure} ratio", ratio <= 1.5)
            if measure == "m2_in_area_share":
                verdict += " / below persistence " + check(f"{year['year']} M2 below persistence", model < persistence)
        best = min((model, "replay"), (persistence, "persistence"), (straight, "trend"))[1]
        print(f"{year['year']:>4d} {measure:24s} {len(rows):4d} {model:7.2f} {persistence:8.2f} {straight:7.2f} "
              f"{ratio:6.2f}  {sum(every) / len(every) * 100:9.2f} ({len(every):3d})  {verdict} best: {best}")

print(f"== The command end to end (reading the data, calibrating on {origin}, replaying {len(years)} years, "
      f"printing): {seconds:.2f} s")
print("== " + ("every done-when figure met" if not failures else "not met: " + ", ".join(failures)))
PY
