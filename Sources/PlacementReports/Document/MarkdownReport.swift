import PlacementScenarios

/// Renders a report as Markdown: headings, paragraphs, lists and pipe tables. Figures are named
/// and left to the HTML report.
public enum MarkdownReport {
    public static func render(_ document: ReportDocument, stem: String = "report") -> String {
        var lines = ["# \(document.title)", "", "_\(inline(document.subtitle))_"]
        for section in document.sections { lines += Self.lines(of: section, stem: stem) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A section as Markdown lines, a blank line first: its heading, then each block.
    public static func lines(of section: ReportSection, stem: String = "report") -> [String] {
        var lines = ["", "## \(section.heading)"]
        for block in section.blocks {
            lines.append("")
            switch block {
            case .paragraph(let text):
                lines.append(text)
            case .bullets(let items):
                lines += items.map { "- \($0)" }
            case .table(let table):
                lines += ["**\(table.caption)** (`\(stem)-\(table.id).csv`)", ""] + Self.lines(of: table)
            case .figure(let caption, _):
                lines.append("_Figure: \(caption) (drawn in `\(stem).html`)._")
            }
        }
        return lines
    }

    /// A table as pipe-table lines, figures right-aligned.
    public static func lines(of table: ReportTable) -> [String] {
        MarkdownTable(
            table.columns.map(\.heading), numeric: table.columns.map(\.isNumeric),
            rows: table.rows.map { $0.map(\.display) }
        ).lines
    }

    /// Text from input (a shocks file's description) inside emphasis: Markdown's own characters
    /// backslash-escaped, so they stay text and cannot end the emphasis or open a tag.
    static func inline(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if "\\`*_<>[]#|".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
