import Testing
import KehuCore
@testable import KehuTUI

@Suite struct ReminderFollowUpsTests {
    @Test func earliestReminderPerCustomerWithItsKind() {
        let s = Fixture.snapshot()
        let f = ReminderFollowUps.make(s, clock: Fixture.clock, pool: PoolRules())
        #expect(f.due["C1"] == LocalDate("2026-12-21"))           // last interaction 2026-11-21 + 30 days (the planner counts any interaction)
        #expect(f.kinds["C1"]?.zh == "跟进")
        #expect(f.due["C2"] != nil && f.due["C2"]! < Fixture.clock.today)   // weekly, never contacted: overdue
    }

    @Test func theAgendaAndCustomerViewShowTheKind() {
        var s = AppState(snapshot: Fixture.snapshot(), user: "alice", storeName: "crm", lang: .zh, clock: Fixture.clock,
                         width: 100, height: 30, followUpSource: ReminderFollowUps.source(pool: PoolRules()))
        Fixture.keys(&s, [.char("4")])
        #expect(Screen.render(s).grid.text.contains("跟进"))
        #expect(Screen.render(s).grid.text.contains("来自提醒"))
    }
}
