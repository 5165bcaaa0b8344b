import Testing
@testable import KehuCore

/// `AnalyticsData` reads the transactions' packed rows directly (pool codes, no
/// `Transaction` values). These tests hold it to the straightforward computation
/// over `snapshot.transactions.values` on a generated book with the awkward cases
/// added: other currencies, deleted and moved transactions, deleted customers,
/// ids that are not store-style, a transaction naming no
/// known customer, refunds on the same day as a purchase.
@Suite("Analytics: columns from packed rows")
struct AnalyticsDataColumnsTests {
    static func book() throws -> Snapshot {
        var s = try SnapshotTests.build(customers: 150)
        var seq = s.seq
        func apply(_ c: Change) throws {
            seq += 1
            try s.apply(JournalEntry(seq: seq, at: Timestamp(millis: 1_800_000_000_000 + seq), by: "bob", change: c))
        }
        // Hand-made ids sort by their digits, then by text, among the store's own.
        try apply(.create(.customer, id: "X7", ["name": "Seven Imports"]))
        try apply(.create(.customer, id: "C0099", ["name": "零零九九"]))
        try apply(.create(.customer, id: "legacy", ["name": "Legacy Ltd"]))
        for (i, (cid, date, amount, currency)) in [("X7", "2026-01-05", "300", "CNY"), ("X7", "2025-12-31", "-20", "CNY"),
                                                   ("C0099", "2026-02-01", "55.5", "CNY"), ("legacy", "2026-03-01", "80", "USD"),
                                                   ("legacy", "2026-03-01", "70", "CNY"), ("C3", "2026-04-01", "-10", "CNY"),
                                                   ("C3", "2026-04-01", "10", "CNY"), ("C4", "2026-05-01", "99", "EUR"),
                                                   ("C77777", "2026-01-01", "5", "CNY")].enumerated() {
            try apply(.create(.transaction, id: i.isMultiple(of: 2) ? "T9\(i)00000" : "ext-\(i)",
                              ["customer": .string(cid), "date": .string(date), "amount": .string(amount), "currency": .string(currency)]))
        }
        // A deleted transaction leaves a tombstone row; a moved one changes its customer code.
        let some = Array(s.transactions.keys.prefix(3))
        try apply(.delete(.transaction, id: some[0], base: s.transactions[some[0]]!.version))
        try apply(.update(.transaction, id: some[1], base: s.transactions[some[1]]!.version, ["customer": "X7"]))
        // A deleted customer (with its transactions gone first).
        let gone = "C10"
        for t in s.transactionsByCustomer[gone] ?? [] { try apply(.delete(.transaction, id: t, base: s.transactions[t]!.version)) }
        for p in s.contactsByCustomer[gone] ?? [] { try apply(.delete(.contact, id: p, base: s.contacts[p]!.version)) }
        for x in s.interactionsByCustomer[gone] ?? [] { try apply(.delete(.interaction, id: x, base: s.interactions[x]!.version)) }
        try apply(.delete(.customer, id: gone, base: s.customers[gone]!.version))
        return s
    }

    /// The columns as the plain definition gives them: customers by (id number, id);
    /// per customer the main-currency transactions oldest first — in storage order when
    /// they are in date order already, else by (date, amount) (what `AnalyticsData` has
    /// always done; no report depends on the order within a day).
    static func reference(_ s: Snapshot) -> (ids: [String], offsets: [Int], days: [Int32], amounts: [Int64]) {
        let ids = s.customers.keys.sorted { (idNumber($0), $0) < (idNumber($1), $1) }
        var byCustomer: [String: [(Int32, Int64)]] = [:]
        for t in s.transactions.values where PurchaseFilter.counts(t) { byCustomer[t.customerId, default: []].append((t.date.days, t.amount.minor)) }
        var offsets = [0], days: [Int32] = [], amounts: [Int64] = []
        for id in ids {
            var list = byCustomer[id] ?? []
            if zip(list, list.dropFirst()).contains(where: { $0.0 > $1.0 }) { list.sort { $0 < $1 } }
            for (d, a) in list { days.append(d); amounts.append(a) }
            offsets.append(days.count)
        }
        return (ids, offsets, days, amounts)
    }

    @Test func columnsEqualTheStraightforwardComputation() throws {
        let s = try Self.book()
        let data = AnalyticsData(s)
        let ref = Self.reference(s)
        #expect(data.customerIds == ref.ids)
        #expect(data.customers.map(\.id) == ref.ids)
        #expect(data.customers.map(\.name) == ref.ids.map { s.customers[$0]!.name })
        #expect(data.offsets == ref.offsets)
        #expect(data.days == ref.days)
        #expect(data.amounts == ref.amounts)
        #expect(data.days.count > 1000)   // the book really has transactions
        for (i, id) in ref.ids.enumerated() { #expect(data.row(of: id) == i, "\(id)") }
        #expect(data.row(of: "C10") == nil && data.row(of: "C99") != nil && data.row(of: "nobody") == nil)
        #expect(data.row(of: "C0099").map { data.customerIds[$0] } == "C0099")
    }

    @Test func segmentSummaryMatchesOneBuiltFromTheReference() throws {
        let s = try Self.book()
        let spec = SegmentSpec(by: [SegmentDimension(.region)!, SegmentDimension(.category)!],
                               from: LocalDate("2026-01-01")!, to: LocalDate("2026-06-30")!, activeDays: 90)
        let summary = try SegmentSummary.make(spec, s)
        // By hand from the reference columns.
        let ref = Self.reference(s)
        var revenue: [[String]: Int64] = [:], customers: [[String]: Int] = [:]
        for (i, id) in ref.ids.enumerated() {
            let c = s.customers[id]!
            let key = [c.region ?? "", c.category ?? ""]
            customers[key, default: 0] += 1
            for k in ref.offsets[i]..<ref.offsets[i + 1] where ref.days[k] >= spec.from.days && ref.days[k] <= spec.to.days {
                revenue[key, default: 0] += ref.amounts[k]
            }
        }
        #expect(summary.rows.count == customers.count)
        for row in summary.rows {
            #expect(row.customers == customers[row.codes], "\(row.codes)")
            #expect(row.revenue == revenue[row.codes] ?? 0, "\(row.codes)")
        }
        #expect(summary.total.customers == s.customers.count)
    }
}
