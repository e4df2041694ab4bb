import PlacementOptimisation
import PlacementScenarios
import PlacementSimulation

/// Children placed from their home authority into another, aggregated for maps and tables.
struct PlacementFlows {
    var flows: [FlowMap.Flow]
    /// Children placed inside their home authority, by authority.
    var childrenInArea: [AuthorityCode: Int]
    /// Flows left off the map because it draws only the largest.
    var flowsLeftOff = 0
    var childrenLeftOff = 0
    /// Children placed beyond a regional scenario's boundary (today's market): the places stand for
    /// every authority outside it, so no line can be drawn to them.
    var childrenBeyondBoundary = 0

    /// The largest flows a map draws.
    static let limit = 300

    /// The flows of placed children whose home is in `homes` (every authority when `nil`), the
    /// ``limit`` largest kept, ties broken by codes so the map is the same on every run.
    init(_ result: ModeResult, homes: Set<AuthorityCode>? = nil) {
        struct Key: Hashable {
            var from: AuthorityCode
            var to: AuthorityCode
            var inHouse: Bool
        }
        var children: [Key: Int] = [:]
        var inArea: [AuthorityCode: Int] = [:]
        for decision in result.decisions {
            guard let provider = decision.provider, homes?.contains(decision.homeAuthority) ?? true else { continue }
            if TodaysMarket.beyondBoundaryBand(of: provider.authority) != nil {
                childrenBeyondBoundary += decision.children
            } else if decision.isInArea {
                inArea[decision.homeAuthority, default: 0] += decision.children
            } else {
                let key = Key(
                    from: decision.homeAuthority, to: provider.authority, inHouse: provider.isLocalAuthorityRun)
                children[key, default: 0] += decision.children
            }
        }
        let all = children.map {
            FlowMap.Flow(from: $0.key.from, to: $0.key.to, children: $0.value, inHouse: $0.key.inHouse)
        }
        .sorted {
            ($0.children, $1.from, $1.to, $0.inHouse ? 1 : 0) > ($1.children, $0.from, $0.to, $1.inHouse ? 1 : 0)
        }
        flows = Array(all.prefix(Self.limit))
        childrenInArea = inArea
        flowsLeftOff = all.count - flows.count
        childrenLeftOff = all.dropFirst(Self.limit).reduce(0) { $0 + $1.children }
    }

    /// The caption's note of the children placed beyond the boundary, empty where there are none.
    var beyondBoundaryNote: String {
        guard childrenBeyondBoundary > 0 else { return "" }
        return "; \(NumberText.counted(childrenBeyondBoundary, "child", "children")) placed beyond the region's "
            + "boundary \(childrenBeyondBoundary == 1 ? "has" : "have") no line (places outside the scenario's "
            + "authorities, with no one location)"
    }
}
