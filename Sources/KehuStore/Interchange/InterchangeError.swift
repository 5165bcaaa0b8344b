/// Problems reading or writing a spreadsheet file; each description is one line
/// naming the file and, where there is one, the line.
public enum InterchangeError: Error, Equatable, CustomStringConvertible {
    case encoding(path: String, encoding: String)
    case unencodable(encoding: String)
    case unterminatedQuote(path: String, line: Int)
    case empty(path: String)
    case notXLSX(path: String, reason: String)
    case noSheet(path: String, name: String, available: [String])
    case unknownFormat(path: String)

    public var description: String {
        switch self {
        case let .encoding(path, enc): return "\(path): not valid \(enc) text (try --encoding gb18030 or --encoding utf-8)"
        case let .unencodable(enc): return "the text cannot be written as \(enc)"
        case let .unterminatedQuote(path, line): return "\(path):\(line): a quoted field is never closed (a \" is missing)"
        case let .empty(path): return "\(path): the file has no header row"
        case let .notXLSX(path, reason): return "\(path): not an XLSX workbook (\(reason))"
        case let .noSheet(path, name, available):
            return "\(path): no sheet named '\(name)'; sheets: \(available.joined(separator: ", "))"
        case let .unknownFormat(path): return "\(path): unknown file type (expected .csv, .tsv, .txt or .xlsx)"
        }
    }
}
