import Testing
import KehuCore

@Suite("Data quality")
struct DataQualityTests {
    @Test func findsEachKindOfProblem() throws {
        var s = Snapshot()
        var seq: Int64 = 0
        func apply(_ c: Change, at: Timestamp = Timestamp("2026-01-01T00:00:00Z")!) throws {
            seq += 1; try s.apply(JournalEntry(seq: seq, at: at, by: "t", change: c))
        }
        for e in DictionarySeed.entries { try apply(.create(.dictionary, id: e.id, e.fieldValues)) }
        let old = Timestamp("2024-01-01T00:00:00Z")!
        try apply(.create(.customer, id: "C1", ["name": "好客户", "region": "华南", "category": "潜在代理", "source": "展览会", "industry": "教育", "phone": "13800138000"]), at: old)
        try apply(.create(.interaction, id: "I1", ["customer": "C1", "at": "2026-10-01T00:00:00Z"]))
        try apply(.create(.customer, id: "C2", ["name": "坏客户", "email": "nope", "postcode": "12", "region": "火星"]), at: old)
        try apply(.create(.contact, id: "P1", ["customer": "C2", "name": "张三", "mobile": "12"]))
        let r = DataQualityReport.build(s, today: LocalDate("2026-11-25")!, dedup: nil)
        #expect(r.findings.filter { $0.id == "C1" }.isEmpty)
        #expect(r.count(.missing) == 3)  // C2: category, source, industry (region is filled, if wrongly)
        #expect(r.count(.invalidEmail) == 1)
        #expect(r.count(.invalidPhone) == 1 && r.findings.contains { $0.kind == .invalidPhone && $0.id == "P1" })
        #expect(r.count(.invalidPostcode) == 1)
        #expect(r.findings.contains { $0.kind == .outsideDictionary && $0.field == "region" && $0.value == "火星" })
        #expect(r.findings.filter { $0.kind == .stale }.map(\.id) == ["C2"])
    }
}
