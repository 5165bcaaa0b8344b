#if canImport(Glibc)
import Glibc
#endif
import Foundation
import KehuCore

/// The plain-file store: a folder with `journal.jsonl` (the truth, append-only),
/// `snapshot.jsonl` (a derived cache for fast start), `config.toml` and `lock`.
///
/// Open: load the snapshot if it matches the journal, then replay the journal
/// from the snapshot's offset. Write: take the exclusive lock, catch up with
/// what others appended, check the batch against that state (versions →
/// conflicts), append it with one write, fsync, and only then report it saved.
/// Read others' changes: `refresh()` reads complete lines past the last offset.
/// A torn tail (a crash mid-append) is found under the lock, moved to
/// `journal.torn-<time>.jsonl` and reported in `warnings`, never applied or dropped.
public final class FileStore: Store {
    public let path: String
    public let user: String
    public private(set) var snapshot: Snapshot
    public private(set) var config: StoreConfig
    /// Problems found and handled on the way (torn tails set aside, a stale snapshot ignored).
    public private(set) var warnings: [String] = []

    /// Write a new snapshot when this many entries have accumulated past it
    /// (and at least a quarter of the records, so bulk loads stay linear).
    public var snapshotEvery = 20_000

    let journalPath: String
    let snapshotPath: String
    let lockPath: String
    private var journalFD: Int32 = -1
    private var lockFD: Int32 = -1
    private var journalInode: UInt64?
    private(set) var offset = 0
    private(set) var lineNumber = 1
    private var journalId = ""
    private var entriesSinceSnapshot = 0
    /// The entries the last `refresh()` (or catch-up before a commit) applied, for pushing to clients.
    public private(set) var lastReadEntries: [JournalEntry] = []
    /// Counts the times the journal file was found replaced (a privacy erasure's
    /// rewrite, a restore) and the state rebuilt: `kehu serve` then resets its
    /// clients instead of pushing entries, so erased values leave their memory too.
    public private(set) var generation = 0
    /// True while the initializer loads the store (see catchUp).
    private var loading = false
    /// True when the last read stopped at an incomplete tail.
    private(set) var hasTail = false

    public static let journalFile = "journal.jsonl"
    public static let snapshotFile = "snapshot.bin"
    public static let configFile = "config.toml"
    public static let lockFile = "lock"

    // MARK: - Creating and opening

    /// Creates an empty store in `path` (the folder may exist but must not hold a store),
    /// seeded with the system dictionary.
    @discardableResult
    public static func create(at path: String, user: String? = nil, now: Timestamp? = nil) throws -> FileStore {
        let fm = FileManager.default
        let journal = (path as NSString).appendingPathComponent(journalFile)
        if fm.fileExists(atPath: journal) { throw StoreError.io(path: path, message: "a store already exists here") }
        do { try fm.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
            throw StoreError.io(path: path, message: "cannot create folder: \(error.localizedDescription)")
        }
        let id = UUID().uuidString.lowercased()
        let at = now ?? Timestamp.now
        let header = "{\"format\":\"kehu-journal\",\"version\":1,\"journal\":\"\(id)\",\"created\":\"\(at)\"}\n"
        let configPath = (path as NSString).appendingPathComponent(configFile)
        if !fm.fileExists(atPath: configPath) { try FileIO.writeAtomically(configPath, Array(StoreConfig.template.utf8)) }
        try FileIO.writeAtomically((path as NSString).appendingPathComponent(lockFile), [])
        // The journal is created last and atomically: a folder with a journal is a store.
        try FileIO.writeAtomically(journal, Array(header.utf8))
        let store = try FileStore(path: path, user: user)
        let seed = DictionarySeed.entries.map { Change.create(.dictionary, id: $0.id, $0.fieldValues, event: "seed") }
        try store.commit(seed)
        return store
    }

    /// How much of the journal one read takes while catching up (see `catchUp`).
    let readWindow: Int

    /// Opens an existing store. `readWindow`: bytes of journal read at a time (tests make it small).
    public init(path: String, user: String? = nil, readWindow: Int = 64 << 20) throws {
        self.readWindow = max(1, readWindow)
        self.path = path
        self.user = user ?? FileIO.currentLogin()
        journalPath = (path as NSString).appendingPathComponent(FileStore.journalFile)
        snapshotPath = (path as NSString).appendingPathComponent(FileStore.snapshotFile)
        lockPath = (path as NSString).appendingPathComponent(FileStore.lockFile)
        snapshot = Snapshot()
        config = StoreConfig()
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue else {
            throw StoreError.notAStore(path: path, reason: "no such folder")
        }
        guard FileManager.default.fileExists(atPath: journalPath) else {
            throw StoreError.notAStore(path: path, reason: "no \(FileStore.journalFile)")
        }
        config = try FileStore.loadConfig(path)
        try openFiles()
        try load()
    }

