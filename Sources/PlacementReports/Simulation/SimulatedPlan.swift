import PlacementScenarios

/// The capacity plan a simulation applied, as its reports state it: the file, each build and when
/// it opens (and, for a block contract, closes), and the plan's places open in each simulated year.
public struct SimulatedPlan: Sendable {
    /// One build of the plan.
    public struct Build: Sendable {
        public var id: String
        /// The provider its places belong to in the simulated scenario (`plan-ID`).
        public var provider: ProviderID
        public var kind: CapacityCandidate.Kind
        public var authority: AuthorityCode
        public var authorityName: String
        public var placementType: PlacementType
        public var units: Int
        public var places: Int
        public var openingYear: Int
        /// The opening year the plan file gives: `openingYear` unless the build was deferred from
        /// the starting year (``SimulatedPlan/deferred``).
        public var planOpeningYear: Int
        /// A block contract's first year without its places; nil for homes and carers.
        public var closingYear: Int?
        /// Pounds a week a place runs at.
        public var weeklyCostPerPlace: Double

        /// Whether an empty place still costs its running cost: a home's staff and a block
        /// contract's price are paid whether a child is placed or not; a foster household's
        /// allowance only while it fosters.
        var costsWhenEmpty: Bool { kind != .fosterCarers }

        /// Whether its places are open in `year`.
        func isOpen(in year: Int) -> Bool {
            PlacementScenarios.isOpen(in: year, opening: openingYear, closing: closingYear)
        }
    }

    /// The builds open in `year` whose empty places still cost their running cost (homes, contracts).
    func costingWhenEmpty(in year: Int) -> [Build] { builds.filter { $0.isOpen(in: year) && $0.costsWhenEmpty } }

    /// The places of the plan open in `year`.
    func open(in year: Int) -> Int { years.first { $0.year == year }?.open ?? 0 }

    /// One simulated year: the plan's places opening (or closing, negative) at its start, and open in it.
    public struct Year: Sendable, Equatable {
        public var year: Int
        public var opening: Int
        public var open: Int
    }

    /// The plan file's name.
    public var file: String
    public var builds: [Build]
    /// From the first simulated year (places open at the start) to the last.
    public var years: [Year]
    /// Builds the plan opens in the first year, opened instead at the start of the next step: the
    /// simulation starts from today's placements, made before the plan.
    public var deferred: [String]

    /// `builds` of the plan in `file`, over the simulated `years`; `provider` gives the provider a
    /// build's places belong to, `closingYear` its closing year (nil: stays open); `names` the
    /// authorities' names.
    public init(
        file: String, builds: [PlannedBuild], years: ClosedRange<Int>, provider: (PlannedBuild) -> ProviderID,
        closingYear: (PlannedBuild) -> Int?, names: [AuthorityCode: String],
        deferred: [(id: String, planOpeningYear: Int)] = []
    ) {
        self.file = file
        self.deferred = deferred.map(\.id)
        let planYears = Dictionary(
            deferred.map { ($0.id, $0.planOpeningYear) }, uniquingKeysWith: { first, _ in first })
        let listed = builds.map { build in
            Build(
                id: build.candidate.id.rawValue, provider: provider(build), kind: build.candidate.kind,
                authority: build.candidate.authority,
                authorityName: names[build.candidate.authority] ?? build.candidate.authority.rawValue,
                placementType: build.candidate.placementType, units: build.units, places: build.places,
                openingYear: build.openingYear,
                planOpeningYear: planYears[build.candidate.id.rawValue] ?? build.openingYear,
                closingYear: closingYear(build),
                weeklyCostPerPlace: build.candidate.weeklyCostPerPlace)
        }
        func open(in year: Int) -> Int {
            listed.reduce(0) { total, build in
                build.isOpen(in: year) ? total + build.places : total
            }
        }
        self.builds = listed
        // The first year's opening are the builds of that year only: one of an earlier year was open
        // before the simulation starts, in its starting places.
        let openingFirst = listed.filter { $0.openingYear == years.lowerBound }.reduce(0) { $0 + $1.places }
        self.years = years.map { year in
            Year(
                year: year, opening: year == years.lowerBound ? openingFirst : open(in: year) - open(in: year - 1),
                open: open(in: year))
        }
    }

    /// One sentence: what the plan builds and when its places come on line.
    var summary: String {
        let homes = builds.filter { $0.kind == .home }.reduce(0) { $0 + $1.units }
        let carers = builds.filter { $0.kind == .fosterCarers }.reduce(0) { $0 + $1.units }
        let contracts = builds.filter { $0.kind == .blockContract }.reduce(0) { $0 + $1.units }
        let places = builds.reduce(0) { $0 + $1.places }
        var parts = [
            ReportNumbers.counted(homes, "home", "homes"),
            ReportNumbers.counted(carers, "foster household", "foster households"),
        ]
        if contracts > 0 { parts.append(ReportNumbers.counted(contracts, "block contract", "block contracts")) }
        return "The plan in \(file) adds " + parts.joined(separator: ", ") + " ("
            + ReportNumbers.counted(places, "place", "places") + "), each opening at the start of its year's step; "
            + "every mode, as-is included, sees the same new places."
            + (deferred.isEmpty
                ? ""
                : " The plan opens \(NumberText.listed(deferred)) in \((years.first?.year).map(String.init) ?? "the first year"), "
                    + "the first year: \(deferred.count == 1 ? "it opens" : "they open") at the start of the next step "
                    + "instead, as the simulation starts from today's placements, made before the plan (those "
                    + "`compare` shows as-is; a block contract's term moves with it).")
    }

    var buildsTable: ReportTable {
        ReportTable(
            id: "plan-builds", caption: "The plan's builds (\(file))",
            columns: [
                .init("Build", key: "build", numeric: false), .init("Kind", key: "kind", numeric: false),
                .init("Authority", key: "authority", numeric: false),
                .init("Placement type", key: "placement_type", numeric: false), .init("Units", key: "units"),
                .init("Places", key: "places"), .init("Opens", key: "opening_year", numeric: false),
                .init("Closes", key: "closing_year", numeric: false),
            ],
            rows: builds.map { build in
                [
                    .text(build.id), .text(build.kind.rawValue), .text(build.authorityName),
                    .text(build.placementType.label), .count(build.units), .count(build.places),
                    .text(String(build.openingYear)), .text(build.closingYear.map(String.init) ?? ""),
                ]
            })
    }
}
