import Foundation
import Testing
import KehuCore

@Suite("Dedup")
struct DedupTests {
    @Test func jaroWinklerKnownValues() {
        #expect(abs(JaroWinkler.similarity("MARTHA", "MARHTA") - 0.961) < 0.001)
        #expect(abs(JaroWinkler.similarity("DWAYNE", "DUANE") - 0.84) < 0.001)
        #expect(JaroWinkler.similarity("", "") == 1)
        #expect(JaroWinkler.similarity("abc", "") == 0)
        #expect(JaroWinkler.similarity("深圳华强电子", "深圳华强电子") == 1)
        #expect(JaroWinkler.similarity("深圳华强电子", "深圳华弓电子") > 0.9)
    }

    @Test func companyCoreStripsLegalFormsAndFolds() {
        #expect(DedupText.companyCore("深圳市华强电子有限公司") == "深圳市华强电子")
        #expect(DedupText.companyCore("深圳市华强电子股份有限公司") == "深圳市华强电子")
        #expect(DedupText.companyCore("深圳市华强电子有限责任公司") == "深圳市华强电子")
        #expect(DedupText.companyCore("Bright Ocean Trading Co., Ltd.") == "bright ocean trading")
        #expect(DedupText.companyCore("ＢＲＩＧＨＴ　Ocean Trading Inc.") == "bright ocean trading")
        #expect(DedupText.companyCore("Acme LLC") == "acme")
        #expect(DedupText.companyCore("公司") == "公司")
    }

    @Test func blockingTokensSurviveATypo() {
        let a = Set(DedupText.tokens(DedupText.companyCore("深圳市华强电子有限公司")))
        let b = Set(DedupText.tokens(DedupText.companyCore("深圳市华弓电子有限公司")))
        #expect(!a.intersection(b).isEmpty)
        #expect(DedupText.tokens("bright ocean trading") == ["bright", "ocean", "trading"])
    }

    @Test func blockingKeepsPairsFarBelowNSquared() {
        let data = SyntheticCustomers(count: 2000, seed: 7)
        let keys = data.inputs.map { DedupRecord(customer: $0.customer, contacts: $0.contacts, fields: []).blockingKeys }
        let pairs = Blocking().pairs(keys)
        #expect(pairs.count < 2000 * 1999 / 2 / 20)
        let found = Set(pairs.map { DedupDecision.key(data.inputs[Int($0.0)].customer.id, data.inputs[Int($0.1)].customer.id) })
        let missed = data.truePairs.subtracting(found)
        #expect(Double(missed.count) / Double(data.truePairs.count) < 0.02, "blocking lost \(missed.sorted().prefix(5))")
    }

    @Test func comparatorLevels() {
        var a = Customer(id: "C1", name: "深圳市华强电子有限公司"); a.phone = "+86 138 0013 8000"; a.email = "Sales@HQ.com"
        var b = Customer(id: "C2", name: "深圳市华强电子股份有限公司"); b.phone = "138-0013-8000"; b.email = "sales@hq.com"
        let pa = Contact(id: "P1", customerId: "C1", name: "Wei Wang"), pb = Contact(id: "P2", customerId: "C2", name: "Wang Wei")
        let fields = DedupField.defaults
        let ra = DedupRecord(customer: a, contacts: [pa], fields: fields), rb = DedupRecord(customer: b, contacts: [pb], fields: fields)
        let levels = fields.indices.map { fields[$0].level(ra.values[$0], rb.values[$0]) }
        #expect(levels == [3, 2, 2, 2, -1, -1])
    }

    @Test func emLearnsThatAgreementMeansMatch() {
        let data = SyntheticCustomers(count: 3000, seed: 11)
        let result = Deduplicator().run(data.inputs)
        let m = result.model
        for f in m.fields.indices {
            let top = m.m[f].count - 1
            #expect(m.m[f][top] > m.u[f][top], "field \(m.fields[f])")
            #expect(m.weight(field: f, level: Int8(top)) > 0)
        }
        #expect(m.lambda > 0 && m.lambda < 0.5)
    }

    @Test func precisionAndRecallOnGeneratedSet() {
        let data = SyntheticCustomers(count: 5000, seed: 3)
        let result = Deduplicator().run(data.inputs)
        let q = data.evaluate(result.pairs)
        #expect(q.precision >= 0.95, "precision \(q.precision)")
        #expect(q.recall >= 0.95, "recall \(q.recall)")
    }

    @Test func distinctPairsAreSkipped() {
        let data = SyntheticCustomers(count: 1000, seed: 5)
        let first = Deduplicator().run(data.inputs)
        let pair = try! #require(first.pairs.first)
        let second = Deduplicator().run(data.inputs, distinct: [DedupDecision.key(pair.id2, pair.id1)])
        #expect(!second.pairs.contains { $0.id1 == pair.id1 && $0.id2 == pair.id2 })
        #expect(second.pairs.count == first.pairs.count - 1)
    }

