import Imaging
import Matching
import PerceptualHash
import TestSupport
import Testing

/// The screen in front of the feature search (`FeatureIndex+Screen.swift`, off by default) must never drop a match
/// the full path finds: every fixture composite, panel, copy and unrelated picture of the feature tests goes through
/// both paths, with the screen set to the lowest threshold that still spares some pictures.
@Suite struct FeatureScreenTests {
    static let screenVotes = 2
    static let index = FeatureIndex(
        FeatureIndexTests.references.map { FeatureReference(id: $0.id, luma: $0.image.luma()) },
        options: FeatureIndex.Options(screenVotes: screenVotes))

    /// Every suspect picture the feature tests use, by name.
    static func fixtures() throws -> [(name: String, image: Image)] {
        var suspects: [(String, Image)] = []
        for (id, scale, degrees, mirrored) in [
            ("jacket", 0.4, 0.0, false), ("jacket", 0.6, 8, false), ("bottle", 0.5, -10, false),
            ("tent", 0.9, 0, true), ("jacket", 1.0, 5, true), ("bottle", 0.7, 0, false), ("tent", 0.5, 3, false),
            ("logo", 0.6, 0, false), ("tent", 0.3, -4, true),
        ] {
            let scene = TexturedScenes.scene(seed: 100 + UInt64(scale * 10), width: 600, height: 450)
            let (composite, _) = TexturedScenes.paste(
                try FeatureIndexTests.reference(id), into: scene, scale: scale, degrees: degrees, mirrored: mirrored,
                x: 150, y: 40)
            suspects.append(("\(id) at \(scale)× \(degrees)° mirrored \(mirrored)", composite))
        }
        for panel in 0..<3 {
            var strip = Image(width: 600, height: 200, format: .rgb, filledWith: Colour.white.samples)
            for slot in 0..<3 {
                let picture =
                    slot == panel
                    ? try FeatureIndexTests.reference("jacket").resized(width: 200, height: 150)
                    : TexturedScenes.scene(seed: 300 + UInt64(slot), width: 200, height: 150)
                strip.place(picture, atX: slot * 200, y: 25)
            }
            suspects.append(("strip, jacket in panel \(panel)", strip))
        }
        for reference in FeatureIndexTests.references {
            suspects.append(("copy of \(reference.id)", reference.image))
            let crop = PixelRect(
                x: reference.image.width / 8, y: reference.image.height / 8, width: reference.image.width * 3 / 4,
                height: reference.image.height * 3 / 4)
            suspects.append(("crop of \(reference.id)", try #require(reference.image.cropped(to: crop))))
        }
        for seed in UInt64(500)..<UInt64(530) {
            suspects.append(("scene \(seed)", TexturedScenes.scene(seed: seed, width: 600, height: 450)))
        }
        for seed in UInt64(40)..<UInt64(45) {
            suspects.append(("two-tone \(seed)", TexturedScenes.twoTone(seed: seed, width: 400, height: 400)))
        }
        return suspects
    }

    @Test func screenedSearchFindsWhatTheFullSearchFinds() throws {
        let index = Self.index
        #expect(index.options.screenVotes == Self.screenVotes)
        var found = 0
        for (name, image) in try Self.fixtures() {
            for options in [FeatureExtractor.Options.reference, .suspect] {
                let features = FeatureExtractor.extract(image, options: options)
                let full = index.verify(features, screened: false)
                #expect(index.verify(features, screened: true) == full, "\(name)")
                found += full.count
            }
        }
        // The fixtures must hold matches for the comparison to mean anything (36 today, on both paths).
        #expect(found >= 30)
    }

    /// The pinned composites of `FeatureIndexFingerprintTests`, whose index holds eight registered images.
    @Test func screenedSearchFindsWhatTheFullSearchFindsAmongEightImages() {
        let references = (1...8).map { seed -> FeatureReference in
            let image =
                seed == 8
                ? TexturedScenes.twoTone(seed: 4, width: 300, height: 300)
                : TexturedScenes.scene(seed: UInt64(seed), width: 260 + 20 * seed, height: 420 - 15 * seed)
            return FeatureReference(id: "ref-\(seed)", luma: image.luma())
        }
        let index = FeatureIndex(references, options: FeatureIndex.Options(screenVotes: Self.screenVotes))
        for seed in 1...7 {
            let reference = TexturedScenes.scene(seed: UInt64(seed), width: 260 + 20 * seed, height: 420 - 15 * seed)
            let (composite, _) = TexturedScenes.paste(
                reference, into: TexturedScenes.scene(seed: UInt64(50 + seed), width: 600, height: 450),
                scale: 0.3 + 0.08 * Double(seed), degrees: Double(seed * 3 - 10), mirrored: seed % 3 == 0,
                x: 20 * seed, y: 10 * seed)
            let features = FeatureExtractor.extract(composite, options: .suspect)
            #expect(index.verify(features, screened: true) == index.verify(features, screened: false), "seed \(seed)")
        }
    }

    /// Plain and two-tone pictures give the screen nothing to vote with, so they skip the search.
    @Test func screenSparesPlainPictures() {
        var halves = Image(width: 400, height: 400, format: .rgb, filledWith: Colour.white.samples)
        halves.fill(PixelRect(x: 0, y: 0, width: 200, height: 400), with: .black)
        let plain = Image(width: 500, height: 500, format: .rgb, filledWith: Colour.white.samples)
        for picture in [plain, halves] {
            let votes = Self.index.screenVotesByID(FeatureExtractor.extract(picture, options: .suspect))
            #expect((votes.values.max() ?? 0) < Self.screenVotes)
        }
    }

    @Test func theScreenIsOffByDefault() {
        #expect(FeatureIndex.Options().screenVotes == 0)
        let options = FeatureIndex.Options(screenVotes: 5)
        #expect(options.unscreened.screenVotes == 0 && options.unscreened.tables == options.tables)
    }
}
