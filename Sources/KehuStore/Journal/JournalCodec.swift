import KehuCore

/// Turns journal entries into lines and back. See docs/store-format.md.
///
/// An entry line: `{"seq":7,"at":"2026-11-25T10:09:04.123Z","by":"alice","op":"update",
/// "type":"customer","id":"C12","base":3,"event":"claim","set":{"owner":"alice"}}`.
/// A batch of N > 1 entries written atomically is preceded by `{"batch":N}`;
/// a reader applies the batch only when all N lines are present.
public enum JournalCodec {
    public static func line(_ e: JournalEntry) -> String {
        var w = JournalLineWriter()
        w.append(e)
        return String(decoding: w.bytes.dropLast(), as: UTF8.self)
    }

    /// What one journal line holds.
    public enum Line {
        case entry(JournalEntry)
        case batch(count: Int)
    }

    public static func decode(_ v: Value) throws(DecodeError) -> Line {
        guard case .object(let o) = v else { throw DecodeError("not an object") }
        if let n = o["batch"] {
            guard let c = n.intValue, c > 1 else { throw DecodeError("batch: expected a count > 1") }
            return .batch(count: Int(c))
        }
        guard let seq = o["seq"]?.intValue, seq > 0 else { throw DecodeError("seq: missing or not a positive number") }
        guard let atText = o["at"]?.stringValue, let at = Timestamp(atText) else { throw DecodeError("at: missing or not a UTC timestamp") }
        guard case .string(let by)? = o["by"] else { throw DecodeError("by: missing") }
        guard let opText = o["op"]?.stringValue, let op = Change.Op(rawValue: opText) else { throw DecodeError("op: expected create, update or delete") }
        guard case .string(let type)? = o["type"], !type.isEmpty else { throw DecodeError("type: missing") }
        var fields: [String: Value] = [:]
        if let set = o["set"] {
            guard case .object(let f) = set else { throw DecodeError("set: not an object") }
            fields = f
        }
        let id = o["id"]?.stringValue
        let base = o["base"]?.intValue.map(Int.init)
        let event = o["event"]?.stringValue
        return .entry(JournalEntry(seq: seq, at: at, by: by, change: Change(op: op, entity: type, id: id, base: base, fields: fields, event: event)))
    }

    public struct DecodeError: Error, CustomStringConvertible {
        public var description: String
        init(_ d: String) { description = d }
    }
}
