#!/usr/bin/env python3
"""Helpers of Scripts/check-report-rendering.sh (standard library only).

  report_rendering.py wellformed HTML          exit 1 when the report is not well-formed XML
  report_rendering.py probe HTML OUT [print]   OUT: HTML plus a script that lists clipped content;
                                               with `print`, the report's print rules apply on screen
  report_rendering.py clipped DUMPED_DOM       prints the probe's findings; exit 1 when any
  report_rendering.py markdown MD OUT          OUT: a plain HTML page of a Markdown-only report
  report_rendering.py pdf PDF                  exit 1 when a word lies beyond a page's edge (pdftotext -bbox)
"""
import html
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

# Runs after layout: an element wider than the page, content cut off by an overflow box, or SVG
# text outside its picture is clipped content, on screen or (with the print rules) on paper.
PROBE = """
<script>
window.addEventListener('load', () => {
  const problems = new Set();
  const width = document.documentElement.clientWidth;
  const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
    + ' "' + (e.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 50) + '"';
  for (const e of document.body.querySelectorAll('*')) {
    if (e.closest('svg') || e.id === 'clipping-check') continue;
    const r = e.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.right > width + 1 || r.left < -1) {
      problems.add('wider than the page (' + Math.round(r.right) + ' > ' + width + ' px): ' + name(e));
    }
    const s = getComputedStyle(e);
    if (['hidden', 'auto', 'scroll', 'clip'].includes(s.overflowX) && e.scrollWidth > e.clientWidth + 1) {
      problems.add('cut off (' + e.scrollWidth + ' > ' + e.clientWidth + ' px): ' + name(e));
    }
  }
  for (const t of document.querySelectorAll('svg text')) {
    const a = t.ownerSVGElement.getBoundingClientRect(), b = t.getBoundingClientRect();
    if (b.width > 0 && (b.right > a.right + 1 || b.left < a.left - 1)) {
      problems.add('text outside its figure: "' + t.textContent.slice(0, 50) + '"');
    }
  }
  const out = document.createElement('pre');
  out.id = 'clipping-check';
  out.textContent = problems.size ? 'CLIPPED\\n' + [...problems].slice(0, 15).join('\\n') : 'NOTHING-CLIPPED';
  document.body.appendChild(out);
});
</script>
"""


def wellformed(path):
    try:
        ElementTree.parse(path)
    except ElementTree.ParseError as error:
        print(f"not well-formed: {error}")
        return 1
    return 0


def probe(path, out, mode):
    text = open(path, encoding="utf-8").read()
    if mode == "print":
        # The print rules, applied on screen at the printed page's width.
        text = text.replace("@media print {", "@media all {")
    text = text.replace("</body>", PROBE + "</body>")
    open(out, "w", encoding="utf-8").write(text)
    return 0


def clipped(path):
    dom = open(path, encoding="utf-8", errors="replace").read()
    found = re.search(r'<pre id="clipping-check">(.*?)</pre>', dom, re.S)
    if not found:
        print("the clipping probe did not run")
        return 1
    report = html.unescape(found.group(1))
    if report.startswith("NOTHING-CLIPPED"):
        return 0
    print("\n".join("    " + line for line in report.splitlines()[1:]))
    return 1


def markdown(path, out):
    """Headings, paragraphs, lists and pipe tables: what the project's Markdown reports hold."""
    lines = open(path, encoding="utf-8").read().splitlines()
    body, index = [], 0
    inline = lambda s: re.sub(r"`([^`]*)`", r"<code>\1</code>", re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", html.escape(s)))
    while index < len(lines):
        line = lines[index]
        if line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            body.append(f"<h{level}>{inline(line[level:].strip())}</h{level}>")
        elif line.startswith("|"):
            rows = []
            while index < len(lines) and lines[index].startswith("|"):
                cells = [c.strip() for c in re.split(r"(?<!\\)\|", lines[index].strip())[1:-1]]
                if not all(re.fullmatch(r":?-+:?", c) for c in cells):
                    rows.append(cells)
                index += 1
            body.append("<table>")
            for number, row in enumerate(rows):
                tag = "th" if number == 0 else "td"
                body.append("<tr>" + "".join(f"<{tag}>{inline(c)}</{tag}>" for c in row) + "</tr>")
            body.append("</table>")
            continue
        elif line.startswith("- "):
            body.append("<ul>")
            while index < len(lines) and lines[index].startswith("- "):
                body.append(f"<li>{inline(lines[index][2:])}</li>")
                index += 1
            body.append("</ul>")
            continue
        elif line.strip():
            body.append(f"<p>{inline(line)}</p>")
        index += 1
    style = (
        "body{font-family:Arial,sans-serif;max-width:190mm;margin:0 auto;padding:12mm 8mm;font-size:10pt}"
        "table{border-collapse:collapse;width:100%;font-size:8.5pt}th,td{border-bottom:1px solid #ccd;"
        "padding:2px 4px;text-align:left;overflow-wrap:anywhere}@page{size:A4;margin:14mm 12mm}"
        "@media print{body{max-width:none;padding:0}thead{display:table-header-group}}"
    )
    page = f'<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8"/><style>{style}</style></head>'
    page += "<body>\n" + "\n".join(body) + "\n</body></html>\n"
    open(out, "w", encoding="utf-8").write(page)
    return 0


def pdf(path):
    try:
        xml = subprocess.run(["pdftotext", "-bbox", path, "-"], capture_output=True, check=True).stdout.decode()
    except (OSError, subprocess.CalledProcessError) as error:
        print(f"pdftotext failed: {error}")
        return 1
    problems = []
    for number, page in enumerate(re.findall(r'<page width="([\d.]+)" height="[\d.]+">(.*?)</page>', xml, re.S), 1):
        width = float(page[0])
        for x_min, x_max, word in re.findall(
            r'<word xMin="([-\d.]+)" yMin="[-\d.]+" xMax="([-\d.]+)" yMax="[-\d.]+">(.*?)</word>', page[1]
        ):
            if float(x_max) > width + 0.5 or float(x_min) < -0.5:
                problems.append(f"page {number}: '{html.unescape(word)}' beyond the page's edge")
    for problem in problems[:10]:
        print("    " + problem)
    return 1 if problems else 0


if __name__ == "__main__":
    command, arguments = sys.argv[1], sys.argv[2:]
    if command == "wellformed":
        sys.exit(wellformed(*arguments))
    if command == "probe":
        sys.exit(probe(arguments[0], arguments[1], arguments[2] if len(arguments) > 2 else "screen"))
    if command == "clipped":
        sys.exit(clipped(*arguments))
    if command == "markdown":
        sys.exit(markdown(*arguments))
    if command == "pdf":
        sys.exit(pdf(*arguments))
    sys.exit(f"unknown command {command}")
