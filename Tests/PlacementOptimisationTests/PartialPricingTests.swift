import LinearProgramming
import PlacementScenarios
import TestSupport
import Testing

@testable import PlacementOptimisation

/// Partial pricing decides which pairs join a batch's model from reduced costs it works out itself
/// (`c − Aᵀy`); they must be GLPK's, sign convention included, or pairs that would lower the cost
/// stay out.
@Suite("Partial pricing")
struct PartialPricingTests {
    @Test("reduced costs worked out from the duals equal GLPK's on a whole market model")
    func reducedCostsAreGLPKs() throws {
        let scenario = try ScenarioLoader.load(from: Fixtures.scenario("greater-manchester")).scenario
        let market = BatchMarket(scenario: scenario, mode: .regional, options: OptimiserOptions())
        let built = try #require(market.models.values.max { $0.placement.pairs.count < $1.placement.pairs.count })
        var model = built.placement.model
        // Three children per unit against the market's one place per provider: places run short,
        // so capacity rows bind and their duals are not zero.
        for position in built.placement.units.indices {
            model.setBounds(built.placement.demandRow(position), lower: 3, upper: 3)
            model.setBounds(built.placement.unplacedColumn(position), lower: 0, upper: 3)
        }
        let solver = try Solver(model)
        let solution = try solver.solve(SolveOptions(method: .primalSimplex))
        #expect(solution.status == .optimal)
        let duals = try #require(solution.rowDuals)
        let reducedCosts = try #require(solution.reducedCosts)
        let binding = built.placement.pools.indices.filter { duals[built.placement.capacityRow($0).index] != 0 }
        #expect(!binding.isEmpty, "some capacity rows bind")
        for column in built.placement.pairs.indices {
            let priced = built.pricing.reducedCost(ofPair: column, duals: duals)
            #expect(abs(priced - reducedCosts[column]) <= 1e-6 * max(1, abs(reducedCosts[column])))
        }
    }
}
