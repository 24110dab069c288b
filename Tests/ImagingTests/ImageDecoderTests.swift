import Foundation
import Imaging
import TestSupport
import Testing

@Suite struct ImageDecoderTests {
    static let corpus: [CorpusExpectation] = (try? CorpusExpectation.all()) ?? []
    static let valid = corpus.filter { $0.outcome == "ok" }
    static let damaged = corpus.filter { $0.outcome != "ok" }

    @Test func corpusIsPresent() {
        #expect(Self.valid.count >= 15)
        #expect(Self.damaged.count >= 20)
    }

    @Test(arguments: valid)
    func oddButValidFileDecodesToTheExpectedPixels(expectation: CorpusExpectation) throws {
        let decoded = try ImageDecoder.decode(contentsOfFile: expectation.url.path)
        #expect(decoded.image.width == expectation.width)
        #expect(decoded.image.height == expectation.height)
        #expect(decoded.image.format.channels == expectation.channels)
        #expect(Fixtures.fnv1a64(decoded.image.pixels) == expectation.checksum)
    }

    @Test(arguments: damaged)
    func damagedFileGivesItsTypedErrorNamingTheFile(expectation: CorpusExpectation) throws {
        let path = expectation.url.path
        let error = try #require(throws: ImageDecodingError.self) {
            try ImageDecoder.decode(contentsOfFile: path)
        }
        #expect(error.category == expectation.outcome, "\(error)")
        #expect(error.path == path)
        #expect(error.description.hasPrefix(path))
        #expect(!error.message.isEmpty)
    }

    @Test(arguments: damaged)
    func damagedFileFailsTheSameWayOnTheFastPathOptions(expectation: CorpusExpectation) throws {
        let bytes = try Data(contentsOf: expectation.url)
        let options = DecodingOptions(minimumShortSide: 64, prefersGrey: true)
        let error = try #require(throws: ImageDecodingError.self) {
            try ImageDecoder.decode(bytes, options: options)
        }
        #expect(error.category == expectation.outcome, "\(error)")
    }

    @Test func formatIsSniffedFromBytesNotName() throws {
        let png = try ImageDecoder.decode(
            contentsOfFile: Fixtures.decoderCorpus.appendingPathComponent(
                "valid/png-named-as.jpg"
            ).path)
        #expect(png.source.format == .png)
        let jpeg = try ImageDecoder.decode(
            contentsOfFile: Fixtures.decoderCorpus.appendingPathComponent(
                "valid/jpeg-named-as.png"
            ).path)
        #expect(jpeg.source.format == .jpeg)
    }

    @Test func sourceTraitsDescribeTheFile() throws {
        func traits(_ name: String) throws -> SourceTraits {
            try ImageDecoder.decode(contentsOfFile: Fixtures.decoderCorpus.appendingPathComponent(name).path).source
                .traits
        }
        #expect(try traits("valid/progressive.jpg").contains(.progressive))
        #expect(try traits("valid/cmyk-adobe.jpg").contains(.cmyk))
        #expect(try traits("valid/adam7.png").contains(.interlaced))
        #expect(try traits("valid/rgb-16bit.png").contains(.sixteenBit))
        #expect(try traits("valid/palette-trns.png").isSuperset(of: [.palette, .alpha]))
        #expect(try traits("valid/grey-alpha.png").isSuperset(of: [.grey, .alpha]))
        #expect(try traits("valid/baseline.jpg").isEmpty)
    }

    @Test(arguments: [(3, ExifOrientation.down), (6, .right), (8, .left), (2, .upMirrored)])
    func exifOrientationIsReadAndAppliedOnRequest(tag: Int, orientation: ExifOrientation) throws {
        let url = Fixtures.decoderCorpus.appendingPathComponent("valid/exif-orientation-\(tag).jpg")
        let upright = try ImageDecoder.decode(contentsOfFile: url.path)
        #expect(upright.source.orientation == orientation)
        #expect(upright.isOriented)
        let stored = try ImageDecoder.decode(
            contentsOfFile: url.path, options: DecodingOptions(appliesOrientation: false))
        #expect(stored.image.width == 240 && stored.image.height == 160)
        #expect(stored.image.transformed(by: orientation.transformToDisplay) == upright.image)
    }

    /// Found by the sanitizer run (Tests/Fuzz/findings): 694 tiny progressive scans over a 10000×10000 frame
    /// took 15 s to decode; the work budget refuses it after a bounded number of scans.
    @Test func progressiveScanBombIsRefused() throws {
        let path = Fixtures.packageRoot.appendingPathComponent(
            "Tests/Fuzz/findings/jpeg-progressive-694-scans-10000x10000.jpg"
        ).path
        let error = try #require(throws: ImageDecodingError.self) { try ImageDecoder.decodeLuma(contentsOfFile: path) }
        #expect(error.category == "corrupt")
        #expect(error.message.contains("too much work"))
    }

    @Test func bogusExifIsIgnored() throws {
        let decoded = try ImageDecoder.decode(
            contentsOfFile: Fixtures.decoderCorpus.appendingPathComponent("valid/exif-bogus-offset.jpg").path)
        #expect(decoded.source.orientation == .up)
    }

    @Test func pixelLimitIsConfigurableAndCheckedBeforeDecoding() throws {
        let path = Fixtures.decoderCorpus.appendingPathComponent("valid/baseline.jpg").path
        let error = try #require(throws: ImageDecodingError.self) {
            try ImageDecoder.decode(contentsOfFile: path, options: DecodingOptions(maximumPixelCount: 240 * 160 - 1))
        }
        #expect(error.reason == .tooLarge(format: .jpeg, width: 240, height: 160, limit: 240 * 160 - 1))
        #expect(
            try ImageDecoder.decode(
                contentsOfFile: path, options: DecodingOptions(maximumPixelCount: 240 * 160)
            ).image.width == 240)
        let png = Fixtures.decoderCorpus.appendingPathComponent("valid/adam7.png").path
        let pngError = try #require(throws: ImageDecodingError.self) {
            try ImageDecoder.decode(contentsOfFile: png, options: DecodingOptions(maximumPixelCount: 1000))
        }
        #expect(pngError.category == "too-large")
    }

    @Test(arguments: [(0, 1, 240), (160, 1, 240), (80, 2, 120), (40, 4, 60), (20, 8, 30), (1, 8, 30)])
    func dctScalingKeepsTheShorterSideAtTheMinimum(minimum: Int, denominator: Int, width: Int) throws {
        let path = Fixtures.decoderCorpus.appendingPathComponent("valid/baseline.jpg").path
        let decoded = try ImageDecoder.decode(
            contentsOfFile: path, options: DecodingOptions(minimumShortSide: minimum == 0 ? nil : minimum))
        #expect(decoded.source.scaleDenominator == denominator)
        #expect(decoded.image.width == width)
        #expect(decoded.source.width == 240 && decoded.source.height == 160)
    }

    @Test(arguments: valid)
    func lumaDecodeEqualsTheLumaOfTheDecodedImage(expectation: CorpusExpectation) throws {
        let path = expectation.url.path
        for minimum in [nil, 64] as [Int?] {
            let options = DecodingOptions(minimumShortSide: minimum, appliesOrientation: false)
            let decoded = try ImageDecoder.decode(contentsOfFile: path, options: options)
            let luma = try ImageDecoder.decodeLuma(contentsOfFile: path, options: options)
            #expect(luma.luma == decoded.image.luma())
            #expect(luma.source == decoded.source)
        }
    }

    @Test func lumaDecodeReportsDamageLikeThePixelDecode() throws {
        let path = Fixtures.decoderCorpus.appendingPathComponent("corrupt/jpeg-cut-at-60-percent.jpg").path
        let error = try #require(throws: ImageDecodingError.self) { try ImageDecoder.decodeLuma(contentsOfFile: path) }
        #expect(error.category == "truncated")
        #expect(error.path == path)
    }

    @Test func greyOutputIsOneChannelForColourJPEG() throws {
        let path = Fixtures.decoderCorpus.appendingPathComponent("valid/baseline.jpg").path
        let decoded = try ImageDecoder.decode(contentsOfFile: path, options: DecodingOptions(prefersGrey: true))
        #expect(decoded.image.format == .grey)
        #expect(decoded.image.pixels.count == 240 * 160)
    }

    @Test func missingFileIsUnreadableAndNamed() throws {
        let error = try #require(throws: ImageDecodingError.self) {
            try ImageDecoder.decode(contentsOfFile: "/nonexistent/proofmark/image.jpg")
        }
        #expect(error.category == "unreadable")
        #expect(error.description.contains("/nonexistent/proofmark/image.jpg"))
    }

    @Test(arguments: [("/dev/zero", "not a regular file"), ("/tmp", "a directory")])
    func onlyRegularFilesAreRead(path: String, reason: String) throws {
        let error = try #require(throws: ImageDecodingError.self) { try ImageDecoder.decode(contentsOfFile: path) }
        #expect(error.category == "unreadable")
        #expect(error.message.contains(reason))
    }

    @Test func aPipeIsRefusedWithoutBlocking() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("proofmark-\(UUID()).jpg").path
        #expect(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        let error = try #require(throws: ImageDecodingError.self) { try ImageDecoder.decode(contentsOfFile: path) }
        #expect(error.message.contains("a pipe"))
    }

    @Test func fileSizeLimitIsCheckedBeforeReading() throws {
        let path = Fixtures.decoderCorpus.appendingPathComponent("valid/baseline.jpg").path
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        let error = try #require(throws: ImageDecodingError.self) {
            try ImageDecoder.decode(contentsOfFile: path, options: DecodingOptions(maximumFileSize: size - 1))
        }
        #expect(error.reason == .fileTooLarge(bytes: size, limit: size - 1))
        #expect(
            try ImageDecoder.decode(contentsOfFile: path, options: DecodingOptions(maximumFileSize: size))
                .image.width == 240)
    }

    @Test(arguments: [
        ("GIF89a", "GIF"), ("\u{0}\u{0}\u{0}\u{1C}ftypavif", "AVIF"), ("\u{0}\u{0}\u{0}\u{18}ftypheic", "HEIF"),
        ("BM", "BMP"),
    ])
    func unsupportedFormatsAreNamed(header: String, name: String) throws {
        let bytes = Array(header.utf8) + [UInt8](repeating: 0, count: 16)
        let error = try #require(throws: ImageDecodingError.self) { try ImageDecoder.decode(bytes) }
        #expect(error.category == "unsupported-format")
        #expect(error.message.hasPrefix("\(name) images are not supported"))
    }

    @Test func unknownBytesAreShownInHex() throws {
        let error = try #require(throws: ImageDecodingError.self) { try ImageDecoder.decode([0x01, 0x02, 0x03]) }
        #expect(error.message.contains("01 02 03"))
    }

    @Test func libraryVersionsNameEveryCodec() {
        #expect(ImageDecoder.libraryVersions.contains("libjpeg"))
        #expect(ImageDecoder.libraryVersions.contains("libpng"))
        #expect(ImageDecoder.libraryVersions.contains("libwebp"))
    }
}
