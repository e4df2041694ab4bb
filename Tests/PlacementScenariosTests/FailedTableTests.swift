import Foundation
import PlacementScenarios
import TestSupport
import Testing

/// A table that does not load is one error: the references to it and the warnings that need it are
/// not checked (and said once to be so), rather than reported false at every row.
@Suite("A table that does not load")
struct FailedTableTests {
    struct Damage: CustomTestStringConvertible, Sendable {
        let name: String
        let file: String
        let edit: @Sendable (ScenarioCopy) throws -> Void
        var testDescription: String { name }
    }

    /// Bytes `old` replaced by `new` in `file`, for edits that are not UTF-8.
    private static func replaceBytes(_ copy: ScenarioCopy, _ file: String, _ old: String, _ new: [UInt8]) throws {
        let url = URL(fileURLWithPath: copy.directory.file(file))
        var bytes = [UInt8](try Data(contentsOf: url))
        let target = Array(old.utf8)
        let start = try #require(bytes.indices.first { bytes[$0...].starts(with: target) })
        bytes.replaceSubrange(start..<start + target.count, with: new)
        try Data(bytes).write(to: url)
    }

    static let damages: [Damage] = [
        ("authorities.csv", "Testshire", "latitude"), ("providers.csv", "Oak House", "weekly_price"),
    ].flatMap { file, text, column in
        [
            Damage(
                name: "\(file): a header that is not UTF-8", file: file,
                edit: { try replaceBytes($0, file, "name", Array("n".utf8) + [0xE9] + Array("me".utf8)) }),
            Damage(
                name: "\(file): an unclosed quote", file: file,
                edit: { try $0.replace(file, text, with: "\"" + text) }),
            Damage(
                name: "\(file): a required column missing", file: file,
                edit: { try $0.replace(file, column, with: "x") }),
        ]
    }

    @Test("one error, one note that references are not checked, nothing else", arguments: damages)
    func oneError(damage: Damage) throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        try damage.edit(copy)
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(from: copy.path) }
        #expect(error.errors.count == 1, "got: \(error.description)")
        #expect(error.errors.first?.file == damage.file)
        let warnings = error.issues.filter { $0.severity == .warning }
        #expect(warnings.count == 1, "got: \(error.description)")
        #expect(warnings.first?.description.hasPrefix("\(damage.file): warning: ") == true)
        #expect(warnings.first?.message.hasSuffix("not checked until this file loads") == true)
    }

    @Test("a provider row left out for an error gives no false unmet need")
    func rowErrorNoUnmetNeed() throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        // Oak House is the only home with complex needs, which C05 needs.
        try copy.replace("providers.csv", "childrens_home,2,5500", with: "childrens_home,2,five thousand")
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(from: copy.path) }
        #expect(error.issues.count == 1, "got: \(error.description)")
        #expect(error.issues.first?.description.hasPrefix("providers.csv:6:") == true)
    }
}
