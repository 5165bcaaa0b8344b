/// A field dedup compares, and how.
///
/// Each comparison yields a level: `-1` when either side is empty (the field
/// then says nothing, as in Fellegi–Sunter with missing values), `0` for
/// disagreement, and higher levels for closer agreement up to `levels - 1`
/// (exact agreement after normalisation).
public struct DedupField: Hashable, Sendable, CustomStringConvertible {
    public enum Comparator: String, Hashable, Sendable {
        /// Company names: legal form stripped, full-width folded; exact / JW ≥ 0.92 / JW ≥ 0.80.
        case company
        /// Person names (any of the customer's contacts): token order ignored; exact / JW ≥ 0.88.
        case persons
        /// Phone numbers (customer phone, fax, contacts' phones and mobiles), as digits; equal / same last 7 digits.
        case phone
        /// Email addresses (customer and contacts); equal / same mailbox name at another domain.
        case email
        /// Addresses: JW ≥ 0.92 / JW ≥ 0.75.
        case address
        /// Codes (postcode, region …): equal or not.
        case exact
        /// Any other text: exact / JW ≥ 0.90.
        case text

        public var levels: Int {
            switch self {
            case .company: return 4
            case .exact: return 2
            case .persons, .phone, .email, .address, .text: return 3
            }
        }
    }

    /// The name used on the command line and in output: `name`, `contacts`, `phone`,
    /// `email`, `address`, `postcode`, any `CustomerField` key, or `custom.NAME`.
    public var key: String
    public var comparator: Comparator

    public init(key: String, comparator: Comparator) { self.key = key; self.comparator = comparator }

    public var description: String { key }

    public static let name = DedupField(key: "name", comparator: .company)
    public static let contacts = DedupField(key: "contacts", comparator: .persons)
    public static let phone = DedupField(key: "phone", comparator: .phone)
    public static let email = DedupField(key: "email", comparator: .email)
    public static let address = DedupField(key: "address", comparator: .address)
    public static let postcode = DedupField(key: "postcode", comparator: .exact)

    /// What `kehu dedup` compares when no `--fields` are given.
    public static let defaults: [DedupField] = [.name, .contacts, .phone, .email, .address, .postcode]

    /// Resolves a command-line field name (a key, a label like 客户名称, or `custom.NAME`).
    public static func named(_ text: String) -> DedupField? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let d = defaults.first(where: { $0.key == t }) { return d }
        switch Normalize.key(t) {
        case "contact", "contacts", "联系人", "person", "persons": return .contacts
        case "company": return .name
        default: break
        }
        if t.hasPrefix("custom.") && t.count > 7 { return DedupField(key: t, comparator: .text) }
        guard let f = CustomerField.named(t) else { return nil }
        switch f {
        case .name: return .name
        case .phone, .fax: return .phone
        case .email: return .email
        case .address: return .address
        case .postcode: return .postcode
        default:
            if case .dictionary = f.kind { return DedupField(key: f.rawValue, comparator: .exact) }
            return DedupField(key: f.rawValue, comparator: .text)
        }
    }
}
