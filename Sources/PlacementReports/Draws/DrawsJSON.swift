import PlacementOptimisation
import PlacementScenarios
import PlacementShocks

/// The JSON form of draws (documented in the README): for every mode and scope, every measure as
/// `{"mean", "p10", "p90"}`; for each contrast, every authority's verdict with the share of draws
/// behind it. Keys are sorted and the same input gives the same bytes.
public enum DrawsJSON {
    /// `{"scenario", "draws", "seed", "solves", "shocks", "market", "modes", "contrasts"}`.
    public static func comparison(
        _ results: DrawResults, scenario: Scenario, seed: UInt64, shocks: [AppliedShock] = [],
        market: DrawMarket? = nil
    ) -> String {
        var object = Object(results, scenario: scenario, seed: seed, shocks: shocks)
        object.market = market.map { DrawMarket.Object(market: $0) }
        return ResultJSON.encode(object)
    }

    struct Object: Encodable {
        var scenario: String
        var draws: Int
        var seed: UInt64
        var solves: Int
        var shocks: [String]
        /// Written by `compare --draws` (left out when no market is stated); a stress test states its
        /// market once, above its cases.
        var market: DrawMarket.Object?
        var modes: [ModeObject]
        var contrasts: [ContrastObject]

        /// `focus`: with authorities, only their rows and their co-operatives' (`stress --authority`).
        init(
            _ results: DrawResults, scenario: Scenario, seed: UInt64, shocks: [AppliedShock],
            focus: [AuthorityCode] = []
        ) {
            self.scenario = scenario.name
            draws = results.draws
            self.seed = seed
            solves = results.solves
            self.shocks = shocks.map { "\($0.label): \($0.detail)" }
            modes = results.modes.indices.map { ModeObject(results, index: $0, focus: focus) }
            contrasts = results.contrasts.map(ContrastObject.init)
        }
    }

    struct ModeObject: Encodable {
        var mode: String
        var stopped: Bool
        var metrics: MetricsObject

        init(_ results: DrawResults, index: Int, focus: [AuthorityCode]) {
            mode = results.modes[index].rawValue
            stopped = results.stoppedModes.contains(results.modes[index])
            let first = results.metrics[index][0]
            metrics = MetricsObject(
                total: ScopeObject(results, mode: index, id: nil, name: nil) { $0.total },
                cooperatives: first.cooperatives.indices.filter { first.cooperatives[$0].isShown(focus: focus) }.map {
                    scope in
                    ScopeObject(
                        results, mode: index, id: ("id", first.cooperatives[scope].id),
                        name: first.cooperatives[scope].name
                    ) { $0.cooperatives[scope].metrics }
                },
                authorities: results.authoritiesWithChildren.filter { first.authorities[$0].isShown(focus: focus) }.map
                {
                    scope in
                    ScopeObject(
                        results, mode: index, id: ("code", first.authorities[scope].id),
                        name: first.authorities[scope].name
                    ) { $0.authorities[scope].metrics }
                })
        }
    }

    struct MetricsObject: Encodable {
        var total: ScopeObject
        var cooperatives: [ScopeObject]
        var authorities: [ScopeObject]
    }

    struct ScopeObject: Encodable {
        var id: (key: String, value: String)?
        var name: String?
        var spreads: [(DrawMeasure, DrawSpread)]

        init(
            _ results: DrawResults, mode: Int, id: (String, String)?, name: String?,
            scope: (ModeMetrics) -> ScopeMetrics
        ) {
            self.id = id
            self.name = name
            spreads = DrawMeasure.allCases.map { ($0, results.spread($0, mode: mode, scope: scope)) }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: JSONKey.self)
            if let id { try container.encode(id.value, forKey: JSONKey(id.key)) }
            if let name { try container.encode(name, forKey: JSONKey("name")) }
            for (measure, spread) in spreads { try container.encode(spread, forKey: JSONKey(measure.rawValue)) }
        }
    }

    struct ContrastObject: Encodable {
        var from: String
        var to: String
        var authorities: [VerdictObject]

        init(_ contrast: DrawContrast) {
            from = contrast.from.rawValue
            to = contrast.to.rawValue
            authorities = contrast.verdicts.map {
                VerdictObject(
                    code: $0.code.rawValue, name: $0.name, verdict: $0.verdict.kind.rawValue,
                    share: $0.verdict.share,
                    shares: Dictionary(uniqueKeysWithValues: $0.verdict.shares.map { ($0.key.rawValue, $0.value) }))
            }
        }
    }

    struct VerdictObject: Encodable {
        var code: String
        var name: String
        var verdict: String
        var share: Double
        var shares: [String: Double]
    }
}
