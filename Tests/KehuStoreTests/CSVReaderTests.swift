import Foundation
import Testing
import KehuStore

@Suite("CSV reader and writer")
struct CSVReaderTests {
    func read(_ text: String, _ reader: CSVReader = CSVReader()) throws -> DataTable {
        try reader.read(Array(text.utf8), source: "t.csv")
    }

    @Test func quotedFieldsWithNewlinesAndQuotes() throws {
        let t = try read("name,notes,city\r\n\"Acme, Inc\",\"said \"\"hi\"\"\nthen left\",深圳\r\nB,,\n")
        #expect(t.header == ["name", "notes", "city"])
        #expect(t.rows == [["Acme, Inc", "said \"hi\"\nthen left", "深圳"], ["B", "", ""]])
        #expect(t.lines == [2, 4])
    }

    @Test func detectsDelimiters() throws {
        #expect(try read("a\tb\n1\t2\n").rows == [["1", "2"]])
        #expect(try read("a;b\n1;2,5\n").rows == [["1", "2,5"]])
        #expect(try read("\"a;x\",b\n1,2\n").rows == [["1", "2"]])
        #expect(CSVReader.detectDelimiter(Array("single\n".utf8)) == 44)
    }

    @Test func skipsBlankLinesAndKeepsLineNumbers() throws {
        let t = try read("a,b\n\n1,2\r\n\r\n3,4")
        #expect(t.rows == [["1", "2"], ["3", "4"]])
        #expect(t.lines == [3, 5])
    }

    @Test func unterminatedQuoteNamesTheLine() {
        #expect(throws: InterchangeError.unterminatedQuote(path: "t.csv", line: 3)) {
            try read("a,b\n1,2\n3,\"open\n4,5\n")
        }
    }

    @Test func decodesGB18030AndUTF8BOM() throws {
        let text = "客户名称,所属区域\n深圳华强电子有限公司,华南\n"
        let gb = [UInt8](text.data(using: TextEncoding.foundationGB18030)!)
        #expect(TextEncoding.detect(gb) == .gb18030)
        #expect(try CSVReader().read(gb, source: "gb.csv").rows == [["深圳华强电子有限公司", "华南"]])
        let bom = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        #expect(TextEncoding.detect(bom) == .utf8BOM)
        let t = try CSVReader().read(bom, source: "b.csv")
        #expect(t.header == ["客户名称", "所属区域"])
        #expect(throws: InterchangeError.encoding(path: "gb.csv", encoding: "utf-8")) {
            try CSVReader(encoding: .utf8).read(gb, source: "gb.csv")
        }
    }

    @Test func utf8Validation() {
        #expect(TextEncoding.isValidUTF8(Array("héllo 你好 🎉 plain ascii text long enough".utf8)))
        #expect(!TextEncoding.isValidUTF8([0xC0, 0x80]))  // overlong
        #expect(!TextEncoding.isValidUTF8([0xED, 0xA0, 0x80]))  // surrogate
        #expect(!TextEncoding.isValidUTF8([0xE4, 0xBD]))  // truncated
    }

    @Test func formulaEscapeRoundTrips() throws {
        let values = ["=1+2", "+86 138 0013 8000", "-12.50", "@SUM(A1)", "\tx", "'=x", "''-y", "plain", "'quoted", "", "-", "=", "-1,234.5"]
        for v in values { #expect(FormulaEscape.unescape(FormulaEscape.escape(v)) == v, "\(v)") }
        #expect(FormulaEscape.escape("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")")
        #expect(FormulaEscape.escape("-12.50") == "-12.50")
        #expect(FormulaEscape.escape("'quoted") == "'quoted")
        let w = CSVWriter(encoding: .utf8)
        let csv = w.text(header: ["a", "b"], rows: [values.map { $0 }, ["x,y", "say \"hi\"\nbye"]].map { Array($0.prefix(2)) })
        let back = try read(csv)
        #expect(back.rows == [["=1+2", "+86 138 0013 8000"], ["x,y", "say \"hi\"\nbye"]])
    }

    @Test func writerEncodesGB18030() throws {
        let data = try CSVWriter(encoding: .gb18030).data(header: ["名称"], rows: [["华强"]])
        #expect(String(data: data, encoding: TextEncoding.foundationGB18030) == "名称\r\n华强\r\n")
        let bom = try CSVWriter(encoding: .utf8BOM).data(header: ["名称"], rows: [])
        #expect(Array(bom.prefix(3)) == [0xEF, 0xBB, 0xBF])
    }
}
