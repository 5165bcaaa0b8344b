#if canImport(Glibc)
import Glibc
#endif
import Foundation
import KehuCore

/// `audit.jsonl`: the append-only trail of what the journal does not hold —
/// reveals of masked data, exports, erasures, backups, restores and refused
/// requests. Changes (edits, claims, releases, assignments) are in the journal
/// itself; `kehu audit` shows both, merged by time.
///
/// A line: `{"at":"…Z","by":"alice","action":"reveal","customer":"C12","detail":"phone"}`.
public struct AuditLog: Sendable {
    public let path: String

    public init(storePath: String) { path = (storePath as NSString).appendingPathComponent("audit.jsonl") }

    public struct Record: Sendable {
        public var at: Timestamp
        public var by: String
        public var action: String
        public var customer: String?
        public var detail: String
        public init(at: Timestamp, by: String, action: String, customer: String?, detail: String) {
            self.at = at; self.by = by; self.action = action; self.customer = customer; self.detail = detail
        }
    }

    /// Appends one record with a single write and fsyncs it before returning.
    public func append(_ r: Record) throws {
        var line = ""
        JSONText.writeObject([("at", .string(r.at.description)), ("by", .string(r.by)), ("action", .string(r.action)),
                              ("customer", Value(r.customer)), ("detail", .string(r.detail))], into: &line)
        line += "\n"
        let fd = try FileIO.open(path, O_WRONLY | O_APPEND | O_CREAT, 0o640)
        defer { close(fd) }
        try FileIO.writeAll(fd, path, Array(line.utf8))
        try FileIO.sync(fd, path)
    }

    public func read() throws -> [Record] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        var out: [Record] = []
        for (n, line) in String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated() {
            guard case .object(let o)? = try? JSONText.parse(String(line)), let at = o["at"]?.stringValue.flatMap({ Timestamp($0) }) else {
                throw StoreError.corrupt(path: path, line: n + 1, reason: "not an audit record")
            }
            out.append(Record(at: at, by: o["by"]?.stringValue ?? "", action: o["action"]?.stringValue ?? "",
                              customer: o["customer"]?.stringValue, detail: o["detail"]?.stringValue ?? ""))
        }
        return out
    }
}
