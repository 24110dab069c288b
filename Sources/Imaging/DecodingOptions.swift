/// How `ImageDecoder` turns bytes into pixels.
public struct DecodingOptions: Sendable, Hashable {
    /// The default cap on width × height: 100 megapixels.
    public static let defaultMaximumPixelCount = 100_000_000

    /// The default cap on a file's size: 512 MiB, more than any 100-megapixel JPEG or PNG needs.
    public static let defaultMaximumFileSize = 512 << 20

    /// Largest file read, in bytes; larger files are refused before reading.
    public var maximumFileSize: Int

    /// Largest width × height accepted. The check runs on the header, before any pixel buffer is allocated, so a
    /// hostile file declaring 65500×65500 costs nothing.
    public var maximumPixelCount: Int
    /// JPEG only: decode at the smallest DCT scale (1/2, 1/4 or 1/8) whose shorter side stays at or above this
    /// many pixels. Nil decodes at full size. PNG ignores it.
    public var minimumShortSide: Int?
    /// Ask for one luminance channel where the codec gives it cheaply (a colour JPEG's Y channel) instead of RGB.
    /// The result may still be RGB (CMYK JPEGs, PNGs).
    public var prefersGrey: Bool
    /// Rotate and flip the result as the JPEG's EXIF orientation says, so the picture stands as it is shown.
    public var appliesOrientation: Bool

    /// Creates options; the defaults decode exactly, at full size, in RGB, with orientation applied.
    public init(
        maximumPixelCount: Int = DecodingOptions.defaultMaximumPixelCount,
        maximumFileSize: Int = DecodingOptions.defaultMaximumFileSize,
        minimumShortSide: Int? = nil,
        prefersGrey: Bool = false,
        appliesOrientation: Bool = true
    ) {
        self.maximumPixelCount = maximumPixelCount
        self.maximumFileSize = maximumFileSize
        self.minimumShortSide = minimumShortSide
        self.prefersGrey = prefersGrey
        self.appliesOrientation = appliesOrientation
    }
}

/// What the decoder learned about the source besides its pixels.
public struct SourceTraits: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// A progressive JPEG.
    public static let progressive = SourceTraits(rawValue: 1 << 0)
    /// A CMYK or YCCK JPEG, converted to RGB.
    public static let cmyk = SourceTraits(rawValue: 1 << 1)
    /// Had an alpha channel or tRNS transparency, composited over white.
    public static let alpha = SourceTraits(rawValue: 1 << 2)
    /// An Adam7-interlaced PNG.
    public static let interlaced = SourceTraits(rawValue: 1 << 3)
    /// 16 bits per sample, reduced to 8 (high byte kept).
    public static let sixteenBit = SourceTraits(rawValue: 1 << 4)
    /// A palette PNG.
    public static let palette = SourceTraits(rawValue: 1 << 5)
    /// A greyscale source.
    public static let grey = SourceTraits(rawValue: 1 << 6)
}

/// What a decoder learned about the file besides its pixels.
public struct SourceInfo: Sendable, Hashable {
    /// The format the bytes were in.
    public var format: ImageFormat
    /// The width the file declares, before DCT scaling and before orientation.
    public var width: Int
    /// The height the file declares, before DCT scaling and before orientation.
    public var height: Int
    /// The DCT scale denominator used: 1 (full size), 2, 4 or 8.
    public var scaleDenominator: Int
    /// The EXIF orientation the file carries (`.up` when none).
    public var orientation: ExifOrientation
    /// Progressive, CMYK, alpha, interlaced, 16-bit, palette, grey.
    public var traits: SourceTraits
}

/// A decoded image and what is known of its source.
public struct DecodedImage: Sendable {
    /// The pixels, oriented as requested.
    public var image: Image
    /// The file it came from.
    public var source: SourceInfo
    /// Whether `source.orientation` was applied to `image`.
    public var isOriented: Bool
}

/// A file decoded straight to PDQ's luminance, without 8-bit pixels in between.
public struct DecodedLuma: Sendable {
    /// The luminance, as stored (EXIF orientation not applied).
    public var luma: LumaPlane
    /// The file it came from.
    public var source: SourceInfo
}
