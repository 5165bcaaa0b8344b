/// Why a reminder could not be created or acted on. One line each, naming the
/// reminder, the customer or the field.
public enum ReminderError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownTimeZone(name: String, source: String)
    case noCustomer(String)
    case noReminder(String)
    case invalid(field: String, reason: String)
    /// The reminder was already dismissed or done; nothing to act on.
    case closed(id: String, status: String)

    public var description: String {
        switch self {
        case let .unknownTimeZone(name, source): return "\(source): unknown time zone '\(name)' (use a name like Asia/Shanghai)"
        case .noCustomer(let ref): return "no customer \(ref)"
        case .noReminder(let id): return "no reminder \(id) (see: kehu reminders --all)"
        case let .invalid(field, reason): return "\(field): \(reason)"
        case let .closed(id, status): return "reminder \(id) is already \(status)"
        }
    }
}
