import Foundation
import PlacementOptimisation
import PlacementScenarios

/// The stable JSON form of mode results (documented in the README). Keys are sorted and every
/// measure is always present, `null` when its denominator is zero.
public enum ResultJSON {
    /// One mode: `{"mode", "status", "gap", "objective", "metrics", "council_order", "statistics"}`.
    public static func mode(_ solved: SolvedMode) -> String {
        encode(ModeObject(solved))
    }

    /// Several modes: `{"scenario": …, "modes": [ … ]}`.
    public static func comparison(_ solved: [SolvedMode], scenario: Scenario) -> String {
        encode(Comparison(scenario: scenario.name, modes: solved.map(ModeObject.init)))
    }

    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(value), as: UTF8.self) + "\n"
    }

    struct Comparison: Encodable {
        var scenario: String
        var modes: [ModeObject]
    }

    struct ModeObject: Encodable {
        var mode: String
        var status: String
        var gap: Double?
        var objective: Double
        var metrics: MetricsObject
        var councilOrder: [String]
        var statistics: RunStatistics

        init(_ solved: SolvedMode) {
            let result = solved.result
            mode = result.mode.rawValue
            status = result.status.label
            if case .timeLimit(let gap) = result.status { self.gap = gap }
            objective = result.objective
            metrics = MetricsObject(solved.metrics)
            councilOrder = result.councilOrder.map(\.rawValue)
            statistics = result.statistics
        }

        enum CodingKeys: String, CodingKey {
            case mode, status, gap, objective, metrics
            case councilOrder = "council_order"
            case statistics
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(mode, forKey: .mode)
            try container.encode(status, forKey: .status)
            try container.encode(gap, forKey: .gap)
            try container.encode(objective, forKey: .objective)
            try container.encode(metrics, forKey: .metrics)
            try container.encode(councilOrder, forKey: .councilOrder)
            try container.encode(StatisticsObject(statistics), forKey: .statistics)
        }
    }

    struct MetricsObject: Encodable {
        var total: ScopeObject
        var cooperatives: [ScopeObject]
        var authorities: [ScopeObject]

        init(_ metrics: ModeMetrics) {
            total = ScopeObject(metrics.total)
            cooperatives = metrics.cooperatives.map { ScopeObject($0.metrics, id: ("id", $0.id), name: $0.name) }
            authorities = metrics.authorities.map { ScopeObject($0.metrics, id: ("code", $0.id), name: $0.name) }
        }
    }

    struct ScopeObject: Encodable {
        var metrics: ScopeMetrics
        var id: (key: String, value: String)?
        var name: String?

        init(_ metrics: ScopeMetrics, id: (String, String)? = nil, name: String? = nil) {
            self.metrics = metrics
            self.id = id
            self.name = name
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: JSONKey.self)
            if let id { try container.encode(id.value, forKey: JSONKey(id.key)) }
            if let name { try container.encode(name, forKey: JSONKey("name")) }
            let m = metrics
            try container.encode(m.children, forKey: JSONKey("children"))
            try container.encode(m.placed, forKey: JSONKey("placed"))
            try container.encode(m.unplaced, forKey: JSONKey("unplaced"))
            try container.encode(m.notCommissioned, forKey: JSONKey("not_commissioned"))
            try container.encode(m.m1LocalAuthorityRunShare, forKey: JSONKey("m1_la_run_share"))
            try container.encode(m.m1OwnAuthorityRunShare, forKey: JSONKey("m1_own_la_run_share"))
            try container.encode(m.m2InAreaShare, forKey: JSONKey("m2_in_area_share"))
            try container.encode(m.within20MilesShare, forKey: JSONKey("within_20_miles_share"))
            try container.encode(m.meanDistanceMiles, forKey: JSONKey("mean_distance_miles"))
            try container.encode(m.weeklyCost, forKey: JSONKey("weekly_cost"))
            try container.encode(m.externalWeeklySpend, forKey: JSONKey("external_weekly_spend"))
            try container.encode(m.estimatedWeeklyProfit, forKey: JSONKey("estimated_weekly_profit"))
            let byType = Dictionary(uniqueKeysWithValues: m.unplacedByType.map { ($0.key.rawValue, $0.value) })
            try container.encode(byType, forKey: JSONKey("unplaced_by_type"))
        }
    }

    struct StatisticsObject: Encodable {
        var models, rows, columns, nonzeros, iterations: Int

        init(_ statistics: RunStatistics) {
            models = statistics.models
            rows = statistics.rows
            columns = statistics.columns
            nonzeros = statistics.nonzeros
            iterations = statistics.iterations
        }
    }
}

/// A JSON key chosen at run time.
struct JSONKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
