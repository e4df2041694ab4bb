import Foundation
import OutputFiles

/// Writes a scenario as a folder the loader reads back: `scenario.yaml` and its CSV tables.
public enum ScenarioWriter {
    /// Writes `directory` as one set of the scenario kind (see ``OutputFolder``): the whole folder is
    /// replaced, so no table of an earlier scenario lingers beside the new ones, and a failure leaves
    /// the old folder as it was. An existing folder must be empty or an earlier scenario. `extraFiles`
    /// (a README, an estimates table) go beside the tables.
    public static func write(
        _ scenario: Scenario, to directory: String, extraFiles: [(name: String, text: String)] = []
    ) throws(OutputError) {
        try OutputFolder.write(set(scenario, extraFiles: extraFiles), to: directory)
    }

    /// The scenario's files as a set of the scenario kind (see ``OutputKind``).
    public static func set(_ scenario: Scenario, extraFiles: [(name: String, text: String)] = []) -> OutputSet {
        var set = OutputSet(kind: .scenario)
        set.add(files(scenario) + extraFiles)
        return set
    }

    /// The manifest and the tables as the loader reads them back, by file name.
    public static func files(_ scenario: Scenario) -> [(name: String, text: String)] {
        var files = [
            ("scenario.yaml", manifest(scenario)), ("authorities.csv", authorities(scenario)),
            ("children.csv", children(scenario)), ("providers.csv", providers(scenario)),
        ]
        if !scenario.cooperatives.isEmpty { files.append(("cooperatives.csv", cooperatives(scenario))) }
        if !scenario.actuals.isEmpty { files.append(("actuals.csv", actuals(scenario))) }
        if !scenario.distanceOverrides.isEmpty { files.append(("distances.csv", distances(scenario))) }
        return files
    }

