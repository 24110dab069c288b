import Imaging
import Matching
import PerceptualHash
import TestSupport
import Testing

@Suite struct FeatureIndexTests {
    /// Registered images: textured photos of different sizes and shapes.
    static let references: [(id: String, image: Image)] = [
        ("jacket", TexturedScenes.scene(seed: 1, width: 400, height: 300)),
        ("bottle", TexturedScenes.scene(seed: 2, width: 300, height: 400)),
        ("tent", TexturedScenes.scene(seed: 3, width: 480, height: 360)),
        ("logo", TexturedScenes.twoTone(seed: 4, width: 300, height: 300)),
    ]
    static let index = FeatureIndex(references.map { FeatureReference(id: $0.id, luma: $0.image.luma()) })

    static func reference(_ id: String) throws -> Image {
        try #require(references.first { $0.id == id }).image
    }

    /// Whether every edge of `found` is within `tolerance` pixels of `truth`'s.
    static func close(_ found: PixelRect, _ truth: PixelRect, tolerance: Int) -> Bool {
        abs(found.x - truth.x) <= tolerance && abs(found.y - truth.y) <= tolerance
            && abs(found.x + found.width - truth.x - truth.width) <= tolerance
            && abs(found.y + found.height - truth.y - truth.height) <= tolerance
    }

    struct Paste: Sendable, CustomTestStringConvertible {
        var id: String
        var scale: Double
        var degrees: Double
        var mirrored: Bool
        var testDescription: String { "\(id) at \(scale)× \(degrees)° mirrored \(mirrored)" }
    }

    @Test(arguments: [
        Paste(id: "jacket", scale: 0.4, degrees: 0, mirrored: false),
        Paste(id: "jacket", scale: 0.6, degrees: 8, mirrored: false),
        Paste(id: "bottle", scale: 0.5, degrees: -10, mirrored: false),
        Paste(id: "tent", scale: 0.9, degrees: 0, mirrored: true),
        Paste(id: "jacket", scale: 1.0, degrees: 5, mirrored: true),
        Paste(id: "bottle", scale: 0.7, degrees: 0, mirrored: false),
    ])
    func pastedReferenceIsFoundWhereItSits(_ paste: Paste) throws {
        let scene = TexturedScenes.scene(seed: 100 + UInt64(paste.scale * 10), width: 600, height: 450)
        let (composite, truth) = TexturedScenes.paste(
            try Self.reference(paste.id), into: scene, scale: paste.scale, degrees: paste.degrees,
            mirrored: paste.mirrored, x: 150, y: 40)
        let matches = Self.index.verify(FeatureExtractor.extract(composite))
        let match = try #require(matches.first)
        #expect(match.id == paste.id)
        #expect(matches.count == 1)
        #expect(match.mirrored == paste.mirrored)
        #expect(abs(match.scale - paste.scale) < 0.05 * paste.scale)
        #expect(abs(match.rotationDegrees - paste.degrees) < 2)
        #expect(Self.close(match.region, truth, tolerance: 4), "found \(match.region), truth \(truth)")
    }

    @Test(arguments: [0, 1, 2])
    func onePanelOfAStripIsFoundWithItsPanel(panel: Int) throws {
        var strip = Image(width: 600, height: 200, format: .rgb, filledWith: Colour.white.samples)
        for slot in 0..<3 {
            let picture =
                slot == panel
                ? try Self.reference("jacket").resized(width: 200, height: 150)
                : TexturedScenes.scene(seed: 300 + UInt64(slot), width: 200, height: 150)
            strip.place(picture, atX: slot * 200, y: 25)
        }
        let matches = Self.index.verify(FeatureExtractor.extract(strip))
        let match = try #require(matches.first)
        #expect(matches.map(\.id) == ["jacket"])
        let truth = PixelRect(x: panel * 200, y: 25, width: 200, height: 150)
        #expect(Self.close(match.region, truth, tolerance: 4), "found \(match.region), truth \(truth)")
    }

    @Test func unrelatedScenesNeverVerify() {
        for seed in UInt64(500)..<UInt64(530) {
            let scene = TexturedScenes.scene(seed: seed, width: 600, height: 450)
            #expect(Self.index.verify(FeatureExtractor.extract(scene)).isEmpty, "scene \(seed)")
        }
    }

    @Test func plainAndTwoToneImagesNeverVerify() {
        var suspects = [
            Image(width: 500, height: 500, format: .rgb, filledWith: Colour.white.samples),
            Image(width: 500, height: 500, format: .grey, filledWith: [0]),
        ]
        var halves = Image(width: 400, height: 400, format: .rgb, filledWith: Colour.white.samples)
        halves.fill(PixelRect(x: 0, y: 0, width: 200, height: 400), with: .black)
        suspects.append(halves)
        for seed in UInt64(40)..<UInt64(50) {
            suspects.append(TexturedScenes.twoTone(seed: seed, width: 400, height: 400))
        }
        for suspect in suspects {
            #expect(Self.index.verify(FeatureExtractor.extract(suspect)).isEmpty)
        }
    }

    @Test func verificationIsDeterministicAndIndependentOfOtherReferences() throws {
        let (composite, _) = TexturedScenes.paste(
            try Self.reference("tent"), into: TexturedScenes.scene(seed: 77, width: 600, height: 450), scale: 0.5,
            degrees: 3, x: 300, y: 200)
        let suspect = FeatureExtractor.extract(composite)
        let first = Self.index.verify(suspect)
        #expect(first == Self.index.verify(suspect))
        let alone = FeatureIndex([FeatureReference(id: "tent", luma: try Self.reference("tent").luma())])
        // Other registered images change only which crowded buckets are skipped, never the verified geometry here.
        let single = try #require(alone.verify(suspect).first)
        let shared = try #require(first.first)
        #expect(single.id == shared.id && single.region == shared.region && single.mirrored == shared.mirrored)
        #expect(abs(single.scale - shared.scale) < 0.01 && abs(single.inliers - shared.inliers) <= 3)
    }

    @Test func exactCopyVerifiesWithTheIdentity() throws {
        let image = try Self.reference("bottle")
        let match = try #require(Self.index.verify(FeatureExtractor.extract(image)).first)
        #expect(match.id == "bottle" && !match.mirrored)
        #expect(abs(match.scale - 1) < 0.01 && abs(match.rotationDegrees) < 0.5)
        #expect(Self.close(match.region, PixelRect(x: 0, y: 0, width: 300, height: 400), tolerance: 1))
        #expect(match.inlierRatio > 0.8)
    }

    @Test func emptyIndexAndEmptySuspectFindNothing() {
        let features = FeatureExtractor.extract(TexturedScenes.scene(seed: 5, width: 300, height: 300))
        #expect(FeatureIndex([FeatureReference]()).verify(features).isEmpty)
        let empty = FeatureSet(width: 10, height: 10, keypoints: [], descriptors: [])
        #expect(Self.index.verify(empty).isEmpty)
    }
}
