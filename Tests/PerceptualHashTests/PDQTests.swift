import Foundation
import Imaging
import PerceptualHash
import TestSupport
import Testing

@Suite struct PDQTests {
    /// A photo of `Samples/images` (`coffee.jpg`, `rocket.jpg`), as stored.
    static func samplePhoto(_ name: String) throws -> Image {
        let url = Fixtures.samples.appendingPathComponent("images").appendingPathComponent(name)
        return try ImageDecoder.decode(contentsOfFile: url.path, options: DecodingOptions(appliesOrientation: false))
            .image
    }

    @Test func hexRoundTripsAndKeepsTheReferenceBitOrder() throws {
        let hex = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22"
        let hash = try #require(PDQHash(hex: hex))
        #expect(hash.hex == hex)
        // The last hex digit is word 0's low nibble: 0x2 sets bit 1 and clears bit 0.
        #expect(hash.bit(1) && !hash.bit(0))
        // The first digit is word 15's high nibble: 0xf sets bits 252...255.
        #expect(hash.bit(255) && hash.bit(252))
        #expect(PDQHash(hex: "xyz") == nil)
        #expect(PDQHash(hex: String(repeating: "g", count: 64)) == nil)
    }

    @Test func distanceCountsDifferingBits() throws {
        var a = PDQHash.zero
        var b = PDQHash.zero
        #expect(a.distance(to: b) == 0)
        for bit in [0, 63, 64, 200, 255] { a.setBit(bit) }
        b.setBit(64)
        #expect(a.distance(to: b) == 4)
        #expect(a.distance(to: a) == 0)
    }

    @Test func imagesUnderFivePixelsHashToZeroWithQualityZero() {
        let tiny = Image(width: 4, height: 100, format: .grey, filledWith: [128])
        let result = PDQ.hash(tiny)
        #expect(result.hash == .zero && result.quality == 0)
        #expect(result.dihedral.values.allSatisfy { $0 == .zero })
    }

    @Test func flatImageHasQualityZero() {
        let flat = Image(width: 100, height: 80, format: .rgb, filledWith: [200, 10, 10])
        #expect(PDQ.hash(flat).quality == 0)
    }

    /// Hashing a transformed image lands near the dihedral hash the reference derives for that transform. Not
    /// bit-identical: the tent filter's windows are not symmetric under transposition.
    @Test(arguments: PDQVariant.allCases)
    func dihedralHashPredictsTheTransformedImage(variant: PDQVariant) throws {
        let image = try Self.samplePhoto("rocket.jpg")
        let original = PDQ.hash(image)
        let transformed = PDQ.hash(image.transformed(by: variant.transform))
        let predicted = try #require(original.dihedral[variant])
        #expect(transformed.hash.distance(to: predicted) <= 16)
        // ...and far from unrelated variants of the same picture.
        if variant != .original {
            #expect(transformed.hash.distance(to: original.hash) > 64)
        }
        #expect(PDQVariant(variant.transform) == variant)
    }

    @Test func dihedralOfTheOriginalIsTheHash() throws {
        let result = PDQ.hash(try Self.samplePhoto("coffee.jpg"))
        #expect(result.dihedral[.original] == result.hash)
        #expect(Set(result.dihedral.values).count == 8)
    }

    @Test func unrelatedImagesAreFarApart() throws {
        let a = PDQ.hash(try Self.samplePhoto("coffee.jpg")).hash
        let b = PDQ.hash(try Self.samplePhoto("rocket.jpg")).hash
        #expect(a.distance(to: b) > 90)
    }

    @Test func fastAndExactPathsAgreeOnMirroredCopyLikeAMatcherNeedsThem() throws {
        let coffee = Fixtures.samples.appendingPathComponent("images/coffee.jpg").path
        let mirrored = Fixtures.samples.appendingPathComponent("images/coffee-mirrored.jpg").path
        let original = try Fingerprinter.fingerprint(contentsOfFile: coffee)
        let copy = try Fingerprinter.fingerprint(contentsOfFile: mirrored)
        let viaMirror = try #require(original.pdqDihedral[PDQVariant(.flipHorizontal)])
        #expect(copy.pdq.distance(to: viaMirror) <= 16)
        #expect(copy.pdq.distance(to: original.pdq) > 64)
    }
}
