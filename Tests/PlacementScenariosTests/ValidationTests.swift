import Foundation
import TestSupport
import Testing

@testable import PlacementScenarios

/// One test per validation rule: a copy of `tiny` with one fault, and the message it must produce.
@Suite("Scenario validation")
struct ValidationTests {
    struct Fault: CustomTestStringConvertible, Sendable {
        let name: String
        let edit: @Sendable (ScenarioCopy) throws -> Void
        /// Expected `file:line: field: …` prefix and a fragment of the message.
        let location: String
        let message: String
        var testDescription: String { name }
    }

    static let faults: [Fault] =
        [
            Fault(
                name: "unknown authority code",
                edit: { try $0.append("children.csv", line: "C11,E99999999,foster,5-9,1,,,") },
                location: "children.csv:12:5: home_authority", message: "unknown authority 'E99999999'"),
            Fault(
                name: "duplicate child id",
                edit: { try $0.append("children.csv", line: "C03,T00000002,foster,5-9,1,,,") },
                location: "children.csv:12:1: id", message: "duplicate id C03 (first on line 4)"),
            Fault(
                name: "a provider id kept for a plan's new places",
                edit: { try $0.replace("providers.csv", "\nP2,", with: "\nplan-H1,") },
                location: "providers.csv:3:1: id",
                message: "ids beginning plan- are kept for a capacity plan's new places"),
            Fault(
                name: "duplicate authority code",
                edit: { try $0.append("authorities.csv", line: "T00000002,Copyvale,Testshire,53.3,-2.2,10,1") },
                location: "authorities.csv:5:1: code", message: "duplicate authority T00000002 (first on line 3)"),
            Fault(
                name: "missing required column",
                edit: {
                    try $0.replace(
                        "providers.csv", "placement_type,places,weekly_price",
                        with: "placement_type,capacity,weekly_price")
                },
                location: "providers.csv:1: places", message: "required column is missing"),
            Fault(
                name: "non-numeric places",
                edit: { try $0.replace("providers.csv", "foster,2,600", with: "foster,three,600") },
                location: "providers.csv:2:93: places", message: "'three' is not a whole number"),
            Fault(
                name: "negative places",
                edit: { try $0.replace("providers.csv", "foster,2,600", with: "foster,-3,600") },
                location: "providers.csv:2:93: places", message: "-3 is negative"),
            Fault(
                name: "negative price",
                edit: { try $0.replace("providers.csv", "foster,4,550", with: "foster,4,-550") },
                location: "providers.csv:3:95: weekly_price", message: "-550 is out of range"),
            Fault(
                name: "latitude out of range",
                edit: { try $0.replace("authorities.csv", "53.30,-2.25", with: "153.30,-2.25") },
                location: "authorities.csv:3:31: latitude", message: "153.30 is out of range (-90 to 90)"),
            Fault(
                name: "longitude out of range",
                edit: { try $0.replace("authorities.csv", "53.40,-1.90", with: "53.40,-190") },
                location: "authorities.csv:4:36: longitude", message: "-190 is out of range (-180 to 180)"),
            Fault(
                name: "co-operative member that does not exist",
                edit: { try $0.append("cooperatives.csv", line: "north-south,North and South Co-operative,T00000009") },
                location: "cooperatives.csv:4:42: authority", message: "unknown authority 'T00000009'"),
            Fault(
                name: "authority in two co-operatives",
                edit: { try $0.append("cooperatives.csv", line: "east,East Co-operative,T00000002") },
                location: "cooperatives.csv:4:24: authority",
                message: "T00000002 is already a member of north-south (line 3)"),
            Fault(
                name: "co-operative given two names",
                edit: { try $0.append("cooperatives.csv", line: "north-south,North-South RCC,T00000003") },
                location: "cooperatives.csv:4:13: cooperative_name",
                message: "north-south is named 'North and South Co-operative' on line 2, 'North-South RCC' here"),
            Fault(
                name: "sibling group spanning authorities",
                edit: { try $0.append("children.csv", line: "C11,T00000002,foster,5-9,1,,S1,") },
                location: "children.csv:12:29: sibling_group",
                message: "spans authorities T00000001 (line 2) and T00000002"
            ),
            Fault(
                name: "sibling group spanning placement types",
                edit: { try $0.append("children.csv", line: "C11,T00000001,childrens_home,10-15,1,,S1,") },
                location: "children.csv:12:39: sibling_group",
                message: "spans placement types foster (line 2) and childrens_home"),
            Fault(
                name: "unknown placement type with a suggestion",
                edit: { try $0.append("children.csv", line: "C11,T00000001,fostr,5-9,1,,,") },
                location: "children.csv:12:15: placement_type",
                message: "unknown value 'fostr' (did you mean 'foster'?)"),
            Fault(
                name: "unknown requirement",
                edit: { try $0.append("children.csv", line: "C11,T00000001,foster,5-9,1,disabilty,,") },
                location: "children.csv:12:28: requirements",
                message:
                    "unknown value 'disabilty' (did you mean 'disability'?); expected any of disability, uasc, "
                    + "complex_needs, separated by ;"
            ),
            Fault(
                name: "unknown current provider",
                edit: { try $0.append("children.csv", line: "C11,T00000001,foster,5-9,1,,,P9") },
                location: "children.csv:12:30: current_provider", message: "unknown provider 'P9'"),
            Fault(
                name: "bad age band",
                edit: { try $0.append("children.csv", line: "C11,T00000001,foster,nine,1,,,") },
                location: "children.csv:12:22: age_band", message: "'nine' is not an age band"),
            Fault(
                name: "zero count",
                edit: { try $0.append("children.csv", line: "C11,T00000001,foster,5-9,0,,,") },
                location: "children.csv:12:26: count", message: "must be at least 1"),
            Fault(
                name: "ragged row",
                edit: { try $0.append("children.csv", line: "C11,T00000001,foster") },
                location: "children.csv:12", message: "has 3 fields; the header has 8"),
            Fault(
                name: "provider listing one placement type twice",
                edit: {
                    try $0.append(
                        "providers.csv",
                        line:
                            "P1,Northtown Fostering Service,local_authority,T00000001,Northtown Council,T00000001,foster,1,600,good,,0,17"
                    )
                },
                location: "providers.csv:8:86: placement_type",
                message: "provider P1 lists foster twice (first on line 2)"),
            Fault(
                name: "unclosed quote",
                edit: { try $0.append("children.csv", line: "C11,\"T00000001,foster,5-9,1,,,") },
                location: "children.csv:12:5", message: "is not valid CSV: a quoted field opened here is never closed"),
            Fault(
                name: "unknown manifest key with a suggestion",
                edit: { try $0.replace("scenario.yaml", "  cost_per_mile: 10", with: "  cost_per_mle: 10") },
                location: "scenario.yaml:15:3: policy.cost_per_mle",
                message: "unknown key 'cost_per_mle' (did you mean 'cost_per_mile'?)"),
            Fault(
                name: "manifest value of the wrong type",
                edit: {
                    try $0.replace("scenario.yaml", "  out_of_area_penalty: 250", with: "  out_of_area_penalty: lots")
                },
                location: "scenario.yaml:16:24: policy.out_of_area_penalty", message: "expected a number"),
            Fault(
                name: "missing table",
                edit: { try $0.replace("scenario.yaml", "providers: providers.csv", with: "providers: suppliers.csv") },
                location: "suppliers.csv", message: "cannot read the file"),
        ] + identityFaults + numberFaults + manifestFaults + textFaults

