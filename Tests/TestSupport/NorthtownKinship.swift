import PlacementScenarios

extension Scenario {
    /// `tiny` (or another scenario of its authorities) with Northtown's connected carers (`K1`,
    /// `places` kinship places at £400 a week) and `children` of its kinship children (`CK`): the
    /// case of a council's own relatives caring for its children.
    public func withNorthtownKinship(places: Int, children: Int) -> Scenario {
        var scenario = self
        let northtown = AuthorityCode("T00000001")
        scenario.providers.append(
            Provider(
                id: ProviderID("K1"), name: "Northtown connected carers", sector: .localAuthority,
                operatingAuthority: northtown, owner: "Northtown Council", authority: northtown,
                offers: [.kinship: .init(places: places, weeklyPrice: 400)]))
        scenario.cohorts.append(
            Cohort(id: CohortID("CK"), homeAuthority: northtown, placementType: .kinship, count: children))
        return scenario
    }
}
