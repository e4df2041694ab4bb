/// Whether the objective is minimised or maximised.
public enum ObjectiveSense: Sendable {
    case minimise
    case maximise
}

/// What values a variable may take.
public enum VariableKind: Sendable {
    case continuous
    case integer
    /// An integer variable with bounds 0 and 1.
    case binary
}

/// A linear or mixed-integer programme, held in flat arrays so that models with millions of
/// nonzeros build quickly.
///
/// Building never fails: bounds, coefficients and names are checked by ``validate()``, which every
/// solve and export calls first, so problems are reported as Swift errors before GLPK sees them.
public struct Model: Sendable {
    /// The model's name, written into exported files.
    public var name: String
    public var objectiveSense: ObjectiveSense = .minimise
    /// A constant added to the objective.
    public var objectiveConstant: Double = 0

    public private(set) var columnLowerBounds: [Double] = []
    public private(set) var columnUpperBounds: [Double] = []
    public private(set) var columnKinds: [VariableKind] = []
    public private(set) var objectiveCoefficients: [Double] = []
    /// Column names; an empty string leaves the column unnamed.
    public private(set) var columnNames: [String] = []

    public private(set) var rowLowerBounds: [Double] = []
    public private(set) var rowUpperBounds: [Double] = []
    /// Row names; an empty string leaves the row unnamed.
    public private(set) var rowNames: [String] = []

    /// The constraint matrix as coordinate triplets (row, column, value), each pair at most once.
    public private(set) var entryRows: [Int] = []
    public private(set) var entryColumns: [Int] = []
    public private(set) var entryValues: [Double] = []

    public init(name: String = "model") { self.name = name }

    public var variableCount: Int { columnKinds.count }
    public var constraintCount: Int { rowLowerBounds.count }
    public var nonzeroCount: Int { entryValues.count }
    public var hasIntegerVariables: Bool { columnKinds.contains { $0 != .continuous } }

    /// Reserves storage ahead of a large build.
    public mutating func reserveCapacity(variables: Int, constraints: Int, nonzeros: Int) {
        columnLowerBounds.reserveCapacity(variables)
        columnUpperBounds.reserveCapacity(variables)
        columnKinds.reserveCapacity(variables)
        objectiveCoefficients.reserveCapacity(variables)
        columnNames.reserveCapacity(variables)
        rowLowerBounds.reserveCapacity(constraints)
        rowUpperBounds.reserveCapacity(constraints)
        rowNames.reserveCapacity(constraints)
        entryRows.reserveCapacity(nonzeros)
        entryColumns.reserveCapacity(nonzeros)
        entryValues.reserveCapacity(nonzeros)
    }

    /// Adds a variable. Bounds default to `[0, +∞)`; a binary variable's bounds are `[0, 1]`.
    @discardableResult
    public mutating func addVariable(
        name: String = "", lowerBound: Double = 0, upperBound: Double = .infinity,
        kind: VariableKind = .continuous, objective: Double = 0
    ) -> Variable {
        let variable = Variable(index: variableCount)
        columnNames.append(name)
        columnKinds.append(kind)
        columnLowerBounds.append(kind == .binary ? max(0, lowerBound) : lowerBound)
        columnUpperBounds.append(kind == .binary ? min(1, upperBound) : upperBound)
        objectiveCoefficients.append(objective)
        return variable
    }

    /// Adds a variable together with its coefficients in existing constraints (column generation).
    @discardableResult
    public mutating func addVariable(
        name: String = "", lowerBound: Double = 0, upperBound: Double = .infinity,
        kind: VariableKind = .continuous, objective: Double = 0,
        coefficients: [(Constraint, Double)]
    ) -> Variable {
        let variable = addVariable(
            name: name, lowerBound: lowerBound, upperBound: upperBound, kind: kind, objective: objective)
        let (rows, values) = Self.merged(indices: coefficients.map(\.0.index), values: coefficients.map(\.1))
        entryRows += rows
        entryColumns += repeatElement(variable.index, count: rows.count)
        entryValues += values
        return variable
    }

    /// Adds a constraint; its expression's constant moves to the bounds.
    @discardableResult
    public mutating func addConstraint(_ constraint: LinearConstraint, name: String = "") -> Constraint {
        let row = Constraint(index: constraintCount)
        let expression = constraint.expression
        rowNames.append(name)
        rowLowerBounds.append(constraint.lowerBound - expression.constant)
        rowUpperBounds.append(constraint.upperBound - expression.constant)
        let (columns, values) = Self.merged(indices: expression.variables.map(\.index), values: expression.coefficients)
        entryRows += repeatElement(row.index, count: columns.count)
        entryColumns += columns
        entryValues += values
        return row
    }

