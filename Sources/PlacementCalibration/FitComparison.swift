import PlacementScenarios

/// Modelled against published figures for every authority of a scope and for England, marked
/// fitted (published, and a constraint of that authority in the same year's calibration) or checked
/// (out of sample, or no constraint), with persistence (the calibration year's published figure) as the simple rival.
public struct FitComparison: Sendable {
    public struct Value: Sendable, Equatable {
        public var modelled: Double?
        public var published: Double?
        public var fitted: Bool
        /// The calibration year's published figure, when the comparison is of another year.
        public var persistence: Double?
        /// A backtest's second rival: the straight line through the published figures from the
        /// calibration year to the year before (``StraightLineTrend``); `nil` elsewhere.
        public var trend: Double? = nil
    }

    public struct Row: Sendable {
        public var authority: Authority
        public var values: [FitMeasure: Value]
    }

    public var calibratedOn: Int
    public var predicted: Int
    public var rows: [Row]
    public var england: [FitMeasure: Value]
    /// Authorities DfE publishes no figures for in the compared year (Cumbria's successors before
    /// 2024, North and West Northamptonshire in 2021), and the children England's published figures
    /// count beyond the authorities' (England's total less theirs): the model holds none of them, so
    /// England's figures are not like for like, and never fitted, when they are more than DfE's rounding.
    public var unpublishedAuthorities: [Authority] = []
    public var englandChildrenBeyondAuthorities = 0
    /// Whether England's published children are its authorities' (within ``englandRoundingShare``).
    public var englandIsLikeForLike = true

    /// England's published total may exceed its authorities' by DfE's rounding (to the nearest 10)
    /// and a few suppressed authorities: up to 0.5% is the same children.
    public static let englandRoundingShare = 0.005

    /// Compares `allocation` (of year `published.year`) for the authorities in `scope` (all when `nil`).
    public init(
        allocation: AsIsAllocation, calibratedOn: Int, published: AsIsYear, calibrationYear: AsIsYear?,
        scope: Set<AuthorityCode>? = nil
    ) {
        self.calibratedOn = calibratedOn
        predicted = published.year
        let inSample = calibratedOn == published.year
        let measures = allocation.measures
        // Fitted: a constraint of this allocation's own calibration, and published.
        let constrained = inSample ? allocation.constrained : nil
        func value(
            _ measure: FitMeasure, _ modelled: AsIsMeasures, _ figures: PublishedPlacementFigures?,
            _ before: PublishedPlacementFigures?, fitted: Bool
        )
            -> Value
        {
            let published = figures.flatMap(measure.published)
            return Value(
                modelled: measure.modelled(modelled), published: published, fitted: fitted && published != nil,
                persistence: inSample ? nil : before.flatMap(measure.published))
        }
        rows = allocation.authorities.enumerated().compactMap { index, authority in
            guard scope?.contains(authority.id) ?? true else { return nil }
            var values: [FitMeasure: Value] = [:]
            for measure in FitMeasure.allCases {
                values[measure] = value(
                    measure, measures[index], published.figures[index], calibrationYear?.figures[index],
                    fitted: constrained?[index].contains(measure) ?? false)
            }
            return Row(authority: authority, values: values)
        }
        var total = AsIsMeasures.total(measures)
        if let share = Self.over20MilesShareOnKnownDistances(measures, published: published.figures) {
            total.over20Miles = share * total.children
        }
        unpublishedAuthorities = allocation.authorities.indices.filter { published.figures[$0].total == nil }
            .map { allocation.authorities[$0] }
        if let national = published.england?.total {
            englandChildrenBeyondAuthorities = max(0, national - published.figures.compactMap(\.total).reduce(0, +))
        }
        englandIsLikeForLike =
            Double(englandChildrenBeyondAuthorities)
            <= Self.englandRoundingShare * Double(published.england?.total ?? 0)
        let likeForLike = englandIsLikeForLike
        // England's figure is fitted when every authority's is a constraint (the sum of what was met)
        // and England's published children are the authorities'.
        england = Dictionary(
            uniqueKeysWithValues: FitMeasure.allCases.map { measure in
                let everyAuthority =
                    likeForLike
                    && constrained.map { sets in
                        sets.indices.allSatisfy { index in
                            measure.published(published.figures[index]) == nil || sets[index].contains(measure)
                        }
                    } ?? false
                return (
                    measure, value(measure, total, published.england, calibrationYear?.england, fitted: everyAuthority)
                )
            })
    }

