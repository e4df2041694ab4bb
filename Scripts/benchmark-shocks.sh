#!/usr/bin/env bash
# Times reading a very large shocks file (`--shocks FILE`), release build, on `tiny`. Each file is
# generated with ENTRIES entries (default 1,000,000) and refused or read before anything is solved:
#   1. authorities: one demand_increase listing ENTRIES authorities (tiny's names and codes in
#      several spellings), then a shock past what a scenario may hold: the file is read, every name
#      checked and the first shock applied to check the limits, then refused with one error;
#   2. owners: one remove_owners listing ENTRIES distinct owners no provider has: ENTRIES errors,
#      the first 100 listed;
#   3. shocks: ENTRIES shocks, refused at the 1,001st (the YAML is composed whole first);
#   4. the file of (1) without its last shock, through `compare --modes national`: read, checked,
#      applied and solved.
# Prints the seconds (wall) and peak memory of each, and checks each one's exit status and stderr.
# Usage: Scripts/benchmark-shocks.sh [ENTRIES] [PLACEMENT]   (PLACEMENT: a built binary to time
# instead of building this checkout's, e.g. an older release build to compare with)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
entries="${1:-1000000}"
command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >/dev/null
if [ -n "${2:-}" ]; then
    placement="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
else
    echo "== building placement (release; the first build takes a few minutes)" >&2
    swift build -c release --product placement >/dev/null
    placement=.build/release/placement
fi
work=.build/benchmark-shocks
mkdir -p "$work"
scenario=Fixtures/scenarios/tiny

python3 - "$work" "$entries" <<'PY'
import sys
work, n = sys.argv[1], int(sys.argv[2])
spellings = ["Northtown", "T00000002", " Eastbury ", "northtown", "SOUTHVALE", "t00000003"]
names = [spellings[i % len(spellings)] for i in range(n)]
shock = "shocks:\n  - demand_increase: {factor: 1.1, authorities: [" + ", ".join(names) + "]}\n"
with open(f"{work}/authorities-valid.yaml", "w") as f:
    f.write(shock)
with open(f"{work}/authorities.yaml", "w") as f:
    f.write(shock + "  - demand_increase: {children: 10000000}\n")
with open(f"{work}/owners.yaml", "w") as f:
    f.write("shocks:\n  - remove_owners:\n" + "".join(f"    - Nobody {i} Ltd\n" for i in range(n)))
with open(f"{work}/shocks.yaml", "w") as f:
    f.write("shocks:\n" + "  - close_inadequate: true\n" * n)
PY

# timed LABEL EXPECTED_STATUS EXPECTED_STDERR_LINES ARGUMENTS…: runs placement, prints its figures.
timed() {
    local label="$1" expected="$2" lines="$3"
    shift 3
    local status=0
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$placement" "$@" >"$work/out.txt" 2>"$work/err.txt" || status=$?
    read -r seconds kilobytes < <(tail -1 "$work/time.txt")
    local got
    got=$(wc -l <"$work/err.txt")
    local check="ok"
    [ "$status" = "$expected" ] && [ "$got" = "$lines" ] || check="UNEXPECTED: exit $status, $got lines on stderr"
    printf '%-12s %8s s  %6d MiB  (%s)\n' "$label" "$seconds" $((kilobytes / 1024)) "$check"
}

echo "$(printf "%'d" "$entries") entries, $scenario ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)):"
timed authorities 1 2 stress "$scenario" --shocks "$work/authorities.yaml" --quiet
timed owners 1 102 stress "$scenario" --shocks "$work/owners.yaml" --quiet
timed shocks 1 2 stress "$scenario" --shocks "$work/shocks.yaml" --quiet
timed compare 0 1 compare "$scenario" --shocks "$work/authorities-valid.yaml" --modes national --quiet \
    --format json
