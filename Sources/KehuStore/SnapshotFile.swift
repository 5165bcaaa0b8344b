import Foundation
import KehuCore

/// `snapshot.jsonl`: the state at one journal position, one record a line.
///
/// Line 1: `{"format":"kehu-snapshot","version":1,"journal":ID,"seq":N,"offset":BYTES,"line":L,"highest":{"C":12,…}}`;
/// then `{"type":"customer","id":"C1","v":3,"by":"alice","f":{…fields…}}` per record.
/// It is only a cache: deleting it costs a replay of the journal, nothing else.
enum SnapshotFile {
    struct Loaded {
        var snapshot: Snapshot
        var journalId: String
        var journalOffset: Int
        var journalLine: Int
    }

    static func write(_ s: Snapshot, journalId: String, journalOffset: Int, journalLine: Int, to path: String) throws {
        var out = ""
        out.reserveCapacity(1 << 20)
        var highest: [String: Value] = [:]
        for (k, v) in s.highestNumber { highest[k] = .int(Int64(v)) }
        JSONText.writeObject([
            ("format", "kehu-snapshot"), ("version", 1), ("journal", .string(journalId)), ("seq", .int(s.seq)),
            ("offset", .int(Int64(journalOffset))), ("line", .int(Int64(journalLine))), ("highest", .object(highest)),
        ], into: &out)
        out += "\n"
        for r in s.records {
            out += "{\"type\":"
            JSONText.writeString(r.entity, into: &out)
            out += ",\"id\":"
            JSONText.writeString(r.id, into: &out)
            out += ",\"v\":\(r.version)"
            if let by = r.lastBy { out += ",\"by\":"; JSONText.writeString(by, into: &out) }
            out += ",\"f\":"
            JSONText.writeObject(r.fields.sorted { $0.key < $1.key }, into: &out)
            out += "}\n"
        }
        try FileIO.writeAtomically(path, Array(out.utf8))
    }

    static func read(_ path: String) throws -> Loaded {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StoreError.io(path: path, message: "cannot read")
        }
        var snapshot = Snapshot()
        var header: [String: Value]?
        var lineNo = 0
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let buf = raw.bindMemory(to: UInt8.self)
            var pos = 0
            while pos < buf.count {
                let nl = buf[pos...].firstIndex(of: 10) ?? buf.count
                lineNo += 1
                let v: Value
                do { v = try JSONText.parse(UnsafeBufferPointer(rebasing: buf[pos..<nl])) } catch {
                    throw StoreError.corrupt(path: path, line: lineNo, reason: "\(error)")
                }
                pos = nl + 1
                guard case .object(let o) = v else { throw StoreError.corrupt(path: path, line: lineNo, reason: "not an object") }
                if header == nil {
                    guard o["format"]?.stringValue == "kehu-snapshot" else { throw StoreError.corrupt(path: path, line: 1, reason: "not a snapshot header") }
                    header = o
                    continue
                }
                guard let type = o["type"]?.stringValue, let id = o["id"]?.stringValue, let ver = o["v"]?.intValue,
                      case .object(let f)? = o["f"] else { throw StoreError.corrupt(path: path, line: lineNo, reason: "record needs type, id, v, f") }
                do {
                    try snapshot.restore(SnapshotRecord(entity: type, id: id, version: Int(ver), lastBy: o["by"]?.stringValue, fields: f))
                } catch { throw StoreError.corrupt(path: path, line: lineNo, reason: "\(error)") }
            }
        }
        guard let h = header, let seq = h["seq"]?.intValue, let off = h["offset"]?.intValue, let line = h["line"]?.intValue else {
            throw StoreError.corrupt(path: path, line: 1, reason: "missing header")
        }
        snapshot.restoreSeq(seq)
        if case .object(let hi)? = h["highest"] {
            var m: [String: Int] = [:]
            for (k, v) in hi { m[k] = Int(v.intValue ?? 0) }
            snapshot.restoreHighest(m)
        }
        return Loaded(snapshot: snapshot, journalId: h["journal"]?.stringValue ?? "", journalOffset: Int(off), journalLine: Int(line))
    }
}
