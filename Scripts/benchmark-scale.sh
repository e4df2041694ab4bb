#!/usr/bin/env bash
# How `placement compare` (all four modes, parse to result) grows from one to twenty times England,
# against HiGHS solving only the two plain exported joint models (council-coordinated, regional).
# For each scale of `placement generate synthetic --seed 7`: wall and CPU seconds, peak memory,
# the phase split (load, build, GLPK, report; from placement-benchmark), HiGHS's solve time and the
# ratio, and whether our objectives equal HiGHS's to 1e-9 relative. Then the CPU growth exponent
# (least-squares slope of log CPU on log scale, and from the first scale to the last).
# Usage: Scripts/benchmark-scale.sh [SCALE...]   (default: 1 2 5 10 20)
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
work=.build/benchmark-scale
mkdir -p "$work"
scales=("$@")
[ ${#scales[@]} -gt 0 ] || scales=(1 2 5 10 20)

printf "%-6s %9s %8s %8s %8s %8s %8s %8s %9s %7s %8s\n" scale children wall_s cpu_s peak_MiB load_s build_s glpk_s highs_s ratio exact
results="$work/results.tsv"
: >"$results"
for scale in "${scales[@]}"; do
    scenario="$work/synthetic-x$scale"
    [ -f "$scenario/scenario.yaml" ] || "$placement" generate synthetic --seed 7 --scale "$scale" --out "$scenario" >/dev/null
    children=$(awk -F, 'NR > 1 { n += $5 } END { print n }' "$scenario/children.csv")
    /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$placement" compare "$scenario" --format json \
        >"$work/compare-x$scale.json" 2>/dev/null
    read -r wall user system kilobytes <"$work/time.txt"
    cpu=$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.2f", u + s }')
    # Phases, summed over the four modes (build and GLPK summed over threads).
    rm -rf "$work/models-x$scale" && mkdir -p "$work/models-x$scale"
    .build/release/placement-benchmark --export "$work/models-x$scale" "$scenario" >"$work/phases-x$scale.tsv"
    read -r load build glpk < <(awk -F'\t' 'NR > 1 && $2 == "load" { l = $3 } NR > 1 && $2 != "load" && $1 !~ /^#/ {
        b += $4; g += $5 } END { printf "%.2f %.2f %.2f\n", l, b, g }' "$work/phases-x$scale.tsv")
    highs=$(python3 Scripts/highs-solve.py "$work/models-x$scale"/*council-coordinated*.mps "$work/models-x$scale"/*regional*.mps 2>/dev/null \
        | grep -v '^Running\|^Includes')
    highs_seconds=$(echo "$highs" | awk '$1 == "total" { print $2 }')
    ratio=$(awk -v a="$wall" -v b="$highs_seconds" 'BEGIN { printf "%.2f", a / b }')
    exact=$(python3 - "$work/compare-x$scale.json" <<EOF
import json, sys
ours = {m["mode"]: m["objective"] for m in json.load(open(sys.argv[1]))["modes"]}
peer = {}
for line in """$highs""".splitlines():
    fields = line.split("\t")
    if len(fields) == 4:
        mode = "council-coordinated" if "council-coordinated" in fields[0] else "regional"
        peer[mode] = float(fields[2])
ok = all(abs(ours[m] - peer[m]) <= 1e-9 * max(1, abs(peer[m])) for m in peer)
print("yes" if ok and len(peer) == 2 else "NO")
EOF
)
    printf "%-6s %9s %8s %8s %8s %8s %8s %8s %9s %7s %8s\n" "$scale" "$children" "$wall" "$cpu" \
        "$((kilobytes / 1024))" "$load" "$build" "$glpk" "$highs_seconds" "$ratio" "$exact"
    echo -e "$scale\t$cpu\t$wall" >>"$results"
done

python3 - "$results" <<'EOF'
import math, sys
rows = [tuple(map(float, line.split("\t"))) for line in open(sys.argv[1]) if line.strip()]
if len(rows) >= 2:
    xs = [math.log(r[0]) for r in rows]
    ys = [math.log(r[1]) for r in rows]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    ends = (ys[-1] - ys[0]) / (xs[-1] - xs[0])
    print(f"CPU growth exponent: {slope:.2f} (least squares), {ends:.2f} (first to last scale); target <= 1.3")
EOF
