import Imaging
import Testing

@Suite struct DihedralTransformTests {
    /// A 3×2 RGB image whose pixels are all different, so any misplaced pixel shows.
    static let sample: Image = {
        var pixels: [UInt8] = []
        for index in 0..<6 { pixels += [UInt8(index * 10), UInt8(index * 10 + 1), UInt8(index * 10 + 2)] }
        return Image(width: 3, height: 2, format: .rgb, pixels: pixels)
    }()

    /// The red sample of each pixel, row by row, which here is 10 × the pixel's original index.
    static func layout(_ image: Image) -> [[Int]] {
        (0..<image.height).map { y in (0..<image.width).map { x in Int(image[x, y].first ?? 0) / 10 } }
    }

    @Test func eachTransformPutsPixelsWhereItShould() {
        // Original:  0 1 2
        //            3 4 5
        let expected: [DihedralTransform: [[Int]]] = [
            .identity: [[0, 1, 2], [3, 4, 5]],
            .rotate90: [[3, 0], [4, 1], [5, 2]],
            .rotate180: [[5, 4, 3], [2, 1, 0]],
            .rotate270: [[2, 5], [1, 4], [0, 3]],
            .flipHorizontal: [[2, 1, 0], [5, 4, 3]],
            .flipVertical: [[3, 4, 5], [0, 1, 2]],
            .transpose: [[0, 3], [1, 4], [2, 5]],
            .transverse: [[5, 2], [4, 1], [3, 0]],
        ]
        for transform in DihedralTransform.allCases {
            #expect(Self.layout(Self.sample.transformed(by: transform)) == expected[transform], "\(transform)")
        }
    }

    @Test(arguments: DihedralTransform.allCases)
    func inverseUndoesTheTransform(transform: DihedralTransform) {
        let there = Self.sample.transformed(by: transform)
        #expect(there.transformed(by: transform.inverse) == Self.sample)
        #expect((there.width, there.height) == (transform.swapsAxes ? (2, 3) : (3, 2)))
    }

    @Test func fourQuarterTurnsAreTheIdentity() {
        var image = Self.sample
        for _ in 0..<4 { image = image.transformed(by: .rotate90) }
        #expect(image == Self.sample)
    }

    @Test func exifOrientationsMapToTheirDisplayTransforms() {
        #expect(ExifOrientation.up.transformToDisplay == .identity)
        #expect(ExifOrientation.right.transformToDisplay == .rotate90)
        #expect(ExifOrientation.left.transformToDisplay == .rotate270)
        #expect(ExifOrientation.down.transformToDisplay == .rotate180)
        let all = Set((1...8).compactMap { ExifOrientation(rawValue: $0)?.transformToDisplay })
        #expect(all.count == 8)
    }
}
