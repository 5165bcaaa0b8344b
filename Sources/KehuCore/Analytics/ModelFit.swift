/// A model fitted by maximum likelihood, with what a reader needs to trust it.
///
/// `model` is nil when no start converged: callers then say the fit failed and
/// print no predictions, rather than numbers from a half-finished search.
public struct ModelFit<Model: Sendable & Hashable>: Sendable, Hashable {
    public var model: Model?
    public var diagnostics: FitDiagnostics

    public init(model: Model?, diagnostics: FitDiagnostics) { self.model = model; self.diagnostics = diagnostics }
}

/// How a maximum-likelihood fit went.
public struct FitDiagnostics: Sendable, Hashable {
    /// True when the best start met the gradient tolerance with finite parameters.
    public var converged: Bool
    /// Total log-likelihood at the best point (sum over customers).
    public var logLikelihood: Double
    /// Customers (observations) the fit used.
    public var observations: Int
    /// Starting points tried, and how many of them reached the best log-likelihood
    /// (within 1e-6 per observation): several agreeing starts mean the optimum is not a local accident.
    public var starts: Int
    public var startsAgreeing: Int
    /// Iterations of the best run; objective evaluations over all runs.
    public var iterations: Int
    public var evaluations: Int
    /// Largest gradient component (mean log-likelihood, log parameters) at the best point.
    public var gradientNorm: Double
    /// One line: why the best run stopped, or why the fit failed.
    public var message: String
    /// Approximate standard error of each ln-parameter (≈ the relative standard error of
    /// the parameter), from the inverse of the observed information; empty when the fit failed.
    public var relativeStandardErrors: [Double] = []
    /// The ridge penalty λ·Σ(ln θ)² added to the mean negative log-likelihood; 0 for
    /// a plain maximum-likelihood fit (see `fit(starts:observations:_:)`).
    public var penalty: Double = 0

    public init(converged: Bool, logLikelihood: Double, observations: Int, starts: Int, startsAgreeing: Int,
                iterations: Int, evaluations: Int, gradientNorm: Double, message: String) {
        self.converged = converged; self.logLikelihood = logLikelihood; self.observations = observations
        self.starts = starts; self.startsAgreeing = startsAgreeing; self.iterations = iterations
        self.evaluations = evaluations; self.gradientNorm = gradientNorm; self.message = message
    }

    /// The penalty used when the plain likelihood has no curved maximum.
    public static let fallbackPenalty = 1e-3

    /// Fits by maximum likelihood; when the likelihood is flat along some direction
    /// (a boundary: e.g. every customer has nearly the same purchase rate, so the
    /// Gamma heterogeneity runs off to r, α → ∞ with r/α fixed), fits again with a
    /// small ridge penalty on the ln-parameters, as `lifetimes` users do with
    /// `penalizer_coef`. Along a flat ridge the data cannot tell the points apart, so
    /// the penalty only picks one; the diagnostics say that it was used and the
    /// log-likelihood reported is the plain one. When even the penalised fit leaves
    /// some parameter uncertain by more than 100 % (too little data), the fit fails.
    static func fit(starts: [[Double]], observations: Int, _ objective: BFGSMinimizer.Objective) -> (point: [Double]?, diagnostics: FitDiagnostics) {
        let plain = bestOf(starts: starts, observations: observations, objective)
        guard plain.result.point == nil, plain.flat else { return plain.result }
        let lambda = fallbackPenalty
        let penalized = bestOf(starts: starts, observations: observations) { theta in
            let (v, g) = objective(theta)
            return (v + lambda * theta.reduce(0) { $0 + $1 * $1 }, zip(g, theta).map { $0 + 2 * lambda * $1 })
        }
        // Accept the penalised point only where the data pin the parameters down to
        // within 100 %; otherwise the penalty, not the data, would be choosing them.
        guard let point = penalized.result.point,
              penalized.result.diagnostics.relativeStandardErrors.allSatisfy({ $0 < 1 }) else { return plain.result }
        var d = penalized.result.diagnostics
        d.penalty = lambda
        d.logLikelihood = -objective(point).value * Double(observations)
        d.message = "the likelihood is flat in some direction; fitted with a ridge penalty \(lambda) on ln-parameters"
        return (point, d)
    }

