import PlacementScenarios
import ScenarioGeneration

/// What one shock did to a scenario, for reports: "removed Oak Care Ltd (2 places)".
public struct AppliedShock: Sendable, Equatable {
    public var label: String
    public var detail: String
    /// Whether the shock draws at random (which places close), so that draws differ by it.
    public var isRandom = false
    /// Whether the shock sets some providers' prices apart (``Shock/setsPricesApart``).
    public var setsPricesApart = false
}

/// Applies shocks to a scenario, in file order, giving a new scenario.
///
/// Names in a shock (owners, authorities) are checked against the scenario first; a name that
/// matches nothing is an error with the shocks file's line, reported before anything is solved.
public enum ShockApplication {
    /// The shocked scenario and what each shock did. `seed` drives the random shocks
    /// (`remove_share`), one stream through the file in order.
    public static func apply(_ file: ShockFile, to scenario: Scenario, seed: UInt64) throws(ScenarioError) -> (
        scenario: Scenario, applied: [AppliedShock]
    ) {
        try check(file, against: scenario)
        var random = SeededRandom(seed: seed)
        var shocked = scenario
        var applied: [AppliedShock] = []
        for located in file.shocks {
            if let problem = beyondLimits(located.shock, on: shocked) {
                throw ScenarioError(issues: [
                    ScenarioIssue(.error, file: located.file, line: located.line, message: problem)
                ])
            }
            let detail = apply(located.shock, to: &shocked, random: &random)
            applied.append(
                AppliedShock(
                    label: located.shock.label, detail: detail, isRandom: located.shock.isRandom,
                    setsPricesApart: located.shock.setsPricesApart))
        }
        // Children whose provider no longer offers their type must move.
        let offers = Dictionary(
            shocked.providers.map { ($0.id, Set($0.offers.keys)) }, uniquingKeysWith: { $0.union($1) })
        for index in shocked.cohorts.indices {
            guard let current = shocked.cohorts[index].currentProvider else { continue }
            if offers[current]?.contains(shocked.cohorts[index].placementType) != true {
                shocked.cohorts[index].currentProvider = nil
            }
        }
        return (shocked, applied)
    }

    /// Every name in the file that matches nothing in the scenario, as issues with the file's line.
    public static func check(_ file: ShockFile, against scenario: Scenario) throws(ScenarioError) {
        var log = IssueLog()
        logUnknownNames(in: file, against: scenario, log: &log)
        if log.hasErrors { throw ScenarioError(issues: log.issues) }
    }

