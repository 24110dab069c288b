import Foundation
import Imaging
import Matching
import PerceptualHash
import Testing

@Suite struct ImageMatcherTests {
    static func hash(_ bits: [Int]) -> PDQHash {
        var hash = PDQHash.zero
        for bit in bits { hash.setBit(bit) }
        return hash
    }

    static let full = PixelRect(x: 0, y: 0, width: 100, height: 100)

    /// A view whose eight variants are far apart from each other: each sets a different block of 30 bits.
    static func view(_ name: String, kind: HashedView.Kind, base: [Int], quality: Int = 100) -> HashedView {
        var dihedral: [PDQVariant: PDQHash] = [:]
        for (index, variant) in PDQVariant.allCases.enumerated() {
            dihedral[variant] = hash(base + Array((index * 30)..<(index * 30 + 30)))
        }
        return HashedView(name: name, kind: kind, region: full, quality: quality, dihedral: dihedral)
    }

    static func image(
        _ id: String, base: [Int], quality: Int = 100, information: InformationContent = .ordinary,
        extra: [HashedView] = []
    ) -> RegisteredImage {
        RegisteredImage(
            assetID: id, brand: "Acme", right: "tm-1",
            views: [view("whole", kind: .whole, base: base, quality: quality)] + extra, information: information)
    }

    static func suspect(
        _ hash: PDQHash, kind: HashedView.Kind = .whole, name: String = "whole",
        information: InformationContent = .ordinary, region: PixelRect = full
    ) -> SuspectImage {
        SuspectImage(
            views: [HashedView(name: name, kind: kind, region: region, quality: 90, dihedral: [.original: hash])],
            information: information)
    }

    @Test func closestVariantWinsAndNamesTheTransform() throws {
        let logo = Self.image("logo", base: [250, 251])
        let matcher = ImageMatcher([logo])
        var suspect = try #require(logo.views[0].dihedral[.flipy])
        for bit in [1, 2, 3] { suspect.setBit(bit + 240) }  // three bits of re-encoding noise
        let matches = matcher.matches(for: Self.suspect(suspect))
        #expect(matches.count == 1)
        #expect(matches[0].variant == .flipy && matches[0].transformName == "mirror" && matches[0].distance == 3)
        #expect(matches[0].algorithm == "pdq" && matches[0].trusted)
    }

    @Test func thresholdAndQualityGateTheMatches() throws {
        let logo = Self.image("logo", base: [])
        let original = logo.views[0].hash
        var far = original
        for bit in 200..<232 { far.setBit(bit) }  // 32 bits: just past PDQ's threshold
        var near = original
        for bit in 200..<231 { near.setBit(bit) }  // 31 bits: at it
        var beyond = original
        for bit in 200..<(201 + ImageMatcher.wholeThreshold + ImageMatcher.candidateBand) { beyond.setBit(bit) }
        let matcher = ImageMatcher([logo, Self.image("flat", base: [], quality: 0)])
        // Past the threshold: a weak, untrusted candidate under the default minimum score; past the band, nothing.
        let weak = try #require(matcher.matches(for: Self.suspect(far)).first)
        #expect(!weak.trusted && weak.strength < 0.5 && weak.strength > 0.4)
        #expect(matcher.matches(for: Self.suspect(beyond)).isEmpty)
        let atThreshold = matcher.matches(for: Self.suspect(near))
        #expect(atThreshold.map(\.assetID) == ["logo"])
        // Just over the default minimum score at the threshold, and monotone below it.
        #expect(abs(atThreshold[0].strength - 0.55) < 1e-9)
        #expect(matcher.matches(for: Self.suspect(original)).first?.strength == 1)
    }

    @Test func resultsAreOrderedByStrengthThenAsset() {
        let a = Self.image("b-asset", base: [])
        let b = Self.image("a-asset", base: [])
        let c = Self.image("c-asset", base: [255])
        let ids = ImageMatcher([c, a, b]).matches(for: Self.suspect(a.views[0].hash)).map(\.assetID)
        #expect(ids == ["a-asset", "b-asset", "c-asset"])
    }

    @Test func derivedViewsUseStricterThresholdsAndNameTheView() {
        let crop = Self.view("crop-left-25", kind: .crop, base: [250])
        let logo = Self.image("logo", base: Array(100..<120), extra: [crop])
        let matcher = ImageMatcher([logo])
        var within = crop.hash
        for bit in 200..<(200 + ImageMatcher.derivedThreshold) { within.setBit(bit) }
        var beyond = within
        beyond.setBit(240)
        let found = matcher.matches(for: Self.suspect(within))
        #expect(found.map(\.algorithm) == ["pdq+crop"])
        #expect(found.first?.referenceView == "crop-left-25")
        #expect(matcher.matches(for: Self.suspect(beyond)).isEmpty)
    }

    @Test func suspectPanelsMeetWholeRegisteredPicturesAndGiveTheRegion() {
        let logo = Self.image("logo", base: [])
        let region = PixelRect(x: 200, y: 0, width: 100, height: 100)
        let found = ImageMatcher([logo]).matches(
            for: Self.suspect(logo.views[0].hash, kind: .panel, name: "panel-3-of-3", region: region))
        #expect(found.first?.algorithm == "pdq+panel")
        #expect(found.first?.region == region && found.first?.suspectView == "panel-3-of-3")
        // A registered crop against a suspect panel is not a pair the matcher compares.
        #expect(ImageMatcher.threshold(reference: .crop, suspect: .panel) == nil)
    }

