import Imaging
import Matching
import PerceptualHash
import Testing

/// The second look end to end, on drawn logos: content views find a flat logo where whole-picture hashes cannot.
@Suite struct SecondLookTests {
    static let ink = Colour(red: 30, green: 60, blue: 150)

    /// A word mark on white: a disc-like block, a bar and a word.
    static func logo(_ word: String, width: Int = 480, height: Int = 240) -> Image {
        var image = Image(width: width, height: height, format: .rgb, filledWith: Colour.white.samples)
        image.fill(PixelRect(x: 40, y: 70, width: 90, height: 90), with: ink)
        image.fill(PixelRect(x: 150, y: 150, width: 200, height: 10), with: ink)
        image.drawText(word, atX: 150, y: 80, colour: ink, scale: 7)
        return image
    }

    /// A busy scene: stripes of several colours.
    static func scene(width: Int, height: Int) -> Image {
        var image = Image(width: width, height: height, format: .rgb, filledWith: Colour.black.samples)
        let colours = [
            Colour(red: 200, green: 120, blue: 40), Colour(red: 40, green: 160, blue: 90),
            Colour(red: 120, green: 40, blue: 160), Colour(red: 90, green: 90, blue: 90),
        ]
        for band in 0..<(width / 20) {
            image.fill(PixelRect(x: band * 20, y: 0, width: 20, height: height), with: colours[band % colours.count])
        }
        return image
    }

    static func matcher(_ images: [(String, Image)]) -> ImageMatcher {
        ImageMatcher(
            images.map { id, image in
                let (views, information, _) = Fingerprinter.referenceViews(of: image)
                return RegisteredImage(
                    assetID: id, brand: "Acme", right: "tm-1", views: views, information: information)
            })
    }

    @Test func aLogoOnItsCardPastedIntoASceneIsFoundWhereItSits() throws {
        let logo = Self.logo("ACME")
        let matcher = Self.matcher([("acme", logo), ("other", Self.logo("ZUBR"))])
        #expect(matcher.usesContent)
        var composite = Self.scene(width: 640, height: 400)
        let card = logo.resized(width: 288, height: 144)  // 60% of its size
        composite.place(card, atX: 300, y: 200)
        let (look, signals) = matcher.secondLook(at: composite.luma())
        #expect(!look.contentViews.isEmpty)
        // The look as the state file keeps it gives the same signals on a later night.
        #expect(matcher.signals(look) == signals)
        let found = signals.first { $0.assetID == "acme" && $0.algorithm == "pdq+content" }
        let match = try #require(found)
        #expect(match.trusted && match.strength >= 0.55)
        let region = try #require(match.region)
        // The region lies on the card, around the mark.
        #expect(region.x >= 300 && region.y >= 200 && region.x + region.width <= 588 && region.y + region.height <= 344)
        #expect(!signals.contains { $0.assetID == "other" && $0.trusted })
    }

    @Test func aTurnedLogoMeetsATurnedContentView() throws {
        let logo = Self.logo("ACME")
        let matcher = Self.matcher([("acme", logo)])
        let turned = logo.rotated(byDegrees: -3, background: .white)
        let signals = matcher.secondLook(at: turned.luma()).signals
        let match = try #require(signals.first { $0.algorithm == "pdq+content" })
        #expect(match.referenceView.hasPrefix("content-rotate"))
        #expect(match.trusted)
    }

    @Test func anotherWordInTheSameLayoutIsNotTakenForTheLogo() {
        let matcher = Self.matcher([("acme", Self.logo("ACME"))])
        let signals = matcher.secondLook(at: Self.logo("WXYZ").luma()).signals
        #expect(!signals.contains { $0.algorithm == "pdq+content" })
    }

    @Test func aScaledLookReportsRegionsInStoredPixels() throws {
        let logo = Self.logo("ACME")
        let matcher = Self.matcher([("acme", logo)])
        let half = logo.resized(width: 240, height: 120)
        let signals = matcher.secondLook(at: half.luma(), scale: 2).signals
        let match = try #require(signals.first { $0.algorithm == "pdq+content" })
        let region = try #require(match.region)
        // The mark spans x 40...~440 in the full-size picture.
        #expect(abs(region.x - 40) <= 4 && region.width > 300)
    }
}
