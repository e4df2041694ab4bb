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
        case unknownAuthority(String, suggestion: String?)
        case unknownCooperative(String, known: [String])

        public var description: String {
            switch self {
            case .unknownAuthority(let code, let suggestion):
                "no authority with code '\(code)' in the scenario" + (suggestion.map { "; did you mean \($0)?" } ?? "")
            case .unknownCooperative(let id, let known):
                "no co-operative '\(id)' in the scenario"
                    + (known.isEmpty ? " (it has none)" : "; it has " + known.joined(separator: ", "))
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
    /// as a council would write it, its name.
    public static func resolve(_ scope: Scope, in scenario: Scenario) throws(ScopeError) -> (
        name: String, members: [AuthorityCode]
    ) {
        switch scope {
        case .authority(let code):
            guard
                let authority = scenario.authorities.first(where: {
                    $0.id.rawValue == code || $0.name.lowercased() == code.lowercased()
                })
            else {
                let candidates = scenario.authorities.map(\.id.rawValue) + scenario.authorities.map(\.name)
                throw .unknownAuthority(code, suggestion: nearest(to: code, in: candidates))
            }
            return (authority.name, [authority.id])
        case .cooperative(let id):
            guard
                let cooperative = scenario.cooperatives.first(where: {
                    $0.id.rawValue == id || $0.name.lowercased() == id.lowercased()
                })
            else {
                throw .unknownCooperative(id, known: scenario.cooperatives.map(\.id.rawValue))
            }
            return (cooperative.name, cooperative.members)
        }
    }
}