    /// England's modelled share over 20 miles on DfE's denominator: DfE divides England's children
    /// over 20 miles by those with a known distance, of whom authorities with many unaccompanied
    /// children (no distance recorded) have fewer, so the authorities' modelled shares are weighted by
    /// their published children with a known distance (where suppressed, by their modelled children ×
    /// the known share of the others). Summing every modelled child would weight those authorities
    /// more than the published figure does. `nil` when no authority's distances are published.
    package static func over20MilesShareOnKnownDistances(
        _ measures: [AsIsMeasures], published: [PublishedPlacementFigures]
    ) -> Double? {
        var knownChildren = 0.0
        var childrenOfKnown = 0.0
        for (modelled, figures) in zip(measures, published) {
            guard let within = figures.within20Miles, let over = figures.over20Miles else { continue }
            knownChildren += Double(within + over)
            childrenOfKnown += modelled.children
        }
        guard knownChildren > 0, childrenOfKnown > 0 else { return nil }
        let knownShare = knownChildren / childrenOfKnown
        var weighted = 0.0
        var weights = 0.0
        for (modelled, figures) in zip(measures, published) {
            guard let share = modelled.over20MilesShare else { continue }
            let weight =
                figures.within20Miles.flatMap { within in figures.over20Miles.map { Double(within + $0) } }
                ?? modelled.children * knownShare
            weighted += share * weight
            weights += weight
        }
        return weights > 0 ? weighted / weights : nil
    }

    /// Error statistics of one measure over the authorities with both figures.
    public struct Summary: Sendable, Equatable {
        public var authorities: Int
        /// In points for shares, children for the count.
        public var meanAbsoluteError: Double?
        public var bias: Double?
        public var correlation: Double?
        /// Persistence's correlation (the calibration year's published figure), when known.
        public var persistenceCorrelation: Double?
        /// The model's and persistence's mean absolute errors over the authorities with both and the
        /// published figure, so that the two are judged on the same authorities (the model's own
        /// figure counts authorities persistence cannot forecast, where the calibration year's
        /// figure is suppressed).
        public var common: CommonErrors?
    }

    /// Mean absolute errors, and correlations, over the same authorities.
    public struct CommonErrors: Sendable, Equatable {
        public var authorities: Int
        public var model: Double
        public var persistence: Double
        public var modelCorrelation: Double?
        public var persistenceCorrelation: Double?
    }

    public func summary(_ measure: FitMeasure) -> Summary {
        let scale = measure.isShare ? 100.0 : 1
        let pairs = rows.compactMap { row -> (Double, Double)? in
            guard let value = row.values[measure], let m = value.modelled, let p = value.published else { return nil }
            return (m * scale, p * scale)
        }
        let persistencePairs = rows.compactMap { row -> (Double, Double)? in
            guard let value = row.values[measure], let m = value.persistence, let p = value.published else {
                return nil
            }
            return (m * scale, p * scale)
        }
        return Summary(
            authorities: pairs.count, meanAbsoluteError: Self.meanAbsoluteError(pairs), bias: Self.bias(pairs),
            correlation: Self.correlation(pairs),
            persistenceCorrelation: Self.correlation(persistencePairs), common: commonErrors(measure, scale: scale))
    }

    private func commonErrors(_ measure: FitMeasure, scale: Double) -> CommonErrors? {
        var model: [(Double, Double)] = []
        var persistence: [(Double, Double)] = []
        for row in rows {
            guard let value = row.values[measure], let m = value.modelled, let p = value.published,
                let before = value.persistence
            else { continue }
            model.append((m * scale, p * scale))
            persistence.append((before * scale, p * scale))
        }
        guard let modelError = Self.meanAbsoluteError(model),
            let persistenceError = Self.meanAbsoluteError(persistence)
        else { return nil }
        return CommonErrors(
            authorities: model.count, model: modelError, persistence: persistenceError,
            modelCorrelation: Self.correlation(model), persistenceCorrelation: Self.correlation(persistence))
    }

    static func meanAbsoluteError(_ pairs: [(Double, Double)]) -> Double? {
        pairs.isEmpty ? nil : pairs.reduce(0) { $0 + abs($1.0 - $1.1) } / Double(pairs.count)
    }

    static func bias(_ pairs: [(Double, Double)]) -> Double? {
        pairs.isEmpty ? nil : pairs.reduce(0) { $0 + ($1.0 - $1.1) } / Double(pairs.count)
    }

    /// Pearson's correlation; `nil` with fewer than three pairs or no spread.
    static func correlation(_ pairs: [(Double, Double)]) -> Double? {
        guard pairs.count >= 3 else { return nil }
        let n = Double(pairs.count)
        let meanX = pairs.reduce(0) { $0 + $1.0 } / n
        let meanY = pairs.reduce(0) { $0 + $1.1 } / n
        var xy = 0.0
        var xx = 0.0
        var yy = 0.0
        for (x, y) in pairs {
            xy += (x - meanX) * (y - meanY)
            xx += (x - meanX) * (x - meanX)
            yy += (y - meanY) * (y - meanY)
        }
        guard xx > 0, yy > 0 else { return nil }
        return xy / (xx * yy).squareRoot()
    }
}