    /// Adds `lowerBound ≤ Σ coefficients[k] · variables[k] ≤ upperBound` without building an expression.
    @discardableResult
    public mutating func addConstraint(
        variables: [Variable], coefficients: [Double], lowerBound: Double = -.infinity,
        upperBound: Double = .infinity, name: String = ""
    ) -> Constraint {
        addConstraint(
            LinearConstraint(
                LinearExpression(variables: variables, coefficients: coefficients),
                lowerBound: lowerBound, upperBound: upperBound),
            name: name)
    }

    /// Replaces the objective with `expression` and the given sense.
    public mutating func setObjective(_ sense: ObjectiveSense, _ expression: LinearExpression) {
        objectiveSense = sense
        objectiveConstant = expression.constant
        objectiveCoefficients = Array(repeating: 0, count: variableCount)
        for (variable, coefficient) in zip(expression.variables, expression.coefficients) {
            objectiveCoefficients[variable.index] += coefficient
        }
    }

    public mutating func setObjectiveCoefficient(_ variable: Variable, _ value: Double) {
        objectiveCoefficients[variable.index] = value
    }

    public mutating func setBounds(_ variable: Variable, lower: Double, upper: Double) {
        columnLowerBounds[variable.index] = lower
        columnUpperBounds[variable.index] = upper
    }

    public mutating func setBounds(_ constraint: Constraint, lower: Double, upper: Double) {
        rowLowerBounds[constraint.index] = lower
        rowUpperBounds[constraint.index] = upper
    }

    public mutating func setKind(_ variable: Variable, _ kind: VariableKind) {
        columnKinds[variable.index] = kind
    }

    /// Sums the values of repeated indices and drops zeros, so that no (row, column) pair is ever
    /// stored twice (GLPK aborts on duplicates). Keeps first-appearance order.
    private static func merged(indices: [Int], values: [Double]) -> (indices: [Int], values: [Double]) {
        var mergedIndices: [Int] = []
        var mergedValues: [Double] = []
        mergedIndices.reserveCapacity(indices.count)
        mergedValues.reserveCapacity(indices.count)
        // Rows built column by column list their columns in increasing order: nothing to merge.
        if indices.indices.dropFirst().allSatisfy({ indices[$0 - 1] < indices[$0] }) {
            for position in indices.indices where values[position] != 0 {
                mergedIndices.append(indices[position])
                mergedValues.append(values[position])
            }
        } else if indices.count <= 16 {
            for position in indices.indices {
                let index = indices[position]
                if indices[..<position].contains(index) { continue }
                var value = values[position]
                for later in (position + 1)..<indices.count where indices[later] == index {
                    value += values[later]
                }
                if value != 0 {
                    mergedIndices.append(index)
                    mergedValues.append(value)
                }
            }
        } else {
            var slot: [Int: Int] = [:]
            for (index, value) in zip(indices, values) {
                if let existing = slot[index] {
                    mergedValues[existing] += value
                } else {
                    slot[index] = mergedIndices.count
                    mergedIndices.append(index)
                    mergedValues.append(value)
                }
            }
            let kept = mergedValues.indices.filter { mergedValues[$0] != 0 }
            if kept.count < mergedValues.count {
                return (kept.map { mergedIndices[$0] }, kept.map { mergedValues[$0] })
            }
        }
        return (mergedIndices, mergedValues)
    }

    /// Internal constructor used when a model is read back from GLPK.
    init(
        name: String, objectiveSense: ObjectiveSense, objectiveConstant: Double,
        columns: (lower: [Double], upper: [Double], kinds: [VariableKind], objective: [Double], names: [String]),
        rows: (lower: [Double], upper: [Double], names: [String]),
        entries: (rows: [Int], columns: [Int], values: [Double])
    ) {
        self.name = name
        self.objectiveSense = objectiveSense
        self.objectiveConstant = objectiveConstant
        (columnLowerBounds, columnUpperBounds, columnKinds, objectiveCoefficients, columnNames) = columns
        (rowLowerBounds, rowUpperBounds, rowNames) = rows
        (entryRows, entryColumns, entryValues) = entries
    }
}
