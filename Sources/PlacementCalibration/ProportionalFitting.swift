import Foundation

/// Iterative proportional fitting of the as-is cells to the targets: each family of marginals in
/// turn scales its cells so their sums meet the targets, and the scale is kept as a parameter.
/// Residential capacity is an upper bound: cells are scaled down only where it binds (and back up,
/// never above the prior, when it no longer does). The result is the allocation of least relative
/// entropy to the prior that meets the marginals, when they are consistent.
struct ProportionalFitting {
    let layout: CellLayout
    var cells: [Double]
    var parameters: AsIsParameters
    /// Per placement authority × residential sector: usable places.
    let capacity: [[Double]]
    /// Per placement authority × residential sector: the current capacity factor (≤ 1).
    var capacityFactor: [[Double]]
    /// The largest gap between a met marginal and its target at the last sweep (children), and
    /// the largest excess over capacity.
    private(set) var largestGap = Double.infinity
    private(set) var largestExcess = 0.0
    private(set) var sweeps = 0

    /// Relative gap at which a marginal counts as met: 0.1%, a third of a child in an authority of 300.
    static let tolerance = 1e-3
    static let sweepLimit = 150
    /// Sweeps over which a gap that no longer falls means the marginals cannot all be met.
    static let stallWindow = 10
    /// The least relative fall of the largest gap over `stallWindow` sweeps that counts as progress.
    static let stallImprovement = 0.01
    /// What a zero target scales a sum to (children): small enough to be none, large enough to leave
    /// the cells a direction.
    static let zeroTarget = 1e-9

    init(layout: CellLayout, prior: [Double], parameters: AsIsParameters, capacity: [[Double]]) {
        self.layout = layout
        self.parameters = parameters
        self.capacity = capacity
        capacityFactor = capacity.map { $0.map { _ in 1 } }
        var cells = prior
        let n = layout.count
        let d = layout.destinations
        let combinations = layout.combinations
        for home in 0..<n {
            let locality = parameters.locality[home]
            let distance = parameters.distance[home]
            let joint = parameters.localityDistance[home]
            let ownArea = Set(parameters.predecessorArea[home] + [home])
            for (c, combination) in combinations.enumerated() {
                let provider = parameters.providers[home][combination.provider.rawValue]
                for destination in 0..<d {
                    // The destination factor draws other councils' children only (as the imports it fits).
                    let inOwnArea = ownArea.contains(destination)
                    let local =
                        inOwnArea
                        ? locality[0] * provider : locality[1] * provider * parameters.destination[destination]
                    let base = layout.index(home: home, combination: c, destination: destination, band: 0)
                    let side = inOwnArea ? 0 : 2
                    cells[base] *= local * distance[0] * joint[side]
                    cells[base + 1] *= local * distance[1] * joint[side + 1]
                }
            }
        }
        self.cells = cells
    }

    /// Sweeps until every marginal is met (or the sweep limit).
    mutating func fit(_ targets: FittingTargets, calibrating: Bool) {
        sweeps = 0
        var gapAtWindowStart = Double.infinity
        repeat {
            let homes = scaleHomes(targets, calibrating: calibrating)
            var gap = homes.gap
            var importRatio: [Double]?
            if calibrating {
                let imports = importRatios(targets.imports, continuing: homes.importSums)
                gap = max(gap, imports.gap)
                importRatio = imports.ratio
            }
            let capacity = capacityRatios(residentialSums(importRatio: importRatio))
            largestExcess = capacity.excess
            // The gap of the demand after capacity moved it.
            let homeGaps = scaleCells(
                importRatio: importRatio, capacityRatio: capacity.ratio, measuring: targets.demand)
            for homeGap in homeGaps { gap = max(gap, homeGap) }
            largestGap = gap
            sweeps += 1
            // Inconsistent published marginals (rare, a child or two) stop improving: stop there too.
            if sweeps % Self.stallWindow == 0 {
                if gap > gapAtWindowStart * (1 - Self.stallImprovement) { break }
                gapAtWindowStart = gap
            }
        } while largestGap > Self.tolerance && sweeps < Self.sweepLimit
    }

    /// The families fitted per home authority, in this order each sweep. Where `localityDistance` (the
    /// joint table) has targets it implies the two before it, which are fitted only for the other homes.
    enum HomeFamily: CaseIterable { case locality, distance, localityDistance, providers }

    /// What one home's scaling found: its largest gap and each family's ratios per class.
    private struct HomeStep {
        var gap = 0.0
        var ratios: [HomeFamily: [Double]] = [:]
    }

