import KehuCore

/// What a form writes when saved.
public enum FormTarget: Sendable, Equatable {
    case newCustomer
    case editCustomer(id: String, base: Int)
    case interaction(customerId: String)
    case transaction(customerId: String)

    var entity: Entity {
        switch self {
        case .newCustomer, .editCustomer: return .customer
        case .interaction: return .interaction
        case .transaction: return .transaction
        }
    }
}

/// A value a pick-list field offers: the stored code and its label.
public struct PickOption: Sendable, Equatable {
    public var code: String
    public var label: Label
    public init(_ code: String, _ label: Label) { self.code = code; self.label = label }
}

/// One field of a form.
public struct FormField: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case text
        /// A dictionary field, credit, a yes/no: only these values (the first is "empty" when optional).
        case pick([PickOption])
    }

    /// The journal field name (`region`, `note`, `amount`).
    public var key: String
    public var label: Label
    public var kind: Kind
    public var input: LineInput
    /// The value when the form opened (an edit only writes what changed).
    public var original: String
    public var required: Bool

    public init(key: String, label: Label, kind: Kind = .text, value: String = "", required: Bool = false) {
        self.key = key; self.label = label; self.kind = kind; self.input = LineInput(value)
        self.original = value; self.required = required
    }

    public var value: String { input.text }
    public var changed: Bool { value != original }

    public var options: [PickOption] { if case .pick(let o) = kind { return o }; return [] }

    /// The shown text of the current value (labels for pick-lists).
    public func display(_ lang: Language) -> String {
        if case .pick(let opts) = kind { return opts.first { $0.code == value }?.label.text(lang) ?? value }
        return value
    }
}

/// An open form: its fields, focus, the open pick-list and the inline errors.
public struct FormState: Sendable, Equatable {
    public var target: FormTarget
    public var title: Label
    public var fields: [FormField]
    public var focus: Int = 0
    public var scroll: Int = 0
    /// Field key → reason (from `FieldChecker`), refreshed on every edit.
    public var errors: [String: String] = [:]
    /// The cursor in the open pick-list, if one is open.
    public var pickCursor: Int? = nil
    public var saving = false

    public init(target: FormTarget, title: Label, fields: [FormField]) {
        self.target = target; self.title = title; self.fields = fields
    }

    public var focused: FormField { fields[focus] }
    public var isDirty: Bool { fields.contains { $0.changed } }
}

/// A save that collided with another user's edit: both versions, and the user's choice.
public struct ConflictState: Sendable, Equatable {
    public var form: FormState
    /// The customer as it is now in the store.
    public var theirs: Customer
    public var theirVersion: Int
    public var by: String?
}
