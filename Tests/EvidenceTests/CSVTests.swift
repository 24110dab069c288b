import Foundation
import TestSupport
import Testing

@testable import Evidence

@Suite struct CSVTests {
    static let hostile = [
        "=HYPERLINK(\"http://evil.example\",\"click\")", "+1+2", "-2+3", "@SUM(A1:A2)", "\tcmd", "\r=1",
        "  =1+1", "＝1+1", "a,b", "line\nbreak", "quote \" inside", "", "plain", "'already", "=cmd|' /C calc'!A0",
        // Leading characters a spreadsheet skips before reading a formula.
        "\u{00A0}=1+1", "\u{3000}=1+1", "\n=1+1", "\r\n@SUM(A1)", "\u{200B}=1", "\u{FEFF}+1", "\u{2003}-1+2",
    ]

    @Test(arguments: hostile)
    func everyCellReadsBackAsTextAndNoneStartsAFormula(value: String) throws {
        let text = CSV.document(header: ["seller_name", "n"], rows: [[value, "1"]])
        #expect(text.hasPrefix("\u{FEFF}"))
        let records = try RFC4180Reader.records(text)
        #expect(records.count == 2)
        let cell = try #require(records.last?.first)
        let first = cell.unicodeScalars.first
        #expect(!["=", "+", "-", "@", "\t", "\r", "\u{FF1D}"].contains(first), "\(cell.debugDescription)")
        // Neutralised cells keep their text after the apostrophe; the others are unchanged.
        #expect(cell == value || cell == "'" + value)
        // Whatever a spreadsheet skips before the first visible character, a formula there is neutralised.
        let visible = value.unicodeScalars.first {
            !$0.properties.isWhitespace && $0.properties.generalCategory != .format && $0.value >= 0x20
        }
        if let visible, ["=", "+", "-", "@", "\u{FF1D}"].contains(visible) {
            #expect(cell.hasPrefix("'"), "\(cell.debugDescription)")
        }
    }

    @Test func recordsEndInCRLFAndEveryFieldIsQuoted() {
        #expect(CSV.line(["a", "b\"c"]) == "\"a\",\"b\"\"c\"\r\n")
    }

    @Test func theStrictReaderRejectsWhatIsNotRFC4180() {
        #expect(throws: RFC4180Reader.Malformed.self) { try RFC4180Reader.records("a,b\nc,d\n") }
        #expect(throws: RFC4180Reader.Malformed.self) { try RFC4180Reader.records("\"a\"x,b\r\n") }
        #expect(throws: RFC4180Reader.Malformed.self) { try RFC4180Reader.records("a\"b,c\r\n") }
        #expect(throws: RFC4180Reader.Malformed.self) { try RFC4180Reader.records("\"a,b\r\n") }
        #expect(throws: RFC4180Reader.Malformed.self) { try RFC4180Reader.records("a,b\r\nc\r\n") }
    }

    /// Python's csv module (as a spreadsheet import would) reads the same cells back.
    @Test func pythonsCSVModuleReadsTheSameCells() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write(CSV.document(header: ["v"], rows: Self.hostile.map { [$0] }), to: "h.csv")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            "import csv,json,sys; print(json.dumps([r[0] for r in csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline=''))][1:]))",
            file.path,
        ]
        let output = Pipe()
        process.standardOutput = output
        guard (try? process.run()) != nil else { return }  // no python3: the Swift reader's check stands alone
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return }
        let cells = try #require(try JSONSerialization.jsonObject(with: data) as? [String])
        #expect(cells == Self.hostile.map(CSV.neutralised))
    }
}
