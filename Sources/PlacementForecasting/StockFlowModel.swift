/// Children looked after by age band, year on year: each band keeps its children less those who
/// leave care and those who grow into the next band, gains those growing in from the band below,
/// and gains the children starting to be looked after at that age.
///
/// `stock(b, t+1) = stock(b, t) × (1 − ageing(b) − exit(b)) + stock(b−1, t) × ageing(b−1) + entry(b) × children`
///
/// - `entry(b)`: children starting at ages of band b per child aged 0–17, averaged over the fitted
///   years, shrunk towards the region's rate by `entryPriorChildren`.
/// - `exit(b)`: the net exit rate that makes the identity above hold in each fitted year (so it
///   absorbs children who start and leave within the year and the band edges of DfE's ages on
///   starting and leaving), averaged over the fitted transitions weighted by stock, shrunk towards the
///   region's by `exitPriorChildren`.
/// - `ageing(b)`: one over the band's width in years (see `AgeGroup.ageingShare`).
/// - Where a band's net exits exceed the children it keeps (`exit(b) > 1 − ageing(b)`: Kent's 16+,
///   where some 2,100 older children start a year against a stock of 800, most leaving within it),
///   the identity's coefficient on the band's own stock is negative and a projection swings from
///   year to year, wider each time (Kent 1,717, 1,897, 1,694, 1,917, 1,669). There the exits are
///   counted against the year's whole pool instead, the children kept, aged in and starting:
///   `stock(b, t+1) = (stock(b, t) × (1 − ageing(b)) + aged in + entry(b) × children) × (1 − pool exit(b))`,
///   which holds in each fitted year as the identity does and cannot swing. Everywhere, it
///   forecast worse (total MAPE 5.69% and 8.02% against 5.48% and 7.63% in the 2023 backtest).
struct StockFlowModel {
    struct Rates: Equatable {
        var entry: [Double]
        var exit: [Double]
        /// Per band, the share of the year's pool that leaves, where the band's exits exceed what it
        /// keeps; `nil` elsewhere.
        var poolExit: [Double?]
    }

    /// Per authority (in history order), the rates fitted on `firstYear...origin`.
    static func fit(_ history: ForecastHistory, origin: Int, settings: ForecastSettings) -> [Rates] {
        let bands = AgeGroup.allCases.count
        struct Sums {
            var exitNumerator: [Double]
            var exitStock: [Double]
            var exitPool: [Double]
            var starts: [Double]
            var childYears = 0.0

            init(bands: Int) {
                exitNumerator = Array(repeating: 0, count: bands)
                exitStock = exitNumerator
                exitPool = exitNumerator
                starts = exitNumerator
            }
        }
        func sums(_ authority: AuthorityHistory) -> Sums {
            var result = Sums(bands: bands)
            for year in history.firstYear...origin {
                guard let starts = authority.years[year]?.startsByAge else { continue }
                for band in 0..<bands { result.starts[band] += starts[band] }
                result.childYears += authority.childPopulation
                guard let before = authority.years[year - 1]?.stockByAge,
                    let after = authority.years[year]?.stockByAge
                else { continue }
                for band in 0..<bands {
                    let agedIn = band > 0 ? before[band - 1] * AgeGroup.allCases[band - 1].ageingShare : 0
                    let kept = before[band] * (1 - AgeGroup.allCases[band].ageingShare)
                    result.exitNumerator[band] += kept + agedIn + starts[band] - after[band]
                    result.exitStock[band] += before[band]
                    result.exitPool[band] += kept + agedIn + starts[band]
                }
            }
            return result
        }
        let own = history.authorities.map(sums)
        var regional: [String: Sums] = [:]
        for (authority, sum) in zip(history.authorities, own) {
            var total = regional[authority.region] ?? Sums(bands: bands)
            for band in 0..<bands {
                total.exitNumerator[band] += sum.exitNumerator[band]
                total.exitStock[band] += sum.exitStock[band]
                total.exitPool[band] += sum.exitPool[band]
                total.starts[band] += sum.starts[band]
            }
            total.childYears += sum.childYears
            regional[authority.region] = total
        }
        return zip(history.authorities, own).map { authority, sum in
            let region = regional[authority.region] ?? sum
            // The authority's own rate, count ÷ base, shrunk towards the region's by `prior` children.
            func shrunk(
                _ count: Double, _ base: Double, region regionCount: Double, _ regionBase: Double, prior: Double
            )
                -> Double
            {
                let regionRate = regionBase > 0 ? regionCount / regionBase : 0
                return (count + prior * regionRate) / (base + prior)
            }
            let prior = settings.entryPriorChildren
            let exitPrior = settings.exitPriorChildren
            let entry = (0..<bands).map { band in
                shrunk(sum.starts[band], sum.childYears, region: region.starts[band], region.childYears, prior: prior)
            }
            let exit = (0..<bands).map { band in
                shrunk(
                    sum.exitNumerator[band], sum.exitStock[band], region: region.exitNumerator[band],
                    region.exitStock[band], prior: exitPrior)
            }
            let poolExit = (0..<bands).map { band -> Double? in
                let ageing = AgeGroup.allCases[band].ageingShare
                // A band that empties each year by ageing (under one) keeps nothing by construction.
                guard ageing < 1, exit[band] > 1 - ageing else { return nil }
                let rate = shrunk(
                    sum.exitNumerator[band], sum.exitPool[band], region: region.exitNumerator[band],
                    region.exitPool[band], prior: exitPrior)
                return min(1, max(0, rate))
            }
            return Rates(entry: entry, exit: exit, poolExit: poolExit)
        }
    }

    /// The total children after each of `steps` years, from `stock` by age band.
    static func project(stock: [Double], rates: Rates, children: Double, steps: Int) -> [Double] {
        var current = stock
        var totals: [Double] = []
        for _ in 0..<steps {
            var next = current
            for (band, group) in AgeGroup.allCases.enumerated() {
                let agedIn = band > 0 ? current[band - 1] * AgeGroup.allCases[band - 1].ageingShare : 0
                let arriving = agedIn + rates.entry[band] * children
                if let poolExit = rates.poolExit[band] {
                    next[band] = max(0, (current[band] * (1 - group.ageingShare) + arriving) * (1 - poolExit))
                } else {
                    next[band] = max(0, current[band] * (1 - group.ageingShare - rates.exit[band]) + arriving)
                }
            }
            current = next
            totals.append(current.reduce(0, +))
        }
        return totals
    }
}
