public import Foundation

/// Decodes JPEG, PNG and WebP bytes into an `Image`, with the format sniffed from the bytes, never the file name.
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
        try withBuffer(bytes) { buffer, format throws(ImageDecodingError) in
            let raw = try CodecBridge.decode(buffer, format: format, options: options)
            let stored = Image(
                width: raw.width, height: raw.height, format: raw.channels == 1 ? .grey : .rgb, pixels: raw.pixels)
            let image =
                options.appliesOrientation ? stored.transformed(by: raw.source.orientation.transformToDisplay) : stored
            return DecodedImage(image: image, source: raw.source, isOriented: options.appliesOrientation)
        }
    }

    /// Reads and decodes the file at `path`; errors carry the path.
    public static func decode(
        contentsOfFile path: String, options: DecodingOptions = DecodingOptions()
    ) throws(ImageDecodingError) -> DecodedImage {
        try withFile(path, maximumFileSize: options.maximumFileSize) { data throws(ImageDecodingError) in
            try decode(data, options: options)
        }
    }

    /// Decodes straight to PDQ's luminance (`Image.luma()`'s values, bit for bit), computed by the codec as rows
    /// come out of it: no 8-bit image is kept, which saves a pass over memory on the hashing paths.
    /// `options.prefersGrey` and `options.appliesOrientation` do not apply; the plane is as stored.
    public static func decodeLuma(
        _ bytes: some ContiguousBytes, options: DecodingOptions = DecodingOptions()
    ) throws(ImageDecodingError) -> DecodedLuma {
        try withBuffer(bytes) { buffer, format throws(ImageDecodingError) in
            try CodecBridge.decodeLuma(buffer, format: format, options: options)
        }
    }

    /// Reads the file at `path` and decodes it to luminance; errors carry the path.
    public static func decodeLuma(
        contentsOfFile path: String, options: DecodingOptions = DecodingOptions()
    ) throws(ImageDecodingError) -> DecodedLuma {
        try withFile(path, maximumFileSize: options.maximumFileSize) { data throws(ImageDecodingError) in
            try decodeLuma(data, options: options)
        }
    }

    /// Sniffs the format of `bytes` and hands them to `body`, refusing empty and unknown data.
    private static func withBuffer<Result>(
        _ bytes: some ContiguousBytes,
        _ body: (UnsafeRawBufferPointer, ImageFormat) throws(ImageDecodingError) -> Result
    ) throws(ImageDecodingError) -> Result {
        let outcome: Swift.Result<Result, ImageDecodingError> = bytes.withUnsafeBytes { buffer in
            guard !buffer.isEmpty else { return .failure(ImageDecodingError(.emptyFile)) }
            guard let format = ImageFormat.sniff(buffer) else {
                let head = buffer.prefix(8).map { byte in
                    let digits = String(byte, radix: 16)
                    return digits.count == 1 ? "0" + digits : digits
                }
                return .failure(
                    ImageDecodingError(
                        .unsupportedFormat(
                            detected: ImageFormat.otherFormatName(buffer), leadingBytes: head.joined(separator: " "))))
            }
            return Swift.Result { () throws(ImageDecodingError) in try body(buffer, format) }
        }
        return try outcome.get()
    }

    /// Reads the file at `path` and runs `body` on its bytes, naming the path in any error.
    ///
    /// Only regular files are read (a FIFO would block and a device never end), and never more than
    /// `maximumFileSize` bytes, checked before reading and enforced while reading in case the file grows.
    private static func withFile<Result>(
        _ path: String, maximumFileSize: Int, _ body: (Data) throws(ImageDecodingError) -> Result
    ) throws(ImageDecodingError) -> Result {
        do {
            return try body(try read(path, maximumFileSize: maximumFileSize))
        } catch {
            var named = error
            named.path = path
            throw named
        }
    }

    /// Reads an image file's bytes: only a regular file, at most `maximumFileSize` bytes; errors carry the path.
    public static func readFile(
        _ path: String, maximumFileSize: Int = DecodingOptions.defaultMaximumFileSize
    ) throws(ImageDecodingError) -> Data {
        do {
            return try read(path, maximumFileSize: maximumFileSize)
        } catch {
            var named = error
            named.path = path
            throw named
        }
    }

    private static func read(_ path: String, maximumFileSize: Int) throws(ImageDecodingError) -> Data {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw ImageDecodingError(.unreadable(String(cString: strerror(errno))))
        }
        let kind = status.st_mode & S_IFMT
        guard kind == S_IFREG else {
            let what = kind == S_IFDIR ? "a directory" : kind == S_IFIFO ? "a pipe" : "not a regular file"
            throw ImageDecodingError(.unreadable(what))
        }
        guard Int(status.st_size) <= maximumFileSize else {
            throw ImageDecodingError(.fileTooLarge(bytes: Int(status.st_size), limit: maximumFileSize))
        }
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            let data = try handle.read(upToCount: maximumFileSize + 1) ?? Data()
            guard data.count <= maximumFileSize else {
                throw ImageDecodingError(.fileTooLarge(bytes: data.count, limit: maximumFileSize))
            }
            return data
        } catch let error as ImageDecodingError {
            throw error
        } catch {
            throw ImageDecodingError(.unreadable(describe(error)))
        }
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
