import Foundation
import Imaging
import Testing

@Suite struct ImageAdjustTests {
    /// A picture with structure in every channel: a diagonal gradient with a red block.
    static func picture(width: Int = 64, height: Int = 48) -> Image {
        var pixels: [UInt8] = []
        for y in 0..<height {
            for x in 0..<width {
                let red = UInt8((x * 255) / width)
                let green = UInt8((y * 255) / height)
                let blue = UInt8(((x + y) * 127) / (width + height))
                pixels += [red, green, blue]
            }
        }
        var image = Image(width: width, height: height, format: .rgb, pixels: pixels)
        image.fill(PixelRect(x: 10, y: 10, width: 12, height: 8), with: Colour(red: 220, green: 10, blue: 10))
        return image
    }

    static func maximumDifference(_ a: Image, _ b: Image) -> Int {
        zip(a.pixels, b.pixels).map { abs(Int($0) - Int($1)) }.max() ?? 0
    }

    @Test func turningByZeroKeepsThePictureAndByAQuarterMatchesTheExactTurn() {
        let image = Self.picture(width: 40, height: 40)
        #expect(image.rotated(byDegrees: 0) == image)
        // On a square canvas a bilinear quarter turn (anticlockwise) lands on pixel centres: it is the exact transform.
        let turned = image.rotated(byDegrees: 90)
        #expect(Self.maximumDifference(turned, image.transformed(by: .rotate270)) <= 1)
    }

    @Test func tiltFillsTheCornersWithTheBackground() {
        let image = Image(width: 100, height: 60, format: .rgb, filledWith: [0, 0, 0])
        let tilted = image.rotated(byDegrees: 5, background: .white)
        #expect(Array(tilted[0, 0]) == [255, 255, 255])
        #expect(Array(tilted[50, 30]) == [0, 0, 0])
    }

    @Test func jpegEncodingDecodesBackCloseAndIsDeterministic() throws {
        let image = Self.picture()
        let bytes = try JPEGEncoder.encode(image, quality: 90)
        #expect(bytes.starts(with: [0xFF, 0xD8, 0xFF]))
        #expect(try JPEGEncoder.encode(image, quality: 90) == bytes)
        let decoded = try ImageDecoder.decode(Data(bytes)).image
        #expect(decoded.width == image.width && decoded.height == image.height)
        var totalError = 0
        for (a, b) in zip(decoded.pixels, image.pixels) { totalError += abs(Int(a) - Int(b)) }
        let meanError = Double(totalError) / Double(image.pixels.count)
        #expect(meanError < 4)
        #expect(try JPEGEncoder.encode(image, quality: 30).count < bytes.count)
    }

    @Test func badJPEGParametersAreAnErrorNotACrash() {
        #expect(throws: ImageDecodingError.self) { try JPEGEncoder.encode(Self.picture(), quality: 0) }
    }

    @Test func colourEditsDoWhatTheySay() {
        let image = Self.picture()
        let grey = image.greyscaled()
        let samples = grey.pixels
        var allGrey = true
        for index in stride(from: 0, to: samples.count, by: 3)
        where samples[index] != samples[index + 1]
            || samples[index + 1] != samples[index + 2]
        {
            allGrey = false
        }
        #expect(allGrey)
        #expect(Self.maximumDifference(image.hueShifted(byDegrees: 0), image) == 0)
        #expect(Self.maximumDifference(image.hueShifted(byDegrees: 360), image) <= 1)
        // A hue turn keeps grey grey.
        let flat = Image(width: 4, height: 4, format: .rgb, filledWith: [90, 90, 90])
        #expect(flat.hueShifted(byDegrees: 120) == flat)
        #expect(Array(image.adjusted(brightness: 255, contrast: 1)[3, 3]) == [255, 255, 255])
        #expect(image.adjusted(brightness: 0, contrast: 1) == image)
    }

    @Test func blurKeepsFlatAreasAndSoftensEdges() {
        var image = Image(width: 20, height: 20, format: .grey, filledWith: [0])
        image.fill(PixelRect(x: 10, y: 0, width: 10, height: 20), with: .white)
        let blurred = image.blurred(radius: 2)
        #expect(blurred[0, 5].first == 0 && blurred[19, 5].first == 255)
        let edge = Int(blurred[10, 5].first ?? 0)
        #expect(edge > 0 && edge < 255)
    }

    @Test func paddingAddsTheBorderOnEverySide() {
        let padded = Self.picture(width: 40, height: 20).padded(by: 0.15, colour: .black)
        #expect(padded.width == 40 + 2 * 6 && padded.height == 20 + 2 * 3)
        #expect(Array(padded[0, 0]) == [0, 0, 0])
        #expect(padded.uniformBorderTrimRect() == PixelRect(x: 6, y: 3, width: 40, height: 20))
    }

    @Test func lumaPlanesCropTrimAndSplitAtGutters() throws {
        // Three panels, 30 wide, with white gutters 4 wide between them, on a white frame.
        var strip = Image(width: 2 + 30 * 3 + 4 * 2 + 2, height: 40, format: .rgb, filledWith: Colour.white.samples)
        for panel in 0..<3 {
            strip.place(Self.picture(width: 30, height: 40), atX: 2 + panel * 34, y: 0)
        }
        let luma = strip.luma()
        let trim = luma.uniformBorderTrimRect()
        #expect(trim == PixelRect(x: 2, y: 0, width: 98, height: 40))
        let trimmed = try #require(luma.cropped(to: trim))
        #expect(trimmed.panels(alongRows: false) == [0..<30, 34..<64, 68..<98])
        #expect(trimmed.panels(alongRows: true) == [0..<40])
        #expect(luma.cropped(to: PixelRect(x: 200, y: 0, width: 5, height: 5)) == nil)
    }

    @Test func lumaTrimAgreesWithTheImageRule() {
        let photo = Self.picture(width: 50, height: 30)
        var nested = photo.padded(by: 0.1, colour: .black).padded(by: 0.1, colour: .white)
        nested.fill(PixelRect(x: 0, y: 0, width: 3, height: 3), with: .white)
        let flat = Image(width: 20, height: 10, format: .rgb, filledWith: [200, 200, 200])
        var barOverBlock = Image(width: 20, height: 20, format: .rgb, filledWith: Colour.white.samples)
        barOverBlock.fill(PixelRect(x: 0, y: 5, width: 20, height: 15), with: Colour(red: 200, green: 0, blue: 0))
        for image in [photo, photo.padded(by: 0.15, colour: .black), nested, flat, barOverBlock] {
            let grey = image.greyscaled().luma()
            let rounded = Image(
                width: grey.width, height: grey.height, format: .grey,
                pixels: grey.values.map { UInt8(clamping: Int($0.rounded())) })
            #expect(grey.uniformBorderTrimRect() == rounded.uniformBorderTrimRect())
        }
    }
}
