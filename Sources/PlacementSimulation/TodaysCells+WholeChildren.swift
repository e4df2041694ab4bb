/// Whole children from the fitted cells, every cohort at once. Each cohort's count is rounded along
/// its cells by systematic rounding (a cell of 0.3 children gets a child in about three of ten
/// cohorts of that shape, not one whenever it is among the largest remainders), so the rounding keeps, in
/// expectation, how the fitting spread the cohort. Where a pool then holds more children than it has
/// places, the children furthest above their fitted value there leave it, whichever cohort they
/// belong to, and are rounded again over their cohort's cells with room, in proportion to what each
/// still lacks of its fitted value, until every pool is within its places.
///
/// Rounding cohort by cohort, as before, let the first cohorts round up into the scarce places and
/// moved the later ones' children into whatever had room, mostly their own area: as-is M2 rose with
/// a council's place in the file (England's last quarter of authorities +5.7 points in children's
/// homes against +1.2 for the first).
extension TodaysCells {
    /// Cells given directly: one pool per capacity, each one provider numbered as the pool; per
    /// cohort, its prior (or fitted) children in each pool it may use. Today's placements after shocks
    /// place the displaced children this way; tests check the rounding by hand with it.
    init(capacities: [Int], cells: [[(pool: Int, children: Double)]], counts: [Int]) {
        pools = capacities.enumerated().map { Pool(members: [(provider: $0.offset, places: $0.element)]) }
        poolDestination = Array(capacities.indices)
        capacity = capacities.map(Double.init)
        self.counts = counts.map(Double.init)
        cellsOfCohort = []
        for cohort in cells {
            cellsOfCohort.append(Array(value.count..<(value.count + cohort.count)))
            poolOfCell += cohort.map(\.pool)
            value += cohort.map(\.children)
        }
    }

    /// Rounds of re-placing children moved out of full pools; what is left after them is placed in
    /// the cells with room that lack most, one child at a time.
    static let placingRounds = 30

