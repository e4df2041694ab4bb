/// The sentences every report gives where children are left without a place: which authority's
/// children they are is the less sure part, and the weekly cost leaves them out.
enum ShortfallNotes {
    static let whoseChildren =
        "Where places run short, the total left without a place is the surer finding. Which authority's "
        + "children they are can depend, under the joint modes, on how the solver breaks a tie between places "
        + "that cost the same, and under council commissioning on the buying order; a scenario covering more of "
        + "the country can spread the shortfall differently."

    static let costOfPlaced =
        "Weekly cost counts placed children only: where children are left without a place, their placements' "
        + "price drops out of it, so a cost can fall as children lose their places; read it beside the unplaced "
        + "count."
}
