import PlacementOptimisation
import PlacementScenarios

/// The table of what one more in-house place is worth, shared by both reports.
enum PlaceValueTable {
    /// Values with a saving first, largest first; ties by authority and type so every run agrees.
    static func ranked(_ values: [InHousePlaceValue]) -> [InHousePlaceValue] {
        values.sorted {
            ($0.weeklySaving ?? -1, $1.authority, $1.placementType) > (
                $1.weeklySaving ?? -1, $0.authority, $0.placementType
            )
        }
    }

    static func table(_ values: [InHousePlaceValue], names: [AuthorityCode: String], id: String, caption: String)
        -> ReportTable
    {
        ReportTable(
            id: id, caption: caption,
            columns: [
                .init("Authority", key: "name", numeric: false), .init("Code", key: "code", numeric: false),
                .init("Placement type", key: "placement_type", numeric: false),
                .init("Effect", key: "effect", numeric: false), .init("Shadow price a week", key: "weekly_saving"),
                .init("Net of the unplaced penalty", key: "net_weekly_saving"),
                .init("Price assumed", key: "weekly_price"), .init("Price from", key: "price_source", numeric: false),
                .init("In-house places (at or above the Ofsted floor)", key: "existing_places"),
            ],
            rows: values.map { value in
                [
                    .text(names[value.authority] ?? value.authority.rawValue), .text(value.authority.rawValue),
                    .text(value.placementType.label), .text(effect(value)), .pounds(value.weeklySaving),
                    .pounds(value.netWeeklySaving), .pounds(value.weeklyPrice), .text(value.priceSource.description),
                    .count(value.existingPlaces),
                ]
            })
    }

    static func effect(_ value: InHousePlaceValue) -> String {
        guard let saving = value.weeklySaving else { return "no duals" }
        if value.placesUnplacedChild { return "places a child now unplaced" }
        if value.movesChildOffBelowFloor { return "moves a child off a provider below the Ofsted floor" }
        return saving > 0.005 ? "cheaper or nearer placements" : "none"
    }

    /// How the shadow price reads, for the paragraph above the table.
    static func explanation(mode: String, policy: Policy) -> String {
        "The shadow price is the weekly saving of one more in-house place, run by the authority in its own area, "
            + "from the duals of the \(mode) solve: the place takes the child it serves best, and the saving is what "
            + "that child's placement costs the model now less what it would cost there (price, distance, leaving "
            + "the area, less the preference for council provision). It holds for the first place; where the "
            + "optimum is degenerate, a whole place can save less, never more. When the place lets a child now "
            + "unplaced be placed, the price includes the \(NumberText.pounds(policy.unplacedPenalty)) a week the policy puts on an "
            + "unplaced child; the net column takes it off, leaving what placing that child costs (negative) or saves. "
            + "When it lets a child leave the provider their records name, below the Ofsted floor, it includes the "
            + "\(NumberText.pounds(policy.belowFloorSurcharge)) a week the policy puts on that stay, which the net column takes off too. "
            + "Where sibling groups make a type's model integer, its duals are those of the model with every group held "
            + "where the optimum places it: the place is priced for a single child (one place cannot take a group of "
            + "two or more), and a saving from moving a group is not counted, so there a whole place can also save "
            + "more. Kinship foster care is not priced: connected carers are a child's relatives, found for the "
            + "child, not places a council builds or buys."
    }
}

extension InHousePlaceValue.PriceSource: CustomStringConvertible {
    public var description: String {
        switch self {
        case .ownInHouse: "own in-house"
        case .inHouseMedian: "in-house median"
        case .marketMedian: "market median"
        }
    }
}

extension PlaceValueTable {
    /// The summary's sentence about the most valuable place. Where every place of its type in the
    /// solved market costs what the new one would, none of the saving is money, and it says so.
    static func sentence(_ value: InHousePlaceValue, names: [AuthorityCode: String], mode: String) -> String {
        let place =
            "One more in-house \(value.placementType.label.lowercased()) place in "
            + "\(names[value.authority] ?? value.authority.rawValue)"
        if value.placesUnplacedChild {
            return place + " would do most under \(mode) commissioning: directly or by freeing another place, it "
                + "lets a child now unplaced be placed (a child of any of the scenario's councils)"
                + (value.netWeeklySaving.map {
                    $0 < 0
                        ? ", at a cost of \(NumberText.pounds(-$0)) a week of price and distance as the policy weighs "
                            + "them (the place ranks first for the child it places, not for money)" : ""
                } ?? "") + "."
        }
        if value.movesChildOffBelowFloor {
            return place + " would do most under \(mode) commissioning: directly or by freeing another place, it "
                + "lets a child leave the provider their records name, rated below the Ofsted floor, where they stay "
                + "for want of a place."
        }
        // The shadow price is of the objective: the policy's distance, out-of-area and in-house terms
        // are in it beside the price, so it is not all money.
        let saving = NumberText.pounds(value.weeklySaving ?? 0)
        if value.pricedLikeEveryPlace {
            return place + " would save most under \(mode) commissioning: \(saving) a week as the policy weighs "
                + "distance (its cost per mile), placements out of area and councils' own places, none of it money: every "
                + "\(value.placementType.label.lowercased()) place in the scenario costs "
                + "\(NumberText.pounds(value.weeklyPrice)) a week, as the new one would."
        }
        return place + " would save most under \(mode) commissioning: "
            + "\(saving) a week of price and distance as the policy weighs them "
            + "(pounds paid are part of it: the policy adds a cost per mile, a charge for a placement out of area and a "
            + "preference for councils' own places)."
    }
}
