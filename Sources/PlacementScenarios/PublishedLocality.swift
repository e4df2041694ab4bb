/// DfE's locality of placement (children placed inside and outside the authority's boundary), its
/// distance from home and the joint table of the two, as every reader of DfE's file reads them. A suppressed side is the joint
/// table's cells of that side added up, those of unknown distance included (equal to the locality's
/// count in every authority-year where both are published, 2021–2025), else the rest of the
/// locality's total.
public enum PublishedLocality {
    public static let group = "Locality of placement"
    public static let inside = "Placed inside the local authority boundary"
    public static let outside = "Placed outside the local authority boundary"
    public static let distanceGroup = "Distance between home and placement"
    public static let within20Miles = "Placed 20 miles or less from home"
    public static let over20Miles = "Placed more than 20 miles from home"
    public static let jointGroup = "Distance between home and placement and locality of placement"
    /// The joint table's cells inside the boundary: within 20 miles, over 20 miles, distance unknown.
    public static let jointInside = [
        "1. Placed inside the LA boundary, 20 miles or less from home",
        "3. Placed inside the LA boundary, more than 20 miles from home",
        "5. Placed inside the LA boundary, distance not known or not recorded",
    ]
    /// The joint table's cells outside the boundary, in the same order.
    public static let jointOutside = [
        "2. Placed outside the LA boundary, 20 miles or less from home",
        "4. Placed outside the LA boundary, more than 20 miles from home",
        "6. Placed outside the LA boundary, distance not known or not recorded",
    ]

    /// Children placed inside and outside, from `count(group, characteristic)`: one published cell of
    /// the authority-year, nil where suppressed.
    public static func sides(_ count: (String, String) -> Int?) -> (inside: Int?, outside: Int?) {
        func joint(_ cells: [String]) -> Int? {
            let values = cells.map { count(jointGroup, $0) }
            return values.allSatisfy { $0 != nil } ? values.reduce(0) { $0 + ($1 ?? 0) } : nil
        }
        var inside = count(group, Self.inside) ?? joint(jointInside)
        var outside = count(group, Self.outside) ?? joint(jointOutside)
        if let total = count(group, "Total") {
            if inside == nil, let outside { inside = max(0, total - outside) }
            if outside == nil, let inside { outside = max(0, total - inside) }
        }
        return (inside, outside)
    }
}
