import Testing
@testable import KehuCore

@Suite struct RecordTableTests {
    func tx(_ id: String, _ customer: String, _ minor: Int64, product: String? = nil) -> Transaction {
        var t = Transaction(id: id, customerId: customer, date: LocalDate("2026-01-02")!, amount: Money(minor: minor))
        t.product = product
        t.version = 1
        return t
    }

    @Test func readsLikeADictionary() {
        var table = RecordTable<Transaction>()
        var dict: [String: Transaction] = [:]
        let ids = ["T1", "T2", "T10", "T007", "t3", "T", "T99999999", "XYZ", "T0", "T42"]
        for (k, id) in ids.enumerated() {
            let t = tx(id, "C\(k % 3 + 1)", Int64(k) * 100, product: k % 2 == 0 ? "产品甲" : nil)
            table[id] = t
            dict[id] = t
        }
        #expect(table.count == dict.count)
        for (id, t) in dict { #expect(table[id] == t, "\(id)") }
        #expect(table["T3"] == nil && table["T07"] == nil && table["T100"] == nil)
        // Replace, delete, re-create.
        table["T2"] = tx("T2", "C9", 5); dict["T2"] = tx("T2", "C9", 5)
        table["T007"] = nil; dict["T007"] = nil
        table["T99999999"] = nil; dict["T99999999"] = nil
        table["T1"] = nil; dict["T1"] = nil
        table["T1"] = tx("T1", "C1", 7); dict["T1"] = tx("T1", "C1", 7)
        #expect(table.count == dict.count)
        #expect(Set(table.keys) == Set(dict.keys))
        #expect(table.values.count == dict.count)
        #expect(table.dictionary == dict)
        for (id, t) in table { #expect(dict[id] == t) }
        #expect(table.filter { $0.value.customerId == "C1" }.count == dict.filter { $0.value.customerId == "C1" }.count)
    }

    @Test func equalityIgnoresStorageOrder() {
        var a = RecordTable<Interaction>(), b = RecordTable<Interaction>()
        var x = Interaction(id: "I1", customerId: "C1", at: Timestamp(millis: 5))
        x.note = "第一行\n第二行"; x.channel = "电话"; x.kind = .complaint
        let y = Interaction(id: "I2", customerId: "C2", at: Timestamp(millis: 6))
        a["I1"] = x; a["I2"] = y
        b["I2"] = y; b["I1"] = x
        #expect(a == b)
        #expect(a["I1"]?.note == "第一行\n第二行" && a["I1"]?.kind == .complaint && a["I1"]?.channel == "电话")
        b["I1"]?.note = "changed"
        #expect(a != b)
    }

    @Test func changedByKeepsEveryKey() {
        var c = ChangedBy()
        c["customer/C12"] = "alice"
        c["transaction/T970412"] = "bob"
        c["dictionary/region/华南"] = "admin"
        c["reminder/R5"] = "chen"
        c["customer/ACME"] = "dave"
        #expect(c["customer/C12"] == "alice" && c["transaction/T970412"] == "bob")
        #expect(c["dictionary/region/华南"] == "admin" && c["reminder/R5"] == "chen" && c["customer/ACME"] == "dave")
        #expect(c["customer/C13"] == nil && c["contact/P1"] == nil)
        #expect(c.login(entity: "transaction", id: "T970412") == "bob")
        var d = ChangedBy()
        for (k, v) in c.all.sorted(by: { $0.key > $1.key }) { d[k] = v }
        #expect(c == d)
        d["customer/C12"] = nil
        #expect(c != d && d["customer/C12"] == nil)
    }

    @Test func restoringTypedRecordsEqualsReplay() throws {
        let s = try SnapshotTests.build(customers: 40)
        var r = Snapshot()
        for e in s.dictionary.allEntries { r.restore(dictionary: e, version: s.dictionaryVersions[e.id] ?? 1, lastBy: s.lastChangedBy[e.id.isEmpty ? "" : "dictionary/" + e.id]) }
        for c in s.customers.values { try r.restore(customer: c, lastBy: s.lastChangedBy["customer/" + c.id]) }
        for cid in s.childGroups {
            let p = s.contacts(of: cid), t = (s.transactionsByCustomer[cid] ?? []).compactMap { s.transactions[$0] }
            let i = (s.interactionsByCustomer[cid] ?? []).compactMap { s.interactions[$0] }
            try r.restore(contacts: p, lastBy: p.map { s.lastChangedBy["contact/" + $0.id] }, of: cid)
            try r.restore(transactions: t, lastBy: t.map { s.lastChangedBy["transaction/" + $0.id] }, of: cid)
            try r.restore(interactions: i, lastBy: i.map { s.lastChangedBy["interaction/" + $0.id] }, of: cid)
        }
        r.restoreSeq(s.seq)
        r.restoreHighest(s.highestNumber)
        #expect(r == s)
        #expect(r.recordCount == s.records.count)
        #expect(throws: ChangeError.self) { try r.restore(customer: s.customers["C1"]!, lastBy: nil) }
    }

    @Test func poolIndexesLoadedStringsOnFirstNeed() {
        var pool = StringPool()
        let a = pool.appendDistinct("轴承"), b = pool.appendDistinct("C12")
        #expect(pool.string(a) == "轴承" && pool.string(b) == "C12")
        #expect(pool.code("轴承") == a)          // found, not added again
        #expect(pool.code(String("C1") + "2") == b)
        let c = pool.code("新产品")
        #expect(c != a && c != b && pool.string(c) == "新产品" && pool.count == 3)
        #expect(pool.code(nil) == 0 && pool.string(0) == nil)
    }

    @Test func storeStyleIdsAreRebuiltExactly() {
        for n: Int32 in [0, 1, 9, 10, 99, 100, 970_412, 999_999_999, Int32.max] {
            #expect(RecordTable<Transaction>.format(letter: UInt8(ascii: "T"), n) == "T\(n)")
        }
    }
}
