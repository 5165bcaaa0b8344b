import Foundation
import Testing

/// The new user's path of issue 7, through the real binary.
@Suite("kehu import/export/dedup/merge")
struct InterchangeCommandTests {
    func kehu(_ args: String..., store: String) throws -> KehuBinary.Result {
        try KehuBinary.run(args + ["--store", store])
    }

    @Test func gb18030ImportRefusesBadLinesThenExportRoundTrips() throws {
        let store = temporaryFolder()
        #expect(try KehuBinary.run(["init", store]).status == 0)
        let csv = "客户编号,客户名称,所属区域,电子邮件\r\nKH1,深圳华强电子有限公司,华南,a@b.com\r\nKH2,,华南,\r\nKH3,坏邮箱,华东,x@\r\nKH4,火星公司,火星,\r\n"
        let file = temporaryFolder("c") + ".csv"
        try csv.data(using: String.Encoding(rawValue: 0x8000_0632))!.write(to: URL(fileURLWithPath: file))
        let journal = (store as NSString).appendingPathComponent("journal.jsonl")
        let before = try Data(contentsOf: URL(fileURLWithPath: journal))
        let refused = try kehu("import", "customers", file, store: store)
        #expect(refused.status == 1)
        let name = (file as NSString).lastPathComponent
        let lines = refused.stderr.split(separator: "\n").filter { $0.hasPrefix(name + ":") }
        #expect(lines.count == 3)
        #expect(lines.first == "\(name):3: 客户名称 (name): is required")
        #expect(try Data(contentsOf: URL(fileURLWithPath: journal)) == before, "the store is unchanged")

        let skipped = try kehu("import", "customers", file, "--skip-invalid", store: store)
        #expect(skipped.status == 0 && skipped.stdout.contains("1 created") && skipped.stdout.contains("3 rejected"))
        let again = try kehu("import", "customers", file, "--skip-invalid", store: store)
        #expect(again.stdout.contains("0 created") && again.stdout.contains("1 unchanged"))

        let xlsx = temporaryFolder("out") + ".xlsx"
        #expect(try kehu("export", "customers", "--out", xlsx, store: store).status == 0)
        let copy = temporaryFolder("copy")
        #expect(try KehuBinary.run(["init", copy]).status == 0)
        let imported = try kehu("import", "customers", xlsx, store: copy)
        #expect(imported.status == 0 && imported.stdout.contains("1 created"))
        let csvOut = try kehu("export", "customers", "--format", "csv", store: copy)
        #expect(csvOut.stdout.contains("KH1,深圳华强电子有限公司,华南"))
    }

    /// Several KIND FILE pairs: one all-or-nothing import; the transactions name
    /// customers the customers file creates; `kehu check` agrees afterwards.
    @Test func severalFilesAreOneImport() throws {
        let store = temporaryFolder()
        #expect(try KehuBinary.run(["init", store]).status == 0)
        let dir = temporaryFolder("files")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        func file(_ name: String, _ text: String) throws -> String {
            let p = (dir as NSString).appendingPathComponent(name)
            try text.write(toFile: p, atomically: true, encoding: .utf8)
            return p
        }
        let c = try file("客户.csv", "\u{FEFF}客户编号,客户名称,所属区域\nK1,甲公司,华南\nK2,乙公司,华北\n")
        let t = try file("交易.csv", "客户编号,交易日期,金额,产品\nK1,2026-01-31,1234.50,年度维护\nK2,2026/2/1,\"¥1,000\",培训\n")
        let badT = try file("bad.csv", "客户编号,交易日期,金额\nK1,2026-01-31,1234.50\nK3,2026-02-01,5\n")
        let journal = (store as NSString).appendingPathComponent("journal.jsonl")
        let before = try Data(contentsOf: URL(fileURLWithPath: journal))
        let refused = try kehu("import", "customers", c, "transactions", badT, store: store)
        #expect(refused.status == 1 && refused.stderr.contains("bad.csv:3: 客户编号 (customer): no customer 'K3'"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: journal)) == before, "the customers file is not written either")
        let odd = try kehu("import", "customers", c, "transactions", store: store)
        #expect(odd.status != 0 && odd.stderr.contains("KIND FILE pairs"))
        let done = try kehu("import", "customers", c, "交易", t, store: store)
        #expect(done.status == 0)
        #expect(done.stdout.contains("imported 客户.csv: 2 created") && done.stdout.contains("imported 交易.csv: 2 created"))
        let shown = try kehu("show", "K2", "--format", "json", store: store)
        #expect(shown.status == 0 && shown.stdout.contains("培训"))
        #expect(try kehu("check", store: store).status == 0)
    }

    @Test func dedupFindsPlantedDuplicatesAndMergeRoundTrips() throws {
        let store = temporaryFolder()
        #expect(try KehuBinary.run(["demo", "--store", store, "--customers", "300", "--no-open"]).status == 0)
        let dedup = try kehu("dedup", "--format", "csv", store: store)
        #expect(dedup.status == 0)
        let rows = dedup.stdout.split(separator: "\n").dropFirst()
        let first = try #require(rows.first).split(separator: ",").map(String.init)
        let merged = try kehu("merge", first[0], first[1], store: store)
        #expect(merged.status == 0 && merged.stdout.contains("undo with: kehu unmerge M1"))
        #expect(try kehu("show", first[1], store: store).status != 0)
        let undone = try kehu("unmerge", "M1", store: store)
        #expect(undone.status == 0)
        #expect(try kehu("show", first[1], store: store).status == 0)
        #expect(try kehu("not-duplicate", first[0], first[1], store: store).status == 0)
        let after = try kehu("dedup", "--format", "csv", store: store)
        #expect(!after.stdout.contains("\(first[0]),\(first[1]),"))
        #expect(try kehu("check", store: store).status == 0)
        let data = try kehu("check", "--data", store: store)
        #expect(data.status == 0 && data.stdout.contains("Likely duplicate"))
    }
}
