import Foundation
import KehuCore
import ZIPFoundation

/// Reads one sheet of an Excel workbook (.xlsx) into a `DataTable`.
///
/// Pipeline: open the ZIP (ZIPFoundation) → `xl/workbook.xml` lists the sheets
/// and the 1900/1904 date system → `xl/_rels/workbook.xml.rels` maps a sheet to its
/// part → `xl/sharedStrings.xml` (rich-text runs joined, phonetic `rPh` runs
/// dropped) → `xl/styles.xml` tells which cell styles are dates → the sheet's
/// `<row>`/`<c>` elements become rows; a cell's column comes from its `r`
/// reference so that skipped empty cells land in the right column.
///
/// Cell values: shared and inline strings as text; numbers as Excel shows them
/// in General format (no `1.38E+10` for a phone number typed as a number);
/// numbers in a date style as `YYYY-MM-DD` (or `YYYY-MM-DD HH:MM:SS` with a time);
/// booleans as `TRUE`/`FALSE`; formulas by their cached result.
public struct XLSXReader {
    public init() {}

    /// Reads the sheet called `sheet`, or the first sheet.
    public func read(_ url: URL, sheet: String? = nil, source: String? = nil) throws -> DataTable {
        let src = source ?? url.path
        let archive: Archive
        do { archive = try Archive(url: url, accessMode: .read) } catch { throw InterchangeError.notXLSX(path: src, reason: "not a ZIP file") }
        func part(_ path: String) throws -> [UInt8]? {
            guard let entry = archive[path] else { return nil }
            var out = [UInt8]()
            out.reserveCapacity(Int(entry.uncompressedSize))
            _ = try archive.extract(entry, skipCRC32: true) { out.append(contentsOf: $0) }
            return out
        }
        guard let workbook = try part("xl/workbook.xml") else { throw InterchangeError.notXLSX(path: src, reason: "no xl/workbook.xml") }
        let (sheets, date1904) = XLSXReader.sheets(workbook)
        guard !sheets.isEmpty else { throw InterchangeError.notXLSX(path: src, reason: "no sheets") }
        let chosen: (name: String, rid: String)
        if let sheet {
            guard let s = sheets.first(where: { $0.name == sheet }) ?? sheets.first(where: { $0.name.lowercased() == sheet.lowercased() })
            else { throw InterchangeError.noSheet(path: src, name: sheet, available: sheets.map(\.name)) }
            chosen = s
        } else { chosen = sheets[0] }
        let rels = try part("xl/_rels/workbook.xml.rels").map(XLSXReader.relationships) ?? [:]
        var target = rels[chosen.rid] ?? "worksheets/sheet1.xml"
        target = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        guard let sheetXML = try part(target) else { throw InterchangeError.notXLSX(path: src, reason: "missing part \(target)") }
        let shared = try part("xl/sharedStrings.xml").map(XLSXReader.sharedStrings) ?? []
        let dateStyles = try part("xl/styles.xml").map(XLSXReader.dateStyles) ?? []
        return XLSXReader.cells(sheetXML, shared: shared, dateStyles: dateStyles, date1904: date1904, source: src)
    }

    // MARK: - Parts

    static func sheets(_ xml: [UInt8]) -> ([(name: String, rid: String)], Bool) {
        var out: [(String, String)] = []
        var date1904 = false
        xml.withUnsafeBufferPointer { p in
            var s = XMLScanner(p)
            while let t = s.next() {
                guard case let .start(name, attrs, _) = t else { continue }
                if s.equal(name, "sheet"), let n = s.attribute(attrs, "name"), let rid = s.attribute(attrs, "id") { out.append((n, rid)) }
                if s.equal(name, "workbookPr"), let v = s.attribute(attrs, "date1904") { date1904 = v == "1" || v == "true" }
            }
        }
        return (out, date1904)
    }

    static func relationships(_ xml: [UInt8]) -> [String: String] {
        var out: [String: String] = [:]
        xml.withUnsafeBufferPointer { p in
            var s = XMLScanner(p)
            while let t = s.next() {
                if case let .start(name, attrs, _) = t, s.equal(name, "Relationship"),
                   let id = s.attribute(attrs, "Id"), let target = s.attribute(attrs, "Target") { out[id] = target }
            }
        }
        return out
    }

