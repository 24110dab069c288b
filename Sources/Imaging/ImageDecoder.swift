public import Foundation

/// Decodes JPEG and PNG bytes into an `Image`, with the format sniffed from the bytes, never the file name.
///
/// Decoding is total: any input, however damaged or hostile, gives an image or an `ImageDecodingError`. Work runs
/// in the C codecs on the caller's thread; concurrent calls share nothing.
public enum ImageDecoder {
    /// The versions of libjpeg and libpng this build uses, for run records.
    public static var libraryVersions: String { CodecBridge.libraryVersions }

    /// Decodes an image held in memory.
    public static func decode(
        _ bytes: some ContiguousBytes, options: DecodingOptions = DecodingOptions()
    ) throws(ImageDecodingError) -> DecodedImage {
        let outcome: Result<DecodedImage, ImageDecodingError> = bytes.withUnsafeBytes { buffer in
            Result { () throws(ImageDecodingError) in try decode(buffer: buffer, options: options) }
        }
        return try outcome.get()
    }

    /// Reads and decodes the file at `path`; errors carry the path.
    public static func decode(
        contentsOfFile path: String, options: DecodingOptions = DecodingOptions()
    ) throws(ImageDecodingError) -> DecodedImage {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch {
            throw ImageDecodingError(.unreadable(Self.describe(error)), path: path)
        }
        do {
            return try decode(data, options: options)
        } catch {
            var named = error
            named.path = path
            throw named
        }
    }

    private static func decode(
        buffer: UnsafeRawBufferPointer, options: DecodingOptions
    ) throws(ImageDecodingError) -> DecodedImage {
        guard !buffer.isEmpty else { throw ImageDecodingError(.emptyFile) }
        guard let format = ImageFormat.sniff(buffer) else {
            let head = buffer.prefix(8).map { byte in
                let digits = String(byte, radix: 16)
                return digits.count == 1 ? "0" + digits : digits
            }
            throw ImageDecodingError(
                .unsupportedFormat(
                    detected: ImageFormat.otherFormatName(buffer), leadingBytes: head.joined(separator: " ")))
        }
        let raw = try CodecBridge.decode(buffer, format: format, options: options)
        let decoded = Image(
            width: raw.width, height: raw.height, format: raw.channels == 1 ? .grey : .rgb, pixels: raw.pixels)
        let orientation = ExifOrientation(rawValue: raw.orientation) ?? .up
        return DecodedImage(
            image: options.appliesOrientation ? decoded.transformed(by: orientation.transformToDisplay) : decoded,
            format: format,
            sourceWidth: raw.sourceWidth,
            sourceHeight: raw.sourceHeight,
            scaleDenominator: raw.scaleDenominator,
            orientation: orientation,
            isOriented: options.appliesOrientation,
            traits: raw.traits)
    }

    private static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            return String(cString: strerror(code.rawValue))
        }
        return nsError.localizedDescription
    }
}
