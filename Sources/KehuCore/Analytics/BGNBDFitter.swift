import Foundation

/// Fits `BGNBDModel` by maximum likelihood.
///
/// Customers with identical (x, tₓ, T) are merged with a weight first: every
/// one-time buyer of the same age shares one term, which shrinks real data a lot.
/// The objective is the mean negative log-likelihood in log-parameter space, with
/// its exact gradient (ψ = digamma; w = the posterior weight of the "dropped out
/// after the last purchase" branch, e^A₄ / (e^A₃ + e^A₄)):
///
///     ∂/∂r = ψ(r+x) − ψ(r) + ln α − (1−w) ln(α+T) − w ln(α+tₓ)
///     ∂/∂α = r/α − (r+x) [(1−w)/(α+T) + w/(α+tₓ)]
///     ∂/∂a = ψ(a+b) − ψ(a+b+x) + w/a
///     ∂/∂b = ψ(a+b) + ψ(b+x) − ψ(b) − ψ(a+b+x) − w/(b+x−1)
public struct BGNBDFitter: Sendable {
    struct Cell: Hashable { var x: Int; var tx: Double; var T: Double }

    let cells: [Cell]
    let weights: [Double]
    /// Distinct ages and recencies, and each cell's index into them: ln(α+T) is
    /// then computed once per distinct value per evaluation, not once per customer.
    let ages: [Double], recencies: [Double]
    let ageIndex: [Int32], recencyIndex: [Int32]
    let count: Int
    let maxX: Int

    public init(_ data: [RepeatPurchaseSummary]) {
        var index: [Cell: Int] = [:]
        var cells: [Cell] = [], weights: [Double] = []
        var maxX = 0
        for d in data where d.age > 0 || d.frequency == 0 {
            let c = Cell(x: d.frequency, tx: d.frequency == 0 ? 0 : d.recency, T: d.age)
            if let i = index[c] { weights[i] += 1 } else { index[c] = cells.count; cells.append(c); weights.append(1) }
            maxX = max(maxX, d.frequency)
        }
        func distinct(_ values: [Double]) -> ([Double], [Int32]) {
            var at: [Double: Int32] = [:], list: [Double] = []
            let idx = values.map { v in
                if let i = at[v] { return i }
                at[v] = Int32(list.count); list.append(v); return Int32(list.count - 1)
            }
            return (list, idx)
        }
        (ages, ageIndex) = distinct(cells.map(\.T))
        (recencies, recencyIndex) = distinct(cells.map(\.tx))
        self.cells = cells; self.weights = weights; self.maxX = maxX
        self.count = Int(weights.reduce(0, +))
    }

    /// Mean negative log-likelihood and its gradient with respect to (ln r, ln α, ln a, ln b).
    public func objective(_ theta: [Double]) -> (value: Double, gradient: [Double]) {
        let r = exp(theta[0]), alpha = exp(theta[1]), a = exp(theta[2]), b = exp(theta[3])
        let n = maxX + 1
        var c1 = [Double](repeating: 0, count: n), c4 = c1, dr = c1, da = c1, db = c1, invB = c1
        let lgR = logGamma(r), lgAB = logGamma(a + b), lgB = logGamma(b), logAlpha = log(alpha), logA = log(a)
        let psiR = SpecialFunctions.digamma(r), psiAB = SpecialFunctions.digamma(a + b), psiB = SpecialFunctions.digamma(b)
        for x in 0..<n {
            let xd = Double(x)
            c1[x] = logGamma(r + xd) - lgR + r * logAlpha + lgAB + logGamma(b + xd) - lgB - logGamma(a + b + xd)
            c4[x] = x > 0 ? logA - log(b + xd - 1) : -.infinity
            invB[x] = x > 0 ? 1 / (b + xd - 1) : 0
            dr[x] = SpecialFunctions.digamma(r + xd) - psiR + logAlpha
            let psiABX = SpecialFunctions.digamma(a + b + xd)
            da[x] = psiAB - psiABX
            db[x] = psiAB + SpecialFunctions.digamma(b + xd) - psiB - psiABX
        }
        let logT = ages.map { log(alpha + $0) }, invT = ages.map { 1 / (alpha + $0) }
        let logTx = recencies.map { log(alpha + $0) }, invTx = recencies.map { 1 / (alpha + $0) }
        var ll = 0.0, gr = 0.0, gAlpha = 0.0, ga = 0.0, gb = 0.0
        for i in cells.indices {
            let x = cells[i].x, w = weights[i], rx = r + Double(x)
            let ti = Int(ageIndex[i])
            let lT = logT[ti]
            let a3 = -rx * lT
            if x == 0 {
                ll += w * (c1[0] + a3)
                gr += w * (dr[0] - lT)
                gAlpha += w * (r / alpha - rx * invT[ti])
                ga += w * da[0]
                gb += w * db[0]
            } else {
                let ri = Int(recencyIndex[i])
                let lTx = logTx[ri]
                let a4 = c4[x] - rx * lTx
                // ln(e^A₃ + e^A₄) and the weight of A₄ with one exp and one log1p.
                let e = exp(-abs(a3 - a4))
                let wt = a4 > a3 ? 1 / (1 + e) : e / (1 + e)
                ll += w * (c1[x] + max(a3, a4) + log1p(e))
                gr += w * (dr[x] - (1 - wt) * lT - wt * lTx)
                gAlpha += w * (r / alpha - rx * ((1 - wt) * invT[ti] + wt * invTx[ri]))
                ga += w * (da[x] + wt / a)
                gb += w * (db[x] - wt * invB[x])
            }
        }
        let nObs = Double(count)
        // Chain rule to log parameters: ∂/∂ln θ = θ ∂/∂θ.
        return (-ll / nObs, [-gr * r / nObs, -gAlpha * alpha / nObs, -ga * a / nObs, -gb * b / nObs])
    }

    /// Fits from several starting points (the `lifetimes` default of all ones, and
    /// points scaled to the data's purchase rate) and keeps the best converged run.
    public func fit() -> ModelFit<BGNBDModel> {
        let meanT = cells.indices.reduce(0.0) { $0 + weights[$1] * cells[$1].T } / Double(max(count, 1))
        let meanX = cells.indices.reduce(0.0) { $0 + weights[$1] * Double(cells[$1].x) } / Double(max(count, 1))
        let scale = max(meanT, 1e-3) / max(meanX, 0.05)
        let starts: [[Double]] = [
            [0, 0, 0, 0],
            [0, log(scale), 0, 0],
            [log(0.5), log(0.5 * scale), log(0.5), log(3)],
            [log(2), log(2 * scale), log(2), log(2)],
        ]
        let (point, diagnostics) = FitDiagnostics.fit(starts: starts, observations: count) { objective($0) }
        let model = point.map { BGNBDModel(r: exp($0[0]), alpha: exp($0[1]), a: exp($0[2]), b: exp($0[3])) }
        return ModelFit(model: model, diagnostics: diagnostics)
    }
}
