#!/usr/bin/env bash
# Renders every report type in headless Chromium (Debian's chromium; poppler-utils for the PDF
# check; both installed when missing) to a PNG screenshot and an A4 PDF, and fails on clipped content:
#   - in the page, as on screen (1000 px) and as printed (the report's print rules at A4's printable
#     width, 186 mm = 703 px): an element wider than the page, content cut off by an overflow box,
#     SVG text outside its picture (a probe script added to a copy of the report);
#   - in the printed PDF: a word beyond a page's edge (pdftotext -bbox).
# Also fails when a report is not well-formed XML (a broken inline SVG would be), when Chromium fails
# or when a picture or PDF comes out empty. Reports: solve (Markdown only: drawn as plain HTML), the
# comparison of tiny, Greater Manchester and England (timed), sufficiency for one council and the
# `--all` index of England, the as-is baseline, a stress test, capacity plans of tiny-plan
# (with sensitivity) and Greater Manchester, the forecast and a simulation's trajectory.
#   Scripts/check-report-rendering.sh [--update-docs]   also copies the screenshots shown in the README to docs/
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
update_docs=false
[ "${1:-}" = "--update-docs" ] && update_docs=true

"$root/Scripts/install-dependencies.sh" chromium poppler-utils
(cd "$root" && swift build -c release --product placement >/dev/null)
placement="$root/.build/release/placement"
helper="$root/Scripts/report_rendering.py"
scenarios="$root/Fixtures/scenarios"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

quiet() { "$@" >/dev/null 2>"$work/last-stderr" || { echo "FAIL: $*"; tail -5 "$work/last-stderr"; exit 1; }; }

quiet "$placement" solve "$scenarios/tiny" --out "$work/tiny-solve"
quiet "$placement" compare "$scenarios/tiny" --out "$work/tiny-comparison"
quiet "$placement" compare "$scenarios/greater-manchester" --out "$work/gm-comparison"
start=$(date +%s%N)
quiet "$placement" compare "$scenarios/england-2025" --out "$work/england-comparison"
england_ms=$(( ($(date +%s%N) - start) / 1000000 ))
quiet "$placement" sufficiency "$scenarios/england-2025" --authority Manchester --data "$root/Fixtures/data" \
  --out "$work/manchester-sufficiency"
quiet "$placement" sufficiency "$scenarios/greater-manchester" --cooperative greater-manchester \
  --data "$root/Fixtures/data" --out "$work/gm-cooperative-sufficiency"
quiet "$placement" sufficiency "$scenarios/england-2025" --all --data "$root/Fixtures/data" \
  --out "$work/england-sufficiency-all"
quiet "$placement" baseline "$scenarios/greater-manchester" --out "$work/gm-baseline"
quiet "$placement" stress "$scenarios/greater-manchester" --shocks "$root/Fixtures/shocks/largest-childrens-home-owners-exit.yaml" \
  --draws 4 --out "$work/gm-stress"
quiet "$placement" plan "$scenarios/tiny-plan" --budget 500000 --sensitivity --out "$work/tiny-plan"
quiet "$placement" plan "$scenarios/greater-manchester" --budget 5000000 --by cooperative --out "$work/gm-plan"
quiet "$placement" forecast "$scenarios/greater-manchester" --data "$root/Fixtures/data" --out "$work/gm-forecast"
quiet "$placement" simulate "$scenarios/tiny" --to 2027 --out "$work/tiny-simulate"
echo "England comparison (four modes, every result file and the report): $((england_ms / 1000)).$(printf '%03d' $((england_ms % 1000))) s"

