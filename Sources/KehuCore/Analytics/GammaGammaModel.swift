import Foundation

/// The Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005,
/// "RFM and CLV: Using iso-value curves for customer base analysis"; Fader &
/// Hardie's note "The Gamma-Gamma model of monetary value", 2013).
///
/// A customer's transaction values are Gamma(p, ν) around their mean p/ν, and
/// ν ~ Gamma(q, v) across customers. It is fitted on customers with at least one
/// repeat purchase, from x (repeat count) and m̄ (mean repeat spend), and assumes
/// spend is independent of purchase frequency.
public struct GammaGammaModel: Sendable, Hashable {
    public var p: Double
    public var q: Double
    public var v: Double

    public init(p: Double, q: Double, v: Double) { self.p = p; self.q = q; self.v = v }

    /// ln f(m̄ | p, q, v, x) =
    /// ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln v + (px−1) ln m̄ + px ln x − (px+q) ln(v + x m̄)
    public func logLikelihood(x: Int, meanSpend m: Double) -> Double {
        let px = p * Double(x)
        return logGamma(px + q) - logGamma(px) - logGamma(q) + q * log(v) + (px - 1) * log(m) + px * log(Double(x))
            - (px + q) * log(v + Double(x) * m)
    }

    /// The population mean spend per transaction, p·v/(q−1); nil when q ≤ 1 (no finite mean).
    public var populationMeanSpend: Double? { q > 1 ? p * v / (q - 1) : nil }

    /// E[Z | x, m̄] = p (v + x m̄) / (p x + q − 1): a weighted mean of the population
    /// mean and the customer's own mean. With x = 0 it is the population mean.
    public func expectedMeanSpend(x: Int, meanSpend m: Double?) -> Double? {
        guard q > 1 else { return nil }
        let xd = Double(x)
        return p * (v + xd * (m ?? 0)) / (p * xd + q - 1)
    }
}
