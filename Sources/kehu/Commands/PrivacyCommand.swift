import ArgumentParser
import KehuCore
import KehuStore

/// `kehu privacy export|erase ID`: the data subject's rights of access and erasure.
struct PrivacyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "privacy", abstract: "Export all of a customer's data, or erase its personal data.",
                                                    subcommands: [Export.self, Erase.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export", abstract: "Everything stored about a customer, as JSON (audited).")
        @Argument(help: "Customer id.") var id: String
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let store = try storeOptions.open()
            let records: [SnapshotRecord]
            let cid = id.uppercased()
            if let remote = store as? RemoteStore {
                records = try remote.exportPersonalData(customer: cid)
            } else {
                let s = store.snapshot
                guard let c = s.customer(id) else { throw FieldInput.Problem(description: "customer \(id): not found") }
                records = s.records(ofCustomer: c.id)
                if let fs = store as? FileStore {
                    try AuditLog(storePath: fs.path).append(.init(at: .now, by: fs.user, action: "export", customer: c.id, detail: "personal data (right of access)"))
                }
            }
            let out: [Value] = records.map { r in var f = r.fields; f["id"] = .string(r.id); f["type"] = .string(r.entity); return .object(f) }
            print(JSONText.encode(.array(out)))
        }
    }

    struct Erase: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "erase", abstract: "Remove a customer's personal data from the whole journal (run by an admin on the store folder).")
        @Argument(help: "Customer id.") var id: String
        @Flag(help: "Confirm: this cannot be undone.") var yes = false
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            guard yes else { throw ValidationError("erasing personal data cannot be undone; add --yes to confirm") }
            let path = try storeOptions.resolvedPath()
            let store = try FileStore(path: path)
            let n = try Erasure.erase(customer: id.uppercased(), in: path, by: store.user, policy: AccessPolicy(sections: store.config.sections))
            print("erased the personal data of \(id.uppercased()) from \(n) journal entries")
        }
    }
}
