import Foundation
import Testing
@testable import KehuCore
@testable import KehuStore

/// The typed bulk path of an import: the journal lines it writes, several files
/// as one import, and rows read by the fast path equal to the general path.
@Suite("Bulk import")
struct BulkImportTests {
    func options() -> ImportOptions {
        var o = ImportOptions(user: "alice", today: LocalDate("2026-11-25")!)
        o.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        return o
    }

    func table(_ csv: String, _ name: String) throws -> DataTable { try CSVReader().read(Array(csv.utf8), source: name) }

    @Test func typedLinesAreTheLinesOfTheirChanges() throws {
        let at = Timestamp("2026-11-25T10:22:13.320Z")!
        var t = Transaction(id: "T42", customerId: "C7", date: LocalDate("0999-03-04")!, amount: Money(minor: -5, currency: "USD"))
        var variants = [t]
        t.product = "维护\"服务\"\\"; t.quantityMilli = 120_000; t.note = "a\nb\u{1B}"; variants.append(t)
        t.date = LocalDate("2026-12-31")!; t.amount.minor = 123_456_789; t.quantityMilli = -10; variants.append(t)
        for t in variants {
            var typed = JournalLineWriter(), general = JournalLineWriter()
            typed.append(transaction: t, seq: 9, at: at, by: "alice", event: "import")
            general.append(JournalEntry(seq: 9, at: at, by: "alice", change: .create(.transaction, id: t.id, t.journalFields, event: "import")))
            #expect(String(decoding: typed.bytes, as: UTF8.self) == String(decoding: general.bytes, as: UTF8.self))
        }
        var i = Interaction(id: "I3", customerId: "C7", at: Timestamp(millis: -1))
        var interactions = [i]
        i.channel = "电话"; i.note = "回访\t\"x\""; i.by = "bob"; i.kind = .feedback; i.at = Timestamp(millis: 1_764_000_000_007); interactions.append(i)
        for i in interactions {
            var typed = JournalLineWriter(), general = JournalLineWriter()
            typed.append(interaction: i, seq: 10, at: at, by: "alice", event: nil)
            general.append(JournalEntry(seq: 10, at: at, by: "alice", change: .create(.interaction, id: i.id, i.journalFields)))
            #expect(String(decoding: typed.bytes, as: UTF8.self) == String(decoding: general.bytes, as: UTF8.self))
        }
    }

    /// Customers, their transactions and interactions in one import; a replay of
    /// the journal (no snapshot) gives the very same state.
    @Test func threeFilesAreOneImportAndReplayAgrees() throws {
        let dir = temporaryFolder("bulk")
        let s = try FileStore.create(at: dir, user: "alice")
        // A snapshot is due after the import: its customer part is encoded while the later files are planned.
        s.snapshotEvery = 1
        let customers = try table("客户编号,客户名称,所属区域\nK1,甲公司,华南\nK2,乙公司,华北\n", "c.csv")
        // Fast-path rows and rows only the general conversion reads, mixed.
        let tx = try table("""
            客户编号,交易日期,金额,币种,产品,数量,备注
            K1,2026-01-31,1234.50,CNY,年度维护,2,
            K1,2026/2/1,"¥1,000",usd,年度维护,,退款"说明"
            K2,2026年3月1日,-10, ,,1.5, 备注前有空格
            K2,2026-03-02,7,,,,
            """, "t.csv")
        let ix = try table("""
            customer,at,channel,note,by,kind
            K1,2026-01-31T01:30:00.000Z,电话,回访,bob,contact
            K2,2026-01-31 09:30,WeChat,回访,,投诉
            K2,2026-02-01T00:00:00Z,微信,,,
            """, "i.csv")
        let plans = try Importer.run(s, files: [(customers, .customers), (tx, .transactions), (ix, .interactions)], options: options())
        #expect(plans.map(\.created) == [2, 4, 3])
        let k1 = try #require(s.snapshot.customer("K1")).id, k2 = try #require(s.snapshot.customer("K2")).id
        let t1 = s.snapshot.transactions(of: k1)
        #expect(t1.map(\.amount) == [Money(minor: 123_450), Money(minor: 100_000, currency: "USD")])
        #expect(t1.map(\.quantityMilli) == [2_000, nil] && t1[1].note == "退款\"说明\"" && t1[0].product == "年度维护")
        let t2 = s.snapshot.transactions(of: k2)
        #expect(t2.map(\.date.description) == ["2026-03-01", "2026-03-02"])
        #expect(t2[0].amount == Money(minor: -1_000) && t2[0].quantityMilli == 1_500 && t2[0].note == "备注前有空格")
        let i2 = s.snapshot.interactions(of: k2)
        #expect(i2.map(\.at.description) == ["2026-02-01T00:00:00.000Z", "2026-01-31T01:30:00.000Z"])
        #expect(i2.map(\.channel) == ["微信", "微信"] && i2[1].kind == .complaint && i2[0].kind == .contact)
        #expect(s.snapshot.interactions(of: k1).first?.by == "bob")
        // One unit in the journal: a batch header for the 9 entries.
        let journal = try String(contentsOfFile: dir + "/journal.jsonl", encoding: .utf8)
        #expect(journal.contains("{\"batch\":9}"))
        let reopened = try FileStore(path: dir, user: "alice")
        #expect(reopened.warnings.isEmpty && reopened.snapshot == s.snapshot)
        let written = try Data(contentsOf: URL(fileURLWithPath: dir + "/snapshot.bin"))
        #expect(try SnapshotFile.read(dir + "/snapshot.bin").snapshot == s.snapshot)
        try FileManager.default.removeItem(atPath: dir + "/snapshot.bin")
        let replayed = try FileStore(path: dir, user: "alice")
        #expect(replayed.snapshot == s.snapshot)
        // The snapshot written at once, from the whole state, is the same bytes.
        try replayed.writeSnapshot()
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/snapshot.bin")) == written)
        // The same files again change nothing.
        let again = try Importer.run(s, files: [(customers, .customers), (tx, .transactions), (ix, .interactions)], options: options())
        #expect(again.map(\.created) == [0, 0, 0] && again.map(\.unchanged) == [2, 4, 3])
    }