    /// Logs every name in the file that matches nothing in the scenario, with the file's line.
    static func logUnknownNames(in file: ShockFile, against scenario: Scenario, log: inout IssueLog) {
        let issuesBefore = log.issues.count
        let owners = Set(scenario.providers.map { ownerKey($0.owner) })
        // The nearest owner is looked for only for the names listed on stderr (``ScenarioError``
        // lists the first ``ScenarioError/listedIssues``): a file of a million unknown owners would
        // otherwise compare each with every owner of the scenario.
        let ownerNames = Array(Set(scenario.providers.map(\.owner))).sorted()
        var unknownNames = 0
        func unknownOwner(_ name: String) -> String {
            unknownNames += 1
            return Self.unknownOwner(name, suggesting: unknownNames <= ScenarioError.listedIssues ? ownerNames : [])
        }
        func unknownAuthority(_ name: String, in lookup: NameLookup) -> String {
            unknownNames += 1
            return lookup.missing(name, suggesting: unknownNames <= ScenarioError.listedIssues)
        }
        // Built once, at the first demand change: a file may hold many.
        var authorityLookup: NameLookup?
        for located in file.shocks {
            switch located.shock {
            case .removeOwners(let names):
                for (index, name) in names.enumerated() where !owners.contains(ownerKey(name)) {
                    let at = located.name(index, key: "[\(index)]", unlocated: "remove_owners")
                    log.error(located.file, line: at.line, column: at.column, field: at.field, unknownOwner(name))
                }
            case .priceChange(_, _, let owner?, _) where !owners.contains(ownerKey(owner)):
                let at = located.name(0, key: ".owner", unlocated: "price_change.owner")
                log.error(located.file, line: at.line, column: at.column, field: at.field, unknownOwner(owner))
            case .demandChange(let change):
                let lookup = authorityLookup ?? NameLookup.authorities(scenario.authorities)
                authorityLookup = lookup
                // Each name looked up once, however often the list repeats it (a scenario has at most a
                // few hundred authorities; a list may name them a million times).
                var known: [String: Bool] = [:]
                for (index, name) in (change.authorities ?? []).enumerated() {
                    if known[name] == nil { known[name] = lookup.index(of: name) != nil }
                    guard known[name] == false else { continue }
                    let at = located.name(
                        index, key: ".authorities[\(index)]", unlocated: "demand_change.authorities")
                    log.error(
                        located.file, line: at.line, column: at.column, field: at.field,
                        unknownAuthority(name, in: lookup))
                }
                if log.issues.count == issuesBefore, matchingCohorts(change, in: scenario, lookup: lookup).isEmpty {
                    // The real scenarios do not mark unaccompanied children: say so, not only "no cohort".
                    let unmarked =
                        change.uasc == true && !scenario.cohorts.contains { $0.requirements.contains(.uasc) }
                    log.error(
                        located.file, line: located.line, field: located.path ?? "demand_change",
                        unmarked
                            ? "uasc: true matches no cohort: no cohort of the scenario has the uasc requirement "
                                + "(the scenarios built from DfE's figures do not mark unaccompanied children; "
                                + "name a placement_type, such as supported_accommodation, instead)"
                            : "matches no cohort of the scenario (sibling groups never grow or shrink)")
                }
            default: break
            }
        }
    }

    /// Logs the first shock that, stacked on the ones before it, takes the scenario beyond what a
    /// scenario may hold, with the file's line: checked once when the file is read, so that every
    /// command (draws and stress cases included) refuses it before anything is solved.
    static func logBeyondLimits(in file: ShockFile, against scenario: Scenario, log: inout IssueLog) {
        var shocked = scenario
        var random = SeededRandom(seed: 0)
        for located in file.shocks {
            if let problem = beyondLimits(located.shock, on: shocked) {
                log.error(located.file, line: located.line, problem)
                return
            }
            _ = apply(located.shock, to: &shocked, random: &random)
        }
    }

    /// Why applying `shock` after the ones before it would take the scenario beyond what a scenario
    /// file may hold (children, a place's weekly price), or `nil`: shocks stack, so each is checked
    /// on the scenario the earlier ones left.
    static func beyondLimits(_ shock: Shock, on scenario: Scenario) -> String? {
        switch shock {
        case .demandChange(let change):
            let matching = matchingCohorts(change, in: scenario)
            let total = Double(matching.reduce(0) { $0 + scenario.cohorts[$1].count })
            let extra: Double =
                switch change.amount {
                case .factor(let factor): total * (factor - 1)
                case .children(let children): Double(children)
                }
            // A fall by a factor cannot take more than the cohorts hold; by a number of children it can.
            if total + extra < 0 {
                return "with the shocks before it, takes away \(NumberText.counted(-Int(extra), "child", "children")) "
                    + "where the matching cohorts hold \(NumberText.grouped(total))"
            }
            let after = Double(scenario.childCount) + extra
            let limit = Double(ScenarioLimits.children)
            guard after > limit else { return nil }
            return "with the shocks before it, takes the scenario to \(NumberText.grouped(after)) children, past "
                + "the \(NumberText.grouped(limit)) a scenario may hold"
        case .priceChange(let sector, let type, let owner, let factor):
            // The prices this shock changes, and only those.
            let prices = repricedOffers(sector: sector, type: type, owner: owner, in: scenario).map { offer in
                scenario.providers[offer.provider].offers[offer.type]!.weeklyPrice
            }
            let highest = prices.max() ?? 0
            if highest * factor > ScenarioLimits.weeklyPrice {
                return "with the shocks before it, prices a place at \(NumberText.pounds(highest * factor)) a week, "
                    + "past the \(NumberText.pounds(ScenarioLimits.weeklyPrice)) a scenario may give"
            }
            // Cuts stack by multiplying: enough of them price a paid place at nothing, a free market.
            let lowest = prices.filter { $0 > 0 }.min() ?? 0
            guard lowest > 0, lowest * factor < ScenarioLimits.lowestPaidPrice else { return nil }
            return "with the shocks before it, prices a place at £\(String(format: "%.4f", lowest * factor)) a week, "
                + "under the £\(String(format: "%.2f", ScenarioLimits.lowestPaidPrice)) a paid place may fall to"
        default:
            return nil
        }
    }

