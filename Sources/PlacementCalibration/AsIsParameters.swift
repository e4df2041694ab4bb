import Foundation

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
    /// Per home authority: the other authorities its location factors count as its own area (a
    /// council created since the calibration year: its county's other successors; see
    /// ``fillWithTypical(_:insideCanBeFar:predecessorArea:)``). Empty for every other home.
    public var predecessorArea: [[Int]]

    init(authorities n: Int) {
        locality = Array(repeating: [1, 1], count: n)
        distance = Array(repeating: [1, 1], count: n)
        localityDistance = Array(repeating: [1, 1, 1, 1], count: n)
        providers = Array(repeating: Array(repeating: 1, count: ProviderGroup.allCases.count), count: n)
        destination = Array(repeating: 1, count: n + 1)
        predecessorArea = Array(repeating: [], count: n)
    }

    /// Gives each authority the calibration year published nothing of where its children are placed
    /// (no children then: a council created since, as North and West Northamptonshire after 2021 and
    /// Cumberland and Westmorland and Furness after 2023; or every such figure suppressed) the
    /// typical fitted pattern of where children are placed, in place of the prior's neutral factors.
    /// The prior alone has no own-area affinity: it placed those councils' children 64–90% outside
    /// their boundary. Who provides stays the prior's, which was nearer the published shares.
    ///
    /// A home's four location cells (inside or outside, within or over 20 miles) carry the product of
    /// its locality, distance and joint factors, whose scale is arbitrary: the typical pattern is each
    /// cell's ratio to outside-within-20-miles, as a geometric mean over the homes where the published
    /// figures identify it (a locality for inside; a distance too for over 20 miles; inside and over
    /// only where the area is that large), leaving out a home where either cell holds only a trace
    /// (a published zero).
    ///
    /// A council that succeeds a county (`predecessorArea`: the county's other successors) takes the
    /// typical pattern over the county's whole area: its children were placed by the county, for which
    /// its sibling's area was its own, so the typical council's inside factors apply there too, and
    /// only placements inside its own boundary count as inside it. With its own boundary alone the
    /// typical pattern placed Northamptonshire's and Cumbria's successors 66–79% inside against
    /// 47–59% published.
    mutating func fillWithTypical(
        _ targets: FittingTargets, insideCanBeFar: (Int) -> Bool, predecessorArea: (Int) -> [Int]
    ) {
        let authorities = locality.indices
        let unfitted = authorities.filter {
            targets.locality[$0] == nil && targets.distance[$0] == nil && targets.localityDistance[$0] == nil
        }
        guard !unfitted.isEmpty else { return }
        func cell(_ home: Int, inside: Bool, far: Bool) -> Double {
            locality[home][inside ? 0 : 1] * distance[home][far ? 1 : 0]
                * localityDistance[home][(inside ? 0 : 2) + (far ? 1 : 0)]
        }
        func typicalRatio(inside: Bool, far: Bool, where identified: (Int) -> Bool) -> Double {
            let logs = authorities.filter(identified).compactMap { home -> Double? in
                let reference = cell(home, inside: false, far: false)
                let value = cell(home, inside: inside, far: far)
                guard reference > Self.trace, value > Self.trace, reference.isFinite, value.isFinite else { return nil }
                return Foundation.log(value / reference)
            }
            return logs.isEmpty ? 1 : Foundation.exp(logs.reduce(0, +) / Double(logs.count))
        }
        let located: (Int) -> Bool = { targets.locality[$0] != nil || targets.localityDistance[$0] != nil }
        let banded: (Int) -> Bool = {
            located($0) && (targets.distance[$0] != nil || targets.localityDistance[$0] != nil)
        }
        let pattern = [
            typicalRatio(inside: true, far: false, where: located),
            typicalRatio(inside: true, far: true, where: { banded($0) && insideCanBeFar($0) }),
            1,
            typicalRatio(inside: false, far: true, where: banded),
        ]
        for a in unfitted {
            locality[a] = [1, 1]
            distance[a] = [1, 1]
            localityDistance[a] = pattern
            self.predecessorArea[a] = predecessorArea(a)
        }
    }

    /// A factor this small is a published zero's trace, not a pattern.
    private static let trace = 1e-6

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