    /// Bad rows of every file are listed together, and nothing of any file is written.
    @Test func badRowsInAnyFileRefuseAllFiles() throws {
        let s = try FileStore.create(at: temporaryFolder("bulk-bad"), user: "alice")
        let seq = s.snapshot.seq
        let customers = try table("id,name\nK1,甲\nK2,\n", "c.csv")
        let tx = try table("customer,date,amount\nK1,2026-13-01,5\nK9,2026-01-01,5\nK1,2026-01-01,x\n", "t.csv")
        do {
            _ = try Importer.run(s, files: [(customers, .customers), (tx, .transactions)], options: options())
            Issue.record("bad rows must refuse the import")
        } catch let ImportError.invalidRows(problems, total) {
            #expect(total == 4)
            #expect(ImportError.invalidRows(problems: problems, total: total).description.hasSuffix(
                "nothing was imported: 4 problems in 4 rows (fix them, or use --skip-invalid to import the valid rows)"))
            #expect(problems.map(\.description).first == "c.csv:3: name: is required")
            #expect(problems.map(\.description).contains("t.csv:3: customer: no customer 'K9' (import the customers first, with this external id)"))
            #expect(problems.contains { $0.description.hasPrefix("t.csv:2: date: '2026-13-01' is not a date") })
            #expect(problems.contains { $0.description.hasPrefix("t.csv:4: amount: 'x' is not an amount") })
        }
        #expect(s.snapshot.seq == seq && s.snapshot.customers.isEmpty)
        // A dry run of both plans the second file against the first one's customers.
        let dry = try Importer.run(s, files: [(try table("id,name\nK1,甲\n", "c.csv"), .customers),
                                              (try table("customer,date,amount\nK1,2026-01-01,5\n", "t.csv"), .transactions)],
                                   options: options(), dryRun: true)
        #expect(dry.map(\.created) == [1, 1] && dry.allSatisfy(\.problems.isEmpty))
        #expect(s.snapshot.seq == seq)
    }

    /// Thousands of new customers in one commit take the parallel path; one bad value among
    /// them still refuses the batch with its exact error, and replay agrees with the result.
    @Test func manyCustomerCreatesInOneCommit() throws {
        let dir = temporaryFolder("bulk-customers")
        let s = try FileStore.create(at: dir, user: "alice")
        func creates(_ n: Int) -> [Change] {
            (0..<n).map { k in .create(.customer, ["name": .string("公司\(k)"), "region": "华南", "externalId": .string("X\(k)"),
                                                    "email": .string("a\(k)@b.cn"), "tags": .array([.string("t\(k % 3)")])]) }
        }
        var bad = creates(5_000)
        bad[4_321].fields["email"] = "not-an-email"
        do {
            try s.commit(bad)
            Issue.record("a bad email must refuse the batch")
        } catch let StoreError.rejected(problems) {
            #expect(problems.map(\.description) == [ChangeError.invalid(entity: "customer", id: "C4322", field: "email", reason: "not an email address (expected name@domain)").description])
        }
        #expect(s.snapshot.customers.isEmpty)
        var twice = creates(5_000)
        twice[10].fields["externalId"] = "X20"
        #expect(throws: StoreError.self) { try s.commit(twice) }
        #expect(s.snapshot.customers.isEmpty)
        let entries = try s.commit(creates(5_000))
        #expect(entries.first?.change.id == "C1" && entries.last?.change.id == "C5000")
        #expect(s.snapshot.customer("X4999")?.name == "公司4999" && s.snapshot.customer("X7")?.tags == ["t1"])
        try? FileManager.default.removeItem(atPath: dir + "/snapshot.bin")
        #expect(try FileStore(path: dir, user: "alice").snapshot == s.snapshot)
    }
}