    /// Runs the minimiser from every start on a mean negative log-likelihood and
    /// keeps the best converged run. `flat` tells a maximum without curvature apart
    /// from other failures.
    static func bestOf(starts: [[Double]], observations: Int, minimizer: BFGSMinimizer = BFGSMinimizer(),
                       _ objective: BFGSMinimizer.Objective) -> (result: (point: [Double]?, diagnostics: FitDiagnostics), flat: Bool) {
        guard observations > 0 else {
            return ((nil, FitDiagnostics(converged: false, logLikelihood: .nan, observations: 0, starts: 0, startsAgreeing: 0,
                                        iterations: 0, evaluations: 0, gradientNorm: .nan, message: "no data to fit")), false)
        }
        let runs = starts.map { minimizer.minimize(from: $0, objective) }
        let evaluations = runs.reduce(0) { $0 + $1.evaluations }
        let usable = runs.filter { $0.converged && $0.value.isFinite && $0.point.allSatisfy { $0.isFinite && abs($0) < 30 } }
        guard let best = usable.min(by: { $0.value < $1.value }) else {
            let closest = runs.filter { $0.value.isFinite }.min(by: { $0.value < $1.value })
            return ((nil, FitDiagnostics(converged: false, logLikelihood: closest.map { -$0.value * Double(observations) } ?? .nan,
                                        observations: observations, starts: runs.count, startsAgreeing: 0,
                                        iterations: closest?.iterations ?? 0, evaluations: evaluations,
                                        gradientNorm: closest?.gradientNorm ?? .nan,
                                        message: "did not converge from any of \(runs.count) starts: " + (closest?.reason ?? "objective not finite"))), false)
        }
        let agreeing = usable.filter { abs($0.value - best.value) <= 1e-6 }.count
        var diagnostics = FitDiagnostics(converged: true, logLikelihood: -best.value * Double(observations),
                                         observations: observations, starts: runs.count, startsAgreeing: agreeing,
                                         iterations: best.iterations, evaluations: evaluations,
                                         gradientNorm: best.gradientNorm, message: best.reason)
        // A small gradient is not enough: on a ridge (e.g. nobody repeats, so a and b do
        // not enter the likelihood) the search stops anywhere. Require a curved maximum.
        guard let errors = standardErrors(at: best.point, observations: observations, objective) else {
            diagnostics.converged = false
            diagnostics.message = "did not converge: the likelihood is flat in some direction (too little data to identify the parameters)"
            return ((nil, diagnostics), true)
        }
        diagnostics.relativeStandardErrors = errors
        return ((best.point, diagnostics), false)
    }

    /// Standard errors of the ln-parameters from a finite-difference Hessian of the mean
    /// negative log-likelihood; nil when that Hessian is not clearly positive definite.
    static func standardErrors(at x: [Double], observations: Int, _ f: BFGSMinimizer.Objective) -> [Double]? {
        let n = x.count, h = 1e-4
        var hess = [Double](repeating: 0, count: n * n)
        for j in 0..<n {
            var up = x, down = x
            up[j] += h; down[j] -= h
            let gu = f(up).gradient, gd = f(down).gradient
            for i in 0..<n { hess[i * n + j] = (gu[i] - gd[i]) / (2 * h) }
        }
        for i in 0..<n { for j in 0..<i { let m = (hess[i * n + j] + hess[j * n + i]) / 2; hess[i * n + j] = m; hess[j * n + i] = m } }
        guard hess.allSatisfy(\.isFinite) else { return nil }
        // Cholesky; a pivot that is tiny next to the largest diagonal means a flat direction.
        let scale = (0..<n).map { hess[$0 * n + $0] }.max() ?? 0
        guard scale > 0 else { return nil }
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var s = hess[i * n + j]
                for k in 0..<j { s -= l[i * n + k] * l[j * n + k] }
                if i == j {
                    guard s > 1e-8 * scale else { return nil }
                    l[i * n + i] = s.squareRoot()
                } else {
                    l[i * n + j] = s / l[j * n + j]
                }
            }
        }
        // Diagonal of H⁻¹ by solving L Lᵀ z = e_i; covariance of the estimate is H⁻¹ / N.
        return (0..<n).map { i in
            var y = [Double](repeating: 0, count: n)
            for r in 0..<n {
                var s = r == i ? 1.0 : 0.0
                for k in 0..<r { s -= l[r * n + k] * y[k] }
                y[r] = s / l[r * n + r]
            }
            var z = [Double](repeating: 0, count: n)
            for r in stride(from: n - 1, through: 0, by: -1) {
                var s = y[r]
                for k in (r + 1)..<n { s -= l[k * n + r] * z[k] }
                z[r] = s / l[r * n + r]
            }
            return (z[i] / Double(observations)).squareRoot()
        }
    }
}
