import PlacementOptimisation
import PlacementScenarios
import PlacementShocks

/// One authority's verdict going from one mode to another over draws: stated only when it holds in
/// at least 80% of them, otherwise `uncertain`.
public struct RobustVerdict: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case gains
        case loses
        case mixed
        case unchanged
        case uncertain
    }

    /// The share of draws a verdict must hold in to be stated.
    public static let threshold = 0.8

    public var kind: Kind
    /// The share of draws behind the stated verdict, or behind the most common one when uncertain.
    public var share: Double
    /// The share of draws giving each verdict (those given at least once).
    public var shares: [Kind: Double]

    /// The verdict over draws, from each draw's verdict.
    init(_ verdicts: [AuthorityChange.Verdict]) {
        var counts: [Kind: Int] = [:]
        for verdict in verdicts { counts[Kind(verdict), default: 0] += 1 }
        let total = Double(max(verdicts.count, 1))
        shares = counts.mapValues { Double($0) / total }
        // The most common verdict; ties go to the earlier kind, so the result never depends on hashing.
        let top = Kind.allCases.max { (counts[$0] ?? 0, $1.order) < (counts[$1] ?? 0, $0.order) } ?? .unchanged
        share = shares[top] ?? 0
        kind = share >= Self.threshold ? top : .uncertain
    }

    /// Whether every draw gave the same verdict.
    public var isUnanimous: Bool { shares.count == 1 }
}

extension RobustVerdict.Kind {
    init(_ verdict: AuthorityChange.Verdict) {
        switch verdict {
        case .gains: self = .gains
        case .loses: self = .loses
        case .mixed: self = .mixed
        case .unchanged: self = .unchanged
        }
    }

    fileprivate var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}

/// Every authority's verdict from one mode to another over the same draws.
public struct DrawContrast: Sendable {
    public var from: CommissioningMode
    public var to: CommissioningMode
    public var verdicts: [(code: AuthorityCode, name: String, verdict: RobustVerdict)]

    /// `nil` when either mode was not solved.
    public init?(from: CommissioningMode, to: CommissioningMode, in results: DrawResults) {
        guard let before = results.metrics(of: from), let after = results.metrics(of: to) else { return nil }
        self.from = from
        self.to = to
        let authorities = before[0].authorities
        // An authority with no children in the scenario (an import's other councils) has no verdict to give.
        verdicts = results.authoritiesWithChildren.map { index in
            let perDraw = zip(before, after).map { old, new in
                AuthorityChange(
                    id: authorities[index].members[0], name: authorities[index].name,
                    before: old.authorities[index].metrics, after: new.authorities[index].metrics
                ).verdict
            }
            return (authorities[index].members[0], authorities[index].name, RobustVerdict(perDraw))
        }
    }

    public var key: String {
        "\(from.rawValue)_to_\(to.rawValue)".replacingOccurrences(of: "-", with: "_")
    }
}

extension DrawResults {
    /// The authorities (indices) with children in some mode and draw: an authority with none (an
    /// import's other councils, listed for their places) has no figure to report.
    public var authoritiesWithChildren: [Int] {
        guard let first = metrics.first?.first else { return [] }
        return first.authorities.indices.filter { index in
            metrics.contains { draws in draws.contains { $0.authorities[index].metrics.children > 0 } }
        }
    }

    /// A mode's metrics in every draw, if the mode was solved.
    public func metrics(of mode: CommissioningMode) -> [ModeMetrics]? {
        modes.firstIndex(of: mode).map { metrics[$0] }
    }

    /// A measure of one scope over the draws of a mode.
    func spread(
        _ measure: DrawMeasure, mode index: Int, scope: (ModeMetrics) -> ScopeMetrics
    ) -> DrawSpread {
        DrawSpread(metrics[index].map { measure.value(scope($0)) })
    }

    /// The two contrasts the reports give: council to regional (everything regional commissioning
    /// changes) and council-coordinated to regional (what pooling in-house places alone changes).
    var contrasts: [DrawContrast] {
        [
            DrawContrast(from: .council, to: .regional, in: self),
            DrawContrast(from: .councilCoordinated, to: .regional, in: self),
        ].compactMap { $0 }
    }
}
