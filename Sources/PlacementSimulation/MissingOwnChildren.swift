import PlacementCalibration
import PlacementScenarios

/// The scenario's own children that it does not hold: an import of part of a council's caseload has
/// fewer children than DfE published, and the others are in places today all the same. Only
/// authorities whose children come from case records (some cohort names its `current_provider`, as
/// `placement import` writes them) are read so: a generated scenario with fewer children (a forecast
/// of fewer, a what-if) has none missing, only fewer. Per home
/// authority and placement group, the calibrated allocation's children (fitted to DfE's published
/// counts) beyond the scenario's own, as a share of the allocation's: that share of each of its
/// placements holds places as a child from outside the scenario does.
struct MissingOwnChildren {
    /// Per home authority and placement group: the share of the allocation's children the scenario lacks.
    private(set) var shares: [AuthorityCode: [PlacementGroup: Double]] = [:]
    /// Per home authority: the children the scenario lacks in `groups`.
    private(set) var children: [AuthorityCode: Double] = [:]

    /// Below half a child in all, none is missing: a fitted count that close to the scenario's is
    /// the same whole children.
    static let wholeChild = 0.5

    /// From the allocation's `rows`, whose home indices name `codes`, for the groups of today's market.
    ///
    /// A group's shortfall is the allocation's children less the scenario's, never more in all than
    /// the authority's children the scenario lacks in every group: a child the scenario counts in
    /// another group (the generator's `other` holds DfE's other residential settings, the calibration's
    /// homes group) is not missing.
    init(
        _ scenario: Scenario, rows: [AsIsAllocation.StockRow], codes: [AuthorityCode], groups: Set<PlacementGroup>
    ) {
        var modelled: [AuthorityCode: [PlacementGroup: Double]] = [:]
        var held: [AuthorityCode: [PlacementGroup: Double]] = [:]
        let fromRecords = Set(scenario.cohorts.filter { $0.currentProvider != nil }.map(\.homeAuthority))
        for cohort in scenario.cohorts where fromRecords.contains(cohort.homeAuthority) {
            held[cohort.homeAuthority, default: [:]][PlacementGroup(cohort.placementType), default: 0] +=
                Double(cohort.count)
        }
        for row in rows where held[codes[row.home]] != nil {
            modelled[codes[row.home], default: [:]][row.group, default: 0] += row.children
        }
        // In a fixed order, so that sums come out the same on every run.
        for (home, byGroup) in modelled.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let own = held[home] ?? [:]
            let lacking = PlacementGroup.allCases.reduce(0) { $0 + (byGroup[$1] ?? 0) - (own[$1] ?? 0) }
            guard lacking >= Self.wholeChild else { continue }
            var short: [PlacementGroup: Double] = [:]
            for group in groups.sorted() {
                let gap = (byGroup[group] ?? 0) - (own[group] ?? 0)
                if gap > 0 { short[group] = gap }
            }
            let sum = short.keys.sorted().reduce(0) { $0 + (short[$1] ?? 0) }
            guard sum > 0 else { continue }
            let scale = min(1, lacking / sum)
            for (group, gap) in short {
                shares[home, default: [:]][group] = gap * scale / (byGroup[group] ?? 1)
            }
            children[home] = sum * scale
        }
    }
}
