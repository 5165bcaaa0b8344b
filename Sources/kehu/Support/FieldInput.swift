import KehuCore

/// Turns `FIELD=VALUE` text from the command line into journal values:
/// dictionary fields accept the code or either label (`South China` → `华南`),
/// tags are comma-separated, credit accepts `4` or `★★★★`, an empty value clears.
enum FieldInput {
    struct Problem: Error, CustomStringConvertible { var description: String }

    static func parse(_ assignments: [String], entity: Entity, snapshot: Snapshot) throws -> [String: Value] {
        var out: [String: Value] = [:]
        for a in assignments {
            guard let eq = a.firstIndex(of: "=") else { throw Problem(description: "--set \(a): expected FIELD=VALUE") }
            let key = String(a[..<eq]).trimmingCharacters(in: .whitespaces)
            let text = String(a[a.index(after: eq)...])
            let (k, v) = try value(key: key, text: text, entity: entity, snapshot: snapshot)
            out[k] = v
        }
        return out
    }

    static func value(key: String, text: String, entity: Entity, snapshot: Snapshot) throws -> (String, Value) {
        if text.isEmpty { return (canonicalKey(key, entity), .null) }
        guard entity == .customer else {
            let k = canonicalKey(key, entity)
            if entity == .interaction, k == "channel", let e = snapshot.dictionary.resolve(.channel, text) { return (k, .string(e.code)) }
            if entity == .interaction, k == "at", Timestamp(text) == nil, let d = LocalDate(text) {
                return (k, .string(Timestamp(millis: Int64(d.days) * 86_400_000).description))
            }
            if k == "customer", let c = snapshot.customer(text) { return (k, .string(c.id)) }
            return (k, .string(text))
        }
        if key.hasPrefix("custom.") { return (key, .string(text)) }
        guard let field = CustomerField.named(key) else {
            throw Problem(description: "--set \(key): unknown field; fields: \(CustomerField.allCases.filter { !$0.isSystem }.map(\.rawValue).joined(separator: ", ")), or custom.NAME")
        }
        switch field.kind {
        case .dictionary(let kind):
            return (field.rawValue, .string(snapshot.dictionary.resolve(kind, text)?.code ?? text))
        case .credit:
            let stars = text.filter { $0 == "★" || $0 == "*" }.count
            return (field.rawValue, stars > 0 && stars == text.count ? .int(Int64(stars)) : (Int64(text).map(Value.int) ?? .string(text)))
        case .integer:
            return (field.rawValue, Int64(text.replacingOccurrences(of: ",", with: "")).map(Value.int) ?? .string(text))
        case .boolean:
            return (field.rawValue, Value.string(text).boolValue.map(Value.bool) ?? .string(text))
        case .tags:
            return (field.rawValue, .array(text.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == ";" })
                .map { Value.string($0.trimmingCharacters(in: .whitespaces)) }.filter { $0 != .string("") }))
        default:
            return (field.rawValue, .string(text))
        }
    }

    static func canonicalKey(_ key: String, _ entity: Entity) -> String {
        if entity == .customer { return CustomerField.named(key)?.rawValue ?? key }
        let synonyms: [String: String] = ["客户": "customer", "姓名": "name", "职务": "title", "电话": "phone", "手机": "mobile",
                                          "邮箱": "email", "微信": "wechat", "备注": "notes", "日期": "date", "金额": "amount",
                                          "币种": "currency", "产品": "product", "数量": "quantity", "渠道": "channel", "时间": "at",
                                          "内容": "note", "类型": "kind"]
        return synonyms[key] ?? key
    }
}