    /// The offers a price change of `sector`, `type` and `owner` (each nil: any) reprices, by
    /// provider index and type, providers in scenario order and each one's types in order.
    static func repricedOffers(
        sector: Sector?, type: PlacementType?, owner: String?, in scenario: Scenario
    ) -> [(provider: Int, type: PlacementType)] {
        scenario.providers.indices.flatMap { index in
            let provider = scenario.providers[index]
            let matches =
                (sector == nil || provider.sector == sector)
                && (owner == nil || ownerKey(provider.owner) == ownerKey(owner ?? ""))
            return matches
                ? provider.offers.keys.sorted().filter { type == nil || $0 == type }.map { (index, $0) } : []
        }
    }

    // MARK: Each kind

    private static func apply(_ shock: Shock, to scenario: inout Scenario, random: inout SeededRandom) -> String {
        switch shock {
        case .removeLargestOwners(let sector, let type, let count):
            var places: [String: (name: String, places: Int)] = [:]
            // With no sector, the market's owners: councils' own places are not a market that leaves.
            let ranked: (Provider) -> Bool = { provider in
                sector.map { provider.sector == $0 } ?? (provider.sector != .localAuthority)
            }
            for provider in scenario.providers where ranked(provider) {
                let key = ownerKey(provider.owner)
                guard !key.isEmpty else { continue }
                let held = offeredPlaces(provider, type: type)
                guard held > 0 else { continue }
                places[key, default: (provider.owner, 0)].places += held
            }
            let sorted = places.sorted { ($1.value.places, $0.key) < ($0.value.places, $1.key) }
            let largest = sorted.prefix(count)
            let leaving = Set(largest.map(\.key))
            let removed = removeOffers(from: &scenario) { provider in
                ranked(provider) && leaving.contains(ownerKey(provider.owner))
                    ? type.map { [$0] } ?? Array(provider.offers.keys) : []
            }
            // Where the first owner staying is as large as the last leaving, or nearly (agencies' foster
            // places, estimated in equal shares, differ by a place), which owners leave is not a matter
            // of size: said, so the list is not read as a ranking.
            let cut = largest.last?.value.places ?? 0
            let next = sorted.dropFirst(count).first?.value.places ?? 0
            let tieNote =
                next > 0 && Double(next) >= 0.95 * Double(cut)
                ? "; the largest owner staying holds \(NumberText.grouped(next)) places against the smallest leaving's "
                    + "\(NumberText.grouped(cut)), so where the list is cut is not a difference of size"
                : ""
            // More owners asked for than hold such places: every one leaves, said so the label's count is not read.
            let allNote =
                count > sorted.count
                ? "; only \(NumberText.counted(sorted.count, "owner holds", "owners hold")) such places in the scenario, "
                    + "so every one leaves" : ""
            return
                "\(NumberText.counted(largest.count, "owner leaves", "owners leave")), \(NumberText.counted(removed, "place", "places")): "
                + largest.map { "\($0.value.name) (\(NumberText.grouped($0.value.places)))" }.joined(separator: ", ")
                + tieNote + allNote
        case .removeOwners(let names):
            let leaving = Set(names.map(ownerKey))
            let removed = removeOffers(from: &scenario) { provider in
                leaving.contains(ownerKey(provider.owner)) ? Array(provider.offers.keys) : []
            }
            return "\(NumberText.counted(removed, "place", "places")) removed"
        case .removeShare(let sector, let type, let share):
            scenario.closures.append(PlaceClosure(sector: sector, placementType: type, share: share))
            return removeShare(sector: sector, type: type, share: share, from: &scenario, random: &random)
        case .priceChange(let sector, let type, let owner, let factor):
            var changed = 0
            for offer in repricedOffers(sector: sector, type: type, owner: owner, in: scenario) {
                scenario.providers[offer.provider].offers[offer.type]?.weeklyPrice *= factor
                changed += scenario.providers[offer.provider].offers[offer.type]?.places ?? 0
            }
            return "\(NumberText.counted(changed, "place", "places")) repriced"
        case .demandChange(let change):
            return changeDemand(change, in: &scenario)
        case .closeInadequate:
            let removed = removeOffers(from: &scenario) { provider in
                provider.rating == .inadequate ? Array(provider.offers.keys) : []
            }
            return "\(NumberText.counted(removed, "place", "places")) removed"
        case .capProfits(let margin):
            var capped = 0
            let policy = scenario.policy
            // Profit is private providers': voluntary and other public providers are not run for it.
            for index in scenario.providers.indices where scenario.providers[index].sector == .private {
                for (type, offer) in scenario.providers[index].offers {
                    let cost = offer.weeklyPrice * (1 - policy.marketMargin(for: type))
                    let cap = cost / (1 - margin)
                    if cap < offer.weeklyPrice {
                        scenario.providers[index].offers[type]?.weeklyPrice = cap
                        capped += offer.places
                    }
                }
            }
            for type in PlacementType.allCases {
                scenario.policy.marketMargins[type] = min(policy.marketMargin(for: type), margin)
            }
            scenario.policy.defaultMarketMargin = min(policy.defaultMarketMargin, margin)
            return "\(NumberText.counted(capped, "place", "places")) repriced"
        }
    }

