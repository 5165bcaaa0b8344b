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
/// Training, as Splink does it, in three steps:
/// 1. u from random pairs (nearly all non-matches): the chance that two
///    unrelated customers agree on each field at each level.
/// 2. m by EM in "sessions": for each of the most identifying fields (lowest
///    chance agreement — phone, email, name), the candidate pairs that agree
///    exactly on it, with that field left out; EM estimates λ and m with u
///    held at its random-pair values, so the non-match class cannot drift off to
///    some other correlated cluster (the same consultant listed as a contact at
///    ten companies). Each field's m is the mean over the sessions that did not
///    fix it.
/// 3. A last EM over all candidate pairs with m held fixed re-estimates u and λ
///    for this candidate population (blocking makes unrelated candidates agree
///    more often than random pairs do).
/// Pairs with the same vector are grouped, so an iteration costs the number of
/// distinct vectors (hundreds), not the number of pairs.
public struct FellegiSunter: Sendable, Equatable {
    public var fields: [String]
    public var lambda: Double
    /// `m[f][level]` = P(level | match).
    public var m: [[Double]]
    /// `u[f][level]` = P(level | non-match).
    public var u: [[Double]]
    public var iterations = 0
    /// The fields whose exact agreement defined an m-training session.
    public var sessions: [String] = []

    /// A comparison vector and how many candidate pairs have it.
    public struct Pattern: Hashable, Sendable {
        public var levels: [Int8]
        public var count: Int
        public init(levels: [Int8], count: Int) { self.levels = levels; self.count = count }
    }

    /// Trains the model (see the type's discussion).
    /// - Parameters:
    ///   - levels: the number of levels of each field.
    ///   - patterns: the candidate pairs' comparison vectors, grouped.
    ///   - random: comparison vectors of random pairs.
    ///   - minimumSession: fewest pairs for a session to count.
    public static func train(fields: [String], levels: [Int], patterns: [Pattern], random: [Pattern],
                             maxSessions: Int = 3, minimumSession: Int = 20) -> FellegiSunter {
        let nf = fields.count
        let uRandom = frequencies(random, levels: levels) { Double($0.count) }
        var model = FellegiSunter(fields: fields, lambda: 0.1, m: prior(levels), u: uRandom)
        guard patterns.reduce(0, { $0 + $1.count }) > 0 else { return model }

        // Sessions: the most identifying fields first.
        let order = (0..<nf).sorted { uRandom[$0][levels[$0] - 1] < uRandom[$1][levels[$1] - 1] }
        var estimates = [[[Double]]](repeating: [], count: nf)
        var unobserved = Set<Int>()
        for a in order where model.sessions.count < maxSessions {
            let top = Int8(levels[a] - 1)
            var session: [Pattern] = []
            for p in patterns where p.levels[a] == top {
                var l = p.levels; l[a] = -1
                session.append(Pattern(levels: l, count: p.count))
            }
            guard session.reduce(0, { $0 + $1.count }) >= minimumSession else { continue }
            let s = em(FellegiSunter(fields: fields, lambda: 0.5, m: prior(levels), u: uRandom), session, levels: levels, updateM: Set(0..<nf).subtracting([a]), updateU: false)
            // How many (probable) matches in this session had a value for each field: an m
            // estimated from almost none would be the prior, not evidence.
            var observed = [Double](repeating: 0, count: nf)
            for p in session {
                let g = s.probability(p.levels) * Double(p.count)
                for f in 0..<nf where p.levels[f] >= 0 { observed[f] += g }
            }
            for f in 0..<nf where f != a {
                if observed[f] >= Double(minimumSession) / 4 { estimates[f].append(s.m[f]) } else { unobserved.insert(f) }
            }
            model.sessions.append(fields[a])
        }
        var free = Set<Int>()
        for f in 0..<nf {
            // A field the matches never fill says nothing: neutral (m = u), weight 0.
            if estimates[f].isEmpty && unobserved.contains(f) { model.m[f] = uRandom[f]; continue }
            if estimates[f].isEmpty { free.insert(f); continue }
            model.m[f] = (0..<levels[f]).map { l in estimates[f].reduce(0) { $0 + $1[l] } / Double(estimates[f].count) }
        }
        return em(model, patterns, levels: levels, updateM: free, updateU: true)
    }

    /// "Duplicates mostly agree": 0.05 on disagreement, the rest rising to the top level.
    static func prior(_ levels: [Int]) -> [[Double]] {
        levels.map { n in
            var v = [Double](repeating: 0, count: n)
            v[0] = 0.05
            let sum = Double((1..<max(2, n)).reduce(0, +))
            for l in 1..<n { v[l] = 0.95 * Double(l) / sum }
            return v
        }
    }

    /// Probability-weighted level frequencies, with half a pair per level as a
    /// pseudo-count so that no level is impossible (a level never seen among the
    /// matches would otherwise veto a pair outright).
    static func frequencies(_ ps: [Pattern], levels: [Int], weight: (Pattern) -> Double) -> [[Double]] {
        var out = levels.map { [Double](repeating: 0, count: $0) }
        for p in ps {
            let w = weight(p)
            for f in levels.indices where p.levels[f] >= 0 { out[f][Int(p.levels[f])] += w }
        }
        for f in levels.indices {
            let total = out[f].reduce(0, +)
            out[f] = out[f].map { ($0 + 0.5) / (total + 0.5 * Double(levels[f])) }
        }
        return out
    }

    /// Expectation–maximisation from `start`, re-estimating λ always, m for the
    /// fields in `updateM`, and u when `updateU`.
    static func em(_ start: FellegiSunter, _ patterns: [Pattern], levels: [Int], updateM: Set<Int>, updateU: Bool,
                   maxIterations: Int = 200, tolerance: Double = 1e-7) -> FellegiSunter {
        var model = start
        let total = Double(patterns.reduce(0) { $0 + $1.count })
        guard total > 0 else { return model }
        for it in 1...maxIterations {
            let g = patterns.map { model.probability($0.levels) }
            var k = 0
            let newM = frequencies(patterns, levels: levels) { p in defer { k += 1 }; return g[k] * Double(p.count) }
            k = 0
            let newU = frequencies(patterns, levels: levels) { p in defer { k += 1 }; return (1 - g[k]) * Double(p.count) }
            let newLambda = min(max(zip(g, patterns).reduce(0) { $0 + $1.0 * Double($1.1.count) } / total, 1e-6), 1 - 1e-6)
            var delta = abs(newLambda - model.lambda)
            for f in levels.indices {
                for l in 0..<levels[f] {
                    if updateM.contains(f) { delta = max(delta, abs(newM[f][l] - model.m[f][l])) }
                    if updateU { delta = max(delta, abs(newU[f][l] - model.u[f][l])) }
                }
                if updateM.contains(f) { model.m[f] = newM[f] }
                if updateU { model.u[f] = newU[f] }
            }
            model.lambda = newLambda
            model.iterations += 1
            _ = it
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
