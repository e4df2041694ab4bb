/// A small deterministic generator (SplitMix64): generated scenarios and the council order of
/// `council` mode are the same on every machine and every run.
public struct SeededRandom {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Moves on as `count` calls of ``next()`` would (the state steps by a constant each call),
    /// without computing the numbers: ``next(below:)`` with a positive bound calls ``next()`` once.
    public mutating func skip(_ count: Int) {
        guard count > 0 else { return }
        state &+= 0x9E37_79B9_7F4A_7C15 &* UInt64(count)
    }

    /// A whole number in `0..<bound` (0 when the bound is not positive).
    public mutating func next(below bound: Int) -> Int {
        bound > 0 ? Int(next() % UInt64(bound)) : 0
    }

    /// A number in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

extension Array {
    /// The elements in an order drawn by Fisher–Yates from `random`.
    public func shuffled(by random: inout SeededRandom) -> [Element] {
        var result = self
        for index in result.indices.reversed() where index > 0 {
            result.swapAt(index, random.next(below: index + 1))
        }
        return result
    }
}
