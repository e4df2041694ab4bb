import Foundation
import PlacementScenarios

/// Draws whole children one at a time without replacement from counts per placement (a Fenwick
/// tree of whole counts): a child is a number in `0..<total`, and falls in the placement whose
/// running count holds it, exactly as a running sum over the counts in order finds it, in O(log n).
struct ChildDraw {
    private var tree: FenwickTree<Int>
    private var counts: [Int]
    private(set) var total: Int

    /// Built in O(n).
    init(_ counts: [Int]) {
        precondition(counts.allSatisfy { $0 >= 0 }, "children are never negative")
        self.counts = counts
        tree = FenwickTree(counts)
        total = counts.reduce(0, +)
    }

    /// Children left in placement `index`.
    func left(_ index: Int) -> Int { counts[index] }

    /// The placement whose running count holds `child` (0 ≤ child < total): the first index whose
    /// counts up to and including it exceed `child`.
    func index(of child: Int) -> Int {
        precondition(child >= 0 && child < total, "a child drawn among those left")
        return tree.index(holding: child)
    }

    /// Takes the child numbered `child` out; returns its placement.
    @discardableResult
    mutating func take(at child: Int) -> Int {
        let index = index(of: child)
        take(1, from: index)
        return index
    }

    /// Takes `children` (at most those left) out of placement `index` at once.
    mutating func take(_ children: Int, from index: Int) {
        precondition(children >= 0 && children <= counts[index], "children taken among those left")
        counts[index] -= children
        total -= children
        tree.add(-children, at: index)
    }

    /// Takes every child out.
    mutating func takeAll() {
        for index in counts.indices { counts[index] = 0 }
        tree = FenwickTree(counts)
        total = 0
    }
}

extension ChildDraw {
    /// Takes `count` children (at most those left) at once, drawn uniformly without replacement:
    /// the children taken from each placement follow the multivariate hypergeometric distribution,
    /// drawn placement by placement as a hypergeometric count of those still to take among those
    /// still left. The same distribution as `count` calls of ``take(at:)`` with uniform numbers, not
    /// the same draws; one number from `random` per placement, so the work is per placement.
    mutating func takeTogether(_ count: Int, random: inout SeededRandom) {
        var toTake = min(count, total)
        var left = total
        for index in counts.indices where toTake > 0 {
            let here = counts[index]
            let taken = Self.hypergeometric(drawing: toTake, marked: here, among: left, random: &random)
            left -= here
            take(taken, from: index)
            toTake -= taken
        }
    }

    /// How many of `marked` children among `population` are in `drawing` drawn uniformly without
    /// replacement: inversion from the mode outwards (Kachitvichyanukul and Schmeiser's search
    /// from the mode), the probabilities by their ratios from the mode's, in about one standard
    /// deviation of steps.
    static func hypergeometric(drawing: Int, marked: Int, among population: Int, random: inout SeededRandom)
        -> Int
    {
        precondition(0 <= marked && marked <= population && 0 <= drawing && drawing <= population)
        let low = max(0, drawing - (population - marked))
        let high = min(drawing, marked)
        guard low < high else { return low }
        let (n, k, total) = (Double(drawing), Double(marked), Double(population))
        let mode = min(high, max(low, Int((n + 1) * (k + 1) / (total + 2))))
        func logChoose(_ a: Int, _ b: Int) -> Double {
            lgamma(Double(a) + 1) - lgamma(Double(b) + 1) - lgamma(Double(a - b) + 1)
        }
        /// P(x + 1) / P(x).
        func ratio(_ x: Int) -> Double {
            (k - Double(x)) * (n - Double(x)) / ((Double(x) + 1) * (total - k - n + Double(x) + 1))
        }
        let atMode = exp(
            logChoose(marked, mode) + logChoose(population - marked, drawing - mode) - logChoose(population, drawing))
        var u = random.unit() - atMode
        guard u >= 0 else { return mode }
        var (above, atAbove, below, atBelow) = (mode, atMode, mode, atMode)
        while (above < high && atAbove > 0) || (below > low && atBelow > 0) {
            if above < high {
                atAbove *= ratio(above)
                above += 1
                u -= atAbove
                if u < 0 { return above }
            }
            if below > low {
                atBelow /= ratio(below - 1)
                below -= 1
                u -= atBelow
                if u < 0 { return below }
            }
        }
        return mode  // rounding left a sliver of u over: the likeliest count
    }
}
