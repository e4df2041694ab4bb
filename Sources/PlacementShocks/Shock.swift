import PlacementScenarios

/// One change to a scenario's market or demand, as a shocks file states it. Shocks are data: each
/// is applied to a scenario to give a new scenario, which every command then solves as usual.
public enum Shock: Sendable, Equatable {
    /// The `count` owners (the providers' `owner` column) holding most places of `placementType`
    /// (of every type when `nil`) among providers of `sector` leave: their offers of that type go.
    case removeLargestOwners(sector: Sector?, placementType: PlacementType?, count: Int)
    /// The named owners leave: every provider they own goes (matched ignoring case).
    case removeOwners([String])
    /// A `share` of the places of `sector` and `placementType`, drawn at random place by place with
    /// the draw's seed, goes.
    case removeShare(sector: Sector?, placementType: PlacementType?, share: Double)
    /// Weekly prices of the matching offers are multiplied by `factor`.
    case priceChange(sector: Sector?, placementType: PlacementType?, owner: String?, factor: Double)
    /// More or fewer children: the matching cohorts (not sibling groups) change by `factor` or by
    /// `children` in all (negative: fewer), the change shared over them by largest remainder in
    /// proportion to their counts. A shocks file's `demand_increase` only grows them; its
    /// `demand_change` goes both ways.
    case demandChange(DemandChange)
    /// Providers judged inadequate by Ofsted close.
    case closeInadequate
    /// External providers' prices are cut to cost plus `margin` of the price, where cost is the price
    /// less the policy's market margin; the policy's margins are capped at `margin` too.
    case capProfits(margin: Double)

    /// Which children a demand change adds to or takes from, and how many.
    public struct DemandChange: Sendable, Equatable {
        public var placementType: PlacementType?
        /// Codes or names, as written; `nil` for every authority.
        public var authorities: [String]?
        /// `true`: only unaccompanied asylum-seeking children; `false`: only others; `nil`: both.
        public var uasc: Bool?
        public var amount: Amount

        public enum Amount: Sendable, Equatable {
            /// The matching children × factor (0–100): below 1, fewer.
            case factor(Double)
            /// Children added in all; negative, taken away.
            case children(Int)
        }

        public init(placementType: PlacementType?, authorities: [String]?, uasc: Bool?, amount: Amount) {
            self.placementType = placementType
            self.authorities = authorities
            self.uasc = uasc
            self.amount = amount
        }
    }

    /// Whether applying the shock draws random numbers (so that draws differ).
    public var isRandom: Bool {
        if case .removeShare = self { return true }
        return false
    }

    /// Whether the shock sets some providers' prices apart from the rest (a price change for a sector
    /// or an owner, a cap on profits), so that a scenario priced alike by sector no longer is; a
    /// change of every price of a type keeps them alike.
    public var setsPricesApart: Bool {
        switch self {
        case .priceChange(let sector, _, let owner, _): sector != nil || owner != nil
        case .capProfits: true
        default: false
        }
    }

    /// The shock in a few words, for reports: "10 largest private children's home owners in the
    /// scenario leave".
    public var label: String {
        func scope(_ sector: Sector?, _ type: PlacementType?) -> String {
            [sector.map { $0.label.lowercased() }, type.map { $0.label.lowercased() }].compactMap { $0 }
                .joined(separator: " ")
        }
        switch self {
        case .removeLargestOwners(let sector, let type, let count):
            // Ranked among the scenario's providers only: a regional scenario's largest are local ones.
            let what = sector == nil ? "non-council " + scope(nil, type) : scope(sector, type)
            let owners = "\(what.trimmingCharacters(in: .whitespaces)) owner\(count == 1 ? "" : "s") in the scenario"
            return (count == 1 ? "the largest \(owners) leaves" : "\(count) largest \(owners) leave")
        case .removeOwners(let names):
            return "\(names.joined(separator: ", ")) leave\(names.count == 1 ? "s" : "")"
        case .removeShare(let sector, let type, let share):
            let what = scope(sector, type)
            return "\(NumberText.percent(share)) of \(what.isEmpty ? "all" : what) places close at random"
        case .priceChange(let sector, let type, let owner, let factor):
            var what = scope(sector, type)
            if let owner { what += (what.isEmpty ? "" : ", ") + owner }
            return "prices of \(what.isEmpty ? "every place" : what) × \(NumberText.decimal(factor, places: 3))"
        case .demandChange(let change):
            var what = change.placementType.map { $0.label.lowercased() } ?? "all"
            if change.uasc == true { what += " unaccompanied" }
            what += " children"
            if let authorities = change.authorities { what += " in " + authorities.joined(separator: ", ") }
            switch change.amount {
            case .factor(let factor) where factor < 1:
                // A fall said as one, not as a factor a reader must work out is below 1.
                return "\(what) −\(NumberText.percent(1 - factor)) (× \(NumberText.decimal(factor, places: 3)))"
            case .factor(let factor): return "\(what) × \(NumberText.decimal(factor, places: 3))"
            case .children(let children) where children < 0: return "\(-children) fewer \(what)"
            case .children(let children): return "\(children) more \(what)"
            }
        case .closeInadequate:
            return "homes judged inadequate close"
        case .capProfits(let margin):
            return "private prices capped at cost plus \(NumberText.percent(margin)) margin"
        }
    }
}

/// A shock with where the shocks file states it, for errors.
public struct LocatedShock: Sendable, Equatable {
    public var shock: Shock
    /// The file's name, as given.
    public var file: String
    /// 1-based line of the shock's entry.
    public var line: Int?
    /// The shock's key in the file, as errors name it: `shocks[1].demand_change`; `nil` for a shock
    /// made in code.
    public var path: String?
    /// Where each name the shock lists stands in the file, in the shock's order: `remove_owners`'
    /// owners, `price_change`'s owner, a demand change's authorities. Empty for a shock made in code.
    public var names: [Position]

    /// A 1-based line and column.
    public struct Position: Sendable, Equatable {
        public var line: Int
        public var column: Int

        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
    }

    public init(_ shock: Shock, file: String, line: Int?, path: String? = nil, names: [Position] = []) {
        self.shock = shock
        self.file = file
        self.line = line
        self.path = path
        self.names = names
    }

    /// Where the shock's `index`th name stands (its entry's line where unknown) and its field: the
    /// shock's path and `key` (`shocks[1].demand_change` and `.authorities[0]`); `unlocated` for a
    /// shock made in code.
    func name(_ index: Int, key: String, unlocated: String) -> (line: Int?, column: Int?, field: String) {
        let position = names.indices.contains(index) ? names[index] : nil
        return (position?.line ?? line, position?.column, path.map { $0 + key } ?? unlocated)
    }
}
