/// A number of placements read from a solver's column value: rounded to the nearest whole number,
/// and 0 for a value that is not a finite number of placements (GLPK never returns one on these
/// models, but a conversion that could trap has no place on a path from input).
func wholePlacements(_ value: Double) -> Int {
    guard value.isFinite else { return 0 }
    return Int(max(0, min(value.rounded(), Double(Int32.max))))
}
