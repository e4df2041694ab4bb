/// The random numbers one draw uses: the council buying order's seed and the random shocks' seed
/// (`compare`, `stress`, `sufficiency`), or the seed of a simulation's run (`simulate`).
///
/// Draw `d` (from 0) takes numbers `2d` and `2d + 1` of the SplitMix64 stream seeded with the run's
/// seed, so draws never share a number and the same seed gives the same draws on every machine.
public struct DrawSeeds: Sendable, Equatable {
    public var councilOrderSeed: UInt64
    public var shockSeed: UInt64

    /// A simulation run's seed: the same number as the council order's, for the run draws which
    /// placements end and the order of arrivals from it as well as the buying order.
    public var simulationSeed: UInt64 { councilOrderSeed }

    public init(seed: UInt64, draw: Int) {
        // Advancing SplitMix64's state by 2d steps is adding 2d times its increment.
        var random = SeededRandom(seed: seed &+ UInt64(2 * max(draw, 0)) &* 0x9E37_79B9_7F4A_7C15)
        councilOrderSeed = random.next()
        shockSeed = random.next()
    }
}
