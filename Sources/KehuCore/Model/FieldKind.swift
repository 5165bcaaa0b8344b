/// How a field's text is checked and stored.
public enum FieldKind: Hashable, Sendable {
    case text
    case multiline
    case dictionary(DictionaryKind)
    case credit
    case integer
    case boolean
    case phone
    case email
    case url
    case postcode
    case tags
    case login
    case date
    case timestamp
}
