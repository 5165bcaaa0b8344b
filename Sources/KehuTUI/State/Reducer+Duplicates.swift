import KehuCore

/// The duplicates review pane's commands. Every write goes through
/// `Effect.commit` like the forms', built by KehuCore's `MergePlan`,
/// `UnmergePlan` and `DedupDecision` — the same code as `kehu merge`,
/// `kehu unmerge` and `kehu not-duplicate`.
extension Reducer {
    /// The pair on screen, laid out against the current snapshot, with the user's choice for it.
    static func currentReview(_ s: AppState) -> (review: DedupReview, choice: DuplicatesState.Choice)? {
        guard s.duplicates.phase == .ready, let p = s.duplicates.current, let r = DedupReview(pair: p, snapshot: s.snapshot) else { return nil }
        var choice = s.duplicates.choices[p.key] ?? MergeRows.initialChoice(r)
        if choice.survivor != r.left.id && choice.survivor != r.right.id { choice = MergeRows.initialChoice(r) }
        return (r, choice)
    }

    static func mergeRows(_ s: AppState) -> [MergeRow] {
        guard let (r, c) = currentReview(s) else { return [] }
        return MergeRows.rows(r, choice: c, snapshot: s.snapshot, lang: s.lang)
    }

    /// Asks for a dedup run in the background; its result arrives as `.duplicatesFound`.
    static func findDuplicates(_ s: inout AppState) -> [Effect] {
        s.duplicates.generation += 1
        s.duplicates.phase = .finding
        s.duplicates.pairs = []
        s.duplicates.index = 0; s.duplicates.row = 0; s.duplicates.scroll = 0
        return [.findDuplicates(generation: s.duplicates.generation)]
    }

    static func duplicatesFound(_ s: inout AppState, _ scan: DuplicateScan) {
        guard scan.generation == s.duplicates.generation, s.duplicates.phase == .finding else { return }
        s.duplicates.phase = .ready
        s.duplicates.pairs = scan.pairs
        s.duplicates.records = scan.records
        s.duplicates.compared = scan.compared
        s.duplicates.index = 0; s.duplicates.row = 0; s.duplicates.scroll = 0
        // Decisions made (here or by others) while dedup ran.
        s.duplicates.prune(s.snapshot)
    }

    static func performDuplicates(_ s: inout AppState, _ id: CommandID) -> [Effect] {
        switch id {
        case .paneDuplicates:
            s.showHelp = false
            s.pane = .duplicates
            if s.duplicates.phase == .idle { return findDuplicates(&s) }
        case .dupRescan:
            if s.duplicates.phase == .finding { s.message = (s.t(.dupBusy), false); break }
            return findDuplicates(&s)
        case .dupNext, .dupPrev:
            let n = s.duplicates.pairs.count
            guard n > 0 else { break }
            s.duplicates.index = max(0, min(n - 1, s.duplicates.index + (id == .dupNext ? 1 : -1)))
            s.duplicates.row = 0; s.duplicates.scroll = 0
        case .dupTakeLeft, .dupTakeRight:
            guard let (r, c) = currentReview(s) else { break }
            let rows = MergeRows.rows(r, choice: c, snapshot: s.snapshot, lang: s.lang)
            guard rows.indices.contains(s.duplicates.row) else { break }
            let row = rows[s.duplicates.row]
            guard row.pickable else { s.message = (s.t(.dupNotPickable), false); break }
            var choice = c
            choice.picks[row.key] = id == .dupTakeLeft ? r.left.id : r.right.id
            s.duplicates.choices[r.pair.key] = choice
        case .dupSurvivor:
            guard let (r, c) = currentReview(s) else { break }
            var choice = c
            choice.survivor = c.survivor == r.left.id ? r.right.id : r.left.id
            s.duplicates.choices[r.pair.key] = choice
        case .dupMerge:
            return merge(&s)
        case .dupDistinct:
            guard s.duplicates.pending == nil, let (r, _) = currentReview(s) else { break }
            s.duplicates.pending = .distinct(r.left.id, r.right.id)
            return [.commit([DedupDecision.markDistinct(r.left.id, r.right.id)])]
        case .dupUndo:
            guard s.duplicates.pending == nil else { break }
            guard let last = s.duplicates.lastMerge else { s.message = (s.t(.dupNothingToUndo), true); break }
            var plan = UnmergePlan(mergeId: last.id)
            do {
                let changes = try plan.changes(s.snapshot)
                s.duplicates.pending = .unmerge(mergeId: last.id, restored: last.absorbed, pair: last.pair)
                return [.commit(changes)]
            } catch {
                s.message = (s.t(.saveFailed, "\(error)"), true)
            }
        default:
            break
        }
        return []
    }