failures=0
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --mute-audio)
render() {  # render NAME FILE: an HTML report, or a Markdown one drawn as plain HTML
  local name="$1" file="$2" html
  if [ ! -f "$file" ]; then
    echo "FAIL $name: $file was not written"; failures=$((failures + 1)); return
  fi
  html="$file"
  if [ "${file##*.}" = md ]; then
    html="$work/$name-from-markdown.html"
    python3 "$helper" markdown "$file" "$html"
  elif ! python3 "$helper" wellformed "$html" >"$work/$name.xml-error"; then
    echo "FAIL $name: $(cat "$work/$name.xml-error")"; failures=$((failures + 1)); return
  fi
  # The probes sit beside the report, so that its relative links still resolve.
  local screen="${html%.html}.probe-screen.html" print="${html%.html}.probe-print.html" problems=""
  python3 "$helper" probe "$html" "$screen"
  python3 "$helper" probe "$html" "$print" print
  if ! timeout 180 chromium "${flags[@]}" --window-size=1000,2600 --screenshot="$work/$name.png" \
      "file://$html" >"$work/$name.log" 2>&1 \
    || ! timeout 180 chromium "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$work/$name.pdf" \
      "file://$html" >>"$work/$name.log" 2>&1 \
    || ! timeout 180 chromium "${flags[@]}" --window-size=1000,2600 --virtual-time-budget=3000 --dump-dom \
      "file://$screen" >"$work/$name.screen-dom" 2>>"$work/$name.log" \
    || ! timeout 180 chromium "${flags[@]}" --window-size=703,2600 --virtual-time-budget=3000 --dump-dom \
      "file://$print" >"$work/$name.print-dom" 2>>"$work/$name.log"; then
    echo "FAIL $name: chromium failed:"; tail -5 "$work/$name.log"; failures=$((failures + 1)); return
  fi
  local png pdf pages
  png=$(stat -c %s "$work/$name.png" 2>/dev/null || echo 0)
  pdf=$(stat -c %s "$work/$name.pdf" 2>/dev/null || echo 0)
  pages=$(pdfinfo "$work/$name.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
  if [ "$png" -lt 10000 ] || [ "$pdf" -lt 5000 ]; then
    echo "FAIL $name: empty rendering (PNG $png bytes, PDF $pdf bytes)"; failures=$((failures + 1)); return
  fi
  if ! out=$(python3 "$helper" clipped "$work/$name.screen-dom"); then problems+="  on screen:"$'\n'"$out"$'\n'; fi
  if ! out=$(python3 "$helper" clipped "$work/$name.print-dom"); then problems+="  printed:"$'\n'"$out"$'\n'; fi
  if ! out=$(python3 "$helper" pdf "$work/$name.pdf"); then problems+="  in the PDF:"$'\n'"$out"$'\n'; fi
  if [ -n "$problems" ]; then
    echo "FAIL $name: clipped content"; printf '%s' "$problems"; failures=$((failures + 1)); return
  fi
  echo "ok   $name: PNG $((png / 1024)) KiB, A4 PDF $((pdf / 1024)) KiB, ${pages:-?} page(s)"
}

render solve-tiny "$work/tiny-solve/regional.md"
render comparison-tiny "$work/tiny-comparison/report.html"
render comparison-greater-manchester "$work/gm-comparison/report.html"
render comparison-england "$work/england-comparison/report.html"
render sufficiency-manchester "$work/manchester-sufficiency/sufficiency.html"
render sufficiency-greater-manchester "$work/gm-cooperative-sufficiency/sufficiency.html"
render sufficiency-index-england "$work/england-sufficiency-all/index.html"
render baseline-greater-manchester "$work/gm-baseline/fit-report.html"
render stress-greater-manchester "$work/gm-stress/stress.html"
render plan-tiny "$work/tiny-plan/report.html"
render plan-greater-manchester "$work/gm-plan/report.html"
render forecast-greater-manchester "$work/gm-forecast/forecast.html"
render simulate-tiny "$work/tiny-simulate/trajectory.html"

if [ "$failures" -gt 0 ]; then
  echo "check-report-rendering: $failures report(s) failed" >&2
  exit 1
fi
if $update_docs; then
  mkdir -p "$root/docs"
  for name in comparison-greater-manchester comparison-england sufficiency-manchester sufficiency-index-england; do
    cp "$work/$name.png" "$root/docs/$name.png"
  done
  echo "screenshots copied to docs/"
fi
