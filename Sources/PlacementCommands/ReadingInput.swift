import PlacementScenarios

/// The value `read` returns, or, when the input is bad, its problems (file, line, field) on stderr
/// and exit code 1.
func readingInput<Value>(_ read: () throws(ScenarioError) -> Value) throws -> Value {
    do {
        return try read()
    } catch {
        printToStandardError(error.description)
        throw invalidInputExitCode
    }
}
