/// A contact with a customer (联系记录): a call, a WeChat, a visit; or a piece
/// of feedback or a complaint the customer raised.
public struct Interaction: Hashable, Sendable, Identifiable {
    public var id: String
    public var version: Int = 0
    public var customerId: String
    public var at: Timestamp
    public var channel: String?
    public var note: String = ""
    public var by: String?
    public var kind: Kind = .contact

    public enum Kind: String, CaseIterable, Sendable {
        case contact, feedback, complaint
        public var label: Label {
            switch self {
            case .contact: return Label(zh: "联系", en: "Contact")
            case .feedback: return Label(zh: "反馈", en: "Feedback")
            case .complaint: return Label(zh: "投诉", en: "Complaint")
            }
        }
    }

    public init(id: String, customerId: String, at: Timestamp) {
        self.id = id; self.customerId = customerId; self.at = at
    }

    public static let fields = ["customer", "at", "channel", "note", "by", "kind"]
}
