import PlacementScenarios

/// What a replayed year is given: that year's demand by placement group and registered places (as
/// `AsIsBaseline.predict` reads them) and its published starts, endings and placement changes.
/// Every published placement pattern of the year is stripped before use.
public struct ReplayInput: Sendable {
    public var year: AsIsYear
    /// Per authority, in the order of `year.authorities`.
    public var flows: [PublishedFlowCounts]
    /// England's flows: they stand in where an authority's are suppressed.
    public var england: PublishedFlowCounts

    public init(year: AsIsYear, flows: [PublishedFlowCounts], england: PublishedFlowCounts) {
        precondition(flows.count == year.authorities.count)
        self.year = year
        self.flows = flows
        self.england = england
    }
}

/// One replayed year: the stock at its end (31 March), and per authority × placement group the
/// stock at its start, the placements that ended, the survivors and the new placements, so that
/// `start = survivors + endings` and `end = survivors + new placements` hold exactly.
public struct ReplayYear: Sendable {
    public let year: Int
    /// The stock at 31 March of `year`.
    public let stock: AsIsAllocation
    /// Per authority × placement group (`PlacementGroup.rawValue`), children.
    public let startStock: [[Double]]
    public let endings: [[Double]]
    public let survivors: [[Double]]
    public let newPlacements: [[Double]]
    /// Per authority × placement group: the share of the start stock ending (before any excess over
    /// the year's demand also ends).
    public let endingShares: [[Double]]

    /// The stock at the end of the year per authority × group.
    public var endStock: [[Double]] { zip(survivors, newPlacements).map { zip($0, $1).map { $0 + $1 } } }
}

extension OfficialPlacementData {
    /// The inputs of every year after `origin` up to `last`, or the first year with no published
    /// figures or flows.
    public func replayInputs(after origin: Int, through last: Int, flows: OfficialFlowData) -> Result<
        [ReplayInput], ReplayInputError
    > {
        var inputs: [ReplayInput] = []
        for year in stride(from: origin + 1, through: last, by: 1) {
            guard let stock = self.year(year) else { return .failure(.noFigures(year)) }
            guard let byCode = flows.flows[year] else { return .failure(.noFlows(year)) }
            inputs.append(
                ReplayInput(
                    year: stock.inputsOnly, flows: authorities.map { byCode[$0.id] ?? PublishedFlowCounts() },
                    england: byCode[OfficialTables.englandCode] ?? PublishedFlowCounts()))
        }
        return .success(inputs)
    }
}

/// Why a replay's inputs cannot be assembled.
public enum ReplayInputError: Error, Sendable, Equatable, CustomStringConvertible {
    case noFigures(Int)
    case noFlows(Int)

    public var description: String {
        switch self {
        case .noFigures(let year): "no published figures for \(year)"
        case .noFlows(let year): "no published flows for \(year)"
        }
    }
}
