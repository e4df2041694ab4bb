import Foundation
import PlacementScenarios

/// Renders a report's tables for analysis: one CSV per table, and one JSON document holding the
/// title, the narrative and every table's rows as objects.
public enum TabularReport {
    public static func csv(_ table: ReportTable) -> String {
        var writer = CSVWriter(header: table.columns.map(\.key))
        for row in table.rows {
            // Text cells are made safe for spreadsheets; numbers are written as they are.
            writer.append(row.map { if case .text(let text) = $0 { CSVWriter.spreadsheetText(text) } else { $0.raw } })
        }
        return writer.text
    }

    public static func json(_ document: ReportDocument) -> String {
        ResultJSON.encode(DocumentObject(document))
    }

    struct DocumentObject: Encodable {
        var title: String
        var subtitle: String
        var sections: [SectionObject]
        var tables: [String: TableObject]

        init(_ document: ReportDocument) {
            title = document.title
            subtitle = document.subtitle
            sections = document.sections.map(SectionObject.init)
            tables = Dictionary(uniqueKeysWithValues: document.tables.map { ($0.id, TableObject($0)) })
        }
    }

    struct SectionObject: Encodable {
        var heading: String
        /// Paragraphs and list items, in order.
        var text: [String]
        var tables: [String]
        var figures: [String]

        init(_ section: ReportSection) {
            heading = section.heading
            text = []
            tables = []
            figures = []
            for block in section.blocks {
                switch block {
                case .paragraph(let paragraph): text.append(paragraph)
                case .bullets(let items): text += items
                case .table(let table): tables.append(table.id)
                case .figure(let caption, _): figures.append(caption)
                }
            }
        }
    }

    struct TableObject: Encodable {
        var caption: String
        var columns: [String]
        var rows: [Row]

        init(_ table: ReportTable) {
            caption = table.caption
            columns = table.columns.map(\.key)
            rows = table.rows.map { Row(keys: table.columns.map(\.key), values: $0) }
        }
    }

    struct Row: Encodable {
        var keys: [String]
        var values: [ReportValue]

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: JSONKey.self)
            for (key, value) in zip(keys, values) {
                let codingKey = JSONKey(key)
                switch value {
                case .text(let text): try container.encode(text, forKey: codingKey)
                case .number, .printedDifference: try container.encode(value.rawNumber, forKey: codingKey)
                }
            }
        }
    }
}
