/// The fitted parameters of the as-is model: multiplicative factors on the prior, one per published
/// marginal the calibration met. A prediction keeps them and refits only demand and capacity.
public struct AsIsParameters: Sendable, Equatable {
    /// Per home authority: inside, outside (1 where the joint table is fitted instead).
    public var locality: [[Double]]
    /// Per home authority: within 20 miles, over 20 miles (1 where the joint table is fitted instead).
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

    /// The own-area affinity of each home authority: the factor on placements inside its boundary
    /// over the factor outside, within 20 miles (the joint table's factors included; over 20 miles
    /// the ratio differs by the two over-20-miles factors).
    public var ownAreaAffinity: [Double] {
        zip(locality, localityDistance).map { locality, joint in
            let outside = locality[1] * joint[2]
            return outside > 0 ? locality[0] * joint[0] / outside : .infinity
        }
    }
}
