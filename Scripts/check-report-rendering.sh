#!/usr/bin/env bash
# Renders the comparison, sufficiency and plan HTML reports of tiny (tiny-plan) and greater-manchester in headless
# Chromium (Debian's chromium package, installed when missing): a PNG screenshot and an A4 PDF of
# each. Fails when a report is not well-formed XML (a broken inline SVG would be), when Chromium
# fails, or when a picture or PDF comes out empty.
#   Scripts/check-report-rendering.sh [--update-docs]   also copies greater-manchester's screenshots to docs/
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
update_docs=false
[ "${1:-}" = "--update-docs" ] && update_docs=true

"$root/Scripts/install-dependencies.sh" chromium
(cd "$root" && swift build -c release --product placement >/dev/null)
placement="$root/.build/release/placement"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$placement" compare "$root/Fixtures/scenarios/tiny" --out "$work/tiny-comparison" >/dev/null
"$placement" sufficiency "$root/Fixtures/scenarios/tiny" --authority T00000001 --out "$work/tiny-sufficiency" >/dev/null
"$placement" compare "$root/Fixtures/scenarios/greater-manchester" --out "$work/gm-comparison" >/dev/null 2>&1
"$placement" plan "$root/Fixtures/scenarios/tiny-plan" --budget 500000 --sensitivity --out "$work/tiny-plan" >/dev/null 2>&1
"$placement" plan "$root/Fixtures/scenarios/greater-manchester" --budget 5000000 --by cooperative \
  --out "$work/gm-plan" >/dev/null 2>&1
"$placement" sufficiency "$root/Fixtures/scenarios/greater-manchester" --authority E08000003 \
  --out "$work/gm-sufficiency" >/dev/null 2>&1

failures=0
check() {  # check NAME HTML
  local name="$1" html="$2"
  if ! python3 -c 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])' "$html" 2>"$work/$name.xml-error"; then
    echo "FAIL $name: not well-formed: $(tail -1 "$work/$name.xml-error")"
    failures=$((failures + 1))
    return
  fi
  local flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --mute-audio)
  if ! timeout 120 chromium "${flags[@]}" --window-size=1000,2600 --screenshot="$work/$name.png" \
      "file://$html" >"$work/$name.log" 2>&1 \
    || ! timeout 120 chromium "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$work/$name.pdf" \
      "file://$html" >>"$work/$name.log" 2>&1; then
    echo "FAIL $name: chromium failed:"; tail -5 "$work/$name.log"
    failures=$((failures + 1))
    return
  fi
  local png pdf pages
  png=$(stat -c %s "$work/$name.png" 2>/dev/null || echo 0)
  pdf=$(stat -c %s "$work/$name.pdf" 2>/dev/null || echo 0)
  pages=$(grep -ac '/Type /Page\b' "$work/$name.pdf" || true)
  if [ "$png" -lt 20000 ] || [ "$pdf" -lt 5000 ]; then
    echo "FAIL $name: empty rendering (PNG $png bytes, PDF $pdf bytes)"
    failures=$((failures + 1))
    return
  fi
  echo "ok   $name: PNG $((png / 1024)) KiB, A4 PDF $((pdf / 1024)) KiB, $pages page(s)"
}

check tiny-comparison "$work/tiny-comparison/report.html"
check tiny-sufficiency "$work/tiny-sufficiency/sufficiency.html"
check gm-comparison "$work/gm-comparison/report.html"
check gm-sufficiency "$work/gm-sufficiency/sufficiency.html"
check tiny-plan "$work/tiny-plan/report.html"
check gm-plan "$work/gm-plan/report.html"

if [ "$failures" -gt 0 ]; then
  echo "check-report-rendering: $failures report(s) failed" >&2
  exit 1
fi
if $update_docs; then
  mkdir -p "$root/docs"
  cp "$work/gm-comparison.png" "$root/docs/comparison-greater-manchester.png"
  cp "$work/gm-sufficiency.png" "$root/docs/sufficiency-manchester.png"
  echo "screenshots copied to docs/"
fi
