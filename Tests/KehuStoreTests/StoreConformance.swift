import Foundation
import Testing
import KehuCore
@testable import KehuStore

/// The suite every `Store` backend must pass. A backend provides a factory that
/// makes a fresh store and a way to open a second, independent handle on the
/// same data (another process, another client).
struct StoreConformance {
    let make: () throws -> (first: any Store, openAnother: () throws -> any Store)

    func runAll() throws {
        try assignsIdsAndReadsBack()
        try rejectedBatchWritesNothing()
        try conflictingEditIsRefused()
        try otherHandlesSeeChanges()
        try builderRunsOnLatestState()
        try batchesAreAtomicAndOrdered()
        try recordBatchesAreOneUnit()
        try recordBatchWithUnknownCustomerWritesNothing()
    }

    func assignsIdsAndReadsBack() throws {
        let (s, _) = try make()
        let e1 = try s.commit(.create(.customer, ["name": "广州市人易软件技术有限公司", "region": "华南"]))
        let e2 = try s.commit(.create(.customer, ["name": "Acme Trading Co., Ltd."]))
        #expect(e1.change.id == "C1" && e2.change.id == "C2")
        #expect(e2.seq == e1.seq + 1)
        #expect(s.snapshot.customers["C1"]?.region == "华南")
        #expect(s.snapshot.customers["C1"]?.version == 1)
        let after = try s.entries(after: e1.seq - 1)
        #expect(after.map(\.change.id) == ["C1", "C2"])
        #expect(after.allSatisfy { $0.by == s.user })
    }

    func rejectedBatchWritesNothing() throws {
        let (s, other) = try make()
        let before = s.snapshot.seq
        #expect(throws: StoreError.self) {
            try s.commit([.create(.customer, ["name": "好"]), .create(.customer, ["name": "坏", "region": "火星"])])
        }
        #expect(s.snapshot.seq == before)
        #expect(s.snapshot.customers.isEmpty)
        let o = try other()
        #expect(o.snapshot.seq == before && o.snapshot.customers.isEmpty)
    }

    func conflictingEditIsRefused() throws {
        let (a, openB) = try make()
        try a.commit(.create(.customer, ["name": "甲"]))
        let b = try openB()
        let baseB = b.snapshot.customers["C1"]!.version
        try a.commit(.update(.customer, id: "C1", base: a.snapshot.customers["C1"]!.version, ["notes": "from a"]))
        do {
            try b.commit(.update(.customer, id: "C1", base: baseB, ["notes": "from b"]))
            Issue.record("the second edit should conflict")
        } catch let e as StoreError {
            #expect(e.isConflict)
        }
        try b.refresh()
        #expect(b.snapshot.customers["C1"]?.notes == "from a")
    }

    func otherHandlesSeeChanges() throws {
        let (a, openB) = try make()
        let b = try openB()
        try a.commit(.create(.customer, ["name": "乙"]))
        #expect(try b.refresh())
        #expect(b.snapshot.customers["C1"]?.name == "乙")
        #expect(try b.refresh() == false)
    }

    func builderRunsOnLatestState() throws {
        let (a, openB) = try make()
        let b = try openB()
        try a.commit(.create(.customer, ["name": "丙"]))
        // b has not refreshed, yet its builder must see C1 and allocate C2.
        let e = try b.commit { s in
            #expect(s.customers["C1"] != nil)
            return [.create(.customer, id: s.nextId(for: .customer), ["name": "丁"])]
        }
        #expect(e.first?.change.id == "C2")
    }

    func batchesAreAtomicAndOrdered() throws {
        let (a, openB) = try make()
        let entries = try a.commit([
            .create(.customer, ["name": "戊"]),
            .create(.contact, ["customer": "C1", "name": "张伟"]),
            .create(.transaction, ["customer": "C1", "date": "2026-01-02", "amount": "99.90"]),
        ])
        #expect(entries.map(\.change.id) == ["C1", "P1", "T1"])
        let b = try openB()
        #expect(b.snapshot.metrics(of: "C1").total == 9990)
        #expect(b.snapshot.contacts(of: "C1").map(\.name) == ["张伟"])
    }
}

extension StoreConformance {
    /// `commitBatches`: the second build sees the first one's customers; typed
    /// creates get ids after the changes; another handle reads the same records.
    func recordBatchesAreOneUnit() throws {
        let (a, openB) = try make()
        try a.commit(.create(.customer, ["name": "己"]))
        var t = Transaction(id: "", customerId: "C1", date: LocalDate("2026-01-05")!, amount: Money(minor: -12_345, currency: "USD"))
        t.product = "年度维护 \"A\""; t.quantityMilli = 1_500; t.note = "两行\n备注"
        var i = Interaction(id: "", customerId: "C2", at: Timestamp("2026-02-01T01:30:00.250Z")!)
        i.channel = "微信"; i.note = "回访"; i.by = "bob"; i.kind = .complaint
        let done = try a.commitBatches(fieldsChecked: false, [
            { s in RecordBatch(changes: [.create(.customer, ["name": "庚"])], transactions: [t], event: "import") },
            { s in
                #expect(s.customers["C2"]?.name == "庚")
                #expect(s.transactions.count == 1)
                return RecordBatch(transactions: [t, t], interactions: [i], event: "import")
            },
        ])
        #expect(done.map { $0.transactions.map(\.id) } == [["T1"], ["T2", "T3"]])
        #expect(done[0].changes.first?.id == "C2" && done[1].interactions.first?.id == "I1")
        for s in [a, try openB()] {
            #expect(s.snapshot.transactions.count == 3 && s.snapshot.interactions.count == 1)
            #expect(s.snapshot.transactions["T2"] == { var x = t; x.id = "T2"; x.version = 1; return x }())
            #expect(s.snapshot.interactions["I1"]?.kind == .complaint && s.snapshot.interactions["I1"]?.at.millis == i.at.millis)
            #expect(s.snapshot.metrics(of: "C1").count == 3)
            #expect(s.snapshot.lastChangedBy.login(entity: "transaction", id: "T3") == a.user)
        }
        #expect(try a.entries(after: 0).last?.change.id == "I1")
    }

    func recordBatchWithUnknownCustomerWritesNothing() throws {
        let (a, openB) = try make()
        let seq = a.snapshot.seq
        let t = Transaction(id: "", customerId: "C404", date: LocalDate("2026-01-05")!, amount: Money(minor: 100))
        #expect(throws: StoreError.self) {
            try a.commitBatches(fieldsChecked: false, [{ _ in RecordBatch(changes: [.create(.customer, ["name": "辛"])], transactions: [t]) }])
        }
        #expect(a.snapshot.seq == seq && a.snapshot.customers.isEmpty)
        #expect(try openB().snapshot.seq == seq)
    }
}

/// A fresh temporary folder, removed when the test process ends.
func temporaryFolder(_ name: String = "store") -> String {
    let dir = (NSTemporaryDirectory() as NSString).appendingPathComponent("kehu-test-\(getpid())-\(UUID().uuidString.prefix(8))/\(name)")
    try? FileManager.default.createDirectory(atPath: (dir as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    return dir
}

@Suite struct FileStoreConformanceTests {
    @Test func fileStorePassesTheConformanceSuite() throws {
        try StoreConformance(make: {
            let dir = temporaryFolder()
            let s = try FileStore.create(at: dir, user: "alice")
            return (s, { try FileStore(path: dir, user: "bob") })
        }).runAll()
    }
}
