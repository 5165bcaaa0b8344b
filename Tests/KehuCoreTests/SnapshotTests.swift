import Testing
@testable import KehuCore

@Suite struct SnapshotTests {
    static func build(customers: Int = 60) throws -> Snapshot {
        var s = Snapshot()
        var seq: Int64 = 0
        func apply(_ c: Change) throws {
            seq += 1
            try s.apply(JournalEntry(seq: seq, at: Timestamp(millis: 1_700_000_000_000 + seq), by: "alice", change: c))
        }
        for e in DictionarySeed.entries { try apply(.create(.dictionary, id: e.id, e.fieldValues)) }
        var gen = DemoGenerator(seed: 7, customers: customers, today: LocalDate("2026-11-25")!)
        for batch in gen.batches(chunk: 1000) { for c in batch { #expect(s.check(c).isEmpty, "\(c)"); try apply(c) } }
        return s
    }

    @Test func derivedMetricsFollowTransactions() throws {
        var s = Snapshot()
        try s.apply(JournalEntry(seq: 1, at: Timestamp(millis: 0), by: "a", change: .create(.customer, id: "C1", ["name": "甲"])))
        let dates = ["2026-03-01", "2025-01-15", "2026-10-30"]
        for (i, d) in dates.enumerated() {
            try s.apply(JournalEntry(seq: Int64(i + 2), at: Timestamp(millis: 0), by: "a",
                                     change: .create(.transaction, id: "T\(i + 1)", ["customer": "C1", "date": .string(d), "amount": "100.50"])))
        }
        var m = s.metrics(of: "C1")
        #expect(m.count == 3 && m.total == 30150)
        #expect(m.first?.description == "2025-01-15" && m.last?.description == "2026-10-30")
        try s.apply(JournalEntry(seq: 5, at: Timestamp(millis: 0), by: "a", change: .delete(.transaction, id: "T3", base: 1)))
        m = s.metrics(of: "C1")
        #expect(m.count == 2 && m.last?.description == "2026-03-01")
    }

    @Test func versionsAndConflicts() throws {
        var s = Snapshot()
        try s.apply(JournalEntry(seq: 1, at: Timestamp(millis: 0), by: "alice", change: .create(.customer, id: "C1", ["name": "甲"])))
        try s.apply(JournalEntry(seq: 2, at: Timestamp(millis: 0), by: "bob", change: .update(.customer, id: "C1", base: 1, ["notes": "x"])))
        #expect(s.customers["C1"]?.version == 2)
        let errors = s.check(.update(.customer, id: "C1", base: 1, ["notes": "y"]))
        guard case let .conflict(_, _, base, current, by)? = errors.first else { Issue.record("expected a conflict"); return }
        #expect(base == 1 && current == 2 && by == "bob")
    }

    @Test func recordsRestoreToAnEqualState() throws {
        let s = try Self.build()
        var r = Snapshot()
        for rec in s.records { try r.restore(rec) }
        r.restoreSeq(s.seq)
        r.restoreHighest(s.highestNumber)
        #expect(r.records.count == s.records.count)
        for (a, b) in zip(r.records, s.records) {
            #expect(a.entity == b.entity && a.id == b.id && a.version == b.version && a.fields == b.fields)
        }
        #expect(r.customers == s.customers)
        #expect(r.metrics == s.metrics)
        #expect(r.nextId(for: .customer) == s.nextId(for: .customer))
    }

    @Test func demoIsDeterministicAndUsesEveryDictionaryField() throws {
        let a = try Self.build(customers: 200), b = try Self.build(customers: 200)
        #expect(a.customers == b.customers)
        for f in CustomerField.allCases {
            guard case .dictionary = f.kind else { continue }
            #expect(a.customers.values.contains { !$0[f].isNull }, "\(f) unused")
        }
        #expect(a.customers.values.contains { $0.owner == nil })
        #expect(a.customers.values.contains { $0.name.unicodeScalars.contains { $0.value >= 0x4E00 } })
        #expect(a.customers.values.contains { $0.name.allSatisfy(\.isASCII) })
    }
}
