/// Proofmark's own bitmap font, for the captions of side-by-side evidence images: no system font is involved, so a
/// picture renders the same on every machine and its bytes stay reproducible.
///
/// The glyphs are an original design made for this project (not copied from any existing font), drawn below as a
/// font sheet. Every printable ASCII character (U+0020 to U+007E) has a glyph 5 pixels wide and 9 rows tall: 7 rows
/// from the cap line down to the baseline, and 2 rows for descenders (`g`, `j`, `p`, `q`, `y`, `,`, `;`, `_`).
/// Each glyph sits in a cell of `cellWidth` × `cellHeight` (6 × 10) pixels, which leaves one blank column between
/// characters and one blank row between lines.
///
/// Captions carry dump text, such as listing titles in any script; a font this size cannot draw them, so every
/// other character (anything outside U+0020...U+007E, including control characters, accented letters, CJK and emoji)
/// is drawn as `replacement`, a hollow box, one per grapheme cluster (Swift `Character`). The reader then sees that
/// something was there instead of silently losing it.
public enum BitmapFont {
    /// Width of a glyph's bitmap in pixels.
    public static let glyphWidth = 5
    /// Height of a glyph's bitmap in pixels, descender rows included.
    public static let glyphHeight = 9
    /// Rows from the top of a glyph down to and including its baseline row.
    public static let ascent = 7
    /// The horizontal advance from one character to the next, in pixels at scale 1.
    public static let cellWidth = 6
    /// The distance from one line to the next, in pixels at scale 1.
    public static let cellHeight = 10

    /// One character's bitmap.
    public struct Glyph: Sendable, Hashable {
        /// One entry per row, top first; bit 4 is the leftmost column and bit 0 the rightmost.
        public let rows: [UInt8]

        /// Whether the pixel at column `x` (0..<5), row `y` (0..<9) is drawn; false outside the bitmap.
        public func isInked(x: Int, y: Int) -> Bool {
            guard (0..<BitmapFont.glyphWidth).contains(x), rows.indices.contains(y) else { return false }
            return rows[y] >> UInt8(BitmapFont.glyphWidth - 1 - x) & 1 == 1
        }
    }

    /// The glyph drawn for every character the font does not have: a hollow box from the cap line to the baseline.
    public static let replacement = Glyph(rows: [
        0b11111, 0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b11111, 0,
    ])

    /// The glyph for `character`: its own for printable ASCII, `replacement` otherwise.
    public static func glyph(for character: Character) -> Glyph {
        let scalars = character.unicodeScalars
        guard scalars.count == 1, let scalar = scalars.first, (0x20...0x7E).contains(scalar.value) else {
            return replacement
        }
        return glyphs[Int(scalar.value) - 0x20]
    }

