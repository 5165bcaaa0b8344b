import Foundation
import Testing
import KehuCore
import KehuStore

@Suite("Merge and unmerge")
struct MergeTests {
    func store() throws -> FileStore { try demoFileStore("merge", seed: 4, customers: 60, chunk: 30) }

    /// Everything about a customer that a merge and its undo must restore (not versions or timestamps).
    func state(_ s: Snapshot, _ id: String) -> [String] {
        var f = s.customers[id]?.fieldValues ?? [:]
        f["updatedAt"] = nil
        return [f.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "|"),
                (s.contactsByCustomer[id] ?? []).sorted().joined(separator: ","),
                (s.transactionsByCustomer[id] ?? []).sorted().joined(separator: ","),
                (s.interactionsByCustomer[id] ?? []).sorted().joined(separator: ",")]
    }

    @Test func mergeMovesChildrenAndUnmergeRestores() throws {
        let s = try store()
        let before = s.snapshot
        let c1 = before.customers["C1"]!, c2 = before.customers["C2"]!
        let total = before.metrics(of: "C1").total + before.metrics(of: "C2").total
        try s.commit { snap in try MergePlan(survivor: "C1", absorbed: "C2", choices: ["phone": .absorbed]).changes(snap, note: "same company") }
        let merged = s.snapshot
        #expect(merged.customers["C2"] == nil)
        #expect(merged.customers["C1"]?.phone == (c2.phone ?? c1.phone))
        #expect(merged.metrics(of: "C1").total == total)
        #expect(Set(merged.contactsByCustomer["C1"] ?? []) == Set((before.contactsByCustomer["C1"] ?? []) + (before.contactsByCustomer["C2"] ?? [])))
        let mergeId = try #require(merged.extras[MergePlan.entity]?.keys.first)
        #expect(mergeId == "M1")
        // References to the merged-away external id now reach the survivor.
        if let ext = c2.externalId { #expect(MergeAlias.survivor(of: ext, in: merged) == "C1") }

        var undo = UnmergePlan(mergeId: mergeId)
        try s.commit { snap in try undo.changes(snap) }
        #expect(undo.keptEdits.isEmpty)
        let after = s.snapshot
        #expect(state(after, "C1") == state(before, "C1"))
        #expect(state(after, "C2") == state(before, "C2"))
        #expect(after.metrics(of: "C2") == before.metrics(of: "C2"))
        #expect(after.extras[MergePlan.entity]?[mergeId]?["status"] == "undone")
        #expect(throws: ChangeError.self) { var again = UnmergePlan(mergeId: mergeId); _ = try again.changes(after) }
        #expect(StoreChecker.check(path: s.path).ok)
    }

    @Test func unmergeKeepsLaterEdits() throws {
        let s = try store()
        try s.commit { snap in try MergePlan(survivor: "C3", absorbed: "C4", choices: ["name": .absorbed]).changes(snap) }
        let c3 = s.snapshot.customers["C3"]!
        try s.commit(.update(.customer, id: "C3", base: c3.version, ["name": "Edited after the merge"]))
        var undo = UnmergePlan(mergeId: "M1")
        try s.commit { snap in try undo.changes(snap) }
        #expect(undo.keptEdits == ["name"])
        #expect(s.snapshot.customers["C3"]?.name == "Edited after the merge")
        #expect(s.snapshot.customers["C4"] != nil)
    }

    @Test func notDuplicateIsRememberedAndReviewQueueIsBuilt() throws {
        let s = try store()
        let first = Deduplicator(threshold: 0.5).run(s.snapshot)
        let review = DedupReview.queue(s.snapshot, first)
        #expect(review.count == first.pairs.count)
        guard let r = review.first else { return }
        #expect(r.rows.contains { $0.field == "name" })
        try s.commit(DedupDecision.markDistinct(r.left.id, r.right.id, note: "two branches"))
        let second = Deduplicator(threshold: 0.5).run(s.snapshot)
        #expect(!second.pairs.contains { DedupDecision.key($0.id1, $0.id2) == DedupDecision.key(r.left.id, r.right.id) })
        let plan = r.mergePlan()
        #expect(plan.survivor == r.suggestedSurvivor && plan.absorbed != plan.survivor)
    }
}
