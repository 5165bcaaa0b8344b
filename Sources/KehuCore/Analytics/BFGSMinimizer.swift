/// A small quasi-Newton (BFGS) minimiser for smooth objectives of a few
/// parameters, used to fit the purchase models by maximum likelihood.
///
/// The models are fitted in log-parameter space (every parameter is positive),
/// so the search is unconstrained. The objective supplies its own gradient
/// (the BG/NBD and Gamma-Gamma gradients are cheap closed forms, computed in the
/// same pass over the data as the value); tests check those gradients against
/// central differences (`numericGradient`).
public struct BFGSMinimizer: Sendable {
    /// Objective value and gradient at a point. Non-finite values mean "outside
    /// the region where the model is defined" and make the line search back off.
    public typealias Objective = ([Double]) -> (value: Double, gradient: [Double])

    public var maxIterations = 400
    /// Converged when the largest gradient component is below this.
    public var gradientTolerance = 1e-6
    /// Longest step (Euclidean, in log space) one iteration may take: e^5 ≈ 150×.
    public var maxStep = 5.0

    public init() {}

    /// How one run from one starting point ended.
    public struct Result: Sendable, Hashable {
        public var point: [Double]
        public var value: Double
        public var gradientNorm: Double
        public var iterations: Int
        public var evaluations: Int
        public var converged: Bool
        /// Why the run stopped, in one line.
        public var reason: String
    }

    public func minimize(from start: [Double], _ f: Objective) -> Result {
        let n = start.count
        var x = start
        var (fx, g) = f(x)
        var evaluations = 1
        guard fx.isFinite, g.allSatisfy(\.isFinite) else {
            return Result(point: x, value: fx, gradientNorm: .infinity, iterations: 0, evaluations: 1,
                          converged: false, reason: "objective not finite at the starting point")
        }
        // Inverse Hessian approximation, row-major.
        var h = [Double](repeating: 0, count: n * n)
        for i in 0..<n { h[i * n + i] = 1 }
        var firstStep = true
        var stalls = 0
        for iteration in 0..<maxIterations {
            let gmax = g.map { abs($0) }.max() ?? 0
            if gmax < gradientTolerance {
                return Result(point: x, value: fx, gradientNorm: gmax, iterations: iteration, evaluations: evaluations,
                              converged: true, reason: "gradient below \(gradientTolerance)")
            }
            var d = [Double](repeating: 0, count: n)
            for i in 0..<n { var s = 0.0; for j in 0..<n { s -= h[i * n + j] * g[j] }; d[i] = s }
            var slope = zip(d, g).reduce(0) { $0 + $1.0 * $1.1 }
            if slope >= 0 {
                // Not a descent direction (lost curvature): restart from steepest descent.
                for i in 0..<(n * n) { h[i] = 0 }
                for i in 0..<n { h[i * n + i] = 1; d[i] = -g[i] }
                slope = -g.reduce(0) { $0 + $1 * $1 }
                firstStep = true
            }
            let norm = d.reduce(0) { $0 + $1 * $1 }.squareRoot()
            var step = norm > maxStep ? maxStep / norm : 1
            if firstStep { step = min(step, 1 / max(norm, 1e-12)) }
            // Backtracking line search with the Armijo condition.
            var accepted: (x: [Double], f: Double, g: [Double])?
            for _ in 0..<60 {
                let xn = (0..<n).map { x[$0] + step * d[$0] }
                let (fn, gn) = f(xn)
                evaluations += 1
                if fn.isFinite, gn.allSatisfy(\.isFinite), fn <= fx + 1e-4 * step * slope {
                    accepted = (xn, fn, gn)
                    break
                }
                step *= 0.5
            }
            guard let (xn, fn, gn) = accepted else {
                let converged = gmax < gradientTolerance * 100
                return Result(point: x, value: fx, gradientNorm: gmax, iterations: iteration, evaluations: evaluations,
                              converged: converged,
                              reason: converged ? "line search cannot improve further; gradient \(gmax)" : "line search failed; gradient \(gmax)")
            }
            let s = (0..<n).map { xn[$0] - x[$0] }
            let y = (0..<n).map { gn[$0] - g[$0] }
            let sy = zip(s, y).reduce(0) { $0 + $1.0 * $1.1 }
            stalls = abs(fx - fn) <= 1e-15 * max(1, abs(fx)) ? stalls + 1 : 0
            x = xn; fx = fn; g = gn
            if sy > 1e-300 {
                if firstStep {
                    // Scale the initial inverse Hessian to the observed curvature.
                    let yy = y.reduce(0) { $0 + $1 * $1 }
                    for i in 0..<(n * n) { h[i] = 0 }
                    for i in 0..<n { h[i * n + i] = sy / yy }
                    firstStep = false
                }
                updateInverseHessian(&h, s: s, y: y, sy: sy)
            }
            if stalls >= 3 {
                let gm = g.map { abs($0) }.max() ?? 0
                let converged = gm < gradientTolerance * 100
                return Result(point: x, value: fx, gradientNorm: gm, iterations: iteration + 1, evaluations: evaluations,
                              converged: converged, reason: "objective stopped changing; gradient \(gm)")
            }
        }
        let gm = g.map { abs($0) }.max() ?? 0
        return Result(point: x, value: fx, gradientNorm: gm, iterations: maxIterations, evaluations: evaluations,
                      converged: false, reason: "no convergence in \(maxIterations) iterations; gradient \(gm)")
    }

    /// H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ with ρ = 1 / yᵀs.
    private func updateInverseHessian(_ h: inout [Double], s: [Double], y: [Double], sy: Double) {
        let n = s.count
        let rho = 1 / sy
        var hy = [Double](repeating: 0, count: n)
        for i in 0..<n { var t = 0.0; for j in 0..<n { t += h[i * n + j] * y[j] }; hy[i] = t }
        let yhy = zip(y, hy).reduce(0) { $0 + $1.0 * $1.1 }
        for i in 0..<n {
            for j in 0..<n {
                h[i * n + j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j]
            }
        }
    }

    /// Central-difference gradient of a scalar function, for checking analytic gradients.
    public static func numericGradient(_ f: ([Double]) -> Double, at x: [Double], step: Double = 1e-5) -> [Double] {
        (0..<x.count).map { i in
            var up = x, down = x
            up[i] += step; down[i] -= step
            return (f(up) - f(down)) / (2 * step)
        }
    }
}
