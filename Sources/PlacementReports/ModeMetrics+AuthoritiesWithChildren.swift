import PlacementOptimisation
import PlacementScenarios

extension ModeMetrics {
    /// The per-authority figures a report shows: those of the authorities with children in
    /// `scenario`. Every figure is of children by home authority, and a council's imported scenario
    /// lists every authority whose places its children may use, whose rows would be zeros; the JSON
    /// keeps every authority.
    func authoritiesWithChildren(in scenario: Scenario) -> [Scoped] {
        let homes = scenario.homeAuthorities
        return authorities.filter { homes.contains(AuthorityCode(rawValue: $0.id)) }
    }
}
