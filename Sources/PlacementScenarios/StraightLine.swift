/// A least-squares straight line through points `(x, y)`: the trend the forecast extends and the
/// simulation's supply follows.
public struct StraightLine: Sendable, Equatable {
    public let meanX: Double
    public let meanY: Double
    /// Zero when every point has the same `x`.
    public let slope: Double

    /// Nil with fewer than two points.
    public init?(_ points: [(x: Double, y: Double)]) {
        guard points.count >= 2 else { return nil }
        let count = Double(points.count)
        let meanX = points.reduce(0) { $0 + $1.x } / count
        let meanY = points.reduce(0) { $0 + $1.y } / count
        let sxx = points.reduce(0) { $0 + ($1.x - meanX) * ($1.x - meanX) }
        let sxy = points.reduce(0) { $0 + ($1.x - meanX) * ($1.y - meanY) }
        self.meanX = meanX
        self.meanY = meanY
        slope = sxx > 0 ? sxy / sxx : 0
    }

    /// The line's value at `x`.
    public func value(at x: Double) -> Double { meanY + slope * (x - meanX) }
}
