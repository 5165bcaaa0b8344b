import Foundation
import Testing

@Suite("kehu report")
struct ReportCommandTests {
    @Test func segmentsOnAHandMadeStore() throws {
        let dir = temporaryFolder()
        try KehuBinary.run(["init", dir])
        try KehuBinary.run(["add", "customer", "--store", dir, "--set", "name=甲", "--set", "region=华南", "--set", "owner=alice"])
        try KehuBinary.run(["add", "customer", "--store", dir, "--set", "name=乙", "--set", "region=华东", "--set", "owner=bob"])
        for (c, d, a) in [("C1", "2026-03-02", "100"), ("C1", "2026-03-20", "250.50"), ("C2", "2026-02-10", "400"), ("C2", "2026-03-31", "200")] {
            let r = try KehuBinary.run(["add", "transaction", "--store", dir, "--set", "customer=\(c)", "--set", "date=\(d)", "--set", "amount=\(a)"])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let csv = try KehuBinary.run(["report", "segments", "--by", "region", "--from", "2026-03-01", "--to", "2026-03-31",
                                      "--active-days", "30", "--format", "csv", "--store", dir])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout == """
            region,customers,share,active,revenue,orders,aov,previous,change
            华南,1,0.5000,1,350.50,2,175.25,0.00,
            华东,1,0.5000,1,200.00,1,200.00,400.00,-0.5000

            """)
        let table = try KehuBinary.run(["report", "segments", "--by", "region", "--from", "2026-03-01", "--to", "2026-03-31", "--lang", "en", "--store", dir])
        #expect(table.stdout.contains("South China") && table.stdout.contains("Total") && table.stdout.contains("-50.0%"))
        let bad = try KehuBinary.run(["report", "segments", "--by", "phone", "--store", dir])
        #expect(bad.status != 0 && bad.stderr.contains("cannot segment by 'phone'"))
    }

    @Test func reportsOnTheDemoStoreInEveryFormat() throws {
        let dir = temporaryFolder()
        let demo = try KehuBinary.run(["demo", "--store", dir, "--customers", "400", "--no-open"])
        #expect(demo.status == 0, "\(demo.stderr)")
        let reports: [[String]] = [
            ["segments", "--by", "region,category"], ["rfm"], ["rfm", "--per-customer"],
            ["clv"], ["clv", "--unit", "day", "--horizon", "90"], ["at-risk"],
        ]
        for args in reports {
            for format in ["table", "csv", "json"] {
                let r = try KehuBinary.run(["report"] + args + ["--format", format, "--store", dir])
                #expect(r.status == 0, "\(args) \(format): \(r.stderr)")
                #expect(!r.stdout.isEmpty)
                if format == "json" {
                    #expect((try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) != nil, "\(args): not JSON")
                }
                #expect(!r.stdout.contains("nan") && !r.stdout.contains("inf"), "\(args) \(format)")
            }
        }
        let rfm = try KehuBinary.run(["report", "rfm", "--per-customer", "--format", "csv", "--store", dir])
        let ids = rfm.stdout.split(separator: "\n").dropFirst().map { Int($0.split(separator: ",")[0].dropFirst())! }
        #expect(ids == ids.sorted(), "per-customer rows are in id order (the order the F ranking uses)")
        let clv = try KehuBinary.run(["report", "clv", "--store", dir])
        #expect(clv.stdout.contains("BG/NBD") && clv.stdout.contains("alpha =") && clv.stdout.contains("Gamma-Gamma"))
    }

    @Test func clvOnAStoreWithoutRepeatBuyersSaysSoAndFails() throws {
        let dir = temporaryFolder()
        try KehuBinary.run(["init", dir])
        try KehuBinary.run(["add", "customer", "--store", dir, "--set", "name=甲"])
        try KehuBinary.run(["add", "transaction", "--store", dir, "--set", "customer=C1", "--set", "date=2026-01-05", "--set", "amount=10"])
        let r = try KehuBinary.run(["report", "clv", "--as-of", "2026-03-01", "--store", dir])
        #expect(r.status != 0)
        #expect(r.stdout.contains("NOT FITTED"))
        #expect(r.stderr.contains("did not converge") && r.stderr.split(separator: "\n").count == 1)
        #expect(!r.stdout.contains("p_alive"))
    }
}
