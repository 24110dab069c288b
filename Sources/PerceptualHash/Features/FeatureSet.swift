/// The local features of one image: keypoints with one binary descriptor each, and the image's size.
///
/// `keypoints[i]` is described by `descriptors[i]`; both are in the order the extractor chose them (strongest
/// first within each pyramid level's spread), which is deterministic for the same pixels.
public struct FeatureSet: Sendable, Hashable {
    /// The image's width in pixels (the input's, not the working size).
    public var width: Int
    /// The image's height in pixels.
    public var height: Int
    public var keypoints: [Keypoint]
    public var descriptors: [BinaryDescriptor]

    /// Wraps keypoints and their descriptors, which must be as many.
    public init(width: Int, height: Int, keypoints: [Keypoint], descriptors: [BinaryDescriptor]) {
        precondition(keypoints.count == descriptors.count, "one descriptor per keypoint")
        self.width = width
        self.height = height
        self.keypoints = keypoints
        self.descriptors = descriptors
    }

    /// How many features the set holds.
    public var count: Int { keypoints.count }
}

/// Why bytes could not be read back as a `FeatureSet`.
public enum FeatureSetError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The first byte names a layout this build does not know.
    case unsupportedVersion(UInt8)
    /// The bytes end before the layout says they should (`expected` bytes, `actual` present).
    case truncated(expected: Int, actual: Int)
    /// The bytes run on after the last feature.
    case trailingBytes(count: Int)
    /// A header field is out of range (`field` names it).
    case invalidHeader(field: String, value: Int)

    public var description: String {
        switch self {
        case .unsupportedVersion(let version): "feature set: unsupported version \(version)"
        case .truncated(let expected, let actual): "feature set: \(actual) bytes, expected \(expected)"
        case .trailingBytes(let count): "feature set: \(count) unexpected bytes after the last feature"
        case .invalidHeader(let field, let value): "feature set: invalid \(field) \(value)"
        }
    }
}
