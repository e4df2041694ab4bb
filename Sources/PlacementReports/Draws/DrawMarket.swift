import PlacementSimulation

/// The market draws solve, as their reports state it: today's market (before any shock), or `nil`
/// for every place empty and free, with the sentences the Markdown and HTML print.
public struct DrawMarket: Sendable {
    /// Today's market before any shock; `nil` for the empty market.
    public let today: TodaysMarket?
    /// The sentences on the market (which one, and why, and how shocks rebuild it).
    public let notes: [String]

    public init(today: TodaysMarket?, notes: [String]) {
        self.today = today
        self.notes = notes
    }

    /// `{"today": {…} | null, "notes": […]}`: `today` in the form of the comparison's `as_is.market`.
    struct Object: Encodable {
        var market: DrawMarket

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: JSONKey.self)
            if let today = market.today {
                try container.encode(ResultJSON.MarketObject(today), forKey: JSONKey("today"))
            } else {
                try container.encodeNil(forKey: JSONKey("today"))
            }
            try container.encode(market.notes, forKey: JSONKey("notes"))
        }
    }
}
