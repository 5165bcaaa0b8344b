/// A person at a customer (联系人).
public struct Contact: Hashable, Sendable, Identifiable {
    public var id: String
    public var version: Int = 0
    public var customerId: String
    public var name: String = ""
    public var title: String?
    public var phone: String?
    public var mobile: String?
    public var email: String?
    public var wechat: String?
    public var notes: String?

    public init(id: String, customerId: String, name: String = "") {
        self.id = id; self.customerId = customerId; self.name = name
    }

    public static let fields = ["customer", "name", "title", "phone", "mobile", "email", "wechat", "notes"]

    public subscript(key: String) -> Value {
        get {
            switch key {
            case "customer": return .string(customerId)
            case "name": return .string(name)
            case "title": return Value(title)
            case "phone": return Value(phone)
            case "mobile": return Value(mobile)
            case "email": return Value(email)
            case "wechat": return Value(wechat)
            case "notes": return Value(notes)
            default: return .null
            }
        }
        set {
            let s = newValue.stringValue.flatMap { $0.isEmpty ? nil : $0 }
            switch key {
            case "customer": customerId = s ?? customerId
            case "name": name = s ?? ""
            case "title": title = s
            case "phone": phone = s
            case "mobile": mobile = s
            case "email": email = s
            case "wechat": wechat = s
            case "notes": notes = s
            default: break
            }
        }
    }
}