    /// Grows or shrinks the matching cohorts: round(total × (factor − 1)) children or `children`, half
    /// away from zero (so a fall of 2.5 takes 3, as a rise of 2.5 adds 3), shared over the cohorts in
    /// proportion to their counts by largest remainder. A cohort keeps its current provider: its
    /// children who stay live there still, those who leave leave it. A cohort may fall to none; it
    /// stays in the scenario, empty, so that today's placements know its children went.
    private static func changeDemand(_ change: Shock.DemandChange, in scenario: inout Scenario) -> String {
        let matching = matchingCohorts(change, in: scenario)
        let total = matching.reduce(0) { $0 + scenario.cohorts[$1].count }
        let weights = matching.map { Double(scenario.cohorts[$0].count) }
        let extra: Int
        switch change.amount {
        case .factor(let factor) where factor < 1:
            // total − total × factor, not total × (1 − factor): 1 − 0.9 is 0.0999…98 in binary, which
            // would take 5 × 0.1 = 0.5 children to 0.4999… and round it down.
            extra = -Int((Double(total) - Double(total) * factor).rounded())
        case .factor(let factor):
            // Bounded: factor ≤ 100 and total ≤ the scenario's children.
            extra = Int((Double(total) * (factor - 1)).rounded())
        case .children(let children): extra = children
        }
        let cohorts = "\(NumberText.counted(matching.count, "cohort", "cohorts")) (\(NumberText.grouped(total)) before)"
        guard extra < 0 else {
            // Cohorts an earlier shock emptied take a rise of children, alike: a rise after a fall to
            // none had matched no cohort and added nobody while its label said it had.
            let emptied = total == 0 ? matchingCohorts(change, in: scenario, includingEmpty: true) : []
            let growing = emptied.isEmpty ? matching : emptied
            let parts = Apportion.split(extra, weights: emptied.isEmpty ? weights : emptied.map { _ in 1 })
            for (index, part) in zip(growing, parts) { scenario.cohorts[index].count += part }
            let approved = approveConnectedCarers(for: Array(zip(growing, parts)), in: &scenario)
            let over =
                emptied.isEmpty
                ? cohorts : "\(NumberText.counted(emptied.count, "cohort", "cohorts")) an earlier shock emptied"
            return "\(NumberText.grouped(extra)) more \(extra == 1 ? "child" : "children") over \(over)"
                + (approved > 0
                    ? "; \(NumberText.counted(approved, "connected-carer place", "connected-carer places")) "
                        + "approved with the kinship children (their relatives)" : "")
        }
        // Bounded: a fall by a factor ≤ 1 takes at most the total, and one by children beyond it is refused
        // (``beyondLimits(_:on:)``), so each cohort's share is at most its count.
        let parts = Apportion.split(-extra, weights: weights)
        var emptied = 0
        var leavingProviders = 0
        for (index, part) in zip(matching, parts) {
            let leaving = min(part, scenario.cohorts[index].count)
            scenario.cohorts[index].count -= leaving
            if scenario.cohorts[index].count == 0 { emptied += 1 }
            if scenario.cohorts[index].currentProvider != nil { leavingProviders += leaving }
        }
        var detail = "\(NumberText.grouped(-extra)) fewer \(extra == -1 ? "child" : "children") over \(cohorts)"
        if emptied > 0 { detail += "; \(NumberText.counted(emptied, "cohort is", "cohorts are")) left with none" }
        if leavingProviders > 0 {
            detail +=
                "; \(NumberText.counted(leavingProviders, "child leaves", "children leave")) the provider "
                + "\(leavingProviders == 1 ? "it lives" : "they live") with today"
                + (emptied < matching.count ? ", the rest of each cohort staying there" : "")
        }
        return detail
    }