    /// Per cohort of `cohorts` (indices into the scenario's cohorts), its whole children by provider
    /// (in provider order) and its children without a place; cohorts not listed get nothing.
    func wholeChildren(of cohorts: [Int]) -> [(placed: [(provider: Int, children: Int)], waiting: Int)] {
        var whole = Array(repeating: 0, count: value.count)
        var inPool = Array(repeating: 0, count: pools.count)
        let room = capacity.map { Int($0) }
        var cohortOfCell = Array(repeating: -1, count: value.count)
        var cellsOfPool = Array(repeating: [Int](), count: pools.count)
        var waiting = Array(repeating: 0, count: counts.count)
        var displaced = Array(repeating: 0, count: counts.count)
        for c in cohorts {
            for cell in cellsOfCohort[c] {
                cohortOfCell[cell] = c
                cellsOfPool[poolOfCell[cell]].append(cell)
            }
            displaced[c] = Int(counts[c])
        }
        // Spreads each cohort's displaced children over its cells with room, by systematic rounding.
        func place(round: Int) {
            for c in cohorts where displaced[c] > 0 {
                let members = cellsOfCohort[c].filter { inPool[poolOfCell[$0]] < room[poolOfCell[$0]] }
                guard !members.isEmpty else {
                    waiting[c] += displaced[c]
                    displaced[c] = 0
                    continue
                }
                // What each cell lacks of its fitted value; else the fitted values; else alike, so that
                // no child is lost to weights of nothing.
                let fitted = members.map { value[$0].isFinite ? max(0, value[$0]) : 0 }
                let lacking = zip(members, fitted).map { max(0, $1 - Double(whole[$0])) }
                let weights =
                    lacking.reduce(0, +) > 0
                    ? lacking : fitted.reduce(0, +) > 0 ? fitted : Array(repeating: 1, count: members.count)
                let shares = Self.systematic(
                    displaced[c], weights: weights, offset: Self.offset(cohort: c, round: round))
                for (k, cell) in members.enumerated() where shares[k] > 0 {
                    whole[cell] += shares[k]
                    inPool[poolOfCell[cell]] += shares[k]
                }
                displaced[c] = 0
            }
        }
        // Moves children out of pools over their places: first those furthest above their fitted value.
        func relieve() -> Bool {
            var moved = false
            for pool in pools.indices where inPool[pool] > room[pool] {
                var cells = cellsOfPool[pool].filter { whole[$0] > 0 }
                while inPool[pool] > room[pool], !cells.isEmpty {
                    func above(_ k: Int) -> Double { Double(whole[cells[k]]) - value[cells[k]] }
                    // Ties to the earlier cell.
                    guard let k = cells.indices.max(by: { (above($0), $1) < (above($1), $0) }) else { break }
                    let cell = cells[k]
                    whole[cell] -= 1
                    inPool[pool] -= 1
                    displaced[cohortOfCell[cell]] += 1
                    if whole[cell] == 0 { cells.remove(at: k) }
                    moved = true
                }
            }
            return moved
        }
        place(round: 0)
        var round = 1
        while relieve() {
            if round < Self.placingRounds {
                place(round: round)
                round += 1
                continue
            }
            // The last children, one at a time, where they lack most and there is room.
            for c in cohorts {
                while displaced[c] > 0 {
                    let open = cellsOfCohort[c].filter { inPool[poolOfCell[$0]] < room[poolOfCell[$0]] }
                    guard let cell = open.max(by: { value[$0] - Double(whole[$0]) < value[$1] - Double(whole[$1]) })
                    else { break }
                    whole[cell] += 1
                    inPool[poolOfCell[cell]] += 1
                    displaced[c] -= 1
                }
                waiting[c] += displaced[c]
                displaced[c] = 0
            }
            break
        }
        // Each pool's children go to its providers in order.
        var taken = pools.map { Array(repeating: 0, count: $0.members.count) }
        var result = Array(repeating: (placed: [(provider: Int, children: Int)](), waiting: 0), count: counts.count)
        for c in cohorts {
            var byProvider: [Int: Int] = [:]
            for cell in cellsOfCohort[c] where whole[cell] > 0 {
                let pool = poolOfCell[cell]
                var left = whole[cell]
                for (m, member) in pools[pool].members.enumerated() where left > 0 {
                    let taking = min(left, member.places - taken[pool][m])
                    guard taking > 0 else { continue }
                    taken[pool][m] += taking
                    byProvider[member.provider, default: 0] += taking
                    left -= taking
                }
            }
            result[c] = (byProvider.map { ($0.key, $0.value) }.sorted { $0.0 < $1.0 }, waiting[c])
        }
        return result
    }

    /// `count` in whole parts along `weights` by systematic rounding: the cumulative share, shifted
    /// by `offset` (in [0, 1)), is cut at every whole number. Each part is its share rounded down or
    /// up, and the parts add up to `count`.
    static func systematic(_ count: Int, weights: [Double], offset: Double) -> [Int] {
        let total = weights.reduce(0, +)
        guard count > 0, total > 0, total.isFinite else { return Array(repeating: 0, count: weights.count) }
        var parts = Array(repeating: 0, count: weights.count)
        var cumulative = 0.0
        var cut = 0
        for (k, weight) in weights.enumerated() {
            cumulative += Double(count) * weight / total
            // The last cut is the count itself, whatever the sum's rounding error.
            let next = k == weights.count - 1 ? count : min(count, Int((cumulative + offset).rounded(.down)))
            parts[k] = max(0, next - cut)
            cut = max(cut, next)
        }
        return parts
    }

    /// The shift of a cohort's rounding in a round: spread over [0, 1) by the golden ratio, so that
    /// cohorts of one shape do not all round up the same cells.
    static func offset(cohort: Int, round: Int) -> Double {
        let golden = 0.618_033_988_749_894_9
        return (0.5 + Double(cohort) * golden + Double(round) * golden * golden).truncatingRemainder(dividingBy: 1)
    }
}
