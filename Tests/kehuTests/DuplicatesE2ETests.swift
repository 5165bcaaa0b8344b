import Foundation
import Testing
import KehuCore
import KehuStore

/// The duplicates review pane driven through tmux: merge a planted duplicate,
/// mark the next pair distinct, then check with `kehu show`, the journal and
/// `kehu dedup`, and undo the merge with `kehu unmerge`.
@Suite(.serialized) struct DuplicatesE2ETests {
    @Test func mergeInTheWorkstationThenUnmergeFromTheCommandLine() throws {
        guard Tmux.available else { print("skipped: tmux is not installed"); return }
        let dir = temporaryFolder("dups")
        let demo = try KehuBinary.run(["demo", "--store", dir, "--customers", "300", "--no-open"])
        #expect(demo.status == 0, "\(demo.stderr)")
        let tmux = Tmux()
        defer { tmux.kill() }
        try tmux.start("env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color KEHU_STORE='\(dir)' '\(KehuBinary.path)' --lang en",
                       width: 100, height: 30)
        try tmux.wait(for: "300/300 customers")

        try tmux.keys("D")
        let pane = try tmux.wait(for: "Pair 1 of")
        // The header names the kept and the merged-in customer: "C12 · keep …  C13 · merge in".
        func id(before marker: String, in screen: String) -> String? {
            guard let r = screen.range(of: #"C\d+ · "# + marker, options: .regularExpression) else { return nil }
            return String(screen[r].prefix { $0 != " " })
        }
        let survivor = try #require(id(before: "keep", in: pane), "\(pane)")
        let absorbed = try #require(id(before: "merge in", in: pane), "\(pane)")
        let before = try FileStore(path: dir).snapshot
        let moved = before.transactionsByCustomer[absorbed]?.count ?? 0
        let kept = before.transactionsByCustomer[survivor]?.count ?? 0

        try tmux.keys("m")
        let merged = try tmux.wait(for: "Merged \(absorbed) into \(survivor) as M1; undo: u, or kehu unmerge M1")
        #expect(!merged.contains("Pair 1 of 1 "))

        // The next pair is not a duplicate: remembered, so dedup never lists it again.
        let next = try tmux.screen()
        let a = try #require(id(before: "keep", in: next)), b = try #require(id(before: "merge in", in: next))
        try tmux.keys("n")
        try tmux.wait(for: "Noted:")
        try tmux.keys("q")
        #expect(try tmux.waitForExit() == 0)

        // kehu show and the journal agree: one batch, a merge record, the history moved.
        #expect(try KehuBinary.run(["show", absorbed, "--store", dir]).status != 0)
        let shown = try KehuBinary.run(["show", survivor, "--store", dir, "--format", "json"])
        #expect(shown.status == 0, "\(shown.stderr)")
        let store = try FileStore(path: dir)
        let record = try #require(store.snapshot.extras["merge"]?["M1"])
        #expect(record["survivor"] == .string(survivor) && record["absorbed"] == .string(absorbed))
        #expect((store.snapshot.transactionsByCustomer[survivor]?.count ?? 0) == kept + moved)
        let journal = try String(contentsOfFile: dir + "/journal.jsonl", encoding: .utf8)
        #expect(journal.contains(#""type":"dedup-distinct","id":"\#(DedupDecision.key(a, b))""#))
        let dedup = try KehuBinary.run(["dedup", "--store", dir, "--format", "csv"])
        #expect(!dedup.stdout.split(separator: "\n").contains { $0.contains(a) && $0.contains(b) })

        // kehu unmerge brings the merged-away customer back with its history.
        let undo = try KehuBinary.run(["unmerge", "M1", "--store", dir])
        #expect(undo.status == 0, "\(undo.stderr)")
        #expect(undo.stdout.contains("\(absorbed) is back"))
        #expect(try KehuBinary.run(["show", absorbed, "--store", dir]).status == 0)
        let after = try FileStore(path: dir).snapshot
        #expect((after.transactionsByCustomer[absorbed]?.count ?? 0) == moved)
        #expect(after.customers[survivor]?.fieldValues == before.customers[survivor]?.fieldValues.merging(["updatedAt": after.customers[survivor]!.fieldValues["updatedAt"]!]) { $1 })
    }
}