    /// Connected carers are a child's own relatives, found and approved for the child: more kinship
    /// children bring as many more places with their own council's connected carers (its largest
    /// kinship service, its children's trust's included), as a simulation approves them. A fixed stock
    /// had left a rise of kinship demand unplaced in every mode and as-is alike. Returns the places added.
    private static func approveConnectedCarers(
        for grown: [(cohort: Int, children: Int)], in scenario: inout Scenario
    ) -> Int {
        let grownKinship = grown.filter { $0.children > 0 && scenario.cohorts[$0.cohort].placementType == .kinship }
        guard !grownKinship.isEmpty else { return 0 }
        // Each council's largest kinship service (the first listed among equals), found in one pass.
        var carersOf: [AuthorityCode: Int] = [:]
        for (index, provider) in scenario.providers.enumerated() {
            guard let council = provider.operatingAuthority, let places = provider.offers[.kinship]?.places else {
                continue
            }
            if let best = carersOf[council], (scenario.providers[best].offers[.kinship]?.places ?? 0) >= places {
                continue
            }
            carersOf[council] = index
        }
        var added = 0
        for (index, children) in grownKinship {
            guard let carers = carersOf[scenario.cohorts[index].homeAuthority] else { continue }
            scenario.providers[carers].offers[.kinship]?.places += children
            added += children
        }
        return added
    }

    /// Removes a share of the matching places, each place equally likely (selection sampling).
    private static func removeShare(
        sector: Sector?, type: PlacementType?, share: Double, from scenario: inout Scenario,
        random: inout SeededRandom
    ) -> String {
        var offers: [(provider: Int, type: PlacementType)] = []
        for (index, provider) in scenario.providers.enumerated() where sector == nil || provider.sector == sector {
            for offerType in provider.offers.keys.sorted() where type == nil || offerType == type {
                offers.append((index, offerType))
            }
        }
        var left = offers.reduce(0) { $0 + (scenario.providers[$1.provider].offers[$1.type]?.places ?? 0) }
        let total = left
        // Bounded: share ∈ [0, 1], so the count lies in 0...total.
        var toRemove = Int((share * Double(total)).rounded())
        let removed = toRemove
        for offer in offers {
            let places = scenario.providers[offer.provider].offers[offer.type]?.places ?? 0
            var kept = places
            // Each place goes with probability (places still to remove) ÷ (places not yet visited).
            for _ in 0..<places {
                if toRemove > 0, random.next(below: left) < toRemove {
                    kept -= 1
                    toRemove -= 1
                }
                left -= 1
            }
            scenario.providers[offer.provider].offers[offer.type]?.places = kept
        }
        dropEmptyProviders(&scenario)
        return "\(NumberText.grouped(removed)) of \(NumberText.counted(total, "place", "places")) removed"
    }

