/// Why an import wrote nothing. One line per problem, `FILE:LINE: FIELD: reason`.
public enum ImportError: Error, CustomStringConvertible {
    /// The header cannot be mapped.
    case columns(path: String, problems: [String])
    /// Rows failed validation (the first `shown` are listed, then a count).
    case invalidRows(problems: [ImportProblem], total: Int)

    public static let shown = 50

    public var description: String {
        switch self {
        case let .columns(path, problems):
            return problems.map { "\(path): \($0)" }.joined(separator: "\n")
        case let .invalidRows(problems, total):
            var lines = problems.prefix(ImportError.shown).map(\.description)
            if total > ImportError.shown { lines.append("… and \(total - ImportError.shown) more problems") }
            // Rows of several files are told apart by file (line 3 of two files is two rows).
            let rows = Set(problems.map { "\($0.source):\($0.line)" }).count
            lines.append("nothing was imported: \(total) problem\(total == 1 ? "" : "s") in \(rows)\(problems.count < total ? "+" : "") row\(rows == 1 ? "" : "s") (fix them, or use --skip-invalid to import the valid rows)")
            return lines.joined(separator: "\n")
        }
    }
}

/// One problem with one row.
public struct ImportProblem: Hashable, Sendable, CustomStringConvertible {
    public var source: String
    public var line: Int
    /// The column header as the file writes it (or the field key).
    public var field: String
    public var reason: String

    public init(source: String, line: Int, field: String, reason: String) {
        self.source = source; self.line = line; self.field = field; self.reason = reason
    }

    public var description: String { "\(source):\(line): \(field): \(reason)" }
}