    static func sharedStrings(_ xml: [UInt8]) -> [String] {
        var out: [String] = []
        xml.withUnsafeBufferPointer { p in
            var s = XMLScanner(p)
            var current = "", inT = false, phonetic = 0
            while let t = s.next() {
                switch t {
                case let .start(name, _, selfClosing):
                    if s.equal(name, "si") { current = ""; if selfClosing { out.append("") } }
                    else if s.equal(name, "t") { inT = !selfClosing }
                    else if s.equal(name, "rPh") && !selfClosing { phonetic += 1 }
                case let .end(name):
                    if s.equal(name, "si") { out.append(current) }
                    else if s.equal(name, "t") { inT = false }
                    else if s.equal(name, "rPh") { phonetic -= 1 }
                case let .text(r, cdata):
                    if inT && phonetic == 0 { current += s.decode(r, cdata: cdata) }
                }
            }
        }
        return out
    }

    /// Indexes of `cellXfs` entries whose number format shows a date or time.
    static func dateStyles(_ xml: [UInt8]) -> Set<Int> {
        var custom: [Int: String] = [:]
        var xfs: [Int] = []
        xml.withUnsafeBufferPointer { p in
            var s = XMLScanner(p)
            var inCellXfs = false
            while let t = s.next() {
                switch t {
                case let .start(name, attrs, selfClosing):
                    if s.equal(name, "numFmt"), let id = s.attribute(attrs, "numFmtId").flatMap({ Int($0) }) {
                        custom[id] = s.attribute(attrs, "formatCode") ?? ""
                    } else if s.equal(name, "cellXfs") { inCellXfs = !selfClosing }
                    else if inCellXfs && s.equal(name, "xf") { xfs.append(s.attribute(attrs, "numFmtId").flatMap { Int($0) } ?? 0) }
                case let .end(name): if s.equal(name, "cellXfs") { inCellXfs = false }
                case .text: break
                }
            }
        }
        var out = Set<Int>()
        for (k, id) in xfs.enumerated() where isDateFormat(id, custom[id]) { out.insert(k) }
        return out
    }

    /// Built-in date formats (14–22, 27–36 and 50–58 in CJK locales, 45–47) or a
    /// custom code with y/m/d/h/s outside quotes, brackets and escapes.
    static func isDateFormat(_ id: Int, _ code: String?) -> Bool {
        if (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id) { return true }
        guard let code else { return false }
        var inQuote = false, inBracket = false, escaped = false
        for ch in code.lowercased() {
            if escaped { escaped = false; continue }
            switch ch {
            case "\\": escaped = true
            case "\"": inQuote.toggle()
            case "[": inBracket = true
            case "]": inBracket = false
            case "y", "d", "m", "h", "s", "年", "月", "日": if !inQuote && !inBracket { return true }
            default: break
            }
        }
        return false
    }

