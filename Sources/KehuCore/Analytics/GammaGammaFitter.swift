import Foundation

/// Fits `GammaGammaModel` by maximum likelihood on customers with repeat
/// purchases and a positive mean spend. Gradient with respect to (p, q, v):
///
///     ∂/∂p = x [ψ(px+q) − ψ(px) + ln m̄ + ln x − ln(v + x m̄)]
///     ∂/∂q = ψ(px+q) − ψ(q) + ln v − ln(v + x m̄)
///     ∂/∂v = q/v − (px+q)/(v + x m̄)
public struct GammaGammaFitter: Sendable {
    let xs: [Int]
    let spends: [Double]
    let logSpend: [Double]
    let maxX: Int

    public init(_ data: [RepeatPurchaseSummary]) {
        var xs: [Int] = [], spends: [Double] = []
        for d in data where d.frequency > 0 {
            guard let m = d.monetaryValue, m > 0, m.isFinite else { continue }
            xs.append(d.frequency); spends.append(m)
        }
        self.xs = xs; self.spends = spends
        self.logSpend = spends.map { log($0) }
        self.maxX = xs.max() ?? 0
    }

    /// Customers the fit uses.
    public var observations: Int { xs.count }

    /// Mean negative log-likelihood and its gradient with respect to (ln p, ln q, ln v).
    public func objective(_ theta: [Double]) -> (value: Double, gradient: [Double]) {
        let p = exp(theta[0]), q = exp(theta[1]), v = exp(theta[2])
        let n = maxX + 1
        var c = [Double](repeating: 0, count: n), dp = c, dq = c
        let lgQ = logGamma(q), psiQ = SpecialFunctions.digamma(q), logV = log(v)
        for x in 1..<max(n, 2) where x < n {
            let xd = Double(x), px = p * xd
            c[x] = logGamma(px + q) - logGamma(px) - lgQ + q * logV + px * log(xd)
            let psiPXQ = SpecialFunctions.digamma(px + q)
            dp[x] = xd * (psiPXQ - SpecialFunctions.digamma(px) + log(xd))
            dq[x] = psiPXQ - psiQ + logV
        }
        var ll = 0.0, gp = 0.0, gq = 0.0, gv = 0.0
        for i in xs.indices {
            let x = xs[i], xd = Double(x), m = spends[i], lm = logSpend[i]
            let px = p * xd
            let lvm = log(v + xd * m)
            ll += c[x] + (px - 1) * lm - (px + q) * lvm
            gp += dp[x] + xd * (lm - lvm)
            gq += dq[x] - lvm
            gv += q / v - (px + q) / (v + xd * m)
        }
        let nObs = Double(max(xs.count, 1))
        return (-ll / nObs, [-gp * p / nObs, -gq * q / nObs, -gv * v / nObs])
    }

    /// Fits from the `lifetimes` default start (all ones) and from starts scaled to
    /// the observed mean spend, keeping the best converged run.
    public func fit() -> ModelFit<GammaGammaModel> {
        let mean = spends.isEmpty ? 1 : spends.reduce(0, +) / Double(spends.count)
        let starts: [[Double]] = [
            [0, 0, 0],
            [0, log(2), log(max(mean, 1e-6))],
            [log(5), log(3), log(max(mean, 1e-6) * 2 / 5)],
        ]
        let (point, diagnostics) = FitDiagnostics.fit(starts: starts, observations: xs.count) { objective($0) }
        let model = point.map { GammaGammaModel(p: exp($0[0]), q: exp($0[1]), v: exp($0[2])) }
        return ModelFit(model: model, diagnostics: diagnostics)
    }
}
