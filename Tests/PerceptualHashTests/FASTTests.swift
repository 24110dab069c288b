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

/// The detector (its compass-point tests run sixteen pixels at a time) against a plain one written from the
/// definition: every pixel's 16 circle pixels, a 9-arc of brighter or darker ones, the summed excess as score.
@Suite struct FASTReferenceTests {
    static let circle = [
        (0, -3), (1, -3), (2, -2), (3, -1), (3, 0), (3, 1), (2, 2), (1, 3),
        (0, 3), (-1, 3), (-2, 2), (-3, 1), (-3, 0), (-3, -1), (-2, -2), (-1, -3),
    ]

    /// FAST-9 by the definition, with the same 3 × 3 non-maximum suppression (strict towards earlier pixels).
    static func reference(_ plane: LumaPlane, threshold: Int, border: Int) -> [FASTDetector.Corner] {
        let width = plane.width
        let height = plane.height
        let border = max(3, border)
        guard width > 2 * border, height > 2 * border else { return [] }
        let pixels = plane.values.map { Int(min(255, max(0, $0.rounded()))) }
        var scores = [Int](repeating: 0, count: width * height)
        for y in border..<(height - border) {
            for x in border..<(width - border) {
                let centre = pixels[y * width + x]
                let ring = circle.map { pixels[(y + $0.1) * width + x + $0.0] }
                func arc(_ passes: (Int) -> Bool) -> Bool {
                    (0..<16).contains { start in (0..<9).allSatisfy { passes(ring[(start + $0) % 16]) } }
                }
                var score = 0
                if arc({ $0 > centre + threshold }) {
                    score = ring.filter { $0 > centre + threshold }.reduce(0) { $0 + $1 - centre - threshold } + 1
                }
                if arc({ $0 < centre - threshold }) {
                    let dark = ring.filter { $0 < centre - threshold }.reduce(0) { $0 + centre - threshold - $1 } + 1
                    score = max(score, dark)
                }
                scores[y * width + x] = score
            }
        }
        var corners: [FASTDetector.Corner] = []
        for y in border..<(height - border) {
            for x in border..<(width - border) {
                let index = y * width + x
                let score = scores[index]
                guard score > 0 else { continue }
                let before = [index - width - 1, index - width, index - width + 1, index - 1]
                let after = [index + 1, index + width - 1, index + width, index + width + 1]
                guard before.allSatisfy({ score > scores[$0] }), after.allSatisfy({ score >= scores[$0] }) else {
                    continue
                }
                corners.append(FASTDetector.Corner(x: x, y: y, score: score))
            }
        }
        return corners
    }

    /// Random samples, in blocks of `block` pixels so that corners of every contrast appear.
    static func random(seed: UInt64, width: Int, height: Int, block: Int) -> LumaPlane {
        var state = seed
        var levels: [Float] = []
        for _ in 0..<((width / block + 1) * (height / block + 1)) {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            levels.append(Float(state >> 56))
        }
        let columns = width / block + 1
        let values = (0..<(width * height)).map { index in
            levels[(index / width / block) * columns + (index % width) / block]
        }
        return LumaPlane(width: width, height: height, values: values)
    }

    @Test(arguments: [(1, 0), (2, 1), (3, 2), (4, 3)] as [(UInt64, Int)])
    func matchesTheDefinitionOnRandomImages(seed: UInt64, shape: Int) {
        // Widths around multiples of 16 past the border, so that every length of a row's scalar tail occurs.
        let (width, height) = [(57, 40), (70, 31), (45, 45), (93, 24)][shape]
        for block in [1, 2, 3] {
            let plane = Self.random(seed: seed &* 31 &+ UInt64(block), width: width, height: height, block: block)
            for threshold in [0, 1, 18, 60, 254, 255, 300] {
                for border in [3, 4, 9] {
                    let expected = Self.reference(plane, threshold: threshold, border: border)
                    if threshold == 18 { #expect(!expected.isEmpty) }
                    #expect(
                        FASTDetector.corners(in: plane, threshold: threshold, border: border) == expected,
                        "seed \(seed), block \(block), threshold \(threshold), border \(border)")
                }
            }
        }
    }
}
