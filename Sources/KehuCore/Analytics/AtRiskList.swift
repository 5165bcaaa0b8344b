/// What the at-risk list asks for.
public struct AtRiskSpec: Sendable, Hashable {
    public var asOf: LocalDate
    /// Customers whose P(alive) is below this are listed (besides the RFM segments).
    public var aliveBelow: Double
    public var unit: TimeUnit
    public var horizon: Double?
    public var sort: AtRiskSort
    public var descending: Bool

    public init(asOf: LocalDate, aliveBelow: Double = 0.3, unit: TimeUnit = .week, horizon: Double? = nil,
                sort: AtRiskSort = .monetary, descending: Bool? = nil) {
        self.asOf = asOf; self.aliveBelow = aliveBelow; self.unit = unit; self.horizon = horizon; self.sort = sort
        self.descending = descending ?? sort.naturallyDescending
    }
}

/// Columns the at-risk list sorts by.
public enum AtRiskSort: String, Sendable, CaseIterable, Hashable {
    /// Net amount bought so far (what the account stands to lose).
    case monetary
    /// Expected value in the horizon.
    case value
    /// P(alive), lowest first.
    case alive
    /// Days since the last purchase, longest first.
    case recency
    case owner
    case name

    public var naturallyDescending: Bool { self == .monetary || self == .value || self == .recency }
}

/// Why a customer is on the list.
public enum AtRiskReason: Sendable, Hashable {
    case lowProbabilityAlive(Double)
    case segment(String)
}

public struct AtRiskRow: Sendable, Hashable {
    public var customerId: String
    public var name: String
    public var owner: String?
    public var segment: String
    public var segmentLabel: Label
    public var probabilityAlive: Double?
    /// Expected value in the horizon (major units); nil when the models did not converge.
    public var expectedValue: Double?
    /// Net amount bought up to the as-of date, minor units.
    public var monetary: Int64
    public var recency: Int
    public var lastPurchase: LocalDate
    public var reasons: [AtRiskReason]
}

/// Customers slipping away: P(alive) below a threshold, or in the RFM segments
/// At Risk / Can't Lose Them. Feeds the dashboard and `kehu report at-risk`.
public struct AtRiskList: Sendable, Hashable {
    public var spec: AtRiskSpec
    public var rows: [AtRiskRow]
    /// Set when the purchase model did not converge, so only RFM segments were used.
    public var note: String?

    public static func make(_ spec: AtRiskSpec, _ snapshot: Snapshot, data: AnalyticsData? = nil) throws(RFMMapError) -> AtRiskList {
        let data = AnalyticsData.reuse(data, for: snapshot)
        let rfm = try RFMReport.make(RFMSpec(asOf: spec.asOf), snapshot, data: data)
        let clv = CLVReport.make(CLVSpec(asOf: spec.asOf, unit: spec.unit, horizon: spec.horizon), snapshot, data: data)
        return make(spec, rfm: rfm, clv: clv)
    }

    /// Combines reports the caller already has (the dashboard caches them).
    public static func make(_ spec: AtRiskSpec, rfm: RFMReport, clv: CLVReport) -> AtRiskList {
        var rows: [AtRiskRow] = []
        for s in rfm.customers {
            let c = clv.customer(s.customerId)
            var reasons: [AtRiskReason] = []
            if let p = c?.probabilityAlive, p < spec.aliveBelow { reasons.append(.lowProbabilityAlive(p)) }
            if RFMSegmentMap.atRiskCodes.contains(s.segment) { reasons.append(.segment(s.segment)) }
            guard !reasons.isEmpty else { continue }
            rows.append(AtRiskRow(customerId: s.customerId, name: s.name, owner: s.owner, segment: s.segment,
                                  segmentLabel: rfm.segmentLabel(s.segment) ?? Label(zh: s.segment, en: s.segment),
                                  probabilityAlive: c?.probabilityAlive, expectedValue: c?.expectedValue,
                                  monetary: s.monetary, recency: s.recency, lastPurchase: s.lastPurchase, reasons: reasons))
        }
        rows = sorted(rows, by: spec.sort, descending: spec.descending)
        let note = clv.purchases.model == nil
            ? "purchase model not fitted (\(clv.purchases.diagnostics.message)); listed by RFM segment only" : nil
        return AtRiskList(spec: spec, rows: rows, note: note)
    }

    /// Sorts by a column; missing values go last, ties by customer id.
    public static func sorted(_ rows: [AtRiskRow], by key: AtRiskSort, descending: Bool) -> [AtRiskRow] {
        func cmp(_ a: AtRiskRow, _ b: AtRiskRow) -> Bool? {
            switch key {
            case .monetary: return a.monetary == b.monetary ? nil : a.monetary < b.monetary
            case .recency: return a.recency == b.recency ? nil : a.recency < b.recency
            case .value: return optional(a.expectedValue, b.expectedValue)
            case .alive: return optional(a.probabilityAlive, b.probabilityAlive)
            case .owner: return (a.owner ?? "") == (b.owner ?? "") ? nil : (a.owner ?? "") < (b.owner ?? "")
            case .name: return a.name == b.name ? nil : a.name < b.name
            }
        }
        func optional(_ x: Double?, _ y: Double?) -> Bool? {
            switch (x, y) {
            case let (x?, y?): return x == y ? nil : x < y
            case (nil, nil): return nil
            // nil sorts last in either direction.
            case (nil, _): return descending
            case (_, nil): return !descending
            }
        }
        return rows.sorted { a, b in
            if let less = cmp(a, b) { return descending ? !less : less }
            return idNumber(a.customerId) < idNumber(b.customerId)
        }
    }
}
