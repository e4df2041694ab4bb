/// A number a model assumes rather than reads: its value, the range over which the answer should be
/// checked, and where it comes from (or `assumed`, with the reasoning, where no source gives it).
public struct Assumption: Sendable, Equatable {
    public var value: Double
    public var range: ClosedRange<Double>
    public var source: String

    public init(_ value: Double, range: ClosedRange<Double>, source: String) {
        self.value = value
        self.range = range
        self.source = source
    }
}
