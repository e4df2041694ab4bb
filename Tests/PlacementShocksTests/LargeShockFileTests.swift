import Foundation
import PlacementScenarios
import TestSupport
import Testing

@testable import PlacementShocks

/// A shocks file of a million names took seconds to read (`Scripts/benchmark-shocks.sh`): each name
/// was trimmed through `NSString` twice, each authority looked up by building the scenario's lookup
/// again, and the problems sorted with an array made per comparison. Here the reading as it is now
/// is checked against the reading as it was (kept below as the reference) on generated lists.
@Suite("A long shocks file reads as it did")
struct LargeShockFileTests {
    static let tiny = try! ScenarioLoader.load(from: Fixtures.scenario("tiny")).scenario

    /// Ends of names the reading must treat as `trimmingCharacters(in: .whitespaces)` does: blanks,
    /// space separators, the zero-width space (whitespace to Foundation on Linux, not a separator),
    /// a line break and a word joiner (neither trimmed), letters and punctuation.
    static let ends = ["", " ", "\t", "\u{00A0}", "\u{3000}", "\u{200B}", "\n", "\u{2060}", "é", "&", "-", "'"]

    /// Owner and authority names in many spellings: the scenario's own, in other cases, with `&`, and
    /// unknown ones, each with every end in `ends`.
    static func names(_ stems: [String]) -> [String] {
        stems.flatMap { stem in ends.flatMap { head in ends.map { tail in head + stem + tail } } }
    }

    static let authorityNames = names([
        "Northtown", "northtown", "T00000001", "t00000002", "SOUTHVALE", "Eastbury", "East-bury", "Eastbury & Co",
        "Nowhere", "Northtwn",
    ])
    static let ownerNames = names(["Oak Care Ltd", "OAK CARE LTD", "Brightside Ltd", "Nobody Ltd", "Oak & Care"])

    /// `text` as a YAML double-quoted scalar, every character but plain ASCII escaped.
    static func quoted(_ text: String) -> String {
        let escaped = text.unicodeScalars.map { scalar in
            (0x20..<0x7F).contains(scalar.value) && scalar != "\"" && scalar != "\\"
                ? String(scalar) : String(format: "\\u%04X", scalar.value)
        }
        return "\"" + escaped.joined() + "\""
    }

    // MARK: The reading before, as the reference

    static func referenceOwnerKey(_ owner: String) -> String { owner.trimmingCharacters(in: .whitespaces).lowercased() }

    static func referenceAuthority(_ name: String, in scenario: Scenario) -> AuthorityCode? {
        NameLookup.authorities(scenario.authorities).code(of: name).map(AuthorityCode.init(rawValue:))
    }

    /// `ShockApplication.matchingCohorts` as it was: the lookup built again for each name.
    static func referenceMatchingCohorts(_ increase: Shock.DemandChange, in scenario: Scenario) -> [Int] {
        let authorities = increase.authorities.map { Set($0.compactMap { referenceAuthority($0, in: scenario) }) }
        return scenario.cohorts.indices.filter { index in
            let cohort = scenario.cohorts[index]
            return cohort.placementType.isCommissioned && cohort.siblingGroup == nil && cohort.count > 0
                && (increase.placementType == nil || cohort.placementType == increase.placementType)
                && (authorities?.contains(cohort.homeAuthority) ?? true)
                && (increase.uasc == nil || cohort.requirements.contains(.uasc) == increase.uasc)
        }
    }

    // MARK: Checks

