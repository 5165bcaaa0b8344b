import Testing
import KehuCore
import KehuStore

@Suite struct StoreConfigAgendaTests {
    @Test func zonePrecedenceStoreThenUserThenTZ() throws {
        let env = ["TZ": "America/New_York"]
        let store = StoreConfig(sections: ["store": ["timezone": "Asia/Shanghai"]])
        #expect(try store.agendaCalendar(userTimeZone: "Europe/London", environment: env).timeZone.identifier == "Asia/Shanghai")
        let none = StoreConfig()
        #expect(try none.agendaCalendar(userTimeZone: "Europe/London", environment: env).timeZone.identifier == "Europe/London")
        #expect(try none.agendaCalendar(userTimeZone: nil, environment: env).timeZone.identifier == "America/New_York")
        #expect(throws: ReminderError.unknownTimeZone(name: "Nowhere", source: "~/.config/kehu/config.toml: timezone")) {
            try none.agendaCalendar(userTimeZone: "Nowhere", environment: env)
        }
    }

    @Test func poolRulesFromSections() throws {
        let c = StoreConfig(sections: ["pool": ["noFollowUpDays": 30], "roles": ["managers": .array(["mgr"])],
                                       "teams": ["east": .array(["mgr", "alice"])]])
        let r = try c.poolRules()
        #expect(r.noFollowUpDays == 30 && r.isManager("mgr") && !r.isManager("alice") && r.manages("mgr", "alice"))
        #expect(throws: PoolError.self) { try StoreConfig(sections: ["pool": ["bogus": 1]]).poolRules() }
    }
}
