/// Several sums over runs of cells computed side by side. Each sum adds its runs' cells in order,
/// from zero, so its bits are those of one loop over them; but a loop adding into one sum waits on
/// each addition (a floating-point add's latency), not on memory, so four sums proceed at once, one
/// per lane. The plan is made once per layout: which run each lane reads at each step, and into which
/// sum.
struct RunSums: Sendable {
    /// Sums side by side (the loop in `sums` is written out for four).
    static let lanes = 4
    /// Cells in each run.
    let length: Int
    /// How many sums the plan computes (an idle lane adds into one more, a scratch sum).
    let count: Int
    /// Per step × lane: the run's first cell, from the start of the cells given.
    private let offsets: [Int]
    /// Per step × lane: the sum the run adds into (`count` for an idle lane).
    private let targets: [Int]

    /// `runs[s]`: the first cell of each run of sum `s`, in the order they are added; each run is
    /// `length` cells long.
    init(runs: [[Int]], length: Int) {
        self.length = length
        count = runs.count
        // Longest sums first, each onto the lane with the fewest steps (lowest lane on a tie): a
        // fixed plan.
        var lanes = [[(offset: Int, sum: Int)]](repeating: [], count: Self.lanes)
        let order = runs.indices.sorted { runs[$0].count != runs[$1].count ? runs[$0].count > runs[$1].count : $0 < $1 }
        for s in order {
            var lane = 0
            for candidate in lanes.indices where lanes[candidate].count < lanes[lane].count { lane = candidate }
            lanes[lane] += runs[s].map { (offset: $0, sum: s) }
        }
        let depth = lanes.map(\.count).max() ?? 0
        var offsets: [Int] = []
        var targets: [Int] = []
        for step in 0..<depth {
            for lane in lanes {
                offsets.append(step < lane.count ? lane[step].offset : 0)
                targets.append(step < lane.count ? lane[step].sum : runs.count)
            }
        }
        self.offsets = offsets
        self.targets = targets
    }

    /// The sums of the runs counted from `start` in `x`, in `out` (at least `count + 1` long: the last
    /// is scratch).
    func sums(_ x: UnsafeMutableBufferPointer<Double>, from start: Int, into out: UnsafeMutableBufferPointer<Double>) {
        for s in 0...count { out[s] = 0 }
        var step = 0
        while step < offsets.count {
            let (t0, t1, t2, t3) = (targets[step], targets[step + 1], targets[step + 2], targets[step + 3])
            let b0 = start + offsets[step]
            let b1 = start + offsets[step + 1]
            let b2 = start + offsets[step + 2]
            let b3 = start + offsets[step + 3]
            var (a0, a1, a2, a3) = (out[t0], out[t1], out[t2], out[t3])
            for k in 0..<length {
                a0 += x[b0 + k]
                a1 += x[b1 + k]
                a2 += x[b2 + k]
                a3 += x[b3 + k]
            }
            out[t3] = a3
            out[t2] = a2
            out[t1] = a1
            out[t0] = a0
            step += Self.lanes
        }
    }
}
