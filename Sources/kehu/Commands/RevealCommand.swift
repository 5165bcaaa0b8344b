import ArgumentParser
import KehuStore

/// `kehu reveal ID FIELD`: the clear value of a masked field; audited.
struct RevealCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reveal", abstract: "Show a masked personal field in clear (recorded in the audit trail).")

    @Argument(help: "Customer (C12) or contact (P3) id.") var id: String
    @Argument(help: "Field: phone, fax, email, address, mobile, wechat.") var field: String
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        if let remote = store as? RemoteStore {
            print(try remote.reveal(id: id.uppercased(), field: field))
            return
        }
        // Embedded mode: the user owns the store and nothing is masked; still audited.
        let s = store.snapshot
        let up = id.uppercased()
        let value = up.hasPrefix("P") ? s.contacts[up]?.fieldValues[field] : s.customer(id)?.fieldValues[field]
        guard let v = value?.stringValue else { throw FieldInput.Problem(description: "\(id): no \(field)") }
        if let fs = store as? FileStore {
            try AuditLog(storePath: fs.path).append(.init(at: .now, by: fs.user, action: "reveal", customer: up.hasPrefix("P") ? s.contacts[up]?.customerId : s.customer(id)?.id, detail: "\(up).\(field)"))
        }
        print(v)
    }
}
