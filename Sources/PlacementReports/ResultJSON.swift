import Foundation
import PlacementCalibration
import PlacementOptimisation
import PlacementScenarios
import PlacementSimulation

/// The stable JSON form of mode results (documented in the README). Keys are sorted and every
/// measure is always present, `null` when its denominator is zero or it is not a finite number.
public enum ResultJSON {
    /// One mode: `{"mode", "status", "gap", "objective", "metrics", "council_order", "statistics"}`.
    public static func mode(_ solved: SolvedMode) -> String {
        encode(ModeObject(solved))
    }

    /// Several modes: `{"scenario": …, "modes": [ … ]}`. With `asIs`, also `"as_is"` (today's
    /// placements and market, `null` when not shown), `"as_is_note"`, and in each mode
    /// `"change_from_as_is"` (percentage points for shares).
    public static func comparison(
        _ solved: [SolvedMode], scenario: Scenario, asIs: AsIsComparison? = nil,
        sensitivity: PolicyWeightSensitivity? = nil, marketSensitivity: MarketAssumptionSensitivity? = nil
    ) -> String {
        var modes = solved.map(ModeObject.init)
        if let today = asIs?.asIs {
            for index in modes.indices {
                modes[index].changeFromAsIs = ChangeObject(
                    AsIsComparison.Change(from: today.metrics.total, to: solved[index].metrics.total))
            }
        }
        return encode(
            Comparison(
                scenario: scenario.name, modes: modes, asIs: asIs.map { AsIsObject($0) }, includesAsIs: asIs != nil,
                sensitivity: sensitivity.map(SensitivityObject.points),
                marketSensitivity: marketSensitivity.map(MarketSensitivityObject.points)))
    }

