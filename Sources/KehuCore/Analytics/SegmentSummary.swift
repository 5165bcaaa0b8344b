/// What `kehu report segments` asks for.
public struct SegmentSpec: Sendable, Hashable {
    /// One or two fields (region, or region × category).
    public var by: [SegmentDimension]
    /// The revenue period, both days included.
    public var from: LocalDate
    public var to: LocalDate
    /// A customer is active when their last purchase on or before `asOf` is at most
    /// `activeDays − 1` days before it (so 90 means the 90 days ending on `asOf`).
    public var activeDays: Int
    public var asOf: LocalDate

    public init(by: [SegmentDimension], from: LocalDate, to: LocalDate, activeDays: Int = 90, asOf: LocalDate? = nil) {
        self.by = by; self.from = from; self.to = to; self.activeDays = activeDays; self.asOf = asOf ?? to
    }

    /// The period of equal length just before [from, to].
    public var previousPeriod: (from: LocalDate, to: LocalDate) {
        let length = from.days(until: to) + 1
        return (from.adding(days: -length), from.adding(days: -1))
    }

    /// Checks the spec; the first problem as one line.
    public func validate() -> SegmentSpecError? {
        if by.isEmpty || by.count > 2 { return SegmentSpecError(message: "segment by one or two fields (e.g. region or region,category)") }
        if by.count == 2 && by[0] == by[1] { return SegmentSpecError(message: "segment by two different fields") }
        if to < from { return SegmentSpecError(message: "the period ends (\(to)) before it starts (\(from))") }
        if activeDays < 1 { return SegmentSpecError(message: "active days must be at least 1") }
        return nil
    }
}

/// One segment (or the total): customers, activity and revenue against the previous period.
public struct SegmentRow: Sendable, Hashable {
    /// The stored values of the segment fields ("" = empty), one per dimension; empty for the total.
    public var codes: [String]
    public var labels: [Label]
    public var customers: Int
    /// Share of all customers (0…1).
    public var share: Double
    /// Customers who bought within the active window.
    public var active: Int
    /// Net main-currency revenue in the period, minor units (refunds subtract).
    public var revenue: Int64
    /// Purchases (positive transactions) in the period.
    public var orders: Int
    public var previousRevenue: Int64
    public var previousOrders: Int

    /// Revenue per purchase, minor units, rounded half up; nil without purchases.
    public var averageOrderValue: Int64? { orders > 0 ? floorDiv(revenue + Int64(orders) / 2, Int64(orders)) : nil }

    /// (revenue − previous) / previous; nil when the previous period had none (no honest percentage).
    public var change: Double? { previousRevenue > 0 ? Double(revenue - previousRevenue) / Double(previousRevenue) : nil }

    public var activeShare: Double { customers > 0 ? Double(active) / Double(customers) : 0 }
}

/// Customers, activity and revenue by one or two dictionary fields.
public struct SegmentSummary: Sendable, Hashable {
    public var spec: SegmentSpec
    /// Segments by revenue (then customers, then code), largest first.
    public var rows: [SegmentRow]
    public var total: SegmentRow

    /// Builds the summary in one pass over the transactions.
    /// - Parameter data: columns already built for this snapshot (the dashboard's cache), if any.
    public static func make(_ spec: SegmentSpec, _ snapshot: Snapshot, data: AnalyticsData? = nil) throws(SegmentSpecError) -> SegmentSummary {
        if let e = spec.validate() { throw e }
        let data = AnalyticsData.reuse(data, for: snapshot)
        let n = data.customerCount
        // Group of every customer: each field's values numbered, then combined.
        var groupOf = [Int](repeating: 0, count: n)
        var groups: [Int: Int] = [:]
        var keys: [[String]] = []
        var numbering = spec.by.map { _ in ValueNumbering() }
        var values = spec.by.map { _ in [String]() }
        for i in 0..<n {
            var combined = 0
            for (k, dim) in spec.by.enumerated() {
                let code = dim.code(of: data.customers[i])
                let v = numbering[k].number(code, values: &values[k])
                combined = combined * n + v
            }
            if let g = groups[combined] { groupOf[i] = g } else {
                groups[combined] = keys.count; groupOf[i] = keys.count
                keys.append(spec.by.indices.map { k in values[k][spec.by.count == 1 ? combined : (k == 0 ? combined / n : combined % n)] })
            }
        }
        let g = keys.count
        var revenue = [Int64](repeating: 0, count: g), previous = revenue
        var orders = [Int](repeating: 0, count: g), previousOrders = orders
        var customers = [Int](repeating: 0, count: g), active = customers
        let from = spec.from.days, to = spec.to.days, asOf = spec.asOf.days
        let prev = spec.previousPeriod
        let pFrom = prev.from.days, pTo = prev.to.days
        let activeFrom = asOf - Int32(spec.activeDays) + 1
        data.days.withUnsafeBufferPointer { days in
            data.amounts.withUnsafeBufferPointer { amounts in
                for i in 0..<n {
                    let k = groupOf[i]
                    var last = Int32.min
                    for j in data.offsets[i]..<data.offsets[i + 1] {
                        let d = days[j], amount = amounts[j]
                        if d >= from && d <= to {
                            revenue[k] += amount
                            if amount > 0 { orders[k] += 1 }
                        } else if d >= pFrom && d <= pTo {
                            previous[k] += amount
                            if amount > 0 { previousOrders[k] += 1 }
                        }
                        if amount > 0 && d <= asOf { last = d }   // rows are in date order
                    }
                    customers[k] += 1
                    if last >= activeFrom { active[k] += 1 }
                }
            }
        }
        let customerTotal = Double(max(n, 1))
        var rows = (0..<g).map { k in
            SegmentRow(codes: keys[k], labels: zip(spec.by, keys[k]).map { $0.label(of: $1, in: snapshot.dictionary) },
                       customers: customers[k], share: Double(customers[k]) / customerTotal, active: active[k], revenue: revenue[k],
                       orders: orders[k], previousRevenue: previous[k], previousOrders: previousOrders[k])
        }
        rows.sort { ($0.revenue, $0.customers) != ($1.revenue, $1.customers)
            ? ($0.revenue, $0.customers) > ($1.revenue, $1.customers)
            : $0.codes.lexicographicallyPrecedes($1.codes) }
        let total = SegmentRow(codes: [], labels: [Label(zh: "合计", en: "Total")], customers: n,
                               share: n > 0 ? 1 : 0, active: active.reduce(0, +), revenue: revenue.reduce(0, +),
                               orders: orders.reduce(0, +), previousRevenue: previous.reduce(0, +),
                               previousOrders: previousOrders.reduce(0, +))
        return SegmentSummary(spec: spec, rows: rows, total: total)
    }
}
