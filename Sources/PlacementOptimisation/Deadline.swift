/// When a mode's work must stop, if ever: the moment a time limit given to a command runs out,
/// counted from the command's start, so that loading and building count against it too.
public struct Deadline: Sendable {
    /// The moment, or `nil` for no limit.
    public var instant: ContinuousClock.Instant?

    public init(_ instant: ContinuousClock.Instant?) { self.instant = instant }

    /// No limit.
    public static let none = Deadline(nil)

    /// A limit of `duration` from now.
    public static func after(_ duration: Duration) -> Deadline { Deadline(ContinuousClock.now + duration) }

    public var hasPassed: Bool { instant.map { ContinuousClock.now >= $0 } ?? false }

    /// What is left, at least a millisecond (GLPK's smallest limit), or `nil` for no limit.
    public var remaining: Duration? { instant.map { max(.milliseconds(1), $0 - ContinuousClock.now) } }

    /// The earlier of two deadlines.
    func earliest(_ other: Deadline) -> Deadline {
        switch (instant, other.instant) {
        case (let a?, let b?): Deadline(min(a, b))
        case (nil, _): other
        case (_, nil): self
        }
    }
}
