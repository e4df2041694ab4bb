import PlacementOptimisation
import PlacementScenarios

/// Whom a sufficiency report covers, and what every report of one solved mode shares.
extension SufficiencyReport {
    public enum Scope: Sendable, Equatable {
        /// An authority, by its code or name.
        case authority(String)
        /// A co-operative, by its id.
        case cooperative(String)
    }

    public enum ScopeError: Error, CustomStringConvertible {
        /// No authority or co-operative by that code or name; the message names the nearest.
        case unknown(String)
        /// The scope has no children in the scenario (an imported council's scenario holds every
        /// English authority, for their places): a report of it would be empty.
        case noChildren(scope: String, withChildren: [String])

        public var description: String {
            switch self {
            case .unknown(let message): return message
            case .noChildren(let scope, let withChildren):
                let shown = withChildren.prefix(5).joined(separator: ", ")
                let more = withChildren.count > 5 ? " and \(withChildren.count - 5) more" : ""
                return "\(scope) has no children in the scenario: its places are in the market, but a report of "
                    + "one council is of its own children"
                    + (withChildren.isEmpty ? "" : "; authorities with children: \(shown)\(more)")
            }
        }
    }

    /// What every report of one solved mode shares, computed once for `--all`.
    public struct Context: Sendable {
        let scenario: Scenario
        let result: ModeResult
        let metrics: ModeMetrics
        let decisionsByHome: [AuthorityCode: [PlacementDecision]]
        let placeValuesByAuthority: [AuthorityCode: [InHousePlaceValue]]
        let names: [AuthorityCode: String]

        /// `authorities`: those whose new in-house places are priced (the reports' members).
        public init(_ solved: SolvedMode, authorities: [AuthorityCode]) {
            scenario = solved.scenario
            result = solved.result
            metrics = solved.metrics
            decisionsByHome = Dictionary(grouping: result.decisions, by: \.homeAuthority)
            placeValuesByAuthority = Dictionary(
                grouping: solved.inHousePlaceValues(for: authorities),
                by: \.authority)
            names = Dictionary(uniqueKeysWithValues: scenario.authorities.map { ($0.id, $0.name) })
        }
    }

    /// The scope's name and member authorities' codes. An authority may be named by its code or,
    /// as a council would write it, its name. `requiringChildren`: a report of children needs some (a
    /// plan's view of a council does not: it may build where no child of the scenario lives).
    public static func resolve(_ scope: Scope, in scenario: Scenario, requiringChildren: Bool = true)
        throws(ScopeError) -> (name: String, members: [AuthorityCode])
    {
        switch scope {
        case .authority(let code):
            // The scenario's own authorities: the market beyond a regional boundary is not one.
            let authorities = scenario.ownAuthorities
            let lookup = NameLookup.authorities(authorities)
            guard let index = lookup.index(of: code) else {
                // A co-operative named where one council is asked for: said so, with its members.
                if let cooperative = NameLookup.cooperatives(scenario.cooperatives).index(of: code).map({
                    scenario.cooperatives[$0]
                }) {
                    let names = scenario.authorityNames
                    throw .unknown(
                        "'\(cooperative.name)' is a co-operative, not an authority; give one of its members: "
                            + NumberText.listed(cooperative.members.map { names[$0] ?? $0.rawValue }))
                }
                throw .unknown(lookup.missing(code))
            }
            let authority = authorities[index]
            if requiringChildren {
                try requireChildren([authority.id], named: "\(authority.name) (\(authority.id))", in: scenario)
            }
            return (authority.name, [authority.id])
        case .cooperative(let id):
            let lookup = NameLookup.cooperatives(scenario.cooperatives)
            guard let index = lookup.index(of: id) else { throw .unknown(lookup.missing(id)) }
            let cooperative = scenario.cooperatives[index]
            if requiringChildren { try requireChildren(cooperative.members, named: cooperative.name, in: scenario) }
            return (cooperative.name, cooperative.members)
        }
    }

    /// The authorities with children in `scenario`, in its order: those a report can be of.
    public static func authoritiesWithChildren(in scenario: Scenario) -> [Authority] {
        let homes = scenario.homeAuthorities
        return scenario.ownAuthorities.filter { homes.contains($0.id) }
    }

    private static func requireChildren(
        _ members: [AuthorityCode], named name: String, in scenario: Scenario
    ) throws(ScopeError) {
        guard !members.contains(where: scenario.homeAuthorities.contains) else { return }
        throw .noChildren(scope: name, withChildren: authoritiesWithChildren(in: scenario).map(\.name))
    }
}
