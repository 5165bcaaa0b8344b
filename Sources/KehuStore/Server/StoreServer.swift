#if canImport(Glibc)
import Glibc
#endif
import CKehuSys
import Foundation
import KehuCore

/// `kehu serve`: the one process that reads and writes a team store.
///
/// Runs as a dedicated system user that alone can read the store files. Each
/// client is identified by the kernel (SO_PEERCRED → uid → login), never by
/// what it says; it gets only what its role lets it see, with personal data
/// masked; its writes are authorised, then serialised through the FileStore;
/// and every other connected client is pushed the change at once.
public final class StoreServer: @unchecked Sendable {
    public let store: FileStore
    /// The store's `generation` last passed on to clients (see `publishRead`).
    private var seenGeneration: Int
    public let socketPath: String
    let audit: AuditLog
    private let lock = NSLock()
    private var sessions: [ObjectIdentifier: Session] = [:]
    private var listenFD: Int32 = -1
    private var stopping = false
    /// Served clients, for the note on capacity.
    public private(set) var peakClients = 0

    final class Session: @unchecked Sendable {
        let socket: LineSocket
        let user: String
        var visible: Set<String> = []
        /// Sends go through a serial queue so that a client that stops reading
        /// can never block the server (which holds its lock while pushing);
        /// a client that falls this far behind is disconnected.
        private let outbox: DispatchQueue
        private let countLock = NSLock()
        private var queued = 0
        static let maxQueued = 50_000

        init(socket: LineSocket, user: String) {
            self.socket = socket; self.user = user
            outbox = DispatchQueue(label: "kehu.session.\(user)")
        }

        func send(_ v: Value) { send(line: LineSocket.line(v)) }

        func send(line: [UInt8]) {
            countLock.lock()
            queued += 1
            let over = queued > Session.maxQueued
            countLock.unlock()
            if over { shutdown(socket.fd, Int32(SHUT_RDWR)); return }
            outbox.async { [self] in
                try? socket.send(line: line)
                countLock.lock(); queued -= 1; countLock.unlock()
            }
        }
    }

    public init(store: FileStore, socketPath: String) {
        self.store = store
        self.socketPath = socketPath
        self.audit = AuditLog(storePath: store.path)
        seenGeneration = store.generation
    }

    var policy: AccessPolicy { AccessPolicy(sections: store.config.sections) }

    /// Binds the socket (mode 0666: any local user may connect; the server decides what they get).
    public func start() throws {
        unlink(socketPath)
        listenFD = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard listenFD >= 0 else { throw StoreError.io(path: socketPath, message: "socket: " + FileIO.errnoText()) }
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(socketPath.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: addr.sun_path) else { throw StoreError.io(path: socketPath, message: "socket path too long") }
        withUnsafeMutableBytes(of: &addr.sun_path) { p in for (i, b) in bytes.enumerated() { p[i] = b } }
        let rc = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listenFD, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        guard rc == 0 else { throw StoreError.io(path: socketPath, message: "bind: " + FileIO.errnoText()) }
        chmod(socketPath, 0o666)
        guard listen(listenFD, 128) == 0 else { throw StoreError.io(path: socketPath, message: "listen: " + FileIO.errnoText()) }
    }

    /// Accepts clients until `stop()`; also picks up writes made to the store directly.
    public func run() throws {
        if listenFD < 0 { try start() }
        let watcher = Thread { [self] in
            while !isStopping { usleep(200_000); pickUpOutsideWrites() }
        }
        watcher.start()
        while !isStopping {
            let fd = accept(listenFD, nil, nil)
            if fd < 0 { if errno == EINTR { continue }; if isStopping { break }; continue }
            var uid: uid_t = 0, pid: pid_t = 0
            guard kehu_peer_credentials(fd, &uid, &pid) == 0, let pw = getpwuid(uid), let name = pw.pointee.pw_name else { close(fd); continue }
            let session = Session(socket: LineSocket(fd: fd), user: String(cString: name))
            let t = Thread { [self] in serve(session) }
            t.start()
        }
    }

    public func stop() {
        lock.lock(); stopping = true; lock.unlock()
        shutdown(listenFD, Int32(SHUT_RDWR))
        close(listenFD)
        unlink(socketPath)
    }

    private var isStopping: Bool { lock.lock(); defer { lock.unlock() }; return stopping }

