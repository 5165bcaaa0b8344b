import KehuCore

/// The `kehu serve` protocol: one JSON object per line over a Unix stream socket.
///
/// Client → server: `{"op":"hello"}`, `{"op":"commit","changes":[…]}`,
/// `{"op":"entries","after":N}`, `{"op":"reveal","id":"C1","field":"phone"}`,
/// `{"op":"audit","record":{…}}`.
/// Server → client: `{"reply":{…}}` answers the last request; between replies the
/// server pushes `{"push":ENTRY}` (another client's change), `{"records":[…]}`
/// (records that became visible), `{"hide":"C12"}` (a customer no longer visible) and
/// `{"reset":STATE}` (the journal was replaced: start again from STATE, as after `hello`).
enum Wire {
    static func change(_ c: Change) -> Value {
        var o: [String: Value] = ["op": .string(c.op.rawValue), "type": .string(c.entity), "set": .object(c.fields)]
        if let id = c.id { o["id"] = .string(id) }
        if let b = c.base { o["base"] = .int(Int64(b)) }
        if let e = c.event { o["event"] = .string(e) }
        return .object(o)
    }

    static func change(_ v: Value) throws -> Change {
        guard case .object(let o) = v, let opText = o["op"]?.stringValue, let op = Change.Op(rawValue: opText),
              let type = o["type"]?.stringValue else { throw WireError("bad change") }
        return Change(op: op, entity: type, id: o["id"]?.stringValue, base: o["base"]?.intValue.map(Int.init),
                      fields: o["set"]?.objectValue ?? [:], event: o["event"]?.stringValue)
    }

    /// What the server sends of its state (in `hello` and in a `reset`): the
    /// records this user may see, the journal position and the id counters.
    static func state(_ s: Snapshot, records: [SnapshotRecord]) -> [String: Value] {
        ["seq": .int(s.seq), "highest": .object(s.highestNumber.mapValues { .int(Int64($0)) }),
         "records": .array(records.map(Wire.record))]
    }

    /// The snapshot a `state(_:records:)` payload describes.
    static func state(_ o: [String: Value]) throws -> Snapshot {
        var s = Snapshot()
        for r in o["records"]?.arrayValue ?? [] { try s.restore(try Wire.record(r)) }
        s.restoreSeq(o["seq"]?.intValue ?? 0)
        var highest: [String: Int] = [:]
        for (k, v) in o["highest"]?.objectValue ?? [:] { highest[k] = Int(v.intValue ?? 0) }
        s.restoreHighest(highest)
        return s
    }

    static func entry(_ e: JournalEntry) -> Value {
        (try? JSONText.parse(JournalCodec.line(e))) ?? .null
    }

    static func entry(_ v: Value) throws -> JournalEntry {
        guard case .entry(let e) = try JournalCodec.decode(v) else { throw WireError("bad entry") }
        return e
    }

    static func record(_ r: SnapshotRecord) -> Value {
        var o: [String: Value] = ["type": .string(r.entity), "id": .string(r.id), "v": .int(Int64(r.version)), "f": .object(r.fields)]
        if let by = r.lastBy { o["by"] = .string(by) }
        return .object(o)
    }

    static func record(_ v: Value) throws -> SnapshotRecord {
        guard case .object(let o) = v, let type = o["type"]?.stringValue, let id = o["id"]?.stringValue,
              let ver = o["v"]?.intValue, let f = o["f"]?.objectValue else { throw WireError("bad record") }
        return SnapshotRecord(entity: type, id: id, version: Int(ver), lastBy: o["by"]?.stringValue, fields: f)
    }

    static func error(_ e: ChangeError) -> Value {
        var o: [String: Value] = ["text": .string(e.description)]
        switch e {
        case let .conflict(entity, id, base, current, by):
            o["kind"] = "conflict"; o["entity"] = .string(entity); o["id"] = .string(id)
            o["base"] = .int(Int64(base)); o["current"] = .int(Int64(current)); o["by"] = Value(by)
        case let .notFound(entity, id): o["kind"] = "notFound"; o["entity"] = .string(entity); o["id"] = .string(id)
        case let .alreadyExists(entity, id): o["kind"] = "alreadyExists"; o["entity"] = .string(entity); o["id"] = .string(id)
        case let .invalid(entity, id, field, reason):
            o["kind"] = "invalid"; o["entity"] = .string(entity); o["id"] = Value(id); o["field"] = .string(field); o["reason"] = .string(reason)
        }
        return .object(o)
    }

    static func error(_ v: Value) -> ChangeError {
        let o = v.objectValue ?? [:]
        let entity = o["entity"]?.stringValue ?? "", id = o["id"]?.stringValue
        switch o["kind"]?.stringValue {
        case "conflict":
            return .conflict(entity: entity, id: id ?? "", base: Int(o["base"]?.intValue ?? 0), current: Int(o["current"]?.intValue ?? 0), by: o["by"]?.stringValue)
        case "notFound": return .notFound(entity: entity, id: id ?? "")
        case "alreadyExists": return .alreadyExists(entity: entity, id: id ?? "")
        case "invalid":
            return .invalid(entity: entity, id: id, field: o["field"]?.stringValue ?? "", reason: o["reason"]?.stringValue ?? "")
        default: return .invalid(entity: entity, id: id, field: "-", reason: o["text"]?.stringValue ?? "refused")
        }
    }
}

struct WireError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
