#if canImport(Glibc)
import Glibc
#endif
import Foundation
import KehuCore

/// The snapshot file: the state at one journal position, a cache for fast start.
///
/// Written as `snapshot.bin` (BinarySnapshot, read in one pass straight into
/// typed records). Stores made before the binary format have `snapshot.jsonl`
/// (one JSON record a line); it is still read, and replaced by `snapshot.bin`
/// the next time a snapshot is written. Either is only a cache: deleting it
/// costs a replay of the journal, nothing else.
enum SnapshotFile {
    struct Loaded {
        var snapshot: Snapshot
        var journalId: String
        var journalOffset: Int
        var journalLine: Int
        /// Read from a JSON-lines `snapshot.jsonl` (a store made before `snapshot.bin`).
        var legacy = false
    }

    /// The JSON-lines snapshot of older stores, next to `snapshot.bin`.
    static let legacyName = "snapshot.jsonl"

    static func legacyPath(besides path: String) -> String {
        ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(legacyName)
    }

    /// Writes the binary snapshot atomically and removes a legacy JSON-lines one.
    static func write(_ s: Snapshot, journalId: String, journalOffset: Int, journalLine: Int, to path: String) throws {
        try install(BinarySnapshot.encode(s, journalId: journalId, journalOffset: journalOffset, journalLine: journalLine), at: path)
    }

    /// Writes encoded snapshot bytes atomically and removes a legacy JSON-lines snapshot.
    static func install(_ bytes: [UInt8], at path: String) throws {
        try FileIO.writeAtomically(path, bytes)
        let legacy = legacyPath(besides: path)
        if legacy != path { unlink(legacy) }
    }

    /// Reads `path` (binary or JSON lines, told apart by the first bytes); when it
    /// does not exist, the legacy `snapshot.jsonl` beside it.
    static func read(_ path: String) throws -> Loaded {
        var file = path
        if !FileManager.default.fileExists(atPath: path) {
            let legacy = legacyPath(besides: path)
            if FileManager.default.fileExists(atPath: legacy) { file = legacy }
        }
        let fd = try FileIO.open(file, O_RDONLY)
        defer { close(fd) }
        let bytes = try FileIO.read(fd, file, offset: 0, count: try FileIO.size(fd, file))
        return try bytes.withUnsafeBytes { raw in
            if BinarySnapshot.isBinary(raw) { return try BinarySnapshot.decode(raw, path: file) }
            var loaded = try readJSONLines(Data(raw), path: file)
            loaded.legacy = true
            return loaded
        }
    }

    /// Writes the JSON-lines form (kept for tests of old stores and for `jq` users who want one).
    static func writeJSONLines(_ s: Snapshot, journalId: String, journalOffset: Int, journalLine: Int, to path: String) throws {
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

    static func readJSONLines(_ data: Data, path: String) throws -> Loaded {
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
