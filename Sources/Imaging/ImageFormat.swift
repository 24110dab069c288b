/// An encoded image format, recognised from the file's leading bytes, never from its name.
public enum ImageFormat: String, Sendable, Hashable, Codable {
    case jpeg
    case png
    case webp

    /// The format's usual name, for messages.
    public var name: String {
        switch self {
        case .jpeg: "JPEG"
        case .png: "PNG"
        case .webp: "WebP"
        }
    }

    /// The format the bytes start with, or nil when it is none of these.
    public static func sniff(_ bytes: some Collection<UInt8>) -> ImageFormat? {
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        let head = Array(bytes.prefix(12))
        if head.count == 12, head[0..<4].elementsEqual("RIFF".utf8), head[8..<12].elementsEqual("WEBP".utf8) {
            return .webp
        }
        return nil
    }

    /// The name of another image format the bytes start with (GIF, AVIF, ...), for a clear refusal.
    static func otherFormatName(_ bytes: some Collection<UInt8>) -> String? {
        let head = Array(bytes.prefix(16))
        func ascii(_ range: Range<Int>) -> String? {
            guard head.count >= range.upperBound else { return nil }
            return String(decoding: head[range], as: Unicode.ASCII.self)
        }
        if ascii(0..<4) == "GIF8" { return "GIF" }
        if head.starts(with: [0x42, 0x4D]) { return "BMP" }
        if head.starts(with: [0x49, 0x49, 0x2A, 0x00]) || head.starts(with: [0x4D, 0x4D, 0x00, 0x2A]) {
            return "TIFF"
        }
        if ascii(4..<8) == "ftyp" {
            switch ascii(8..<12) {
            case "avif", "avis": return "AVIF"
            case "heic", "heix", "mif1", "msf1", "hevc": return "HEIF"
            default: return "ISO media"
            }
        }
        if head.starts(with: [0xFF, 0x0A]) || ascii(4..<8) == "JXL " { return "JPEG XL" }
        if head.starts(with: [0x00, 0x00, 0x01, 0x00]) { return "ICO" }
        return nil
    }
}