    /// Ids that could collide, escape a folder or break a model name.
    static let identityFaults: [Fault] = [
        Fault(
            name: "sibling group named like a child",
            edit: { try $0.append("children.csv", line: "C11,T00000003,foster,5-9,1,,C03,") },
            location: "children.csv:12:29: sibling_group",
            message: "sibling group C03 has the id of the child on line 4"),
        Fault(
            name: "authority code with a path separator",
            edit: { try $0.append("authorities.csv", line: "T0/../x,Spare,Testshire,53.4,-1.9,10,1") },
            location: "authorities.csv:5:1: code", message: "'T0/../x' contains a path separator"),
        Fault(
            name: "authority code that is a parent folder",
            edit: { try $0.append("authorities.csv", line: "..,Spare,Testshire,53.4,-1.9,10,1") },
            location: "authorities.csv:5:1: code", message: "'..' starts with a dot"),
        Fault(
            name: "authority code longer than 64 bytes",
            edit: {
                try $0.append(
                    "authorities.csv", line: String(repeating: "E", count: 65) + ",Spare,Testshire,53.4,-1.9,10,1")
            },
            location: "authorities.csv:5:1: code", message: "is longer than 64 bytes"),
        Fault(
            name: "authority codes differing only in letter case",
            edit: { try $0.append("authorities.csv", line: "t00000001,Lowtown,Testshire,53.4,-1.9,10,1") },
            location: "authorities.csv:5:1: code",
            message: "t00000001 differs from T00000001 (line 2) only in letter case"),
        Fault(
            name: "provider id with a control character",
            edit: {
                try $0.append(
                    "providers.csv", line: "P\u{7}9,Bell House,private,,,T00000003,foster,1,900,good,,0,17")
            },
            location: "providers.csv:8:1: id", message: "'P\\x079' holds a control character, U+0007"),
        Fault(
            name: "provider id of the form today's market gives carers living elsewhere",
            edit: {
                try $0.append(
                    "providers.csv", line: "P1@T00000002,Bell House,private,,,T00000003,foster,1,900,good,,0,17")
            },
            location: "providers.csv:8:1: id", message: "contains '@'"),
        Fault(
            name: "provider id of the form today's market gives the places beyond a boundary",
            edit: {
                try $0.append(
                    "providers.csv",
                    line: "beyond-over-20-miles-foster,Bell House,private,,,T00000003,foster,1,900,good,,0,17")
            },
            location: "providers.csv:8:1: id", message: "starts with 'beyond-'"),
        Fault(
            name: "co-operative id with a backslash",
            edit: { try $0.replace("cooperatives.csv", "north-south,North", with: "north\\south,North") },
            location: "cooperatives.csv:2:1: cooperative_id", message: "contains a path separator"),
    ]

