import Foundation

/// A customer field a segment summary can group by: any field whose values come
/// from the system dictionary (region, category, industry, …) or the owner.
public struct SegmentDimension: Sendable, Hashable {
    public let field: CustomerField

    /// Nil for fields that are not dictionary lists or the owner (names, phones …
    /// have one value per customer and make no segments).
    public init?(_ field: CustomerField) {
        guard field == .owner || field.dictionaryKind != nil else { return nil }
        self.field = field
    }

    /// Parses `region`, `所属区域`, `Owner`, … (any name `CustomerField.named` knows).
    public static func parse(_ text: String) -> Result<SegmentDimension, SegmentSpecError> {
        guard let f = CustomerField.named(text.trimmingCharacters(in: .whitespaces)), let d = SegmentDimension(f) else {
            let names = allowed.map(\.field.rawValue).joined(separator: ", ")
            return .failure(SegmentSpecError(message: "cannot segment by '\(text)': use one of \(names)"))
        }
        return .success(d)
    }

    /// Every field a summary can group by, in field order.
    public static var allowed: [SegmentDimension] { CustomerField.allCases.compactMap(SegmentDimension.init) }

    public var label: Label { field.label }

    /// The stored value of this field for a customer ("" when empty).
    func code(of c: Customer) -> String { c[field].stringValue ?? "" }

    /// The display label of a stored value: the dictionary label, the owner login,
    /// or a marker for an empty value (an ownerless customer is in the pool, 公海).
    public func label(of code: String, in dictionary: SystemDictionary) -> Label {
        if code.isEmpty {
            return field == .owner ? Label(zh: "公海", en: "(pool)") : Label(zh: "（未填）", en: "(none)")
        }
        guard let kind = field.dictionaryKind, let e = dictionary.entry(kind, code) else { return Label(zh: code, en: code) }
        return e.label
    }
}

extension CustomerField {
    /// The dictionary list a field's values come from, if any.
    public var dictionaryKind: DictionaryKind? {
        if case .dictionary(let k) = kind { return k }
        return nil
    }
}

/// A segment request that cannot be met, with the reason in one line.
public struct SegmentSpecError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