    static func cells(_ xml: [UInt8], shared: [String], dateStyles: Set<Int>, date1904: Bool, source: String) -> DataTable {
        var rows: [(Int, [String])] = []
        xml.withUnsafeBufferPointer { p in
            var s = XMLScanner(p)
            var rowNumber = 0
            var row: [String] = []
            var col = 0
            var type = "", style = -1
            var value = "", inValue = false, inIS = false, inT = false, phonetic = 0
            while let t = s.next() {
                switch t {
                case let .start(name, attrs, selfClosing):
                    if s.equal(name, "row") {
                        rowNumber = s.attribute(attrs, "r").flatMap { Int($0) } ?? rowNumber + 1
                        row = []; col = 0
                        if selfClosing { rows.append((rowNumber, [])) }
                    } else if s.equal(name, "c") {
                        if let ref = s.attribute(attrs, "r") { col = columnIndex(ref) ?? col }
                        type = s.attribute(attrs, "t") ?? "n"
                        style = s.attribute(attrs, "s").flatMap { Int($0) } ?? -1
                        value = ""
                        if selfClosing { col += 1 }
                    } else if s.equal(name, "v") { inValue = !selfClosing }
                    else if s.equal(name, "is") { inIS = !selfClosing }
                    else if s.equal(name, "t") { inT = !selfClosing }
                    else if s.equal(name, "rPh") && !selfClosing { phonetic += 1 }
                case let .end(name):
                    if s.equal(name, "v") { inValue = false }
                    else if s.equal(name, "is") { inIS = false }
                    else if s.equal(name, "t") { inT = false }
                    else if s.equal(name, "rPh") { phonetic -= 1 }
                    else if s.equal(name, "c") {
                        let text = cellText(value, type: type, style: style, shared: shared, dateStyles: dateStyles, date1904: date1904)
                        if !text.isEmpty {
                            if row.count < col { row.append(contentsOf: repeatElement("", count: col - row.count)) }
                            if row.count == col { row.append(text) } else { row[col] = text }
                        }
                        col += 1
                    } else if s.equal(name, "row") {
                        rows.append((rowNumber, row))
                    }
                case let .text(r, cdata):
                    if inValue || (inIS && inT && phonetic == 0) { value += s.decode(r, cdata: cdata) }
                }
            }
        }
        // Header: the first non-empty row.
        var table = DataTable(source: source, header: [])
        var k = 0
        while k < rows.count && rows[k].1.allSatisfy({ $0.isEmpty }) { k += 1 }
        guard k < rows.count else { return table }
        table.header = rows[k].1
        for (n, r) in rows[(k + 1)...] where !r.allSatisfy({ $0.isEmpty }) {
            table.rows.append(r); table.lines.append(n)
        }
        return table
    }

    /// `B12` → 1 (0-based column).
    public static func columnIndex(_ ref: String) -> Int? {
        var n = 0, any = false
        for b in ref.utf8 {
            if b >= 65 && b <= 90 { n = n * 26 + Int(b - 64); any = true }
            else if b >= 97 && b <= 122 { n = n * 26 + Int(b - 96); any = true }
            else { break }
        }
        return any ? n - 1 : nil
    }

    static func cellText(_ v: String, type: String, style: Int, shared: [String], dateStyles: Set<Int>, date1904: Bool) -> String {
        switch type {
        case "s": return Int(v).flatMap { $0 >= 0 && $0 < shared.count ? shared[$0] : nil } ?? ""
        case "inlineStr", "str": return v
        case "b": return v == "1" ? "TRUE" : "FALSE"
        case "e": return v
        case "d": return v  // ISO 8601 already
        default:
            guard !v.isEmpty else { return "" }
            if dateStyles.contains(style), let serial = Double(v) { return dateText(serial: serial, date1904: date1904) }
            return generalNumber(v)
        }
    }

    /// An Excel serial day number as `YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS`.
    public static func dateText(serial: Double, date1904: Bool) -> String {
        var s = serial
        if !date1904 && s < 61 { s += 1 }  // Excel's phantom 1900-02-29
        let base = date1904 ? 24107 : 25569  // serial of 1970-01-01 in each system
        var days = Int(s.rounded(.down))
        var secs = Int(((s - Double(days)) * 86400).rounded())
        if secs >= 86400 { days += 1; secs -= 86400 }
        let d = LocalDate(days: Int32(days - base)).description
        if secs == 0 { return d }
        return d + String(format: " %02d:%02d:%02d", secs / 3600, secs / 60 % 60, secs % 60)
    }

    /// A number as Excel's General format shows it: integers in full, at most 15
    /// significant digits, no exponent for phone-sized integers.
    static func generalNumber(_ v: String) -> String {
        let plain = v.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || $0 == 45 || $0 == 46 }
        if plain && v.utf8.count <= 16 { return v }
        guard let d = Double(v) else { return v }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        var s = String(format: "%.15g", d)
        if s.contains("e") { return s }
        if s.contains(".") { while s.hasSuffix("0") { s.removeLast() }; if s.hasSuffix(".") { s.removeLast() } }
        return s
    }
}
