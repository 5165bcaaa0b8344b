import Foundation
import KehuCore
@testable import KehuTUI
import Testing

@Suite("Analytics dashboard pane")
struct AnalyticsDashboardPaneTests {
    func titles(_ m: DashboardModel) -> [String] {
        m.sections.map { sec in
            switch sec {
            case let .figures(t, _), let .bars(t, _), let .table(t, _, _): return t
            }
        }
    }

    @Test func sectionsAndKeyFiguresOnTheFixture() throws {
        let s = Fixture.snapshot()
        let dash = AnalyticsDashboard()
        let m = dash.model(s, lang: .zh, clock: Fixture.clock, followUps: FollowUps.simple(s, clock: Fixture.clock))
        let t = titles(m)
        #expect(t.count == 6)
        #expect(t[0] == "概览" && t[1] == "月度收入(24个月,最新在前)" && t[2] == "近30天各区域收入" && t[3] == "RFM 客户分群")
        #expect(t[4].hasPrefix("流失风险客户") && t[5].hasPrefix("待跟进"))
        guard case let .figures(_, figs) = m.sections[0] else { Issue.record("no figures"); return }
        let byName = Dictionary(uniqueKeysWithValues: figs.map { ($0.0, $0.1) })
        #expect(byName["客户"] == "4" && byName["公海"] == "1")
        // Purchases on 2026-09-18 and 2026-10-01 are within the 90 days ending 2026-11-25.
        #expect(byName["活跃客户(90天)"] == "2 (50.0%)")
        guard case let .bars(_, months) = m.sections[1] else { Issue.record("no months"); return }
        #expect(months.count == 24 && months.first?.label == "2026-11")
        #expect(months.first { $0.label == "2026-03" }?.value == 12_000_000)
        // Three buyers: the purchase models cannot be fitted, and the at-risk table says RFM only.
        #expect(t[4].hasSuffix("(仅按RFM)"))
        let en = dash.model(s, lang: .en, clock: Fixture.clock, followUps: FollowUps.simple(s, clock: Fixture.clock))
        #expect(titles(en)[0] == "Overview" && titles(en)[3] == "RFM segments")
    }

    @Test func purchaseModelsAreRefittedOnlyWhenTheDataMoves() {
        // 300 customers with a few purchases each: enough for the fit.
        var changes: [Change] = []
        var rng = SeededRandom(seed: 3)
        for i in 1...300 {
            changes.append(.create(.customer, id: "C\(100 + i)", ["name": .string("客户\(i)"), "owner": "alice"]))
            var d = LocalDate("2025-01-01")!.adding(days: rng.int(0...300))
            for _ in 0..<rng.int(1...6) {
                changes.append(.create(.transaction, ["customer": .string("C\(100 + i)"), "date": .string(d.description),
                                                      "amount": .string("\(rng.int(100...5000))")]))
                d = d.adding(days: rng.int(5...120))
                if d > LocalDate("2026-11-20")! { break }
            }
        }
        let s = Fixture.snapshot(extra: changes)
        let dash = AnalyticsDashboard()
        let follow = FollowUps.simple(s, clock: Fixture.clock)
        _ = dash.model(s, lang: .zh, clock: Fixture.clock, followUps: follow)
        #expect(dash.fitCount == 1)
        // One more transaction: under 2 %, the fit is reused.
        let s2 = Fixture.snapshot(extra: changes + [.create(.transaction, ["customer": "C101", "date": "2026-11-24", "amount": "10"])])
        _ = dash.model(s2, lang: .zh, clock: Fixture.clock, followUps: follow)
        #expect(dash.fitCount == 1)
        // A new day refits.
        let tomorrow = Clock(now: Timestamp(millis: Fixture.now.millis + 86_400_000), timeZone: Fixture.zone)
        let m = dash.model(s2, lang: .zh, clock: tomorrow, followUps: follow)
        #expect(dash.fitCount == 2)
        guard case let .table(title, _, rows) = m.sections[4] else { Issue.record("no at-risk table"); return }
        #expect(!title.hasSuffix("(仅按RFM)"), "\(title)")
        #expect(rows.allSatisfy { !$0[3].isEmpty }, "P(alive) shown once the models are fitted")
    }
}
