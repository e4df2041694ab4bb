/// The fitted parameters of the as-is model: multiplicative factors on the prior, one per published
/// marginal the calibration met. A prediction keeps them and refits only demand and capacity.
public struct AsIsParameters: Sendable, Equatable {
    /// Per home authority: inside, outside. `inside ÷ outside` is the authority's own-area affinity.
    public var locality: [[Double]]
    /// Per home authority: within 20 miles, over 20 miles.
    public var distance: [[Double]]
    /// Per home authority: inside within 20 miles, inside over, outside within, outside over (the joint
    /// table of distance and locality, where it is published).
    public var localityDistance: [[Double]]
    /// Per home authority × provider group.
    public var providers: [[Double]]
    /// Per placement authority, then elsewhere: its draw on other councils' children.
    public var destination: [Double]

    init(authorities n: Int) {
        locality = Array(repeating: [1, 1], count: n)
        distance = Array(repeating: [1, 1], count: n)
        localityDistance = Array(repeating: [1, 1, 1, 1], count: n)
        providers = Array(repeating: Array(repeating: 1, count: ProviderGroup.allCases.count), count: n)
        destination = Array(repeating: 1, count: n + 1)
    }

    /// Per home authority: the factor on placements over 20 miles over the factor within, inside its
    /// boundary and outside (nil where the within factor is none).
    public var over20MilesFactors: [(inside: Double?, outside: Double?)] {
        zip(distance, localityDistance).map { distance, joint in
            func ratio(_ far: Double, _ near: Double) -> Double? { near > 0 ? far / near : nil }
            return (
                ratio(distance[1] * joint[1], distance[0] * joint[0]),
                ratio(distance[1] * joint[3], distance[0] * joint[2])
            )
        }
    }

    /// The own-area affinity of each home authority: the factor on placements inside its boundary
    /// over the factor outside.
    public var ownAreaAffinity: [Double] { locality.map { $0[1] > 0 ? $0[0] / $0[1] : .infinity } }
}