    deinit {
        if journalFD >= 0 { close(journalFD) }
        if lockFD >= 0 { close(lockFD) }
    }

    static func loadConfig(_ dir: String) throws -> StoreConfig {
        let p = (dir as NSString).appendingPathComponent(configFile)
        guard let data = FileManager.default.contents(atPath: p) else { return StoreConfig() }
        guard let text = String(data: data, encoding: .utf8) else { throw StoreError.corrupt(path: p, line: 1, reason: "not UTF-8") }
        return try StoreConfig.parse(text, path: p)
    }

    private func openFiles() throws {
        if journalFD >= 0 { close(journalFD) }
        if let fd = try? FileIO.open(journalPath, O_RDWR | O_APPEND) { journalFD = fd } else { journalFD = try FileIO.open(journalPath, O_RDONLY) }
        journalInode = FileIO.inode(journalPath)
        if lockFD < 0 {
            // Readers of a store they cannot write still need the lock file to read consistently.
            if let fd = try? FileIO.open(lockPath, O_RDWR | O_CREAT, 0o664) { lockFD = fd } else { lockFD = try FileIO.open(lockPath, O_RDONLY) }
        }
    }

    /// Loads the snapshot (if it belongs to this journal) and replays the rest.
    private func load() throws {
        loading = true
        defer { loading = false }
        snapshot = Snapshot()
        offset = 0
        lineNumber = 1
        var upgrade = false
        var loaded: SnapshotFile.Loaded?
        do { loaded = try SnapshotFile.read(snapshotPath) } catch {
            // A damaged or foreign cache is not fatal: the journal is the truth. Say so, then replay.
            if FileManager.default.fileExists(atPath: snapshotPath) { warnings.append("\(error); rebuilt from the journal"); upgrade = true }
        }
        if let snap = loaded {
            if snap.journalOffset <= (try FileIO.size(journalFD, journalPath)), try journalHeaderId() == snap.journalId,
               try lineStartsAt(snap.journalOffset) {
                snapshot = snap.snapshot
                offset = snap.journalOffset
                lineNumber = snap.journalLine
                journalId = snap.journalId
                upgrade = snap.legacy
            } else {
                warnings.append("\(snapshotPath): does not match the journal; rebuilt from the journal")
                upgrade = true
            }
        }
        try catchUp(repairTail: false)
        if hasTail, flock(lockFD, LOCK_EX | LOCK_NB) == 0 {
            // No writer holds the lock, so the tail is not being written: it was torn by a crash.
            defer { FileIO.unlock(lockFD) }
            try catchUp(repairTail: true)
        }
        // A snapshot.jsonl of an older kehu, or a snapshot found bad, is replaced at once.
        if snapshotDue || upgrade { try? writeSnapshot() }
    }

    private func journalHeaderId() throws -> String? {
        let head = try FileIO.read(journalFD, journalPath, offset: 0, count: 512)
        guard let nl = head.firstIndex(of: 10) else { return nil }
        guard case .object(let o)? = try? JSONText.parse(String(decoding: head[..<nl], as: UTF8.self)) else { return nil }
        return o["journal"]?.stringValue
    }

    private func lineStartsAt(_ off: Int) throws -> Bool {
        if off == 0 { return true }
        return try FileIO.read(journalFD, journalPath, offset: off - 1, count: 1) == [10]
    }

    // MARK: - Reading others' changes

