import Foundation

/// The families fitted per placement authority: other councils' children (imports) and residential
/// capacity. Each pass shares the placement authorities (or, last, the homes) between the cores; every
/// sum still runs over the homes and combinations in order, so the result is the same to the bit as
/// one pass after another on one core. The cells are memory-bound here, so a sweep visits them as few
/// times as it can: the import sums; the residential sums (the residential cells only, reading them
/// as the import scaling will leave them); then, home by home, the import and capacity scaling and
/// the demand's sums.
extension ProportionalFitting {
    /// Import sums over the first `homes` homes (every destination's, in home order).
    struct ImportSums {
        var sums: [Double]
        var homes: Int
    }

    /// Other councils' children in each placement authority (and elsewhere) against their targets:
    /// the largest gap and each destination's ratio (1 where there is no target). The destination
    /// factors are scaled here; the cells by ``scaleCells(importRatio:capacityRatio:measuring:)``.
    /// `started`: the sums of the first homes, already added (see `scaleHomes`); nil: none.
    mutating func importRatios(_ targets: [Double?], continuing started: ImportSums?) -> (gap: Double, ratio: [Double])
    {
        let n = layout.count
        let d = layout.destinations
        let layout = layout
        var sums = started?.sums ?? [Double](repeating: 0, count: d)
        let first = started?.homes ?? 0
        cells.withUnsafeBufferPointer { x in
            sums.withUnsafeMutableBufferPointer { out in
                let sharedCells = SharedBuffer(UnsafeMutableBufferPointer(mutating: x))
                let shared = SharedBuffer(out)
                CoreChunks.forEach(d) { destinations in
                    for home in first..<n {
                        Self.addImports(of: home, sharedCells.buffer, layout, into: shared.buffer, destinations)
                    }
                }
            }
        }
        var ratio = [Double](repeating: 1, count: d)
        var gap = 0.0
        for destination in 0..<d {
            guard let target = targets[destination], sums[destination] > 0 else { continue }
            ratio[destination] = max(target, Self.zeroTarget) / sums[destination]
            gap = max(gap, Self.gap(sums[destination], target))
            parameters.destination[destination] *= ratio[destination]
        }
        return (gap, ratio)
    }

    /// Adds `home`'s children placed in each of `destinations` but its own to `sums`, combination by
    /// combination: the order every import sum keeps.
    static func addImports(
        of home: Int, _ x: UnsafeMutableBufferPointer<Double>, _ layout: CellLayout,
        into sums: UnsafeMutableBufferPointer<Double>, _ destinations: Range<Int>
    ) {
        let d = layout.destinations
        let combinations = layout.combinations.count
        for c in 0..<combinations {
            let base = (home * combinations + c) * d * 2
            for destination in destinations where destination != home {
                sums[destination] += x[base + destination * 2] + x[base + destination * 2 + 1]
            }
        }
    }

    /// The residential children in each placement authority and sector once other councils' children
    /// are scaled by `importRatio` (when calibrating): flat, placement · sectors + sector. Only reads:
    /// ``scaleCells(importRatio:capacityRatio:measuring:)`` scales the cells, to the same values.
    func residentialSums(importRatio: [Double]?) -> [Double] {
        let n = layout.count
        let d = layout.destinations
        let sectors = ResidentialSector.allCases.count
        let residential = layout.residentialCombinations
        let combinations = layout.combinations.count
        var sums = [Double](repeating: 0, count: n * sectors)
        cells.withUnsafeBufferPointer { x in
            sums.withUnsafeMutableBufferPointer { out in
                let sharedCells = SharedBuffer(UnsafeMutableBufferPointer(mutating: x))
                let shared = SharedBuffer(out)
                CoreChunks.forEach(n) { placements in
                    let x = sharedCells.buffer
                    let sums = shared.buffer
                    for home in 0..<n {
                        for (c, sector) in residential {
                            let base = (home * combinations + c) * d * 2
                            for placement in placements {
                                let r = placement == home ? 1 : importRatio?[placement] ?? 1
                                // As the scaled cells will hold them: each band scaled, then added.
                                let near = r != 1 ? x[base + placement * 2] * r : x[base + placement * 2]
                                let far = r != 1 ? x[base + placement * 2 + 1] * r : x[base + placement * 2 + 1]
                                sums[placement * sectors + sector] += near + far
                            }
                        }
                    }
                }
            }
        }
        return sums
    }

