import Foundation

/// The few special functions the purchase models need, in plain Swift so that
/// fitting runs without Python or a numerics library.
///
/// `lgamma` comes from the C library; digamma and the Gauss hypergeometric
/// function are written here because Glibc has neither.
public enum SpecialFunctions {
    /// ln Γ(x) for x > 0.
    @inline(__always) public static func logGamma(_ x: Double) -> Double { let v: Double = lgamma(x); return v }

    /// ψ(x) = d/dx ln Γ(x) for x > 0: recurrence up to x ≥ 10, then the
    /// asymptotic series (error below 1e-13 there).
    public static func digamma(_ x0: Double) -> Double {
        guard x0 > 0, x0.isFinite else { return .nan }
        var x = x0
        var result = 0.0
        while x < 10 { result -= 1 / x; x += 1 }
        let inv = 1 / x, inv2 = inv * inv
        // ln x − 1/2x − Σ B_2k / (2k x^2k)
        let series = inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240 - inv2 * (1.0 / 132)))))
        return result + log(x) - 0.5 * inv - series
    }

    /// ₂F₁(a, b; c; z) for 0 ≤ z < 1 by its power series, summed until a term no
    /// longer changes the sum. Returns nil when the series has not converged
    /// within `maxTerms` (z extremely close to 1), so callers never use a wrong value.
    ///
    /// The BG/NBD expectations only need z = t/(α+T+t) in [0, 1) and c > 0; after Euler's
    /// transformation one of a, b may be negative, which makes the terms alternate (no
    /// growth, and the tail is bounded by the last term).
    public static func hypergeometric2F1(_ a: Double, _ b: Double, _ c: Double, _ z: Double, maxTerms: Int = 200_000) -> Double? {
        guard z >= 0, z < 1, c > 0 else { return nil }
        if z == 0 { return 1 }
        var term = 1.0, sum = 1.0
        var n = 0.0
        // Once the term ratio is below 1 the ratio tends to z from either side, so
        // the remaining tail is at most about term · 1/(1 − z).
        let tailFactor = 1 / (1 - z)
        for _ in 0..<maxTerms {
            let ratio = (a + n) * (b + n) / ((c + n) * (n + 1)) * z
            term *= ratio
            sum += term
            n += 1
            if abs(ratio) < 1 && abs(term) * tailFactor <= 1e-15 * abs(sum) { return sum }
            if !sum.isFinite { return nil }
        }
        return nil
    }

    /// ln(e^a + e^b) without overflow.
    @inline(__always) public static func logAddExp(_ a: Double, _ b: Double) -> Double {
        let m = max(a, b)
        if m == -.infinity { return -.infinity }
        return m + log1p(exp(-abs(a - b)))
    }
}

/// ln Γ(x), unambiguous (Glibc also declares an `lgamma` that returns the sign).
@inline(__always) func logGamma(_ x: Double) -> Double { SpecialFunctions.logGamma(x) }
