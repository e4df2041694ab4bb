/// Who may use which places, and whether councils buy from the market one after another or jointly.
public enum CommissioningMode: String, CaseIterable, Sendable, Codable, Comparable {
    /// Each council alone: its own in-house places plus the external market, councils buying in a
    /// seeded order, so that earlier councils take market places later ones would have wanted.
    case council
    /// The same access as `council`, solved as one joint optimum: what councils could do if they
    /// never competed.
    case councilCoordinated = "council-coordinated"
    /// Co-operative members pool their in-house places and buy from the market as one; councils in
    /// no co-operative behave as in `council-coordinated`.
    case regional
    /// One pool: every in-house place open to every child. A bound, not a proposal.
    case national

    public static func < (lhs: CommissioningMode, rhs: CommissioningMode) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