    /// Numbers that Swift would parse but a scenario must not hold.
    static let numberFaults: [Fault] = [
        Fault(
            name: "hexadecimal places",
            edit: { try $0.replace("providers.csv", "foster,2,600", with: "foster,0x10,600") },
            location: "providers.csv:2:93: places", message: "'0x10' is not a whole number"),
        Fault(
            name: "hexadecimal latitude",
            edit: { try $0.replace("authorities.csv", "53.30,-2.25", with: "0x35,-2.25") },
            location: "authorities.csv:3:31: latitude", message: "'0x35' is not a number"),
        Fault(
            name: "infinite price",
            edit: { try $0.replace("providers.csv", "foster,4,550", with: "foster,4,infinity") },
            location: "providers.csv:3:95: weekly_price", message: "'infinity' is not a number"),
        Fault(
            name: "places beyond a million",
            edit: { try $0.replace("providers.csv", "foster,2,600", with: "foster,2000000,600") },
            location: "providers.csv:2:93: places", message: "2000000 is above the largest allowed, 1000000"),
        Fault(
            name: "council order seed beyond 2^53",
            edit: { try $0.replace("scenario.yaml", "council_order_seed: 2", with: "council_order_seed: 1e20") },
            location: "scenario.yaml:23:23: policy.council_order_seed",
            message: "1e20 is out of range (0 to 9007199254740992)"),
        Fault(
            name: "council order seed with a fraction",
            edit: { try $0.replace("scenario.yaml", "council_order_seed: 2", with: "council_order_seed: 2.5") },
            location: "scenario.yaml:23:23: policy.council_order_seed", message: "2.5 is not a whole number"),
        Fault(
            name: "unplaced penalty of 1e308",
            edit: { try $0.replace("scenario.yaml", "unplaced_penalty: 100000", with: "unplaced_penalty: 1e308") },
            location: "scenario.yaml:18:21: policy.unplaced_penalty",
            message: "1e308 is out of range (0 to 1000000000)"),
        Fault(
            name: "unplaced penalty near 1e19",
            edit: { try $0.replace("scenario.yaml", "unplaced_penalty: 100000", with: "unplaced_penalty: 9.3e18") },
            location: "scenario.yaml:18:21: policy.unplaced_penalty", message: "is out of range"),
        Fault(
            name: "cost per mile in hexadecimal",
            edit: { try $0.replace("scenario.yaml", "cost_per_mile: 10", with: "cost_per_mile: 0x10") },
            location: "scenario.yaml:15:18: policy.cost_per_mile", message: "expected a number"),
        Fault(
            name: "default market margin above 1",
            edit: {
                try $0.replace(
                    "scenario.yaml", "  council_order_seed: 2",
                    with: "  council_order_seed: 2\n  default_market_margin: 1.5")
            },
            location: "scenario.yaml:24:26: policy.default_market_margin", message: "1.5 is out of range (0 to 1)"),
        Fault(
            name: "market margin of 1e308",
            edit: { try $0.replace("scenario.yaml", "foster: 0.19", with: "foster: 1e308") },
            location: "scenario.yaml:26:13: policy.market_margins.foster", message: "1e308 is out of range (0 to 1)"),
        Fault(
            name: "default market margin given twice",
            edit: {
                try $0.replace(
                    "scenario.yaml", "  council_order_seed: 2",
                    with: "  council_order_seed: 2\n  default_market_margin: 0.1")
            },
            location: "scenario.yaml:28:14: policy.market_margins.default",
            message: "the default margin is also given as default_market_margin"),
    ]

