import Imaging
import Testing

@Suite struct ImageWarpTests {
    static func gradient() -> Image {
        var pixels: [UInt8] = []
        for y in 0..<20 { for x in 0..<30 { pixels.append(UInt8(x * 8 + y)) } }
        return Image(width: 30, height: 20, format: .grey, pixels: pixels)
    }

    @Test func identityWarpKeepsEveryPixel() {
        let image = Self.gradient()
        #expect(image.warped(by: .identity, width: 30, height: 20, background: .white) == image)
    }

    @Test func wholePixelTranslationShiftsAndFillsWithTheBackground() {
        let image = Self.gradient()
        let moved = image.warped(by: .translation(x: 3, y: 2), width: 30, height: 20, background: .black)
        #expect(moved[3, 2] == image[0, 0])
        #expect(moved[29, 19] == image[26, 17])
        #expect(moved[1, 1] == [0])
    }

    @Test func quarterTurnMatchesTheDihedralRotation() {
        let image = Self.gradient()
        let turn = AffineTransform.rotation(degrees: 90).followed(by: .translation(x: 20, y: 0))
        let warped = image.warped(by: turn, width: 20, height: 30, background: .white)
        #expect(warped == image.transformed(by: .rotate90))
        #expect(image.rotated(degrees: 90, background: .white) == image.transformed(by: .rotate90))
    }

    @Test func rotationEnlargesTheCanvasToHoldTheCorners() {
        let image = Image(width: 100, height: 50, format: .rgb, filledWith: [200, 10, 10])
        let rotated = image.rotated(degrees: 10, background: .white)
        // |100 cos 10° + 50 sin 10°| = 107.2, |100 sin 10° + 50 cos 10°| = 66.6
        #expect(rotated.width == 108 && rotated.height == 67)
        #expect(rotated[54, 33] == [200, 10, 10])
        #expect(rotated[0, 0] == [255, 255, 255])
    }

    @Test func transformsComposeInvertAndBound() throws {
        let map = AffineTransform.scale(x: 2, y: 2).followed(by: .rotation(degrees: 30)).followed(
            by: .translation(x: 5, y: -3))
        let inverse = try #require(map.inverse)
        let point = inverse.apply(map.apply((7, 11)))
        #expect(abs(point.x - 7) < 1e-9 && abs(point.y - 11) < 1e-9)
        #expect(AffineTransform.scale(x: 0, y: 1).inverse == nil)
        let box = AffineTransform.translation(x: -10, y: 20).boundingBox(
            width: 50, height: 30, clippedTo: (width: 100, height: 40))
        #expect(box == PixelRect(x: 0, y: 20, width: 40, height: 20))
        #expect(AffineTransform.translation(x: 500, y: 0).boundingBox(width: 5, height: 5, clippedTo: (10, 10)) == nil)
    }
}