    // MARK: - One client

    private func serve(_ session: Session) {
        lock.lock()
        sessions[ObjectIdentifier(session)] = session
        peakClients = max(peakClients, sessions.count)
        lock.unlock()
        defer { lock.lock(); sessions[ObjectIdentifier(session)] = nil; lock.unlock() }
        while let request = try? session.socket.receive() {
            let reply = request.objectValue?["op"]?.stringValue == "commit" ? commitGrouped(request, session) : handle(request, session)
            session.send(.object(["reply": reply]))
        }
    }

    private func handle(_ request: Value, _ session: Session) -> Value {
        let o = request.objectValue ?? [:]
        lock.lock(); defer { lock.unlock() }
        let vis = Visibility(policy: policy, user: session.user)
        do {
            switch o["op"]?.stringValue {
            case "hello":
                if (try? store.refresh()) == true { publishRead() }
                let s = store.snapshot
                let records = vis.records(of: s)
                session.visible = Set(records.filter { $0.entity == "customer" }.map(\.id))
                var config = store.config.sections
                config["roles"] = nil; config["teams"] = nil; config["privacy"] = nil
                var reply = Wire.state(s, records: records)
                reply["ok"] = true
                reply["user"] = .string(session.user)
                reply["role"] = .string(policy.role(of: session.user).rawValue)
                reply["config"] = .object(config.mapValues { .object($0) })
                return .object(reply)
            case "sync":
                // Answered after every push queued before it: the client is then current.
                return .object(["ok": true, "seq": .int(store.snapshot.seq)])
            case "entries":
                let after = o["after"]?.intValue ?? 0
                let s = store.snapshot
                let list = try store.entries(after: after).filter {
                    vis.canSee(customerId: Visibility.customerId(entity: $0.change.entity, id: $0.change.id ?? "", fields: $0.change.fields, in: s), in: s)
                }
                return .object(["ok": true, "entries": .array(list.map { Wire.entry(vis.masked($0, in: s)) })])
            case "reveal":
                guard let id = o["id"]?.stringValue, let field = o["field"]?.stringValue else { throw WireError("reveal needs id and field") }
                let s = store.snapshot
                let cid = Visibility.customerId(entity: id.hasPrefix("P") ? "contact" : "customer", id: id, fields: [:], in: s)
                guard vis.canSee(customerId: cid, in: s), let value = (id.hasPrefix("P") ? s.contacts[id]?.fieldValues[field] : s.customers[id]?.fieldValues[field]) else {
                    try? audit.append(.init(at: .now, by: session.user, action: "denied", customer: cid, detail: "reveal \(id) \(field)"))
                    throw WireError("\(id): not found or not yours")
                }
                try audit.append(.init(at: .now, by: session.user, action: "reveal", customer: cid, detail: "\(id).\(field)"))
                return .object(["ok": true, "value": value])
            case "export":
                // Right of access: everything about one customer, unmasked, for users with the export right.
                guard let id = o["id"]?.stringValue else { throw WireError("export needs an id") }
                let s = store.snapshot
                guard policy.mayExportPersonalData(session.user), let c = s.customers[id], policy.canSee(c, user: session.user) else {
                    try? audit.append(.init(at: .now, by: session.user, action: "denied", customer: id, detail: "export personal data"))
                    throw WireError("\(id): exporting personal data needs the export right (roles \(policy.exportRoles.map(\.rawValue).sorted().joined(separator: ", ")))")
                }
                try audit.append(.init(at: .now, by: session.user, action: "export", customer: id, detail: "personal data (right of access)"))
                let recs = s.records(ofCustomer: c.id)
                return .object(["ok": true, "records": .array(recs.map(Wire.record))])
            case "audit":
                guard let r = o["record"]?.objectValue, let action = r["action"]?.stringValue else { throw WireError("audit needs a record") }
                try audit.append(.init(at: .now, by: session.user, action: action, customer: r["customer"]?.stringValue, detail: r["detail"]?.stringValue ?? ""))
                return .object(["ok": true])
            case "trail":
                // The audit trail: admins see everyone's, others their own actions.
                let mine = policy.role(of: session.user) != .admin
                let recs = try audit.read().filter { !mine || $0.by == session.user }
                return .object(["ok": true, "records": .array(recs.map {
                    .object(["at": .string($0.at.description), "by": .string($0.by), "action": .string($0.action), "customer": Value($0.customer), "detail": .string($0.detail)])
                })])
            default:
                throw WireError("unknown request")
            }
        } catch {
            return errorReply(error, session)
        }
    }

