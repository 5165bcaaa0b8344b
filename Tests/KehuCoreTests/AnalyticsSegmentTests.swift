import KehuCore
import Testing

@Suite("Analytics: segment summaries")
struct AnalyticsSegmentTests {
    /// Five customers in two regions; March 2026 against February (28 days before
    /// a 31-day March means the previous period is 2026-01-29 … 2026-02-28).
    func store() -> Snapshot {
        var s = AnalyticsStoreFixture()
        s.customer("C1", "甲", region: "华南", category: "现有代理", owner: "alice")
        s.customer("C2", "乙", region: "华南", category: "现有终端客户", owner: "bob")
        s.customer("C3", "丙", region: "华东", category: "现有代理", owner: "alice")
        s.customer("C4", "丁", region: "华东", category: "现有代理")
        s.customer("C5", "戊")
        s.buy("C1", "2026-03-02", "100")
        s.buy("C1", "2026-03-20", "250.50")
        s.buy("C1", "2026-03-21", "-50.50")      // refund in the period
        s.buy("C2", "2026-02-10", "400")         // previous period
        s.buy("C2", "2026-03-31", "200")
        s.buy("C3", "2026-01-29", "1000")        // first day of the previous period
        s.buy("C3", "2026-01-28", "7")           // before it: counts nowhere
        s.buy("C4", "2026-03-15", "80", currency: "USD") // other currency: ignored
        s.buy("C5", "2026-04-01", "999")         // after the period
        return s.snapshot
    }

    func dims(_ names: String...) -> [SegmentDimension] { names.map { try! SegmentDimension.parse($0).get() } }

    @Test func byRegionByHand() throws {
        let spec = SegmentSpec(by: dims("region"), from: day("2026-03-01"), to: day("2026-03-31"), activeDays: 30)
        #expect(spec.previousPeriod.from == day("2026-01-29") && spec.previousPeriod.to == day("2026-02-28"))
        let r = try SegmentSummary.make(spec, store())
        #expect(r.rows.map(\.codes) == [["华南"], ["华东"], [""]])
        let south = r.rows[0]
        #expect(south.customers == 2 && abs(south.share - 0.4) < 1e-12)
        // Active within the 30 days ending 2026-03-31 (from 2026-03-02): C1 (03-20) and C2 (03-31).
        #expect(south.active == 2)
        #expect(south.revenue == 10_000 + 25_050 - 5_050 + 20_000)
        #expect(south.orders == 3)
        #expect(south.averageOrderValue == 16_667)      // 50 000 / 3 = 16 666.67
        #expect(south.previousRevenue == 40_000)
        #expect(south.change == 0.25)
        #expect(south.labels == [Label(zh: "华南", en: "South China")])
        let east = r.rows[1]
        #expect(east.customers == 2 && east.active == 0 && east.revenue == 0 && east.orders == 0)
        #expect(east.averageOrderValue == nil && east.previousRevenue == 100_000 && east.change == -1)
        let none = r.rows[2]
        #expect(none.customers == 1 && none.revenue == 0 && none.change == nil)
        #expect(none.labels == [Label(zh: "（未填）", en: "(none)")])
        #expect(r.total.customers == 5 && r.total.revenue == 50_000 && r.total.previousRevenue == 140_000 && r.total.active == 2)
    }

    @Test func activeWindowIsInclusiveOfItsFirstDay() throws {
        let spec = SegmentSpec(by: dims("owner"), from: day("2026-03-01"), to: day("2026-03-31"), activeDays: 12, asOf: day("2026-03-31"))
        let r = try SegmentSummary.make(spec, store())
        // 12 days ending 03-31 start on 03-20: C1 (03-20) is in, C2 (03-31) is in.
        #expect(r.rows.first { $0.codes == ["alice"] }?.active == 1)
        #expect(r.rows.first { $0.codes == ["bob"] }?.active == 1)
        let eleven = try SegmentSummary.make(SegmentSpec(by: dims("owner"), from: day("2026-03-01"), to: day("2026-03-31"), activeDays: 11), store())
        #expect(eleven.rows.first { $0.codes == ["alice"] }?.active == 0)
        #expect(eleven.rows.first { $0.codes == [""] }?.labels == [Label(zh: "公海", en: "(pool)")])
    }

    @Test func byPairOfFields() throws {
        let spec = SegmentSpec(by: dims("region", "客户类别"), from: day("2026-03-01"), to: day("2026-03-31"))
        let r = try SegmentSummary.make(spec, store())
        #expect(Set(r.rows.map(\.codes)) == [["华南", "现有代理"], ["华南", "现有终端客户"], ["华东", "现有代理"], ["", ""]])
        let agents = try #require(r.rows.first { $0.codes == ["华东", "现有代理"] })
        #expect(agents.customers == 2 && agents.previousRevenue == 100_000)
        #expect(r.rows.map(\.customers).reduce(0, +) == 5)
        #expect(r.rows.map(\.revenue).reduce(0, +) == r.total.revenue)
    }

    @Test func rejectsWhatCannotBeSegmented() {
        guard case .failure(let e) = SegmentDimension.parse("phone") else { Issue.record("accepted phone"); return }
        #expect(e.message.hasPrefix("cannot segment by 'phone': use one of region, nature, source, category, industry"))
        #expect(SegmentSpec(by: dims("region", "region"), from: day("2026-03-01"), to: day("2026-03-31")).validate() != nil)
        #expect(SegmentSpec(by: dims("region"), from: day("2026-03-31"), to: day("2026-03-01")).validate()?.message
                == "the period ends (2026-03-01) before it starts (2026-03-31)")
    }

    @Test func oddCustomerIdsStillFindTheirTransactions() throws {
        var s = AnalyticsStoreFixture()
        s.customer("C5", "甲", region: "华南")
        s.customer("C99999999999999", "乙", region: "华南")
        s.customer("C99999999999999999999999", "丙", region: "华东")   // wraps idNumber
        s.buy("C5", "2026-03-02", "1")
        s.buy("C99999999999999", "2026-03-03", "2")
        s.buy("C99999999999999999999999", "2026-03-04", "4")
        let r = try SegmentSummary.make(SegmentSpec(by: dims("region"), from: day("2026-03-01"), to: day("2026-03-31")), s.snapshot)
        #expect(r.rows.first { $0.codes == ["华南"] }?.revenue == 300)
        #expect(r.rows.first { $0.codes == ["华东"] }?.revenue == 400)
    }
}