    @Test func pinyinMatchesAcrossScriptsAndHomophones() {
        let fields = DedupField.defaults
        let a = Customer(id: "C1", name: "深圳华强电子有限公司"), b = Customer(id: "C2", name: "深圳化强电子有限公司")
        let ra = DedupRecord(customer: a, contacts: [Contact(id: "P1", customerId: "C1", name: "王晓东")], fields: fields)
        let rb = DedupRecord(customer: b, contacts: [Contact(id: "P2", customerId: "C2", name: "Xiaodong Wang")], fields: fields)
        #expect(fields[0].level(ra.values[0], rb.values[0]) == 2)
        #expect(fields[1].level(ra.values[1], rb.values[1]) == 2)
        #expect(DedupText.personKeys("王晓东") == ["wangxiaodong", "xiaodongwang"])
        #expect(DedupText.personKeys("wei wang") == ["weiwang", "wangwei"])
        #expect(!Set(ra.blockingKeys).isDisjoint(with: rb.blockingKeys))
    }

    @Test func phoneKeys() {
        for s in ["13800138000", "+86 138 0013 8000", "(+86)13800138000", "0086-138-0013-8000", "１３８００１３８０００", "138 0013 8000 ext 12"] {
            #expect(DedupText.phone(s) == "13800138000", "\(s)")
        }
        for s in ["0755-88881234", "+86 755 8888 1234", "(0755) 8888-1234", "0755 88881234 转 8"] {
            #expect(DedupText.phone(s) == "075588881234", "\(s)")
        }
        #expect(DedupText.phone("+1 415 555 0100") == "+14155550100")
        #expect(DedupText.phone("12345") == nil)
        #expect(DedupText.email("ＳＡＬＥＳ＠hq.com ") == "sales@hq.com")
        #expect(DedupText.fold("Ｗｅｉ　WANG, 王 伟") == "wei wang王伟")
    }

    @Test func findsTheDemoStoresPlantedDuplicates() throws {
        var gen = DemoGenerator(seed: 1, customers: 1500, today: LocalDate("2026-11-25")!)
        var snapshot = Snapshot()
        var seq: Int64 = 0
        for batch in gen.batches(chunk: 500) {
            for c in batch { seq += 1; try snapshot.apply(JournalEntry(seq: seq, at: Timestamp(millis: 0), by: "t", change: c)) }
        }
        let planted = Set(gen.plantedDuplicates.map { DedupDecision.key($0.0, $0.1) })
        let result = Deduplicator().run(snapshot)
        let found = Set(result.pairs.map { DedupDecision.key($0.id1, $0.id2) })
        for p in result.pairs.filter({ !planted.contains(DedupDecision.key($0.id1, $0.id2)) }).prefix(3) {
            let a = snapshot.customers[p.id1]!, b = snapshot.customers[p.id2]!
            print("FP", p.score, p.agreeing, p.similar, a.name, b.name, a.phone ?? "", b.phone ?? "", a.email ?? "", b.email ?? "", snapshot.contacts(of: a.id).map(\.name), snapshot.contacts(of: b.id).map(\.name))
        }
        print(DedupTests.describe(result.model))
        #expect(!planted.isEmpty)
        #expect(planted.subtracting(found).isEmpty, "missed \(planted.subtracting(found).sorted())")
        #expect(Double(found.intersection(planted).count) / Double(found.count) >= 0.95)
    }

    static func describe(_ m: FellegiSunter) -> String {
        m.fields.indices.map { f in m.fields[f] + " m=" + m.m[f].map { String(format: "%.3f", $0) }.joined(separator: ",") + " u=" + m.u[f].map { String(format: "%.4f", $0) }.joined(separator: ",") }.joined(separator: "\n") + " λ=\(m.lambda)"
    }

    @Test func fieldNames() {
        #expect(DedupField.named("客户名称") == .name)
        #expect(DedupField.named("邮编") == .postcode)
        #expect(DedupField.named("custom.税号")?.comparator == .text)
        #expect(DedupField.named("region")?.comparator == .exact)
        #expect(DedupField.named("nonsense") == nil)
    }
}

/// Process CPU time (all threads), in clock ticks.
func clock_t_now() -> Int { Int(clock()) }

/// Dedup quality and speed at 10k and 100k customers. Slow, so only with
/// KEHU_BENCH=1 (run in release: `KEHU_BENCH=1 swift test -c release --filter DedupBenchmark`).
@Suite("DedupBenchmark", .enabled(if: ProcessInfo.processInfo.environment["KEHU_BENCH"] != nil))
struct DedupBenchmark {
    @Test(arguments: [10_000, 100_000])
    func qualityAndTime(count: Int) {
        let data = SyntheticCustomers(count: count, seed: 2026)
        let clock = ContinuousClock()
        var result: DedupResult!
        let c0 = Double(clock_t_now()) / Double(CLOCKS_PER_SEC)
        let t = clock.measure { result = Deduplicator().run(data.inputs) }
        let cpu = Double(clock_t_now()) / Double(CLOCKS_PER_SEC) - c0
        let q = data.evaluate(result.pairs)
        print("dedup n=\(count) planted=\(data.truePairs.count) candidates=\(result.candidates) found=\(result.pairs.count) "
              + "precision=\(String(format: "%.4f", q.precision)) recall=\(String(format: "%.4f", q.recall)) "
              + "time=\(t) cpu=\(String(format: "%.2fs", cpu)) cores=\(ProcessInfo.processInfo.activeProcessorCount) em_iterations=\(result.model.iterations) lambda=\(String(format: "%.4f", result.model.lambda))")
        #expect(q.precision >= 0.95)
        #expect(q.recall >= 0.95)
    }
}
