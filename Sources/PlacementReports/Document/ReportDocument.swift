import PlacementScenarios

/// A report as every renderer sees it: a title, then sections of paragraphs, tables and figures.
/// Markdown, HTML, CSV and JSON are all written from one document, so they always agree.
public struct ReportDocument: Sendable {
    public var title: String
    /// One line under the title: the scenario, the scope and the mode.
    public var subtitle: String
    public var sections: [ReportSection]

    public init(title: String, subtitle: String, sections: [ReportSection]) {
        self.title = title
        self.subtitle = subtitle
        self.sections = sections
    }

    /// Every table, in reading order.
    public var tables: [ReportTable] {
        sections.flatMap { section in
            section.blocks.compactMap { block in
                if case .table(let table) = block { table } else { nil }
            }
        }
    }
}

public struct ReportSection: Sendable {
    public var heading: String
    public var blocks: [ReportBlock]
    /// Printed from the top of a new page: the detail that follows a report's summary.
    public var startsOnNewPage = false

    public init(_ heading: String, _ blocks: [ReportBlock]) {
        self.heading = heading
        self.blocks = blocks
    }
}

public enum ReportBlock: Sendable {
    case paragraph(String)
    case bullets([String])
    case table(ReportTable)
    /// An inline SVG picture; Markdown names it and points to the HTML report.
    case figure(caption: String, svg: String)
}

/// A table with typed cells: renderers format numbers for reading (HTML, Markdown) or for analysis
/// (CSV, JSON: shares as fractions, pounds to the penny, missing values empty or null).
public struct ReportTable: Sendable {
    /// Names the CSV file and the JSON key: lower case, hyphens.
    public var id: String
    public var caption: String
    public var columns: [Column]
    public var rows: [[ReportValue]]

    public struct Column: Sendable {
        public var heading: String
        /// The CSV header and JSON key: lower case, underscores.
        public var key: String
        public var isNumeric: Bool
        /// Columns of one group (a measure's mean, 10th and 90th percentile) stay side by side when
        /// the HTML report splits a wide table to fit the page.
        public var group: String?

        public init(_ heading: String, key: String, numeric: Bool = true) {
            self.heading = heading
            self.key = key
            isNumeric = numeric
        }
    }

    public init(id: String, caption: String, columns: [Column], rows: [[ReportValue]]) {
        precondition(rows.allSatisfy { $0.count == columns.count }, "\(id): a row's cells do not match the columns")
        self.id = id
        self.caption = caption
        self.columns = columns
        self.rows = rows
    }
}

/// One cell.
public enum ReportValue: Sendable, Equatable {
    case text(String)
    case number(Double?, NumberStyle)
    /// The change between two figures printed beside it (a share's or a distance's, `style` the
    /// change's): read as the two printed figures differ (`printed`), analysed exactly (`exact`); see
    /// ``shareChange(from:to:)`` and ``change(from:to:_:)``.
    case printedDifference(exact: Double?, printed: Double?, style: NumberStyle)

    public static func count(_ value: Int?) -> ReportValue { .number(value.map(Double.init), .count) }
    public static func share(_ value: Double?) -> ReportValue { .number(value, .share) }
    public static func miles(_ value: Double?) -> ReportValue { .number(value, .miles) }
    public static func pounds(_ value: Double?) -> ReportValue { .number(value, .pounds) }
    /// The change between two shares as a reader sees them beside it: the difference of the two
    /// percentages as printed (to 0.1), so `3.7%` to `3.5%` reads `-0.2 pts`, not the unrounded `-0.3`;
    /// CSV and JSON hold the exact difference.
    public static func shareChange(from before: Double?, to after: Double?) -> ReportValue {
        printedChange(from: before, to: after, .shareChange, as: printedShare)
    }

    /// The change from `before` to `after` in `style` (a change style): a share's or a distance's as
    /// the two print (``shareChange(from:to:)``; miles to a tenth, so 12.4 to 10.2 reads −2.2, not the
    /// unrounded −2.1), any other the plain difference; missing where either is.
    public static func change(from before: Double?, to after: Double?, _ style: NumberStyle) -> ReportValue {
        switch style {
        case .shareChange: return .shareChange(from: before, to: after)
        case .milesChange: return printedChange(from: before, to: after, style, as: printedMiles)
        default: return .number(before.flatMap { old in after.map { $0 - old } }, style)
        }
    }

