/// A spreadsheet read into memory: a header row and data rows of text cells,
/// with the line (CSV) or row number (XLSX) where each row starts, so that every
/// error can say `FILE:LINE`.
public struct DataTable: Sendable, Equatable {
    /// The file name used in messages.
    public var source: String
    public var header: [String]
    public var rows: [[String]]
    /// `lines[i]` is the 1-based line (or sheet row) of `rows[i]`.
    public var lines: [Int]

    public init(source: String, header: [String], rows: [[String]] = [], lines: [Int] = []) {
        self.source = source; self.header = header; self.rows = rows; self.lines = lines
    }

    /// The cell of a row in a column, "" where the row is short.
    @inline(__always) public func cell(_ row: Int, _ column: Int) -> String {
        let r = rows[row]
        return column < r.count ? r[column] : ""
    }
}