    /// Builds the merge from the pane's choices and asks for its commit — unless
    /// it would write a masked value (team mode), which the pane refuses.
    static func merge(_ s: inout AppState) -> [Effect] {
        guard s.duplicates.pending == nil, let (r, c) = currentReview(s) else { return [] }
        let plan = MergeRows.plan(r, choice: c)
        let changes: [Change]
        do { changes = try plan.changes(s.snapshot) } catch {
            s.message = (s.t(.saveFailed, "\(error)"), true)
            return []
        }
        if let field = MergeRows.maskedField(changes) {
            let absorbed = r.left.id == plan.absorbed ? r.left : r.right
            let whose = absorbed.fieldValues[field]?.stringValue.map(AccessPolicy.looksMasked) == true ? plan.absorbed : plan.survivor
            let label = CustomerField(rawValue: field)?.label.text(s.lang) ?? field
            s.message = (s.t(.dupMasked, whose, label), true)
            return []
        }
        let mergeId = changes.last { $0.entity == MergePlan.entity }?.id ?? "?"
        s.duplicates.pending = .merge(survivor: plan.survivor, absorbed: plan.absorbed, mergeId: mergeId, pair: r.pair)
        s.message = (s.t(.dupMerging), false)
        return [.commit(changes)]
    }

    /// Reports a commit this pane asked for (the snapshot is already loaded and the queue pruned).
    static func duplicatesCommitted(_ s: inout AppState) {
        guard let p = s.duplicates.pending else { return }
        s.duplicates.pending = nil
        switch p {
        case let .merge(survivor, absorbed, mergeId, pair):
            s.message = (s.t(.dupMerged, absorbed, survivor, mergeId), false)
            s.duplicates.lastMerge = (mergeId, absorbed, pair)
            s.duplicates.choices[pair.key] = nil
        case let .distinct(a, b):
            s.message = (s.t(.dupDistinctNoted, a, b), false)
        case let .unmerge(mergeId, restored, pair):
            s.message = (s.t(.dupUnmerged, mergeId, restored), false)
            s.duplicates.lastMerge = nil
            // The pair is back for another look, where it was.
            if let pair, s.duplicates.phase == .ready, !s.duplicates.pairs.contains(pair),
               s.snapshot.customers[pair.id1] != nil, s.snapshot.customers[pair.id2] != nil {
                s.duplicates.pairs.insert(pair, at: min(s.duplicates.index, s.duplicates.pairs.count))
                s.duplicates.index = min(s.duplicates.index, s.duplicates.pairs.count - 1)
            }
        }
        s.duplicates.row = 0; s.duplicates.scroll = 0
    }

    /// Keeps the field cursor and scroll inside the pair's rows.
    static func settleDuplicates(_ s: inout AppState, _ layout: Layout) {
        let count = mergeRows(s).count
        var d = s.duplicates
        d.row = max(0, min(d.row, count - 1))
        let visible = max(1, layout.main.height - Duplicates.headerLines)
        if d.row < d.scroll { d.scroll = d.row }
        if d.row >= d.scroll + visible { d.scroll = d.row - visible + 1 }
        d.scroll = max(0, min(d.scroll, max(0, count - visible)))
        s.duplicates = d
    }
}
