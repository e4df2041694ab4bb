import PlacementScenarios

/// DfE's SSDA903 return: the placement type codes (field PL) and placement provider codes (field
/// PLACE_PROVIDER) a council's case-management system exports, mapped to the product's vocabulary.
/// `docs/import-template.md` prints both tables.
public enum PlacementCodes {
    /// Each placement code, the product's placement type, and DfE's wording.
    public static let placementTypes: [(code: String, type: PlacementType, meaning: String)] = [
        ("A3", .placedForAdoption, "placed for adoption with consent, with a current foster carer"),
        ("A4", .placedForAdoption, "placed for adoption with a placement order, with a current foster carer"),
        ("A5", .placedForAdoption, "placed for adoption with consent, not with a current foster carer"),
        ("A6", .placedForAdoption, "placed for adoption with a placement order, not with a current foster carer"),
        (
            "H5", .supportedAccommodation,
            "semi-independent living accommodation not subject to children's homes regulations"
        ),
        ("K1", .secureChildrensHome, "secure children's home"),
        ("K2", .childrensHome, "children's home subject to Children's Homes Regulations"),
        ("P1", .placedWithParents, "placed with own parent(s) or other person(s) with parental responsibility"),
        ("P2", .other, "independent living, e.g. flat, lodgings, bedsit, B&B or with friends"),
        ("P3", .other, "residential employment"),
        ("R1", .other, "residential care home"),
        ("R2", .other, "NHS or health trust establishment providing medical or nursing care"),
        ("R3", .parentAndChild, "family centre or mother and baby unit"),
        ("R5", .other, "young offender institution"),
        ("S1", .residentialSchool, "residential school, except where dual-registered as a children's home"),
        ("U1", .kinship, "foster placement with relative or friend, long term"),
        ("U2", .kinship, "foster placement with relative or friend who is also an approved adopter (FFA)"),
        ("U3", .kinship, "foster placement with relative or friend, not long term or FFA"),
        ("U4", .foster, "foster placement with other foster carer, long term"),
        ("U5", .foster, "foster placement with other foster carer who is also an approved adopter (FFA)"),
        ("U6", .foster, "foster placement with other foster carer, not long term or FFA"),
        ("Z1", .other, "other placements"),
    ]

    /// The provider codes: the sector that runs the placement, and whether it is the council's own.
    public enum ProviderCode: String, CaseIterable, Sendable {
        case parents = "PR0"
        case ownAuthority = "PR1"
        case otherAuthority = "PR2"
        case otherPublic = "PR3"
        case `private` = "PR4"
        case voluntary = "PR5"

        public var meaning: String {
            switch self {
            case .parents: "parent(s) or other person(s) with parental responsibility"
            case .ownAuthority: "own local authority"
            case .otherAuthority: "other local authority"
            case .otherPublic: "other public provision (e.g. NHS)"
            case .private: "private provision"
            case .voluntary: "voluntary, not-for-profit or charity provision"
            }
        }

        /// The sector of a provider of this kind (parents count as the council's own arrangement).
        public var sector: Sector {
            switch self {
            case .parents, .ownAuthority, .otherAuthority: .localAuthority
            case .otherPublic: .otherPublic
            case .private: .private
            case .voluntary: .voluntary
            }
        }
    }

    /// The placement type of `text`: an SSDA903 code (any letter case) or the product's own name
    /// (`childrens_home`, `Children's home`).
    public static func placementType(_ text: String) -> PlacementType? {
        let upper = text.uppercased()
        if let entry = placementTypes.first(where: { $0.code == upper }) { return entry.type }
        return PlacementType(rawValue: CSVTable.Row.normalise(text))
    }

    /// Independent living (P2): with supported accommodation (H5), unlawful for a child under 16.
    static func isIndependentLiving(_ text: String) -> Bool { text.uppercased() == "P2" }

    /// Temporary moves (T0–T4) are not placements: the child's main placement is what counts.
    static func isTemporaryMove(_ text: String) -> Bool {
        let upper = text.uppercased()
        return upper.count == 2 && upper.hasPrefix("T")
    }
}
