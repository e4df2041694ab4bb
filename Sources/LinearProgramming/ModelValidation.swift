extension Model {
    /// Checks everything GLPK would otherwise abort on, or silently misread: bounds, coefficients,
    /// indices and names. Throws ``LinearProgrammingError/invalidModel(_:)`` naming the first problem.
    public func validate() throws(LinearProgrammingError) {
        try Self.checkName(name, what: "model name")
        for (count, what) in [
            (constraintCount, "constraints"), (variableCount, "variables"), (nonzeroCount, "nonzeros"),
        ]
        where count > GLPKLimits.maximumCount {
            throw .invalidModel("\(count) \(what); GLPK accepts at most \(GLPKLimits.maximumCount)")
        }
        // Labels are built only for a problem found: building one per column cost more than the checks.
        // Unnamed models (the simulation's many batch solves) skip the name checks in one pass.
        let namedColumns = columnNames.contains { !$0.isEmpty }
        let namedRows = rowNames.contains { !$0.isEmpty }
        for column in 0..<variableCount {
            if namedColumns { try Self.checkName(columnNames[column], what: columnLabel(column)) }
            try Self.checkBounds(columnLowerBounds[column], columnUpperBounds[column], what: columnLabel(column))
            guard objectiveCoefficients[column].isFinite else {
                throw .invalidModel(
                    "\(columnLabel(column)): objective coefficient \(objectiveCoefficients[column]) is not finite")
            }
        }
        for row in 0..<constraintCount {
            if namedRows { try Self.checkName(rowNames[row], what: rowLabel(row)) }
            try Self.checkBounds(rowLowerBounds[row], rowUpperBounds[row], what: rowLabel(row))
        }
        guard objectiveConstant.isFinite else {
            throw .invalidModel("objective constant \(objectiveConstant) is not finite")
        }
        for entry in 0..<nonzeroCount {
            let row = entryRows[entry]
            let column = entryColumns[entry]
            guard (0..<constraintCount).contains(row) else {
                throw .invalidModel("a coefficient refers to constraint \(row), but the model has \(constraintCount)")
            }
            guard (0..<variableCount).contains(column) else {
                throw .invalidModel("\(rowLabel(row)) refers to variable \(column), but the model has \(variableCount)")
            }
            guard entryValues[entry].isFinite else {
                throw .invalidModel(
                    "\(rowLabel(row)), \(columnLabel(column)): coefficient \(entryValues[entry]) is not finite")
            }
        }
    }

    func columnLabel(_ column: Int) -> String {
        columnNames[column].isEmpty ? "variable \(column)" : "variable \(columnNames[column])"
    }

    func rowLabel(_ row: Int) -> String {
        rowNames[row].isEmpty ? "constraint \(row)" : "constraint \(rowNames[row])"
    }

    static func checkBounds(_ lower: Double, _ upper: Double, what: @autoclosure () -> String)
        throws(LinearProgrammingError)
    {
        if lower.isNaN || upper.isNaN || lower == .infinity || upper == -.infinity {
            throw .invalidModel("\(what()): bounds [\(lower), \(upper)] are not usable")
        }
        if lower > upper {
            throw .invalidModel("\(what()): lower bound \(lower) exceeds upper bound \(upper)")
        }
    }

    /// GLPK rejects names over 255 bytes or with control characters; free MPS also splits on spaces.
    private static func checkName(_ name: String, what: @autoclosure () -> String) throws(LinearProgrammingError) {
        guard !name.isEmpty else { return }
        guard name.utf8.count <= GLPKLimits.maximumNameBytes else {
            throw .invalidModel(
                "\(what()): name is \(name.utf8.count) bytes long; at most \(GLPKLimits.maximumNameBytes) are allowed")
        }
        // Printable ASCII is exactly the UTF-8 bytes 33–126 (any other scalar has a byte outside them).
        guard name.utf8.allSatisfy({ $0 > 32 && $0 < 127 }) else {
            throw .invalidModel("\(what()): a name must be printable ASCII without spaces")
        }
    }
}
