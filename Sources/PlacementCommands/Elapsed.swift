import Foundation

/// Seconds as `--verbose` says them: two decimals, the unit left to the sentence.
enum Elapsed {
    static func seconds(_ interval: TimeInterval) -> String { String(format: "%.2f", interval) }

    static func seconds(from start: Date, to end: Date = Date()) -> String { seconds(end.timeIntervalSince(start)) }
}
