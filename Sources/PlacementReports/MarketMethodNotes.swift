/// The method notes on the market a report's modes solved, shared by the comparison and the
/// sufficiency reports so that both say the same of the same market.
extension AsIsComparison {
    /// In the empty market (no calibrated baseline, or `--empty-market`), that every place is free for
    /// the scenario's children, so `emptyMarketConsequence` (a lower-case clause), then why as-is is
    /// not shown; in today's market, where as-is comes from and what the market holds (``notes``).
    static func methodNotes(_ comparison: AsIsComparison?, emptyMarketConsequence: String) -> [String] {
        let notes = comparison?.notes ?? []
        guard comparison?.asIs == nil else { return notes }
        return [
            "Every place in the scenario is treated as free for the scenario's children, so "
                + "\(emptyMarketConsequence)."
        ] + notes
    }
}