    /// Manifest problems, each with its line.
    static let manifestFaults: [Fault] = [
        Fault(
            name: "a list as a key",
            edit: {
                try $0.replace("scenario.yaml", "  keep_existing_placements: false", with: "  ? [a]\n  : x")
            },
            location: "scenario.yaml:22:5: policy", message: "a key must be text, not a list or a mapping"),
        Fault(
            name: "an empty table name",
            edit: { try $0.replace("scenario.yaml", "providers: providers.csv", with: "providers: ''") },
            location: "scenario.yaml:10:14: files.providers", message: "'' is not a file name (it is empty)"),
        Fault(
            name: "a table path leaving the folder",
            edit: {
                try $0.replace(
                    "scenario.yaml", "children: children.csv", with: "children: ../../../../proc/self/environ")
            },
            location: "scenario.yaml:9:13: files.children",
            message: "'../../../../proc/self/environ' leaves the scenario folder"),
        Fault(
            name: "an absolute table path",
            edit: { try $0.replace("scenario.yaml", "children: children.csv", with: "children: /etc/hostname") },
            location: "scenario.yaml:9:13: files.children", message: "'/etc/hostname' is an absolute path"),
        Fault(
            name: "a missing name",
            edit: { try $0.replace("scenario.yaml", "name: tiny\n", with: "") },
            location: "scenario.yaml:1:1: name", message: "is required"),
        Fault(
            name: "a name of spaces only",
            edit: { try $0.replace("scenario.yaml", "name: tiny\n", with: "name: \"   \"\n") },
            location: "scenario.yaml:1:7: name", message: "is required"),
        Fault(
            name: "an empty manifest",
            edit: { try $0.write("scenario.yaml", "") },
            location: "scenario.yaml:1", message: "is empty"),
        Fault(
            name: "a manifest that is not UTF-8",
            edit: {
                var bytes = try Data(contentsOf: URL(fileURLWithPath: $0.directory.file("scenario.yaml")))
                bytes.append(contentsOf: [0x23, 0x20, 0xC3, 0x28, 0x0A])
                try bytes.write(to: URL(fileURLWithPath: $0.directory.file("scenario.yaml")))
            },
            location: "scenario.yaml:28", message: "is not UTF-8 text"),
    ]

