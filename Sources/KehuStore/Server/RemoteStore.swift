import Foundation
import KehuCore

/// A `Store` that talks to `kehu serve` over its Unix socket: the team-mode
/// backend. It behaves like a `FileStore` (same conformance suite) but holds
/// only what the server lets this user see, and learns of others' changes
/// from the server's pushes.
public final class RemoteStore: Store {
    public let socketPath: String
    public private(set) var user: String = ""
    public private(set) var role: UserRole = .rep
    public private(set) var snapshot = Snapshot()
    public private(set) var config = StoreConfig()
    private let socket: LineSocket
    /// Resets received during the current `refresh()` (a reset may keep `seq`, e.g. a restore).
    private var resets = 0

    public init(socketPath: String) throws {
        self.socketPath = socketPath
        socket = try LineSocket.connect(socketPath)
        let hello = try request(["op": "hello"])
        user = hello["user"]?.stringValue ?? ""
        role = hello["role"]?.stringValue.flatMap(UserRole.init(rawValue:)) ?? .rep
        var sections: [String: [String: Value]] = [:]
        for (k, v) in hello["config"]?.objectValue ?? [:] { sections[k] = v.objectValue ?? [:] }
        config = StoreConfig(sections: sections)
        snapshot = try Wire.state(hello)
    }

    /// Sends a request and waits for its reply, applying pushes that arrive meanwhile.
    private func request(_ body: [String: Value]) throws -> [String: Value] {
        try socket.send(.object(body))
        while true {
            guard let msg = try socket.receive(timeout: 30_000) else {
                throw StoreError.io(path: socketPath, message: socket.closed ? "kehu serve closed the connection" : "no answer from kehu serve")
            }
            let o = msg.objectValue ?? [:]
            if let reply = o["reply"]?.objectValue {
                if reply["ok"]?.boolValue == true { return reply }
                if let errs = reply["errors"]?.arrayValue { throw StoreError.rejected(errs.map(Wire.error)) }
                throw StoreError.io(path: socketPath, message: reply["message"]?.stringValue ?? "refused")
            }
            try handlePush(o)
        }
    }

    @discardableResult
    private func handlePush(_ o: [String: Value]) throws -> Bool {
        if let r = o["reset"]?.objectValue {
            // The server's journal was replaced (an erasure, a restore): start from its new state.
            snapshot = try Wire.state(r)
            resets += 1
            return true
        }
        if let e = o["push"] {
            let entry = try Wire.entry(e)
            // A delete of something this user never saw is harmless to skip.
            try? snapshot.apply(entry)
            if snapshot.seq < entry.seq { snapshot.restoreSeq(entry.seq) }
            return true
        }
        if let recs = o["records"]?.arrayValue {
            for r in recs {
                let rec = try Wire.record(r)
                if snapshot.version(entity: rec.entity, id: rec.id) != nil { continue }
                try? snapshot.restore(rec)
            }
            if let seq = o["seq"]?.intValue, snapshot.seq < seq { snapshot.restoreSeq(seq) }
            return true
        }
        if let id = o["hide"]?.stringValue {
            hide(id)
            if let seq = o["seq"]?.intValue, snapshot.seq < seq { snapshot.restoreSeq(seq) }
            return true
        }
        return false
    }

    /// Drops a customer that is no longer visible, with its children.
    private func hide(_ id: String) {
        let seq = snapshot.seq
        var deletes: [Change] = []
        deletes += snapshot.contacts(of: id).map { .delete(.contact, id: $0.id, base: nil) }
        deletes += snapshot.transactions(of: id).map { .delete(.transaction, id: $0.id, base: nil) }
        deletes += snapshot.interactions(of: id).map { .delete(.interaction, id: $0.id, base: nil) }
        for (entity, table) in snapshot.extras { for (rid, f) in table where f["customer"]?.stringValue == id {
            deletes.append(Change(op: .delete, entity: entity, id: rid))
        } }
        deletes.append(.delete(.customer, id: id, base: nil))
        for d in deletes { try? snapshot.apply(JournalEntry(seq: seq, at: Timestamp(millis: 0), by: "", change: d)) }
        snapshot.restoreSeq(seq)
    }

    @discardableResult
    public func refresh() throws -> Bool {
        // A round trip: its reply comes after every push the server queued
        // before it, so after refresh() this client has all committed changes.
        let before = snapshot.seq
        var changed = false
        resets = 0
        _ = try request(["op": "sync"])
        if snapshot.seq != before || resets > 0 { changed = true }
        while let msg = try socket.receive(timeout: 0) {
            if try handlePush(msg.objectValue ?? [:]) { changed = true }
        }
        if socket.closed { throw StoreError.io(path: socketPath, message: "kehu serve closed the connection") }
        return changed
    }

    /// Builds the batch on the latest state this user can see and sends it; the
    /// server re-checks everything under its lock. Ids the builder chose that
    /// someone else took meanwhile are retried with fresh ids.
    @discardableResult
    public func commit(_ build: (Snapshot) throws -> [Change]) throws -> [JournalEntry] {
        var attempt = 0
        while true {
            attempt += 1
            // Like the file store catching up under its lock: be current before building.
            _ = try request(["op": "sync"])
            let changes = try build(snapshot)
            guard !changes.isEmpty else { return [] }
            do {
                let reply = try request(["op": "commit", "changes": .array(changes.map(Wire.change))])
                let entries = try (reply["entries"]?.arrayValue ?? []).map(Wire.entry)
                for e in entries { try? snapshot.apply(e) }
                return entries
            } catch let StoreError.rejected(errors) where attempt < 5 && errors.allSatisfy({ if case .alreadyExists = $0 { return true }; return false }) {
                // Another client created the same id first: catch up with the server's numbering and rebuild.
                var highest: [String: Int] = [:]
                for case let .alreadyExists(_, id) in errors { if let p = id.first { highest[String(p), default: 0] = max(highest[String(p)] ?? 0, idNumber(id)) } }
                snapshot.restoreHighest(highest)
                continue
            }
        }
    }

    public func entries(after seq: Int64) throws -> [JournalEntry] {
        let reply = try request(["op": "entries", "after": .int(seq)])
        return try (reply["entries"]?.arrayValue ?? []).map(Wire.entry)
    }

    /// The clear value of a masked field (audited by the server).
    public func reveal(id: String, field: String) throws -> String {
        try request(["op": "reveal", "id": .string(id), "field": .string(field)])["value"]?.stringValue ?? ""
    }

    /// Everything about one customer, unmasked (right of access); needs the export right; audited.
    public func exportPersonalData(customer id: String) throws -> [SnapshotRecord] {
        try (request(["op": "export", "id": .string(id)])["records"]?.arrayValue ?? []).map(Wire.record)
    }

    /// Records an action in the server's audit trail (exports made by this client).
    public func recordAudit(action: String, customer: String?, detail: String) throws {
        _ = try request(["op": "audit", "record": .object(["action": .string(action), "customer": Value(customer), "detail": .string(detail)])])
    }

    /// The audit trail (all of it for an admin, one's own actions otherwise).
    public func trail() throws -> [AuditLog.Record] {
        try (request(["op": "trail"])["records"]?.arrayValue ?? []).compactMap { v in
            guard let o = v.objectValue, let at = o["at"]?.stringValue.flatMap({ Timestamp($0) }) else { return nil }
            return AuditLog.Record(at: at, by: o["by"]?.stringValue ?? "", action: o["action"]?.stringValue ?? "",
                                   customer: o["customer"]?.stringValue, detail: o["detail"]?.stringValue ?? "")
        }
    }
}
