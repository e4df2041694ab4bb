import PlacementScenarios
import PlacementSimulation

/// Whether a simulated plan's places are used: the children in them by year and mode, and by build
/// in the last year. A place no child takes still costs its running cost, so a plan's case rests on
/// the places held, not the places opened.
struct PlannedPlacesHeld {
    let plan: SimulatedPlan
    let draws: SimulationDraws

    /// Children in the plan's places (one build's, or all), across draws.
    func held(_ mode: SimulatedMode, year: Int, build: SimulatedPlan.Build? = nil) -> Band? {
        draws.band(mode, year: year) { outcome in
            guard let build else { return Double(outcome.plannedPlacesHeld.values.reduce(0, +)) }
            return Double(outcome.plannedPlacesHeld[build.provider] ?? 0)
        }
    }

    /// Children in the places of the builds open in `year`, or (`pastTerm`) those still in a block
    /// contract's places after its term, until their placements end; across draws.
    func held(_ mode: SimulatedMode, year: Int, pastTerm: Bool) -> Band? {
        let open = Set(plan.builds.filter { $0.isOpen(in: year) }.map(\.provider))
        return draws.band(mode, year: year) { outcome in
            Double(outcome.plannedPlacesHeld.filter { open.contains($0.key) != pastTerm }.values.reduce(0, +))
        }
    }

    func heldInOpenPlaces(_ mode: SimulatedMode, year: Int) -> Band? { held(mode, year: year, pastTerm: false) }
    func heldPastTerm(_ mode: SimulatedMode, year: Int) -> Band? { held(mode, year: year, pastTerm: true) }

    /// Whether a build's term ends within the simulated years.
    private var anyTermEnds: Bool {
        plan.builds.contains { build in
            build.closingYear.map { year in plan.years.contains { $0.year >= year } } == true
        }
    }

    /// The last year in one or two sentences: places held per mode, and the builds no mode uses.
    func summary(year: Int) -> String {
        let perMode = draws.modes.enumerated().map { index, mode in
            let children = (heldInOpenPlaces(mode, year: year)?.mean ?? 0).rounded()
            return NumberText.grouped(children) + (index == 0 ? (children == 1 ? " child" : " children") : "")
                + " under \(mode.name)"
        }
        let drawCount = draws.drawCount
        var text =
            "In \(year) the plan's \(ReportNumbers.counted(plan.open(in: year), "open place", "open places")) hold "
            + NumberText.listed(perMode) + (drawCount > 1 ? " (means over draws)." : ".")
        let idle = plan.builds.filter { build in
            build.isOpen(in: year)
                // A mean of counts is 0 only when every draw's is (a percentile can be 0 with a draw holding one).
                && draws.modes.allSatisfy { (held($0, year: year, build: build)?.mean ?? 0) == 0 }
        }
        if !idle.isEmpty {
            text +=
                " " + ReportNumbers.counted(idle.count, "build's places hold", "builds' places hold")
                + " no child in any mode or draw (\(NumberText.listed(idle.map(\.id)))): places the plan "
                + "pays for (a home's staff are paid empty) that place no one."
        }
        if !plan.costingWhenEmpty(in: year).isEmpty {
            let costs = draws.modes.map { mode in
                NumberText.pounds(idleCost(mode, year: year)) + " under \(mode.name)"
            }
            text +=
                " Their empty places in homes and block contracts cost, a week in \(year), " + NumberText.listed(costs)
                + ": running costs paid with no child placed, which the weekly cost (prices paid for children "
                + "placed) leaves out."
        }
        let ended = plan.builds.filter { build in
            build.closingYear.map { $0 <= year } == true
                && draws.modes.contains { (held($0, year: year, build: build)?.mean ?? 0) > 0 }
        }
        if !ended.isEmpty {
            let stayed = draws.modes.map { mode in
                NumberText.grouped((heldPastTerm(mode, year: year)?.mean ?? 0).rounded()) + " under \(mode.name)"
            }
            text +=
                " Children placed under a block contract keep their places after its term ends, until their "
                + "placement ends (\(NumberText.listed(ended.map(\.id)))): " + NumberText.listed(stayed)
                + " in \(year), beside those in the open places."
        }
        return text
    }

    /// The weekly running cost of the open homes' and contracts' places no child holds in `year` under
    /// `mode` (means over draws; a build's children past its places, after a contract ends, leave none
    /// empty).
    func idleCost(_ mode: SimulatedMode, year: Int) -> Double {
        plan.costingWhenEmpty(in: year).reduce(0) { total, build in
            let held = held(mode, year: year, build: build)?.mean ?? 0
            return total + max(0, Double(build.places) - held) * build.weeklyCostPerPlace
        }
    }

    /// The plan's places by year: opening (a term's end closing, negative), open, and held under each
    /// mode; where a block contract's term ends, its children who stay on past it, apart.
    func yearsTable(cell: (Band?) -> ReportValue) -> ReportTable {
        let pastTerm = anyTermEnds
        return ReportTable(
            id: "plan-places", caption: "The plan's registered places by simulated year, and the children in them",
            columns: [
                .init("Year", key: "year", numeric: false), .init("Opening (closing −)", key: "opening"),
                .init("Open", key: "open"),
            ] + draws.modes.map { .init("Held in open places: \($0.name)", key: "held_open_\($0.name)") }
                + (pastTerm ? draws.modes.map { .init("Past term: \($0.name)", key: "past_term_\($0.name)") } : []),
            rows: plan.years.map { year in
                [.text(String(year.year)), .count(year.opening), .count(year.open)]
                    + draws.modes.map { cell(heldInOpenPlaces($0, year: year.year)) }
                    + (pastTerm ? draws.modes.map { cell(heldPastTerm($0, year: year.year)) } : [])
            })
    }

    /// Each build's places and the children in them in `year`, by mode.
    func buildsTable(year: Int, cell: (Band?) -> ReportValue) -> ReportTable {
        ReportTable(
            id: "plan-builds-held", caption: "Children in each build's places in \(year)",
            columns: [
                .init("Build", key: "build", numeric: false), .init("Authority", key: "authority", numeric: false),
                .init("Placement type", key: "placement_type", numeric: false), .init("Open", key: "open"),
            ] + draws.modes.map { .init("Held: \($0.name)", key: "held_\($0.name)") },
            rows: plan.builds.map { build in
                let open = build.isOpen(in: year) ? build.places : 0
                return [
                    .text(build.id), .text(build.authorityName), .text(build.placementType.label), .count(open),
                ] + draws.modes.map { cell(held($0, year: year, build: build)) }
            })
    }
}
