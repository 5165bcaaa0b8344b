import Testing
@testable import KehuCore

/// The typed bulk path must leave exactly the state that applying the same
/// records as create entries, one by one, leaves (replay reads them that way).
@Suite("Record batches: typed creates equal their journal entries")
struct RecordBatchTests {
    /// A demo state, then a batch whose rows jump between customers, with and
    /// without every optional field, in two currencies, around the epoch.
    func batch(_ s: Snapshot) -> RecordBatch {
        let ids = Array(s.customers.keys.sorted { idNumber($0) < idNumber($1) }.prefix(5))
        var b = RecordBatch(event: "import")
        for k in 0..<40 {
            let cid = ids[(k / 3 + k % 2) % ids.count]
            var t = Transaction(id: "", customerId: cid, date: LocalDate(days: Int32(k * 97 - 400)),
                                amount: Money(minor: Int64(k * 12_345 - 99_999), currency: k % 7 == 0 ? "USD" : "CNY"))
            if k % 2 == 0 { t.product = "产品 \(k % 4)" }
            if k % 3 == 0 { t.quantityMilli = Int64(k) * 1_250 }
            if k % 5 == 0 { t.note = "第\(k)笔 \"引号\"\n换行" }
            b.transactions.append(t)
            var i = Interaction(id: "", customerId: cid, at: Timestamp(millis: Int64(k) * 86_399_999 - 1_000_000))
            if k % 2 == 1 { i.channel = "电话" }
            if k % 3 != 0 { i.note = "回访 \(k)" }
            if k % 4 == 0 { i.by = "bob" }
            i.kind = Interaction.Kind.allCases[k % 3]
            b.interactions.append(i)
        }
        return b
    }

    @Test func appendingEqualsApplyingTheirEntries() throws {
        let base = try SnapshotTests.build(customers: 12)
        var bulk = base
        var b = batch(base)
        bulk.assignIds(&b)
        #expect(bulk.checkCreates(b) == nil)
        bulk.appendCreates(b, firstSeq: base.seq + 1, by: "carol")

        var one = base
        var seq = base.seq
        for c in b.allChanges().enumerated().map({ k, c in
            var c = c; c.id = k < b.transactions.count ? b.transactions[k].id : b.interactions[k - b.transactions.count].id; return c
        }) {
            seq += 1
            try one.apply(JournalEntry(seq: seq, at: Timestamp(millis: 0), by: "carol", change: c))
        }
        #expect(bulk == one)
        #expect(bulk.seq == one.seq && bulk.highestNumber == one.highestNumber)
        #expect(bulk.metrics == one.metrics)
        #expect(bulk.lastChangedBy == one.lastChangedBy)
        #expect(bulk.transactionsByCustomer == one.transactionsByCustomer)
        #expect(bulk.interactionsByCustomer == one.interactionsByCustomer)
        #expect(bulk.nextId(for: .transaction) == one.nextId(for: .transaction))
    }

    @Test func idsFollowTheHighestNumberAndBadReferencesAreFound() throws {
        let base = try SnapshotTests.build(customers: 3)
        var b = batch(base)
        base.assignIds(&b)
        let firstT = (base.highestNumber["T"] ?? 0) + 1
        #expect(b.transactions.first?.id == "T\(firstT)" && b.transactions.last?.id == "T\(firstT + 39)")
        #expect(b.transactions.allSatisfy { $0.version == 1 })
        var bad = b
        bad.interactions[7].customerId = "C999"
        #expect(base.checkCreates(bad) == .invalid(entity: "interaction", id: bad.interactions[7].id, field: "customer", reason: "no customer C999"))
        var taken = b
        taken.transactions[0].id = base.transactions.keys.first!
        #expect(base.checkCreates(taken) == .alreadyExists(entity: "transaction", id: taken.transactions[0].id))
    }

    @Test func journalFieldsReadBackToTheSameRecord() throws {
        let base = try SnapshotTests.build(customers: 2)
        for t in batch(base).transactions {
            var back = try #require(Snapshot.newTransaction(t.journalFields))
            back.id = t.id
            #expect(back == t)
        }
        for i in batch(base).interactions {
            var back = try #require(Snapshot.newInteraction(i.journalFields))
            back.id = i.id
            #expect(back == i)
        }
    }

    /// Many customer creates built on all cores equal the same entries applied one by one.
    @Test func customerCreatesInBulkEqualOneByOne() throws {
        let base = try SnapshotTests.build(customers: 5)
        var gen = DemoGenerator(seed: 11, customers: 300, today: LocalDate("2026-11-25")!)
        let demo = gen.batches(chunk: 10_000).flatMap { $0 }.filter { $0.entity == "customer" && $0.op == .create }
        var next = (base.highestNumber["C"] ?? 0) + 1
        // Fresh external ids: the demo's (KH100001 …) are those of the base state's customers too.
        let creates = demo.map { c -> Change in var c = c; c.id = "C\(next)"; c.fields["externalId"] = .string("NEW\(next)"); next += 1; return c }
        #expect(creates.count == 300)
        let at = Timestamp(millis: 1_764_000_000_000)
        var bulk = base
        let applied = bulk.applyCustomerCreates(creates, firstSeq: base.seq + 1, at: at, by: "dave")
        #expect(applied)
        var one = base
        for (k, c) in creates.enumerated() { try one.apply(JournalEntry(seq: base.seq + 1 + Int64(k), at: at, by: "dave", change: c)) }
        #expect(bulk == one)
        #expect(bulk.seq == one.seq && bulk.highestNumber == one.highestNumber && bulk.lastChangedBy == one.lastChangedBy)
        #expect(bulk.customerByExternalId == one.customerByExternalId)

        // Two creates with one external id, or an id taken: nothing changes, the caller goes one by one.
        var twice = creates
        twice[7].fields["externalId"] = .string("SAME"); twice[9].fields["externalId"] = .string("SAME")
        var refused = base
        let sameExternal = refused.applyCustomerCreates(twice, firstSeq: base.seq + 1, at: at, by: "dave")
        #expect(!sameExternal)
        #expect(refused == base && refused.seq == base.seq)
        var taken = creates
        taken[3].id = base.customers.keys.first!
        let idTaken = refused.applyCustomerCreates(taken, firstSeq: base.seq + 1, at: at, by: "dave")
        #expect(!idTaken)
        #expect(refused == base)
    }
}
