import ArgumentParser
import PlacementScenarios

/// The numbers options take (`--budget`, `--time-limit`, `--gap`, `--radius`, `--scale`, each of
/// `--frontier`'s budgets), read as the scenario files read theirs (``DecimalNumber``): plain
/// decimal, so that `--budget 0x10` is a usage error naming the option, not a plan for £16, as
/// `0x10` in a file is an error. Swift's own parsing, which `Double` options use, also takes
/// hexadecimal (`0x1p-3`). The spellings of infinity and NaN pass, for the option's own range check
/// to refuse with the range it takes.
enum DecimalOption {
    static func parse(_ text: String) throws -> Double {
        if let value = DecimalNumber.parse(text) { return value }
        if let value = Double(text), !value.isFinite { return value }
        throw ValidationError("not a decimal number (digits, with an optional fraction and exponent: 60, 0.5, 1e6)")
    }
}
