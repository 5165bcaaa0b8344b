/// RFM scores (1–5, 5 best) from raw recency, frequency and monetary values, by
/// the pandas convention (see `QuantileBins` and docs/analytics.md):
///
///     R = 5 − qcut(recency, 5)                       (more recent is better)
///     F = qcut(frequency.rank(method="first"), 5) + 1 (ties ranked in row order)
///     M = qcut(monetary, 5) + 1
///
/// each qcut with `labels=False, duplicates="drop"`. Frequency is ranked first
/// because purchase counts are heavily tied (most customers buy once), which would
/// otherwise leave fewer than five bins; the row order is customer id order.
public enum RFMScoring {
    public struct Scores: Sendable, Hashable {
        public var r: [Int]
        public var f: [Int]
        public var m: [Int]
        /// The bin edges used (before duplicates were dropped): recency days, frequency
        /// ranks, monetary minor units.
        public var recencyEdges: [Double]
        public var frequencyEdges: [Double]
        public var monetaryEdges: [Double]
    }

    public static func scores(recency: [Int], frequency: [Int], monetary: [Int64]) -> Scores {
        let rv = recency.map(Double.init), fv = QuantileBins.rankFirst(frequency.map(Double.init)), mv = monetary.map(Double.init)
        let re = QuantileBins.edges(rv, bins: 5), fe = QuantileBins.edges(fv, bins: 5), me = QuantileBins.edges(mv, bins: 5)
        return Scores(r: QuantileBins.codes(rv, edges: re).map { 5 - $0 },
                      f: QuantileBins.codes(fv, edges: fe).map { $0 + 1 },
                      m: QuantileBins.codes(mv, edges: me).map { $0 + 1 },
                      recencyEdges: re, frequencyEdges: fe, monetaryEdges: me)
    }
}