    @Test func lowInformationMatchesAreUntrustedUnlessNearExact() {
        let logo = Self.image("logo", base: [], information: .twoTone)
        let matcher = ImageMatcher([logo])
        var noisy = logo.views[0].hash
        for bit in 200..<(201 + ImageMatcher.gatedThreshold) { noisy.setBit(bit) }
        let collision = matcher.matches(for: Self.suspect(noisy))
        #expect(collision.first?.trusted == false)
        #expect((collision.first?.strength ?? 1) < 0.5)
        var close = logo.views[0].hash
        for bit in 200..<(200 + ImageMatcher.gatedThreshold) { close.setBit(bit) }
        #expect(matcher.matches(for: Self.suspect(close)).first?.trusted == true)
        // The suspect side's information counts too.
        let plain = ImageMatcher([Self.image("photo", base: [])])
        #expect(plain.matches(for: Self.suspect(noisy, information: .nearBlank)).first?.trusted == false)
    }
}

@Suite struct ImageMatcherContentTests {
    @Test func contentViewsMeetOnlyContentViewsAndAreTrustedOnFlatPictures() {
        let content = ImageMatcherTests.view("content-crop-left-25", kind: .content, base: [250])
        let logo = ImageMatcherTests.image("logo", base: [], information: .twoTone, extra: [content])
        let matcher = ImageMatcher([logo])
        #expect(matcher.usesContent)
        // 20 bits off the content view: past the low-information gate of 16, within the content threshold of 31.
        var near = content.hash
        for bit in 230..<250 { near.setBit(bit) }
        let region = PixelRect(x: 40, y: 30, width: 120, height: 50)
        let found = matcher.matches(
            for: ImageMatcherTests.suspect(
                near, kind: .content, name: "content-3", information: .nearBlank, region: region))
        #expect(found.count == 1)
        #expect(found.first?.algorithm == "pdq+content")
        #expect(found.first?.distance == 20 && found.first?.trusted == true)
        #expect(found.first?.referenceView == "content-crop-left-25" && found.first?.suspectView == "content-3")
        #expect(found.first?.region == region)
        #expect((found.first?.strength ?? 0) > 0.55)
        // Past the threshold, nothing: content views have no band of weak candidates.
        var far = content.hash
        for bit in 200..<(201 + ImageMatcher.contentThreshold) { far.setBit(bit) }
        #expect(matcher.matches(for: ImageMatcherTests.suspect(far, kind: .content, name: "content-1")).isEmpty)
        // A suspect's whole picture does not meet a registered content view, nor a suspect content view the whole.
        #expect(matcher.matches(for: ImageMatcherTests.suspect(content.hash)).allSatisfy { $0.algorithm == "pdq" })
        #expect(ImageMatcher.threshold(reference: .whole, suspect: .content) == nil)
        #expect(ImageMatcher.threshold(reference: .content, suspect: .trim) == nil)
        // A content view too plain to hash well (one flat shape) is gated by its quality like a flat picture.
        let plain = ImageMatcherTests.view("content", kind: .content, base: [251], quality: 30)
        let shape = ImageMatcher([ImageMatcherTests.image("shape", base: [1], extra: [plain])])
        var nearPlain = plain.hash
        for bit in 230..<250 { nearPlain.setBit(bit) }
        let gated = shape.matches(for: ImageMatcherTests.suspect(nearPlain, kind: .content, name: "content-1"))
        #expect(gated.first?.trusted == false && (gated.first?.strength ?? 1) < 0.5)
    }
}

@Suite struct ImageMatcherFeatureTests {
    static func signal(_ asset: String, strength: Double, algorithm: String = "pdq") -> ImageMatch {
        ImageMatch(
            assetID: asset, brand: "Acme", right: "tm-1", algorithm: algorithm, distance: nil, inliers: nil,
            variant: .original, referenceView: "whole", suspectView: "whole", region: nil, trusted: true,
            strength: strength)
    }

    @Test func featureStrengthIsMonotoneAndWeakBelowTheReportableCount() {
        let strengths = (0...80).map { ImageMatcher.featureStrength(inliers: $0) }
        #expect(zip(strengths, strengths.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(ImageMatcher.featureStrength(inliers: ImageMatcher.reportableInliers - 1) < 0.5)
        #expect(ImageMatcher.featureStrength(inliers: ImageMatcher.reportableInliers) == 0.55)
        #expect(strengths.allSatisfy { (0...1).contains($0) })
    }

    @Test func combinedKeepsTheStrongerSignalPerAsset() {
        let combined = ImageMatcher.combined(
            [Self.signal("a", strength: 0.6), Self.signal("b", strength: 0.9)],
            [
                Self.signal("a", strength: 0.8, algorithm: "features"),
                Self.signal("b", strength: 0.9, algorithm: "features"),
            ])
        #expect(combined.map(\.assetID) == ["b", "a"])
        #expect(combined.map(\.algorithm) == ["pdq", "features"])
    }

    @Test func withoutFeaturesNothingIsLeftToThem() {
        let matcher = ImageMatcher([])
        #expect(!matcher.usesFeatures && !matcher.usesContent && !matcher.needsSecondLook(after: []))
    }
}
