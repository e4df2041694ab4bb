/// Axis ticks a reader can count in: steps of 1, 2 or 5 times a power of ten (0, 20, 40 … or
/// 0, 0.5, 1 …), never 1.2 / 2.5 / 3.8.
public struct AxisTicks: Sendable, Equatable {
    /// The step between ticks.
    public var step: Double
    /// The last tick, at or above the largest value: where the axis ends.
    public var top: Double

    /// Ticks from zero covering `maximum`, with at most `most` steps (at least one).
    public init(covering maximum: Double, most: Int = 5) {
        let most = max(most, 1)
        // Below a millionth nothing is drawn apart: one step of 1 (and no step of zero to divide by).
        guard maximum.isFinite, maximum > 1e-6 else {
            self.step = 1
            self.top = 1
            return
        }
        var power = 1.0
        // The power of ten at or just below maximum / most, then the first 1-2-5 step that fits.
        let rough = maximum / Double(most)
        while power * 10 <= rough { power *= 10 }
        while power > rough { power /= 10 }
        var chosen = 10 * power
        for multiple in [1.0, 2, 5, 10] where multiple * power * Double(most) >= maximum * (1 - 1e-12) {
            chosen = multiple * power
            break
        }
        step = chosen
        top = (maximum / chosen * (1 - 1e-12)).rounded(.up) * chosen
    }

    /// Every tick from zero to `top`.
    public var values: [Double] {
        let count = Int((top / step).rounded())
        return (0...max(count, 0)).map { Double($0) * step }
    }
}
