import Imaging
import PerceptualHash
import Testing

@Suite struct FASTTests {
    /// A 64 × 64 black plane with a white quadrant from (32, 32): one corner, at the quadrant's tip.
    static func quadrant() -> LumaPlane {
        var values = [Float](repeating: 0, count: 64 * 64)
        for y in 32..<64 { for x in 32..<64 { values[y * 64 + x] = 255 } }
        return LumaPlane(width: 64, height: 64, values: values)
    }

    @Test func quadrantTipIsTheOnlyCorner() throws {
        let corners = FASTDetector.corners(in: Self.quadrant(), threshold: 20)
        let corner = try #require(corners.first)
        #expect(corners.count == 1)
        #expect(abs(corner.x - 32) <= 1 && abs(corner.y - 32) <= 1)
    }

    @Test func straightEdgesAndFlatAreasHaveNoCorners() {
        var values = [Float](repeating: 30, count: 64 * 64)
        for y in 0..<64 { for x in 32..<64 { values[y * 64 + x] = 220 } }
        #expect(FASTDetector.corners(in: LumaPlane(width: 64, height: 64, values: values)).isEmpty)
        let flat = LumaPlane(width: 64, height: 64, values: [Float](repeating: 128, count: 64 * 64))
        #expect(FASTDetector.corners(in: flat).isEmpty)
    }

    @Test func contrastBelowTheThresholdIsNoCorner() {
        var plane = Self.quadrant()
        plane.values = plane.values.map { $0 == 0 ? 100 : 115 }
        #expect(FASTDetector.corners(in: plane, threshold: 20).isEmpty)
        #expect(FASTDetector.corners(in: plane, threshold: 10).count == 1)
    }

    @Test func isolatedBrightDotIsACornerWithEitherPolarity() {
        var values = [Float](repeating: 200, count: 32 * 32)
        values[16 * 32 + 16] = 0
        let dark = FASTDetector.corners(in: LumaPlane(width: 32, height: 32, values: values))
        #expect(dark.map { [$0.x, $0.y] } == [[16, 16]])
        let bright = LumaPlane(width: 32, height: 32, values: values.map { 200 - $0 })
        #expect(FASTDetector.corners(in: bright).map { [$0.x, $0.y] } == [[16, 16]])
    }
}
