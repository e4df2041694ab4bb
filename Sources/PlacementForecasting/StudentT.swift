import Foundation

/// Student's t distribution's quantiles, for intervals whose variance rests on few errors.
enum StudentT {
    /// The `probability` quantile with `degrees` degrees of freedom (any positive real; infinity is
    /// the normal distribution). Bisection on the distribution function, to 1e-10.
    static func quantile(_ probability: Double, degrees: Double) -> Double {
        guard probability != 0.5 else { return 0 }
        if probability < 0.5 { return -quantile(1 - probability, degrees: degrees) }
        var low = 0.0
        var high = 1.0
        while distribution(high, degrees: degrees) < probability { high *= 2 }
        for _ in 0..<200 where high - low > 1e-10 {
            let middle = (low + high) / 2
            if distribution(middle, degrees: degrees) < probability { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }

    /// P(T ≤ t) for t ≥ 0: 1 − I_{ν/(ν+t²)}(ν/2, 1/2) / 2; the normal distribution past 1e7 degrees.
    static func distribution(_ t: Double, degrees: Double) -> Double {
        guard degrees < 1e7 else { return 0.5 * erfc(-t / 2.0.squareRoot()) }
        return 1 - 0.5 * regularisedBeta(degrees / (degrees + t * t), degrees / 2, 0.5)
    }

    /// The regularised incomplete beta function I_x(a, b), by its continued fraction (modified Lentz).
    static func regularisedBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        guard x > 0 else { return 0 }
        guard x < 1 else { return 1 }
        let logGamma: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
        let logPowers: Double = a * log(x) + b * log(1 - x)
        let front = exp(logGamma + logPowers)
        // The fraction converges fast for x < (a + 1) / (a + b + 2); otherwise by symmetry.
        if x > (a + 1) / (a + b + 2) { return 1 - regularisedBeta(1 - x, b, a) }
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        d = 1 / (abs(d) < tiny ? tiny : d)
        var fraction = d
        for m in 1...300 {
            let m = Double(m)
            let even: Double = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            let odd: Double = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            for numerator in [even, odd] {
                d = 1 + numerator * d
                d = 1 / (abs(d) < tiny ? tiny : d)
                c = 1 + numerator / c
                if abs(c) < tiny { c = tiny }
                fraction *= d * c
            }
            if abs(d * c - 1) < 1e-15 { break }
        }
        return front * fraction / a
    }
}
