@_exported import Tagged

/// A local authority's GSS code, e.g. `E08000003` (Manchester).
public typealias AuthorityCode = Tagged<Authority, String>
/// A regional care co-operative's id.
public typealias CooperativeID = Tagged<Cooperative, String>
/// A cohort's id in `children.csv`.
public typealias CohortID = Tagged<Cohort, String>
/// A provider's id in `providers.csv` (rows sharing an id are one provider).
public typealias ProviderID = Tagged<Provider, String>
/// A sibling group's id: cohorts sharing it are placed together.
public typealias SiblingGroupID = Tagged<SiblingGroup, String>

/// The tag of sibling-group ids: a group has no record of its own, only the cohorts that share it.
public enum SiblingGroup {}

extension Provider {
    /// The start of every id a capacity plan gives its new places (`plan-` and the candidate's id),
    /// kept from `providers.csv` so that a planned provider never takes a registered one's id.
    public static let plannedIDPrefix = "plan-"

    /// Whether it is a capacity plan's new places: not built yet, so empty, and held by no one today.
    public var isPlannedBuild: Bool { id.rawValue.hasPrefix(Self.plannedIDPrefix) }
}
