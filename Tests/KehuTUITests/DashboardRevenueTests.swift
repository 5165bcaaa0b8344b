import Testing
import KehuCore
@testable import KehuTUI

/// "Revenue this month ¥59.2M while the monthly bars are ~¥20M": the figure was
/// right (it equals this month's bar); the bars listed the oldest month first,
/// so at 80×24 only the months of two years ago were on screen. The current
/// month must be visible next to the figure it explains.
@Suite struct DashboardRevenueTests {
    func state(width: Int, height: Int) -> AppState {
        let snap = Fixture.snapshot(extra: [
            .create(.transaction, ["customer": "C3", "date": "2026-11-20", "amount": "88000.00"]),
            .create(.transaction, ["customer": "C1", "date": "2024-12-03", "amount": "1000.00"]),
        ])
        let dash = AnalyticsDashboard()
        var s = AppState(snapshot: snap, user: "alice", storeName: "crm", lang: .zh, clock: Fixture.clock, width: width, height: height,
                         dashboardSource: dash.source)
        _ = Reducer.reduce(&s, .key(.char("3")))
        return s
    }

    @Test func thisMonthsBarIsOnScreenAt80x24AndMatchesTheFigure() throws {
        let text = Screen.render(state(width: 80, height: 24)).grid.trimmedText
        let lines = text.split(separator: "\n").map(String.init)
        let figure = try #require(lines.first { $0.contains("本月收入") }, "\(text)")
        #expect(figure.contains("¥88,000.00"))
        let bar = try #require(lines.first { $0.hasPrefix(" 2026-11") }, "this month's bar is off screen:\n\(text)")
        #expect(bar.contains("¥88,000.00"))
        // Newest first: October comes right after November.
        let i = try #require(lines.firstIndex(of: bar))
        #expect(lines[i + 1].hasPrefix(" 2026-10"))
    }

    @Test func monthsAreNewestFirstInTheModel() throws {
        let s = state(width: 80, height: 24)
        let model = try #require(s.dashboard)
        guard case let .bars(title, months) = model.sections[1] else { Issue.record("no month bars"); return }
        #expect(title == "月度收入(24个月,最新在前)")
        #expect(months.first?.label == "2026-11" && months.last?.label == "2024-12")
        #expect(months.first?.value == 8_800_000 && months.last?.value == 100_000)
    }
}
