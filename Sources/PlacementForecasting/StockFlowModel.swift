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
struct StockFlowModel {
    struct Rates: Equatable {
        var entry: [Double]
        var exit: [Double]
    }

    /// Per authority (in history order), the rates fitted on `firstYear...origin`.
    static func fit(_ history: ForecastHistory, origin: Int, settings: ForecastSettings) -> [Rates] {
        let bands = AgeGroup.allCases.count
        struct Sums {
            var exitNumerator: [Double]
            var exitStock: [Double]
            var starts: [Double]
            var childYears: Double
        }
        func sums(_ authority: AuthorityHistory) -> Sums {
            var result = Sums(
                exitNumerator: Array(repeating: 0, count: bands), exitStock: Array(repeating: 0, count: bands),
                starts: Array(repeating: 0, count: bands), childYears: 0)
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
                }
            }
            return result
        }
        let own = history.authorities.map(sums)
        var regional: [String: Sums] = [:]
        for (authority, sum) in zip(history.authorities, own) {
            var total =
                regional[authority.region]
                ?? Sums(
                    exitNumerator: Array(repeating: 0, count: bands), exitStock: Array(repeating: 0, count: bands),
                    starts: Array(repeating: 0, count: bands), childYears: 0)
            for band in 0..<bands {
                total.exitNumerator[band] += sum.exitNumerator[band]
                total.exitStock[band] += sum.exitStock[band]
                total.starts[band] += sum.starts[band]
            }
            total.childYears += sum.childYears
            regional[authority.region] = total
        }
        return zip(history.authorities, own).map { authority, sum in
            let region = regional[authority.region] ?? sum
            let prior = settings.entryPriorChildren
            let exitPrior = settings.exitPriorChildren
            let entry = (0..<bands).map { band in
                let regionRate = region.childYears > 0 ? region.starts[band] / region.childYears : 0
                return (sum.starts[band] + prior * regionRate) / (sum.childYears + prior)
            }
            let exit = (0..<bands).map { band in
                let regionRate = region.exitStock[band] > 0 ? region.exitNumerator[band] / region.exitStock[band] : 0
                return (sum.exitNumerator[band] + exitPrior * regionRate) / (sum.exitStock[band] + exitPrior)
            }
            return Rates(entry: entry, exit: exit)
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
                next[band] = max(
                    0,
                    current[band] * (1 - group.ageingShare - rates.exit[band]) + agedIn + rates.entry[band] * children)
            }
            current = next
            totals.append(current.reduce(0, +))
        }
        return totals
    }
}
