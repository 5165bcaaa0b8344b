import Foundation

/// The Fellegi–Sunter record-linkage model, trained without labels by EM.
///
/// Each candidate pair has a comparison vector γ (one agreement level per
/// field). Assuming fields agree independently given the pair's true status,
///   P(γ | match) = Π m_f(γ_f),  P(γ | non-match) = Π u_f(γ_f),
/// and a pair's match weight is W = Σ log2(m_f(γ_f) / u_f(γ_f)) (a missing field,
/// level −1, contributes 0). With λ the share of matches among candidates, the
/// probability that a pair is a duplicate is λ·2^W / (λ·2^W + 1 − λ).
///
/// λ, m and u are estimated by expectation–maximisation over the candidate
/// pairs (as Splink and recordlinkage do): u starts from pairs drawn at random
/// (nearly all non-matches), m from "duplicates mostly agree"; the E step gives
/// each pair its match probability under the current parameters, the M step
/// re-estimates λ, m and u as probability-weighted level frequencies. Pairs
/// with the same vector are grouped, so an iteration costs the number of
/// distinct vectors (hundreds), not the number of pairs.
public struct FellegiSunter: Sendable, Equatable {
    public var fields: [String]
    public var lambda: Double
    /// `m[f][level]` = P(level | match).
    public var m: [[Double]]
    /// `u[f][level]` = P(level | non-match).
    public var u: [[Double]]
    public var iterations = 0

    /// A comparison vector and how many candidate pairs have it.
    public struct Pattern: Hashable, Sendable {
        public var levels: [Int8]
        public var count: Int
        public init(levels: [Int8], count: Int) { self.levels = levels; self.count = count }
    }

    /// Trains the model.
    /// - Parameters:
    ///   - levels: the number of levels of each field.
    ///   - patterns: the candidate pairs' comparison vectors, grouped.
    ///   - random: comparison vectors of random pairs, for u's starting point.
    public static func train(fields: [String], levels: [Int], patterns: [Pattern], random: [Pattern],
                             maxIterations: Int = 200, tolerance: Double = 1e-7) -> FellegiSunter {
        let nf = fields.count
        func frequencies(_ ps: [Pattern], weight: (Pattern) -> Double) -> [[Double]] {
            var out = levels.map { [Double](repeating: 0, count: $0) }
            for p in ps {
                let w = weight(p)
                for f in 0..<nf where p.levels[f] >= 0 { out[f][Int(p.levels[f])] += w }
            }
            // Normalise, with half a pair per level as a pseudo-count so that no level is
            // impossible (a level never seen among the matches would otherwise veto a pair).
            for f in 0..<nf {
                let total = out[f].reduce(0, +)
                let k = Double(levels[f])
                out[f] = out[f].map { ($0 + 0.5) / (total + 0.5 * k) }
            }
            return out
        }
        var u = frequencies(random) { Double($0.count) }
        var m = levels.map { n -> [Double] in
            // Duplicates mostly agree: 0.05 on disagreement, the rest rising to the top level.
            var v = [Double](repeating: 0, count: n)
            v[0] = 0.05
            let rest = (1...max(1, n - 1)).map { Double($0) }
            let sum = rest.reduce(0, +)
            for l in 1..<n { v[l] = 0.95 * rest[l - 1] / sum }
            return v
        }
        var lambda = 0.1
        var model = FellegiSunter(fields: fields, lambda: lambda, m: m, u: u)
        let total = Double(patterns.reduce(0) { $0 + $1.count })
        guard total > 0 else { return model }
        for it in 1...maxIterations {
            let g = patterns.map { model.probability($0.levels) }
            var k = 0
            let newM = frequencies(patterns) { _ in defer { k += 1 }; return g[k] * Double(patterns[k].count) }
            k = 0
            let newU = frequencies(patterns) { _ in defer { k += 1 }; return (1 - g[k]) * Double(patterns[k].count) }
            let newLambda = min(max(zip(g, patterns).reduce(0) { $0 + $1.0 * Double($1.1.count) } / total, 1e-6), 1 - 1e-6)
            var delta = abs(newLambda - lambda)
            for f in 0..<nf { for l in 0..<levels[f] { delta = max(delta, abs(newM[f][l] - m[f][l]), abs(newU[f][l] - u[f][l])) } }
            m = newM; u = newU; lambda = newLambda
            model = FellegiSunter(fields: fields, lambda: lambda, m: m, u: u, iterations: it)
            if delta < tolerance { break }
        }
        return model
    }

    /// log2(m/u) of one field's level (0 for a missing value).
    @inline(__always) public func weight(field f: Int, level: Int8) -> Double {
        level < 0 ? 0 : log2(m[f][Int(level)] / u[f][Int(level)])
    }

    /// The match weight W of a comparison vector.
    public func matchWeight(_ levels: [Int8]) -> Double {
        var w = 0.0
        for f in levels.indices { w += weight(field: f, level: levels[f]) }
        return w
    }

    /// The probability that a pair with this comparison vector is a duplicate.
    public func probability(_ levels: [Int8]) -> Double {
        let w = matchWeight(levels) + log2(lambda / (1 - lambda))
        if w > 60 { return 1 }
        if w < -60 { return 0 }
        let b = pow(2, w)
        return b / (1 + b)
    }
}
