import Imaging
import Testing

@Suite struct ImageDrawingTests {
    static let red = Colour(red: 255, green: 0, blue: 0)

    /// Which pixels of `image` have `colour`, row by row.
    static func mask(_ image: Image, _ colour: Colour) -> [[Bool]] {
        (0..<image.height).map { y in (0..<image.width).map { x in Array(image[x, y]) == colour.samples } }
    }

    /// The pixels of a `width` × `height` image that lie in the half-open box, row by row.
    static func box(width: Int, height: Int, _ left: Int, _ top: Int, _ right: Int, _ bottom: Int) -> [[Bool]] {
        (0..<height).map { y in (0..<width).map { x in x >= left && x < right && y >= top && y < bottom } }
    }

    static func blank(_ width: Int, _ height: Int) -> Image {
        Image(width: width, height: height, format: .rgb, filledWith: [0, 0, 0])
    }

    @Test func fillPaintsExactlyItsRect() {
        var image = Self.blank(6, 5)
        image.fill(PixelRect(x: 1, y: 1, width: 3, height: 2), with: Self.red)
        #expect(Self.mask(image, Self.red) == Self.box(width: 6, height: 5, 1, 1, 4, 3))
        #expect(Self.mask(image, .black) == Self.box(width: 6, height: 5, 1, 1, 4, 3).map { $0.map { !$0 } })
    }

    @Test(arguments: [
        (PixelRect(x: -2, y: 1, width: 4, height: 2), (0, 1, 2, 3)),  // left edge
        (PixelRect(x: 1, y: -3, width: 2, height: 4), (1, 0, 3, 1)),  // top edge
        (PixelRect(x: 4, y: 2, width: 9, height: 1), (4, 2, 6, 3)),  // right edge
        (PixelRect(x: 0, y: 3, width: 1, height: 7), (0, 3, 1, 5)),  // bottom edge
        (PixelRect(x: -5, y: -5, width: 50, height: 50), (0, 0, 6, 5)),  // all four
        (PixelRect(x: 6, y: 0, width: 3, height: 3), (0, 0, 0, 0)),  // wholly outside
        (PixelRect(x: 2, y: 2, width: -3, height: 2), (0, 0, 0, 0)),  // negative size
        (PixelRect(x: Int.min, y: Int.min, width: Int.max, height: Int.max), (0, 0, 0, 0)),
        (PixelRect(x: Int.max, y: 0, width: Int.max, height: 2), (0, 0, 0, 0)),
        (PixelRect(x: -1, y: 0, width: Int.max, height: 1), (0, 0, 6, 1)),
    ])
    func fillClipsAtEveryEdge(rect: PixelRect, expected: (Int, Int, Int, Int)) {
        var image = Self.blank(6, 5)
        image.fill(rect, with: Self.red)
        let (left, top, right, bottom) = expected
        #expect(Self.mask(image, Self.red) == Self.box(width: 6, height: 5, left, top, right, bottom))
    }

    @Test func drawingOnGreyConvertsToRGBKeepingTheGreys() {
        var image = Image(width: 3, height: 1, format: .grey, pixels: [10, 20, 30])
        image.fill(PixelRect(x: 1, y: 0, width: 1, height: 1), with: Self.red)
        #expect(image.format == .rgb)
        #expect(image.pixels == [10, 10, 10, 255, 0, 0, 30, 30, 30])
    }

    @Test func strokeFramesTheInsideOfTheRect() {
        var image = Self.blank(7, 7)
        image.stroke(PixelRect(x: 1, y: 1, width: 5, height: 5), thickness: 1, colour: Self.red)
        let outer = Self.box(width: 7, height: 7, 1, 1, 6, 6)
        let inner = Self.box(width: 7, height: 7, 2, 2, 5, 5)
        #expect(Self.mask(image, Self.red) == zip(outer, inner).map { zip($0, $1).map { $0 && !$1 } })

        var thick = Self.blank(7, 7)
        thick.stroke(PixelRect(x: 1, y: 1, width: 5, height: 5), thickness: 3, colour: Self.red)
        #expect(Self.mask(thick, Self.red) == outer)
    }

