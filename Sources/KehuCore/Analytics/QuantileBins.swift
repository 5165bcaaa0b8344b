/// Quantile binning exactly as pandas does it, so that an analyst's notebook
/// reproduces Kehu's RFM scores number for number.
///
/// `codes(values, bins: 5)` equals
/// `pd.qcut(values, 5, labels=False, duplicates="drop")`, with one extension:
/// where every value is the same pandas returns NaN and Kehu returns bin 0.
///
/// The steps, mirroring pandas 2–3 / numpy 2:
/// 1. quantile levels `np.linspace(0, 1, k+1)`, each level rounded up to the next
///    double when `k·q` is not exactly the integer it should be;
/// 2. edges by numpy's default "linear" quantile: virtual index h = (n−1)·q,
///    i = ⌊h⌋, γ = h − i, edge = v[i] + (v[i+1]−v[i])·γ, or v[i+1] − (v[i+1]−v[i])·(1−γ)
///    when γ ≥ 0.5 (numpy's `_lerp`); h ≥ n−1 takes the largest value;
/// 3. duplicate edges dropped (`duplicates="drop"`), so ties never straddle a bin;
/// 4. a value's bin is the number of edges strictly below it, minus one (right-closed
///    bins, `side="left"`), with the smallest value in bin 0 (`include_lowest`).
public enum QuantileBins {
    /// The quantile levels pandas' `qcut(x, k)` uses.
    public static func levels(_ k: Int) -> [Double] {
        let step = 1.0 / Double(k)
        return (0...k).map { i in
            if i == k { return 1.0 }
            let q = Double(i) * step
            return Double(k) * q != Double(i) ? q.nextUp : q
        }
    }

    /// Bin edges (before dropping duplicates) of the values for `k` bins.
    public static func edges(_ values: [Double], bins k: Int) -> [Double] {
        let sorted = values.sorted()
        let n = sorted.count
        guard n > 0 else { return [] }
        return levels(k).map { q in
            let h = Double(n - 1) * q
            if h >= Double(n - 1) { return sorted[n - 1] }
            let i = Int(h.rounded(.down))
            let gamma = h - Double(i)
            let a = sorted[i], b = sorted[i + 1], diff = b - a
            return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma
        }
    }

    /// The 0-based bin of every value, in input order.
    public static func codes(_ values: [Double], bins k: Int) -> [Int] {
        codes(values, edges: edges(values, bins: k))
    }

    /// The 0-based bin of every value for edges already computed by `edges(_:bins:)`.
    public static func codes(_ values: [Double], edges: [Double]) -> [Int] {
        var unique: [Double] = []
        for e in edges where !unique.contains(e) { unique.append(e) }
        guard unique.count > 1 else { return values.map { _ in 0 } }
        let lowest = unique[0], last = unique.count - 2
        return values.map { v in
            if v == lowest { return 0 }
            // Number of edges strictly below v (edges are sorted), minus one.
            var lo = 0, hi = unique.count
            while lo < hi { let mid = (lo + hi) / 2; if unique[mid] < v { lo = mid + 1 } else { hi = mid } }
            return min(max(lo - 1, 0), last)
        }
    }

    /// `Series.rank(method="first")`: 1…n, ties ranked in the order they appear.
    public static func rankFirst(_ values: [Double]) -> [Double] {
        // Sorting (value, position) pairs orders ties by position, as method="first" does.
        let order = values.enumerated().map { ($0.element, $0.offset) }.sorted { $0 < $1 }.map(\.1)
        var ranks = [Double](repeating: 0, count: values.count)
        for (r, i) in order.enumerated() { ranks[i] = Double(r + 1) }
        return ranks
    }
}
