import KehuCore
import Testing

@Suite("Analytics: RFM")
struct AnalyticsRFMTests {
    struct PandasRow { var recency: Int; var frequency: Int; var monetary: Int64; var r: Int; var f: Int; var m: Int }

    static let pandasSets: [String: [PandasRow]] = {
        var sets: [String: [PandasRow]] = [:]
        for line in rfmPandasCSV.split(separator: "\n").dropFirst() {
            let c = line.split(separator: ",").map(String.init)
            sets[c[0], default: []].append(PandasRow(recency: Int(c[1])!, frequency: Int(c[2])!, monetary: Int64(c[3])!,
                                                     r: Int(c[4])!, f: Int(c[5])!, m: Int(c[6])!))
        }
        return sets
    }()

    @Test(arguments: ["ties", "few", "two", "one", "allsame", "wide", "odd"])
    func matchesPandas(set: String) throws {
        let rows = try #require(Self.pandasSets[set])
        let s = RFMScoring.scores(recency: rows.map(\.recency), frequency: rows.map(\.frequency), monetary: rows.map(\.monetary))
        #expect(s.r == rows.map(\.r))
        #expect(s.f == rows.map(\.f))
        #expect(s.m == rows.map(\.m))
    }

    @Test func quantileLevelsAreThePandasOnes() {
        // np.linspace(0, 1, 6) with pandas' round-up of 0.6000000000000001.
        #expect(QuantileBins.levels(5).map { $0.bitPattern } == [0.0, 0.2, 0.4, 0.6000000000000001.nextUp, 0.8, 1.0].map { $0.bitPattern })
    }

    @Test func tiesNeverStraddleABin() {
        // Ten customers, recency 7 for eight of them: every 7 gets the same R.
        let recency = [7, 7, 7, 7, 1, 7, 7, 7, 30, 7]
        let s = RFMScoring.scores(recency: recency, frequency: Array(repeating: 1, count: 10), monetary: Array(repeating: 100, count: 10))
        #expect(Set(zip(recency, s.r).filter { $0.0 == 7 }.map(\.1)).count == 1)
        // Equal frequencies are ranked first-come, so they spread over all five scores in row order.
        #expect(s.f == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5])
        // Equal monetary values: one bin, score 1 (pandas would give NaN).
        #expect(Set(s.m) == [1])
    }

    @Test func fewerThanFiveDistinctValuesUseFewerScores() {
        // Recency takes two values: edges [2, 2, 2, 9, 9, 9] → [2, 9] → one bin.
        let s = RFMScoring.scores(recency: [2, 9, 2, 9, 2, 9], frequency: [1, 2, 3, 4, 5, 6], monetary: [10, 20, 10, 20, 10, 30])
        #expect(s.r == [5, 5, 5, 5, 5, 5])
        // Monetary [10,10,10,20,20,30]: edges 10, 10, 10, 20, 20, 30 → [10, 20, 30].
        #expect(s.m == [1, 1, 1, 1, 1, 2])
    }

    @Test func standardMapCoversEveryCellOnce() throws {
        let map = try RFMSegmentMap.validated(RFMSegmentMap.standard.rules).get()
        #expect(map.segments.count == 11)
        let expected: [String: String] = [
            "55": "champions", "54": "champions", "45": "loyal", "34": "loyal", "52": "potentialLoyalist",
            "43": "potentialLoyalist", "51": "new", "41": "promising", "33": "needAttention", "31": "aboutToSleep",
            "32": "aboutToSleep", "23": "atRisk", "14": "atRisk", "25": "cantLose", "15": "cantLose",
            "11": "lost", "12": "hibernating", "21": "hibernating", "22": "hibernating",
        ]
        for (cell, code) in expected {
            let r = Int(String(cell.first!))!, f = Int(String(cell.last!))!
            #expect(map.segment(r: r, f: f).code == code, "cell \(cell)")
        }
    }

    @Test func incompleteMapIsRejected() {
        let rules = RFMSegmentMap.standard.rules.filter { $0.code != "new" }
        guard case .failure(let e) = RFMSegmentMap.validated(rules) else { Issue.record("accepted"); return }
        #expect(e.message == "rfm segment map: no rule covers R5 F1")
    }

    @Test func reportFromSnapshotByHand() throws {
        var s = AnalyticsStoreFixture()
        s.customer("C1", "甲", owner: "alice")
        s.customer("C2", "乙", owner: "bob")
        s.customer("C3", "丙")
        s.customer("C4", "丁")       // never buys
        s.buy("C1", "2026-01-10", "100")
        s.buy("C1", "2026-03-01", "300")
        s.buy("C1", "2026-03-05", "-50")      // refund: lowers M, not a purchase
        s.buy("C2", "2026-02-01", "1000")
        s.buy("C2", "2026-02-20", "99", currency: "USD") // other currency: ignored
        s.buy("C3", "2025-12-01", "20")
        s.buy("C3", "2026-05-01", "500")      // after as-of: ignored
        let report = try RFMReport.make(RFMSpec(asOf: day("2026-03-31")), s.snapshot)
        #expect(report.customers.map(\.customerId) == ["C1", "C2", "C3"])
        let c1 = try #require(report.score(of: "C1"))
        #expect(c1.recency == 30 && c1.frequency == 2 && c1.monetary == 35_000 && c1.lastPurchase == day("2026-03-01"))
        let c2 = try #require(report.score(of: "C2"))
        #expect(c2.recency == 58 && c2.frequency == 1 && c2.monetary == 100_000)
        let c3 = try #require(report.score(of: "C3"))
        #expect(c3.recency == 120 && c3.frequency == 1 && c3.monetary == 2_000)
        // Recency [30, 58, 120] → edges 30, 41.2, 52.4, 69.2, 94.6, 120 → R 5, 3, 1.
        #expect([c1.r, c2.r, c3.r] == [5, 3, 1])
        // Frequency ranks [3, 1, 2] (C2 before C3 at 1 purchase) → F 5, 1, 3.
        #expect([c1.f, c2.f, c3.f] == [5, 1, 3])
        #expect([c1.m, c2.m, c3.m] == [3, 5, 1])
        #expect([c1.segment, c2.segment, c3.segment] == ["champions", "aboutToSleep", "atRisk"])
        let champions = try #require(report.segments.first { $0.code == "champions" })
        #expect(champions.customers == 1 && champions.totalMonetary == 35_000 && abs(champions.share - 1.0 / 3) < 1e-12)
        #expect(report.segments.count == 11)
        #expect(report.segments.first { $0.code == "lost" }?.meanRecency == nil)
    }

    @Test func storeCanReplaceTheMap() throws {
        var s = AnalyticsStoreFixture()
        s.customer("C1", "甲")
        s.buy("C1", "2026-01-10", "100")
        s.apply(Change(op: .create, entity: "rfmSegment", id: "all", fields: ["order": 1, "code": "everyone", "zh": "全部", "en": "Everyone", "r": "1-5", "f": "1-5"]))
        let report = try RFMReport.make(RFMSpec(asOf: day("2026-03-31")), s.snapshot)
        #expect(report.customers.first?.segment == "everyone")
        #expect(report.segments.map(\.code) == ["everyone"])
        s.apply(Change(op: .update, entity: "rfmSegment", id: "all", fields: ["f": "2-5"]))
        #expect(throws: RFMMapError(message: "rfm segment map: no rule covers R1 F1")) {
            try RFMReport.make(RFMSpec(asOf: day("2026-03-31")), s.snapshot)
        }
    }
}
