import KehuCore

/// What can go wrong with a store; each description is one line naming the
/// file and line or the record and field.
public enum StoreError: Error, CustomStringConvertible {
    /// The batch was refused; nothing was written.
    case rejected([ChangeError])
    /// A file could not be read or written.
    case io(path: String, message: String)
    /// A line of a store file cannot be parsed or applied.
    case corrupt(path: String, line: Int, reason: String)
    /// The folder is not a Kehu store.
    case notAStore(path: String, reason: String)
    /// No store was named anywhere.
    case noStore

    public var description: String {
        switch self {
        case .rejected(let errors):
            if errors.count == 1 { return errors[0].description }
            let shown = errors.prefix(50).map(\.description).joined(separator: "\n")
            return errors.count > 50 ? shown + "\n… and \(errors.count - 50) more problems" : shown
        case let .io(path, message): return "\(path): \(message)"
        case let .corrupt(path, line, reason): return "\(path):\(line): \(reason)"
        case let .notAStore(path, reason): return "\(path): not a Kehu store (\(reason)); create one with: kehu init \(path)"
        case .noStore:
            return "no store: pass --store DIR, set KEHU_STORE, or put store = \"DIR\" in ~/.config/kehu/config.toml (create one with: kehu init DIR, or try: kehu demo)"
        }
    }

    /// True when the only problems are version conflicts.
    public var isConflict: Bool {
        if case .rejected(let errs) = self { return !errs.isEmpty && errs.allSatisfy { if case .conflict = $0 { return true }; return false } }
        return false
    }
}
