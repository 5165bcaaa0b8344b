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