    /// Reads and applies complete units past `offset`. With `repairTail` (only
    /// under the exclusive lock, when no writer can be mid-append) an
    /// incomplete tail is set aside; without it, it is left for the next call.
    @discardableResult
    private func catchUp(repairTail: Bool) throws -> Bool {
        if let ino = FileIO.inode(journalPath), ino != journalInode {
            // The journal was replaced (restore, erasure rewrite): start over.
            try openFiles()
            snapshot = Snapshot(); offset = 0; lineNumber = 1
            generation += 1
        }
        let size = try FileIO.size(journalFD, journalPath)
        guard size > offset else { return false }
        var changed = false
        lastReadEntries = []
        // Units are applied as they are read (not collected first): a full replay stays lean.
        // While opening, nobody asks for lastReadEntries, so a full replay does not keep them.
        let read = try readUnits(from: offset, firstLine: lineNumber, size: size) { [self] line, entries in
            if !loading { lastReadEntries += entries }
            for (k, e) in entries.enumerated() {
                guard e.seq == snapshot.seq + 1 else {
                    throw StoreError.corrupt(path: journalPath, line: line + k, reason: "seq \(e.seq) does not follow \(snapshot.seq)")
                }
                do { try snapshot.apply(e) } catch {
                    throw StoreError.corrupt(path: journalPath, line: line + k, reason: "\(error)")
                }
                entriesSinceSnapshot += 1
                changed = true
            }
        }
        if let h = read.header { journalId = h["journal"]?.stringValue ?? "" }
        offset = read.end
        lineNumber += read.lines
        hasTail = read.tail != nil
        if let tail = read.tail, repairTail {
            try setAsideTail(line: tail.line, reason: tail.reason)
            hasTail = false
        }
        return changed
    }

    /// Reads the complete units of the journal from byte `start` (line `firstLine`) to `size`,
    /// handing each to `each`, in windows: a million customers make a 5 GB journal, and reading
    /// it whole doubled the memory of a replay. A window that ends inside a unit is read again
    /// from that unit's start; one too small for a whole unit (a bulk import) is doubled.
    /// - Returns: where the complete units end, how many lines they span, the journal header
    ///   (when `start` is 0), and an incomplete or unreadable tail at the end of the journal.
    private func readUnits(from start: Int, firstLine: Int, size: Int, each: (Int, [JournalEntry]) throws -> Void) throws
        -> (end: Int, lines: Int, header: [String: Value]?, tail: (line: Int, reason: String)?) {
        var pos = start, line = firstLine, window = readWindow
        var header: [String: Value]?
        while pos < size {
            let count = min(window, size - pos)
            let atEnd = pos + count >= size
            let bytes = try FileIO.read(journalFD, journalPath, offset: pos, count: count)
            let chunk = try withoutActuallyEscaping(each) { e in
                try JournalReader.read(bytes, firstLine: line, atStart: pos == 0, path: journalPath, each: e)
            }
            if let h = chunk.header { header = h }
            pos += chunk.consumed
            line += chunk.lines
            if let tail = chunk.tail {
                if atEnd { return (pos, line - firstLine, header, tail) }
                if chunk.consumed == 0 { window *= 2 }
            }
        }
        return (pos, line - firstLine, header, nil)
    }

    private func setAsideTail(line: Int, reason: String) throws {
        let size = try FileIO.size(journalFD, journalPath)
        let tail = try FileIO.read(journalFD, journalPath, offset: offset, count: size - offset)
        let aside = (path as NSString).appendingPathComponent("journal.torn-\(Timestamp.now.millis).jsonl")
        try FileIO.writeAtomically(aside, tail)
        if ftruncate(journalFD, off_t(offset)) != 0 { throw StoreError.io(path: journalPath, message: "truncate: " + FileIO.errnoText()) }
        try FileIO.sync(journalFD, journalPath)
        warnings.append("\(journalPath):\(line): \(reason); \(tail.count) bytes of an interrupted write set aside in \(aside)")
    }

    @discardableResult
    public func refresh() throws -> Bool {
        try catchUp(repairTail: false)
    }

    // MARK: - Writing

    @discardableResult
    public func commit(_ build: (Snapshot) throws -> [Change]) throws -> [JournalEntry] {
        try commit(as: user, build)
    }

    /// Commits on behalf of another login: `kehu serve` writes as the client
    /// the kernel identified, so the journal's `by` is the real author.
    @discardableResult
    public func commit(fieldsChecked: Bool, _ build: (Snapshot) throws -> [Change]) throws -> [JournalEntry] {
        try commit(as: user, fieldsChecked: fieldsChecked, build)
    }

    @discardableResult
    public func commit(as actor: String, fieldsChecked: Bool = false, _ build: (Snapshot) throws -> [Change]) throws -> [JournalEntry] {
        // One batch is a group of one: the same checks, the same single write and fsync.
        try withoutActuallyEscaping(build) { b in try commitGroup([(actor: actor, build: b)], fieldsChecked: fieldsChecked)[0].get() }
    }