    @Test func strokeClipsAtTheEdges() {
        var image = Self.blank(5, 5)
        image.stroke(PixelRect(x: -2, y: 2, width: 6, height: 6), thickness: 2, colour: Self.red)
        // Left and bottom sides fall outside; the top band (rows 2-3) and right band (columns 2-3) remain.
        let expected = (0..<5).map { y in (0..<5).map { x in (y >= 2 && x < 4) && (y < 4 || x >= 2) } }
        #expect(Self.mask(image, Self.red) == expected)
    }

    @Test func horizontalLineCoversBothEndsAndNothingElse() {
        var image = Self.blank(7, 4)
        image.drawLine(from: (1, 2), to: (5, 2), colour: Self.red)
        #expect(Self.mask(image, Self.red) == Self.box(width: 7, height: 4, 1, 2, 6, 3))
    }

    @Test func diagonalLineIsTheDiagonal() {
        var image = Self.blank(5, 5)
        image.drawLine(from: (4, 4), to: (0, 0), colour: Self.red)
        #expect(Self.mask(image, Self.red) == (0..<5).map { y in (0..<5).map { x in x == y } })
    }

    @Test(arguments: [((1, 1), (8, 3)), ((8, 3), (1, 1)), ((2, 9), (4, 0)), ((9, 0), (0, 9)), ((5, 5), (5, 5))])
    func lineStartsAndEndsAtItsEndpointsInEveryOctant(start: (Int, Int), end: (Int, Int)) {
        var image = Self.blank(10, 10)
        image.drawLine(from: start, to: end, colour: Self.red)
        let mask = Self.mask(image, Self.red)
        #expect(mask[start.1][start.0] && mask[end.1][end.0])
        // One pixel per step along the major axis: a connected, gap-free line.
        let count = mask.joined().filter { $0 }.count
        #expect(count == max(abs(end.0 - start.0), abs(end.1 - start.1)) + 1)
    }

    @Test func thickLinePaintsASquareAtEachEnd() {
        var image = Self.blank(10, 10)
        image.drawLine(from: (2, 5), to: (7, 5), thickness: 3, colour: Self.red)
        #expect(Self.mask(image, Self.red) == Self.box(width: 10, height: 10, 1, 4, 9, 7))
    }

    @Test func lineFarOutsideIsClippedNotWalked() {
        var image = Self.blank(6, 4)
        image.drawLine(from: (-1_000_000_000_000, 2), to: (1_000_000_000_000, 2), colour: Self.red)
        #expect(Self.mask(image, Self.red) == Self.box(width: 6, height: 4, 0, 2, 6, 3))

        var diagonal = Self.blank(6, 6)
        diagonal.drawLine(from: (-1 << 40, -1 << 40), to: (1 << 40, 1 << 40), colour: Self.red)
        #expect(Self.mask(diagonal, Self.red) == (0..<6).map { y in (0..<6).map { x in x == y } })

        // Ends near Int.min and Int.max are beyond a Double's integer precision: drawn approximately, never a trap.
        var extreme = Self.blank(6, 6)
        extreme.drawLine(from: (Int.min, Int.min), to: (Int.max, Int.max), thickness: 2, colour: Self.red)
        extreme.drawLine(from: (Int.max, 0), to: (Int.max, 5), colour: .white)
        extreme.drawLine(from: (-10, -10), to: (-3, 40), colour: .white)
        extreme.drawLine(from: (Int.min, 3), to: (Int.min, Int.max), thickness: Int.max, colour: .white)
        #expect(!Self.mask(extreme, .white).joined().contains(true))
    }

    @Test func placeCopiesPixelsAndClipsOnEverySide() {
        let tile = Image(width: 2, height: 2, format: .rgb, pixels: [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4])
        var image = Self.blank(3, 3)
        image.place(tile, atX: -1, y: -1)
        image.place(tile, atX: 2, y: 2)
        image.place(tile, atX: 1, y: -1)
        image.place(tile, atX: 50, y: 0)
        image.place(tile, atX: Int.min, y: Int.max)
        #expect(image[0, 0] == [4, 4, 4])
        #expect(image[1, 0] == [3, 3, 3] && image[2, 0] == [4, 4, 4])
        #expect(image[2, 2] == [1, 1, 1])
        #expect(image[1, 1] == [0, 0, 0] && image[0, 2] == [0, 0, 0])
    }

