import Foundation
import KehuCore

/// `kehu check`: verifies a store without changing it.
///
/// Reads every journal line (continuing past bad ones so that all problems are
/// listed), checks the sequence numbers and that each update was based on the
/// version the record had at that point, replays the journal, and compares the
/// snapshot file with the replay at the snapshot's position.
public enum StoreChecker {
    public struct Finding: CustomStringConvertible, Sendable {
        public var path: String
        public var line: Int?
        public var message: String
        /// Notices (a torn tail already set aside) do not fail the check.
        public var isProblem: Bool
        public var description: String { "\(path)\(line.map { ":\($0)" } ?? ""): \(message)" }
    }

    public struct Report: Sendable {
        public var findings: [Finding] = []
        public var entries = 0
        public var customers = 0
        public var records = 0
        public var ok: Bool { !findings.contains { $0.isProblem } }
    }

    static func same(_ x: SnapshotRecord, _ y: SnapshotRecord) -> Bool {
        x.entity == y.entity && x.id == y.id && x.version == y.version && x.fields == y.fields
    }

    public static func check(path dir: String) -> Report {
        var report = Report()
        let journal = (dir as NSString).appendingPathComponent(FileStore.journalFile)
        func problem(_ p: String, _ l: Int?, _ m: String) { report.findings.append(Finding(path: p, line: l, message: m, isProblem: true)) }

        do { _ = try FileStore.loadConfig(dir) } catch { problem((dir as NSString).appendingPathComponent(FileStore.configFile), nil, "\(error)") }
        guard let handle = FileHandle(forReadingAtPath: journal) else {
            problem(journal, nil, "cannot read (is this a Kehu store?)")
            return report
        }
        defer { try? handle.close() }
        var replay = Snapshot()
        var atSnapshot: Snapshot?
        var snapshotSeq: Int64 = -1
        var snapshotFile: SnapshotFile.Loaded?
        var snapPath = (dir as NSString).appendingPathComponent(FileStore.snapshotFile)
        if !FileManager.default.fileExists(atPath: snapPath) { snapPath = SnapshotFile.legacyPath(besides: snapPath) }
        if FileManager.default.fileExists(atPath: snapPath) {
            do { snapshotFile = try SnapshotFile.read(snapPath); snapshotSeq = snapshotFile!.snapshot.seq } catch { problem(snapPath, nil, "\(error)") }
        }
        if snapshotSeq == 0 { atSnapshot = replay }

        var line = 1
        var batchLeft = 0
        var batchLine = 0
        var header = true
        /// Checks one complete line (without its newline).
        func check(_ lineBytes: ArraySlice<UInt8>) {
            defer { line += 1 }
            let v: Value
            do { v = try lineBytes.withUnsafeBufferPointer { try JSONText.parse($0) } } catch { problem(journal, line, "\(error)"); return }
            if header {
                header = false
                if case .object(let o) = v, o["format"]?.stringValue == "kehu-journal" { return }
                problem(journal, line, "first line is not a kehu-journal header")
                return
            }
            let decoded: JournalCodec.Line
            do { decoded = try JournalCodec.decode(v) } catch { problem(journal, line, "\(error)"); return }
            switch decoded {
            case .batch(let n):
                if batchLeft > 0 { problem(journal, line, "batch header inside a batch started at line \(batchLine)") }
                batchLeft = n; batchLine = line
            case .entry(let e):
                if batchLeft > 0 { batchLeft -= 1 }
                report.entries += 1
                if e.seq != replay.seq + 1 { problem(journal, line, "seq \(e.seq) does not follow \(replay.seq)") }
                if let id = e.change.id, let base = e.change.base, e.change.op != .create,
                   let current = replay.version(entity: e.change.entity, id: id), current != base {
                    problem(journal, line, "\(e.change.entity) \(id): based on version \(base) but the record was at version \(current) (a lost update)")
                }
                var fixed = e
                fixed.seq = replay.seq + 1
                do { try replay.apply(fixed) } catch { problem(journal, line, error.description) }
                if replay.seq == snapshotSeq { atSnapshot = replay }
            }
        }
        // The journal is read 64 MB at a time (at a million customers it is 5 GB).
        var carry: [UInt8] = []
        while true {
            let data = handle.readData(ofLength: 64 << 20)
            if data.isEmpty { break }
            carry += data
            var start = 0
            while let nl = carry[start...].firstIndex(of: 10) {
                check(carry[start..<nl])
                start = nl + 1
            }
            carry.removeFirst(start)
        }
        if !carry.isEmpty {
            problem(journal, line, "incomplete last line (an interrupted write; opening the store as a writer sets it aside)")
        }
        if batchLeft > 0 { problem(journal, batchLine, "incomplete batch: \(batchLeft) entries missing at the end of the journal") }
        for f in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] where f.hasPrefix("journal.torn-") {
            report.findings.append(Finding(path: (dir as NSString).appendingPathComponent(f), line: nil,
                                           message: "bytes of an interrupted write, set aside (kept for inspection; never applied)", isProblem: false))
        }
        if let snap = snapshotFile {
            if let expected = atSnapshot {
                // Equal states are the common case and cheap to confirm; only a difference
                // is worth the record-by-record walk that names the first differing record.
                if snap.snapshot != expected {
                    let a = snap.snapshot.records, b = expected.records
                    if a.count != b.count {
                        problem(snapPath, nil, "holds \(a.count) records but the journal up to seq \(snap.snapshot.seq) gives \(b.count)")
                    } else if let i = a.indices.first(where: { !same(a[$0], b[$0]) }) {
                        problem(snapPath, nil, "record \(i + 1): \(a[i].entity) \(a[i].id) differs from the journal replay (version \(a[i].version) vs \(b[i].version))")
                    }
                }
            } else {
                problem(snapPath, 1, "seq \(snap.snapshot.seq) is beyond the journal (\(replay.seq) entries)")
            }
        }
        report.customers = replay.customers.count
        report.records = replay.recordCount
        return report
    }
}
