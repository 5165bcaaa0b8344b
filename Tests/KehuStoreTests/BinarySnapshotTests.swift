import Foundation
import Testing
import KehuCore
@testable import KehuStore

/// Which parts of two states differ (an empty list when they are equal), for readable failures.
func differences(_ a: Snapshot, _ b: Snapshot) -> [String] {
    var out: [String] = []
    if a.seq != b.seq { out.append("seq") }
    if a.customers != b.customers { out.append("customers") }
    if a.contacts != b.contacts { out.append("contacts") }
    if a.transactions != b.transactions { out.append("transactions") }
    if a.interactions != b.interactions { out.append("interactions") }
    if a.dictionary != b.dictionary { out.append("dictionary") }
    if a.dictionaryVersions != b.dictionaryVersions { out.append("dictionaryVersions") }
    if a.extras != b.extras { out.append("extras") }
    if a.contactsByCustomer != b.contactsByCustomer { out.append("contactsByCustomer") }
    if a.transactionsByCustomer != b.transactionsByCustomer { out.append("transactionsByCustomer") }
    if a.interactionsByCustomer != b.interactionsByCustomer { out.append("interactionsByCustomer") }
    if a.metrics != b.metrics { out.append("metrics") }
    if a.lastChangedBy != b.lastChangedBy { out.append("lastChangedBy") }
    if a.highestNumber != b.highestNumber { out.append("highestNumber") }
    if a.customerByExternalId != b.customerByExternalId { out.append("customerByExternalId") }
    if out.isEmpty && a != b { out.append("(other)") }
    return out
}

@Suite struct BinarySnapshotTests {
    /// A store exercising every shape the snapshot must keep: updates, deletes,
    /// moved children, hand-made ids, custom fields, tags, extras, hostile text.
    func richStore() throws -> (FileStore, String) {
        let dir = temporaryFolder()
        let s = try FileStore.create(at: dir, user: "alice")
        var gen = DemoGenerator(seed: 11, customers: 60, today: LocalDate("2026-11-25")!)
        for b in gen.batches(chunk: 25) { try s.commit(b) }
        let nasty = "引号\"反斜杠\\换行\n制表\t\u{1B}[31m红 🎉 ｆｕｌｌ"
        try s.commit([
            .create(.customer, id: "ACME", ["name": .string(nasty), "tags": .array(["a,b", "重点"]), "custom.合同号": "HT-1", "locked": true]),
            .create(.transaction, id: "T-import-1", ["customer": "ACME", "date": "2024-02-29", "amount": "-12.30", "currency": "USD", "quantity": "1.5", "note": .string(nasty)]),
            .create(.interaction, ["customer": "ACME", "at": "2026-01-01T00:00:00Z", "note": "多行\n备注", "kind": "feedback"]),
            .create(.reminder, ["customer": "C1", "due": "2026-12-01", "text": .string(nasty)]),
            .update(.transaction, id: "T1", base: 1, ["customer": "ACME", "note": "moved"]),
            .delete(.transaction, id: "T2", base: 1),
            .update(.customer, id: "C3", base: 1, ["owner": .null, "notes": "released"], event: "release"),
            .update(.contact, id: "P1", base: 1, ["customer": "C5"]),
        ])
        try s.commit(.update(.dictionary, id: "region/华南", base: 1, ["en": "South China (edited)"]))
        return (s, dir)
    }