    @Test("Trimming a name gives what Foundation's trimming gave, whatever character ends it")
    func trimming() {
        var differences: [String] = []
        for value in Array(0...0xFFFF) + Array(stride(from: 0x10000, through: 0x10FFFF, by: 61)) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in ["\(scalar)x", "x\(scalar)", "\(scalar)", "\(scalar) x \(scalar)"]
            where text.trimmingWhitespaces != text.trimmingCharacters(in: .whitespaces) {
                differences.append(String(value, radix: 16))
            }
        }
        #expect(differences.isEmpty, "\(differences.prefix(20))")
    }

    @Test("A long list of owners reads to the same names and the same problems")
    func owners() throws {
        let text = "shocks:\n  - remove_owners: [\(Self.ownerNames.map(Self.quoted).joined(separator: ", "))]\n"
        var log = IssueLog()
        let file = ShockFile.parse(text, file: "shocks.yaml", log: &log)
        let blanks = Self.ownerNames.indices.filter { Self.ownerNames[$0].trimmingCharacters(in: .whitespaces).isEmpty }
        // Every entry here has a stem, so none is blank, and all are read as Foundation trimmed them.
        #expect(blanks.isEmpty)
        #expect(log.issues.isEmpty, "\(log.issues.prefix(3))")
        let shock = try #require(file?.shocks.first?.shock)
        #expect(shock == .removeOwners(Self.ownerNames.map { $0.trimmingCharacters(in: .whitespaces) }))

        // Unknown owners: the problems, in order, as the owners were keyed before, the first 100
        // with the nearest owner.
        let owners = Set(Self.tiny.providers.map { Self.referenceOwnerKey($0.owner) })
        let ownerNames = Array(Set(Self.tiny.providers.map(\.owner))).sorted()
        var expected: [String] = []
        for name in Self.ownerNames where !owners.contains(Self.referenceOwnerKey(name)) {
            expected.append(
                ShockApplication.unknownOwner(
                    name, suggesting: expected.count < ScenarioError.listedIssues ? ownerNames : []))
        }
        #expect(!expected.isEmpty && expected.count < Self.ownerNames.count)
        var checked = IssueLog()
        let located = ShockFile(shocks: [LocatedShock(.removeOwners(Self.ownerNames), file: "shocks.yaml", line: 2)])
        ShockApplication.logUnknownNames(in: located, against: Self.tiny, log: &checked)
        #expect(checked.issues.map(\.message) == expected)
    }

    @Test("Blank entries in a long list are refused at the same paths")
    func blankEntries() {
        let entries = (0..<300).map { $0 % 7 == 3 ? "\" \\t \"" : "\"Owner \($0)\"" }
        var log = IssueLog()
        let file = ShockFile.parse(
            "shocks:\n  - remove_owners: [\(entries.joined(separator: ", "))]\n", file: "shocks.yaml", log: &log)
        #expect(file?.shocks.isEmpty == true)
        #expect(log.issues.map(\.field) == (0..<300).filter { $0 % 7 == 3 }.map { "shocks[0].remove_owners[\($0)]" })
        #expect(log.issues.allSatisfy { $0.message == "expected text" && $0.line == 2 })
    }

    /// The trial: `remove_owners: []` was told it was not a list.
    @Test("An empty list of owners is said to be empty, a scalar not to be a list")
    func emptyOwners() {
        for (text, message) in [
            ("[]", "the list of owner names is empty: name at least one owner"),
            ("Oak Care", "expected a list of owner names"),
        ] {
            var log = IssueLog()
            _ = ShockFile.parse("shocks:\n  - remove_owners: \(text)\n", file: "shocks.yaml", log: &log)
            #expect(log.issues.map(\.message) == [message])
            #expect(log.issues.map(\.field) == ["shocks[0].remove_owners"])
        }
    }

    @Test("A long list of authorities matches the same cohorts and refuses the same names")
    func authorities() {
        for uasc in [nil, true, false] {
            let increase = Shock.DemandChange(
                placementType: nil, authorities: Self.authorityNames, uasc: uasc, amount: .factor(1.5))
            #expect(
                ShockApplication.matchingCohorts(increase, in: Self.tiny)
                    == Self.referenceMatchingCohorts(increase, in: Self.tiny))
        }
        // The unknown names, each listed where the file lists it, the first 100 with a suggestion.
        let lookup = NameLookup.authorities(Self.tiny.authorities)
        var expected: [String] = []
        for name in Self.authorityNames where lookup.index(of: name) == nil {
            expected.append(lookup.missing(name, suggesting: expected.count < ScenarioError.listedIssues))
        }
        #expect(expected.count > ScenarioError.listedIssues)
        let increase = Shock.DemandChange(
            placementType: nil, authorities: Self.authorityNames, uasc: nil, amount: .factor(1.5))
        var log = IssueLog()
        ShockApplication.logUnknownNames(
            in: ShockFile(shocks: [LocatedShock(.demandChange(increase), file: "shocks.yaml", line: 2)]),
            against: Self.tiny, log: &log)
        #expect(log.issues.map(\.message) == expected)
        #expect(log.issues.allSatisfy { $0.field == "demand_change.authorities" && $0.line == 2 })
    }

    @Test("Problems are listed in the same order as when sorted by the keys made per comparison")
    func issueOrder() {
        var random = SeededRandom(seed: 7)
        let files = ["shocks.yaml", "providers.csv", "children.csv"]
        let issues = (0..<2_000).map { _ in
            ScenarioIssue(
                random.next(below: 2) == 0 ? .error : .warning, file: files[random.next(below: files.count)],
                line: random.next(below: 4) == 0 ? nil : 1 + random.next(below: 50),
                column: random.next(below: 2) == 0 ? nil : 1 + random.next(below: 5), message: "m")
        }
        var fileOrder: [String: Int] = [:]
        for issue in issues where fileOrder[issue.file] == nil { fileOrder[issue.file] = fileOrder.count }
        let reference = issues.enumerated().sorted { left, right in
            let (a, b) = (left.element, right.element)
            let keyA = [a.severity == .error ? 0 : 1, fileOrder[a.file] ?? 0, a.line ?? 0, a.column ?? 0, left.offset]
            let keyB = [b.severity == .error ? 0 : 1, fileOrder[b.file] ?? 0, b.line ?? 0, b.column ?? 0, right.offset]
            return keyA.lexicographicallyPrecedes(keyB)
        }.map(\.offset)
        // Each issue made distinct by its message, so that the order compared is the issues' own.
        let numbered = issues.enumerated().map { offset, issue in
            var issue = issue
            issue.message = String(offset)
            return issue
        }
        #expect(ScenarioError(issues: numbered).issues.map { Int($0.message)! } == reference)
    }
}
