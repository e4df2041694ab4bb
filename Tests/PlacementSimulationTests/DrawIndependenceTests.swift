import PlacementScenarios
import Testing

@testable import PlacementSimulation

@Suite("Simulation draws are independent")
struct DrawIndependenceTests {
    /// The first `count` numbers of a run's generator.
    private func numbers(seed: UInt64, count: Int) -> [UInt64] {
        var random = Simulation.generator(seed: seed)
        return (0..<count).map { _ in random.next() }
    }

    @Test("neighbouring seeds do not give one stream shifted: seed 2's numbers are none of seed 1's")
    func neighbouringSeeds() {
        let first = numbers(seed: 1, count: 1_000)
        let second = numbers(seed: 2, count: 1_000)
        // Had the seed been scaled by the generator's own step, seed 2's numbers would be seed 1's
        // from the second on.
        #expect(Set(first).isDisjoint(with: second))
    }

    @Test("a draw's seed is a number of one SplitMix64 stream, as compare --draws takes it")
    func drawSeedsDiffer() {
        let seeds = (0..<50).map { DrawSeeds(seed: 1, draw: $0).simulationSeed }
        #expect(Set(seeds).count == 50)
        // --seed 2 shares no draw with --seed 1 (seeds s + d had made draw d + 1 of one draw d of the other).
        let other = (0..<50).map { DrawSeeds(seed: 2, draw: $0).simulationSeed }
        #expect(Set(seeds).isDisjoint(with: other))
    }
}
