#!/usr/bin/env bash
# Times `placement sufficiency --plan` against the number of builds in the report's scope (release
# build): plans of 1,000, 2,000, 4,000 and 8,000 builds, all in Northtown on tiny-plan (homes and
# foster households at running costs from below the market's to far above it), Northtown's report
# in national mode. Prints the seconds (wall) of each, the milliseconds per build and the growth
# from the plan half its size (2.0 for linear time, 4.0 for quadratic).
# With REFERENCE (another build of placement, e.g. an older release), it is timed too and the two
# reports are compared byte for byte.
# Usage: Scripts/benchmark-sufficiency-plan.sh [PLACEMENT [REFERENCE]] (default: this checkout's
# release build; BUILDS="1000 2000" to choose the sizes)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
absolute() { echo "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; }
placement="${1:-}"
reference="${2:-}"
[ -n "$reference" ] && reference="$(absolute "$reference")"
cd "$root"
if [ -n "$placement" ]; then
    placement="$(absolute "$placement")"
else
    echo "== building placement (release; the first build takes a few minutes)" >&2
    swift build -c release --product placement >/dev/null
    placement=.build/release/placement
fi
command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >/dev/null
work=.build/benchmark-sufficiency-plan
mkdir -p "$work"
scenario=Fixtures/scenarios/tiny-plan

# run BINARY PLAN OUTPUT: prints the seconds the report took.
run() {
    /usr/bin/time -f "%e" -o "$work/time.txt" "$1" sufficiency "$scenario" --authority Northtown --mode national \
        --plan "$2" --data "$work/no-data" --quiet --format json >"$3"
    tail -1 "$work/time.txt"
}
mkdir -p "$work/no-data"

echo "sufficiency --plan on $scenario, Northtown, national ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)):"
previous=""
for builds in ${BUILDS:-1000 2000 4000 8000}; do
    plan="$work/plan-$builds.csv"
    python3 - "$plan" "$builds" <<'PY'
import sys
path, n = sys.argv[1], int(sys.argv[2])
header = "id,kind,authority,placement_type,sector,places,units,capital_cost,weekly_cost,years_to_open,opening_year\n"
rows = []
for i in range(n):
    if i % 2 == 0:
        cost = [4000, 4800, 6000, 9000][i // 2 % 4]
        rows.append(f"H{i},home,T00000001,childrens_home,local_authority,2,1,500000,{cost},2,2027")
    else:
        cost = [400, 700, 1000][i // 2 % 3]
        rows.append(f"F{i},foster_carers,T00000001,foster,local_authority,1,1,10000,{cost},1,2026")
open(path, "w").write(header + "\n".join(rows) + "\n")
PY
    seconds=$(run "$placement" "$plan" "$work/report-$builds.json")
    line=$(awk -v s="$seconds" -v n="$builds" -v p="$previous" 'BEGIN {
        printf "%5d builds: %7.2f s  %6.2f ms a build", n, s, 1000 * s / n
        if (p != "") printf "  (x%.1f for twice the builds)", s / p }')
    if [ -n "$reference" ]; then
        old=$(run "$reference" "$plan" "$work/reference-$builds.json")
        same=$(cmp -s "$work/report-$builds.json" "$work/reference-$builds.json" && echo "the same report" || echo "REPORTS DIFFER")
        line="$line; reference $old s, $same"
    fi
    echo "$line"
    previous=$seconds
done