    /// Removes the offers `types(provider)` names; a provider left with no offer goes. Returns the
    /// places removed.
    private static func removeOffers(from scenario: inout Scenario, types: (Provider) -> [PlacementType]) -> Int {
        var removed = 0
        for index in scenario.providers.indices {
            for type in types(scenario.providers[index]) {
                removed += scenario.providers[index].offers.removeValue(forKey: type)?.places ?? 0
            }
        }
        dropEmptyProviders(&scenario)
        return removed
    }

    private static func dropEmptyProviders(_ scenario: inout Scenario) {
        scenario.providers.removeAll { provider in provider.offers.values.allSatisfy { $0.places == 0 } }
    }

    private static func offeredPlaces(_ provider: Provider, type: PlacementType?) -> Int {
        if let type { return provider.offers[type]?.places ?? 0 }
        return provider.offers.values.reduce(0) { $0 + $1.places }
    }

    static func ownerKey(_ owner: String) -> String { owner.trimmingWhitespaces.lowercased() }

    /// That no provider has the owner `name`, with the nearest of `owners` (sorted) when one is near
    /// and names the same company: its first word alike ('Cambian Childcare Ltd' for 'Cambian
    /// Childcare Limited'; not 'Cambian Childcare Limited' for 'Keys Childcare Limited', which is
    /// near by edits alone). Said of the scenario's providers: a regional scenario lists only those
    /// inside its authorities.
    static func unknownOwner(_ name: String, suggesting owners: [String]) -> String {
        var message = "no provider of the scenario has the owner '\(name)'"
        // Among the owners that could be the same company only: a nearer different one would hide it.
        if let suggestion = nearest(to: name, in: owners.filter { sameFirstWord(name, $0) }) {
            message += " (did you mean '\(suggestion)'?)"
        }
        return message
    }

    /// Whether two owner names start with the same word ('the' aside), up to a typo in it (one edit
    /// in three letters).
    private static func sameFirstWord(_ one: String, _ other: String) -> Bool {
        func first(_ text: String) -> String {
            let words = text.lowercased().split(whereSeparator: \.isWhitespace)
            return String((words.first == "the" ? words.dropFirst().first : words.first) ?? "")
        }
        let (a, b) = (first(one), first(other))
        return editDistance(a, b) <= max(1, max(a.count, b.count) / 3)
    }

    /// Indices of the cohorts a demand change grows or shrinks: commissioned, not in a sibling group
    /// (a group is never split), with children.
    /// `includingEmpty`: also the cohorts an earlier fall left with no children.
    static func matchingCohorts(
        _ change: Shock.DemandChange, in scenario: Scenario, lookup given: NameLookup? = nil,
        includingEmpty: Bool = false
    ) -> [Int] {
        // One lookup of the scenario's authorities (the caller's, where it has one), and each
        // distinct name looked up once.
        let lookup = given ?? NameLookup.authorities(scenario.authorities)
        let authorities = change.authorities.map { names in
            Set(Set(names).compactMap { lookup.code(of: $0).map(AuthorityCode.init(rawValue:)) })
        }
        return scenario.cohorts.indices.filter { index in
            let cohort = scenario.cohorts[index]
            return cohort.placementType.isCommissioned && cohort.siblingGroup == nil
                && (cohort.count > 0 || includingEmpty)
                && (change.placementType == nil || cohort.placementType == change.placementType)
                && (authorities?.contains(cohort.homeAuthority) ?? true)
                && (change.uasc == nil || cohort.requirements.contains(.uasc) == change.uasc)
        }
    }
}
