#if canImport(Glibc)
import Glibc
#endif
import Foundation
import KehuCore

/// Consistent copies of a live store, and putting one back.
///
/// The journal only grows, so a copy of its first N bytes, where N is read
/// while holding the lock in shared mode (no append can be half-done then), is
/// a consistent store as of that moment; later appends do not disturb it.
public enum Backup {
    public struct Result: Sendable { public var entries: Int; public var bytes: Int }

    public static func make(from storePath: String, to dest: String, by user: String) throws -> Result {
        let fm = FileManager.default
        if fm.fileExists(atPath: dest), !((try? fm.contentsOfDirectory(atPath: dest))?.isEmpty ?? true) {
            throw StoreError.io(path: dest, message: "exists and is not empty; choose a new folder")
        }
        try fm.createDirectory(atPath: dest, withIntermediateDirectories: true)
        let journal = (storePath as NSString).appendingPathComponent(FileStore.journalFile)
        let lockPath = (storePath as NSString).appendingPathComponent(FileStore.lockFile)
        let lockFD = try FileIO.open(lockPath, O_RDONLY)
        defer { close(lockFD) }
        let fd = try FileIO.open(journal, O_RDONLY)
        defer { close(fd) }
        try FileIO.lock(lockFD, lockPath, exclusive: false)
        let size: Int
        do { size = try FileIO.size(fd, journal) } catch { FileIO.unlock(lockFD); throw error }
        FileIO.unlock(lockFD)
        var bytes = try FileIO.read(fd, journal, offset: 0, count: size)
        // Only whole units: drop an incomplete tail (it was never acknowledged).
        let chunk = try JournalReader.read(bytes, firstLine: 1, atStart: true, path: journal)
        bytes.removeSubrange(chunk.consumed...)
        for name in [FileStore.configFile, "audit.jsonl"] {
            let p = (storePath as NSString).appendingPathComponent(name)
            if var data = fm.contents(atPath: p).map([UInt8].init) {
                if name == "audit.jsonl", let last = data.lastIndex(of: 10) { data.removeSubrange((last + 1)...) }
                try FileIO.writeAtomically((dest as NSString).appendingPathComponent(name), data)
            }
        }
        try FileIO.writeAtomically((dest as NSString).appendingPathComponent(FileStore.lockFile), [])
        try FileIO.writeAtomically((dest as NSString).appendingPathComponent(FileStore.journalFile), bytes)
        let copy = try FileStore(path: dest, user: user)
        try copy.writeSnapshot()
        let report = StoreChecker.check(path: dest)
        guard report.ok else {
            throw StoreError.io(path: dest, message: "the copy does not pass kehu check: \(report.findings.first { $0.isProblem }?.description ?? "")")
        }
        try? AuditLog(storePath: storePath).append(.init(at: .now, by: user, action: "backup", customer: nil, detail: "to \(dest): \(report.entries) entries"))
        return Result(entries: report.entries, bytes: bytes.count)
    }

    /// Replaces a store's contents with a verified backup. The replaced journal is
    /// kept as `journal.before-restore-<ms>.jsonl`; nothing is deleted.
    public static func restore(from src: String, into storePath: String, by user: String) throws -> StoreChecker.Report {
        let report = StoreChecker.check(path: src)
        guard report.ok else {
            throw StoreError.io(path: src, message: "not restored: the backup fails kehu check: \(report.findings.first { $0.isProblem }?.description ?? "")")
        }
        let fm = FileManager.default
        if !fm.fileExists(atPath: storePath) { try fm.createDirectory(atPath: storePath, withIntermediateDirectories: true) }
        let lockPath = (storePath as NSString).appendingPathComponent(FileStore.lockFile)
        let lockFD = try FileIO.open(lockPath, O_RDWR | O_CREAT, 0o664)
        defer { close(lockFD) }
        try FileIO.lock(lockFD, lockPath, exclusive: true)
        defer { FileIO.unlock(lockFD) }
        let journal = (storePath as NSString).appendingPathComponent(FileStore.journalFile)
        if fm.fileExists(atPath: journal) {
            let keep = (storePath as NSString).appendingPathComponent("journal.before-restore-\(Timestamp.now.millis).jsonl")
            try fm.copyItem(atPath: journal, toPath: keep)
        }
        for name in [FileStore.configFile] {
            if let data = fm.contents(atPath: (src as NSString).appendingPathComponent(name)) {
                try FileIO.writeAtomically((storePath as NSString).appendingPathComponent(name), [UInt8](data))
            }
        }
        try? fm.removeItem(atPath: (storePath as NSString).appendingPathComponent(FileStore.snapshotFile))
        guard let data = fm.contents(atPath: (src as NSString).appendingPathComponent(FileStore.journalFile)) else {
            throw StoreError.io(path: src, message: "cannot read the journal")
        }
        // A new inode: open readers notice and reload.
        try FileIO.writeAtomically(journal, [UInt8](data))
        try? AuditLog(storePath: storePath).append(.init(at: .now, by: user, action: "restore", customer: nil, detail: "from \(src): \(report.entries) entries"))
        return report
    }
}
