#!/usr/bin/env bash
# Backtest of the demand forecast: fitted on 2021–2023 only, forecasting 2024 and 2025, against what
# DfE published. Prints the mean absolute percentage error per authority of the model, persistence
# and a straight-line trend (total, foster, children's homes and every other series), the share of
# authorities inside the 80% and 95% intervals (also for a backtest fitted on 2021–2024), England's
# totals against the published figures, and
# the seconds a full England forecast (2026–2030, all files written) takes (Scripts/benchmark-forecast.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== building placement (release; the first build takes a few minutes)" >&2
swift build -c release --product placement >/dev/null
placement=".build/release/placement"

"$placement" forecast --data Fixtures/data --backtest 2023 --format markdown

echo "## Done-when summary"
echo
"$placement" forecast --data Fixtures/data --backtest 2023 --format markdown | awk -F'|' '
    /^\| (total|foster|childrens_home) \| 202[45] \| [0-9]+ \| [0-9.]+% \| [0-9.]+% \| [0-9.]+% \| [^|]+ \|$/ {
        gsub(/ /, "", $2); gsub(/ /, "", $3); gsub(/^ | $/, "", $8)
        printf "MAPE %-15s %s: model%s persistence%s linear%s -> best: %s\n", $2, $3, $5, $6, $7, $8
    }
    /^\| (total|foster|childrens_home) \| 202[45] \| [0-9]+ \| [0-9]+ \| [0-9.]+% \| [0-9.]+% \|$/ {
        gsub(/ /, "", $2); gsub(/ /, "", $3); printf "Coverage %-15s %s: 80%%%s, 95%%%s\n", $2, $3, $6, $7
    }
    /^\| total \| 202[45] \| [0-9,]+ \| [0-9,]+–/ {
        gsub(/ /, "", $3); printf "England total %s: forecast%s published%s error%s\n", $3, $4, $7, $8
    }'

echo
echo "## A second out-of-sample check: fitted on 2021–2024, forecasting 2025"
echo
echo "Its intervals come from two earlier years' one-year errors (2023's and 2024's), where the 2023"
echo "backtest's have one (2023's); the product's forecast from 2025 has three."
echo
"$placement" forecast --data Fixtures/data --backtest 2024 --format markdown |
    sed -n '/inside the interval/,/^## England/p' | grep -v '^## England'

Scripts/benchmark-forecast.sh 3
