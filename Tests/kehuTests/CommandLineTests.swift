import Foundation
import Testing
import KehuStore

@Suite struct CommandLineTests {
    @Test func demoListShowCheck() throws {
        let dir = temporaryFolder()
        let demo = try KehuBinary.run(["demo", "--store", dir, "--customers", "120", "--no-open"])
        #expect(demo.status == 0, "\(demo.stderr)")
        let csv = try KehuBinary.run(["list", "--store", dir, "--format", "csv"])
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first == "id,name,region,category,owner,credit,last,total,count,externalId")
        #expect(lines.count == 121)
        #expect(csv.stdout.contains("有限公司") || csv.stdout.contains("软件"))
        let json = try KehuBinary.run(["list", "--store", dir, "--format", "json", "--where", "region=South China"])
        #expect(json.status == 0)
        #expect(json.stdout.hasPrefix("[") && json.stdout.contains("\"region\":\"华南\""))
        #expect(!json.stdout.contains("\"region\":\"华东\""))
        #expect(try KehuBinary.run(["show", "C1", "--store", dir]).stdout.contains("客户名称"))
        let check = try KehuBinary.run(["check", "--store", dir])
        #expect(check.status == 0 && check.stdout.hasPrefix("ok:"))
    }

    @Test func badInputIsOneLineNamingTheFieldAndChangesNothing() throws {
        let dir = temporaryFolder()
        try KehuBinary.run(["init", dir])
        try KehuBinary.run(["add", "customer", "--store", dir, "--set", "name=甲"])
        let journal = (dir as NSString).appendingPathComponent("journal.jsonl")
        let before = try Data(contentsOf: URL(fileURLWithPath: journal))
        let r = try KehuBinary.run(["edit", "C1", "--store", dir, "--set", "region=火星"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("region") && r.stderr.contains("火星") && r.stderr.contains("华南"))
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: journal)) == before)
        let noStore = try KehuBinary.run(["list"], env: ["KEHU_STORE": "", "XDG_CONFIG_HOME": temporaryFolder("cfg")])
        #expect(noStore.status != 0 && noStore.stderr.contains("kehu init"))
    }

    @Test func storeComesFromEnvironmentThenUserConfig() throws {
        let dir = temporaryFolder()
        try KehuBinary.run(["init", dir])
        try KehuBinary.run(["add", "customer", "--store", dir, "--set", "name=环境变量"])
        #expect(try KehuBinary.run(["list", "--format", "csv"], env: ["KEHU_STORE": dir]).stdout.contains("环境变量"))
        let cfg = temporaryFolder("cfg")
        try FileManager.default.createDirectory(atPath: cfg + "/kehu", withIntermediateDirectories: true)
        try "store = \"\(dir)\"\n".write(toFile: cfg + "/kehu/config.toml", atomically: true, encoding: .utf8)
        #expect(try KehuBinary.run(["list", "--format", "csv"], env: ["KEHU_STORE": "", "XDG_CONFIG_HOME": cfg]).stdout.contains("环境变量"))
    }

    @Test func hostileTextNeverReachesTheTerminalAsControlSequences() throws {
        let dir = temporaryFolder()
        try KehuBinary.run(["init", dir])
        try KehuBinary.run(["add", "customer", "--store", dir, "--set", "name=坏\u{1B}]0;pwned\u{07}人\u{1B}[2J"])
        let table = try KehuBinary.run(["list", "--store", dir])
        #expect(!table.stdout.contains("\u{1B}") && table.stdout.contains("^["))
        #expect(!(try KehuBinary.run(["show", "C1", "--store", dir]).stdout.contains("\u{1B}")))
        // CSV and JSON are for programs: the text is kept exactly (JSON escapes it).
        #expect(try KehuBinary.run(["list", "--store", dir, "--format", "json"]).stdout.contains("\\u001b"))
    }
}