    @Test func placeConvertsAGreyTileToRGB() {
        var image = Self.blank(2, 1)
        image.place(Image(width: 1, height: 1, format: .grey, pixels: [77]), atX: 1, y: 0)
        #expect(image.pixels == [0, 0, 0, 77, 77, 77])
    }

    /// What `text` drawn at (`x`, `y`) should ink, computed from the glyphs.
    static func expectedText(_ text: String, x: Int, y: Int, scale: Int, width: Int, height: Int) -> [[Bool]] {
        let glyphs = text.map(BitmapFont.glyph(for:))
        return (0..<height).map { row in
            (0..<width).map { column in
                let cell = (column - x) / (BitmapFont.cellWidth * scale)
                guard column >= x, row >= y, cell < glyphs.count else { return false }
                let glyphX = (column - x - cell * BitmapFont.cellWidth * scale) / scale
                return glyphs[cell].isInked(x: glyphX, y: (row - y) / scale)
            }
        }
    }

    @Test(arguments: [1, 2, 3])
    func textInksExactlyTheGlyphsPixels(scale: Int) {
        let width = 3 * BitmapFont.cellWidth * scale + 4
        let height = BitmapFont.cellHeight * scale + 3
        var image = Image(width: width, height: height, format: .rgb, filledWith: [255, 255, 255])
        image.drawText("Ag%", atX: 2, y: 1, colour: .black, scale: scale)
        #expect(
            Self.mask(image, .black)
                == Self.expectedText("Ag%", x: 2, y: 1, scale: scale, width: width, height: height))
    }

    @Test func textClipsAtEveryEdge() {
        for (x, y) in [(-7, 0), (0, -5), (10, 0), (0, 8), (-3, -4), (14, 7)] {
            var image = Image(width: 18, height: 12, format: .rgb, filledWith: [255, 255, 255])
            image.drawText("W@y", atX: x, y: y, colour: .black)
            let expected = (0..<12).map { row in
                (0..<18).map { column in
                    let cell = (column - x).quotientRoundingDown(BitmapFont.cellWidth)
                    guard (0..<3).contains(cell) else { return false }
                    let glyph = BitmapFont.glyph(for: Array("W@y")[cell])
                    return glyph.isInked(x: column - x - cell * BitmapFont.cellWidth, y: row - y)
                }
            }
            #expect(Self.mask(image, .black) == expected, "text at (\(x), \(y))")
        }
    }

    @Test func textOutsidePrintableASCIIDrawsTheReplacementBox() {
        var image = Image(width: 14, height: 10, format: .grey, pixels: [UInt8](repeating: 255, count: 140))
        image.drawText("é爱", atX: 0, y: 0, colour: .black)
        let mask = Self.mask(image, .black)
        for cell in 0..<2 {
            for row in 0..<BitmapFont.glyphHeight {
                for column in 0..<BitmapFont.cellWidth {
                    let inked = BitmapFont.replacement.isInked(x: column, y: row)
                    #expect(mask[row][cell * BitmapFont.cellWidth + column] == inked)
                }
            }
        }
    }

    @Test func hugeTextScaleOrPositionDoesNotTrap() {
        var image = Self.blank(4, 4)
        image.drawText(String(repeating: "M", count: 10_000), atX: Int.min, y: 0, colour: Self.red)
        image.drawText("M", atX: Int.max, y: Int.max, colour: Self.red, scale: Int.max)
        image.drawText("M", atX: 0, y: 0, colour: Self.red, scale: 1 << 50)
        #expect(Self.mask(image, Self.red) == Self.box(width: 4, height: 4, 0, 0, 4, 4))
    }
}

extension Int {
    /// Division rounding towards negative infinity.
    fileprivate func quotientRoundingDown(_ divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
