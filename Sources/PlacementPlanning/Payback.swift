import PlacementScenarios

/// Years for a weekly spend saving to repay a one-off cost, or none: a saving under half a penny a
/// week is a solver's rounding, not money (it made paybacks of 10¹³ years), and a payback longer
/// than a plan file holds (``PlanFileReader/longestPaybackYears``) is never, so that every plan
/// `plan --out` writes reads back.
enum Payback {
    static let smallestSaving = 0.005

    static func years(capital: Double, weeklySaving: Double) -> Double? {
        guard weeklySaving >= smallestSaving else { return nil }
        let years = capital / (weeklySaving * CapitalCharge.weeksPerYear)
        return years <= PlanFileReader.longestPaybackYears ? years : nil
    }
}
