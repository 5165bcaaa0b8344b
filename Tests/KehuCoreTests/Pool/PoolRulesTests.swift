import Testing
@testable import KehuCore

@Suite("PoolRules: the [pool] section")
struct PoolRulesTests {
    @Test func readsEveryKey() throws {
        let r = try PoolRules(pool: ["noFollowUpDays": 30, "noDealDays": 90, "warnDays": 7, "maxCustomers": 200,
                                     "exemptWithDeals": true, "claimsPerDay": 10, "reclaimAfterDays": 30,
                                     "managers": .array(["wang"])],
                              roles: ["managers": .array(["li"]), "admins": .array(["root"])])
        #expect(r == PoolRules(noFollowUpDays: 30, noDealDays: 90, warnDays: 7, maxCustomers: 200, exemptWithDeals: true,
                               claimsPerDay: 10, reclaimAfterDays: 30, managers: ["wang", "li", "root"]).with(admins: ["root"]))
        #expect(r.isManager("li") && !r.isManager("alice"))
    }

    @Test func emptyMeansNoRulesAndEveryoneManages() throws {
        let r = try PoolRules(pool: [:])
        #expect(!r.releases && r.isManager("anyone"))
    }

    @Test func badValuesNameTheKey() {
        #expect(throws: PoolError.config(key: "noFollowUpDays", reason: "must be a whole number ≥ 1")) {
            try PoolRules(pool: ["noFollowUpDays": 0])
        }
        #expect(throws: PoolError.config(key: "warnDays", reason: "must be a whole number ≥ 0")) {
            try PoolRules(pool: ["warnDays": "soon"])
        }
        #expect(throws: PoolError.config(key: "exemptWithDeals", reason: "must be true or false")) {
            try PoolRules(pool: ["exemptWithDeals": "maybe"])
        }
        #expect(throws: PoolError.self) { try PoolRules(pool: ["releaseAfter": 3]) }
        #expect(PoolError.config(key: "x", reason: "y").description == "config.toml: [pool] x: y")
        #expect(throws: PoolError.config(section: "roles", key: "admins", reason: "must be a list of logins")) {
            try PoolRules(pool: [:], roles: ["admins": .object([:])])
        }
    }
}

extension PoolRules {
    func with(admins: Set<String>) -> PoolRules { var r = self; r.admins = admins; return r }
}
