import PlacementOptimisation
import PlacementScenarios

/// Where new places go and whose children fill them, drawn with the flow map: a circle for the
/// children placed in new places in their own authority, a line for those placed in another's.
public enum NewPlacesMap {
    /// `newProviders`: the providers a plan adds; `decisions`: the placements solved with them;
    /// `highlighted`: the authorities where places are built.
    public static func svg(
        title: String, id: String, authorities: [Authority], highlighted: Set<AuthorityCode>,
        newProviders: Set<ProviderID>, decisions: [PlacementDecision]
    ) -> String {
        var between: [FlowKey: Int] = [:]
        var inArea: [AuthorityCode: Int] = [:]
        for decision in decisions {
            guard let provider = decision.provider, newProviders.contains(provider.id) else { continue }
            if decision.isInArea {
                inArea[decision.homeAuthority, default: 0] += decision.children
            } else {
                let key = FlowKey(
                    from: decision.homeAuthority, to: provider.authority, inHouse: provider.isLocalAuthorityRun)
                between[key, default: 0] += decision.children
            }
        }
        let flows = between.map {
            FlowMap.Flow(from: $0.key.from, to: $0.key.to, children: $0.value, inHouse: $0.key.inHouse)
        }
        .sorted { ($0.children, $1.from, $1.to) > ($1.children, $0.from, $0.to) }
        return FlowMap(
            title: title, id: id, authorities: authorities, highlighted: highlighted, flows: Array(flows.prefix(300)),
            childrenInArea: inArea
        ).svg
    }

    private struct FlowKey: Hashable {
        var from: AuthorityCode
        var to: AuthorityCode
        var inHouse: Bool
    }
}
