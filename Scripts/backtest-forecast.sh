#!/usr/bin/env bash
# Backtest of the demand forecast: fitted on 2021–2023 only, forecasting 2024 and 2025, against what
# DfE published. Prints the mean absolute percentage error per authority of the model, persistence
# and a straight-line trend (total, foster, children's homes and every other series), the share of
# authorities inside the 80% and 95% intervals, England's totals against the published figures, and
# the seconds a full England forecast (2026–2030, all files written) takes.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product placement >/dev/null
placement=".build/release/placement"

"$placement" forecast --data Fixtures/data --backtest 2023 --format markdown

echo "## Done-when summary"
echo
"$placement" forecast --data Fixtures/data --backtest 2023 --format markdown | awk -F'|' '
    /^\| (total|foster|childrens_home) \| 202[45] \| [0-9]+ \| .*\| (yes|no) \|$/ {
        gsub(/ /, "", $2); gsub(/ /, "", $3); gsub(/ /, "", $8)
        printf "MAPE %-15s %s: model%s persistence%s linear%s -> model lower than both: %s\n", $2, $3, $5, $6, $7, $8
    }
    /^\| total \| 202[45] \| [0-9]+ \| [0-9.]+% \| [0-9.]+% \|$/ {
        gsub(/ /, "", $3); printf "Coverage total %s: 80%%%s, 95%%%s\n", $3, $5, $6
    }
    /^\| total \| 202[45] \| [0-9]+ \| [0-9]+–/ {
        gsub(/ /, "", $3); printf "England total %s: forecast%s published%s error%s\n", $3, $4, $7, $8
    }'

output="$(mktemp -d)"
trap 'rm -rf "$output"' EXIT
echo
echo "England forecast 2026–2030 (CSV, JSON and HTML written; target under 5 s):"
TIMEFORMAT='%R s wall, %U s user CPU'
time "$placement" forecast --data Fixtures/data --to 2030 --out "$output" --format json >/dev/null
