import Foundation
import PlacementScenarios
import TestSupport
import Testing

/// Random and mutated CSV files must give errors or a scenario — never a crash or a hang.
@Suite("CSV reader under fuzzing")
struct CSVFuzzTests {
    static let fragments = ["\"", ",", "\n", "\r\n", "\u{FEFF}", "\"\"", "-1", "1e308", "nan", "é", "\0", " ", ";"]

    @Test("400 mutated copies of tiny's tables load or fail cleanly")
    func mutations() throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        var random = SeededRandom(seed: 20_261_124)
        let files = ["children.csv", "providers.csv", "authorities.csv", "cooperatives.csv", "distances.csv"]
        let originals = try files.map { try copy.read($0) }
        let started = ContinuousClock.now
        for round in 0..<400 {
            let which = round % files.count
            var characters = Array(originals[which])
            for _ in 0..<(1 + random.next(below: 6)) {
                let position = random.next(below: characters.count + 1)
                switch random.next(below: 4) {
                case 0 where !characters.isEmpty: characters.remove(at: min(position, characters.count - 1))
                case 1:
                    characters.insert(
                        contentsOf: Self.fragments[random.next(below: Self.fragments.count)], at: position)
                case 2: characters = Array(characters.prefix(position))
                default:
                    let scalar = Unicode.Scalar(UInt8(random.next(below: 128)))
                    characters.insert(Character(scalar), at: position)
                }
            }
            try copy.write(files[which], String(characters))
            do {
                _ = try ScenarioLoader.load(from: copy.path)
            } catch {
                #expect(!error.errors.isEmpty)
            }
            try copy.write(files[which], originals[which])
        }
        #expect(ContinuousClock.now - started < .seconds(60))
    }

    @Test("random bytes as every table fail cleanly")
    func randomBytes() throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        var random = SeededRandom(seed: 7)
        for _ in 0..<50 {
            let bytes = (0..<random.next(below: 2000)).map { _ in UInt8(random.next(below: 256)) }
            try Data(bytes).write(to: URL(fileURLWithPath: copy.directory.file("children.csv")))
            #expect(throws: ScenarioError.self) { try ScenarioLoader.load(from: copy.path) }
        }
    }
}
