/// A decision variable (a column) of a ``Model``.
public struct Variable: Hashable, Sendable, Comparable {
    /// The column's position in its model, from 0.
    public let index: Int

    /// Wraps a column position; use the value ``Model/addVariable(name:lowerBound:upperBound:kind:objective:)`` returns.
    public init(index: Int) { self.index = index }

    public static func < (lhs: Variable, rhs: Variable) -> Bool { lhs.index < rhs.index }
}

/// A constraint (a row) of a ``Model``.
public struct Constraint: Hashable, Sendable {
    /// The row's position in its model, from 0.
    public let index: Int

    /// Wraps a row position; use the value ``Model/addConstraint(_:name:)`` returns.
    public init(index: Int) { self.index = index }
}

/// A linear expression: a sum of coefficient × variable terms plus a constant.
///
/// Terms may name the same variable more than once; ``Model`` merges them when the expression
/// becomes a constraint or objective.
public struct LinearExpression: Sendable, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    public var variables: [Variable]
    public var coefficients: [Double]
    public var constant: Double

    /// An expression from parallel arrays of variables and coefficients.
    public init(variables: [Variable] = [], coefficients: [Double] = [], constant: Double = 0) {
        precondition(variables.count == coefficients.count, "one coefficient per variable")
        self.variables = variables
        self.coefficients = coefficients
        self.constant = constant
    }

    public init(_ variable: Variable) { self.init(variables: [variable], coefficients: [1]) }

    public init(floatLiteral value: Double) { self.init(constant: value) }

    public init(integerLiteral value: Int) { self.init(constant: Double(value)) }

    /// The sum of the given variables, each with coefficient 1.
    public static func sum<S: Sequence>(_ variables: S) -> LinearExpression where S.Element == Variable {
        let variables = Array(variables)
        return LinearExpression(variables: variables, coefficients: Array(repeating: 1, count: variables.count))
    }

    /// Adds `coefficient × variable` in place.
    public mutating func add(_ coefficient: Double, _ variable: Variable) {
        variables.append(variable)
        coefficients.append(coefficient)
    }

    public static func + (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
        LinearExpression(
            variables: lhs.variables + rhs.variables,
            coefficients: lhs.coefficients + rhs.coefficients,
            constant: lhs.constant + rhs.constant)
    }

    public static func + (lhs: LinearExpression, rhs: Variable) -> LinearExpression { lhs + LinearExpression(rhs) }
    public static func + (lhs: Variable, rhs: LinearExpression) -> LinearExpression { LinearExpression(lhs) + rhs }
    public static func + (lhs: LinearExpression, rhs: Double) -> LinearExpression {
        var result = lhs
        result.constant += rhs
        return result
    }

    public static func += (lhs: inout LinearExpression, rhs: LinearExpression) { lhs = lhs + rhs }
    public static func += (lhs: inout LinearExpression, rhs: Variable) { lhs.add(1, rhs) }

    public static prefix func - (operand: LinearExpression) -> LinearExpression { -1 * operand }

    public static func - (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression { lhs + (-rhs) }
    public static func - (lhs: LinearExpression, rhs: Variable) -> LinearExpression { lhs + (-1 * rhs) }
    public static func - (lhs: LinearExpression, rhs: Double) -> LinearExpression { lhs + (-rhs) }

    public static func * (lhs: Double, rhs: LinearExpression) -> LinearExpression {
        LinearExpression(
            variables: rhs.variables, coefficients: rhs.coefficients.map { lhs * $0 }, constant: lhs * rhs.constant)
    }

    public static func <= (lhs: LinearExpression, rhs: LinearExpression) -> LinearConstraint {
        LinearConstraint(lhs - rhs, lowerBound: -.infinity, upperBound: 0)
    }

    public static func >= (lhs: LinearExpression, rhs: LinearExpression) -> LinearConstraint {
        LinearConstraint(lhs - rhs, lowerBound: 0, upperBound: .infinity)
    }

    public static func == (lhs: LinearExpression, rhs: LinearExpression) -> LinearConstraint {
        LinearConstraint(lhs - rhs, lowerBound: 0, upperBound: 0)
    }
}

extension Variable {
    public static func * (lhs: Double, rhs: Variable) -> LinearExpression {
        LinearExpression(variables: [rhs], coefficients: [lhs])
    }

    public static func * (lhs: Variable, rhs: Double) -> LinearExpression { rhs * lhs }

    public static func + (lhs: Variable, rhs: Variable) -> LinearExpression {
        LinearExpression(lhs) + LinearExpression(rhs)
    }
    public static func - (lhs: Variable, rhs: Variable) -> LinearExpression { LinearExpression(lhs) - rhs }
    public static prefix func - (operand: Variable) -> LinearExpression { -1 * operand }

    public static func <= (lhs: Variable, rhs: Double) -> LinearConstraint {
        LinearExpression(lhs) <= LinearExpression(constant: rhs)
    }
    public static func >= (lhs: Variable, rhs: Double) -> LinearConstraint {
        LinearExpression(lhs) >= LinearExpression(constant: rhs)
    }
}

/// A linear constraint `lowerBound ≤ expression ≤ upperBound` (either bound may be infinite).
///
/// The expression's constant is moved to the bounds when the constraint is added to a model.
public struct LinearConstraint: Sendable {
    public var expression: LinearExpression
    public var lowerBound: Double
    public var upperBound: Double

    public init(_ expression: LinearExpression, lowerBound: Double, upperBound: Double) {
        self.expression = expression
        self.lowerBound = lowerBound
        self.upperBound = upperBound
    }

    /// A ranged constraint: `range.lowerBound ≤ expression ≤ range.upperBound`.
    public init(_ expression: LinearExpression, in range: ClosedRange<Double>) {
        self.init(expression, lowerBound: range.lowerBound, upperBound: range.upperBound)
    }
}
