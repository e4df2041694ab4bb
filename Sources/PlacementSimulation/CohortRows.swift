/// Scales every cohort's cells to the cohort's children: the row step of the as-is fittings
/// (`DistanceSpread` and `TodaysPlacements`), whose cells are listed per cohort in `cellsOfCohort`.
func scaleRows(_ value: inout [Double], cellsOfCohort: [[Int]], counts: [Double]) {
    for (c, members) in cellsOfCohort.enumerated() where !members.isEmpty {
        let sum = members.reduce(0.0) { $0 + value[$1] }
        guard sum > 0 else { continue }
        let factor = counts[c] / sum
        for i in members { value[i] *= factor }
    }
}
