import Foundation
import Testing
import KehuCore
@testable import KehuStore

/// The binary snapshot is read on two threads (transactions and interactions on one, then
/// handed over): the state read must be the one written, attributions included,
/// whoever changed which records and whatever the ids look like.
@Suite struct BinarySnapshotThreadsTests {
    func book() throws -> Snapshot {
        var s = Snapshot()
        var seq: Int64 = 0
        let users = ["alice", "bob", "carol", "张伟"]
        func apply(_ c: Change, by: String) throws {
            seq += 1
            try s.apply(JournalEntry(seq: seq, at: Timestamp(millis: 1_700_000_000_000 + seq), by: by, change: c))
        }
        for e in DictionarySeed.entries { try apply(.create(.dictionary, id: e.id, e.fieldValues), by: "admin") }
        var gen = DemoGenerator(seed: 5, customers: 80, today: LocalDate("2026-11-25")!)
        var k = 0
        for batch in gen.batches(chunk: 20) { for c in batch { k += 1; try apply(c, by: users[k % users.count]) } }
        // Hand-made ids beside store-style ones, and a transaction by a login only it uses.
        try apply(.create(.customer, id: "K-1", ["name": "手工编号"]), by: "dave")
        try apply(.create(.transaction, id: "TX-9", ["customer": "K-1", "date": "2026-01-02", "amount": "10"]), by: "erin")
        try apply(.create(.transaction, id: "T1234567890", ["customer": "C2", "date": "2026-01-03", "amount": "11"]), by: "frank")
        try apply(.create(.interaction, id: "I-x", ["customer": "K-1", "at": "2026-01-01T08:00:00Z", "note": "电话"]), by: "erin")
        try apply(.update(.transaction, id: "T3", base: s.transactions["T3"]!.version, ["note": "改"]), by: "gina")
        try apply(.delete(.transaction, id: "T4", base: s.transactions["T4"]!.version), by: "bob")
        return s
    }

    @Test func stateAndAttributionsSurviveTheTwoThreadRead() throws {
        let s = try book()
        let bytes = BinarySnapshot.encode(s, journalId: "j", journalOffset: 1, journalLine: 1)
        let loaded = try bytes.withUnsafeBytes { try BinarySnapshot.decode($0, path: "x") }.snapshot
        #expect(differences(loaded, s) == [])
        for (id, _) in s.transactions {
            #expect(loaded.lastChangedBy["transaction/\(id)"] == s.lastChangedBy["transaction/\(id)"], "\(id)")
        }
        #expect(loaded.lastChangedBy["transaction/TX-9"] == "erin")
        #expect(loaded.lastChangedBy["transaction/T1234567890"] == "frank")
        #expect(loaded.lastChangedBy["transaction/T3"] == "gina")
        #expect(loaded.lastChangedBy["customer/K-1"] == "dave")
        #expect(loaded.metrics == s.metrics)
        #expect(loaded.transactions(of: "C2").map(\.id) == s.transactions(of: "C2").map(\.id))
        #expect(BinarySnapshot.encode(loaded, journalId: "j", journalOffset: 1, journalLine: 1) == bytes)
    }

    @Test func aStateWithoutTransactionsOrChildrenReadsBack() throws {
        var s = Snapshot()
        try s.apply(JournalEntry(seq: 1, at: Timestamp(millis: 0), by: "a", change: .create(.customer, id: "C1", ["name": "甲"])))
        for empty in [Snapshot(), s] {
            let bytes = BinarySnapshot.encode(empty, journalId: "j", journalOffset: 0, journalLine: 0)
            let loaded = try bytes.withUnsafeBytes { try BinarySnapshot.decode($0, path: "x") }.snapshot
            #expect(differences(loaded, empty) == [])
        }
    }
}
