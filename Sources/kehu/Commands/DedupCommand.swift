import ArgumentParser
import Foundation
import KehuCore
import KehuStore

/// `kehu dedup`: likely duplicate customers, best first.
struct DedupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedup", abstract: "List likely duplicate customers (probabilistic record linkage).",
        discussion: """
        Compares customers that share a blocking key (phone, email, name tokens, postcode), scores each \
        pair with a Fellegi-Sunter model whose weights are learned from this store by EM, and prints pairs \
        at or above --threshold: id_1, id_2 (external ids where present), score (probability of being the \
        same customer), and the fields that agreed (~ marks similar-but-not-equal). See docs/dedup.md.

        Merge a pair with: kehu merge ID ID; mark it distinct with: kehu not-duplicate ID ID.
        """)

    @Option(help: ArgumentHelp("Fields to compare (default: name,contacts,phone,email,address,postcode); any field or custom.NAME.", valueName: "F1,F2,…"))
    var fields: String?
    @Option(help: "Lowest score to report, 0–1.") var threshold = 0.9
    @Option(help: "table, csv or json.") var format: OutputFormat = .table
    @Option(help: "At most this many pairs.") var limit: Int?
    @Flag(help: "Also print the learned model (m, u and weights per field and level) on stderr.") var explain = false
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        guard (0...1).contains(threshold) else { throw ValidationError("--threshold: a probability between 0 and 1") }
        var chosen = DedupField.defaults
        if let fields {
            chosen = try fields.split(separator: ",").map { name in
                guard let f = DedupField.named(String(name)) else {
                    throw ValidationError("--fields: unknown field '\(name)'; use name, contacts, phone, email, address, postcode, a customer field or custom.NAME")
                }
                return f
            }
        }
        let store = try storeOptions.open()
        let result = Deduplicator(fields: chosen, threshold: threshold).run(store.snapshot)
        if explain { FileHandle.standardError.write(Data(DedupCommand.describe(result).utf8)) }
        var pairs = result.pairs
        if let limit { pairs = Array(pairs.prefix(limit)) }
        let rows = pairs.map { p in
            [p.label1, p.label2, String(format: "%.3f", p.score), (p.agreeing + p.similar.map { $0 + "~" }).joined(separator: " ")]
        }
        print(Table(columns: ["id_1", "id_2", "score", "agreeing"], rows: rows).render(format), terminator: "")
        if format == .table {
            FileHandle.standardError.write(Data("kehu: \(result.pairs.count) likely duplicate pairs among \(result.records) customers (\(result.candidates) pairs compared)\n".utf8))
        }
    }

    static func describe(_ r: DedupResult) -> String {
        let m = r.model
        var out = "model: λ = \(String(format: "%.4f", m.lambda)) (share of compared pairs that are duplicates), \(m.iterations) EM iterations\n"
        for f in m.fields.indices {
            let levels = m.m[f].indices.map { l in
                String(format: "L%d m=%.3f u=%.4f w=%+.1f", l, m.m[f][l], m.u[f][l], m.weight(field: f, level: Int8(l)))
            }
            out += "  \(m.fields[f]): " + levels.joined(separator: "  ") + "\n"
        }
        return out
    }
}

/// `kehu merge SURVIVOR OTHER`.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge", abstract: "Merge a duplicate customer into another (reversible with kehu unmerge).",
        discussion: """
        The second customer's contacts, transactions and interactions move to the first, which keeps its
        values and takes the second's where its own are empty (tags are united); the second is deleted.
        --prefer FIELD=ID takes a field from either record (--prefer all=ID: every field that ID has).
        Everything is one journaled batch; kehu unmerge MERGE_ID undoes it.
        """)

    @Argument(help: "The customer to keep (id or external id).") var survivor: String
    @Argument(help: "The duplicate to merge into it.") var other: String
    @Option(help: ArgumentHelp("Take FIELD from record ID (repeatable; FIELD may be all).", valueName: "FIELD=ID")) var prefer: [String] = []
    @Option(help: "A note kept with the merge.") var note: String?
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        var plan: MergePlan?
        let entries = try store.commit { snapshot in
            let (e1, s) = try RecordRef.resolve(survivor, in: snapshot)
            let (e2, a) = try RecordRef.resolve(other, in: snapshot)
            guard e1 == .customer, e2 == .customer else { throw Failure("merge: both ids must be customers") }
            var p = MergePlan(survivor: s, absorbed: a)
            for pref in prefer {
                guard let eq = pref.firstIndex(of: "=") else { throw Failure("--prefer \(pref): expected FIELD=ID") }
                let field = String(pref[..<eq]), who = try RecordRef.resolve(String(pref[pref.index(after: eq)...]), in: snapshot).1
                guard who == s || who == a else { throw Failure("--prefer \(pref): \(who) is neither \(s) nor \(a)") }
                let side: MergePlan.Side = who == s ? .survivor : .absorbed
                if field == "all" {
                    for k in snapshot.customers[who]!.fieldValues.keys { p.choices[k] = side }
                } else {
                    guard let key = field.hasPrefix("custom.") ? field : CustomerField.named(field)?.rawValue else { throw Failure("--prefer \(pref): unknown field \(field)") }
                    p.choices[key] = side
                }
            }
            plan = p
            return try p.changes(snapshot, note: note)
        }
        guard let plan, let record = entries.last(where: { $0.change.entity == MergePlan.entity }) else { return }
        let moved = entries.filter { $0.change.event == "merge" && $0.change.op == .update && $0.change.entity != "customer" }.count
        print("merged \(plan.absorbed) into \(plan.survivor) as \(record.change.id ?? "?") (\(moved) records moved); undo with: kehu unmerge \(record.change.id ?? "?")")
    }
}

/// `kehu unmerge MERGE_ID`.
struct UnmergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unmerge", abstract: "Undo a merge (kehu merge, or the review queue).")

    @Argument(help: "The merge id (M1, M2, …) that kehu merge printed.") var mergeId: String
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        var plan = UnmergePlan(mergeId: mergeId.uppercased())
        let entries = try store.commit { snapshot in try plan.changes(snapshot) }
        let restored = entries.first { $0.change.entity == "customer" && $0.change.op == .create }?.change.id ?? "?"
        print("undid \(plan.mergeId): \(restored) is back")
        if !plan.keptEdits.isEmpty { warn("kept later edits of \(plan.keptEdits.joined(separator: ", ")) on the surviving customer") }
    }
}

/// `kehu not-duplicate ID ID`: remember that two customers are different.
struct NotDuplicateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "not-duplicate", abstract: "Mark two customers as different, so kehu dedup skips the pair.")

    @Argument(help: "A customer id or external id.") var first: String
    @Argument(help: "The other customer.") var second: String
    @Option(help: "Why (kept with the decision).") var note: String?
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        try store.commit { snapshot in
            let a = try RecordRef.resolve(first, in: snapshot).1, b = try RecordRef.resolve(second, in: snapshot).1
            guard snapshot.extras[DedupDecision.distinctEntity]?[DedupDecision.key(a, b)] == nil else { return [] }
            return [DedupDecision.markDistinct(a, b, note: note)]
        }
        print("noted: \(first) and \(second) are different customers")
    }
}
