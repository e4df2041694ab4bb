import Foundation

/// A one-screen plain-text summary of a scenario: children by authority and placement type, places
/// by sector and placement type.
public struct ScenarioSummary {
    public let text: String

    public init(_ scenario: Scenario) {
        let types = PlacementType.allCases.filter { type in scenario.cohorts.contains { $0.placementType == type } }
        var lines: [String] = []
        lines.append(
            "\(scenario.name): \(NumberText.counted(scenario.authorities.count, "authority", "authorities")), "
                + "\(NumberText.counted(scenario.cooperatives.count, "co-operative", "co-operatives")), "
                + "\(NumberText.counted(scenario.childCount, "child", "children")) in "
                + "\(NumberText.counted(scenario.cohorts.count, "cohort", "cohorts")), "
                + "\(NumberText.counted(scenario.providers.count, "provider", "providers"))")
        lines.append("")
        lines.append("Children by authority and placement type")
        var children: [AuthorityCode: [PlacementType: Int]] = [:]
        for cohort in scenario.cohorts {
            children[cohort.homeAuthority, default: [:]][cohort.placementType, default: 0] += cohort.count
        }
        let typeHeader = types.map { Self.abbreviation($0) }
        lines.append(Self.row(["authority"] + typeHeader + ["total"], first: 28))
        let shown = scenario.authorities.filter { children[$0.id] != nil }
        for authority in shown.prefix(40) {
            let counts = types.map { children[authority.id]?[$0] ?? 0 }
            lines.append(
                Self.row(
                    [String(authority.name.prefix(27))] + counts.map(NumberText.grouped) + [
                        NumberText.grouped(counts.reduce(0, +))
                    ],
                    first: 28))
        }
        if shown.count > 40 { lines.append("… and \(shown.count - 40) more authorities") }
        let totals = types.map { type in
            scenario.cohorts.filter { $0.placementType == type }.reduce(0) { $0 + $1.count }
        }
        lines.append(
            Self.row(["all"] + totals.map(NumberText.grouped) + [NumberText.grouped(scenario.childCount)], first: 28))
        lines.append("")
        lines.append("Places by sector and placement type")
        let offered = PlacementType.allCases.filter { type in scenario.providers.contains { $0.offers[type] != nil } }
        lines.append(Self.row(["sector"] + offered.map { Self.abbreviation($0) } + ["total"], first: 28))
        for sector in Sector.allCases {
            let places = offered.map { type in
                scenario.providers.filter { $0.sector == sector }.reduce(0) { $0 + ($1.offers[type]?.places ?? 0) }
            }
            guard places.contains(where: { $0 > 0 }) else { continue }
            lines.append(
                Self.row(
                    [sector.label] + places.map(NumberText.grouped) + [NumberText.grouped(places.reduce(0, +))],
                    first: 28))
        }
        lines.append("")
        lines.append(
            "Key: "
                + Set(types + offered).sorted().map { "\(Self.abbreviation($0)) = \($0.label)" }.joined(separator: ", ")
        )
        text = lines.joined(separator: "\n")
    }

    static func abbreviation(_ type: PlacementType) -> String {
        switch type {
        case .foster: "FOS"
        case .kinship: "KIN"
        case .childrensHome: "CHH"
        case .secureChildrensHome: "SEC"
        case .supportedAccommodation: "SUP"
        case .parentAndChild: "P&C"
        case .residentialSchool: "RSC"
        case .placedWithParents: "PAR"
        case .placedForAdoption: "ADO"
        case .other: "OTH"
        }
    }

    /// The first cell padded to `first`; the others right-aligned in 8 characters, always apart.
    private static func row(_ cells: [String], first: Int) -> String {
        guard let head = cells.first else { return "" }
        return head.padding(toLength: first, withPad: " ", startingAt: 0)
            + cells.dropFirst().map { String(repeating: " ", count: max(1, 8 - $0.count)) + $0 }.joined()
    }
}
