import Testing
@testable import KehuCore
@testable import KehuTUI

/// The duplicates review pane's reducer: opening runs dedup as an effect, the
/// choices become the same `MergePlan` as `kehu merge --prefer`, decisions are
/// journaled and leave the queue.
@Suite struct DuplicatesPaneTests {
    @Test func openingRunsDedupInTheBackgroundAndShowsTheQueue() {
        var s = DuplicatesFixture.state()
        let effects = Fixture.keys(&s, [.char("D")])
        #expect(effects == [.findDuplicates(generation: 1)])
        #expect(s.pane == .duplicates && s.duplicates.phase == .finding)
        #expect(Screen.render(s).grid.trimmedText.contains("正在查找重复客户"))
        // A result for an older request is ignored.
        _ = Reducer.reduce(&s, .duplicatesFound(DuplicatesFixture.scan(generation: 0)))
        #expect(s.duplicates.phase == .finding)
        _ = Reducer.reduce(&s, .duplicatesFound(DuplicatesFixture.scan(generation: 1)))
        #expect(s.duplicates.phase == .ready && s.duplicates.pairs.count == 2)
        #expect(Screen.render(s).grid.trimmedText.contains("第 1/2 对"))
        // Leaving and coming back keeps the queue (no second run); r runs it again.
        #expect(Fixture.keys(&s, [.escape]).isEmpty && s.pane == .list)
        #expect(Fixture.keys(&s, [.char("D")]).isEmpty && s.pane == .duplicates)
        #expect(Fixture.keys(&s, [.char("r")]) == [.findDuplicates(generation: 2)])
    }

    @Test func theCommandLineOpensItToo() {
        var s = DuplicatesFixture.state()
        Fixture.keys(&s, [.char(":")]); Fixture.type(&s, "duplicates")
        #expect(Fixture.keys(&s, [.enter]) == [.findDuplicates(generation: 1)])
    }

    @Test func fieldChoicesBecomeTheMergePlanOfKehuMerge() throws {
        var s = DuplicatesFixture.state()
        DuplicatesFixture.opened(&s)
        // C1 has more history, so it is kept by default.
        guard let (review, choice) = Reducer.currentReview(s) else { Issue.record("no pair"); return }
        #expect(choice.survivor == "C1" && review.right.id == "C5")
        let rows = Reducer.mergeRows(s)
        #expect(rows.prefix(3).map(\.key) == ["name", "contacts", "phone"])
        #expect(rows.first { $0.key == "phone" }?.kept == .left)
        // C1 has no address: C5's is taken without asking.
        #expect(rows.first { $0.key == "address" }?.kept == .right)
        #expect(rows.first { $0.key == "counts" }?.right == "交易 1 笔 · 联系 1 条")

        DuplicatesFixture.focus(&s, "phone")
        Fixture.keys(&s, [.right])
        DuplicatesFixture.focus(&s, "owner")
        Fixture.keys(&s, [.char("l")])
        DuplicatesFixture.focus(&s, "address")
        Fixture.keys(&s, [.char("h")])                       // keep C1's empty address
        #expect(Reducer.mergeRows(s).first { $0.key == "phone" }?.kept == .right)
        let effects = Fixture.keys(&s, [.char("m")])
        let expected = try MergePlan(survivor: "C1", absorbed: "C5", choices: ["phone": .absorbed, "owner": .absorbed, "address": .survivor])
            .changes(s.snapshot)
        #expect(effects == [.commit(expected)])
        guard case .commit(let changes)? = effects.first else { return }
        let update = changes.first { $0.entity == "customer" && $0.op == .update }
        #expect(update?.fields["phone"] == "020 3888 8888" && update?.fields["owner"] == "bob")
        #expect(update?.fields["address"] == nil && update?.fields["postcode"] == "510620")
        #expect(changes.contains { $0.entity == "transaction" && $0.fields["customer"] == "C1" })
        #expect(changes.contains { $0.entity == "customer" && $0.op == .delete && $0.id == "C5" })

        try DuplicatesFixture.commit(&s, effects)
        #expect(s.message?.text == "已将 C5 合并到 C1(M1);撤销:u 或 kehu unmerge M1")
        #expect(s.snapshot.customers["C5"] == nil && s.snapshot.transactions(of: "C1").count == 3)
        // The decided pair left the queue; the next one is on screen.
        #expect(s.duplicates.pairs.map(\.id1) == ["C3"] && s.duplicates.current?.id2 == "C6")

        // u undoes it through UnmergePlan; the pair comes back for another look.
        let undo = Fixture.keys(&s, [.char("u")])
        guard case .commit(let back)? = undo.first else { Issue.record("no unmerge"); return }
        #expect(back.contains { $0.entity == "customer" && $0.op == .create && $0.id == "C5" })
        try DuplicatesFixture.commit(&s, undo)
        #expect(s.message?.text == "已撤销 M1:C5 已恢复")
        #expect(s.snapshot.customers["C5"]?.phone == "020 3888 8888" && s.snapshot.customers["C1"]?.phone == "020-38888888")
        #expect(s.duplicates.pairs.count == 2)
    }

