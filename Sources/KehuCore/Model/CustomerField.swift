/// Every field of a customer (客户) from `004_*.txt`, plus what a CRM needs
/// around them. The raw value is the key used in the journal, CSV headers and
/// `kehu edit --set KEY=VALUE`.
public enum CustomerField: String, CaseIterable, Sendable {
    case externalId, name, region, nature, source, category, industry, credit
    case contactStrategy, purchaseStrategy, employees, scale, yearsInBusiness, standing
    case settlement, wantsAgency, phone, fax, email, website, address, postcode
    case owner, tags, notes, locked, ownerSince, createdAt, updatedAt

    public var label: Label {
        switch self {
        case .externalId: return Label(zh: "客户编号", en: "External ID")
        case .name: return Label(zh: "客户名称", en: "Name")
        case .region: return Label(zh: "所属区域", en: "Region")
        case .nature: return Label(zh: "客户性质", en: "Nature")
        case .source: return Label(zh: "客户来源", en: "Source")
        case .category: return Label(zh: "客户类别", en: "Category")
        case .industry: return Label(zh: "所属行业", en: "Industry")
        case .credit: return Label(zh: "信用状况", en: "Credit")
        case .contactStrategy: return Label(zh: "联系策略", en: "Contact strategy")
        case .purchaseStrategy: return Label(zh: "购买策略", en: "Purchase strategy")
        case .employees: return Label(zh: "员工数量", en: "Employees")
        case .scale: return Label(zh: "规模", en: "Scale")
        case .yearsInBusiness: return Label(zh: "从业时间", en: "Years in business")
        case .standing: return Label(zh: "行业地位", en: "Standing")
        case .settlement: return Label(zh: "结算方式", en: "Settlement terms")
        case .wantsAgency: return Label(zh: "希望代理", en: "Wants agency")
        case .phone: return Label(zh: "电话", en: "Phone")
        case .fax: return Label(zh: "传真", en: "Fax")
        case .email: return Label(zh: "电子邮件", en: "Email")
        case .website: return Label(zh: "单位网址", en: "Website")
        case .address: return Label(zh: "通讯地址", en: "Address")
        case .postcode: return Label(zh: "邮政编码", en: "Postcode")
        case .owner: return Label(zh: "负责人", en: "Owner")
        case .tags: return Label(zh: "标签", en: "Tags")
        case .notes: return Label(zh: "备注", en: "Notes")
        case .locked: return Label(zh: "锁定", en: "Locked")
        case .ownerSince: return Label(zh: "领取时间", en: "Owner since")
        case .createdAt: return Label(zh: "创建时间", en: "Created")
        case .updatedAt: return Label(zh: "更新时间", en: "Updated")
        }
    }

    public var kind: FieldKind {
        switch self {
        case .region: return .dictionary(.region)
        case .nature: return .dictionary(.nature)
        case .source: return .dictionary(.source)
        case .category: return .dictionary(.category)
        case .industry: return .dictionary(.industry)
        case .contactStrategy: return .dictionary(.contactStrategy)
        case .purchaseStrategy: return .dictionary(.purchaseStrategy)
        case .scale: return .dictionary(.scale)
        case .yearsInBusiness: return .dictionary(.yearsInBusiness)
        case .standing: return .dictionary(.standing)
        case .settlement: return .dictionary(.settlement)
        case .credit: return .credit
        case .employees: return .integer
        case .wantsAgency, .locked: return .boolean
        case .phone, .fax: return .phone
        case .email: return .email
        case .website: return .url
        case .postcode: return .postcode
        case .tags: return .tags
        case .notes, .address: return .multiline
        case .owner: return .login
        case .ownerSince: return .date
        case .createdAt, .updatedAt: return .timestamp
        case .externalId, .name: return .text
        }
    }

    /// Fields the system maintains; users and importers do not set them directly.
    public var isSystem: Bool { self == .createdAt || self == .updatedAt || self == .ownerSince }

    /// Personal data (masked for users without the right, erased on request).
    public var isSensitive: Bool { [.phone, .fax, .email, .address].contains(self) }

    /// Finds a field by its key, either label, or a common synonym (as CSV headers write them).
    public static func named(_ text: String) -> CustomerField? {
        if let f = CustomerField(rawValue: text) { return f }
        let k = Normalize.key(text)
        if let f = allCases.first(where: { Normalize.key($0.rawValue) == k || Normalize.key($0.label.zh) == k || Normalize.key($0.label.en) == k }) {
            return f
        }
        return synonyms[k]
    }

    static let synonyms: [String: CustomerField] = [
        "id": .externalId, "external_id": .externalId, "编号": .externalId, "客户id": .externalId,
        "company": .name, "customer": .name, "公司名称": .name, "客户": .name, "名称": .name,
        "区域": .region, "性质": .nature, "来源": .source, "类别": .category, "行业": .industry,
        "信用": .credit, "信用等级": .credit, "员工数": .employees, "销售规模": .scale,
        "手机": .phone, "联系电话": .phone, "mail": .email, "e-mail": .email, "邮箱": .email,
        "网址": .website, "url": .website, "地址": .address, "邮编": .postcode, "zip": .postcode,
        "years": .yearsInBusiness, "settlement terms": .settlement, "terms": .settlement,
        "account manager": .owner, "销售": .owner, "业务员": .owner, "客户经理": .owner, "note": .notes,
    ]
}
