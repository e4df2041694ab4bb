import ArgumentParser

/// The seeds `--seed` takes: reports print the seed as a JSON number, which readers hold as a double,
/// exact to 2^53 (as the manifest's `council_order_seed`).
enum SeedRange {
    static let largest: UInt64 = 1 << 53

    static func check(_ seed: UInt64?) throws {
        guard let seed, seed > largest else { return }
        throw ValidationError(
            "--seed must be from 0 to 9007199254740992 (2^53, so that JSON readers keep it exact); got \(seed)")
    }
}
