import Foundation
import ZIPFoundation

/// Writes a one-sheet Excel workbook (.xlsx).
///
/// Text cells are inline strings (`t="inlineStr"`), so a value that starts with
/// `=` is text, never a formula — no escaping is needed, and nothing has to be
/// undone on import. Columns the caller marks numeric are written as numbers
/// (so amounts can be summed) when the text is a plain number. The header row is
/// bold and frozen. Characters XML 1.0 cannot carry (control characters) are
/// written as Excel's `_xHHHH_` escapes, which `XLSXReader` decodes.
public struct XLSXWriter {
    public var sheetName: String
    public var numericColumns: Set<Int>

    public init(sheetName: String = "Sheet1", numericColumns: Set<Int> = []) {
        self.sheetName = sheetName; self.numericColumns = numericColumns
    }

    public func data(header: [String], rows: [[String]]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { pos, size in
                bytes.subdata(in: Int(pos)..<Int(pos) + size)
            }
        }
        try add("[Content_Types].xml", """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
        </Types>
        """)
        try add("_rels/.rels", """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
        </Relationships>
        """)
        try add("xl/workbook.xml", """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
        <sheets><sheet name="\(XLSXWriter.escape(sheetName))" sheetId="1" r:id="rId1"/></sheets></workbook>
        """)
        try add("xl/_rels/workbook.xml.rels", """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        </Relationships>
        """)
        try add("xl/styles.xml", """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
        <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
        </styleSheet>
        """)
        try add("xl/worksheets/sheet1.xml", sheet(header: header, rows: rows))
        guard let out = archive.data else { throw InterchangeError.unencodable(encoding: "xlsx") }
        return out
    }

    func sheet(header: [String], rows: [[String]]) -> String {
        var out = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>\
        <sheetData>
        """
        out.reserveCapacity((rows.count + 1) * header.count * 40)
        func row(_ n: Int, _ cells: [String], style: Int) {
            out += "<row r=\"\(n)\">"
            for (k, v) in cells.enumerated() where !v.isEmpty {
                let ref = XLSXWriter.columnName(k) + String(n)
                if style == 0, numericColumns.contains(k), FormulaEscape.isPlainNumber(v), !v.contains(",") {
                    out += "<c r=\"\(ref)\"><v>\(v)</v></c>"
                } else {
                    // Style 2 is the Text number format (@), so Excel keeps e.g. 00123 as typed when edited.
                    out += "<c r=\"\(ref)\" s=\"\(style == 1 ? 1 : 2)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(XLSXWriter.escape(v))</t></is></c>"
                }
            }
            out += "</row>"
        }
        row(1, header, style: 1)
        for (k, r) in rows.enumerated() { row(k + 2, r, style: 0) }
        out += "</sheetData></worksheet>"
        return out
    }

    /// 0 → A, 25 → Z, 26 → AA.
    public static func columnName(_ index: Int) -> String {
        var n = index + 1
        var s = ""
        while n > 0 { let r = (n - 1) % 26; s = String(UnicodeScalar(UInt8(65 + r))) + s; n = (n - 1) / 26 }
        return s
    }

    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        let scalars = Array(s.unicodeScalars)
        for (k, u) in scalars.enumerated() {
            switch u {
            case "_" where looksLikeEscape(scalars, k): out += "_x005F_"
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            default:
                if u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF {
                    out += "_x" + String(format: "%04X", u.value) + "_"
                } else { out.unicodeScalars.append(u) }
            }
        }
        return out
    }

    /// True when `_xHHHH_` starts at `k`: a literal that must itself be escaped.
    static func looksLikeEscape(_ s: [Unicode.Scalar], _ k: Int) -> Bool {
        guard k + 6 < s.count, s[k + 1] == "x", s[k + 6] == "_" else { return false }
        return s[(k + 2)...(k + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
    }
}