    /// Whether `character` has a glyph of its own (printable ASCII).
    public static func hasGlyph(for character: Character) -> Bool {
        character.unicodeScalars.count == 1 && character.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) }
    }

    /// The width `text` takes when drawn at `scale`: one cell per character (grapheme cluster), including the blank
    /// column after the last one. O(characters).
    public static func width(of text: some StringProtocol, scale: Int = 1) -> Int {
        text.count * cellWidth * scale
    }

    /// The 95 glyphs of U+0020...U+007E, in code point order, read from `sheet` once.
    static let glyphs: [Glyph] = parse(sheet)

    /// Reads the font sheet: strips separated by a blank line; each strip is a header naming its characters (each at
    /// the first column of its glyph) and `glyphHeight` rows of pixels, glyphs 5 columns wide with one space between.
    ///
    /// - Precondition: the sheet is well formed and covers U+0020...U+007E in order; it is a constant of this file
    ///   and `BitmapFontTests` reads every glyph, so a malformed sheet is a programming error caught by the tests.
    static func parse(_ sheet: String) -> [Glyph] {
        var glyphs: [Glyph] = []
        let lines = sheet.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
        var index = 0
        while index < lines.count {
            let header = lines[index]
            let rows = lines[(index + 1)...].prefix(glyphHeight)
            precondition(rows.count == glyphHeight, "font sheet: a strip needs \(glyphHeight) rows")
            let count = (header.count + 1 + cellWidth - 1) / cellWidth
            for glyph in 0..<count {
                let column = glyph * cellWidth
                let expected = UInt8(0x20 + glyphs.count)
                precondition(header[column] == expected, "font sheet: glyph \(glyphs.count) is out of order")
                let bits = rows.map { row in
                    precondition(row.count >= column + glyphWidth, "font sheet: a row is too short")
                    return row[column..<(column + glyphWidth)].reduce(UInt8(0)) { bits, pixel in
                        bits << 1 | (pixel == UInt8(ascii: "#") ? 1 : 0)
                    }
                }
                glyphs.append(Glyph(rows: bits))
            }
            index += 1 + glyphHeight + 1
        }
        precondition(glyphs.count == 95, "font sheet: printable ASCII has 95 characters")
        return glyphs
    }

    /// The font sheet: `#` is ink, `.` is paper. Sixteen characters to a strip, in code point order.
    static let sheet = #"""
              !     "     #     $     %     &     '     (     )     *     +     ,     -     .     /
        ..... ..#.. .#.#. .#.#. ..#.. ##... .##.. ..#.. ...#. .#... ..... ..... ..... ..... ..... ....#
        ..... ..#.. .#.#. .#.#. .#### ##..# #..#. ..#.. ..#.. ..#.. ..#.. ..#.. ..... ..... ..... ....#
        ..... ..#.. .#.#. ##### #.#.. ...#. #.#.. .#... .#... ...#. #.#.# ..#.. ..... ..... ..... ...#.
        ..... ..#.. ..... .#.#. .###. ..#.. .#... ..... .#... ...#. .###. ##### ..... .###. ..... ..#..
        ..... ..#.. ..... ##### ..#.# .#... #.#.# ..... .#... ...#. #.#.# ..#.. ..... ..... ..... .#...
        ..... ..... ..... .#.#. ####. #..## #..#. ..... ..#.. ..#.. ..#.. ..#.. ..##. ..... ..##. #....
        ..... ..#.. ..... .#.#. ..#.. ...## .##.# ..... ...#. .#... ..... ..... ..##. ..... ..##. #....
        ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ...#. ..... ..... .....
        ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ..#.. ..... ..... .....

        0     1     2     3     4     5     6     7     8     9     :     ;     <     =     >     ?
        .###. ..#.. .###. ####. ...#. ##### ..##. ##### .###. .###. ..... ..... ...#. ..... .#... .###.
        #...# .##.. #...# ....# ..##. #.... .#... ....# #...# #...# ..##. ..##. ..#.. ..... ..#.. #...#
        #..## #.#.. ....# ....# .#.#. ####. #.... ...#. #...# #...# ..##. ..##. .#... ##### ...#. ....#
        #.#.# ..#.. ...#. .###. #..#. ....# ####. ..#.. .###. .#### ..... ..... #.... ..... ....# ...#.
        ##..# ..#.. ..#.. ....# ##### ....# #...# .#... #...# ....# ..##. ..##. .#... ##### ...#. ..#..
        #...# ..#.. .#... ....# ...#. #...# #...# .#... #...# ...#. ..##. ..##. ..#.. ..... ..#.. .....
        .###. ##### ##### ####. ...#. .###. .###. .#... .###. .##.. ..... ...#. ...#. ..... .#... ..#..
        ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ..#.. ..... ..... ..... .....
        ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... .....

        @     A     B     C     D     E     F     G     H     I     J     K     L     M     N     O
        .###. ..#.. ####. .###. ###.. ##### ##### .###. #...# .###. ..### #...# #.... #...# #...# .###.
        #...# .#.#. #...# #...# #..#. #.... #.... #...# #...# ..#.. ...#. #..#. #.... ##.## ##..# #...#
        #.### #...# #...# #.... #...# #.... #.... #.... #...# ..#.. ...#. #.#.. #.... #.#.# #.#.# #...#
        #.#.# #...# ####. #.... #...# ####. ####. #.### ##### ..#.. ...#. ##... #.... #.#.# #..## #...#
        #.### ##### #...# #.... #...# #.... #.... #...# #...# ..#.. ...#. #.#.. #.... #...# #...# #...#
        #.... #...# #...# #...# #..#. #.... #.... #...# #...# ..#.. #..#. #..#. #.... #...# #...# #...#
        .###. #...# ####. .###. ###.. ##### #.... .#### #...# .###. .##.. #...# ##### #...# #...# .###.
        ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... .....
        ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... .....

        P     Q     R     S     T     U     V     W     X     Y     Z     [     \     ]     ^     _
        ####. .###. ####. .#### ##### #...# #...# #...# #...# #...# ##### .###. #.... .###. ..#.. .....
        #...# #...# #...# #.... ..#.. #...# #...# #...# #...# #...# ....# .#... #.... ...#. .#.#. .....
        #...# #...# #...# #.... ..#.. #...# #...# #...# .#.#. .#.#. ...#. .#... .#... ...#. #...# .....
        ####. #...# ####. .###. ..#.. #...# #...# #.#.# ..#.. ..#.. ..#.. .#... ..#.. ...#. ..... .....
        #.... #.#.# #.#.. ....# ..#.. #...# .#.#. #.#.# .#.#. ..#.. .#... .#... ...#. ...#. ..... .....
        #.... #..#. #..#. ....# ..#.. #...# .#.#. ##.## #...# ..#.. #.... .#... ....# ...#. ..... .....
        #.... .##.# #...# ####. ..#.. .###. ..#.. #...# #...# ..#.. ##### .###. ....# .###. ..... .....
        ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... #####
        ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... ..... .....

        `     a     b     c     d     e     f     g     h     i     j     k     l     m     n     o
        .#... ..... #.... ..... ....# ..... ..##. ..... #.... ..#.. ...#. #.... .##.. ..... ..... .....
        ..#.. ..... #.... ..... ....# ..... .#..# ..... #.... ..... ..... #.... ..#.. ..... ..... .....
        ...#. .###. ####. .#### .#### .###. .#... .#### ####. .##.. ..##. #..#. ..#.. ##.#. ####. .###.
        ..... ....# #...# #.... #...# #...# ###.. #...# #...# ..#.. ...#. #.#.. ..#.. #.#.# #...# #...#
        ..... .#### #...# #.... #...# ##### .#... #...# #...# ..#.. ...#. ##... ..#.. #.#.# #...# #...#
        ..... #...# #...# #.... #...# #.... .#... #...# #...# ..#.. ...#. #.#.. ..#.. #.#.# #...# #...#
        ..... .#### ####. .#### .#### .###. .#... .#### #...# .###. ...#. #..#. .###. #.#.# #...# .###.
        ..... ..... ..... ..... ..... ..... ..... ....# ..... ..... #..#. ..... ..... ..... ..... .....
        ..... ..... ..... ..... ..... ..... ..... .###. ..... ..... .##.. ..... ..... ..... ..... .....

        p     q     r     s     t     u     v     w     x     y     z     {     |     }     ~
        ..... ..... ..... ..... .#... ..... ..... ..... ..... ..... ..... ...## ..#.. ##... .....
        ..... ..... ..... ..... .#... ..... ..... ..... ..... ..... ..... ..#.. ..#.. ..#.. .....
        ####. .#### #.##. .#### ####. #...# #...# #...# #...# #...# ##### ..#.. ..#.. ..#.. .#...
        #...# #...# ##..# #.... .#... #...# #...# #...# .#.#. #...# ...#. .#... ..#.. ...#. #.#.#
        #...# #...# #.... .###. .#... #...# #...# #.#.# ..#.. #...# ..#.. ..#.. ..#.. ..#.. ...#.
        #...# #...# #.... ....# .#..# #...# .#.#. #.#.# .#.#. #...# .#... ..#.. ..#.. ..#.. .....
        ####. .#### #.... ####. ..##. .#### ..#.. .#.#. #...# .#### ##### ...## ..#.. ##... .....
        #.... ....# ..... ..... ..... ..... ..... ..... ..... ....# ..... ..... ..#.. ..... .....
        #.... ....# ..... ..... ..... ..... ..... ..... ..... .###. ..... ..... ..... ..... .....
        """#
}