    static func manifest(_ scenario: Scenario) -> String {
        let policy = scenario.policy
        var lines = ["name: \(quoted(scenario.name))"]
        if !scenario.description.isEmpty { lines.append("description: \(quoted(scenario.description))") }
        lines += ["files:", "  authorities: authorities.csv", "  children: children.csv", "  providers: providers.csv"]
        if !scenario.cooperatives.isEmpty { lines.append("  cooperatives: cooperatives.csv") }
        if !scenario.distanceOverrides.isEmpty { lines.append("  distances: distances.csv") }
        if !scenario.actuals.isEmpty { lines.append("  actuals: actuals.csv") }
        lines += [
            "policy:",
            "  price_weight: \(number(policy.priceWeight))",
            "  cost_per_mile: \(number(policy.costPerMile))",
            "  out_of_area_penalty: \(number(policy.outOfAreaPenalty))",
            "  local_authority_preference: \(number(policy.localAuthorityPreference))",
            "  unplaced_penalty: \(number(policy.unplacedPenalty))",
            "  minimum_ofsted_rating: \(policy.minimumRating.rawValue)",
            "  keep_existing_placements: \(policy.keepExistingPlacements)",
            "  other_councils_in_house_places: \(policy.otherCouncilsInHousePlaces)",
            "  other_council_in_house_premium: \(number(policy.otherCouncilInHousePremium))",
            "  council_order_seed: \(policy.councilOrderSeed)",
        ]
        lines += perType(
            "maximum_distance_miles", policy.maximumDistanceMiles, fallback: policy.defaultMaximumDistance)
        lines += perType("market_margins", policy.marketMargins, fallback: policy.defaultMarketMargin)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func perType(_ key: String, _ values: [PlacementType: Double], fallback: Double?) -> [String] {
        guard !values.isEmpty || fallback != nil else { return [] }
        var lines = ["  \(key):"]
        for type in values.keys.sorted() { lines.append("    \(type.rawValue): \(number(values[type]!))") }
        if let fallback { lines.append("    default: \(number(fallback))") }
        return lines
    }

    static func authorities(_ scenario: Scenario) -> String {
        var csv = CSVWriter(header: ["code", "name", "region", "latitude", "longitude", "area_km2", "children_0_17"])
        for a in scenario.authorities {
            csv.append([
                a.id.rawValue, name(a.name), name(a.region), number(a.centroid.latitude), number(a.centroid.longitude),
                number(a.areaSquareKilometres), a.childPopulation.map(String.init) ?? "",
            ])
        }
        return csv.text
    }

    static func cooperatives(_ scenario: Scenario) -> String {
        var csv = CSVWriter(header: ["cooperative_id", "cooperative_name", "authority"])
        for cooperative in scenario.cooperatives {
            for member in cooperative.members {
                csv.append([cooperative.id.rawValue, name(cooperative.name), member.rawValue])
            }
        }
        return csv.text
    }

    static func children(_ scenario: Scenario) -> String {
        // The column only when a child has one, so that scenarios without them read as before.
        let avoiding = scenario.cohorts.contains { !$0.avoidedAuthorities.isEmpty }
        var csv = CSVWriter(
            header: [
                "id", "home_authority", "placement_type", "age_band", "count", "requirements", "sibling_group",
                "current_provider", "home_latitude", "home_longitude",
            ] + (avoiding ? ["avoid_authorities"] : []))
        for c in scenario.cohorts {
            let avoided = c.avoidedAuthorities.map(\.rawValue).sorted().joined(separator: ";")
            csv.append(
                [
                    c.id.rawValue, c.homeAuthority.rawValue, c.placementType.rawValue, c.ageBand.description,
                    String(c.count), c.requirements.sorted().map(\.rawValue).joined(separator: ";"),
                    c.siblingGroup?.rawValue ?? "", c.currentProvider?.rawValue ?? "",
                    c.homeLocation.map { number($0.latitude) } ?? "",
                    c.homeLocation.map { number($0.longitude) } ?? "",
                ] + (avoiding ? [avoided] : []))
        }
        return csv.text
    }

    static func providers(_ scenario: Scenario) -> String {
        var csv = CSVWriter(header: [
            "id", "name", "sector", "operating_authority", "owner", "authority", "placement_type", "places",
            "weekly_price", "ofsted_rating", "specialisms", "min_age", "max_age", "latitude", "longitude",
        ])
        for p in scenario.providers {
            for type in p.offers.keys.sorted() {
                let offer = p.offers[type]!
                csv.append([
                    p.id.rawValue, name(p.name), p.sector.rawValue, p.operatingAuthority?.rawValue ?? "", name(p.owner),
                    p.authority.rawValue, type.rawValue,
                    String(offer.places), number(offer.weeklyPrice), p.rating.rawValue,
                    p.specialisms.sorted().map(\.rawValue).joined(separator: ";"), String(p.ageRange.minimum),
                    String(p.ageRange.maximum), p.location.map { number($0.latitude) } ?? "",
                    p.location.map { number($0.longitude) } ?? "",
                ])
            }
        }
        return csv.text
    }

    static func actuals(_ scenario: Scenario) -> String {
        var csv = CSVWriter(header: [
            "authority", "year", "children_looked_after", "own_provision_share", "inside_boundary_share",
            "over_20_miles_share", "children_with_known_distance",
        ])
        for a in scenario.actuals {
            csv.append([
                a.authority.rawValue, String(a.year), a.childrenLookedAfter.map(String.init) ?? "",
                a.ownProvisionShare.map(number) ?? "", a.insideBoundaryShare.map(number) ?? "",
                a.over20MilesShare.map(number) ?? "", a.childrenWithKnownDistance.map(String.init) ?? "",
            ])
        }
        return csv.text
    }

    static func distances(_ scenario: Scenario) -> String {
        var csv = CSVWriter(header: ["from_authority", "to_authority", "miles"])
        let pairs = scenario.distanceOverrides.keys.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
        for pair in pairs {
            csv.append([pair.from.rawValue, pair.to.rawValue, number(scenario.distanceOverrides[pair]!)])
        }
        return csv.text
    }

    /// Shortest text that reads back as the same number.
    public static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }

    /// A name as the loader takes it back: official data's names may hold a control character (a tab
    /// in an Ofsted owner's name), which no scenario may, so a written scenario has a space there.
    private static func name(_ text: String) -> String { ControlCharacters.spaced(text) }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