    /// CSV text problems, located by line and column.
    static let textFaults: [Fault] = [
        Fault(
            name: "a quote inside an unquoted field",
            edit: { try $0.append("children.csv", line: "C11,T0000\"0001,foster,5-9,1,,,") },
            location: "children.csv:12:10",
            message: "is not valid CSV: a quote inside a field that does not start with one"
        ),
        Fault(
            name: "text after a closing quote",
            edit: { try $0.append("children.csv", line: "C11,\"T00000001\"x,foster,5-9,1,,,") },
            location: "children.csv:12:16", message: "is not valid CSV: text after the closing quote"),
        Fault(
            name: "a table that is not UTF-8",
            edit: {
                var bytes = try Data(contentsOf: URL(fileURLWithPath: $0.directory.file("children.csv")))
                bytes.append(
                    contentsOf: Array("C11,T00000001,foster,5-9,1,,,\nC12,T0000".utf8) + [0xFF]
                        + Array("0001,foster,5-9,1,,,\n".utf8))
                try bytes.write(to: URL(fileURLWithPath: $0.directory.file("children.csv")))
            },
            location: "children.csv:13:10: home_authority", message: "is not UTF-8 text: byte FF ('ÿ' in Windows-1252"),
        Fault(
            name: "a table in Windows-1252 (Excel's CSV on Windows)",
            edit: {
                let url = URL(fileURLWithPath: $0.directory.file("providers.csv"))
                let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
                let parts = text.components(separatedBy: "Oak House")
                try Data(
                    Array(parts[0].utf8) + Array("Oak House ".utf8) + [0xA3]
                        + Array(parts[1...].joined(separator: "Oak House").utf8)
                )
                .write(to: url)
            },
            location: "providers.csv:6:14: name",
            message:
                "is not UTF-8 text: byte A3 ('£' in Windows-1252, the encoding of Excel's \"CSV\" on Windows); save "
                + "the file as \"CSV UTF-8 (Comma delimited)\" in Excel, or convert it to UTF-8"),
        Fault(
            name: "separators inside a field do not shift later lines",
            edit: {
                try $0.replace(
                    "providers.csv", "Northtown Fostering", with: "Northtown\u{0B}\u{0C}\u{85}\u{2028}\u{2029}Fostering"
                )
                try $0.replace("providers.csv", "foster,4,550", with: "foster,4,-550")
            },
            location: "providers.csv:3:95: weekly_price", message: "-550 is out of range"),
        Fault(
            name: "a file named as the scenario folder itself",
            edit: { try $0.replace("scenario.yaml", "  children: children.csv", with: "  children: .") },
            location: "scenario.yaml:9:13: files.children",
            message: "'.' is the scenario folder itself, not a file in it"),
        // The trial: more children with a known distance than children looked after passed.
        Fault(
            name: "more children with a known distance than children",
            edit: {
                try $0.replace(
                    "actuals.csv", "over_20_miles_share\n", with: "over_20_miles_share,children_with_known_distance\n")
                try $0.replace(
                    "actuals.csv", "T00000001,2024,14,0.50,0.60,0.10", with: "T00000001,2024,14,0.50,0.60,0.10,15")
            },
            location: "actuals.csv:2:34: children_with_known_distance",
            message: "15 is more than the 14 children looked after (children_looked_after) it is a part of"),
        // The trial: a control character in a heading read as that column missing, or, in an optional
        // column, passed without a word.
        Fault(
            name: "a control character in a heading",
            edit: { try $0.replace("cooperatives.csv", "cooperative_name", with: "cooperative\u{0}name") },
            location: "cooperatives.csv:1:16",
            message: "heading 'cooperative\\x00name' holds a control character, U+0000"),
        // The trial: a provider's second row with another owner (or location, or judgement) was read as
        // the first row's, its own value dropped without a word.
        Fault(
            name: "a provider's rows disagreeing on its owner",
            edit: {
                try $0.append(
                    "providers.csv",
                    line: "P1,Northtown Fostering Service,local_authority,T00000001,Someone Else,T00000001,kinship,1,"
                        + "300,good,,0,17")
            },
            location: "providers.csv:8:58: owner",
            message: "differs from provider P1's first row (line 2); a provider's own fields are the same on each of "
                + "its rows"),
        // A year of published actuals is a whole year, as everywhere else (2024.5 had read as 2024).
        Fault(
            name: "a fractional year in the published actuals",
            edit: { try $0.replace("actuals.csv", "T00000003,2024,6", with: "T00000003,2024.5,6") },
            location: "actuals.csv:6:11: year", message: "'2024.5' is not a whole number"),
        // The trial: YAML's null was read as a file named `~`, and as a scenario named `~`.
        Fault(
            name: "a file given as YAML's null",
            edit: { try $0.replace("scenario.yaml", "  authorities: authorities.csv", with: "  authorities: ~") },
            location: "scenario.yaml:7:16: files.authorities", message: "expected text; got none (YAML's null)"),
        Fault(
            name: "a name given as YAML's null",
            edit: { try $0.replace("scenario.yaml", "name: tiny", with: "name: null") },
            location: "scenario.yaml:1:7: name", message: "expected text; got none (YAML's null)"),
        // The trial: a second row for an authority and year was read as nothing, silently.
        Fault(
            name: "an authority's year given twice in the published actuals",
            edit: {
                try $0.replace(
                    "actuals.csv", "T00000001,2025,15,0.55,0.62,0.08\n",
                    with: "T00000001,2025,15,0.55,0.62,0.08\nT00000001,2025,999,0.01,0.02,0.9\n")
            },
            location: "actuals.csv:4:11: year", message: "T00000001 2025 is given twice (first on line 3)"),
    ]

