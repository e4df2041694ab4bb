import PlacementOptimisation
import PlacementScenarios

/// How one authority's children fare under one mode against another: a child left without a
/// placement outweighs the rest (M2 and distance are of the children placed, so leaving children
/// unplaced can raise them): more unplaced loses and fewer gains, whatever else moves; with as many
/// unplaced, better if more are placed in area or nearer home, worse if fewer or further, mixed if both.
struct AuthorityChange {
    enum Verdict: String {
        case gains
        case loses
        case mixed
        case unchanged
    }

    var id: AuthorityCode
    var name: String
    var before: ScopeMetrics
    var after: ScopeMetrics

    /// Changes smaller than these are read as none: 0.05 percentage points, 0.05 miles.
    static let shareTolerance = 0.0005
    static let milesTolerance = 0.05

    var m2Change: Double? { difference(\.m2InAreaShare) }
    var m1OwnChange: Double? { difference(\.m1OwnAuthorityRunShare) }
    var milesChange: Double? { difference(\.meanDistanceMiles) }
    var unplacedChange: Int { after.unplaced - before.unplaced }
    var weeklyCostChange: Double { after.weeklyCost - before.weeklyCost }

    var verdict: Verdict {
        if unplacedChange != 0 { return unplacedChange < 0 ? .gains : .loses }
        var better = false
        var worse = false
        if let change = m2Change, abs(change) >= Self.shareTolerance { change > 0 ? (better = true) : (worse = true) }
        if let change = milesChange, abs(change) >= Self.milesTolerance {
            change < 0 ? (better = true) : (worse = true)
        }
        switch (better, worse) {
        case (true, false): return .gains
        case (false, true): return .loses
        case (true, true): return .mixed
        case (false, false): return .unchanged
        }
    }

    /// What changed, in words, children left unplaced first (they decide the verdict): "2 more
    /// unplaced, M2 +3.1 pts, 1.2 miles nearer".
    var summary: String {
        var parts: [String] = []
        if unplacedChange != 0 {
            parts.append("\(abs(unplacedChange)) \(unplacedChange < 0 ? "fewer" : "more") unplaced")
        }
        // Printed as the tables by authority print the change: the difference of the printed figures.
        if let change = m2Change, abs(change) >= Self.shareTolerance {
            parts.append("M2 \(ReportValue.shareChange(from: before.m2InAreaShare, to: after.m2InAreaShare).display)")
        }
        if let change = milesChange, abs(change) >= Self.milesTolerance, let old = before.meanDistanceMiles,
            let new = after.meanDistanceMiles
        {
            let printed = ReportValue.printedMiles(new) - ReportValue.printedMiles(old)
            parts.append("\(NumberText.decimal(abs(printed), places: 1)) miles \(change < 0 ? "nearer" : "further")")
        }
        return parts.joined(separator: ", ")
    }

    private func difference(_ measure: KeyPath<ScopeMetrics, Double?>) -> Double? {
        guard let old = before[keyPath: measure], let new = after[keyPath: measure] else { return nil }
        return new - old
    }
}
