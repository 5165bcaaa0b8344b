import Foundation
import Testing
import KehuCore
import KehuStore

@Suite("Import")
struct ImportTests {
    let today = LocalDate("2026-11-25")!

    func options(_ configure: (inout ImportOptions) -> Void = { _ in }) -> ImportOptions {
        var o = ImportOptions(user: "alice", today: today)
        o.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        configure(&o)
        return o
    }

    func table(_ csv: String, _ name: String = "in.csv") throws -> DataTable {
        try CSVReader().read(Array(csv.utf8), source: name)
    }

    func store() throws -> FileStore { try FileStore.create(at: temporaryFolder("import"), user: "alice") }

    @Test func gb18030CustomersWithChineseHeaders() throws {
        let s = try store()
        let text = "客户编号,客户名称,所属区域,信用状况,电子邮件,税号\r\nKH1,深圳华强电子有限公司,South China,★★★★,Sales@HQ.com,9144\r\nKH2,人易软件,华东,3,,\r\n"
        let bytes = [UInt8](text.data(using: TextEncoding.foundationGB18030)!)
        let t = try CSVReader().read(bytes, source: "gb.csv")
        let plan = try Importer.run(s, table: t, kind: .customers, options: options())
        #expect(plan.created == 2)
        #expect(plan.notes.contains { $0.contains("税号") })
        let c = try #require(s.snapshot.customer("KH1"))
        #expect(c.name == "深圳华强电子有限公司")
        #expect(c.region == "华南")
        #expect(c.credit == 4)
        #expect(c.custom["税号"] == "9144")
        #expect(c.owner == "alice" && c.ownerSince == today)
    }

    @Test func badRowsAreListedAndNothingIsWritten() throws {
        let s = try store()
        let seq = s.snapshot.seq
        let csv = """
        name,region,email,credit,phone
        Good Co,华南,a@b.com,3,13800138000
        ,华南,,,
        Bad Email Co,华南,not-an-email,,
        Good Two,华北,,2,
        Bad Region Co,火星,,9,
        """
        let t = try table(csv, "bad.csv")
        do {
            _ = try Importer.run(s, table: t, kind: .customers, options: options())
            Issue.record("an invalid file must be refused")
        } catch let ImportError.invalidRows(problems, total) {
            #expect(total == 4)
            #expect(problems.map(\.description) == [
                "bad.csv:3: name: is required",
                "bad.csv:4: email: not an email address (expected name@domain)",
                "bad.csv:6: credit: credit is 1–5 stars",
                "bad.csv:6: region: '火星' is not in the dictionary (区域); allowed: 华南, 华东, 华中, 华北, 西南, 西北, 东北",
            ])
        }
        #expect(s.snapshot.seq == seq)
        #expect(s.snapshot.customers.isEmpty)
        // --skip-invalid: the two good rows go in, the three bad ones come back with reasons.
        let plan = try Importer.run(s, table: t, kind: .customers, options: options { $0.skipInvalid = true })
        #expect(plan.created == 2 && plan.rejectedRows == [1, 2, 4])
        #expect(s.snapshot.customers.count == 2)
        let rejects = try CSVReader().read([UInt8](try Importer.rejects(plan, table: t)), source: "r.csv")
        #expect(rejects.header.suffix(2) == ["line", "problems"])
        #expect(rejects.rows.map { $0[5] } == ["3", "4", "6"])
    }

    @Test func reimportUpdatesInsteadOfCopying() throws {
        let s = try store()
        let csv = "id,name,region,tags\nA1,Acme,华南,\"vip, 重点\"\nA2,Beta,华北,\n"
        _ = try Importer.run(s, table: try table(csv), kind: .customers, options: options())
        let again = try Importer.run(s, table: try table(csv), kind: .customers, options: options())
        #expect(again.created == 0 && again.updated == 0 && again.unchanged == 2)
        #expect(s.snapshot.customer("A1")?.tags == ["vip", "重点"])
        let changed = try Importer.run(s, table: try table("id,name,region\nA1,Acme Ltd,\nA2,Beta,华北\n"), kind: .customers, options: options())
        #expect(changed.updated == 1 && changed.unchanged == 1)
        #expect(s.snapshot.customers.count == 2)
        #expect(s.snapshot.customer("A1")?.name == "Acme Ltd")
        #expect(s.snapshot.customer("A1")?.region == "华南", "a blank cell never erases")
    }

    @Test func childrenReferToCustomersByExternalId() throws {
        let s = try store()
        _ = try Importer.run(s, table: try table("客户编号,客户名称\nKH9,九号公司\n"), kind: .customers, options: options())
        let tx = "客户编号,交易日期,金额,产品\nKH9,2026/1/31,\"¥1,234.50\",年度维护\nKH9,2026年2月1日,-10,退款\nKH9,2026/1/31,\"¥1,234.50\",年度维护\n"
        let first = try Importer.run(s, table: try table(tx), kind: .transactions, options: options())
        #expect(first.created == 3)
        let cid = s.snapshot.customer("KH9")!.id
        #expect(s.snapshot.metrics(of: cid).total == 123_450 * 2 - 1000)
        let again = try Importer.run(s, table: try table(tx), kind: .transactions, options: options())
        #expect(again.created == 0 && again.unchanged == 3)
        let ix = "customer,at,channel,note,kind\nKH9,2026-01-31 09:30,WeChat,回访,投诉\n"
        _ = try Importer.run(s, table: try table(ix), kind: .interactions, options: options())
        let i = try #require(s.snapshot.interactions(of: cid).first)
        #expect(i.at.description == "2026-01-31T01:30:00.000Z")
        #expect(i.channel == "微信" && i.kind == .complaint)
        let missing = try table("customer,date,amount\nNOPE,2026-01-01,5\n", "t.csv")
        #expect(throws: ImportError.self) { try Importer.run(s, table: missing, kind: .transactions, options: options()) }
    }

    @Test func strictRefusesUnknownColumnsAndMapRenames() throws {
        let s = try store()
        let t = try table("公司全称,税号\nX,1\n", "s.csv")
        do {
            _ = try Importer.run(s, table: t, kind: .customers, options: options { $0.strict = true })
            Issue.record("strict must refuse")
        } catch let ImportError.columns(_, problems) {
            #expect(problems.count >= 2)
        }
        let plan = try Importer.run(s, table: t, kind: .customers, options: options { $0.maps = ["公司全称": "name", "税号": "custom.tax"] })
        #expect(plan.created == 1)
        #expect(s.snapshot.customerList.first?.custom["tax"] == "1")
    }

    @Test func addToDictionary() throws {
        let s = try store()
        let t = try table("name,region\nX,华西\n")
        #expect(throws: ImportError.self) { try Importer.run(s, table: t, kind: .customers, options: options()) }
        let plan = try Importer.run(s, table: t, kind: .customers, options: options { $0.addToDictionary = true })
        #expect(plan.dictionaryAdded == ["region/华西"])
        #expect(s.snapshot.customerList.first?.region == "华西")
    }

    @Test func dryRunWritesNothing() throws {
        let s = try store()
        let seq = s.snapshot.seq
        let plan = try Importer.run(s, table: try table("name\nA\nB\n"), kind: .customers, options: options(), dryRun: true)
        #expect(plan.created == 2)
        #expect(s.snapshot.seq == seq)
    }

    @Test func xlsxImport() throws {
        let s = try store()
        let data = try XLSXWriter().data(header: ["客户名称", "员工数量", "希望代理"], rows: [["=SUM(A1)", "1,200", "是"]])
        let path = temporaryFolder("xlsx") + ".xlsx"
        try data.write(to: URL(fileURLWithPath: path))
        let t = try Importer.readTable(path: path, source: "c.xlsx")
        _ = try Importer.run(s, table: t, kind: .customers, options: options())
        let c = try #require(s.snapshot.customerList.first)
        #expect(c.name == "=SUM(A1)" && c.employees == 1200 && c.wantsAgency == true)
    }
}