    /// The trial: a header ending in a comma (a spreadsheet's blank last heading) made every row one field
    /// short, each an error. A row may stop before blank headings at the end.
    @Test("a trailing comma on the header reads as a blank last heading")
    func trailingCommaOnTheHeader() throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        try copy.replace(
            "children.csv", "sibling_group,current_provider\n", with: "sibling_group,current_provider,\n")
        let loaded = try ScenarioLoader.load(from: copy.path)
        #expect(loaded.scenario.childCount == 13)
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        // A row that is short of a named column is still an error.
        try copy.replace("children.csv", "C03,T00000001,foster,10-15,1,,,\n", with: "C03,T00000001,foster,10-15,1,,\n")
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(from: copy.path) }
        #expect(error.errors.map(\.description) == ["children.csv:4: has 7 fields; the header has 9"])
        // Blanks around a heading are no control characters: a tab after one is trimmed, as after a value.
        try copy.write(
            "children.csv",
            "id,home_authority,placement_type,age_band,count,requirements,sibling_group,current_provider\t,\n"
                + "C03,T00000001,foster,10-15,1,,,P1\n")
        let trimmed = try ScenarioLoader.load(from: copy.path).scenario
        #expect(trimmed.cohorts.map(\.currentProvider) == ["P1"])
    }

    /// An optional key left empty is absent: `description:` with nothing after it (YAML's null) loads.
    @Test("an empty optional description is no description, not an error")
    func emptyDescription() throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        let manifest = try copy.read("scenario.yaml")
        let start = try #require(manifest.range(of: "description:"))
        let end = try #require(manifest.range(of: "files:"))
        try copy.write(
            "scenario.yaml", manifest.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: "description:\n")
        )
        let loaded = try ScenarioLoader.load(from: copy.path)
        #expect(loaded.scenario.description == "")
    }

    /// The trial: a distance limit for children placed with parents, whom no mode places, passed silently.
    @Test("a per-type figure for a type no mode places is a warning")
    func figureForATypeNeverPlaced() throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        try copy.replace(
            "scenario.yaml", "  maximum_distance_miles:\n",
            with: "  maximum_distance_miles:\n    placed_with_parents: 5\n")
        let loaded = try ScenarioLoader.load(from: copy.path)
        #expect(
            loaded.warnings.map(\.description) == [
                "scenario.yaml:21:5: warning: policy.maximum_distance_miles.placed_with_parents: placed_with_parents "
                    + "children are counted, not placed by any mode: the figure changes nothing"
            ])
    }

    /// The trial: a kept placement in an authority the child's plan avoids passed without a word.
    @Test("a child living today where its plan avoids is warned of, by what the policy does with it")
    func livingWhereThePlanAvoids() throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        // C03 lives with Northtown's own carers (P1, in Northtown) and its plan avoids Northtown.
        try copy.write(
            "children.csv",
            "id,home_authority,placement_type,age_band,count,requirements,sibling_group,current_provider,avoid_authorities\n"
                + "C03,T00000001,foster,10-15,1,,,P1,T00000001\n")
        let loaded = try ScenarioLoader.load(from: copy.path)
        #expect(
            loaded.warnings.map(\.description).contains(
                "children.csv:2:35: warning: avoid_authorities: C03 lives today with P1, in T00000001, an authority its "
                    + "plan avoids: every mode moves the child (as-is keeps today's placement)"), "\(loaded.warnings)")
        try copy.replace("scenario.yaml", "keep_existing_placements: false", with: "keep_existing_placements: true")
        let kept = try ScenarioLoader.load(from: copy.path)
        #expect(
            kept.warnings.map(\.description).contains {
                $0.hasSuffix("where no mode would place the child") && $0.contains("keep_existing_placements may keep")
            }, "\(kept.warnings)")
    }

    /// The trial: shares of no children passed without a word.
    @Test("shares given for no children are a warning")
    func sharesOfNoChildren() throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        try copy.replace("actuals.csv", "T00000001,2024,14,0.50,0.60,0.10", with: "T00000001,2024,0,0.50,0.60,0.10")
        let loaded = try ScenarioLoader.load(from: copy.path)
        #expect(
            loaded.warnings.map(\.description).contains {
                $0.hasPrefix("actuals.csv:2:18: warning: own_provision_share: a share of no children")
            }, "\(loaded.warnings)")
    }

    @Test("each fault is reported with file, line, field and message", arguments: faults)
    func reported(fault: Fault) throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        try fault.edit(copy)
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(from: copy.path) }
        let matching = error.errors.filter {
            $0.description.hasPrefix(fault.location) && $0.description.contains(fault.message)
        }
        #expect(!matching.isEmpty, "got: \(error.description)")
    }

    @Test("several faults are all reported in one run")
    func allAtOnce() throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        for fault in Self.faults.prefix(3) { try fault.edit(copy) }
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(from: copy.path) }
        #expect(error.errors.count >= 3)
    }

    @Test("a need no provider offers is a warning, not an error")
    func unmetNeedWarning() throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        try copy.append("children.csv", line: "C11,T00000003,secure_childrens_home,14-15,1,,,")
        let loaded = try ScenarioLoader.load(from: copy.path)
        #expect(loaded.warnings.count == 1)
        #expect(
            loaded.warnings[0].description.hasPrefix(
                "children.csv:12:15: warning: placement_type: no provider offers secure_childrens_home for ages 14-15"))
        #expect(loaded.warnings[0].severity == .warning)
    }

    @Test("quoted fields, a byte-order mark and CRLF line ends are read")
    func csvDialects() throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        let providers = try copy.read("providers.csv")
            .replacingOccurrences(of: "Oak House,private", with: "\"Oak House, \"\"the Oaks\"\"\",private")
            .replacingOccurrences(of: "\n", with: "\r\n")
        try copy.write("providers.csv", "\u{FEFF}" + providers)
        let scenario = try ScenarioLoader.load(from: copy.path).scenario
        #expect(scenario.providers.first { $0.id == "P5" }?.name == "Oak House, \"the Oaks\"")
        #expect(scenario.providers.count == 6)
        // Two marks (a file saved twice by tools that each add one): both skipped, as a trial's had read
        // as part of the first column's name.
        try copy.write("providers.csv", "\u{FEFF}\u{FEFF}" + providers)
        #expect(try ScenarioLoader.load(from: copy.path).scenario.providers.count == 6)
    }

    /// libyaml had read the mapping after a BOM as a second document: "did not find expected <document start>".
    @Test("a scenario.yaml with a byte-order mark and CRLF line ends is read")
    func manifestWithByteOrderMark() throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        try copy.write(
            "scenario.yaml", "\u{FEFF}" + (try copy.read("scenario.yaml")).replacingOccurrences(of: "\n", with: "\r\n"))
        let scenario = try ScenarioLoader.load(from: copy.path).scenario
        #expect(scenario.name == "tiny")
        #expect(scenario.policy.unplacedPenalty == 100_000)
    }

    @Test(
        "a row split at a number's thousands commas names the whole number",
        arguments: [
            (["R1", "£12", "345", "678", "x"], " ('£12,345,678' looks like one number split at its commas"),
            (["R1", "1", "050.50", "x"], " ('1,050.50' looks like one number split at its commas"),
            // Two small counts side by side are no money: no hint.
            (["R1", "2", "550", "x"], ""),
        ])
    func splitNumbers(fields: [String], hint: String) {
        let said = CSVTable.splitNumberHint(fields, 3)
        #expect(hint.isEmpty ? said.isEmpty : said.hasPrefix(hint), "\(said)")
    }

    @Test("Ofsted's own wording and capitalised names are accepted")
    func ofstedWording() throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        try copy.replace("providers.csv", "5500,outstanding", with: "5500,Requires improvement to be good")
        try copy.replace("providers.csv", "Brightside Ltd,T00000003,foster", with: "Brightside Ltd,T00000003,Foster")
        let scenario = try ScenarioLoader.load(from: copy.path).scenario
        #expect(scenario.providers.first { $0.id == "P5" }?.rating == .requiresImprovement)
        #expect(scenario.providers.first { $0.id == "P3" }?.offers[.foster] != nil)
    }
}
