import Foundation
import Testing
import ZIPFoundation
import KehuStore

@Suite("XLSX reader and writer")
struct XLSXTests {
    func tempURL(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("kehu-xlsx-\(UUID().uuidString)-\(name)")
    }

    @Test func writerOutputReadsBack() throws {
        let header = ["客户名称", "amount", "note"]
        let rows = [["深圳华强 & Co <x>", "1234.50", "=1+2"], ["", "-3", "line1\nline2"], ["bell\u{7}", "", "_x0041_ literal?"]]
        let data = try XLSXWriter(numericColumns: [1]).data(header: header, rows: rows)
        let url = tempURL("w.xlsx")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let t = try XLSXReader().read(url, source: "w.xlsx")
        #expect(t.header == header)
        #expect(t.rows[0] == rows[0])
        #expect(t.rows[1] == rows[1])
        #expect(t.rows[2] == rows[2])
        #expect(t.lines == [2, 3, 4])
    }

    /// A workbook laid out as Excel writes it: shared strings with rich runs and
    /// phonetic hints, a skipped cell, a date style, a 1.38E+10 style number, a second sheet.
    @Test func readsExcelStyleWorkbook() throws {
        let url = tempURL("excel.xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        let archive = try Archive(url: url, accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let d = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(d.count), compressionMethod: .deflate) { p, s in d.subdata(in: Int(p)..<Int(p) + s) }
        }
        try add("xl/workbook.xml", #"<?xml version="1.0"?><x:workbook xmlns:x="main" xmlns:r="rel"><x:workbookPr/><x:sheets><x:sheet name="说明" sheetId="1" r:id="rId1"/><x:sheet name="客户" sheetId="2" r:id="rId2"/></x:sheets></x:workbook>"#)
        try add("xl/_rels/workbook.xml.rels", #"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/></Relationships>"#)
        try add("xl/sharedStrings.xml", #"<sst><si><t>客户名称</t></si><si><r><t>首次</t></r><r><rPr><b/></rPr><t xml:space="preserve">交易 </t></r><rPh sb="0" eb="2"><t>ショウ</t></rPh></si><si><t>A &amp; B &lt;C&gt; &#x4E2D;</t></si><si/></sst>"#)
        try add("xl/styles.xml", #"<styleSheet><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/></cellXfs></styleSheet>"#)
        try add("xl/worksheets/sheet1.xml", #"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>notes</t></is></c></row></sheetData></worksheet>"#)
        try add("xl/worksheets/sheet2.xml", #"<worksheet><sheetData><row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c><c r="D2"><v>5</v></c></row><row r="3" spans="1:4"><c r="A3" t="s"><v>2</v></c><c r="B3"><v>1.3800138E10</v></c><c r="C3" s="1"><v>45322</v></c><c r="D3" s="2"><v>45322.5</v></c></row><row r="4"/><row r="5"><c r="A5" t="b"><v>1</v></c><c r="B5" t="str"><f>A1</f><v>formula result</v></c><c r="C5"><v>0.1</v></c></row></sheetData></worksheet>"#)
        let t = try XLSXReader().read(url, sheet: "客户", source: "excel.xlsx")
        #expect(t.header == ["客户名称", "", "首次交易 ", "5"])
        #expect(t.rows == [["A & B <C> 中", "13800138000", "2024-01-31", "2024-01-31 12:00:00"], ["TRUE", "formula result", "0.1"]])
        #expect(t.lines == [3, 5])
        #expect(try XLSXReader().read(url, source: "excel.xlsx").header == ["notes"])
        #expect(throws: InterchangeError.noSheet(path: "excel.xlsx", name: "x", available: ["说明", "客户"])) {
            try XLSXReader().read(url, sheet: "x", source: "excel.xlsx")
        }
    }

    @Test func columnNames() {
        #expect(XLSXWriter.columnName(0) == "A")
        #expect(XLSXWriter.columnName(27) == "AB")
        #expect(XLSXReader.columnIndex("AB12") == 27)
        #expect(XLSXReader.dateText(serial: 1, date1904: false) == "1900-01-01")
        #expect(XLSXReader.dateText(serial: 0, date1904: true) == "1904-01-01")
    }
}
