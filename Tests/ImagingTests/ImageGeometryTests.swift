import Imaging
import Testing

@Suite struct ImageGeometryTests {
    static func grey(_ rows: [[UInt8]]) -> Image {
        Image(width: rows[0].count, height: rows.count, format: .grey, pixels: rows.flatMap { $0 })
    }

    @Test func areaAverageShrinkAveragesEachBlock() {
        let image = Self.grey([
            [0, 10, 100, 100],
            [20, 30, 100, 100],
            [0, 0, 255, 255],
            [0, 0, 255, 252],
        ])
        let half = image.resized(width: 2, height: 2)
        #expect(half.pixels == [15, 100, 0, 254])
    }

    @Test func areaAverageWeighsPartialPixels() {
        // 3 → 2: output 0 covers pixel 0 and half of pixel 1; output 1 the other half and pixel 2.
        let image = Self.grey([[0, 90, 180]])
        #expect(image.resized(width: 2, height: 1).pixels == [30, 150])
    }

    @Test func resizeKeepsFlatColour() {
        let image = Image(width: 37, height: 23, format: .rgb, filledWith: [12, 200, 99])
        let small = image.resized(width: 5, height: 9)
        #expect(small == Image(width: 5, height: 9, format: .rgb, filledWith: [12, 200, 99]))
        let large = image.resized(width: 80, height: 50)
        #expect(large == Image(width: 80, height: 50, format: .rgb, filledWith: [12, 200, 99]))
    }

    @Test func cropClipsToTheImageAndRefusesEmptyRects() throws {
        let image = Self.grey([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
        #expect(try #require(image.cropped(to: PixelRect(x: 1, y: 1, width: 5, height: 5))).pixels == [5, 6, 8, 9])
        #expect(try #require(image.cropped(to: PixelRect(x: -1, y: 0, width: 2, height: 1))).pixels == [1])
        #expect(image.cropped(to: PixelRect(x: 3, y: 0, width: 2, height: 2)) == nil)
        #expect(image.cropped(to: PixelRect(x: 0, y: 0, width: 0, height: 2)) == nil)
    }

    @Test func borderTrimRemovesPaddingOnEachSide() {
        // White bars on top and left, a black bar on the right, content in the middle.
        var rows = [[UInt8]](repeating: [UInt8](repeating: 255, count: 10), count: 8)
        for y in 0..<8 { rows[y][9] = 0 }
        for y in 3..<6 { for x in 2..<7 { rows[y][x] = UInt8(40 + x * 10 + y) } }
        rows[7] = [UInt8](repeating: 128, count: 10)  // a grey bar at the bottom
        let image = Self.grey(rows)
        #expect(image.uniformBorderTrimRect() == PixelRect(x: 2, y: 3, width: 5, height: 3))
        #expect(image.trimmingUniformBorders().width == 5)
    }

    @Test func aSmoothPatchOfThePictureIsNotABorder() {
        // A white frame around a picture whose left column is a gentle gradient: the gradient stays.
        var rows = [[UInt8]](repeating: [UInt8](repeating: 255, count: 6), count: 6)
        for y in 1..<5 { for x in 1..<5 { rows[y][x] = x == 1 ? UInt8(60 + y) : UInt8(20 * x + y) } }
        #expect(Self.grey(rows).uniformBorderTrimRect() == PixelRect(x: 1, y: 1, width: 4, height: 4))
    }

    @Test func borderTrimToleratesCompressionNoise() {
        var rows: [[UInt8]] = (0..<6).map { (y: Int) -> [UInt8] in
            (0..<6).map { (x: Int) -> UInt8 in UInt8(250 + (x * 3 + y * 5) % 6) }
        }
        rows[2][2] = 10
        rows[3][3] = 20
        let image = Self.grey(rows)
        #expect(image.uniformBorderTrimRect(tolerance: 8) == PixelRect(x: 2, y: 2, width: 2, height: 2))
        #expect(image.uniformBorderTrimRect(tolerance: 0) == PixelRect(x: 0, y: 0, width: 6, height: 6))
    }

    @Test func flatImagesAndBarsOfAnotherColourAreNeverTrimmedAway() {
        let flat = Image(width: 5, height: 4, format: .rgb, filledWith: [9, 9, 9])
        #expect(flat.uniformBorderTrimRect() == PixelRect(x: 0, y: 0, width: 5, height: 4))
        // White top half, red bottom half: the white bar goes, the red block stays whole.
        var pixels: [UInt8] = []
        for y in 0..<6 { for _ in 0..<4 { pixels += y < 3 ? [255, 255, 255] : [200, 0, 0] } }
        let split = Image(width: 4, height: 6, format: .rgb, pixels: pixels)
        #expect(split.uniformBorderTrimRect() == PixelRect(x: 0, y: 3, width: 4, height: 3))
    }

    @Test func lumaFollowsThePDQWeights() {
        let image = Image(width: 2, height: 1, format: .rgb, pixels: [255, 0, 0, 10, 20, 30])
        let luma = image.luma()
        #expect(luma.values[0] == Float(255.0 * 0.299))
        #expect(luma.values[1] == Float(10.0 * 0.299 + 20.0 * 0.587 + 30.0 * 0.114))
        let grey = Self.grey([[7, 200]]).luma()
        #expect(grey.values == [7, 200])
    }

    @Test func greyConvertsToRGBByRepetition() {
        let rgb = Self.grey([[3, 250]]).convertedToRGB()
        #expect(rgb.format == .rgb)
        #expect(rgb.pixels == [3, 3, 3, 250, 250, 250])
    }
}
