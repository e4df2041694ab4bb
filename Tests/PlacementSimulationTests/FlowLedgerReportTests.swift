import Foundation
import TestSupport
import Testing

/// The year's ledger in the simulation's outputs, so a reader can check start + arrivals − leavers =
/// end (the trial: only `ledger_balances: true` was written). `tiny`'s hand-worked case (its README):
/// 12 children needing a placement; in 2026 one arrives in Northtown and one of Eastbury's leaves
/// care; in 2027 one more arrives.
@Suite("The flow ledger in the simulation's outputs")
struct FlowLedgerReportTests {
    @Test("the JSON gives each year's totals, the starting year none")
    func json() throws {
        let (object, run) = try BuiltTool.placementJSON([
            "simulate", Fixtures.scenario("tiny"), "--modes", "regional", "--to", "2027",
        ])
        let document = try #require(object, "\(run.standardError)")
        let modes = try #require(document["modes"] as? [[String: Any]])
        let years = try #require(modes.first?["years"] as? [[String: Any]])
        func ledger(_ index: Int) -> [String: Double] {
            let entries = years[index]["ledger"] as? [String: [String: Double]] ?? [:]
            return entries.compactMapValues { $0["mean"] }
        }
        #expect(years[0]["ledger"] == nil)
        #expect(ledger(1) == ["start": 12, "arrivals": 1, "leavers": 1, "moves": 0, "end": 12])
        #expect(ledger(2) == ["start": 12, "arrivals": 1, "leavers": 0, "moves": 0, "end": 13])
    }

    @Test("the report's table says the same")
    func markdown() throws {
        let run = try BuiltTool.run(
            "placement", ["simulate", Fixtures.scenario("tiny"), "--modes", "regional", "--to", "2027"])
        #expect(run.standardOutput.contains("| regional | 2026 | 12 | 1 | 1 | 0 | 12 |"), "\(run.standardOutput)")
        #expect(run.standardOutput.contains("| regional | 2027 | 12 | 1 | 0 | 0 | 13 |"))
    }
}
