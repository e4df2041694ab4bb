import Foundation
import PlacementScenarios
import Yams

/// A shocks file: a list of shocks applied together, in file order.
///
/// ```yaml
/// description: the ten largest private groups leave children's homes
/// shocks:
///   - remove_largest_owners: {sector: private, placement_type: childrens_home, count: 10}
///   - price_change: {sector: private, factor: 1.1}
/// ```
public struct ShockFile: Sendable, Equatable {
    public var description: String
    public var shocks: [LocatedShock]

    public init(description: String = "", shocks: [LocatedShock]) {
        self.description = description
        self.shocks = shocks
    }

    /// The most shocks a file may list. `stress` solves every mode once for each shock alone and
    /// once for all together, over every draw, and every command prints a line per shock applied:
    /// about 60 ms a case on `tiny`, seconds to minutes on a council's or England's scenario. The
    /// shipped files list one and three; a thousand is far past any stress test a person reads (a
    /// report row each) yet still finishes, where 100,000 would run for days on any scenario.
    public static let maximumShocks = 1_000

    /// Whether any shock draws random numbers.
    public var isRandom: Bool { shocks.contains { $0.shock.isRandom } }

    /// Reads and checks a shocks file; every problem is reported at once, each with the file and line.
    /// With a scenario, the names of the shocks that could be read are checked against it too, so a
    /// file's key and name problems are said together.
    public static func read(_ path: String, against scenario: Scenario? = nil) throws(ScenarioError) -> ShockFile {
        var log = IssueLog()
        let name = (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            log.error(name, "cannot read the shocks file (\(UnreadableFile.described(path)))")
            throw ScenarioError(issues: log.issues)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let problem = NotUTF8.find([UInt8](data))
            log.error(
                name, line: problem?.line ?? 1, column: problem?.column,
                problem?.message(.text) ?? "is not UTF-8 text; save the file as UTF-8")
            throw ScenarioError(issues: log.issues)
        }
        let file = parse(text, file: name, log: &log)
        if let file, let scenario {
            ShockApplication.logUnknownNames(in: file, against: scenario, log: &log)
            if !log.hasErrors { ShockApplication.logBeyondLimits(in: file, against: scenario, log: &log) }
        }
        if log.hasErrors { throw ScenarioError(issues: log.issues) }
        return file ?? ShockFile(shocks: [])
    }

    /// Parses shocks from YAML text, logging every problem with `file` and its line.
    public static func parse(_ text: String, file: String, log: inout IssueLog) -> ShockFile? {
        guard let root = YAMLProblem.compose(text, file: file, empty: "is empty", log: &log) else { return nil }
        var reader = ShockNodeReader(file: file, log: log)
        defer { log = reader.log }
        guard let top = reader.mapping(root, path: "") else { return nil }
        reader.rejectUnknownKeys(top, path: "", allowed: ["description", "shocks"])
        // Optional: left empty (YAML's null) it is absent.
        let description =
            top["description"].flatMap { YAMLProblem.isNull($0) ? nil : reader.string($0, path: "description") } ?? ""
        guard let listNode = top["shocks"] else {
            reader.error(root, path: "shocks", "is required (a list of shocks)")
            return nil
        }
        guard let list = listNode.sequence else {
            reader.error(listNode, path: "shocks", "expected a list of shocks")
            return nil
        }
        if list.isEmpty { reader.error(listNode, path: "shocks", "names no shock") }
        var shocks: [LocatedShock] = []
        for (index, entry) in list.enumerated() {
            // Refused at the first shock past the limit, at its line; the rest are not read.
            guard index < maximumShocks else {
                reader.error(
                    entry, path: "shocks",
                    "shock \(NumberText.grouped(index + 1)) is past the limit: a shocks file lists at most "
                        + "\(NumberText.grouped(maximumShocks)) shocks (stress solves every mode once for each); "
                        + "split it into several files")
                break
            }
            if let shock = reader.locatedShock(entry, path: "shocks[\(index)]", file: file) { shocks.append(shock) }
        }
        return ShockFile(description: description, shocks: shocks)
    }
}
