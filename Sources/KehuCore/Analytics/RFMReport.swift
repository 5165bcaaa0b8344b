/// What `kehu report rfm` asks for.
public struct RFMSpec: Sendable, Hashable {
    /// Recency is counted in days up to this date; later transactions are ignored.
    public var asOf: LocalDate

    public init(asOf: LocalDate) { self.asOf = asOf }
}

/// One customer's RFM figures and scores.
public struct RFMScore: Sendable, Hashable {
    public var customerId: String
    public var name: String
    public var owner: String?
    public var lastPurchase: LocalDate
    /// Days from the last purchase to the as-of date.
    public var recency: Int
    /// Number of purchases (positive main-currency transactions).
    public var frequency: Int
    /// Net main-currency amount (purchases minus refunds), minor units.
    public var monetary: Int64
    public var r: Int
    public var f: Int
    public var m: Int
    /// Code of the RF segment (`RFMSegmentMap`).
    public var segment: String

    /// The usual three-digit cell, e.g. `545`.
    public var cell: String { "\(r)\(f)\(m)" }
}

/// One segment of the RF map with its customers' figures.
public struct RFMSegmentRow: Sendable, Hashable {
    public var code: String
    public var label: Label
    public var customers: Int
    /// Share of scored customers (0…1).
    public var share: Double
    public var meanRecency: Double?
    public var meanFrequency: Double?
    /// Minor units.
    public var meanMonetary: Double?
    public var totalMonetary: Int64
}

/// RFM scores of every customer with at least one purchase, and a summary per segment.
public struct RFMReport: Sendable, Hashable {
    public var asOf: LocalDate
    /// Customers in id order (the order the frequency ranking uses).
    public var customers: [RFMScore]
    /// Every segment of the map in table order, including empty ones.
    public var segments: [RFMSegmentRow]
    public var map: RFMSegmentMap
    public var scoring: RFMScoring.Scores
    private var position: [String: Int]

    public func score(of customerId: String) -> RFMScore? { position[customerId].map { customers[$0] } }

    public func segmentLabel(_ code: String) -> Label? { segments.first { $0.code == code }?.label }

    /// Builds the report in one pass over the transactions.
    /// - Parameter data: columns already built for this snapshot (the dashboard's cache), if any.
    /// - Throws: `RFMMapError` when the store's own segment map is invalid.
    public static func make(_ spec: RFMSpec, _ snapshot: Snapshot, data: AnalyticsData? = nil) throws(RFMMapError) -> RFMReport {
        let map = try RFMSegmentMap.of(snapshot).get()
        let data = AnalyticsData.reuse(data, for: snapshot)
        let n = data.customerCount
        var count = [Int](repeating: 0, count: n)
        var sum = [Int64](repeating: 0, count: n)
        var last = [Int32](repeating: .min, count: n)
        let asOf = spec.asOf.days
        for i in 0..<n {
            var c = 0, s: Int64 = 0, l = Int32.min
            for j in data.offsets[i]..<data.offsets[i + 1] {
                let d = data.days[j]
                if d > asOf { break }     // rows are in date order
                let amount = data.amounts[j]
                s += amount
                if amount > 0 { c += 1; l = d }
            }
            count[i] = c; sum[i] = s; last[i] = l
        }
        let scored = (0..<n).filter { count[$0] > 0 }
        let recency = scored.map { Int(asOf - last[$0]) }
        let scoring = RFMScoring.scores(recency: recency, frequency: scored.map { count[$0] }, monetary: scored.map { sum[$0] })
        var rows: [RFMScore] = []
        rows.reserveCapacity(scored.count)
        var position: [String: Int] = [:]
        position.reserveCapacity(scored.count)
        // The segment code of each of the 25 (R, F) cells, looked up once.
        let cells = (0..<25).map { map.segment(r: $0 / 5 + 1, f: $0 % 5 + 1).code }
        for (k, i) in scored.enumerated() {
            let id = data.customerIds[i]
            let c = data.customers[i]
            let segment = cells[(scoring.r[k] - 1) * 5 + scoring.f[k] - 1]
            position[id] = k
            rows.append(RFMScore(customerId: id, name: c.name, owner: c.owner, lastPurchase: LocalDate(days: last[i]),
                                 recency: recency[k], frequency: count[i], monetary: sum[i],
                                 r: scoring.r[k], f: scoring.f[k], m: scoring.m[k], segment: segment))
        }
        return RFMReport(asOf: spec.asOf, customers: rows, segments: summarize(rows, map), map: map,
                         scoring: scoring, position: position)
    }

    static func summarize(_ rows: [RFMScore], _ map: RFMSegmentMap) -> [RFMSegmentRow] {
        var by: [String: (n: Int, r: Int, f: Int, m: Int64)] = [:]
        for s in rows {
            var a = by[s.segment] ?? (0, 0, 0, 0)
            a.n += 1; a.r += s.recency; a.f += s.frequency; a.m += s.monetary
            by[s.segment] = a
        }
        let total = Double(max(rows.count, 1))
        return map.segments.map { rule in
            let a = by[rule.code] ?? (0, 0, 0, 0)
            let n = Double(a.n)
            return RFMSegmentRow(code: rule.code, label: rule.label, customers: a.n, share: Double(a.n) / total,
                                 meanRecency: a.n > 0 ? Double(a.r) / n : nil, meanFrequency: a.n > 0 ? Double(a.f) / n : nil,
                                 meanMonetary: a.n > 0 ? Double(a.m) / n : nil, totalMonetary: a.m)
        }
    }
}
