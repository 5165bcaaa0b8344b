import Foundation
@testable import KehuCore
import Testing

@Suite("Analytics: CLV report and at-risk list")
struct AnalyticsCLVReportTests {
    @Test func historiesFollowTheUsualDefinitions() throws {
        var s = AnalyticsStoreFixture()
        s.customer("C1", "甲")
        s.customer("C2", "乙")
        s.customer("C3", "丙")
        s.buy("C1", "2026-01-01", "100")
        s.buy("C1", "2026-01-01", "50")      // same day: one purchase day of 150
        s.buy("C1", "2026-01-15", "200")
        s.buy("C1", "2026-02-12", "-30")     // refund: not a purchase
        s.buy("C1", "2026-03-01", "300")
        s.buy("C1", "2026-04-02", "900")     // after the calibration end
        s.buy("C2", "2026-03-10", "80")
        s.buy("C3", "2026-04-10", "80")      // first purchase after the end: not a customer yet
        let h = RepeatPurchaseSummary.build(s.snapshot, asOf: day("2026-03-31"), unit: .week)
        #expect(h.map(\.customerId) == ["C1", "C2"])
        #expect(h[0].frequency == 2)
        #expect(abs(h[0].recency - 59.0 / 7) < 1e-12 && abs(h[0].age - 89.0 / 7) < 1e-12)
        #expect(h[0].monetaryValue == 250)
        #expect(h[1].frequency == 0 && h[1].recency == 0 && abs(h[1].age - 3) < 1e-12 && h[1].monetaryValue == nil)
        let days = RepeatPurchaseSummary.build(s.snapshot, asOf: day("2026-03-31"), unit: .day)
        #expect(days[0].recency == 59 && days[0].age == 89)
    }

    /// A store simulated from the models, with purchases on calendar days.
    func simulatedStore(customers: Int, seed: UInt64) -> AnalyticsStoreFixture {
        var sim = AnalyticsSimulator(seed: seed)
        var s = AnalyticsStoreFixture()
        let truth = BGNBDModel(r: 0.5, alpha: 40, a: 0.7, b: 2.5)   // days
        let start = day("2024-01-01")
        for i in 1...customers {
            s.customer("C\(i)", "客户\(i)", owner: i % 3 == 0 ? nil : (i % 3 == 1 ? "alice" : "bob"))
            let lambda = sim.gamma(shape: truth.r, rate: truth.alpha), p = sim.beta(truth.a, truth.b)
            let nu = sim.gamma(shape: 4, rate: 15)
            var t = Double(Int(sim.uniform() * 180))
            var date = start.adding(days: Int(t))
            s.buy("C\(i)", date.description, String(format: "%.2f", 10 + sim.gamma(shape: 6, rate: nu)))
            while true {
                t += sim.exponential(rate: lambda)
                let d = start.adding(days: Int(t))
                if d > day("2025-12-31") { break }
                if d == date { continue }
                date = d
                s.buy("C\(i)", d.description, String(format: "%.2f", sim.gamma(shape: 6, rate: nu)))
                if sim.uniform() < p { break }
            }
        }
        return s
    }

    @Test func fitsASimulatedStoreAndPredicts() throws {
        let store = simulatedStore(customers: 3000, seed: 42)
        let report = CLVReport.make(CLVSpec(asOf: day("2025-12-31"), unit: .day, horizon: 365), store.snapshot)
        let m = try #require(report.purchases.model, "\(report.purchases.diagnostics.message)")
        #expect(report.customers.count == 3000)
        #expect(abs(m.r / 0.5 - 1) < 0.3 && abs(m.alpha / 40 - 1) < 0.4, "\(m)")
        // The fitted model reproduces the calibration repeat count closely.
        let expected = try #require(report.expectedRepeats)
        #expect(abs(expected / Double(report.observedRepeats) - 1) < 0.03)
        #expect(report.spend.model != nil)
        for c in report.customers {
            let p = try #require(c.probabilityAlive)
            #expect(p > 0 && p <= 1)
            let v = try #require(c.expectedValue)
            #expect(v >= 0 && v.isFinite)
        }
        // Discounting lowers every value.
        let discounted = CLVReport.make(CLVSpec(asOf: day("2025-12-31"), unit: .day, horizon: 365, annualDiscountRate: 0.1), store.snapshot)
        let a = report.customers[0].expectedValue!, b = discounted.customers[0].expectedValue!
        #expect(b < a && b > a / 1.1)
    }

    @Test func aStoreWithoutRepeatBuyersGetsNoPredictions() throws {
        var s = AnalyticsStoreFixture()
        for i in 1...30 {
            s.customer("C\(i)", "客户\(i)", owner: "alice")
            s.buy("C\(i)", LocalDate(days: day("2026-01-01").days + Int32(i)).description, "\(100 * i)")
        }
        let report = CLVReport.make(CLVSpec(asOf: day("2026-03-31")), s.snapshot)
        #expect(report.purchases.model == nil && !report.purchases.diagnostics.converged)
        #expect(report.customers.allSatisfy { $0.probabilityAlive == nil && $0.expectedValue == nil })
        let list = AtRiskList.make(AtRiskSpec(asOf: day("2026-03-31")), rfm: try RFMReport.make(RFMSpec(asOf: day("2026-03-31")), s.snapshot), clv: report)
        #expect(list.note?.hasPrefix("purchase model not fitted") == true)
    }

    @Test func atRiskListCombinesBothRulesAndSorts() throws {
        let store = simulatedStore(customers: 1500, seed: 7)
        let asOf = day("2025-12-31")
        let rfm = try RFMReport.make(RFMSpec(asOf: asOf), store.snapshot)
        let clv = CLVReport.make(CLVSpec(asOf: asOf), store.snapshot)
        let list = AtRiskList.make(AtRiskSpec(asOf: asOf, aliveBelow: 0.3), rfm: rfm, clv: clv)
        #expect(list.note == nil)
        // Exactly the customers matching either rule.
        let expected = rfm.customers.filter { s in
            (clv.customer(s.customerId)?.probabilityAlive ?? 1) < 0.3 || ["atRisk", "cantLose"].contains(s.segment)
        }.map(\.customerId)
        #expect(Set(list.rows.map(\.customerId)) == Set(expected))
        #expect(!list.rows.isEmpty)
        #expect(list.rows.map(\.monetary) == list.rows.map(\.monetary).sorted(by: >))
        let byAlive = AtRiskList.sorted(list.rows, by: .alive, descending: false)
        let alive = byAlive.compactMap(\.probabilityAlive)
        #expect(alive == alive.sorted())
        let byOwner = AtRiskList.sorted(list.rows, by: .owner, descending: false)
        #expect(byOwner.map { $0.owner ?? "" } == byOwner.map { $0.owner ?? "" }.sorted())
    }

    @Test func missingValuesSortLastBothWays() {
        func row(_ id: String, _ v: Double?) -> AtRiskRow {
            AtRiskRow(customerId: id, name: id, owner: nil, segment: "atRisk", segmentLabel: Label(zh: "", en: ""),
                      probabilityAlive: v, expectedValue: v, monetary: 0, recency: 0, lastPurchase: day("2026-01-01"), reasons: [])
        }
        let rows = [row("C1", nil), row("C2", 0.5), row("C3", 0.1)]
        #expect(AtRiskList.sorted(rows, by: .value, descending: true).map(\.customerId) == ["C2", "C3", "C1"])
        #expect(AtRiskList.sorted(rows, by: .value, descending: false).map(\.customerId) == ["C3", "C2", "C1"])
    }
}
