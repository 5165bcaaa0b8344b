/// A JSON-shaped value: what one field of a journal entry holds.
///
/// The journal stores changes as field maps rather than typed structs so that
/// `grep`/`jq` users, importers and `kehu edit --set FIELD=VALUE` all speak the
/// same small vocabulary, and so that an older reader can carry fields it does
/// not know yet.
public enum Value: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case string(String)
    case array([Value])
    case object([String: Value])

    public var stringValue: String? {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    public var intValue: Int64? {
        switch self {
        case .int(let i): return i
        case .string(let s): return Int64(s)
        default: return nil
        }
    }

    public var boolValue: Bool? {
        switch self {
        case .bool(let b): return b
        case .string(let s): return ["true", "yes", "1", "是", "y"].contains(s.lowercased()) ? true
            : (["false", "no", "0", "否", "n"].contains(s.lowercased()) ? false : nil)
        case .int(let i): return i != 0
        default: return nil
        }
    }

    public var stringArray: [String]? {
        switch self {
        case .array(let a): return a.compactMap { $0.stringValue }
        case .string(let s): return s.isEmpty ? [] : [s]
        default: return nil
        }
    }

    public var objectValue: [String: Value]? {
        if case .object(let o) = self { return o }
        return nil
    }

    public var isNull: Bool { if case .null = self { return true }; return false }
}

extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension Value {
    /// Wraps an optional string: nil becomes `.null` so that a field can be cleared.
    public init(_ s: String?) { self = s.map(Value.string) ?? .null }
    public init(_ i: Int?) { self = i.map { .int(Int64($0)) } ?? .null }
    public init(_ i: Int64?) { self = i.map(Value.int) ?? .null }
    public init(_ a: [String]) { self = .array(a.map(Value.string)) }
}
