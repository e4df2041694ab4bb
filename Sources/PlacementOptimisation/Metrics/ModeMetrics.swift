import PlacementScenarios

/// A mode's metrics for the whole scenario, each co-operative and each authority.
public struct ModeMetrics: Sendable {
    public struct Scoped: Sendable {
        /// The co-operative's id or the authority's GSS code, as reports show it.
        public var id: String
        public var name: String
        /// The authorities whose children the scope counts: the authority itself, or the members.
        public var members: [AuthorityCode]
        public var metrics: ScopeMetrics

        /// Whether a report kept to `focus` (one council's view) shows the scope: every scope without
        /// a focus, else the focus's authorities and the co-operatives they belong to.
        public func isShown(focus: [AuthorityCode]) -> Bool {
            focus.isEmpty || members.contains(where: focus.contains)
        }
    }

    /// One authority's metrics, if the scenario holds it.
    public func authority(_ code: AuthorityCode) -> ScopeMetrics? {
        authorities.first { $0.id == code.rawValue }?.metrics
    }

    public var total: ScopeMetrics
    /// In the scenario's order.
    public var cooperatives: [Scoped]
    /// In the scenario's order.
    public var authorities: [Scoped]

    public init(_ result: ModeResult, scenario: Scenario) {
        self.init(decisions: result.decisions, scenario: scenario)
    }

    /// The metrics of any set of decisions about the scenario's children (a simulated stock, today's
    /// placements), counted as a mode's are.
    public init(decisions: [PlacementDecision], scenario: Scenario) {
        var tallies: [AuthorityCode: MetricsTally] = [:]
        for decision in decisions {
            tallies[decision.homeAuthority, default: .init()].add(decision, policy: scenario.policy)
        }
        for cohort in scenario.cohorts where !cohort.placementType.isCommissioned {
            tallies[cohort.homeAuthority, default: .init()].notCommissioned += cohort.count
        }
        var total = MetricsTally()
        // In the scenario's order, so that sums come out the same on every run.
        for authority in scenario.ownAuthorities { total.add(tallies[authority.id] ?? .init()) }
        self.total = total.metrics
        cooperatives = scenario.cooperatives.map { cooperative in
            var tally = MetricsTally()
            for member in cooperative.members { tally.add(tallies[member] ?? .init()) }
            return Scoped(
                id: cooperative.id.rawValue, name: cooperative.name, members: cooperative.members,
                metrics: tally.metrics)
        }
        authorities = scenario.ownAuthorities.map {
            Scoped(id: $0.id.rawValue, name: $0.name, members: [$0.id], metrics: (tallies[$0.id] ?? .init()).metrics)
        }
    }
}
