import PlacementSimulation

/// The year's flow ledger of the whole scenario, summed over authorities and placement types, across
/// draws: children at the start, arriving, leaving care and changing placement, and at the end, so
/// that a reader can check start + arrivals − leavers = end as the simulation does.
struct FlowLedgerTotals {
    let draws: SimulationDraws

    enum Entry: String, CaseIterable {
        case start, arrivals, leavers, moves, end

        var label: String {
            switch self {
            case .start: "Start"
            case .arrivals: "Arrivals"
            case .leavers: "Leavers"
            case .moves: "Placement changes"
            case .end: "End"
            }
        }

        func value(_ ledger: FlowLedger) -> Int {
            switch self {
            case .start: ledger.start
            case .arrivals: ledger.arrivals
            case .leavers: ledger.leavers
            case .moves: ledger.moves
            case .end: ledger.end
            }
        }
    }

    /// One entry's total in `year` under `mode`, across draws; nil in the starting year (no flows).
    func band(_ mode: SimulatedMode, year: Int, _ entry: Entry) -> Band? {
        guard year != draws.years.first else { return nil }
        return draws.band(mode, year: year) { outcome in
            Double(outcome.ledger.values.reduce(0) { $0 + entry.value($1) })
        }
    }

    /// Every mode and year after the start: the ledger's entries, means over draws; nil when no year
    /// follows the start.
    var table: ReportTable? {
        guard draws.years.count > 1 else { return nil }
        let several = draws.drawCount > 1
        return ReportTable(
            id: "ledger",
            caption: "The flow ledger by year, children needing a placement (start + arrivals − leavers = end; a "
                + "placement change keeps the child" + (several ? "; means over draws)" : ")"),
            columns: [
                .init("Mode", key: "mode", numeric: false), .init("Year", key: "year", numeric: false),
            ] + Entry.allCases.map { .init($0.label, key: $0.rawValue) },
            rows: draws.modes.flatMap { mode in
                draws.years.dropFirst().map { year in
                    [.text(mode.name), .year(year)]
                        + Entry.allCases.map { .number(band(mode, year: year, $0)?.mean, .meanCount) }
                }
            })
    }
}
