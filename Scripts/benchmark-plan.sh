#!/usr/bin/env bash
# Measures `placement plan` on England and checks it against HiGHS:
#   - england-2025 with a £53 million budget (--by national, the default candidate set): our wall
#     time, status, objective, best bound and gap (target: gap <= 0.5% in under 60 s on 2 cores);
#   - the same MIP exported (--export-model) and solved by HiGHS (1 thread): its time and objective,
#     and whether ours lies within our gap of it;
#   - the frontier at £0, £25m, £53m, £150m and £500m: objective, homes, households, own-council M1,
#     M2, weekly cost, unplaced and block contracts, saying where own-council M1 falls as the budget
#     grows (block contracts buy market places);
#   - the plan report (`--out`: the frontier at 0, £26.5m, £53m, £106m and the policy comparison)
#     with `--sensitivity` (each assumption at each end of its range): wall time and what moves.
# Usage: Scripts/benchmark-plan.sh [--by national|council|cooperative]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
by=national
[ "${1:-}" = "--by" ] && by="$2"
Scripts/install-dependencies.sh
command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >/dev/null
python3 -c "import highspy" 2>/dev/null || python3 -m pip install --quiet highspy 2>/dev/null
echo "== building placement (release; the first build takes a few minutes)" >&2
swift build -c release --product placement >/dev/null
placement=.build/release/placement
work=.build/benchmark-plan
mkdir -p "$work"
england=Fixtures/scenarios/england-2025

field() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))" "$@"; }

echo "== england-2025, £53m, --by $by =="
/usr/bin/time -f "%e %M" -o "$work/time.txt" "$placement" plan "$england" --budget 53000000 --by "$by" \
    --format json --export-model "$work/plan-53m.mps" >"$work/plan-53m.json"
read -r seconds kilobytes <"$work/time.txt"
field "$work/plan-53m.json" \
    '"status %s, objective %.2f, best bound %.2f, relative gap %.5f%%, saving gap %s, LP bound %.2f, solve %.2f s" % (d["status"], d["objective"], d["best_bound"], 100 * d["relative_gap"], "none" if d["saving_gap"] is None else "%.3f%%" % (100 * d["saving_gap"]), d["lp_bound"], d["seconds"])'
field "$work/plan-53m.json" \
    '"%d homes (%d places), %d foster households, %d block contracts, capital £%.0f; weekly saving %.2f; %d integer columns, %d rows, %d columns" % (sum(h["units"] for h in d["homes"]), sum(h["places"] for h in d["homes"]), sum(c["units"] for c in d["carers"]), sum(b["units"] for b in d["block_contracts"]), d["capital_spent"], d["weekly_saving"], d["statistics"]["integer_columns"], d["statistics"]["rows"], d["statistics"]["columns"])'
echo "placement plan (load, build, solve, per-build savings, both re-solves): ${seconds} s wall, peak $((kilobytes / 1024)) MiB (target: gap <= 0.5% in < 60 s)"

echo
echo "== The same MIP by HiGHS (1 thread, solve only) =="
highs_line=$(python3 Scripts/highs-solve.py "$work/plan-53m.mps" 2>/dev/null | grep -v '^Running\|^Includes' | head -1)
echo "$highs_line"
highs_objective=$(echo "$highs_line" | cut -f3)
ours=$(field "$work/plan-53m.json" 'd["objective"]')
gap=$(field "$work/plan-53m.json" 'max(d["relative_gap"], 1e-9)')
awk -v a="$ours" -v b="$highs_objective" -v g="$gap" 'BEGIN {
    d = (a - b) / (b < 0 ? -b : b);
    printf "ours %.2f, HiGHS %.2f: difference %.6f%% of HiGHS; within our gap (%.6f%%) plus HiGHS default gap (0.01%%): %s\n",
        a, b, 100 * d, 100 * g, (d <= g + 1e-4 && d >= -(g + 1e-4)) ? "yes" : "NO" }'

echo
echo "== Frontier, --by $by =="
printf "budget\tobjective\tgap\thomes\thouseholds\tcapital\tM1_own\tM2\tweekly_cost\tunplaced\tseconds\tcontracts\n" >"$work/frontier.tsv"
for budget in 0 25000000 53000000 150000000 500000000; do
    "$placement" plan "$england" --budget "$budget" --by "$by" --format json >"$work/plan-$budget.json"
    field "$work/plan-$budget.json" \
        '"%d\t%.2f\t%.5f%%\t%d\t%d\t%.0f\t%.4f\t%.4f\t%.0f\t%d\t%.1f" % (d["budget"], d["objective"], 100 * d["relative_gap"], sum(h["units"] for h in d["homes"]), sum(c["units"] for c in d["carers"]), d["capital_spent"], d["with_plan"]["m1_own_la_run_share"], d["with_plan"]["m2_in_area_share"], d["with_plan"]["weekly_cost"], d["with_plan"]["unplaced"], d["seconds"]) + "\t%d" % sum(b["units"] for b in d["block_contracts"])' \
        >>"$work/frontier.tsv"
done
column -t -s $'\t' "$work/frontier.tsv"
# M1 is not the objective: a larger budget may buy block contracts (market places, not council-run)
# that cost M1 for a lower weighted cost. Each fall is said with the contracts bought there.
awk -F'\t' 'NR > 2 && $7 + 1e-9 < previous {
        falls = 1
        printf "own-council M1 falls from %.2f%% (£%s) to %.2f%% (£%s), with %d block contracts\n",
            100 * previous, budget, 100 * $7, $1, $12 }
    NR > 1 { previous = $7; budget = $1 }
    END { if (!falls) print "own-council M1 never falls as the budget grows" }' \
    "$work/frontier.tsv"

echo
echo "== The plan report with --sensitivity, £53m, --by $by =="
rm -rf "$work/report"
/usr/bin/time -f "%e %M" -o "$work/time.txt" "$placement" plan "$england" --budget 53000000 --by "$by" \
    --out "$work/report" --sensitivity >/dev/null 2>"$work/report.err"
read -r seconds kilobytes <"$work/time.txt"
echo "placement plan --out --sensitivity (plan, frontier of 4 budgets, 3 policies, $(($(wc -l <"$work/report/report-sensitivity.csv") - 2)) sensitivity re-solves): ${seconds} s wall, peak $((kilobytes / 1024)) MiB"
column -t -s, "$work/report/report-sensitivity.csv" | cut -c1-200
