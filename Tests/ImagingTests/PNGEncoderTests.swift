import Imaging
import Testing

@Suite struct PNGEncoderTests {
    @Test(arguments: [Image.PixelFormat.grey, .rgb])
    func encodedImageDecodesToTheSamePixels(format: Image.PixelFormat) throws {
        var pixels: [UInt8] = []
        for index in 0..<(33 * 17 * format.channels) { pixels.append(UInt8((index * 37 + index / 7) & 0xFF)) }
        let image = Image(width: 33, height: 17, format: format, pixels: pixels)
        let bytes = try PNGEncoder.encode(image)
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let decoded = try ImageDecoder.decode(bytes)
        #expect(decoded.source.format == .png)
        #expect(decoded.image == image)
    }

    @Test func encodingIsDeterministic() throws {
        let image = Image(width: 64, height: 8, format: .rgb, filledWith: [1, 2, 3])
        #expect(try PNGEncoder.encode(image) == PNGEncoder.encode(image))
    }
}
