import LinearProgramming

/// Models whose optimum is published or can be worked by hand.
public enum KnownModels {
    /// GLPK's `sample.c`: maximise 10x1 + 6x2 + 4x3 subject to three ≤ rows. Optimum z = 733⅓ at
    /// x = (33⅓, 66⅔, 0) (GLPK reference manual, section 1.3).
    public static func sample() -> (model: Model, x: [Variable]) {
        var model = Model(name: "sample")
        let x1 = model.addVariable(name: "x1")
        let x2 = model.addVariable(name: "x2")
        let x3 = model.addVariable(name: "x3")
        model.addConstraint(x1 + x2 + LinearExpression(x3) <= 100, name: "p")
        model.addConstraint(10 * x1 + 4 * x2 + 5 * x3 <= 600, name: "q")
        model.addConstraint(2 * x1 + 2 * x2 + 6 * x3 <= 300, name: "r")
        model.setObjective(.maximise, 10 * x1 + 6 * x2 + 4 * x3)
        return (model, [x1, x2, x3])
    }

    public static let sampleOptimum = 2200.0 / 3.0

    /// The transportation problem of GLPK's `transp.mod` (Dantzig 1963): two canneries, three
    /// markets, freight $90 per case per thousand miles. Optimum 153.675 (thousand dollars).
    public struct Transportation {
        public var model: Model
        public var shipments: [[Variable]]
        public var supply: [Constraint]
        public var demand: [Constraint]
    }

    public static let plants = ["Seattle", "San_Diego"]
    public static let markets = ["New_York", "Chicago", "Topeka"]
    public static let capacities = [350.0, 600.0]
    public static let demands = [325.0, 300.0, 275.0]
    public static let distances = [[2.5, 1.7, 1.8], [2.5, 1.8, 1.4]]

    /// `costScale` multiplies every cost, so the optimum becomes 153.675 × costScale.
    public static func transportation(costScale: Double = 1) -> Transportation {
        var model = Model(name: "transp")
        var shipments: [[Variable]] = []
        var objective = LinearExpression()
        for (i, plant) in plants.enumerated() {
            var row: [Variable] = []
            for (j, market) in markets.enumerated() {
                let x = model.addVariable(name: "x_\(plant)_\(market)")
                objective.add(costScale * 90 * distances[i][j] / 1000, x)
                row.append(x)
            }
            shipments.append(row)
        }
        let supply = plants.indices.map { i in
            model.addConstraint(
                .sum(shipments[i]) <= LinearExpression(constant: capacities[i]), name: "supply_\(plants[i])")
        }
        let demand = markets.indices.map { j in
            model.addConstraint(
                .sum(plants.indices.map { shipments[$0][j] }) >= LinearExpression(constant: demands[j]),
                name: "demand_\(markets[j])")
        }
        model.setObjective(.minimise, objective)
        return Transportation(model: model, shipments: shipments, supply: supply, demand: demand)
    }

    public static let transportationOptimum = 153.675

    /// Maximise 8x + 5y subject to x + y ≤ 6, 9x + 5y ≤ 45, x and y integer (Winston, Operations
    /// Research, §9.2). LP relaxation 41.25 at (3.75, 2.25); integer optimum 40 at (5, 0).
    public static func smallInteger() -> (model: Model, x: Variable, y: Variable) {
        var model = Model(name: "winston")
        let x = model.addVariable(name: "x", kind: .integer)
        let y = model.addVariable(name: "y", kind: .integer)
        model.addConstraint(x + y <= 6, name: "c1")
        model.addConstraint(9 * x + 5 * y <= 45, name: "c2")
        model.setObjective(.maximise, 8 * x + 5 * y)
        return (model, x, y)
    }

    /// A market-split instance (Cornuéjols and Dawande, 1999): rows Σⱼ aᵢⱼ xⱼ + sᵢ⁺ − sᵢ⁻ = bᵢ with
    /// binary x and bᵢ = ⌊Σⱼ aᵢⱼ / 2⌋, minimising the slacks. The LP bound is 0 and branch-and-bound
    /// needs exponentially many nodes, so a short time limit always stops it.
    public static func marketSplit(rows: Int = 5, columns: Int = 50, seed: UInt64 = 7) -> Model {
        var random = SeededRandom(seed: seed)
        var model = Model(name: "market_split")
        let x = (0..<columns).map { model.addVariable(name: "x\($0)", kind: .binary) }
        var objective = LinearExpression()
        for i in 0..<rows {
            let a = (0..<columns).map { _ in Double(random.next(below: 100)) }
            let over = model.addVariable(name: "over\(i)")
            let under = model.addVariable(name: "under\(i)")
            objective += over
            objective += under
            var row = LinearExpression(variables: x, coefficients: a)
            row += over
            row = row - under
            model.addConstraint(
                row == LinearExpression(constant: (a.reduce(0, +) / 2).rounded(.down)), name: "split\(i)")
        }
        model.setObjective(.minimise, objective)
        return model
    }
}
