import Imaging
import Testing

@Suite struct BitmapFontTests {
    static let printable = (0x20...0x7E).map { Character(Unicode.Scalar(UInt8($0))) }

    @Test func everyPrintableASCIICharacterHasADistinctGlyph() {
        let glyphs = Self.printable.map(BitmapFont.glyph(for:))
        #expect(glyphs.count == 95)
        #expect(Set(glyphs).count == 95)
        #expect(!glyphs.contains(BitmapFont.replacement))
        for (character, glyph) in zip(Self.printable, glyphs) {
            #expect(BitmapFont.hasGlyph(for: character))
            #expect(glyph.rows.count == BitmapFont.glyphHeight)
            #expect(glyph.rows.allSatisfy { $0 < 1 << BitmapFont.glyphWidth }, "\(character) is wider than 5")
            let ink = glyph.rows.map(\.nonzeroBitCount).reduce(0, +)
            #expect((ink == 0) == (character == " "), "\(character) has \(ink) pixels of ink")
        }
    }

    @Test func glyphBitsAreTheSheetsPixels() {
        // The sheet draws A as an apex, two legs and a crossbar on the fifth row.
        let a = BitmapFont.glyph(for: "A")
        #expect(a.rows == [0b00100, 0b01010, 0b10001, 0b10001, 0b11111, 0b10001, 0b10001, 0, 0])
        #expect(a.isInked(x: 2, y: 0) && !a.isInked(x: 0, y: 0) && a.isInked(x: 0, y: 6))
        #expect(!a.isInked(x: -1, y: 0) && !a.isInked(x: 5, y: 4) && !a.isInked(x: 0, y: 9))
    }

    @Test(arguments: ["g", "j", "p", "q", "y", ",", ";", "_"] as [Character])
    func descendersReachBelowTheBaseline(character: Character) {
        let rows = BitmapFont.glyph(for: character).rows
        #expect(rows[BitmapFont.ascent...].contains { $0 != 0 })
    }

    @Test func capitalsAndDigitsStayAboveTheBaseline() {
        for character in "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefhiklmnorstuvwxz" {
            #expect(BitmapFont.glyph(for: character).rows[BitmapFont.ascent...].allSatisfy { $0 == 0 }, "\(character)")
        }
    }

    @Test(arguments: ["é", "爱", "🙂", "\u{7}", "\t", "e\u{301}", "\r\n", "\u{7F}", "Ж"] as [Character])
    func charactersOutsidePrintableASCIIAreTheReplacementBox(character: Character) {
        #expect(!BitmapFont.hasGlyph(for: character))
        #expect(BitmapFont.glyph(for: character) == BitmapFont.replacement)
    }

    @Test func replacementIsAHollowBox() {
        let box = BitmapFont.replacement
        #expect(box.rows.first == 0b11111 && box.rows[BitmapFont.ascent] == 0b11111)
        #expect(box.rows[1..<BitmapFont.ascent].allSatisfy { $0 == 0b10001 })
    }

    @Test func widthCountsCharactersNotBytes() {
        #expect(BitmapFont.width(of: "") == 0)
        #expect(BitmapFont.width(of: "abc") == 18)
        #expect(BitmapFont.width(of: "爱可美", scale: 2) == 36)
        #expect(BitmapFont.width(of: "e\u{301}") == 6)
    }
}
