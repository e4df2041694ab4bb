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

    init(authorities n: Int) {
        locality = Array(repeating: [1, 1], count: n)
        distance = Array(repeating: [1, 1], count: n)
        localityDistance = Array(repeating: [1, 1, 1, 1], count: n)
        providers = Array(repeating: Array(repeating: 1, count: ProviderGroup.allCases.count), count: n)
        destination = Array(repeating: 1, count: n + 1)
    }

    /// Gives each authority the calibration year published nothing of where its children are placed
    /// (no children then: a council created since, as North and West Northamptonshire after 2021 and
    /// Cumberland and Westmorland and Furness after 2023; or every such figure suppressed) the
    /// typical fitted factors of where children are placed, each
    /// family's geometric mean over the authorities with a published locality, in place of the
    /// prior's neutral 1. The prior alone has no own-area affinity: it placed those councils'
    /// children 64–90% outside their boundary. Who provides stays the prior's, which was nearer the
    /// published shares than the typical factors.
    mutating func fillWithTypical(_ targets: FittingTargets) {
        let authorities = locality.indices
        let unfitted = authorities.filter {
            targets.locality[$0] == nil && targets.distance[$0] == nil && targets.localityDistance[$0] == nil
        }
        let located = authorities.filter { targets.locality[$0] != nil || targets.localityDistance[$0] != nil }
        guard !unfitted.isEmpty,
            let typicalLocality = Self.geometricMeans(located.map { locality[$0] }),
            let typicalDistance = Self.geometricMeans(located.map { distance[$0] }),
            let typicalJoint = Self.geometricMeans(located.map { localityDistance[$0] })
        else { return }
        for a in unfitted {
            locality[a] = typicalLocality
            distance[a] = typicalDistance
            localityDistance[a] = typicalJoint
        }
    }

    /// Component by component, the geometric mean of the positive finite values; nil without rows.
    private static func geometricMeans(_ rows: [[Double]]) -> [Double]? {
        guard let width = rows.first?.count else { return nil }
        return (0..<width).map { column in
            let logs = rows.compactMap { row in
                column < row.count && row[column] > 0 && row[column].isFinite ? Foundation.log(row[column]) : nil
            }
            return logs.isEmpty ? 1 : Foundation.exp(logs.reduce(0, +) / Double(logs.count))
        }
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