    @Test func roundTripGivesAnEqualState() throws {
        let (s, _) = try richStore()
        let bytes = BinarySnapshot.encode(s.snapshot, journalId: "j", journalOffset: 123, journalLine: 45)
        let loaded = try bytes.withUnsafeBytes { try BinarySnapshot.decode($0, path: "x") }
        #expect(loaded.journalId == "j" && loaded.journalOffset == 123 && loaded.journalLine == 45)
        #expect(differences(loaded.snapshot, s.snapshot) == [])
        let a = loaded.snapshot.records, b = s.snapshot.records
        #expect(a.count == b.count)
        for (x, y) in zip(a, b) { #expect(x.entity == y.entity && x.id == y.id && x.version == y.version && x.lastBy == y.lastBy && x.fields == y.fields) }
        #expect(loaded.snapshot.nextId(for: .transaction) == s.snapshot.nextId(for: .transaction))
        #expect(loaded.snapshot.customers["ACME"]?.custom["合同号"] == "HT-1")
        #expect(loaded.snapshot.transactions(of: "ACME").map(\.id) == s.snapshot.transactions(of: "ACME").map(\.id))
        // Equal states give equal bytes (the file is deterministic).
        #expect(BinarySnapshot.encode(loaded.snapshot, journalId: "j", journalOffset: 123, journalLine: 45) == bytes)
    }

    /// A million customers make a journal of over 5 GB: the snapshot's journal position must
    /// not be held to 32 bits (it was, and every open of such a store replayed the journal).
    @Test func journalPositionsBeyondFourGigabytesRoundTrip() throws {
        let (s, _) = try richStore()
        let big = 5_191_678_105, lines = 17_510_000
        let bytes = BinarySnapshot.encode(s.snapshot, journalId: "j", journalOffset: big, journalLine: lines)
        let loaded = try bytes.withUnsafeBytes { try BinarySnapshot.decode($0, path: "x") }
        #expect(loaded.journalOffset == big && loaded.journalLine == lines)
        #expect(differences(loaded.snapshot, s.snapshot) == [])
    }

    @Test func storeOpensFromTheBinarySnapshotAndCheckPasses() throws {
        let (s, dir) = try richStore()
        try s.writeSnapshot()
        try s.commit(.update(.customer, id: "C1", base: s.snapshot.customers["C1"]!.version, ["notes": "after the snapshot"]))
        let reopened = try FileStore(path: dir)
        #expect(reopened.warnings.isEmpty)
        #expect(differences(reopened.snapshot, s.snapshot) == [])
        #expect(FileManager.default.fileExists(atPath: (dir as NSString).appendingPathComponent("snapshot.bin")))
        let report = StoreChecker.check(path: dir)
        #expect(report.ok, "\(report.findings)")
    }

    @Test func legacyJSONLinesSnapshotStillLoadsAndIsReplaced() throws {
        let (s, dir) = try richStore()
        let bin = (dir as NSString).appendingPathComponent(FileStore.snapshotFile)
        let legacy = SnapshotFile.legacyPath(besides: bin)
        try s.writeSnapshot()
        let loaded = try SnapshotFile.read(bin)
        try SnapshotFile.writeJSONLines(loaded.snapshot, journalId: loaded.journalId, journalOffset: loaded.journalOffset, journalLine: loaded.journalLine, to: legacy)
        try FileManager.default.removeItem(atPath: bin)
        let old = try FileStore(path: dir)
        #expect(old.warnings.isEmpty)
        #expect(old.snapshot.customers == s.snapshot.customers && old.snapshot.transactions == s.snapshot.transactions)
        #expect(old.snapshot.records.count == s.snapshot.records.count)
        #expect(StoreChecker.check(path: dir).ok)
        try old.writeSnapshot()
        #expect(FileManager.default.fileExists(atPath: bin))
        #expect(!FileManager.default.fileExists(atPath: legacy))
    }

    @Test func aJournalWrittenByTheFirstFormatStillLoads() throws {
        // Lines exactly as docs/store-format.md shows them, written by hand.
        let dir = temporaryFolder()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let lines = [
            #"{"format":"kehu-journal","version":1,"journal":"3f0c-test","created":"2026-11-25T10:22:13.101Z"}"#,
            #"{"seq":1,"at":"2026-11-25T10:22:13.200Z","by":"admin","op":"create","type":"dictionary","id":"region/华南","event":"seed","set":{"en":"South China","zh":"华南"}}"#,
            #"{"batch":2}"#,
            #"{"seq":2,"at":"2026-11-25T10:22:13.300Z","by":"alice","op":"create","type":"customer","id":"C1","set":{"name":"广州市明远贸易有限公司","region":"华南","tags":["VIP"],"createdAt":"2026-11-25T10:22:13.300Z"}}"#,
            #"{"seq":3,"at":"2026-11-25T10:22:13.300Z","by":"alice","op":"create","type":"transaction","id":"T1","set":{"amount":"12800.50","customer":"C1","date":"2026-11-01","product":"轴承"}}"#,
            #"{"seq":4,"at":"2026-11-25T10:22:13.320Z","by":"bob","op":"update","type":"customer","id":"C1","base":1,"event":"claim","set":{"owner":"bob","ownerSince":"2026-11-25"}}"#,
        ]
        try (lines.joined(separator: "\n") + "\n").write(toFile: (dir as NSString).appendingPathComponent(FileStore.journalFile), atomically: true, encoding: .utf8)
        let s = try FileStore(path: dir, user: "bob")
        #expect(s.snapshot.seq == 4)
        #expect(s.snapshot.customers["C1"]?.owner == "bob" && s.snapshot.customers["C1"]?.version == 2)
        #expect(s.snapshot.metrics(of: "C1").total == 1_280_050)
        #expect(s.snapshot.lastChangedBy["customer/C1"] == "bob")
        try s.writeSnapshot()
        #expect(differences(try FileStore(path: dir).snapshot, s.snapshot) == [])
        #expect(StoreChecker.check(path: dir).ok)
    }

    @Test func damagedBinarySnapshotIsIgnoredAndReplayed() throws {
        let (s, dir) = try richStore()
        try s.writeSnapshot()
        let bin = (dir as NSString).appendingPathComponent(FileStore.snapshotFile)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: bin)))
        bytes[bytes.count / 2] ^= 0x40
        try Data(bytes).write(to: URL(fileURLWithPath: bin))
        #expect(throws: StoreError.self) { try SnapshotFile.read(bin) }
        let reopened = try FileStore(path: dir)
        #expect(differences(reopened.snapshot, s.snapshot) == [])
        #expect(reopened.warnings.contains { $0.contains("checksum") }, "\(reopened.warnings)")
        // The reopened store wrote a good snapshot in its place.
        #expect(StoreChecker.check(path: dir).ok)
        bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: bin)))
        bytes[bytes.count / 2] ^= 0x40
        try Data(bytes).write(to: URL(fileURLWithPath: bin))
        let report = StoreChecker.check(path: dir)
        #expect(!report.ok)
        #expect(report.findings.contains { $0.path.hasSuffix("snapshot.bin") && $0.message.contains("checksum") })
        // Truncated files are refused too, never read past their end.
        try Data(bytes.prefix(40)).write(to: URL(fileURLWithPath: bin))
        #expect(throws: StoreError.self) { try SnapshotFile.read(bin) }
    }

    @Test func checkFindsABinarySnapshotThatDisagreesWithTheJournal() throws {
        let (s, dir) = try richStore()
        let before = s.snapshot
        try s.commit(.update(.customer, id: "C2", base: before.customers["C2"]!.version, ["notes": "edited"]))
        // The old state written as if it stood at the new journal position: a wrong cache.
        let bin = (dir as NSString).appendingPathComponent(FileStore.snapshotFile)
        var stale = before
        stale.restoreSeq(s.snapshot.seq)
        try s.writeSnapshot()
        let current = try SnapshotFile.read(bin)
        try FileIO.writeAtomically(bin, BinarySnapshot.encode(stale, journalId: current.journalId, journalOffset: current.journalOffset, journalLine: current.journalLine))
        let report = StoreChecker.check(path: dir)
        #expect(!report.ok)
        #expect(report.findings.contains { $0.message.contains("customer C2") })
    }
}
