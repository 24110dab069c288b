import Foundation
import Imaging
import PerceptualHash
import TestSupport
import Testing

@Suite struct ImageComparisonTests {
    /// A sample product photo: structure in both directions, so the eight variants hash far apart.
    static func picture() throws -> Image {
        try ImageDecoder.decode(contentsOfFile: Fixtures.samples.appendingPathComponent("images/rocket.jpg").path).image
    }

    @Test(arguments: [
        (DihedralTransform.identity, PDQVariant.original), (.flipHorizontal, .flipy), (.rotate180, .rot180),
        (.rotate90, .rot270), (.transpose, .flipPlus1),
    ])
    func transformedCopyMatchesThroughItsVariant(transform: DihedralTransform, variant: PDQVariant) throws {
        let picture = try Self.picture()
        let comparison = ImageComparison(registered: picture, suspect: picture.transformed(by: transform))
        #expect(comparison.variant == variant)
        // Within what PDQTests allow a derived dihedral hash (the tent filter is not symmetric).
        #expect(comparison.distance <= 16)
        if transform != .identity {
            #expect(comparison.plainDistance > 32)
        }
        #expect(comparison.registeredQuality == comparison.suspectQuality)
    }

    @Test func tinyImagesCompareAsZeroHashesWithoutTrapping() throws {
        let dot = Image(width: 1, height: 1, format: .grey, pixels: [9])
        let picture = try Self.picture()
        let comparison = ImageComparison(registered: dot, suspect: picture)
        #expect(comparison.registeredQuality == 0 && comparison.variant == .original)
        // The dot's dHash is zero, so the distance is the picture's own dHash's popcount.
        let downsampled = try #require(PDQ.hash(picture).downsampled)
        #expect(comparison.dhashDistance == DHash(downsampled).value.nonzeroBitCount)
    }
}
