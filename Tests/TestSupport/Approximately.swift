/// Whether two numbers agree to a relative tolerance (absolute near zero).
public func approximately(_ a: Double, _ b: Double, tolerance: Double = 1e-6) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}
