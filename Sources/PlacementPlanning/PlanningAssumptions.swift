import Foundation
import PlacementScenarios

/// The figures behind the default candidate set and the annualisation of capital. Every one is data
/// with a source and a range (listed in the README's capacity-plan section).
public struct PlanningAssumptions: Sendable {
    /// £ of capital per new council-run children's home place.
    public var capitalPerHomePlace = Assumption(
        265_000, range: 200_000...400_000,
        source:
            "DfE, 10 July 2025: £53 million for 200 places in council-run children's homes (£265,000 a place); range assumed"
    )
    /// Places per new home.
    public var placesPerHome = Assumption(
        3, range: 2...4,
        source:
            "sufficiency.org.uk, 1 September 2024: 1,058 children in 347 council-run homes (about 3 a home); range assumed"
    )
    /// A new home's weekly running cost a place, as a multiple of its council's in-house price.
    public var newHomeRunningCostFactor = Assumption(
        1, range: 0.85...1.25,
        source:
            "NCERCC and Revolution Consulting, February 2020: council-run homes cost £3,110 a place a week full and "
            + "over £750 more than independent homes at 85% occupancy, so a home's cost a place moves by about a fifth "
            + "with its size and occupancy; as assumed, a new home's place costs what its council's own places cost; range assumed"
    )
    /// £ to recruit, assess and train one foster household.
    public var fosterRecruitmentCost = Assumption(
        10_000, range: 5_000...25_000,
        source: "assumption: no national figure found; councils' advertising alone runs to a few thousand pounds a year"
    )
    /// Children per new foster household.
    public var childrenPerFosterHousehold = Assumption(1, range: 1...2, source: "assumption")
    /// New foster households a council can recruit through a plan, per child of its in foster care
    /// (households, whatever the children per household).
    public var fosterRecruitmentPerChild = Assumption(
        0.07, range: 0.035...0.15,
        source:
            "Ofsted, Fostering in England 2023 to 2024: 4,055 fostering households approved in England in the year, "
            + "kinship carers among them (4,820 left); DfE, 31 March 2024: 55,960 children in foster placements "
            + "(0.072 approvals a child). At 0.07 a child in (non-kinship) foster care the councils' caps add to "
            + "about 3,200 households, some four-fifths of a year's approvals again; range half that to about twice"
    )
    /// Real discount rate for annualising capital.
    public var discountRate = Assumption(
        0.035, range: 0.015...0.05, source: "HM Treasury Green Book discount rate (3.5%); range assumed")
    /// Years over which a home's capital is annualised.
    public var homeLifeYears = Assumption(25, range: 15...40, source: "assumption: a building's useful life")
    /// Years over which a foster household's recruitment cost is annualised.
    public var fosterTenureYears = Assumption(
        8, range: 3...15, source: "assumption: a carer's expected years fostering")
    /// Years until a new home opens.
    public var homeYearsToOpen = Assumption(
        2, range: 1...3, source: "assumption: purchase or build, registration with Ofsted")
    /// Discount of a block contract's weekly price below the market's price of the type.
    public var blockContractDiscount = Assumption(
        0.05, range: 0...0.15,
        source:
            "assumption, bounded by the CMA's children's social care market study (March 2022): the largest providers' "
            + "operating margins averaged 22.6% in children's homes, room for a lower price for guaranteed volume"
    )
    /// Years a block contract runs.
    public var blockContractTermYears = Assumption(
        3, range: 1...5, source: "assumption: a block contract or framework call-off of a few years")
    /// Places per block contract.
    public var blockContractPlaces = Assumption(
        3, range: 2...6, source: "assumption: a home's worth of places (about 3, as for new homes)")
    /// Years until a recruited household takes a child.
    public var fosterYearsToOpen = Assumption(0.5, range: 0.25...1, source: "assumption: assessment and panel")

    public init() {}

    /// Every assumption with a label, in the order reports list them; `keyPath` sets it.
    public var listed:
        [(label: String, keyPath: WritableKeyPath<PlanningAssumptions, Assumption>, assumption: Assumption)]
    {
        Self.labels.map { ($0.label, $0.keyPath, self[keyPath: $0.keyPath]) }
    }

    static var labels: [(label: String, keyPath: WritableKeyPath<PlanningAssumptions, Assumption>)] {
        [
            ("capital per home place (£)", \.capitalPerHomePlace), ("places per home", \.placesPerHome),
            ("a new home's running cost, × its council's in-house price", \.newHomeRunningCostFactor),
            ("foster recruitment cost (£ a household)", \.fosterRecruitmentCost),
            ("children per foster household", \.childrenPerFosterHousehold),
            ("foster households recruited at most per child in foster care", \.fosterRecruitmentPerChild),
            ("discount rate", \.discountRate),
            ("life of a home (years)", \.homeLifeYears), ("a carer's tenure (years)", \.fosterTenureYears),
            ("block contract discount below market price", \.blockContractDiscount),
            ("block contract term (years)", \.blockContractTermYears),
            ("places per block contract", \.blockContractPlaces),
            ("years to open a home", \.homeYearsToOpen), ("years to recruit a household", \.fosterYearsToOpen),
        ]
    }
}

/// The weekly charge that repays a one-off cost over a life at a discount rate (an annuity), so that
/// capital and weekly prices share one objective.
public enum CapitalCharge {
    /// Weeks in a year, as the reports count them (annual cost = weekly × 52).
    public static let weeksPerYear = 52.0

    /// `cost × r / (1 − (1 + r)^−life) / 52`; straight-line when the rate is zero.
    public static func weekly(_ cost: Double, rate: Double, lifeYears: Double) -> Double {
        guard lifeYears > 0 else { return cost / weeksPerYear }
        let factor = rate == 0 ? 1 / lifeYears : rate / (1 - Foundation.pow(1 + rate, -lifeYears))
        return cost * factor / weeksPerYear
    }
}
