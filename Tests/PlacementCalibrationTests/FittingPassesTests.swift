import PlacementScenarios
import Testing

@testable import PlacementCalibration

/// The fitting's passes are arranged for speed: sums side by side, the cores sharing the cells, the
/// import scaling read before it is written. Each must give the same bits as the plain loop it stands
/// for, so these compare with `==`: a difference in the last bit is the failure they look for (the
/// order of floating-point additions shows there).
@Suite("Fitting passes")
struct FittingPassesTests {
    /// Cells of magnitudes from 1e-6 to 1e3, from a fixed seed.
    static func cells(_ count: Int) -> [Double] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let mantissa = Double((state >> 11) % 1_000_003) / 1_000_003
            return mantissa * [1e-6, 1e-3, 0.1, 1, 7, 1e3][Int((state >> 5) % 6)]
        }
    }

    /// Sums of one run, of several, of none, more sums than lanes and runs out of order: each as the
    /// plain loop adds them.
    @Test func runSumsAddInOrder() {
        let runs = [[0], [10, 30], [], [50, 20, 40], [60], [70], [5, 15, 25, 35, 45], [80]]
        let length = 10
        let plan = RunSums(runs: runs, length: length)
        var x = Self.cells(100)
        let start = 3
        var out = [Double](repeating: .nan, count: plan.count + 1)
        x.withUnsafeMutableBufferPointer { x in
            out.withUnsafeMutableBufferPointer { plan.sums(x, from: start, into: $0) }
        }
        for (s, starts) in runs.enumerated() {
            var expected = 0.0
            for first in starts {
                for k in 0..<length { expected += x[start + first + k] }
            }
            #expect(out[s] == expected, "sum \(s)")
        }
    }

    /// Every index in exactly one range, whatever the count.
    @Test(arguments: [0, 1, 2, 3, 7, 154])
    func coreChunksCoverEachIndexOnce(count: Int) {
        var visits = [Int](repeating: 0, count: count)
        visits.withUnsafeMutableBufferPointer { buffer in
            let shared = SharedBuffer(buffer)
            CoreChunks.forEach(count) { range in
                for i in range { shared.buffer[i] += 1 }
            }
        }
        #expect(visits.allSatisfy { $0 == 1 })
    }

    /// `tiny`'s three authorities, with cells of every magnitude in place of the prior.
    static func fitting() -> ProportionalFitting {
        let year = TinyAsIs.year
        let assumptions = CalibrationAssumptions()
        let layout = CellLayout(authorities: year.authorities, assumptions: assumptions)
        var fitting = ProportionalFitting(
            layout: layout, prior: layout.prior(places: year.places, assumptions: assumptions),
            parameters: AsIsParameters(authorities: layout.count), capacity: AsIsBaseline.capacity(year, assumptions))
        fitting.cells = cells(layout.cellCount)
        return fitting
    }

    /// The residential sums read with the import scaling still to come equal those of the cells once
    /// scaled; the scaling is the plain one (other councils' children only, then capacity); each home's
    /// demand gap is that of its groups' sums in cell order.
    @Test func importScalingReadBeforeItIsWritten() {
        let fitting = Self.fitting()
        let layout = fitting.layout
        let n = layout.count
        let sectors = ResidentialSector.allCases.count
        let importRatio = (0..<layout.destinations).map { $0 == 1 ? 1 : 0.5 + Double($0) * 0.37 }
        let capacityRatio = (0..<(n * sectors)).map { $0 % 3 == 0 ? 1 : 0.9 - Double($0) * 0.01 }
        let demand = (0..<n).map { home in PlacementGroup.allCases.map { Double($0.rawValue + home) } }

        var scaled = fitting
        let read = fitting.residentialSums(importRatio: importRatio)
        let gaps = scaled.scaleCells(importRatio: importRatio, capacityRatio: capacityRatio, measuring: demand)
        var plain = fitting
        plain.cells = importScaled(fitting, importRatio)
        #expect(read == plain.residentialSums(importRatio: nil))

        var expected = importScaled(fitting, importRatio)
        for home in 0..<n {
            for (c, sector) in layout.residentialCombinations {
                for placement in 0..<n {
                    let r = capacityRatio[placement * sectors + sector]
                    guard r != 1 else { continue }
                    let base = layout.index(home: home, combination: c, destination: placement, band: 0)
                    expected[base] *= r
                    expected[base + 1] *= r
                }
            }
        }
        #expect(scaled.cells == expected)
        for home in 0..<n {
            var sums = [Double](repeating: 0, count: PlacementGroup.allCases.count)
            for (c, combination) in layout.combinations.enumerated() {
                for destination in 0..<layout.destinations {
                    for band in 0..<2 {
                        let i = layout.index(home: home, combination: c, destination: destination, band: band)
                        sums[combination.group.rawValue] += expected[i]
                    }
                }
            }
            let gap = zip(sums, demand[home]).reduce(0.0) {
                max($0, $1.0 > 0 || $1.1 > 0 ? ProportionalFitting.gap($1.0, $1.1) : 0)
            }
            #expect(gaps[home] == gap, "home \(home)")
        }
    }

    /// Other councils' children scaled by their destination's ratio, as one plain loop would.
    private func importScaled(_ fitting: ProportionalFitting, _ ratio: [Double]) -> [Double] {
        let layout = fitting.layout
        var cells = fitting.cells
        for home in 0..<layout.count {
            for c in layout.combinations.indices {
                for destination in 0..<layout.destinations where destination != home && ratio[destination] != 1 {
                    let base = layout.index(home: home, combination: c, destination: destination, band: 0)
                    cells[base] *= ratio[destination]
                    cells[base + 1] *= ratio[destination]
                }
            }
        }
        return cells
    }
}
