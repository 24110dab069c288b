/// Why an image could not be decoded (or encoded), with what the codec said.
///
/// Every failure of `ImageDecoder` is one of these; none of them is a crash or an exit. `path` is filled in when
/// the bytes came from a file, so a batch can report which file failed without wrapping the error again.
public struct ImageDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Sendable, Equatable {
        /// The file could not be read at all.
        case unreadable(String)
        /// Zero bytes.
        case emptyFile
        /// The file is larger than allowed; it was not read.
        case fileTooLarge(bytes: Int, limit: Int)
        /// The leading bytes are not a format Proofmark decodes; `detected` names the format when recognised
        /// (WebP, GIF, ...), otherwise it is nil and `leadingBytes` shows the first bytes in hex.
        case unsupportedFormat(detected: String?, leadingBytes: String)
        /// The data is not a valid image of its format.
        case corrupt(format: ImageFormat, message: String)
        /// The data ends, or a scan stops, before the picture is complete.
        case truncated(format: ImageFormat, message: String)
        /// The header declares more pixels than allowed; nothing was allocated for them.
        case tooLarge(format: ImageFormat, width: Int, height: Int, limit: Int)
        /// The header declares a zero width or height.
        case zeroDimension(format: ImageFormat)
        /// A valid file of a kind the codec does not handle.
        case unsupportedVariant(format: ImageFormat, message: String)
        /// Memory ran out while decoding.
        case outOfMemory(format: ImageFormat, message: String)
        /// The pixels could not be encoded.
        case encodingFailed(message: String)
    }

    /// What went wrong.
    public var reason: Reason
    /// The file the bytes came from, when known.
    public var path: String?

    /// Creates an error for `reason`, optionally naming the file.
    public init(_ reason: Reason, path: String? = nil) {
        self.reason = reason
        self.path = path
    }

    /// A short, stable category name (`truncated`, `too-large`, ...), for counting failures by kind.
    public var category: String {
        switch reason {
        case .unreadable: "unreadable"
        case .emptyFile: "empty-file"
        case .fileTooLarge: "file-too-large"
        case .unsupportedFormat: "unsupported-format"
        case .corrupt: "corrupt"
        case .truncated: "truncated"
        case .tooLarge: "too-large"
        case .zeroDimension: "zero-dimension"
        case .unsupportedVariant: "unsupported-variant"
        case .outOfMemory: "out-of-memory"
        case .encodingFailed: "encoding-failed"
        }
    }

    /// The reason in words, without the path.
    public var message: String {
        switch reason {
        case .unreadable(let why):
            "cannot read the file: \(why)"
        case .emptyFile:
            "the file is empty (0 bytes)"
        case .fileTooLarge(let bytes, let limit):
            "the file is \(bytes) bytes, over the limit of \(limit)"
        case .unsupportedFormat(let detected?, _):
            "\(detected) images are not supported (JPEG, PNG and WebP are)"
        case .unsupportedFormat(nil, let leadingBytes):
            "not a JPEG, PNG or WebP image (starts with \(leadingBytes))"
        case .corrupt(let format, let message):
            "corrupt \(format.name): \(message)"
        case .truncated(let format, let message):
            "damaged \(format.name): data cut short (\(message))"
        case .tooLarge(let format, let width, let height, let limit):
            "\(format.name) declares \(width)×\(height) pixels, over the limit of \(limit)"
        case .zeroDimension(let format):
            "\(format.name) declares a zero width or height"
        case .unsupportedVariant(let format, let message):
            "unsupported \(format.name): \(message)"
        case .outOfMemory(let format, let message):
            "out of memory decoding \(format.name): \(message)"
        case .encodingFailed(let message):
            "cannot encode PNG: \(message)"
        }
    }

    public var description: String {
        if let path { "\(path): \(message)" } else { message }
    }
}
