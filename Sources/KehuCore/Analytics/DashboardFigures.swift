import Foundation

/// What the dashboard's KPI strip and revenue chart ask for.
public struct DashboardSpec: Sendable, Hashable {
    public var today: LocalDate
    /// Active = bought within this many days ending today.
    public var activeDays: Int
    /// Months in the revenue series, ending with today's month (12–36 on screen).
    public var months: Int
    /// The zone in which a customer's creation instant becomes a calendar date ("new this month").
    public var zone: TimeZone

    public init(today: LocalDate, activeDays: Int = 90, months: Int = 24, zone: TimeZone = .current) {
        self.today = today; self.activeDays = activeDays; self.months = max(1, months); self.zone = zone
    }
}

/// One calendar month of the revenue series.
public struct MonthFigures: Sendable, Hashable {
    /// First day of the month.
    public var month: LocalDate
    /// Net main-currency revenue, minor units.
    public var revenue: Int64
    public var orders: Int
    /// Distinct customers who bought in the month.
    public var buyers: Int
}

/// The dashboard's headline numbers and monthly revenue, in one pass over the data.
/// (Reminders due are counted by the reminders feature, not here.)
public struct DashboardFigures: Sendable, Hashable {
    public var spec: DashboardSpec
    public var customers: Int
    /// Customers nobody owns (公海).
    public var inPool: Int
    public var active: Int
    /// Customers created since the first of this month.
    public var newThisMonth: Int
    /// Month to date (1st … today), the whole previous month, and the previous month up to the
    /// same day (clamped to its length), for an honest "vs last month" at any point in the month.
    public var revenueThisMonth: Int64
    public var revenueLastMonth: Int64
    public var revenueLastMonthToDate: Int64
    public var ordersThisMonth: Int
    /// Oldest month first; the last entry is this month (to date).
    public var byMonth: [MonthFigures]

    /// Month-to-date change against the same days of last month; nil when last month had none.
    public var monthChange: Double? {
        revenueLastMonthToDate > 0 ? Double(revenueThisMonth - revenueLastMonthToDate) / Double(revenueLastMonthToDate) : nil
    }

    public static func make(_ spec: DashboardSpec, _ snapshot: Snapshot, data: AnalyticsData? = nil) -> DashboardFigures {
        let data = AnalyticsData.reuse(data, for: snapshot)
        let today = spec.today.days
        let thisMonth = spec.today.startOfMonth
        let lastMonth = thisMonth.adding(months: -1)
        let lastMonthSameDay = spec.today.adding(months: -1)      // clamps 31 → 30/28
        let first = thisMonth.adding(months: -(spec.months - 1))
        // Month index by day: the start day of each month, searched in order.
        let starts = (0..<spec.months).map { first.adding(months: $0).days }
        var revenue = [Int64](repeating: 0, count: spec.months), orders = [Int](repeating: 0, count: spec.months)
        var buyers = [Int](repeating: 0, count: spec.months)
        var thisRevenue: Int64 = 0, lastRevenue: Int64 = 0, lastToDate: Int64 = 0, thisOrders = 0
        var active = 0
        let activeFrom = today - Int32(spec.activeDays) + 1
        var boughtIn = [Bool](repeating: false, count: spec.months)
        for i in 0..<data.customerCount {
            var last = Int32.min
            for k in boughtIn.indices { boughtIn[k] = false }
            for j in data.offsets[i]..<data.offsets[i + 1] {
                let d = data.days[j]
                if d > today { break }
                let amount = data.amounts[j]
                if amount > 0 { last = d }
                if d >= thisMonth.days {
                    thisRevenue += amount
                    if amount > 0 { thisOrders += 1 }
                } else if d >= lastMonth.days {
                    lastRevenue += amount
                    if d <= lastMonthSameDay.days { lastToDate += amount }
                }
                guard d >= starts[0] else { continue }
                var m = starts.count - 1
                while starts[m] > d { m -= 1 }
                revenue[m] += amount
                if amount > 0 { orders[m] += 1; boughtIn[m] = true }
            }
            if last >= activeFrom { active += 1 }
            for k in boughtIn.indices where boughtIn[k] { buyers[k] += 1 }
        }
        // "Created this month" as an instant range: local midnight of the 1st up to local
        // midnight after today, each converted with the zone's offset at that moment.
        func midnight(_ d: LocalDate) -> Int64 {
            let utc = Int64(d.days) * 86_400
            let offset = spec.zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(utc)))
            let guess = utc - Int64(offset)
            // Re-read the offset at the guessed instant (differs only across a DST change).
            return (utc - Int64(spec.zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(guess))))) * 1000
        }
        let from = midnight(thisMonth), to = midnight(spec.today.adding(days: 1))
        var inPool = 0, newThisMonth = 0
        for c in data.customers {
            if c.owner == nil { inPool += 1 }
            let created = c.createdAt.millis
            if created >= from && created < to { newThisMonth += 1 }
        }
        return DashboardFigures(
            spec: spec, customers: data.customerCount, inPool: inPool, active: active, newThisMonth: newThisMonth,
            revenueThisMonth: thisRevenue, revenueLastMonth: lastRevenue, revenueLastMonthToDate: lastToDate,
            ordersThisMonth: thisOrders,
            byMonth: (0..<spec.months).map { MonthFigures(month: LocalDate(days: starts[$0]), revenue: revenue[$0], orders: orders[$0], buyers: buyers[$0]) })
    }
}