    /// Commits several independent batches (from different clients of `kehu
    /// serve`) under one lock with one write and ONE fsync: group commit. Each
    /// batch succeeds or fails on its own; a refused one leaves no trace.
    /// - Returns: per batch, its entries or the error that refused it.
    /// `fieldsChecked`: see `Store.commit(fieldsChecked:_:)`.
    public func commitGroup(_ items: [(actor: String, build: (Snapshot) throws -> [Change])],
                            fieldsChecked: Bool = false) throws -> [Result<[JournalEntry], Error>] {
        try FileIO.lock(lockFD, lockPath, exclusive: true)
        defer { FileIO.unlock(lockFD) }
        try catchUp(repairTail: true)
        let now = Timestamp.now
        var working = snapshot
        var results: [Result<[JournalEntry], Error>] = []
        var units: [[JournalEntry]] = []
        for item in items {
            do {
                let entries = try FileStore.apply(try item.build(working), to: &working, at: now, by: item.actor, fieldsChecked: fieldsChecked)
                if !entries.isEmpty { units.append(entries) }
                results.append(.success(entries))
            } catch {
                results.append(.failure(error))
            }
        }
        guard !units.isEmpty else { return results }
        let lines = units.reduce(0) { $0 + $1.count + ($1.count > 1 ? 1 : 0) }
        let added = units.reduce(0) { $0 + $1.count }
        try append(lines: lines, entries: added, state: working) { write in try write(FileStore.encode(units)) }
        return results
    }

    /// Checks `changes` against `working` and applies them, giving creates without
    /// an id the next free one: all of them, or (throwing every problem) none.
    static func apply(_ changes: [Change], to working: inout Snapshot, at now: Timestamp, by actor: String,
                      fieldsChecked: Bool) throws -> [JournalEntry] {
        if changes.count == 1 {
            // One change: checked first, it is sure to apply, so no copy of the state is needed.
            var change = changes[0]
            if change.id == nil, change.op == .create, let entity = Entity(rawValue: change.entity), entity.idPrefix != nil {
                change.id = working.nextId(for: entity)
            }
            let problems = working.check(change, fields: !fieldsChecked)
            if !problems.isEmpty { throw StoreError.rejected(problems) }
            let entry = JournalEntry(seq: working.seq + 1, at: now, by: actor, change: change)
            try working.apply(entry)
            return [entry]
        }
        if changes.count >= 4_096, changes.allSatisfy({ $0.op == .create && $0.entity == "customer" && $0.id == nil }) {
            // An import's new customers: checked and built on all cores (`applyCustomerCreates`);
            // any problem sends them down the one-by-one path below, which reports it exactly.
            let first = (working.highestNumber["C"] ?? 0) + 1
            let numbered = changes.enumerated().map { k, c in var c = c; c.id = "C\(first + k)"; return c }
            // The checks read a copy of the state that is gone before the state changes (no copy-on-write).
            let clean = fieldsChecked || { (frozen: Snapshot) in
                Parallel.map(numbered.count) { FieldChecker(snapshot: frozen).check(numbered[$0]).isEmpty }.allSatisfy { $0 }
            }(working)
            let seq = working.seq
            if clean, working.applyCustomerCreates(numbered, firstSeq: seq + 1, at: now, by: actor) {
                return numbered.enumerated().map { k, c in JournalEntry(seq: seq + 1 + Int64(k), at: now, by: actor, change: c) }
            }
        }
        var trial = working
        var entries: [JournalEntry] = []
        var errors: [ChangeError] = []
        for var change in changes {
            if change.id == nil, change.op == .create, let entity = Entity(rawValue: change.entity), entity.idPrefix != nil {
                change.id = trial.nextId(for: entity)
            }
            let problems = trial.check(change, fields: !fieldsChecked)
            if !problems.isEmpty { errors += problems; continue }
            let entry = JournalEntry(seq: trial.seq + 1, at: now, by: actor, change: change)
            do { try trial.apply(entry) } catch { errors.append(error); continue }
            entries.append(entry)
        }
        if !errors.isEmpty { throw StoreError.rejected(errors) }
        working = trial
        return entries
    }

