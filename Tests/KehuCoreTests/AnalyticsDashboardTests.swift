import Foundation
import KehuCore
import Testing

@Suite("Analytics: dashboard figures")
struct AnalyticsDashboardTests {
    @Test func headlineNumbersAndMonthsByHand() {
        var s = AnalyticsStoreFixture()
        s.customer("C1", "甲", owner: "alice")
        s.customer("C2", "乙")
        s.buy("C1", "2026-01-31", "10")
        s.buy("C1", "2026-02-27", "20")      // last month, before the same day (02-28)
        s.buy("C1", "2026-03-05", "40")
        s.buy("C2", "2026-03-30", "5")
        s.buy("C2", "2026-03-31", "-1")      // refund: revenue only
        s.buy("C2", "2026-04-02", "999")     // after today
        s.buy("C2", "2026-02-28", "100", currency: "USD")
        let f = DashboardFigures.make(DashboardSpec(today: day("2026-03-31"), activeDays: 30, months: 3, zone: TimeZone(identifier: "UTC")!), s.snapshot)
        #expect(f.customers == 2 && f.inPool == 1)
        #expect(f.active == 2)      // last purchases 03-05 and 03-30, both within 03-02 … 03-31
        #expect(f.revenueThisMonth == 4_000 + 500 - 100 && f.ordersThisMonth == 2)
        #expect(f.revenueLastMonth == 2_000 && f.revenueLastMonthToDate == 2_000)
        #expect(f.byMonth.map(\.month) == [day("2026-01-01"), day("2026-02-01"), day("2026-03-01")])
        #expect(f.byMonth.map(\.revenue) == [1_000, 2_000, 4_400])
        #expect(f.byMonth.map(\.orders) == [1, 1, 2])
        #expect(f.byMonth.map(\.buyers) == [1, 1, 2])
        #expect(f.monthChange == 1.2)
        // Customers are created by the fixture at 2023-11-14 (UTC): none is new in March 2026.
        #expect(f.newThisMonth == 0)
    }

    @Test func lastMonthToDateClampsToItsLength() {
        var s = AnalyticsStoreFixture()
        s.customer("C1", "甲")
        s.buy("C1", "2026-02-28", "10")
        s.buy("C1", "2026-02-10", "5")
        let mid = DashboardFigures.make(DashboardSpec(today: day("2026-03-15"), months: 1), s.snapshot)
        #expect(mid.revenueLastMonth == 1_500 && mid.revenueLastMonthToDate == 500)
        let end = DashboardFigures.make(DashboardSpec(today: day("2026-03-31"), months: 1), s.snapshot)
        #expect(end.revenueLastMonthToDate == 1_500 && end.monthChange == -1)
    }

    @Test func newThisMonthUsesTheCalendarDateInTheZone() {
        var s = AnalyticsStoreFixture()
        // 2026-02-28 20:00 UTC is 2026-03-01 04:00 in Shanghai.
        s.apply(.create(.customer, id: "C1", ["name": "甲", "createdAt": "2026-02-28T20:00:00Z"]))
        s.apply(.create(.customer, id: "C2", ["name": "乙", "createdAt": "2026-03-10T02:00:00Z"]))
        let shanghai = DashboardFigures.make(DashboardSpec(today: day("2026-03-31"), zone: TimeZone(identifier: "Asia/Shanghai")!), s.snapshot)
        let utc = DashboardFigures.make(DashboardSpec(today: day("2026-03-31"), zone: TimeZone(identifier: "UTC")!), s.snapshot)
        #expect(shanghai.newThisMonth == 2 && utc.newThisMonth == 1)
    }
}
