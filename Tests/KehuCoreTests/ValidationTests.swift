import Testing
@testable import KehuCore

@Suite struct ValidatorTests {
    @Test(arguments: ["13800138000", "+86 138 0013 8000", "010-12345678", "0755 8888 1234", "400-800-8888",
                      "+1 (212) 555-0100", "020-38888888 ext 123", "020-38888888转806", "１３８００１３８０００"])
    func acceptsPhones(_ p: String) { #expect(Validators.phone(p) == nil, "\(p)") }

    @Test(arguments: ["12345", "1280013800", "21800138000", "phone me", "+1 23"])
    func rejectsPhones(_ p: String) { #expect(Validators.phone(p) != nil, "\(p)") }

    @Test func emails() {
        #expect(Validators.email("zhang.wei@example.com.cn") == nil)
        #expect(Validators.email("ＺＨＡＮＧ＠ＥＸＡＭＰＬＥ.ＣＯＭ") == nil)
        #expect(Validators.email("no-at-sign.com") != nil)
        #expect(Validators.email("a@b") != nil)
        #expect(Validators.email("a b@c.com") != nil)
    }

    @Test func postcodesUrlsCredit() {
        #expect(Validators.postcode("510000") == nil)
        #expect(Validators.postcode("51000") != nil)
        #expect(Validators.url("www.renyi.com.cn") == nil)
        #expect(Validators.url("https://example.com/a?b=c") == nil)
        #expect(Validators.url("not a url") != nil)
        #expect(Validators.credit(5) == nil)
        #expect(Validators.credit(6) != nil)
    }

    @Test func normalForms() {
        #expect(Normalize.key("  ＡＣＭＥ   Co ") == "acme co")
        #expect(Normalize.key("Acme  CO") == "acme co")
        #expect(Normalize.phoneDigits("+86 138-0013-8000") == "13800138000")
        #expect(Normalize.phoneDigits("0086 13800138000") == "13800138000")
        #expect(Normalize.phoneDigits("020-3888 8888 转 12") == "02038888888")
        #expect(Normalize.phoneDigits("+1 212 555 0100") == "+12125550100")
        #expect(Normalize.phoneDigits("(+86)13800138000") == "13800138000")
        #expect(Normalize.phoneDigits("+86 755 8888 1234") == "075588881234")
        #expect(Validators.phone("+86 755 8888 1234") == nil)
        #expect(Normalize.email(" Zhang@Example.COM ") == "zhang@example.com")
    }
}

@Suite struct DictionaryValidationTests {
    func seeded() throws -> Snapshot {
        var s = Snapshot()
        var seq: Int64 = 0
        for e in DictionarySeed.entries {
            seq += 1
            try s.apply(JournalEntry(seq: seq, at: Timestamp(millis: 0), by: "admin", change: .create(.dictionary, id: e.id, e.fieldValues)))
        }
        return s
    }

    @Test func seedHasTheSeedsExamples() throws {
        let s = try seeded()
        #expect(s.dictionary.entries(.region).map(\.code) == ["华南", "华东", "华中", "华北", "西南", "西北", "东北"])
        #expect(s.dictionary.entries(.nature).map(\.code).contains("私营或个体户"))
        #expect(s.dictionary.entries(.category).map(\.code).last == "流失代理")
        #expect(s.dictionary.entries(.settlement).map(\.code).first == "现款现货")
        #expect(s.dictionary.cycleDays(.contactStrategy, "每月联系") == 30)
        #expect(s.dictionary.resolve(.region, "south china")?.code == "华南")
    }

    @Test func valueOutsideTheDictionaryNamesFieldAndAllowedValues() throws {
        let s = try seeded()
        let errors = s.check(.create(.customer, ["name": "人易软件", "region": "火星"]))
        #expect(errors.count == 1)
        let text = errors.first?.description ?? ""
        #expect(text.contains("region"))
        #expect(text.contains("火星"))
        #expect(text.contains("华南, 华东"))
    }

    @Test func everyBadFieldIsReported() throws {
        let s = try seeded()
        let errors = s.check(.create(.customer, ["name": "", "credit": 9, "email": "x", "postcode": "1", "phone": "12"]))
        let fields = Set(errors.compactMap { e -> String? in if case let .invalid(_, _, f, _) = e { return f }; return nil })
        #expect(fields == ["name", "credit", "email", "postcode", "phone"])
    }

    @Test func referencesMustExist() throws {
        let s = try seeded()
        #expect(!s.check(.create(.transaction, ["customer": "C404", "date": "2026-01-01", "amount": "10"])).isEmpty)
        #expect(!s.check(.create(.interaction, ["customer": "C1", "at": "2026-01-01T00:00:00Z", "channel": "信鸽"])).isEmpty)
    }
}
