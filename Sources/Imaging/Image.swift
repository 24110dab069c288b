/// An 8-bit raster in memory: grey or RGB, rows packed top to bottom with no padding.
///
/// Alpha never reaches an `Image`: decoders composite transparency over white, which is what a marketplace
/// page shows and what the PDQ reference hashes. Values are plain copies; every operation returns a new image.
public struct Image: Sendable, Hashable {
    /// How many 8-bit samples make one pixel.
    public enum PixelFormat: Int, Sendable, Hashable {
        case grey = 1
        case rgb = 3

        /// Samples per pixel.
        public var channels: Int { rawValue }
    }

    /// Width in pixels, at least 1.
    public let width: Int
    /// Height in pixels, at least 1.
    public let height: Int
    /// What each pixel holds.
    public let format: PixelFormat
    /// `width × height × format.channels` samples, row-major.
    public internal(set) var pixels: [UInt8]

    /// Wraps `pixels`, which must hold exactly `width × height × format.channels` samples.
    ///
    /// - Precondition: both sides are at least 1 and the sample count matches; a mismatch is a programming error.
    public init(width: Int, height: Int, format: PixelFormat, pixels: [UInt8]) {
        precondition(width > 0 && height > 0, "an image has at least one pixel")
        precondition(pixels.count == width * height * format.channels, "sample count does not match the size")
        self.width = width
        self.height = height
        self.format = format
        self.pixels = pixels
    }

    /// An image filled with one colour (`value` per channel).
    public init(width: Int, height: Int, format: PixelFormat, filledWith value: [UInt8]) {
        precondition(value.count == format.channels, "one value per channel")
        var pixels = [UInt8]()
        pixels.reserveCapacity(width * height * format.channels)
        for _ in 0..<(width * height) {
            pixels.append(contentsOf: value)
        }
        self.init(width: width, height: height, format: format, pixels: pixels)
    }

    /// Samples per row.
    public var stride: Int { width * format.channels }

    /// The samples of the pixel at column `x`, row `y`.
    public subscript(x: Int, y: Int) -> ArraySlice<UInt8> {
        let start = (y * width + x) * format.channels
        return pixels[start..<(start + format.channels)]
    }

    /// The same picture as RGB (grey samples repeated in each channel).
    public func convertedToRGB() -> Image {
        guard format == .grey else { return self }
        var rgb = [UInt8](repeating: 0, count: pixels.count * 3)
        for index in pixels.indices {
            let value = pixels[index]
            rgb[index * 3] = value
            rgb[index * 3 + 1] = value
            rgb[index * 3 + 2] = value
        }
        return Image(width: width, height: height, format: .rgb, pixels: rgb)
    }
}