    /// Whatever the choices, the merged customer has, on every line with a choice, the value marked ●.
    @Test(arguments: [false, true])
    func theMarkedValuesAreWhatTheMergeKeeps(_ swap: Bool) throws {
        var s = DuplicatesFixture.state()
        DuplicatesFixture.opened(&s)
        if swap { Fixture.keys(&s, [.char("s")]) }
        DuplicatesFixture.focus(&s, "owner"); Fixture.keys(&s, [.right])
        DuplicatesFixture.focus(&s, "credit"); Fixture.keys(&s, [.right])
        let rows = Reducer.mergeRows(s).filter(\.pickable)
        #expect(rows.count >= 5)
        let survivor = try #require(Reducer.currentReview(s)?.choice.survivor)
        try DuplicatesFixture.commit(&s, Fixture.keys(&s, [.char("m")]))
        let merged = try #require(s.snapshot.customers[survivor])
        for row in rows {
            let field = try #require(CustomerField(rawValue: row.key))
            #expect(DetailModel.fieldText(merged, field, s.snapshot, .zh) == (row.kept == .left ? row.left : row.right), "\(row.key)")
        }
    }

    @Test func swappingTheSurvivorKeepsExplicitPicks() {
        var s = DuplicatesFixture.state()
        DuplicatesFixture.opened(&s)
        DuplicatesFixture.focus(&s, "name")
        Fixture.keys(&s, [.left])                            // C1's name, whoever survives
        Fixture.keys(&s, [.char("s")])
        guard let (review, choice) = Reducer.currentReview(s) else { Issue.record("no pair"); return }
        #expect(choice.survivor == "C5")
        let plan = MergeRows.plan(review, choice: choice)
        #expect(plan.survivor == "C5" && plan.absorbed == "C1" && plan.choices == ["name": .absorbed])
        #expect(Screen.render(s).grid.trimmedText.contains("C5 · 保留"))
    }

    @Test func notADuplicateIsJournaledAndRemembered() throws {
        var s = DuplicatesFixture.state()
        DuplicatesFixture.opened(&s)
        Fixture.keys(&s, [.pageDown])                        // skip to the second pair
        #expect(s.duplicates.current?.id2 == "C6")
        Fixture.keys(&s, [.pageUp, .char("]")])
        #expect(s.duplicates.current?.id2 == "C6")
        let effects = Fixture.keys(&s, [.char("n")])
        #expect(effects == [.commit([DedupDecision.markDistinct("C3", "C6")])])
        try DuplicatesFixture.commit(&s, effects)
        #expect(s.message?.text == "已记住:C3 与 C6 不是同一客户")
        #expect(s.duplicates.pairs.map(\.id2) == ["C5"] && s.duplicates.index == 0)
        #expect(DedupDecision.distinctPairs(s.snapshot).contains("C3|C6"))
        // A new dedup run that still scores the pair does not bring it back.
        _ = Fixture.keys(&s, [.char("r")])
        _ = Reducer.reduce(&s, .duplicatesFound(DuplicatesFixture.scan(generation: s.duplicates.generation)))
        #expect(s.duplicates.pairs.map(\.id2) == ["C5"])
    }

    @Test func lineWithNothingToChooseSaysSo() {
        var s = DuplicatesFixture.state()
        DuplicatesFixture.opened(&s)
        DuplicatesFixture.focus(&s, "contacts")
        #expect(Fixture.keys(&s, [.right]).isEmpty)
        #expect(s.message?.text.hasPrefix("这一行不用选择") == true)
    }

    @Test func maskedValuesAreNeverWrittenBack() {
        // Team mode: C5 belongs to someone else and its phone arrives masked.
        var extra = DuplicatesFixture.extra
        extra[0] = .create(.customer, ["name": "广州市人易软件技术有限责任公司", "phone": "020****8888", "owner": "bob"])
        var s = Fixture.state(snapshot: Fixture.snapshot(extra: extra))
        DuplicatesFixture.opened(&s)
        #expect(Fixture.keys(&s, [.char("m")]).isEmpty)
        #expect(s.message?.isError == true && s.message?.text == "无法合并:C5 的“电话”对你是隐藏的(请管理员或负责人合并)")
        #expect(s.snapshot.customers["C5"] != nil)
    }

    @Test func realDedupOnTheDemoFindsPlantedPairsAndMerges() throws {
        var gen = DemoGenerator(seed: 1, customers: 300, today: LocalDate("2026-11-25")!)
        var snap = Snapshot()
        var seq: Int64 = 0
        for e in DictionarySeed.entries { seq += 1; try snap.apply(JournalEntry(seq: seq, at: Fixture.now, by: "t", change: .create(.dictionary, id: e.id, e.fieldValues))) }
        for batch in gen.batches() { for c in batch { seq += 1; try snap.apply(JournalEntry(seq: seq, at: Fixture.now, by: "t", change: c)) } }
        var s = Fixture.state(snapshot: snap)
        let effects = Fixture.keys(&s, [.char("D")])
        guard case .findDuplicates(let g)? = effects.first else { Issue.record("no dedup effect"); return }
        _ = Reducer.reduce(&s, .duplicatesFound(DuplicateScan.run(s.snapshot, generation: g)))
        let planted = Set(gen.plantedDuplicates.map { DedupDecision.key($0.0, $0.1) })
        #expect(!planted.isEmpty && planted.isSubset(of: Set(s.duplicates.pairs.map(\.key))))
        let n = s.duplicates.pairs.count
        let first = try #require(s.duplicates.current)
        try DuplicatesFixture.commit(&s, Fixture.keys(&s, [.char("m")]))
        #expect(s.duplicates.pairs.count == n - 1 && !s.duplicates.pairs.contains(first))
        #expect(s.snapshot.customers[first.id1] == nil || s.snapshot.customers[first.id2] == nil)
    }
}
