import KehuCore

/// What a file holds: one record type per file.
public enum ImportKind: String, CaseIterable, Sendable {
    case customers, contacts, transactions, interactions

    public var entity: Entity {
        switch self {
        case .customers: return .customer
        case .contacts: return .contact
        case .transactions: return .transaction
        case .interactions: return .interaction
        }
    }

    /// The columns an export writes, in order (also the English header names an import accepts).
    public var columns: [String] {
        switch self {
        case .customers:
            return CustomerField.allCases.filter { $0 != .createdAt && $0 != .updatedAt }.map(\.rawValue)
        case .contacts: return Contact.fields
        case .transactions: return Transaction.fields
        case .interactions: return Interaction.fields
        }
    }

    /// The Chinese header of a column (as Chinese spreadsheets and `--headers zh` write it).
    public func chineseHeader(_ column: String) -> String {
        if self == .customers {
            if column.hasPrefix("custom.") { return String(column.dropFirst(7)) }
            return CustomerField(rawValue: column)?.label.zh ?? column
        }
        return ImportKind.childHeaders[self]?.first { $0.value == column }?.key ?? column
    }

    /// The field a header of a contacts, transactions or interactions file names
    /// (the key itself, or a Chinese or English synonym), or nil.
    public func childField(_ header: String) -> String? {
        let k = Normalize.key(header)
        if columns.contains(k) { return k }
        for (name, field) in ImportKind.synonyms[self] ?? [:] where Normalize.key(name) == k { return field }
        return ImportKind.childHeaders[self]?[header] ?? ImportKind.childHeaders[self]?.first { Normalize.key($0.key) == k }?.value
    }

    /// Chinese headers, the first of each field being the one exports write.
    static let childHeaders: [ImportKind: [String: String]] = [
        .contacts: ["客户编号": "customer", "姓名": "name", "职务": "title", "电话": "phone", "手机": "mobile", "电子邮件": "email",
                    "微信": "wechat", "备注": "notes"],
        .transactions: ["客户编号": "customer", "交易日期": "date", "金额": "amount", "币种": "currency", "产品": "product",
                        "数量": "quantity", "备注": "note"],
        .interactions: ["客户编号": "customer", "联系时间": "at", "联系渠道": "channel", "内容": "note", "记录人": "by", "类型": "kind"],
    ]

    /// Other headers seen in the wild.
    static let synonyms: [ImportKind: [String: String]] = [
        .contacts: ["客户": "customer", "customer id": "customer", "联系人": "name", "联系人姓名": "name", "名字": "name",
                    "职位": "title", "position": "title", "办公电话": "phone", "座机": "phone", "移动电话": "mobile", "cell": "mobile",
                    "邮箱": "email", "e-mail": "email", "mail": "email", "微信号": "wechat", "note": "notes", "说明": "notes"],
        .transactions: ["客户": "customer", "customer id": "customer", "日期": "date", "交易时间": "date", "成交日期": "date",
                        "交易金额": "amount", "成交金额": "amount", "total": "amount", "货币": "currency", "商品": "product",
                        "产品名称": "product", "item": "product", "qty": "quantity", "notes": "note", "说明": "note"],
        .interactions: ["客户": "customer", "customer id": "customer", "时间": "at", "日期": "at", "联系日期": "at", "date": "at",
                        "time": "at", "渠道": "channel", "方式": "channel", "联系方式": "channel", "联系内容": "note", "记录": "note",
                        "备注": "note", "notes": "note", "经办人": "by", "负责人": "by", "owner": "by", "type": "kind"],
    ]
}
