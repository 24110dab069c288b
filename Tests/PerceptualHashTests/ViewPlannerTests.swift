import Foundation
import Imaging
import PerceptualHash
import TestSupport
import Testing

@Suite struct ViewPlannerTests {
    static func photo(_ name: String = "coffee.jpg") throws -> Image {
        try ImageDecoder.decode(contentsOfFile: Fixtures.samples.appendingPathComponent("images/\(name)").path).image
    }

    @Test func registeredImagesGetAGridOfCropsAndTurnsWithAllEightVariants() throws {
        let views = ViewPlanner.referenceViews(of: try Self.photo())
        #expect(views.first?.name == "whole")
        let names = Set(views.map(\.name))
        for side in ["left", "right", "top", "bottom"] {
            #expect(names.contains("crop-\(side)-25") && names.contains("crop-\(side)-12.5"))
        }
        #expect(names.isSuperset(of: ["crop-all-5", "crop-all-10", "rotate-5", "rotate+2.5"]))
        #expect(views.allSatisfy { $0.dihedral.count == 8 })
    }

    @Test func aCroppedCopyMeetsTheMatchingCropViewAndNotTheWholePicture() throws {
        let photo = try Self.photo()
        let cut = photo.width / 4
        let copy = try #require(
            photo.cropped(to: PixelRect(x: cut, y: 0, width: photo.width - cut, height: photo.height)))
        let suspect = PDQ.hash(copy).hash
        let views = ViewPlanner.referenceViews(of: photo)
        let whole = try #require(views.first { $0.name == "whole" })
        let crop = try #require(views.first { $0.name == "crop-left-25" })
        #expect(suspect.distance(to: crop.hash) <= 8)
        #expect(suspect.distance(to: whole.hash) > suspect.distance(to: crop.hash) + 20)
    }

    @Test func aPaddedSuspectIsTrimmedAndAStripIsCutIntoPanels() throws {
        let photo = try Self.photo().resized(width: 200, height: 133)
        let padded = photo.padded(by: 0.15, colour: .black)
        let trim = try #require(ViewPlanner.suspectViews(of: padded.luma()).first { $0.kind == .trim })
        #expect(trim.hash.distance(to: PDQ.hash(photo).hash) <= 6)
        #expect(abs(trim.region.x - 30) <= 1 && abs(trim.region.width - 200) <= 1)

        var strip = Image(width: 200 * 3 + 16, height: 133, format: .rgb, filledWith: Colour.white.samples)
        let other = try Self.photo("rocket.jpg").resized(width: 200, height: 133)
        strip.place(other, atX: 0, y: 0)
        strip.place(photo, atX: 208, y: 0)
        strip.place(other.transformed(by: .flipHorizontal), atX: 416, y: 0)
        let panels = ViewPlanner.suspectViews(of: strip.luma()).filter { $0.kind == .panel }
        #expect(panels.map(\.name) == ["panel-1-of-3", "panel-2-of-3", "panel-3-of-3"])
        let middle = try #require(panels.first { $0.name == "panel-2-of-3" })
        #expect(middle.region == PixelRect(x: 208, y: 0, width: 200, height: 133))
        #expect(middle.hash.distance(to: PDQ.hash(photo).hash) <= 6)
    }

    @Test func aLogoOnWhiteGetsContentViewsOfItsCropsAndTurnsAndASuspectOneAroundIt() throws {
        var logo = Image(width: 400, height: 200, format: .rgb, filledWith: Colour.white.samples)
        let ink = Colour(red: 20, green: 100, blue: 60)
        logo.fill(PixelRect(x: 50, y: 60, width: 70, height: 70), with: ink)
        logo.drawText("MARK", atX: 140, y: 70, colour: ink, scale: 6)
        let views = ViewPlanner.referenceViews(of: logo)
        let names = Set(views.filter { $0.kind == .content }.map(\.name))
        #expect(
            names.isSuperset(of: ["content", "content-crop-left-25", "content-crop-all-10", "content-thumbnail-136"]))
        #expect(
            names.isSuperset(
                of: ViewPlanner.contentTurns.map { "content-rotate" + ($0 > 0 ? "+" : "") + String(Int($0)) }))
        let content = try #require(views.first { $0.name == "content" })
        #expect(content.region.x == 50 && content.region.y == 60 && content.region.height == 70)
        // The same logo padded with grey: one of its content views is the registered one.
        let padded = logo.padded(by: 0.2, colour: Colour(red: 128, green: 128, blue: 128))
        let suspect = ViewPlanner.suspectContentViews(of: padded.luma())
        #expect(suspect.contains { $0.hash.distance(to: content.hash) <= 8 })
    }

    @Test func informationContentTellsFlatAndTwoTonePicturesFromPhotos() throws {
        func information(_ image: Image) -> InformationContent {
            let result = PDQ.hash(image)
            return InformationContent(downsampled: result.downsampled, quality: result.quality)
        }
        #expect(information(try Self.photo()) == .ordinary)
        #expect(information(Image(width: 100, height: 100, format: .rgb, filledWith: [250, 250, 250])) == .nearBlank)
        var logo = Image(width: 200, height: 100, format: .rgb, filledWith: Colour.white.samples)
        logo.fill(PixelRect(x: 20, y: 20, width: 60, height: 60), with: Colour(red: 20, green: 20, blue: 90))
        logo.fill(PixelRect(x: 100, y: 40, width: 80, height: 20), with: Colour(red: 20, green: 20, blue: 90))
        #expect(information(logo) == .twoTone)
        #expect(information(logo).needsVerification && !InformationContent.ordinary.needsVerification)
    }
}
