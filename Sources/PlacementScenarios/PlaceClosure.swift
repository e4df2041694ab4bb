/// A share of the places of a sector and placement type that closed (a shock's random exit), kept
/// with the scenario for the places it does not list: the market beyond a regional scenario's
/// boundary is the same national market, so the same share of it closes too.
public struct PlaceClosure: Sendable, Equatable {
    /// The sector whose places closed; `nil` for every sector.
    public var sector: Sector?
    /// The placement type whose places closed; `nil` for every type.
    public var placementType: PlacementType?
    /// The share of the matching places that closed, 0–1.
    public var share: Double

    public init(sector: Sector?, placementType: PlacementType?, share: Double) {
        self.sector = sector
        self.placementType = placementType
        self.share = share
    }

    /// The share of the places of `sector` and `type` left open after every closure in `closures`
    /// (each strikes what the ones before it left). A `nil` sector (a provider not reported) is
    /// struck only by closures of every sector.
    public static func openShare(of sector: Sector?, _ type: PlacementType, after closures: [PlaceClosure]) -> Double {
        closures.reduce(1.0) { open, closure in
            let matches =
                (closure.sector == nil || closure.sector == sector)
                && (closure.placementType == nil || closure.placementType == type)
            return matches ? open * (1 - closure.share) : open
        }
    }
}