    private func errorReply(_ error: Error, _ session: Session) -> Value {
        if case let StoreError.rejected(errors) = error {
            let denied = errors.filter { if case .invalid(_, _, "access", _) = $0 { return true }; return false }
            if !denied.isEmpty {
                try? audit.append(.init(at: .now, by: session.user, action: "denied", customer: nil, detail: denied.map(\.description).joined(separator: "; ")))
            }
            return .object(["ok": false, "errors": .array(errors.map(Wire.error))])
        }
        return .object(["ok": false, "message": .string("\(error)")])
    }

    // MARK: - Group commit

    /// A commit waiting for the committer.
    final class PendingCommit: @unchecked Sendable {
        let session: Session
        let changes: [Change]
        let done = DispatchSemaphore(value: 0)
        var reply: Value = .null
        init(session: Session, changes: [Change]) { self.session = session; self.changes = changes }
    }

    private let queue = NSCondition()
    private var pending: [PendingCommit] = []
    private var committerStarted = false

    /// Hands a commit to the committer thread and waits for its reply. Commits
    /// that arrive while one fsync is under way are written together with one
    /// fsync (group commit), each still checked and refused on its own.
    private func commitGrouped(_ request: Value, _ session: Session) -> Value {
        let changes: [Change]
        do { changes = try (request.objectValue?["changes"]?.arrayValue ?? []).map(Wire.change) } catch { return errorReply(error, session) }
        let p = PendingCommit(session: session, changes: changes)
        queue.lock()
        pending.append(p)
        if !committerStarted {
            committerStarted = true
            Thread { [self] in committerLoop() }.start()
        }
        queue.signal()
        queue.unlock()
        p.done.wait()
        return p.reply
    }

    private func committerLoop() {
        while true {
            queue.lock()
            while pending.isEmpty { queue.wait() }
            let group = pending
            pending = []
            queue.unlock()
            lock.lock()
            let policy = self.policy
            let items: [(actor: String, build: (Snapshot) throws -> [Change])] = group.map { p in
                (actor: p.session.user, build: { [self] s in
                    let vis = Visibility(policy: policy, user: p.session.user)
                    let refusals: [ChangeError] = p.changes.compactMap { c in
                        vis.refusal(c, in: s).map { .invalid(entity: c.entity, id: c.id, field: "access", reason: $0) }
                    }
                    if !refusals.isEmpty { throw StoreError.rejected(refusals) }
                    return try enforcePoolRules(p.changes, user: p.session.user, in: s)
                })
            }
            let results: [Result<[JournalEntry], Error>]
            do { results = try store.commitGroup(items) } catch { results = group.map { _ in .failure(error) } }
            publishRead()  // others' direct writes read during the commit
            let s = store.snapshot
            for (p, r) in zip(group, results) {
                switch r {
                case .success(let entries):
                    broadcast(entries, except: p.session)
                    updateVisible(p.session, entries, s, send: false)
                    let vis = Visibility(policy: policy, user: p.session.user)
                    p.reply = .object(["ok": true, "entries": .array(entries.map { Wire.entry(vis.masked($0, in: s)) })])
                case .failure(let e):
                    p.reply = errorReply(e, p.session)
                }
            }
            lock.unlock()
            for p in group { p.done.signal() }
        }
    }

    /// Claims are rebuilt here from the pool rules (holding limit, claims per
    /// day, re-claim wait), so a client talking to the socket by hand cannot
    /// skip them or leave the claim counters out.
    private func enforcePoolRules(_ changes: [Change], user: String, in s: Snapshot) throws -> [Change] {
        let claims = changes.filter { c in
            c.entity == "customer" && c.op == .update && c.fields["owner"]?.stringValue == user
                && c.id.flatMap { s.customers[$0] }.map { $0.owner == nil } == true
        }
        guard !claims.isEmpty else { return changes }
        let actions = PoolActions(rules: try store.config.poolRules(), calendar: try store.config.agendaCalendar(),
                                  today: try store.config.agendaCalendar().today(), user: user)
        var out = changes.filter { $0.entity != PoolClaims.entity && !claims.contains($0) }
        var working = s
        for c in claims {
            let built: [Change]
            do { built = try actions.claim(c.id!, in: working) } catch {
                throw StoreError.rejected([.invalid(entity: "customer", id: c.id, field: "owner", reason: error.description)])
            }
            for b in built { try? working.apply(JournalEntry(seq: working.seq + 1, at: .now, by: user, change: b)) }
            out += built
        }
        return out
    }