@Suite("Export round trip")
struct RoundTripTests {
    func demo() throws -> FileStore {
        let s = try demoFileStore("demo", seed: 9, customers: 120)
        // Hostile and awkward values survive too.
        let c1 = s.snapshot.customers["C1"]!
        try s.commit(.update(.customer, id: "C1", base: c1.version,
                             ["name": "=HYPERLINK(\"http://x\")", "notes": "line1\nline2, \"quoted\"", "custom.税号": "-12", "tags": .array(["a", "重点"])]))
        try s.commit(.create(.customer, ["name": "无编号客户", "phone": "+86 138 0013 8000"]))
        return s
    }

    @Test(arguments: [ExportFormat.csv, .xlsx])
    func exportThenImportGivesTheSameData(format: ExportFormat) throws {
        let a = try demo()
        let b = try FileStore.create(at: temporaryFolder("copy"), user: "bob")
        var o = ImportOptions(user: "bob", today: LocalDate("2026-11-26")!)
        o.timeZone = TimeZone(identifier: "America/New_York")!
        for kind in ImportKind.allCases {
            let data = try Exporter.data(kind, a.snapshot, format: format, encoding: .gb18030)
            let path = temporaryFolder(kind.rawValue) + "." + format.rawValue
            try data.write(to: URL(fileURLWithPath: path))
            let t = try Importer.readTable(path: path)
            let plan = try Importer.run(b, table: t, kind: kind, options: o)
            #expect(plan.problems.isEmpty)
        }
        let sa = a.snapshot, sb = b.snapshot
        #expect(sa.customers.count == sb.customers.count)
        for c in sa.customers.values {
            let copy = try #require(sb.customer(c.externalId ?? c.id))
            var fa = c.fieldValues, fb = copy.fieldValues
            for k in ["createdAt", "updatedAt", "externalId"] { fa[k] = nil; fb[k] = nil }
            #expect(fa == fb, "\(c.id)")
            func canon(_ f: [String: Value]) -> String {
                f.filter { $0.key != "customer" }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.stringValue ?? "")" }.joined(separator: "|")
            }
            func children(_ s: Snapshot, _ id: String) -> [String] {
                s.contacts(of: id).map { canon($0.fieldValues) }.sorted() + s.transactions(of: id).map { canon($0.fieldValues) }.sorted()
                    + s.interactions(of: id).map { canon($0.fieldValues) }.sorted()
            }
            #expect(children(sa, c.id) == children(sb, copy.id))
        }
        // And exporting the copy gives the same files, apart from timestamps.
        for kind in ImportKind.allCases {
            let ta = Exporter.table(kind, sa), tb = Exporter.table(kind, sb)
            let keep = ta.header.indices.filter { !["createdAt", "updatedAt", "id"].contains(ta.header[$0]) }
            #expect(ta.rows.map { r in keep.map { r[$0] } } == tb.rows.map { r in keep.map { r[$0] } }, "\(kind)")
        }
    }
}