    /// Commits record batches as one unit: each `build` runs under the lock with
    /// the state after the batches before it; its changes are checked and applied
    /// as `commit` does, its typed creates get ids and are appended in bulk.
    /// One write, one fsync, at most one snapshot for all of them.
    @discardableResult
    public func commitBatches(fieldsChecked: Bool, _ builds: [(Snapshot) throws -> RecordBatch]) throws -> [RecordBatch] {
        try FileIO.lock(lockFD, lockPath, exclusive: true)
        defer { FileIO.unlock(lockFD) }
        try catchUp(repairTail: true)
        let now = Timestamp.now
        var working = snapshot
        var done: [(batch: RecordBatch, entries: [JournalEntry], firstSeq: Int64)] = []
        let early = EarlyWork()
        for build in builds {
            var batch = try build(working)
            let entries = batch.changes.isEmpty ? []
                : try FileStore.apply(batch.changes, to: &working, at: now, by: user, fieldsChecked: fieldsChecked)
            batch.changes = entries.map(\.change)
            working.assignIds(&batch)
            if let problem = working.checkCreates(batch) { throw StoreError.rejected([problem]) }
            let first = working.seq + 1
            if !entries.isEmpty {
                // Final now: this batch's change lines, and (while a snapshot will be due) the customer
                // part of it, are encoded on another core while the next batches are planned.
                let added = done.reduce(entries.count) { $0 + $1.batch.count + $1.entries.count }
                early.encodeLines(entries, as: done.count)
                let due = FileStore.snapshotDue(entries: entriesSinceSnapshot + added, of: working, every: snapshotEvery)
                early.encodeCustomers(due ? working : nil)
            }
            working.appendCreates(batch, firstSeq: first, by: user)
            done.append((batch, entries, first))
        }
        let total = done.reduce(0) { $0 + $1.batch.count }
        guard total > 0 else { return done.map(\.batch) }
        try append(lines: total + (total > 1 ? 1 : 0), entries: total, state: working, customers: early.customers) { write in
            var header = JournalLineWriter()
            if total > 1 { header.batchHeader(count: total) }
            try write(header.bytes)
            for (k, d) in done.enumerated() {
                try write(early.lines(k) ?? FileStore.encode([d.entries], header: false))
                try FileStore.encodeCreates(d.batch, firstSeq: d.firstSeq, at: now, by: user, into: write)
            }
        }
        return done.map(\.batch)
    }

    /// Work of a bulk commit done ahead on another core: the journal lines of
    /// each batch's changes, and the customer part of the snapshot after the
    /// last batch that changed customers or the dictionary (typed creates never do).
    private final class EarlyWork: @unchecked Sendable {
        private let queue = DispatchQueue(label: "kehu.early-work")
        private let lock = NSLock()
        private var encoded: [Int: [UInt8]] = [:]
        private var part: BinarySnapshot.Customers?
        private var generation = 0

        func encodeLines(_ entries: [JournalEntry], as k: Int) {
            queue.async { [self] in
                let bytes = FileStore.encode([entries], header: false)
                lock.withLock { encoded[k] = bytes }
            }
        }

        /// Replaces any customer part encoded before (a later batch changed what it holds);
        /// nil only drops it.
        func encodeCustomers(_ state: Snapshot?) {
            let g = lock.withLock { generation += 1; part = nil; return generation }
            guard let state else { return }
            queue.async { [self] in
                guard lock.withLock({ g == generation }) else { return }
                let p = BinarySnapshot.encodeCustomers(state)
                lock.withLock { if g == generation { part = p } }
            }
        }

        /// Wait for the work queued so far, then hand over its result.
        func lines(_ k: Int) -> [UInt8]? { queue.sync {}; return lock.withLock { encoded.removeValue(forKey: k) } }
        func customers() -> BinarySnapshot.Customers? { queue.sync {}; return lock.withLock { defer { part = nil }; return part } }
    }

    /// The journal lines of a batch's typed creates, encoded on all cores a few
    /// megabytes at a time and handed to `write` in order (a million lines are
    /// ~300 MB: never held whole).
    static func encodeCreates(_ batch: RecordBatch, firstSeq: Int64, at: Timestamp, by: String,
                              into write: ([UInt8]) throws -> Void) throws {
        let nt = batch.transactions.count
        try encodeLines(nt + batch.interactions.count, into: write) { w, r in
            let seq = firstSeq + Int64(r)
            if r < nt { w.append(transaction: batch.transactions[r], seq: seq, at: at, by: by, event: batch.event) }
            else { w.append(interaction: batch.interactions[r - nt], seq: seq, at: at, by: by, event: batch.event) }
        }
    }

