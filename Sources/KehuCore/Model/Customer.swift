/// A customer (客户): a company or person an account manager sells to.
///
/// Derived figures (交易次数, 交易金额, 首次交易, 最近交易) are not stored here:
/// they come from transactions (`CustomerMetrics`), so they can never disagree.
public struct Customer: Hashable, Sendable, Identifiable {
    public var id: String
    public var version: Int = 0
    public var externalId: String?
    public var name: String = ""
    public var region: String?
    public var nature: String?
    public var source: String?
    public var category: String?
    public var industry: String?
    public var credit: Int?
    public var contactStrategy: String?
    public var purchaseStrategy: String?
    public var employees: Int?
    public var scale: String?
    public var yearsInBusiness: String?
    public var standing: String?
    public var settlement: String?
    public var wantsAgency: Bool?
    public var phone: String?
    public var fax: String?
    public var email: String?
    public var website: String?
    public var address: String?
    public var postcode: String?
    /// The account manager's login (负责人); nil means the customer is in the pool (公海).
    public var owner: String?
    public var tags: [String] = []
    public var notes: String?
    /// A locked customer (锁定) never goes back to the pool automatically.
    public var locked: Bool = false
    /// The calendar date the current owner claimed or was assigned the customer.
    public var ownerSince: LocalDate?
    public var createdAt: Timestamp = Timestamp(millis: 0)
    public var updatedAt: Timestamp = Timestamp(millis: 0)
    /// Columns a company adds (name → text).
    public var custom: [String: String] = [:]

    public init(id: String, name: String = "") { self.id = id; self.name = name }

    /// A field's value as the journal stores it.
    public subscript(field: CustomerField) -> Value {
        get {
            switch field {
            case .externalId: return Value(externalId)
            case .name: return .string(name)
            case .region: return Value(region)
            case .nature: return Value(nature)
            case .source: return Value(source)
            case .category: return Value(category)
            case .industry: return Value(industry)
            case .credit: return Value(credit)
            case .contactStrategy: return Value(contactStrategy)
            case .purchaseStrategy: return Value(purchaseStrategy)
            case .employees: return Value(employees)
            case .scale: return Value(scale)
            case .yearsInBusiness: return Value(yearsInBusiness)
            case .standing: return Value(standing)
            case .settlement: return Value(settlement)
            case .wantsAgency: return wantsAgency.map(Value.bool) ?? .null
            case .phone: return Value(phone)
            case .fax: return Value(fax)
            case .email: return Value(email)
            case .website: return Value(website)
            case .address: return Value(address)
            case .postcode: return Value(postcode)
            case .owner: return Value(owner)
            case .tags: return Value(tags)
            case .notes: return Value(notes)
            case .locked: return .bool(locked)
            case .ownerSince: return Value(ownerSince?.description)
            case .createdAt: return .string(createdAt.description)
            case .updatedAt: return .string(updatedAt.description)
            }
        }
        set {
            let s = newValue.stringValue.flatMap { $0.isEmpty ? nil : $0 }
            switch field {
            case .externalId: externalId = s
            case .name: name = s ?? ""
            case .region: region = s
            case .nature: nature = s
            case .source: source = s
            case .category: category = s
            case .industry: industry = s
            case .credit: credit = newValue.intValue.map(Int.init)
            case .contactStrategy: contactStrategy = s
            case .purchaseStrategy: purchaseStrategy = s
            case .employees: employees = newValue.intValue.map(Int.init)
            case .scale: scale = s
            case .yearsInBusiness: yearsInBusiness = s
            case .standing: standing = s
            case .settlement: settlement = s
            case .wantsAgency: wantsAgency = newValue.boolValue
            case .phone: phone = s
            case .fax: fax = s
            case .email: email = s
            case .website: website = s
            case .address: address = s
            case .postcode: postcode = s
            case .owner: owner = s
            case .tags: tags = newValue.stringArray ?? []
            case .notes: notes = s
            case .locked: locked = newValue.boolValue ?? false
            case .ownerSince: ownerSince = s.flatMap { LocalDate($0) }
            case .createdAt: createdAt = s.flatMap { Timestamp($0) } ?? createdAt
            case .updatedAt: updatedAt = s.flatMap { Timestamp($0) } ?? updatedAt
            }
        }
    }

    /// Display text of a field (dictionary labels resolved by the caller).
    public func text(_ field: CustomerField) -> String {
        switch field {
        case .tags: return tags.joined(separator: ", ")
        case .credit: return credit.map { String(repeating: "★", count: $0) } ?? ""
        case .wantsAgency: return wantsAgency.map { $0 ? "yes" : "no" } ?? ""
        case .locked: return locked ? "yes" : ""
        default: return self[field].stringValue ?? ""
        }
    }

    /// True when the customer sits in the pool (公海): nobody owns it.
    public var inPool: Bool { owner == nil }
}
