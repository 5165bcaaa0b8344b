import Foundation
import KehuCore

/// The analytics dashboard: KPIs, revenue by month, revenue by region, RFM
/// segments, at-risk customers and follow-ups due, as `DashboardModel` sections
/// built from KehuCore's reports (the same values `kehu report …` prints).
///
/// Plugged in through `WorkstationOptions.dashboard = AnalyticsDashboard().source`.
/// It keeps the columnar `AnalyticsData` of the last snapshot and the last CLV
/// fit: the purchase models are refitted only when the date changes or the
/// number of transactions moves by more than 2 %, so a colleague's single edit
/// costs the cheap reports and the predictions, not a new maximum-likelihood fit.
public final class AnalyticsDashboard: @unchecked Sendable {
    private let lock = NSLock()
    private var data: AnalyticsData?
    private var fitted: (asOf: LocalDate, transactions: Int, fits: (ModelFit<BGNBDModel>, ModelFit<GammaGammaModel>))?
    /// How many times the purchase models were fitted (tests check the cache).
    public private(set) var fitCount = 0

    /// Rows in the at-risk and follow-up tables.
    public var tableRows = 15

    public init() {}

    public var source: @Sendable (Snapshot, Language, Clock, FollowUps) -> DashboardModel {
        { [self] in self.model($0, lang: $1, clock: $2, followUps: $3) }
    }

    public func model(_ s: Snapshot, lang: Language, clock: Clock, followUps: FollowUps) -> DashboardModel {
        lock.lock()
        defer { lock.unlock() }
        func l(_ zh: String, _ en: String) -> String { lang == .zh ? zh : en }
        let data = AnalyticsData.reuse(self.data, for: s)
        self.data = data
        let today = clock.today
        var sections: [DashboardModel.Section] = []

        // Key figures.
        let f = DashboardFigures.make(DashboardSpec(today: today, activeDays: 90, months: 24, zone: clock.timeZone), s, data: data)
        let dueToday = followUps.due.values.filter { $0 <= today }.count
        let change = f.monthChange.map { String(format: " (%+.1f%% %@)", $0 * 100, l("较上月同期", "vs same days last month")) } ?? ""
        sections.append(.figures(title: l("概览", "Overview"), [
            (l("客户", "Customers"), grouped(f.customers)),
            (l("公海", "In pool"), grouped(f.inPool)),
            (l("活跃客户(90天)", "Active (90 days)"), grouped(f.active) + percentOf(f.active, f.customers)),
            (l("本月新增", "New this month"), grouped(f.newThisMonth)),
            (l("本月收入", "Revenue this month"), Money(minor: f.revenueThisMonth).formatted + change),
            (l("上月收入", "Revenue last month"), Money(minor: f.revenueLastMonth).formatted),
            (l("本月订单", "Orders this month"), grouped(f.ordersThisMonth)),
            (l("待跟进", "Follow-ups due"), grouped(dueToday)),
        ]))
        // Newest month first: the bar of this month sits right under the figures it explains.
        // (Oldest first, an 80×24 screen showed only the months of two years ago, and
        // "revenue this month" looked three times too large next to them.)
        sections.append(.bars(title: l("月度收入(24个月,最新在前)", "Revenue by month (24 months, newest first)"), f.byMonth.reversed().map {
            DashboardModel.Bar(String($0.month.description.prefix(7)), $0.revenue, Money(minor: $0.revenue).formatted)
        }))

        // Revenue by region over the last 30 days, against the 30 days before.
        if let region = SegmentDimension(.region),
           let seg = try? SegmentSummary.make(SegmentSpec(by: [region], from: today.adding(days: -29), to: today), s, data: data) {
            sections.append(.bars(title: l("近30天各区域收入", "Revenue by region, last 30 days"), seg.rows.map { r in
                let ch = r.change.map { String(format: " · %+.0f%%", $0 * 100) } ?? ""
                return DashboardModel.Bar(r.labels.first?.text(lang) ?? "", max(0, r.revenue),
                                          Money(minor: r.revenue).formatted + " · \(r.customers)" + l("户", " cust.") + ch)
            }))
        }

        // RFM segments and the at-risk list.
        if let rfm = try? RFMReport.make(RFMSpec(asOf: today), s, data: data) {
            sections.append(.bars(title: l("RFM 客户分群", "RFM segments"), rfm.segments.filter { $0.customers > 0 }.map { g in
                DashboardModel.Bar(g.label.text(lang), Int64(g.customers), "\(g.customers)" + percentOf(g.customers, rfm.customers.count))
            }))
            let clv = clvReport(s, data: data, today: today)
            let risk = AtRiskList.make(AtRiskSpec(asOf: today), rfm: rfm, clv: clv)
            let rows = risk.rows.prefix(tableRows).map { r in
                [r.name, r.owner ?? l("公海", "pool"), r.segmentLabel.text(lang),
                 r.probabilityAlive.map { String(format: "%.2f", $0) } ?? "", Money(minor: r.monetary).formatted]
            }
            let note = risk.note == nil ? "" : l("(仅按RFM)", " (RFM only)")
            sections.append(.table(title: l("流失风险客户", "At-risk customers") + " · \(risk.rows.count)" + note,
                                   columns: [l("客户", "Customer"), l("负责人", "Owner"), l("分群", "Segment"),
                                             l("存活概率", "P(alive)"), l("累计金额", "Monetary")],
                                   rows: Array(rows)))
        }

        // Follow-ups due.
        let due = followUps.due.filter { $0.value <= today }.sorted { ($0.value, idNumber($0.key)) < ($1.value, idNumber($1.key)) }
        sections.append(.table(title: l("待跟进", "Follow-ups due") + " · \(due.count)",
                               columns: [l("客户", "Customer"), l("到期", "Due"), ""],
                               rows: due.prefix(tableRows).map { id, d in
                                   [s.customers[id]?.name ?? id, d.description,
                                    d == today ? l("今天", "today") : l("逾期\(today.days - d.days)天", "\(today.days - d.days) days overdue")]
                               }))
        return DashboardModel(sections: sections)
    }

    /// The CLV report, refitting only when the date changed or the transactions moved by more than 2 %.
    private func clvReport(_ s: Snapshot, data: AnalyticsData, today: LocalDate) -> CLVReport {
        let n = s.transactions.count
        let spec = CLVSpec(asOf: today, unit: .week)
        if let f = fitted, f.asOf == today, abs(n - f.transactions) * 50 <= f.transactions {
            return CLVReport.make(spec, s, data: data, fits: f.fits)
        }
        let report = CLVReport.make(spec, s, data: data)
        fitCount += 1
        fitted = (today, n, (report.purchases, report.spend))
        return report
    }

    private func grouped(_ n: Int) -> String {
        var digits = String(n)
        var groups: [Substring] = []
        while digits.count > 3 { groups.insert(Substring(digits.suffix(3)), at: 0); digits.removeLast(3) }
        groups.insert(Substring(digits), at: 0)
        return groups.joined(separator: ",")
    }

    private func percentOf(_ part: Int, _ whole: Int) -> String {
        whole > 0 ? String(format: " (%.1f%%)", Double(part) / Double(whole) * 100) : ""
    }
}