    /// Every home's demand and, when calibrating, its locality, distance and provider families. A
    /// home's steps touch only its own block of cells, so the homes are shared between the cores;
    /// each home's arithmetic is the same on any thread, so the result is too. When calibrating, the
    /// core with the first homes also starts the import sums with each of its homes while the home's
    /// cells are at hand (``importRatios(_:continuing:)`` adds the other homes, in order).
    private mutating func scaleHomes(_ targets: FittingTargets, calibrating: Bool) -> (
        gap: Double, importSums: ImportSums?
    ) {
        let layout = layout
        let homes = layout.count
        let d = layout.destinations
        var steps = [HomeStep](repeating: HomeStep(), count: homes)
        var importSums = [Double](repeating: 0, count: d)
        // How many homes the import sums hold.
        var summed = [0]
        cells.withUnsafeMutableBufferPointer { x in
            steps.withUnsafeMutableBufferPointer { out in
                importSums.withUnsafeMutableBufferPointer { sums in
                    summed.withUnsafeMutableBufferPointer { count in
                        let cellsBase = SharedBuffer(x)
                        let stepsBase = SharedBuffer(out)
                        let sumsBase = SharedBuffer(sums)
                        let countBase = SharedBuffer(count)
                        CoreChunks.forEach(homes) { range in
                            for home in range {
                                stepsBase.buffer[home] = Self.homeStep(
                                    cellsBase.buffer, layout, home, targets, calibrating: calibrating)
                                guard calibrating && range.lowerBound == 0 else { continue }
                                Self.addImports(of: home, cellsBase.buffer, layout, into: sumsBase.buffer, 0..<d)
                                countBase.buffer[0] = home + 1
                            }
                        }
                    }
                }
            }
        }
        let summedHomes = summed[0]
        var gap = 0.0
        for (home, step) in steps.enumerated() {
            gap = max(gap, step.gap)
            for family in HomeFamily.allCases {
                guard let ratios = step.ratios[family] else { continue }
                for (k, r) in ratios.enumerated() {
                    switch family {
                    case .locality: parameters.locality[home][k] *= r
                    case .distance: parameters.distance[home][k] *= r
                    case .localityDistance: parameters.localityDistance[home][k] *= r
                    case .providers: parameters.providers[home][k] *= r
                    }
                }
            }
        }
        return (gap, calibrating ? ImportSums(sums: importSums, homes: summedHomes) : nil)
    }

    /// One home's demand and, when calibrating, its families.
    private static func homeStep(
        _ x: UnsafeMutableBufferPointer<Double>, _ layout: CellLayout, _ home: Int, _ targets: FittingTargets,
        calibrating: Bool
    ) -> HomeStep {
        var step = HomeStep()
        step.gap = Self.scaleDemand(x, layout, home, targets.demand[home])
        if calibrating {
            let joint = targets.localityDistance[home] != nil
            for family in HomeFamily.allCases {
                guard let target = targets[family][home] else { continue }
                // The joint table's targets meet the locality and distance margins exactly: fitting
                // it fits them too, with one pass over the home's cells instead of three.
                if joint, family == .locality || family == .distance { continue }
                let (gap, ratios) = Self.scaleHome(x, layout, home, family, target)
                step.gap = max(step.gap, gap)
                step.ratios[family] = ratios
            }
        }
        return step
    }

    /// Relative gap of a sum to its target.
    static func gap(_ sum: Double, _ target: Double) -> Double { abs(sum - target) / max(target, 1) }

    private static func scaleDemand(
        _ x: UnsafeMutableBufferPointer<Double>, _ layout: CellLayout, _ home: Int, _ demand: [Double]
    ) -> Double {
        var sums = [Double](repeating: 0, count: PlacementGroup.allCases.count)
        let start = home * layout.blockSize
        let span = layout.destinations * 2
        do {
            let plan = layout.combinationSums
            var perCombination = [Double](repeating: 0, count: plan.count + 1)
            perCombination.withUnsafeMutableBufferPointer { plan.sums(x, from: start, into: $0) }
            for (c, combination) in layout.combinations.enumerated() {
                sums[combination.group.rawValue] += perCombination[c]
            }
            for (c, combination) in layout.combinations.enumerated() {
                let g = combination.group.rawValue
                let ratio = sums[g] > 0 ? demand[g] / sums[g] : 1
                guard ratio != 1 else { continue }
                let base = start + c * span
                for i in base..<(base + span) { x[i] *= ratio }
            }
        }
        var gap = 0.0
        for g in sums.indices where sums[g] > 0 || demand[g] > 0 {
            gap = max(gap, Self.gap(sums[g], demand[g]))
        }
        return gap
    }

