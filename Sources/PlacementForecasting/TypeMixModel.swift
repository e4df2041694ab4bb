import PlacementScenarios

/// Each authority's placement-type mix: its shares in the last fitted year, shrunk towards its
/// region's by `sharePriorChildren`, moved each year ahead by `shareTrendWeight` of England's
/// yearly relative change in that share over the fitted years, and rescaled to add up to one.
struct TypeMixModel {
    /// Per authority (in history order), per step ahead, the share of each forecast type.
    static func shares(
        _ history: ForecastHistory, origin: Int, steps: Int, settings: ForecastSettings
    ) -> [[[PlacementType: Double]]] {
        let types = ForecastCategories.types
        func national(_ year: Int) -> [PlacementType: Double] {
            var counts: [PlacementType: Double] = [:]
            var total = 0.0
            for authority in history.authorities {
                guard let figures = authority.years[year], let all = figures.total, !figures.byType.isEmpty else {
                    continue
                }
                total += all
                for type in types { counts[type, default: 0] += figures.byType[type] ?? 0 }
            }
            return counts.mapValues { total > 0 ? $0 / total : 0 }
        }
        let first = national(history.firstYear)
        let last = national(origin)
        let span = Double(max(1, origin - history.firstYear))
        var relativeSlope: [PlacementType: Double] = [:]
        for type in types {
            let end = last[type] ?? 0
            relativeSlope[type] = end > 0 && origin > history.firstYear ? ((end - (first[type] ?? 0)) / span) / end : 0
        }

        var regionCounts: [String: [PlacementType: Double]] = [:]
        var regionTotals: [String: Double] = [:]
        for authority in history.authorities {
            guard let figures = authority.years[origin], let all = figures.total, !figures.byType.isEmpty else {
                continue
            }
            regionTotals[authority.region, default: 0] += all
            for type in types {
                regionCounts[authority.region, default: [:]][type, default: 0] += figures.byType[type] ?? 0
            }
        }
        return history.authorities.map { authority in
            let regionTotal = regionTotals[authority.region] ?? 0
            let latest = Self.latest(authority, origin)
            let own = latest?.byType ?? [:]
            let ownTotal = latest?.total ?? 0
            var base: [PlacementType: Double] = [:]
            for type in types {
                let regionShare = regionTotal > 0 ? (regionCounts[authority.region]?[type] ?? 0) / regionTotal : 0
                let prior = settings.sharePriorChildren
                base[type] = (own[type] ?? 0) + prior * regionShare
                base[type] = (base[type] ?? 0) / (ownTotal + prior)
            }
            return (1...max(1, steps)).map { step in
                var shares: [PlacementType: Double] = [:]
                for type in types {
                    let change = 1 + settings.shareTrendWeight * Double(step) * (relativeSlope[type] ?? 0)
                    shares[type] = max(0, (base[type] ?? 0) * change)
                }
                // Added in type order: a dictionary's order differs between runs, and so would the last bits.
                let sum = types.reduce(0) { $0 + (shares[$1] ?? 0) }
                return sum > 0 ? shares.mapValues { $0 / sum } : shares
            }
        }
    }

    /// The authority's latest figures up to `origin` with a type split.
    static func latest(_ authority: AuthorityHistory, _ origin: Int) -> (
        total: Double, byType: [PlacementType: Double]
    )? {
        for year in stride(from: origin, through: authority.years.keys.min() ?? origin, by: -1) {
            if let figures = authority.years[year], let total = figures.total, !figures.byType.isEmpty {
                return (total, figures.byType)
            }
        }
        return nil
    }
}
