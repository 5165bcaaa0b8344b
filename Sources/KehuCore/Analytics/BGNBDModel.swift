import Foundation

/// The BG/NBD model of repeat buying (Fader, Hardie & Lee 2005, "Counting your
/// customers the easy way").
///
/// While alive, a customer buys as a Poisson process with rate λ ~ Gamma(r, α);
/// after each purchase they drop out with probability p ~ Beta(a, b). Time is in
/// the unit the data was summarised in (days or weeks): α carries that unit.
///
/// Per-customer data is (x, tₓ, T): repeat purchase count, time of the last
/// purchase and the customer's age, both measured from the first purchase.
public struct BGNBDModel: Sendable, Hashable {
    public var r: Double
    public var alpha: Double
    public var a: Double
    public var b: Double

    public init(r: Double, alpha: Double, a: Double, b: Double) {
        self.r = r; self.alpha = alpha; self.a = a; self.b = b
    }

    /// ln L(r, α, a, b | x, tₓ, T), equation (6) of the paper in its log form:
    ///
    ///     A₁ = ln Γ(r+x) − ln Γ(r) + r ln α
    ///     A₂ = ln Γ(a+b) + ln Γ(b+x) − ln Γ(b) − ln Γ(a+b+x)
    ///     A₃ = −(r+x) ln(α+T)
    ///     A₄ = ln a − ln(b+x−1) − (r+x) ln(α+tₓ)      (only when x > 0)
    ///     ln L = A₁ + A₂ + ln(e^A₃ + [x>0] e^A₄)
    public func logLikelihood(x: Int, tx: Double, T: Double) -> Double {
        let xd = Double(x)
        let a1 = logGamma(r + xd) - logGamma(r) + r * log(alpha)
        let a2 = logGamma(a + b) + logGamma(b + xd) - logGamma(b) - logGamma(a + b + xd)
        let a3 = -(r + xd) * log(alpha + T)
        guard x > 0 else { return a1 + a2 + a3 }
        let a4 = log(a) - log(b + xd - 1) - (r + xd) * log(alpha + tx)
        return a1 + a2 + SpecialFunctions.logAddExp(a3, a4)
    }

    /// P(alive | x, tₓ, T) = 1 / (1 + [x>0] · a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x)).
    public func probabilityAlive(x: Int, tx: Double, T: Double) -> Double {
        guard x > 0 else { return 1 }
        let xd = Double(x)
        let logRatio = log(a) - log(b + xd - 1) + (r + xd) * (log(alpha + T) - log(alpha + tx))
        return 1 / (1 + exp(logRatio))
    }

    /// E[X(t)]: purchases a new customer is expected to make in (0, t].
    ///
    ///     (a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))]
    ///
    /// computed through Euler's transformation (see `bracket`).
    public func expectedPurchases(newCustomerOver t: Double) -> Double? {
        guard t > 0 else { return 0 }
        guard abs(a - 1) > 1e-9, let br = bracket(x: 0, z: t / (alpha + t)) else { return nil }
        let v = (a + b - 1) / (a - 1) * br
        return v.isFinite ? v : nil
    }

    /// 1 − (1−z)^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z), evaluated as
    /// 1 − (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z) by Euler's transformation
    /// ₂F₁(A, B; C; z) = (1−z)^(C−A−B) ₂F₁(C−A, C−B; C; z). The direct series grows like
    /// (1−z)^−(r+x) before it converges and overflows for heavy buyers (x in the hundreds,
    /// day units); the transformed one has the small parameter a−1 and stays tame.
    func bracket(x: Int, z: Double) -> Double? {
        let xd = Double(x)
        guard let f = SpecialFunctions.hypergeometric2F1(a + b - 1 - r, a - 1, a + b + xd - 1, z) else { return nil }
        return 1 - exp((a - 1) * log1p(-z)) * f
    }

    /// E[Y(t) | x, tₓ, T]: purchases a customer with this history is expected to make
    /// in the next t units (equation 10 of the paper). Nil when the series for
    /// ₂F₁ does not converge, so callers never print an unreliable value.
    ///
    ///     (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]
    ///     ───────────────────────────────────────────────────────────────────────
    ///                1 + [x>0] · a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x)
    public func expectedPurchases(over t: Double, x: Int, tx: Double, T: Double) -> Double? {
        guard t > 0 else { return 0 }
        let xd = Double(x)
        guard abs(a - 1) > 1e-9, let br = bracket(x: x, z: t / (alpha + T + t)) else { return nil }
        let numerator = (a + b + xd - 1) / (a - 1) * br
        let v = numerator * probabilityAlive(x: x, tx: tx, T: T)
        return v.isFinite ? max(0, v) : nil
    }
}
