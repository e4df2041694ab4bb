/// The files of one report: `STEM.html`, `STEM.md`, `STEM.json` and `STEM-TABLE.csv` per table.
public enum ReportFiles {
    /// The names `files(_:stem:)` gives, without rendering anything.
    public static func names(_ document: ReportDocument, stem: String) -> [String] {
        ["\(stem).html", "\(stem).md", "\(stem).json"] + document.tables.map { "\(stem)-\($0.id).csv" }
    }

    public static func files(_ document: ReportDocument, stem: String) -> [(name: String, text: String)] {
        [
            ("\(stem).html", HTMLReport.render(document)),
            ("\(stem).md", MarkdownReport.render(document, stem: stem)),
            ("\(stem).json", TabularReport.json(document)),
        ] + document.tables.map { ("\(stem)-\($0.id).csv", TabularReport.csv($0)) }
    }
}