    /// Never fails: numbers that JSON cannot hold are written `null` by the objects here, and as
    /// strings (`"Infinity"`, `"NaN"`) by any other encoder, rather than stopping the program.
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
        } catch {
            // JSONEncoder fails only on non-conforming numbers, handled above; say so if it ever does.
            return "{\"error\": \"the result could not be written as JSON\"}\n"
        }
    }

    struct Comparison: Encodable {
        var scenario: String
        var modes: [ModeObject]
        var asIs: AsIsObject?
        /// Whether the `as_is` keys are written at all (the library's callers without a baseline omit them).
        var includesAsIs = false
        /// `compare --sensitivity`'s ends, absent without it.
        var sensitivity: [SensitivityObject]?
        /// `compare --sensitivity`'s market ends, absent without it or without today's market.
        var marketSensitivity: [MarketSensitivityObject]?

        enum CodingKeys: String, CodingKey {
            case scenario, modes, sensitivity
            case marketSensitivity = "market_sensitivity"
            case asIs = "as_is"
            case asIsNote = "as_is_note"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(scenario, forKey: .scenario)
            try container.encode(modes, forKey: .modes)
            try container.encodeIfPresent(sensitivity, forKey: .sensitivity)
            try container.encodeIfPresent(marketSensitivity, forKey: .marketSensitivity)
            guard includesAsIs else { return }
            if let asIs, asIs.placements != nil {
                try container.encode(asIs, forKey: .asIs)
            } else {
                try container.encodeNil(forKey: .asIs)
            }
            try container.encode(asIs?.note, forKey: .asIsNote)
        }
    }

    /// One end of one policy weight's range: `{"weight", "end", "value", "modes": [{"mode",
    /// "m1_own_council_share", "m2_in_area_share", "weekly_cost", "unplaced"}]}`; the weights as set
    /// first, with `"weight": null`.
    struct SensitivityObject: Encodable {
        struct ModeFigures: Encodable {
            var mode: String
            var m1OwnCouncilShare: Double?
            var m2InAreaShare: Double?
            var weeklyCost: Double
            var unplaced: Int

            enum CodingKeys: String, CodingKey {
                case mode, unplaced
                case m1OwnCouncilShare = "m1_own_council_share"
                case m2InAreaShare = "m2_in_area_share"
                case weeklyCost = "weekly_cost"
            }

            init(label: String, _ metrics: ScopeMetrics) {
                mode = label
                m1OwnCouncilShare = metrics.m1OwnAuthorityRunShare
                m2InAreaShare = metrics.m2InAreaShare
                weeklyCost = metrics.weeklyCost
                unplaced = metrics.unplaced
            }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(mode, forKey: .mode)
                try container.encodeNumber(m1OwnCouncilShare, forKey: .m1OwnCouncilShare)
                try container.encodeNumber(m2InAreaShare, forKey: .m2InAreaShare)
                try container.encodeNumber(weeklyCost, forKey: .weeklyCost)
                try container.encode(unplaced, forKey: .unplaced)
            }
        }

        var weight: String?
        var end: String?
        var value: Double?
        var modes: [ModeFigures]

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(weight, forKey: .weight)
            try container.encode(end, forKey: .end)
            try container.encodeNumber(value, forKey: .value)
            try container.encode(modes, forKey: .modes)
        }

        enum CodingKeys: String, CodingKey { case weight, end, value, modes }

        static func points(_ sensitivity: PolicyWeightSensitivity) -> [SensitivityObject] {
            func figures(_ modes: PolicyWeightSensitivity.ModeFigures) -> [ModeFigures] {
                modes.map { ModeFigures(label: $0.mode.rawValue, $0.metrics) }
            }
            return [SensitivityObject(weight: nil, end: nil, value: nil, modes: figures(sensitivity.base))]
                + sensitivity.points.map {
                    SensitivityObject(weight: $0.key, end: $0.end, value: $0.value, modes: figures($0.modes))
                }
        }
    }

    /// One end of one market assumption's range: `{"assumption", "end", "value", "as_is", "modes"}`,
    /// `as_is` and each mode in the form of ``SensitivityObject``'s (as-is's `mode` `"as-is"`); the
    /// assumptions as set first, with `"assumption": null`.
    struct MarketSensitivityObject: Encodable {
        var assumption: String?
        var end: String?
        var value: Double?
        var asIs: SensitivityObject.ModeFigures?
        var modes: [SensitivityObject.ModeFigures]

        enum CodingKeys: String, CodingKey {
            case assumption, end, value, modes
            case asIs = "as_is"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(assumption, forKey: .assumption)
            try container.encode(end, forKey: .end)
            try container.encodeNumber(value, forKey: .value)
            try container.encode(asIs, forKey: .asIs)
            try container.encode(modes, forKey: .modes)
        }

        static func points(_ sensitivity: MarketAssumptionSensitivity) -> [MarketSensitivityObject] {
            let asIs = { (metrics: ScopeMetrics?) in
                metrics.map { SensitivityObject.ModeFigures(label: AsIsComparison.label, $0) }
            }
            let modes = { (figures: MarketAssumptionSensitivity.ModeFigures) in
                figures.map { SensitivityObject.ModeFigures(label: $0.mode.rawValue, $0.metrics) }
            }
            return [
                MarketSensitivityObject(
                    assumption: nil, end: nil, value: nil, asIs: asIs(sensitivity.baseAsIs),
                    modes: modes(sensitivity.base))
            ]
                + sensitivity.points.map {
                    MarketSensitivityObject(
                        assumption: $0.key, end: $0.end, value: $0.value, asIs: asIs($0.asIs), modes: modes($0.modes))
                }
        }
    }

    /// Today's placements: `{"year", "metrics", "children_without_place", "market"}`.
    struct AsIsObject: Encodable {
        var placements: TodaysPlacements?
        var market: TodaysMarket?
        var note: String?

        init(_ comparison: AsIsComparison) {
            placements = comparison.asIs
            market = comparison.market
            if case .notShown(let reason) = comparison { note = reason }
        }

        enum CodingKeys: String, CodingKey {
            case year, metrics, market, displaced
            case childrenWithoutPlace = "children_without_place"
            case placedAgain = "placed_again"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            guard let placements else { return }
            try container.encode(placements.year, forKey: .year)
            try container.encode(MetricsObject(placements.metrics), forKey: .metrics)
            try container.encode(placements.childrenWithoutPlace, forKey: .childrenWithoutPlace)
            // After shocks: today's placements they took, and the children placed again.
            if let effect = placements.shockDisplacement {
                try container.encode(effect.displaced, forKey: .displaced)
                try container.encode(effect.placedAgain, forKey: .placedAgain)
            }
            if let market { try container.encode(MarketObject(market), forKey: .market) }
        }
    }

    /// The market the modes solved: places registered, usable, held from outside and free, the
    /// places beyond the boundary, and every assumption.
    struct MarketObject: Encodable {
        var market: TodaysMarket

        init(_ market: TodaysMarket) { self.market = market }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: JSONKey.self)
            let totals = market.totals
            try container.encode(totals.registered, forKey: JSONKey("registered_places"))
            try container.encodeNumber(totals.usable, forKey: JSONKey("usable_places"))
            try container.encodeNumber(totals.heldFromOutside, forKey: JSONKey("places_held_from_outside"))
            try container.encodeNumber(market.childrenFromOutside, forKey: JSONKey("children_from_outside"))
            // Only for a scenario missing some of its own children (a partial import): a whole one's
            // market reads as before.
            if market.missingOwnChildrenInAll > 0 {
                try container.encodeNumber(
                    totals.heldByMissingOwn, forKey: JSONKey("places_held_by_missing_own_children"))
                try container.encodeNumber(
                    market.missingOwnChildren, forKey: JSONKey("missing_own_children_in_places"))
                try container.encodeNumber(market.missingOwnChildrenInAll, forKey: JSONKey("missing_own_children"))
            }
            try container.encode(totals.free, forKey: JSONKey("free_places"))
            try container.encode(market.beyondBoundary.map(BeyondObject.init), forKey: JSONKey("beyond_boundary"))
            // Only where councils' carers live beyond the boundary (a regional scenario).
            let carersBeyond = TodaysMarket.DistanceBand.allCases.flatMap { band in
                market.carersElsewhere.filter { $0.bandBeyondBoundary == band }.map {
                    CarersBeyondObject(carers: $0, band: band)
                }
            }
            if !carersBeyond.isEmpty {
                try container.encode(carersBeyond, forKey: JSONKey("councils_carers_beyond_boundary"))
            }
            try container.encode(
                market.assumptions.listed.map { AssumptionObject(name: $0.name, assumption: $0.assumption) },
                forKey: JSONKey("assumptions"))
        }
    }

    struct BeyondObject: Encodable {
        var offer: TodaysMarket.BeyondBoundaryOffer

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: JSONKey.self)
            // The council whose own places these are; null for the market's.
            try container.encode(offer.operatingAuthority?.rawValue, forKey: JSONKey("run_by"))
            try container.encode(offer.group.key, forKey: JSONKey("placement_group"))
            try container.encode(offer.placementType.rawValue, forKey: JSONKey("placement_type"))
            try container.encode(offer.band.rawValue, forKey: JSONKey("band"))
            try container.encode(offer.places, forKey: JSONKey("places"))
            try container.encodeNumber(offer.miles, forKey: JSONKey("miles"))
            try container.encodeNumber(offer.weeklyPrice, forKey: JSONKey("weekly_price"))
        }
    }

    struct CarersBeyondObject: Encodable {
        var carers: TodaysMarket.CarerPlaces
        var band: TodaysMarket.DistanceBand

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: JSONKey.self)
            try container.encode(carers.council.rawValue, forKey: JSONKey("run_by"))
            try container.encode(carers.placementType.rawValue, forKey: JSONKey("placement_type"))
            try container.encode(band.rawValue, forKey: JSONKey("band"))
            try container.encode(carers.places, forKey: JSONKey("places"))
        }
    }

    struct AssumptionObject: Encodable {
        var name: String
        var assumption: Assumption

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: JSONKey.self)
            try container.encode(name, forKey: JSONKey("name"))
            try container.encodeNumber(assumption.value, forKey: JSONKey("value"))
            try container.encode(
                [assumption.range.lowerBound, assumption.range.upperBound].map { $0.isFinite ? $0 : nil },
                forKey: JSONKey("range"))
            try container.encode(assumption.source, forKey: JSONKey("source"))
        }
    }

    /// A mode's total as a change from as-is: shares in percentage points.
    struct ChangeObject: Encodable {
        var change: AsIsComparison.Change

        init(_ change: AsIsComparison.Change) { self.change = change }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: JSONKey.self)
            try container.encodeNumber(change.m1OwnPoints, forKey: JSONKey("m1_own_la_run_share_points"))
            try container.encodeNumber(change.m1AnyPoints, forKey: JSONKey("m1_la_run_share_points"))
            try container.encodeNumber(change.m2Points, forKey: JSONKey("m2_in_area_share_points"))
            try container.encodeNumber(change.within20MilesPoints, forKey: JSONKey("within_20_miles_share_points"))
            try container.encodeNumber(change.meanMiles, forKey: JSONKey("mean_distance_miles"))
            try container.encodeNumber(change.weeklyCost, forKey: JSONKey("weekly_cost"))
            try container.encode(change.placed, forKey: JSONKey("placed"))
            try container.encode(change.unplaced, forKey: JSONKey("unplaced"))
        }
    }

    struct ModeObject: Encodable {
        var mode: String
        var status: String
        var gap: Double?
        var objective: Double
        var metrics: MetricsObject
        var councilOrder: [String]
        var statistics: RunStatistics
        var changeFromAsIs: ChangeObject?

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
            case changeFromAsIs = "change_from_as_is"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(mode, forKey: .mode)
            try container.encode(status, forKey: .status)
            try container.encodeNumber(gap, forKey: .gap)
            try container.encodeNumber(objective, forKey: .objective)
            try container.encode(metrics, forKey: .metrics)
            try container.encode(councilOrder, forKey: .councilOrder)
            try container.encode(StatisticsObject(statistics), forKey: .statistics)
            if let changeFromAsIs { try container.encode(changeFromAsIs, forKey: .changeFromAsIs) }
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
            try container.encodeNumber(m.m1LocalAuthorityRunShare, forKey: JSONKey("m1_la_run_share"))
            try container.encodeNumber(m.m1OwnAuthorityRunShare, forKey: JSONKey("m1_own_la_run_share"))
            try container.encodeNumber(m.m2InAreaShare, forKey: JSONKey("m2_in_area_share"))
            try container.encodeNumber(m.within20MilesShare, forKey: JSONKey("within_20_miles_share"))
            try container.encodeNumber(m.meanDistanceMiles, forKey: JSONKey("mean_distance_miles"))
            try container.encodeNumber(m.weeklyCost, forKey: JSONKey("weekly_cost"))
            try container.encodeNumber(m.externalWeeklySpend, forKey: JSONKey("external_weekly_spend"))
            try container.encodeNumber(m.estimatedWeeklyProfit, forKey: JSONKey("estimated_weekly_profit"))
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

extension KeyedEncodingContainer {
    /// A number, or `null` when it is missing or not finite (JSON has no infinity or NaN).
    mutating func encodeNumber(_ value: Double?, forKey key: Key) throws {
        try encode(value.flatMap { $0.isFinite ? $0 : nil }, forKey: key)
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
