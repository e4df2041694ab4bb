/// The fitted parameters of the as-is model: multiplicative factors on the prior, one per published
/// marginal the calibration met. A prediction keeps them and refits only demand and capacity.
public struct AsIsParameters: Sendable, Equatable {
    /// Per home authority: inside, outside. `inside ÷ outside` is the authority's own-area affinity.
    public var locality: [[Double]]
    /// Per home authority: within 20 miles, over 20 miles.
    public var distance: [[Double]]
    /// Per home authority × provider group.
    public var providers: [[Double]]
    /// Per placement authority, then elsewhere: its draw on other councils' children.
    public var destination: [Double]

    init(authorities n: Int) {
        locality = Array(repeating: [1, 1], count: n)
        distance = Array(repeating: [1, 1], count: n)
        providers = Array(repeating: Array(repeating: 1, count: ProviderGroup.allCases.count), count: n)
        destination = Array(repeating: 1, count: n + 1)
    }

    /// The own-area affinity of each home authority: the factor on placements inside its boundary
    /// over the factor outside.
    public var ownAreaAffinity: [Double] { locality.map { $0[1] > 0 ? $0[0] / $0[1] : .infinity } }
}
