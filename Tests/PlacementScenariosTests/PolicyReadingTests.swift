import PlacementScenarios
import TestSupport
import Testing

/// Policy values read from the manifest, where the manifest gives only some of them.
@Suite("Policy reading")
struct PolicyReadingTests {
    @Test("a partial market_margins keeps the defaults of the types it does not name")
    func partialMarketMargins() throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        try copy.replace(
            "scenario.yaml", "    childrens_home: 0.226\n    foster: 0.19\n    default: 0.15", with: "    foster: 0.3")
        let policy = try ScenarioLoader.load(from: copy.path).scenario.policy
        #expect(policy.marketMargin(for: .foster) == 0.3)
        // Defaults: children's homes 22.6%, kinship 19%, others 15%.
        #expect(policy.marketMargin(for: .childrensHome) == 0.226)
        #expect(policy.marketMargin(for: .kinship) == 0.19)
        #expect(policy.marketMargin(for: .supportedAccommodation) == 0.15)
    }

    @Test("the largest allowed values are accepted")
    func largestAllowed() throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        try copy.replace("scenario.yaml", "council_order_seed: 2", with: "council_order_seed: 9007199254740992")
        try copy.replace("scenario.yaml", "unplaced_penalty: 100000", with: "unplaced_penalty: 1e9")
        try copy.replace("scenario.yaml", "foster: 0.19", with: "foster: 1")
        let policy = try ScenarioLoader.load(from: copy.path).scenario.policy
        #expect(policy.councilOrderSeed == 9_007_199_254_740_992)
        #expect(policy.unplacedPenalty == 1_000_000_000)
        #expect(policy.marketMargin(for: .foster) == 1)
    }

    /// The trial: 2^53 + 1 rounded to 2^53 as a double and passed, in any of its forms.
    @Test(
        "a seed one past 2^53, or a fraction below a double's precision, is refused at its cell, read exactly",
        arguments: [
            ("9007199254740993", "9007199254740993 is out of range (0 to 9007199254740992)"),
            ("9007199254740993.0", "9007199254740993.0 is out of range (0 to 9007199254740992)"),
            ("9.007199254740993e15", "9.007199254740993e15 is out of range (0 to 9007199254740992)"),
            ("2.0000000000000000001", "2.0000000000000000001 is not a whole number"),
            // Past what a decimal holds: 1e-400 had read as 0, and a 41-digit fraction as whole.
            ("1e-400", "1e-400 is not a whole number"),
            (
                "9007199254740992.0000000000000000000000001",
                "9007199254740992.0000000000000000000000001 is not a whole number"
            ),
        ])
    func seedPastTheLimit(text: String, message: String) throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        try copy.replace("scenario.yaml", "council_order_seed: 2", with: "council_order_seed: \(text)")
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(from: copy.path) }
        let issue = try #require(error.errors.first)
        #expect(issue.field == "policy.council_order_seed")
        #expect(issue.message == message)
    }

    @Test("2^53 written with a decimal point or an exponent is read as 2^53")
    func seedInOtherForms() throws {
        for text in ["9007199254740992.0", "9.007199254740992e15"] {
            let copy = try ScenarioCopy(of: "tiny")
            defer { copy.remove() }
            try copy.replace("scenario.yaml", "council_order_seed: 2", with: "council_order_seed: \(text)")
            #expect(try ScenarioLoader.load(from: copy.path).scenario.policy.councilOrderSeed == 9_007_199_254_740_992)
        }
    }
}
