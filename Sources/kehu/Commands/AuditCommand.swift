import ArgumentParser
import KehuCore
import KehuStore

/// `kehu audit`: every change (from the journal) and every reveal, export,
/// erasure, backup, restore and refusal (from audit.jsonl), merged by time.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "Show the audit trail.")

    @Option(help: "Only actions by this login.") var user: String?
    @Option(help: "Only actions on this customer (id).") var customer: String?
    @Option(help: "Only actions on or after this date (YYYY-MM-DD, UTC).") var since: String?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let sinceDate: LocalDate?
        if let since {
            guard let d = LocalDate(since) else { throw ValidationError("--since: '\(since)' is not a date (YYYY-MM-DD)") }
            sinceDate = d
        } else { sinceDate = nil }
        let store = try storeOptions.open()
        var rows: [(Timestamp, [String])] = []
        let s = store.snapshot
        for e in try store.entries(after: 0) where e.change.event != "seed" {
            let cid = customerOf(e.change, s)
            rows.append((e.at, [e.at.description, e.by, e.change.event ?? e.change.op.rawValue, cid ?? "", "\(e.change.entity) \(e.change.id ?? "")" + (e.change.fields.isEmpty ? "" : ": " + e.change.fields.keys.sorted().joined(separator: ","))]))
        }
        let trail: [AuditLog.Record]
        if let remote = store as? RemoteStore { trail = try remote.trail() }
        else if let fs = store as? FileStore { trail = try AuditLog(storePath: fs.path).read() } else { trail = [] }
        for r in trail { rows.append((r.at, [r.at.description, r.by, r.action, r.customer ?? "", r.detail])) }
        rows = rows.filter { row in
            (user == nil || row.1[1] == user) && (customer == nil || row.1[3] == customer?.uppercased()) && (sinceDate == nil || row.0.utcDate >= sinceDate!)
        }
        rows.sort { $0.0 < $1.0 }
        print(Table(columns: ["at", "by", "action", "customer", "what"], rows: rows.map(\.1)).render(format), terminator: "")
    }

    func customerOf(_ c: Change, _ s: Snapshot) -> String? {
        if c.entity == "customer" { return c.id }
        if let cid = c.fields["customer"]?.stringValue { return cid }
        guard let id = c.id else { return nil }
        return s.contacts[id]?.customerId ?? s.transactions[id]?.customerId ?? s.interactions[id]?.customerId
    }
}
