import PlacementScenarios
import TestSupport
import Testing

/// Bad candidate data is reported like every other table's, with file, line and column.
@Suite("Candidate validation")
struct CandidateValidationTests {
    struct Fault: CustomTestStringConvertible, Sendable {
        let name: String
        let line: String
        let location: String
        let message: String
        var testDescription: String { name }
    }

    static let faults = [
        Fault(
            name: "negative capital cost", line: "H3,home,T00000002,childrens_home,2,1,-5,4000,1,25",
            location: "candidates.csv:4:38: capital_cost", message: "-5 is out of range"),
        Fault(
            name: "negative weekly cost", line: "H3,home,T00000002,childrens_home,2,1,5,-4000,1,25",
            location: "candidates.csv:4:40: weekly_cost", message: "-4000 is out of range"),
        Fault(
            name: "unknown authority", line: "H3,home,E99999999,childrens_home,2,1,5,4000,1,25",
            location: "candidates.csv:4:9: authority", message: "unknown authority 'E99999999'"),
        Fault(
            name: "a home with no places", line: "H3,home,T00000002,childrens_home,0,1,5,4000,1,25",
            location: "candidates.csv:4:34: places", message: "a candidate must add at least one place"),
        Fault(
            name: "a secure children's home for one council",
            line: "H3,home,T00000002,secure_childrens_home,2,1,5,4000,1,25",
            location: "candidates.csv:4:19: placement_type", message: "commissioned nationally"),
        Fault(
            name: "foster carers offering children's homes",
            line: "F1,foster_carers,T00000002,childrens_home,1,3,5,4000,1,25",
            location: "candidates.csv:4:28: placement_type", message: "a foster_carers candidate offers"),
        Fault(
            name: "more places than a provider may hold",
            line: "H3,home,T00000002,childrens_home,1000,1001,5,4000,1,25",
            location: "candidates.csv:4:39: units",
            message: "1,001 units of 1,000 places are 1,001,000 places, past the 1,000,000 one provider may hold"),
        Fault(
            name: "unknown kind", line: "H3,hostel,T00000002,childrens_home,2,1,5,4000,1,25",
            location: "candidates.csv:4:4: kind", message: "unknown value 'hostel'"),
        Fault(
            name: "duplicate id", line: "H1,home,T00000002,childrens_home,2,1,5,4000,1,25",
            location: "candidates.csv:4:1: id", message: "duplicate candidate H1 (first on line 2)"),
        Fault(
            name: "a block contract with no term", line: "B1,block_contract,T00000002,childrens_home,3,1,0,5000,0,",
            location: "candidates.csv:4: term_years", message: "a block contract needs a term"),
        Fault(
            name: "a block contract with a life instead of a term",
            line: "B1,block_contract,T00000002,childrens_home,3,1,0,5000,0,3",
            location: "candidates.csv:4:57: life_years", message: "a block contract runs for term_years"),
        Fault(
            name: "a block contract for a secure children's home",
            line: "B1,block_contract,T00000002,secure_childrens_home,3,1,0,5000,0,",
            location: "candidates.csv:4:29: placement_type", message: "commissioned nationally"),
    ]

    @Test("each fault is reported with file, line, field and message", arguments: faults)
    func reported(fault: Fault) throws {
        let copy = try ScenarioCopy(of: "tiny-plan")
        defer { copy.remove() }
        try copy.append("candidates.csv", line: fault.line)
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(from: copy.path) }
        let matching = error.errors.filter {
            $0.description.hasPrefix(fault.location) && $0.description.contains(fault.message)
        }
        #expect(!matching.isEmpty, "got: \(error.description)")
    }

    @Test("candidates.csv is read by its default name when the manifest names none")
    func defaultName() throws {
        let copy = try ScenarioCopy(of: "tiny-plan")
        defer { copy.remove() }
        try copy.replace("scenario.yaml", "  candidates: candidates.csv\n", with: "")
        let scenario = try ScenarioLoader.load(from: copy.path).scenario
        #expect(scenario.candidates.map(\.id.rawValue) == ["H1", "H2"])
        #expect(scenario.candidates[1].placesPerUnit == 2)
        #expect(scenario.candidates[1].capitalCost == 500_000)
    }

    @Test("a scenario without candidates loads with none")
    func none() throws {
        #expect(try ScenarioLoader.load(from: Fixtures.scenario("tiny")).scenario.candidates.isEmpty)
    }
}