    // MARK: - Pushing changes

    /// Sends each session what it may see of new entries; customers that became
    /// visible arrive as whole records, those that stopped being visible as `hide`.
    private func broadcast(_ entries: [JournalEntry], except: Session?) {
        guard !entries.isEmpty else { return }
        let s = store.snapshot
        let policy = self.policy
        // Sessions that see a record the same way (clear or masked) get the same
        // bytes: encode each message once, not once per client.
        var memo: [String: [UInt8]] = [:]
        for session in sessions.values where session !== except {
            updateVisible(session, entries, s, send: true, policy: policy, memo: &memo)
        }
    }

    private func updateVisible(_ session: Session, _ entries: [JournalEntry], _ s: Snapshot, send: Bool) {
        var memo: [String: [UInt8]] = [:]
        updateVisible(session, entries, s, send: send, policy: policy, memo: &memo)
    }

    private func updateVisible(_ session: Session, _ entries: [JournalEntry], _ s: Snapshot, send: Bool,
                               policy: AccessPolicy, memo: inout [String: [UInt8]]) {
        let vis = Visibility(policy: policy, user: session.user)
        func line(_ kind: String, _ e: JournalEntry, _ cid: String?, _ make: () -> Value) -> [UInt8] {
            let clear = policy.seesClear(cid.flatMap { s.customers[$0] }, user: session.user)
            let key = "\(kind)|\(e.seq)|\(clear)"
            if let l = memo[key] { return l }
            let l = LineSocket.line(make())
            memo[key] = l
            return l
        }
        for e in entries {
            let c = e.change
            if c.entity == "customer", let id = c.id {
                let now = s.customers[id].map { policy.canSee($0, user: session.user) } ?? false
                let had = session.visible.contains(id)
                if c.op == .delete {
                    if had, send { session.send(line: line("delete", e, nil) { .object(["push": Wire.entry(e)]) }) }
                    session.visible.remove(id)
                } else if now && had {
                    if send { session.send(line: line("push", e, id) { .object(["push": Wire.entry(vis.masked(e, in: s))]) }) }
                } else if now {
                    session.visible.insert(id)
                    if send {
                        session.send(line: line("records", e, id) {
                            .object(["records": .array(vis.records(ofCustomer: id, in: s).map(Wire.record)), "seq": .int(e.seq)])
                        })
                    }
                } else if had {
                    session.visible.remove(id)
                    if send { session.send(.object(["hide": .string(id), "seq": .int(e.seq)])) }
                }
                continue
            }
            guard send else { continue }
            let cid = Visibility.customerId(entity: c.entity, id: c.id ?? "", fields: c.fields, in: s)
            if c.op == .delete || cid == nil || session.visible.contains(cid!) {
                session.send(line: line("push", e, cid) { .object(["push": Wire.entry(vis.masked(e, in: s))]) })
            }
        }
    }

    private func pickUpOutsideWrites() {
        lock.lock(); defer { lock.unlock() }
        if (try? store.refresh()) == true { publishRead() }
    }

    /// Passes on what the store just read from the journal: new entries as
    /// pushes; a replaced journal (an erasure's rewrite, a restore) as a reset of
    /// every client to what it may now see, so that erased values leave the
    /// clients' memory at once, not at their next login. Called with `lock` held.
    private func publishRead() {
        guard store.generation != seenGeneration else { broadcast(store.lastReadEntries, except: nil); return }
        seenGeneration = store.generation
        let s = store.snapshot
        for session in sessions.values {
            let vis = Visibility(policy: policy, user: session.user)
            let records = vis.records(of: s)
            session.visible = Set(records.filter { $0.entity == "customer" }.map(\.id))
            session.send(.object(["reset": .object(Wire.state(s, records: records))]))
        }
    }
}

extension Value {
    var arrayValue: [Value]? { if case .array(let a) = self { return a }; return nil }
}
