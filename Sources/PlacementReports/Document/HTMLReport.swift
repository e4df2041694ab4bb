import Foundation

/// Renders a report as one self-contained HTML file: inline CSS and SVG, no scripts, no external
/// assets, laid out to print on A4. The markup is also well-formed XML, which the tests check.
public enum HTMLReport {
    public static func render(_ document: ReportDocument) -> String {
        var html = [
            "<!DOCTYPE html>",
            "<html lang=\"en-GB\">",
            "<head>",
            "<meta charset=\"utf-8\"/>",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>",
            "<title>\(escape(document.title))</title>",
            "<style>\(stylesheet)</style>",
            "</head>",
            "<body>",
            "<header><h1>\(escape(document.title))</h1><p class=\"subtitle\">\(escape(document.subtitle))</p></header>",
        ]
        if document.sections.count > 2 {
            html.append("<nav><ol>")
            for (index, section) in document.sections.enumerated() {
                html.append("<li><a href=\"#section-\(index + 1)\">\(escape(section.heading))</a></li>")
            }
            html.append("</ol></nav>")
        }
        for (index, section) in document.sections.enumerated() {
            html.append(
                "<section id=\"section-\(index + 1)\"\(section.startsOnNewPage ? " class=\"new-page\"" : "")>")
            html.append("<h2>\(escape(section.heading))</h2>")
            for block in section.blocks { html.append(render(block)) }
            html.append("</section>")
        }
        html += ["</body>", "</html>"]
        return html.joined(separator: "\n") + "\n"
    }

    private static func render(_ block: ReportBlock) -> String {
        switch block {
        case .paragraph(let text):
            return "<p>\(inline(text))</p>"
        case .bullets(let items):
            return "<ul>" + items.map { "<li>\(inline($0))</li>" }.joined() + "</ul>"
        case .figure(let caption, let svg):
            return "<figure>\(svg)<figcaption>\(escape(caption))</figcaption></figure>"
        case .table(let whole):
            return parts(of: whole).map(render(table:)).joined(separator: "\n")
        }
    }

    /// Most columns a table shows side by side: more do not fit an A4 page's width at 9 pt.
    static let widestTable = 10

    /// A table of more than `widestTable` columns as several, each repeating the leading text
    /// columns (name, code) with the next columns that fit, groups kept whole. The CSV and JSON keep
    /// the whole table.
    static func parts(of table: ReportTable) -> [ReportTable] {
        guard table.columns.count > widestTable else { return [table] }
        let leading = Array(table.columns.prefix { !$0.isNumeric }.indices)
        var units: [[Int]] = []
        for index in table.columns.indices.dropFirst(leading.count) {
            if let group = table.columns[index].group, let last = units.last?.last,
                table.columns[last].group == group
            {
                units[units.count - 1].append(index)
            } else {
                units.append([index])
            }
        }
        let room = max(widestTable - leading.count, 3)
        var parts: [[Int]] = []
        for unit in units {
            if let last = parts.last, last.count + unit.count <= room {
                parts[parts.count - 1] += unit
            } else {
                parts.append(unit)
            }
        }
        guard !parts.isEmpty else { return [table] }
        return parts.enumerated().map { number, part in
            let columns = leading + part
            return ReportTable(
                id: number == 0 ? table.id : "\(table.id)-\(number + 1)",
                caption: number == 0 ? table.caption : "\(table.caption) (continued)",
                columns: columns.map { table.columns[$0] },
                rows: table.rows.map { row in columns.map { row[$0] } })
        }
    }

    private static func render(table: ReportTable) -> String {
        var lines = ["<div class=\"table\"><table id=\"\(table.id)\">"]
        lines.append("<caption>\(escape(table.caption))</caption>")
        lines.append(
            "<thead><tr>"
                + table.columns.map { "<th\(numericClass($0.isNumeric))>\(escape($0.heading))</th>" }.joined()
                + "</tr></thead>")
        lines.append("<tbody>")
        for row in table.rows {
            let cells = zip(table.columns, row).map { column, value in
                "<td\(numericClass(column.isNumeric))>\(column.isNumeric ? escape(value.display) : breakable(value.display))</td>"
            }
            lines.append("<tr>" + cells.joined() + "</tr>")
        }
        lines.append("</tbody></table></div>")
        return lines.joined(separator: "\n")
    }

    private static func numericClass(_ numeric: Bool) -> String { numeric ? " class=\"n\"" : "" }

    /// Escaped text that may wrap after a slash, as a path in a table cell must to fit the page.
    static func breakable(_ text: String) -> String {
        escape(text).replacingOccurrences(of: "/", with: "/<wbr/>")
    }

    /// A paragraph's text as the Markdown report writes it, escaped, with its inline Markdown as HTML:
    /// `code` spans and **strong** text (paired marks only; a lone one stays as it is).
    static func inline(_ text: String) -> String {
        spans(spans(escape(text), mark: "`", tag: "code"), mark: "**", tag: "strong")
    }

    private static func spans(_ text: String, mark: String, tag: String) -> String {
        let pieces = text.components(separatedBy: mark)
        guard pieces.count >= 3 else { return text }
        var result = pieces[0]
        var index = 1
        while index + 1 < pieces.count {
            result += "<\(tag)>\(pieces[index])</\(tag)>" + pieces[index + 1]
            index += 2
        }
        if index < pieces.count { result += mark + pieces[index] }
        return result
    }

    /// Escapes text for HTML and XML alike.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    static let stylesheet = """

        :root { --ink: #1f2933; --muted: #52606d; --rule: #d9e2ec; --band: #f5f7fa; --accent: #1b6f8a; }
        * { box-sizing: border-box; }
        body { font-family: "Helvetica Neue", Arial, "Liberation Sans", sans-serif; color: var(--ink);
          max-width: 240mm; margin: 0 auto; padding: 12mm 8mm; font-size: 10.5pt; line-height: 1.45; }
        header { border-bottom: 3px solid var(--accent); margin-bottom: 1em; }
        h1 { font-size: 20pt; margin: 0 0 0.2em; }
        h2 { font-size: 14pt; margin: 1.6em 0 0.5em; color: var(--accent); }
        .subtitle { color: var(--muted); margin: 0 0 0.8em; }
        nav ol { columns: 2; margin: 0.5em 0 1em; padding-left: 1.4em; color: var(--muted); }
        nav a { color: var(--accent); text-decoration: none; }
        p, ul { margin: 0.5em 0; }
        .table { overflow-x: auto; margin: 0.8em 0 1.2em; }
        table { border-collapse: collapse; width: 100%; font-size: 9pt; }
        caption { text-align: left; font-weight: bold; padding-bottom: 0.3em; }
        th, td { padding: 0.25em 0.5em; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top;
          overflow-wrap: break-word; }
        th { border-bottom: 2px solid var(--muted); }
        th.n { white-space: normal; }
        tbody tr:nth-child(even) { background: var(--band); }
        .n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        figure { margin: 1em 0 1.4em; }
        figure svg { width: 100%; height: auto; display: block; }
        figcaption { color: var(--muted); font-size: 9pt; margin-top: 0.3em; }
        @page { size: A4; margin: 14mm 12mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 9.5pt; }
          nav { display: none; }
          h2 { break-after: avoid; }
          figure, tr { break-inside: avoid; }
          thead { display: table-header-group; }
          .table { overflow: visible; }
          .new-page { break-before: page; }
          .new-page h2 { margin-top: 0; }
          tbody tr:nth-child(even) { background: none; }
          table { font-size: 8pt; }
          th, td { padding: 0.15em 0.4em; }
        }

        """
}
