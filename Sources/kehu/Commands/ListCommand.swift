import ArgumentParser
import KehuCore
import KehuStore

/// `kehu list`: customers, filtered and sorted, as a table, CSV or JSON.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List customers.")

    @Option(help: "Text to find in name (or its pinyin: zhangwei, zw), ids, contact names, phone digits, email or tags.") var filter: String?
    @Option(name: .customLong("where"), help: ArgumentHelp("Only customers whose field has this value (repeatable); dictionary fields accept labels.", valueName: "FIELD=VALUE"))
    var conditions: [String] = []
    @Option(help: "Sort by a column: id, name, region, category, owner, credit, last, total.") var sort = "id"
    @Flag(help: "Sort descending.") var desc = false
    @Option(help: "At most this many rows.") var limit: Int?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table
    @Option(help: "Label language for dictionary values in tables: zh or en.") var lang: Language = .zh
    @OptionGroup var storeOptions: StoreOptions

    static let columns = ["id", "name", "region", "category", "owner", "credit", "last", "total", "count", "externalId"]

    func validate() throws {
        guard ListCommand.columns.contains(sort) else { throw ValidationError("--sort: one of \(ListCommand.columns.joined(separator: ", "))") }
    }

    func run() throws {
        let store = try storeOptions.open()
        let s = store.snapshot
        let wanted = try FieldInput.parse(conditions, entity: .customer, snapshot: s)
        // The same search as the workstation's `/`: name, pinyin (full and initials),
        // ids, contact names, phone digits, emails, WeChat, tags.
        var allowed: Set<String>?
        if let filter, !filter.trimmingCharacters(in: .whitespaces).isEmpty {
            let all = s.customerList
            let index = SearchIndex(documents: all.map { CustomerSearchKeys.text($0, contacts: s.contacts(of: $0.id)) })
            allowed = Set(index.matches(filter).map { all[Int($0)].id })
        }
        var picked: [Customer] = []
        for c in s.customers.values {
            if !wanted.allSatisfy({ k, v in
                guard let f = CustomerField(rawValue: k) else { return c.custom[String(k.dropFirst(7))] == v.stringValue }
                if f == .tags, let want = v.stringArray { return Set(want).isSubset(of: Set(c.tags)) }
                return c[f] == v
            }) { continue }
            if let allowed, !allowed.contains(c.id) { continue }
            picked.append(c)
        }
        picked.sort(by: order(s))
        if let limit { picked = Array(picked.prefix(limit)) }
        let human = format == .table
        let rows = picked.map { c -> [String] in
            let m = s.metrics(of: c.id)
            return [c.id, c.name,
                    human ? s.dictionary.label(.region, c.region, lang) : (c.region ?? ""),
                    human ? s.dictionary.label(.category, c.category, lang) : (c.category ?? ""),
                    c.owner ?? (human ? "(公海)" : ""),
                    human ? c.text(.credit) : c.credit.map(String.init) ?? "",
                    m.last?.description ?? "",
                    m.count == 0 ? "" : (human ? m.totalMoney.formatted : m.totalMoney.plain),
                    String(m.count), c.externalId ?? ""]
        }
        print(Table(columns: ListCommand.columns, rows: rows, numeric: ["count"]).render(format), terminator: "")
        if human { print("\(picked.count) of \(s.customers.count) customers") }
    }

    func order(_ s: Snapshot) -> (Customer, Customer) -> Bool {
        let key: (Customer) -> (String, Int64) = { c in
            let m = s.metrics(of: c.id)
            switch sort {
            case "name": return (Normalize.key(c.name), 0)
            case "region": return (c.region ?? "\u{10FFFF}", 0)
            case "category": return (c.category ?? "\u{10FFFF}", 0)
            case "owner": return (c.owner ?? "\u{10FFFF}", 0)
            case "credit": return ("", Int64(c.credit ?? 0))
            case "last": return (m.last?.description ?? "", 0)
            case "total": return ("", m.total)
            case "count": return ("", Int64(m.count))
            case "externalId": return (c.externalId ?? "", 0)
            default: return ("", Int64(idNumber(c.id)))
            }
        }
        return { a, b in
            let ka = key(a), kb = key(b)
            if ka == kb { return idNumber(a.id) < idNumber(b.id) }
            return desc ? (ka > kb) : (ka < kb)
        }
    }
}

extension Language: ExpressibleByArgument {}
