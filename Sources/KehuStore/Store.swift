import KehuCore

/// A Kehu store: the journal is the truth, the snapshot is its fold.
///
/// Everything above this protocol (the CLI, the workstation, reports) talks to a
/// store only through it, so another backend (a socket to `kehu serve`,
/// PostgreSQL) changes nothing above. `StoreConformance` in the tests is the
/// suite every backend must pass.
public protocol Store: AnyObject {
    /// The Unix login this store acts for (never taken from a flag or the environment).
    var user: String { get }
    /// The state as of the last `refresh()` or `commit`.
    var snapshot: Snapshot { get }
    /// The store's settings (`config.toml` in the store folder).
    var config: StoreConfig { get }

    /// Reads what other processes committed since the last call.
    /// - Returns: true when the snapshot changed.
    @discardableResult func refresh() throws -> Bool

    /// Writes a batch of changes atomically: all are checked against the latest
    /// state (after catching up with other writers) and then appended and synced
    /// together, or none is. `build` runs under the store's write lock with that
    /// latest snapshot, so it can allocate ids and resolve references safely;
    /// creates whose id is nil get the next free id.
    /// - Returns: the committed entries, ids filled in.
    /// - Throws: `StoreError.rejected` with every problem when any change is invalid
    ///   or conflicts (nothing is written), or an I/O error.
    @discardableResult func commit(_ build: (Snapshot) throws -> [Change]) throws -> [JournalEntry]

    /// `commit(_:)` for a batch whose field values `build` has already checked
    /// with `FieldChecker` on the very snapshot it is given (the importer does,
    /// row by row, to report FILE:LINE: FIELD). The store then checks only ids,
    /// versions and existence, not every value a second time. A backend that
    /// cannot trust its caller (`kehu serve`'s clients) checks everything anyway.
    @discardableResult func commit(fieldsChecked: Bool, _ build: (Snapshot) throws -> [Change]) throws -> [JournalEntry]

    /// Writes record batches as ONE atomic unit (a multi-file import): each `build`
    /// runs under the write lock with the state after the batches before it (so a
    /// transactions file can name customers the customers file creates). Changes
    /// are checked as in `commit(fieldsChecked:_:)`; typed creates get the next
    /// free ids and are checked for their customer.
    /// - Returns: the batches as written, ids filled in.
    @discardableResult func commitBatches(fieldsChecked: Bool, _ builds: [(Snapshot) throws -> RecordBatch]) throws -> [RecordBatch]

    /// Journal entries with `seq > after`, oldest first (history, audit, sync).
    func entries(after seq: Int64) throws -> [JournalEntry]
}

extension Store {
    /// By default a store checks every value (see the requirement).
    @discardableResult public func commit(fieldsChecked: Bool, _ build: (Snapshot) throws -> [Change]) throws -> [JournalEntry] {
        try commit(build)
    }

    /// The general form of `commitBatches`: every record as a `Change` in one
    /// commit. Ids are given here, on a copy of the state, so that each build sees
    /// the records of the builds before it; the store still checks everything.
    @discardableResult public func commitBatches(fieldsChecked: Bool, _ builds: [(Snapshot) throws -> RecordBatch]) throws -> [RecordBatch] {
        var done: [RecordBatch] = []
        try commit(fieldsChecked: fieldsChecked) { snapshot in
            var working = snapshot
            var all: [Change] = []
            done = []
            for build in builds {
                var batch = try build(working)
                do throws(ChangeError) { try working.apply(&batch, at: .now, by: user) } catch { throw StoreError.rejected([error]) }
                let typed = batch.allChanges().dropFirst(batch.changes.count)
                let ids = batch.transactions.map(\.id) + batch.interactions.map(\.id)
                all += batch.changes
                all += zip(typed, ids).map { c, id in var c = c; c.id = id; return c }
                done.append(batch)
            }
            return all
        }
        return done
    }

    /// Commits a fixed batch of changes (see `commit(_:)`).
    @discardableResult public func commit(_ changes: [Change]) throws -> [JournalEntry] {
        try commit { _ in changes }
    }

    /// Commits one change and returns its entry.
    @discardableResult public func commit(_ change: Change) throws -> JournalEntry {
        try commit([change])[0]
    }
}
