#if canImport(Glibc)
import Glibc
#endif
import Foundation
import KehuCore

/// The right to erasure: a customer's personal data removed from the whole
/// journal (not just hidden in the current state).
///
/// Under the exclusive lock the journal is rewritten to a temporary file with
/// the personal fields (the customer's sensitive fields, and its contacts'
/// names and sensitive fields) removed from every entry, fsynced and renamed
/// over the journal; the snapshot is deleted (it is rebuilt), open readers see
/// the new inode and reload. The old journal is NOT kept (that is the point);
/// the erasure itself is recorded in the journal (`"event":"erase"`, who, when)
/// and in the audit trail.
public enum Erasure {
    public static func erase(customer cid: String, in storePath: String, by user: String, policy: AccessPolicy) throws -> Int {
        let store = try FileStore(path: storePath, user: user)
        guard store.snapshot.customers[cid] != nil else { throw StoreError.rejected([.notFound(entity: "customer", id: cid)]) }
        let contactIds = Set(store.snapshot.contacts(of: cid).map(\.id))
        let customerFields = policy.sensitiveFields
        let contactFields = policy.sensitiveContactFields.union(["name", "notes"])
        let lockPath = (storePath as NSString).appendingPathComponent(FileStore.lockFile)
        let lockFD = try FileIO.open(lockPath, O_RDWR)
        defer { close(lockFD) }
        try FileIO.lock(lockFD, lockPath, exclusive: true)
        let journal = (storePath as NSString).appendingPathComponent(FileStore.journalFile)
        guard let data = FileManager.default.contents(atPath: journal) else { FileIO.unlock(lockFD); throw StoreError.io(path: journal, message: "cannot read") }
        var out = ""
        var changed = 0
        let text = String(decoding: data, as: UTF8.self)
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            guard n > 0, case .object(var o)? = try? JSONText.parse(String(line)), let type = o["type"]?.stringValue, let id = o["id"]?.stringValue,
                  case .object(var set)? = o["set"] else { out += line + "\n"; continue }
            let drop: Set<String>
            if type == "customer" && id == cid { drop = customerFields }
            else if type == "contact" && (contactIds.contains(id) || set["customer"]?.stringValue == cid) { drop = contactFields }
            else { out += line + "\n"; continue }
            let before = set.count
            for k in drop where set[k] != nil { set[k] = type == "contact" && k == "name" ? .string("[erased]") : nil }
            if set.count != before || set["name"] == .string("[erased]") { changed += 1 }
            o["set"] = .object(set)
            var l = ""
            let order = ["seq", "at", "by", "op", "type", "id", "base", "event", "set"]
            JSONText.writeObject(order.compactMap { k in o[k].map { (k, $0) } }, into: &l)
            out += l + "\n"
        }
        do {
            try FileIO.writeAtomically(journal, Array(out.utf8), mode: 0o640)
            try? FileManager.default.removeItem(atPath: (storePath as NSString).appendingPathComponent(FileStore.snapshotFile))
        } catch { FileIO.unlock(lockFD); throw error }
        FileIO.unlock(lockFD)
        let reopened = try FileStore(path: storePath, user: user)
        let v = reopened.snapshot.customers[cid]?.version
        try reopened.commit(.update(.customer, id: cid, base: v, ["notes": .string("个人信息已删除 personal data erased")], event: "erase"))
        try AuditLog(storePath: storePath).append(.init(at: .now, by: user, action: "erase", customer: cid, detail: "\(changed) journal entries rewritten"))
        return changed
    }
}
