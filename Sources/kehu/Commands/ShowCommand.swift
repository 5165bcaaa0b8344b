import ArgumentParser
import KehuCore
import KehuStore

/// `kehu show ID`: the unified customer view (客户视图) as text or JSON.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a customer: fields, contacts, purchases, interactions.")

    @Argument(help: "Customer id (C12) or external id.") var id: String
    @Option(help: "table (readable text) or json.") var format: OutputFormat = .table
    @Option(help: "Label language: zh or en.") var lang: Language = .zh
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        let s = store.snapshot
        guard let c = s.customer(id) else { throw FieldInput.Problem(description: "customer \(id): not found") }
        let m = s.metrics(of: c.id)
        if format == .json {
            var o = c.fieldValues
            o["id"] = .string(c.id)
            o["version"] = .int(Int64(c.version))
            o["transactionCount"] = .int(Int64(m.count))
            o["transactionTotal"] = .string(m.totalMoney.plain)
            o["firstPurchase"] = Value(m.first?.description)
            o["lastPurchase"] = Value(m.last?.description)
            o["contacts"] = .array(s.contacts(of: c.id).map { p in var f = p.fieldValues; f["id"] = .string(p.id); return .object(f) })
            o["transactions"] = .array(s.transactions(of: c.id).map { t in var f = t.fieldValues; f["id"] = .string(t.id); return .object(f) })
            o["interactions"] = .array(s.interactions(of: c.id).map { i in var f = i.fieldValues; f["id"] = .string(i.id); return .object(f) })
            print(JSONText.encode(.object(o)))
            return
        }
        var rows: [[String]] = [[lang == .zh ? "编号" : "ID", "\(c.id)  (v\(c.version))"]]
        for f in CustomerField.allCases {
            var v = c.text(f)
            if case .dictionary(let k) = f.kind { v = s.dictionary.label(k, c[f].stringValue, lang) }
            if f == .owner, c.owner == nil { v = lang == .zh ? "(公海)" : "(pool)" }
            rows.append([f.label.text(lang), v])
        }
        for (k, v) in c.custom.sorted(by: { $0.key < $1.key }) { rows.append([k, v]) }
        let L: (String, String) -> String = { lang == .zh ? $0 : $1 }
        rows.append([L("交易次数", "Purchases"), String(m.count)])
        rows.append([L("交易金额", "Revenue"), m.totalMoney.formatted])
        rows.append([L("首次交易", "First purchase"), m.first?.description ?? ""])
        rows.append([L("最近交易", "Last purchase"), m.last?.description ?? ""])
        print(Table(columns: [L("字段", "Field"), L("值", "Value")], rows: rows).render(.table))
        let contacts = s.contacts(of: c.id)
        if !contacts.isEmpty {
            print(L("联系人", "Contacts"))
            print(Table(columns: ["id", "name", "title", "mobile", "phone", "email", "wechat"], rows: contacts.map {
                [$0.id, $0.name, $0.title ?? "", $0.mobile ?? "", $0.phone ?? "", $0.email ?? "", $0.wechat ?? ""]
            }).render(.table))
        }
        let tx = s.transactions(of: c.id)
        if !tx.isEmpty {
            print(L("交易", "Purchases"))
            print(Table(columns: ["id", "date", "amount", "product", "quantity"], rows: tx.reversed().map {
                [$0.id, $0.date.description, $0.amount.formatted, $0.product ?? "", $0.fieldValues["quantity"]?.stringValue ?? ""]
            }).render(.table))
        }
        let ix = s.interactions(of: c.id)
        if !ix.isEmpty {
            print(L("联系记录", "Interactions"))
            for i in ix {
                let head = "\(i.id)  \(i.at)  \(i.kind.label.text(lang))  \(s.dictionary.label(.channel, i.channel, lang))  \(i.by ?? "")"
                print(TerminalText.line(head))
                for line in TerminalText.lines(i.note) { print("    " + line) }
            }
        }
    }
}
