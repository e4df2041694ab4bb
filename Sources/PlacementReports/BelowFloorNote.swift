import PlacementOptimisation
import PlacementScenarios

/// Children a mode leaves with their recorded provider below the Ofsted floor (no place meeting the
/// floor in reach): said, since each adds a quarter of the unplaced penalty to the objective.
enum BelowFloorNote {
    static func sentence(_ results: [ModeResult], policy: Policy) -> String? {
        let counts = results.map { mode in
            (
                mode.mode,
                mode.decisions.filter { decision in
                    decision.provider.map { !$0.rating.meets(policy.minimumRating) } ?? false
                }.reduce(0) { $0 + $1.children }
            )
        }
        let staying = counts.filter { $0.1 > 0 }
        guard !staying.isEmpty else { return nil }
        let listed = staying.map { "\(ReportNumbers.grouped($0.1)) under \($0.0.rawValue)" }
        return "Children who stay with the provider their records name, rated below the Ofsted floor ("
            + policy.minimumRating.rawValue.replacingOccurrences(of: "_", with: " ")
            + "), as no place meeting the floor is in reach: " + NumberText.listed(listed) + ". Each adds "
            + "\(NumberText.pounds(policy.belowFloorSurcharge)) a week to the objective (a quarter of the "
            + "unplaced penalty); no child is newly placed there."
    }
}