    /// The exact change and the difference of the two figures as `printed` rounds them.
    private static func printedChange(
        from before: Double?, to after: Double?, _ style: NumberStyle, as printed: (Double) -> Double
    ) -> ReportValue {
        guard let before, let after else { return .printedDifference(exact: nil, printed: nil, style: style) }
        return .printedDifference(exact: after - before, printed: printed(after) - printed(before), style: style)
    }

    /// A distance as it prints (to a tenth of a mile).
    public static func printedMiles(_ miles: Double) -> Double {
        Double(NumberText.decimal(miles, places: 1)) ?? miles
    }

    /// A share as its percentage prints (to 0.1 points, rounded as the printing rounds).
    public static func printedShare(_ share: Double) -> Double {
        (Double(NumberText.decimal(share * 100, places: 1)) ?? share * 100) / 100
    }

    /// A calendar year: a number in JSON and CSV, printed without a thousands separator.
    public static func year(_ value: Int) -> ReportValue { .number(Double(value), .fixed(places: 0)) }

    public enum NumberStyle: Sendable, Equatable {
        case count
        /// A fraction, read as a percentage.
        case share
        /// A difference of two shares, read in percentage points.
        case shareChange
        case miles
        case milesChange
        case pounds
        case poundsChange
        case countChange
        /// A plain figure, such as an assumption's value: its decimals, up to three, none trailing.
        case decimal
        /// A modelled number of children, which may be fractional: whole for reading, to two decimals
        /// for analysis.
        case modelledCount
        /// A mean of counts over draws: to a tenth for reading, whole where it is whole (`197.3`,
        /// `1,334`), to three decimals for analysis.
        case meanCount
        /// A statistic read to a fixed number of decimals (an error in points, a correlation), for
        /// reading and analysis alike.
        case fixed(places: Int)
    }

    /// For reading: `56.3%`, `+3.1 pts`, `£1,234`, `–` where missing.
    public var display: String {
        switch self {
        case .text(let text): return text
        case .printedDifference(_, let printed, let style): return ReportValue.number(printed, style).display
        case .number(nil, _): return "–"
        case .number(let value?, let style):
            switch style {
            case .count: return ReportNumbers.grouped(value)
            case .share: return NumberText.percent(value)
            case .shareChange: return ReportNumbers.signed(NumberText.decimal(value * 100, places: 1)) + " pts"
            case .miles: return NumberText.decimal(value, places: 1)
            case .milesChange: return ReportNumbers.signed(NumberText.decimal(value, places: 1))
            case .pounds: return NumberText.pounds(value)
            case .poundsChange: return ReportNumbers.signed(NumberText.pounds(value))
            case .countChange: return ReportNumbers.signed(ReportNumbers.grouped(value))
            case .decimal: return ReportNumbers.trimmed(value, places: style.decimalPlaces)
            case .modelledCount: return ReportNumbers.grouped(value)
            case .meanCount: return ReportNumbers.tenths(value)
            case .fixed(let places): return NumberText.decimal(value, places: places)
            }
        }
    }

    /// For analysis: plain decimals, empty where missing.
    public var raw: String {
        switch self {
        case .text(let text): return text
        case .number(let value, let style): return NumberText.decimal(value, places: style.decimalPlaces)
        case .printedDifference(let exact, _, let style): return ReportValue.number(exact, style).raw
        }
    }

    /// The raw value as a number, rounded as `raw` is, for JSON.
    public var rawNumber: Double? {
        switch self {
        case .text: return nil
        case .printedDifference(let exact, _, let style): return ReportValue.number(exact, style).rawNumber
        case .number(let value?, let style) where value.isFinite:
            return Double(NumberText.decimal(value, places: style.decimalPlaces))
        case .number: return nil
        }
    }
}

extension ReportValue.NumberStyle {
    var decimalPlaces: Int {
        switch self {
        case .count, .countChange: 0
        case .share, .shareChange: 6
        case .miles, .milesChange, .decimal, .meanCount: 3
        case .pounds, .poundsChange, .modelledCount: 2
        case .fixed(let places): places
        }
    }
}