    /// Appends committed lines (`lines` of them, `entries` entries, handed over in
    /// pieces by `encode`) that bring the state to `working`: written, then one
    /// fsync; if anything fails the journal is cut back to where it was. Then the
    /// new state is ours. When the write makes a snapshot due (a bulk import), the
    /// snapshot is encoded on another core meanwhile and installed only after the
    /// journal write succeeded. (Readers apply only complete units, so a unit
    /// written in several pieces is never seen half.)
    private func append(lines: Int, entries added: Int, state working: Snapshot, customers: (() -> BinarySnapshot.Customers?)? = nil,
                        _ encode: (_ write: ([UInt8]) throws -> Void) throws -> Void) throws {
        let before = offset
        let next = PendingSnapshot()
        let encoding = DispatchGroup()
        if FileStore.snapshotDue(entries: entriesSinceSnapshot + added, of: working, every: snapshotEvery) {
            let id = journalId
            // The customer part, when it was encoded ahead (waits for it if it is under way).
            nonisolated(unsafe) let part = customers?()
            DispatchQueue.global().async(group: encoding) { [working] in
                next.body = BinarySnapshot.encodeBody(working, journalId: id, customers: part)
            }
        }
        var written = 0
        do {
            try encode { piece in
                try FileIO.writeAll(journalFD, journalPath, piece)
                written += piece.count
            }
            try FileIO.sync(journalFD, journalPath)
        } catch {
            _ = ftruncate(journalFD, off_t(before))
            _ = fsync(journalFD)
            encoding.wait()
            throw error
        }
        offset = before + written
        lineNumber += lines
        snapshot = working
        entriesSinceSnapshot += added
        encoding.wait()
        if let body = next.body {
            let bytes = body.finish(journalOffset: offset, journalLine: lineNumber)
            if (try? SnapshotFile.install(bytes, at: snapshotPath)) != nil { entriesSinceSnapshot = 0 }
        }
    }

    /// The journal lines of `units`; a large unit (an import) is encoded on all cores.
    /// `header`: false for entries that are part of a larger unit whose header is written already.
    static func encode(_ units: [[JournalEntry]], header: Bool = true) -> [UInt8] {
        var w = JournalLineWriter()
        for u in units {
            if u.count > 1 && header { w.batchHeader(count: u.count) }
            guard u.count >= 8_192 else { for e in u { w.append(e) }; continue }
            encodeLines(u.count, into: { w.bytes += $0 }) { line, k in line.append(u[k]) }
        }
        return w.bytes
    }

    /// Lines 0..<n, each written by `line`, encoded on all cores in pieces of 4,096 lines,
    /// a few pieces at a time, and handed to `emit` in order.
    static func encodeLines(_ n: Int, into emit: ([UInt8]) throws -> Void,
                            _ line: (inout JournalLineWriter, Int) -> Void) rethrows {
        let chunk = 4_096, round = 4 * chunk
        for start in stride(from: 0, to: n, by: round) {
            let end = min(n, start + round)
            let parts = Parallel.map((end - start + chunk - 1) / chunk) { k in
                var w = JournalLineWriter(capacity: chunk * 320)
                for r in (start + k * chunk)..<min(end, start + (k + 1) * chunk) { line(&w, r) }
                return w.bytes
            }
            for p in parts { try emit(p) }
        }
    }

    /// Snapshot bytes encoded on another thread during a commit.
    private final class PendingSnapshot: @unchecked Sendable {
        var body: BinarySnapshot.Body?
    }

    public func entries(after seq: Int64) throws -> [JournalEntry] {
        // Streamed: only the entries asked for are kept (`kehu audit` of a 5 GB journal).
        var out: [JournalEntry] = []
        _ = try readUnits(from: 0, firstLine: 1, size: try FileIO.size(journalFD, journalPath)) { _, entries in
            for e in entries where e.seq > seq { out.append(e) }
        }
        return out
    }

    // MARK: - Snapshot

    private var snapshotDue: Bool { FileStore.snapshotDue(entries: entriesSinceSnapshot, of: snapshot, every: snapshotEvery) }

    /// A snapshot is due after `every` entries and at least a quarter of the records (bulk loads stay linear).
    static func snapshotDue(entries: Int, of s: Snapshot, every: Int) -> Bool {
        let records = s.customers.count + s.transactions.count + s.interactions.count + s.contacts.count
        return entries >= max(every, records / 4)
    }

    /// Writes the current state to `snapshot.jsonl` (temp file, fsync, rename).
    public func writeSnapshot() throws {
        try SnapshotFile.write(snapshot, journalId: journalId, journalOffset: offset, journalLine: lineNumber, to: snapshotPath)
        entriesSinceSnapshot = 0
    }
}