    /// Residential children in each placement authority and sector held to its usable places, from
    /// their sums: the largest excess before scaling (children) and each slot's ratio, flat as the sums
    /// (1 where the capacity factor does not move), or nil when none moves.
    mutating func capacityRatios(_ sums: [Double]) -> (excess: Double, ratio: [Double]?) {
        let n = layout.count
        let sectors = ResidentialSector.allCases
        var excess = 0.0
        var ratio = [Double](repeating: 1, count: n * sectors.count)
        var changed = false
        for placement in 0..<n {
            for sector in sectors {
                let s = sector.rawValue
                let sum = sums[placement * sectors.count + s]
                let cap = capacity[placement][s]
                guard sum > 0 else { continue }
                excess = max(excess, sum - cap)
                let wanted = min(1, capacityFactor[placement][s] * cap / sum)
                let r = wanted / capacityFactor[placement][s]
                if abs(r - 1) > 1e-12 {
                    ratio[placement * sectors.count + s] = r
                    capacityFactor[placement][s] = wanted
                    changed = true
                }
            }
        }
        return (max(0, excess), changed ? ratio : nil)
    }

    /// Scales other councils' children by `importRatio` (when calibrating), then the residential cells
    /// by `capacityRatio` (see ``capacityRatios(_:)``); returns each home's largest gap between its
    /// children per placement group and `demand`. A home's cells are scaled and measured in one visit.
    mutating func scaleCells(importRatio: [Double]?, capacityRatio: [Double]?, measuring demand: [[Double]])
        -> [Double]
    {
        let layout = layout
        let n = layout.count
        let d = layout.destinations
        let sectors = ResidentialSector.allCases.count
        let span = d * 2
        let residential = layout.residentialCombinations
        let groups = PlacementGroup.allCases.count
        var gaps = [Double](repeating: 0, count: n)
        cells.withUnsafeMutableBufferPointer { x in
            gaps.withUnsafeMutableBufferPointer { out in
                let sharedCells = SharedBuffer(x)
                let shared = SharedBuffer(out)
                CoreChunks.forEach(n) { homes in
                    let x = sharedCells.buffer
                    for home in homes {
                        let start = home * layout.blockSize
                        if let importRatio {
                            for c in layout.combinations.indices {
                                let base = start + c * span
                                for destination in 0..<d where destination != home {
                                    let r = importRatio[destination]
                                    guard r != 1 else { continue }
                                    x[base + destination * 2] *= r
                                    x[base + destination * 2 + 1] *= r
                                }
                            }
                        }
                        if let capacityRatio {
                            for (c, sector) in residential {
                                let base = start + c * span
                                for placement in 0..<n {
                                    let r = capacityRatio[placement * sectors + sector]
                                    guard r != 1 else { continue }
                                    x[base + placement * 2] *= r
                                    x[base + placement * 2 + 1] *= r
                                }
                            }
                        }
                        var sums = [Double](repeating: 0, count: groups + 1)
                        sums.withUnsafeMutableBufferPointer { layout.groupSums.sums(x, from: start, into: $0) }
                        shared.buffer[home] = zip(sums[..<groups], demand[home]).reduce(0.0) {
                            max($0, $1.0 > 0 || $1.1 > 0 ? Self.gap($1.0, $1.1) : 0)
                        }
                    }
                }
            }
        }
        return gaps
    }
}