    /// Scales one home authority's cells to a family's targets; suppressed classes are pooled.
    /// Scales one home's cells to a family's targets; returns the gap and each class's ratio (the
    /// parameters' scaling, applied by the caller).
    private static func scaleHome(
        _ x: UnsafeMutableBufferPointer<Double>, _ layout: CellLayout, _ home: Int, _ family: HomeFamily,
        _ targets: [Double?]
    ) -> (gap: Double, ratios: [Double]) {
        let classes = targets.count
        let known = targets.compactMap { $0 }
        // Slot of each class: itself when published, else the pool (index `classes`).
        let slots = targets.indices.map { targets[$0] == nil ? classes : $0 }
        var slotTarget = targets.map { $0 ?? 0 } + [0]
        let start = home * layout.blockSize
        let d = layout.destinations
        let span = d * 2
        let combinations = layout.combinations.count
        // Each combination's children and, when a class is pooled, the home's (the block's sum).
        let pooled = known.count < classes
        let plan = pooled ? layout.combinationAndBlockSums : layout.combinationSums
        var perCombination = [Double](repeating: 0, count: plan.count + 1)
        if pooled || family == .locality || family == .providers {
            perCombination.withUnsafeMutableBufferPointer { plan.sums(x, from: start, into: $0) }
        }
        if pooled { slotTarget[classes] = max(0, perCombination[combinations] - known.reduce(0, +)) }
        let providerSlot = family == .providers ? layout.combinations.map { slots[$0.provider.rawValue] } : []
        var sums = [Double](repeating: 0, count: classes + 1)
        switch family {
        case .locality:
            for c in 0..<combinations {
                let base = start + c * span
                let inside = x[base + home * 2] + x[base + home * 2 + 1]
                sums[slots[0]] += inside
                sums[slots[1]] += perCombination[c] - inside
            }
        case .distance:
            // Two combinations at a time: four sums side by side (see `RunSums`).
            var c = 0
            while c < combinations {
                let paired = c + 1 < combinations
                let base0 = start + c * span
                let base1 = paired ? base0 + span : base0
                var (near0, far0, near1, far1) = (0.0, 0.0, 0.0, 0.0)
                var i = 0
                while i < span {
                    near0 += x[base0 + i]
                    far0 += x[base0 + i + 1]
                    near1 += x[base1 + i]
                    far1 += x[base1 + i + 1]
                    i += 2
                }
                sums[slots[0]] += near0
                sums[slots[1]] += far0
                if paired {
                    sums[slots[0]] += near1
                    sums[slots[1]] += far1
                }
                c += 2
            }
        case .localityDistance:
            for c in 0..<combinations {
                let base = start + c * span
                var near = 0.0
                var far = 0.0
                var i = base
                while i < base + span {
                    near += x[i]
                    far += x[i + 1]
                    i += 2
                }
                let insideNear = x[base + home * 2]
                let insideFar = x[base + home * 2 + 1]
                sums[slots[0]] += insideNear
                sums[slots[1]] += insideFar
                sums[slots[2]] += near - insideNear
                sums[slots[3]] += far - insideFar
            }
        case .providers:
            for c in 0..<combinations { sums[providerSlot[c]] += perCombination[c] }
        }
        var ratio = [Double](repeating: 1, count: classes + 1)
        var gap = 0.0
        for slot in 0...classes where sums[slot] > 0 {
            // A zero target leaves a trace, so that a later year with demand there can still place it.
            ratio[slot] = max(slotTarget[slot], Self.zeroTarget) / sums[slot]
            gap = max(gap, Self.gap(sums[slot], slotTarget[slot]))
        }
        do {
            for c in layout.combinations.indices {
                let base = start + c * span
                switch family {
                case .locality:
                    let inside = ratio[slots[0]]
                    let outside = ratio[slots[1]]
                    if outside != 1 { for i in base..<(base + span) { x[i] *= outside } }
                    if inside != outside {
                        x[base + home * 2] *= inside / outside
                        x[base + home * 2 + 1] *= inside / outside
                    }
                case .distance:
                    let near = ratio[slots[0]]
                    let far = ratio[slots[1]]
                    var i = base
                    while i < base + span {
                        x[i] *= near
                        x[i + 1] *= far
                        i += 2
                    }
                case .localityDistance:
                    let (insideNear, insideFar) = (ratio[slots[0]], ratio[slots[1]])
                    let (outsideNear, outsideFar) = (ratio[slots[2]], ratio[slots[3]])
                    var i = base
                    while i < base + span {
                        x[i] *= outsideNear
                        x[i + 1] *= outsideFar
                        i += 2
                    }
                    x[base + home * 2] *= insideNear / outsideNear
                    x[base + home * 2 + 1] *= insideFar / outsideFar
                case .providers:
                    let r = ratio[providerSlot[c]]
                    if r != 1 { for i in base..<(base + span) { x[i] *= r } }
                }
            }
        }
        return (gap, (0..<classes).map { ratio[slots[$0]] })
    }
}
