/// Why a change cannot be applied. Every case names the record and, where one
/// applies, the field, so the CLI can print one precise line.
public enum ChangeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Someone else changed the record since the version this change was based on.
    case conflict(entity: String, id: String, base: Int, current: Int, by: String?)
    case notFound(entity: String, id: String)
    case alreadyExists(entity: String, id: String)
    case invalid(entity: String, id: String?, field: String, reason: String)

    public var description: String {
        switch self {
        case let .conflict(entity, id, base, current, by):
            return "\(entity) \(id): conflict: changed by \(by ?? "another user") since you opened it (your version \(base), now \(current))"
        case let .notFound(entity, id): return "\(entity) \(id): not found"
        case let .alreadyExists(entity, id): return "\(entity) \(id): already exists"
        case let .invalid(entity, id, field, reason):
            return "\(entity)\(id.map { " " + $0 } ?? ""): \(field): \(reason)"
        }
    }
}
