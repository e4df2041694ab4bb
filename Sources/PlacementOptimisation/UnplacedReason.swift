import Foundation
import PlacementScenarios

/// Says why a unit's children are unplaced, in words an analyst can act on.
enum UnplacedReason {
    /// Checks the unit against every pool of its type, ignoring places already used: if some pool
    /// admits it, the admissible places were all taken, or cost the objective more than leaving the
    /// child unplaced (the policy's `unplaced_penalty`); otherwise the furthest check any pool passed
    /// names what stopped it.
    static func explain(_ index: Int, in problem: PlacementProblem) -> String {
        let unit = problem.units[index]
        let costing = problem.costing
        let candidates = problem.poolsOffering(unit.placementType)
        guard !candidates.isEmpty else { return "no provider offers \(unit.placementType.label.lowercased()) places" }
        var furthest: PairCosting.Refusal?
        var cheapest: Double?
        var dearest: Double?
        // A kinship child is told why its own council's connected carers could not take it (too far,
        // say); that another council's are not its relatives only where its own council has none.
        let ownCarers =
            unit.placementType == .kinship
            ? candidates.filter { problem.pools[$0].representative.operatingAuthority == unit.homeAuthority } : []
        for pool in ownCarers.isEmpty ? candidates : ownCarers {
            switch problem.admissibility(index, pool: pool) {
            case .admissible(let terms):
                cheapest = min(cheapest ?? terms.cost, terms.cost)
                dearest = max(dearest ?? terms.cost, terms.cost)
            case .refused(let refusal):
                furthest = max(furthest ?? refusal, refusal)
            }
        }
        let penalty = costing.policy.unplacedPenalty
        if let cheapest, let dearest {
            if cheapest >= penalty {
                return "leaving the child unplaced costs the objective no more (unplaced_penalty, "
                    + "\(NumberText.grouped(penalty)) a week) than any admissible placement (the cheapest "
                    + "\(NumberText.grouped(cheapest)) a week, weighted as the objective weighs it): raise "
                    + "unplaced_penalty above what a placement can cost"
            }
            return dearest >= penalty
                ? "every admissible place costing the objective less than leaving the child unplaced "
                    + "(unplaced_penalty, \(NumberText.grouped(penalty)) a week) is taken"
                : "every admissible place is taken"
        }
        guard let furthest else { return "no provider offers a place the child can take" }
        switch furthest {
        case .ageRange:
            return "no provider takes ages \(unit.ageBands.map(\.description).joined(separator: ", "))"
        case .requirements:
            let needs = unit.requirements.sorted().map(\.rawValue).joined(separator: ", ")
            return "no provider has the specialisms needed (\(needs))"
        case .rating:
            return "no provider meets the Ofsted floor (\(costing.policy.minimumRating.rawValue))"
        case .avoided:
            return "every suitable provider is in an authority the child's plan avoids"
        case .distance:
            let limit = costing.policy.maximumDistance(for: unit.placementType) ?? 0
            return "no suitable provider within \(String(format: "%.0f", limit)) miles"
        case .anotherCouncilsPlaceBeyondBoundary:
            return "the only suitable places are other councils' own beyond the region's boundary, which stand "
                + "where those councils' children are placed today"
        case .access:
            return "no suitable provider is open to this council in \(costing.mode.rawValue) mode"
        case .notTheChildsRelatives:
            return "no connected carers of the child's own council (another council's are not the child's relatives)"
        }
    }
}
