import PlacementScenarios
import ScenarioGeneration

/// The published years a forecast needs: it starts from the last year DfE's stock table publishes
/// (the origin) and is fitted on the years up to it.
public enum ForecastYears {
    /// Three years in a row up to the origin, each with the stock and the flows (starts by age). The
    /// exit rates close `stock(t) + starts − exits + ageing = stock(t+1)`, so they need two years in a
    /// row: on one year alone no child ever leaves and the stock only grows by its entrants (England
    /// 97,554 in 2026 rising to 160,704 in 2030 from 2025 alone, against about 81,500 flat). The
    /// intervals come from the model's one-year errors at earlier origins: the earliest of those,
    /// fitted on two years, needs a third to be measured against.
    public static let needed = 3

    /// A backtest's fitted years: two in a row up to its origin, for the exit rates (its intervals,
    /// with no earlier origin to measure, are the default ones, as the README's 2022 backtest says).
    public static let neededForBacktest = 2

    /// The origin of a forecast of `data`, or why the data cannot give one.
    public static func origin(_ data: OfficialData) throws(ForecastDataError) -> Int {
        guard let origin = data.stockYears.last else { throw .noPublishedYears(folder: data.directory) }
        try require(data, through: origin)
        return origin
    }

    /// Checks that a backtest from `origin` has its fitted years, and a published year after it to compare with.
    public static func requireBacktest(_ origin: Int, of data: OfficialData) throws(ForecastDataError) {
        let possible = backtestOrigins(data)
        guard data.stockYears.contains(origin) else {
            throw .backtestNotPublished(
                origin: origin, folder: data.directory, stock: data.stockYears, possible: possible)
        }
        let years = (origin - neededForBacktest + 1)...origin
        guard published(data, years) else {
            throw .backtestTooFewYears(
                years: years, folder: data.directory, stock: data.stockYears, flows: data.flowYears,
                possible: possible)
        }
        guard let last = data.stockYears.last, last > origin else {
            throw .nothingAfterBacktest(
                origin: origin, folder: data.directory, stock: data.stockYears, possible: possible)
        }
    }

    /// The years a backtest of `data` can start from: each with the ``neededForBacktest`` years in a
    /// row up to it, and a published year after it.
    public static func backtestOrigins(_ data: OfficialData) -> [Int] {
        guard let last = data.stockYears.last else { return [] }
        return data.stockYears.filter { origin in
            origin < last && published(data, (origin - neededForBacktest + 1)...origin)
        }
    }

    /// Whether every year of `years` has the stock and the flows.
    private static func published(_ data: OfficialData, _ years: ClosedRange<Int>) -> Bool {
        let stock = Set(data.stockYears)
        let flows = Set(data.flowYears)
        return years.allSatisfy { stock.contains($0) && flows.contains($0) }
    }

    /// Whether the forecast can start from `origin` as `placement forecast` starts from the last
    /// year: the ``needed`` years in a row up to it, each with the stock and the flows.
    public static func canStart(_ data: OfficialData, at origin: Int) -> Bool {
        (try? require(data, through: origin)) != nil
    }

    private static func require(_ data: OfficialData, through origin: Int) throws(ForecastDataError) {
        let years = (origin - needed + 1)...origin
        guard published(data, years) else {
            throw .tooFewYears(years: years, folder: data.directory, stock: data.stockYears, flows: data.flowYears)
        }
    }
}

/// Why DfE's tables in a folder cannot be forecast from, or backtested from a year; the message
/// names the files and the years they publish, and for a backtest the years it can start from.
public enum ForecastDataError: Error, Equatable, CustomStringConvertible {
    /// The stock table publishes no year (a header-only table).
    case noPublishedYears(folder: String)
    /// A year of `years`, up to the last published, lacks the stock or the flows.
    case tooFewYears(years: ClosedRange<Int>, folder: String, stock: [Int], flows: [Int])
    /// `--backtest YEAR` where the stock table publishes no `YEAR`.
    case backtestNotPublished(origin: Int, folder: String, stock: [Int], possible: [Int])
    /// `--backtest YEAR` where a year of `years` (its fitted years) lacks the stock or the flows.
    case backtestTooFewYears(years: ClosedRange<Int>, folder: String, stock: [Int], flows: [Int], possible: [Int])
    /// `--backtest YEAR` at or after the last published year: nothing to compare with.
    case nothingAfterBacktest(origin: Int, folder: String, stock: [Int], possible: [Int])

    public var description: String {
        switch self {
        case .noPublishedYears(let folder):
            "no published figures in \(Self.path(folder, OfficialTables.lookedAfterFile)) (published there: none); "
                + "the forecast is fitted on DfE's published years and starts from the last"
        case .tooFewYears(let years, let folder, let stock, let flows):
            "the forecast from \(years.upperBound) needs DfE's children looked after and starts for "
                + "\(OfficialTables.listed(Array(years))) (three years in a row: two fit the exit rates, a third "
                + "measures the one-year errors its intervals come from); " + Self.published(folder, stock, flows)
        case .backtestNotPublished(let origin, let folder, let stock, let possible):
            "--backtest \(origin): no published figures for \(origin) in \(TerminalSafeText.escaping(folder)) "
                + "(published there: \(OfficialTables.listed(stock)))" + Self.possible(possible)
        case .backtestTooFewYears(let years, let folder, let stock, let flows, let possible):
            "--backtest \(years.upperBound): the backtest needs DfE's children looked after and starts for "
                + "\(OfficialTables.listed(Array(years))) (two years in a row fit the exit rates); "
                + Self.published(folder, stock, flows) + Self.possible(possible)
        case .nothingAfterBacktest(let origin, let folder, let stock, let possible):
            "--backtest \(origin): no published year after it to compare with in "
                + "\(Self.path(folder, OfficialTables.lookedAfterFile)) (published there: \(OfficialTables.listed(stock)))"
                + Self.possible(possible)
        }
    }

    private static func published(_ folder: String, _ stock: [Int], _ flows: [Int]) -> String {
        "published there: children looked after \(OfficialTables.listed(stock)) in "
            + "\(path(folder, OfficialTables.lookedAfterFile)), flows \(OfficialTables.listed(flows)) in "
            + path(folder, OfficialTables.flowsFile)
    }

    /// The years a backtest of these tables can start from.
    private static func possible(_ years: [Int]) -> String {
        years.isEmpty
            ? "; these tables allow no backtest (it needs two years in a row, each with children looked after and "
                + "starts, and a published year after them)"
            : "; a backtest can start from \(OfficialTables.listed(years))"
    }

    private static func path(_ folder: String, _ file: String) -> String {
        TerminalSafeText.escaping(folder.isEmpty ? file : folder + "/" + file)
    }
}
