import Foundation
import KehuCore

/// A seeded generator (SplitMix64) so simulated data sets are identical on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Draws from the distributions the purchase models are built from, and simulates
/// customer bases from known parameters so that tests can check the fitters
/// recover them.
struct AnalyticsSimulator {
    var rng: SeededGenerator

    init(seed: UInt64) { rng = SeededGenerator(seed: seed) }

    /// Uniform on the open interval (0, 1).
    mutating func uniform() -> Double { (Double(rng.next() >> 11) + 0.5) / 9_007_199_254_740_992 }

    mutating func normal() -> Double {
        // Box–Muller.
        (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform())
    }

    /// Gamma(shape, rate) by Marsaglia & Tsang (2000); shape < 1 via the boost U^(1/shape).
    mutating func gamma(shape: Double, rate: Double) -> Double {
        if shape < 1 { return gamma(shape: shape + 1, rate: rate) * pow(uniform(), 1 / shape) }
        let d = shape - 1.0 / 3, c = 1 / (9 * d).squareRoot()
        while true {
            var x = 0.0, v = 0.0
            repeat { x = normal(); v = 1 + c * x } while v <= 0
            v = v * v * v
            let u = uniform()
            if log(u) < 0.5 * x * x + d - d * v + d * log(v) { return d * v / rate }
        }
    }

    mutating func beta(_ a: Double, _ b: Double) -> Double {
        let x = gamma(shape: a, rate: 1), y = gamma(shape: b, rate: 1)
        return x / (x + y)
    }

    mutating func exponential(rate: Double) -> Double { -log(uniform()) / rate }

    /// Customers from the BG/NBD process: λ ~ Gamma(r, α), p ~ Beta(a, b); each is
    /// alive at its first purchase (time 0), buys at rate λ, and after each repeat
    /// purchase drops out with probability p. Observed for an age T uniform in
    /// `ages`. With `spend`, each repeat purchase also gets a Gamma-Gamma value.
    mutating func bgnbd(_ m: BGNBDModel, customers: Int, ages: ClosedRange<Double>,
                        spend: GammaGammaModel? = nil) -> [RepeatPurchaseSummary] {
        (0..<customers).map { i in
            let lambda = gamma(shape: m.r, rate: m.alpha)
            let p = beta(m.a, m.b)
            let T = ages.lowerBound + (ages.upperBound - ages.lowerBound) * uniform()
            var t = 0.0, x = 0, tx = 0.0
            while true {
                t += exponential(rate: lambda)
                if t > T { break }
                x += 1; tx = t
                if uniform() < p { break }
            }
            var monetary: Double?
            if let s = spend, x > 0 {
                let nu = gamma(shape: s.q, rate: s.v)
                var sum = 0.0
                for _ in 0..<x { sum += gamma(shape: s.p, rate: nu) }
                monetary = sum / Double(x)
            }
            return RepeatPurchaseSummary(customerId: "C\(i + 1)", frequency: x, recency: tx, age: T, monetaryValue: monetary)
        }
    }
}
