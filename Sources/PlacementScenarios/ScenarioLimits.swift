/// The largest figures a scenario may hold, so that every total and objective stays exact and
/// finite: the readers refuse a file beyond them, and shocks may not stack past them.
public enum ScenarioLimits {
    /// Children in one scenario (England has about 84,000 looked after).
    public static let children = 10_000_000
    /// Pounds a week for one place.
    public static let weeklyPrice = 1_000_000.0
    /// The least a paid place may cost a week once shocks have cut its price (a penny): below it,
    /// stacked cuts have priced the market at nothing.
    public static let lowestPaidPrice = 0.01
    /// Builds in one plan file. A plan for England chooses among a few hundred candidates; the
    /// reports list every build in every simulated year, so a file far beyond this would exhaust
    /// memory in `simulate` rather than describe a plan.
    public static let plannedBuilds = 10_000
}
