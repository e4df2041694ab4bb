/// Unaccompanied asylum-seeking children, forecast apart from the age-band model because their
/// arrivals follow the asylum route and the National Transfer Scheme, not the child population:
///
/// `uasc(t+1) = retained × uasc(t) + fromStarts × starts`
///
/// where `starts` is the authority's UASC starts in the last fitted year (carried forward), and
/// `retained` and `fromStarts` are fitted by least squares over every authority and fitted year
/// (most arrive at 16 or 17 and leave care at 18, so both are well below one).
struct UASCModel: Equatable {
    var retained: Double
    var fromStarts: Double

    static func fit(_ history: ForecastHistory, origin: Int) -> UASCModel {
        var (xx, xs, ss, xy, sy) = (0.0, 0.0, 0.0, 0.0, 0.0)
        for authority in history.authorities {
            guard history.firstYear < origin else { break }
            for year in (history.firstYear + 1)...origin {
                guard let before = authority.years[year - 1]?.uasc, let after = authority.years[year]?.uasc,
                    let starts = authority.years[year]?.uascStarts
                else { continue }
                xx += before * before
                xs += before * starts
                ss += starts * starts
                xy += before * after
                sy += starts * after
            }
        }
        let determinant = xx * ss - xs * xs
        guard determinant > 1e-9 else { return UASCModel(retained: 1, fromStarts: 0) }
        let retained = (xy * ss - sy * xs) / determinant
        let fromStarts = (sy * xx - xy * xs) / determinant
        return UASCModel(retained: min(max(retained, 0), 1), fromStarts: max(fromStarts, 0))
    }

    /// UASC after each of `steps` years.
    func project(_ authority: AuthorityHistory, origin: Int, steps: Int) -> [Double]? {
        guard let stock = authority.years[origin]?.uasc else { return nil }
        let starts = authority.years[origin]?.uascStarts ?? 0
        var current = stock
        return (0..<steps).map { _ in
            current = retained * current + fromStarts * starts
            return current
        }
    }
}
