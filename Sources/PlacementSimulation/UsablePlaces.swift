import PlacementCalibration
import PlacementScenarios

/// The places a simulated stock may use: registered places of residential settings × occupancy
/// (vacancy friction and homes between children), other offers' places as the scenario gives them.
enum UsablePlaces {
    static func of(_ scenario: Scenario, assumptions: CalibrationAssumptions) -> [PlaceSlot: Int] {
        var capacity = offered(scenario)
        // A plan's new places are empty when they open: whole, as the plan and later openings count them.
        for (slot, places) in capacity where !scenario.providers[slot.provider].isPlannedBuild {
            capacity[slot] = usable(places, of: slot.placementType, assumptions: assumptions)
        }
        return capacity
    }

    /// Every offer's places as the scenario gives them: for a scenario of today's market, whose
    /// places are already the usable ones free for its children.
    static func offered(_ scenario: Scenario) -> [PlaceSlot: Int] {
        var capacity: [PlaceSlot: Int] = [:]
        for (index, provider) in scenario.providers.enumerated() {
            for (type, offer) in provider.offers where offer.places > 0 {
                capacity[PlaceSlot(provider: index, placementType: type)] = offer.places
            }
        }
        return capacity
    }

    /// Usable places of `places` registered places of one type.
    static func usable(_ places: Int, of type: PlacementType, assumptions: CalibrationAssumptions) -> Int {
        PlacementGroup(type) == .homes ? Int((Double(places) * assumptions.occupancy.value).rounded()) : places
    }
}
