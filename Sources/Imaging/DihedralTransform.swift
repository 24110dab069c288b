/// One of the eight symmetries of a rectangle: the identity, three rotations and four reflections.
///
/// Infringers mirror and rotate photos; these are the transforms PDQ's dihedral hashes stand for.
public enum DihedralTransform: String, Sendable, Hashable, CaseIterable, Codable {
    /// Unchanged.
    case identity
    /// Rotated a quarter turn clockwise.
    case rotate90
    /// Rotated half a turn.
    case rotate180
    /// Rotated a quarter turn anticlockwise.
    case rotate270
    /// Mirrored left to right (about the vertical axis).
    case flipHorizontal
    /// Mirrored top to bottom (about the horizontal axis).
    case flipVertical
    /// Reflected about the main diagonal (top-left to bottom-right): rows become columns.
    case transpose
    /// Reflected about the anti-diagonal (top-right to bottom-left).
    case transverse

    /// Whether width and height trade places.
    public var swapsAxes: Bool {
        switch self {
        case .rotate90, .rotate270, .transpose, .transverse: true
        default: false
        }
    }

    /// The transform that undoes this one.
    public var inverse: DihedralTransform {
        switch self {
        case .rotate90: .rotate270
        case .rotate270: .rotate90
        default: self
        }
    }

    /// For output pixel (x, y) of an image with the given output size, the source pixel it comes from.
    @inline(__always)
    func sourceCoordinate(x: Int, y: Int, outputWidth: Int, outputHeight: Int) -> (x: Int, y: Int) {
        switch self {
        case .identity: (x, y)
        case .rotate90: (y, outputWidth - 1 - x)
        case .rotate180: (outputWidth - 1 - x, outputHeight - 1 - y)
        case .rotate270: (outputHeight - 1 - y, x)
        case .flipHorizontal: (outputWidth - 1 - x, y)
        case .flipVertical: (x, outputHeight - 1 - y)
        case .transpose: (y, x)
        case .transverse: (outputHeight - 1 - y, outputWidth - 1 - x)
        }
    }
}

/// The EXIF orientation tag (TIFF 0x0112): how the stored pixels must be turned to stand as shown.
public enum ExifOrientation: Int, Sendable, Hashable, Codable {
    case up = 1
    case upMirrored = 2
    case down = 3
    case downMirrored = 4
    case leftMirrored = 5
    case right = 6
    case rightMirrored = 7
    case left = 8

    /// The transform that turns the stored pixels into the picture as displayed.
    public var transformToDisplay: DihedralTransform {
        switch self {
        case .up: .identity
        case .upMirrored: .flipHorizontal
        case .down: .rotate180
        case .downMirrored: .flipVertical
        case .leftMirrored: .transpose
        case .right: .rotate90
        case .rightMirrored: .transverse
        case .left: .rotate270
        }
    }
}

extension Image {
    /// This image turned or mirrored by `transform`.
    public func transformed(by transform: DihedralTransform) -> Image {
        if transform == .identity { return self }
        let outputWidth = transform.swapsAxes ? height : width
        let outputHeight = transform.swapsAxes ? width : height
        let channels = format.channels
        var output = [UInt8](repeating: 0, count: pixels.count)
        pixels.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                var index = 0
                for y in 0..<outputHeight {
                    for x in 0..<outputWidth {
                        let from = transform.sourceCoordinate(
                            x: x, y: y, outputWidth: outputWidth, outputHeight: outputHeight)
                        let start = (from.y * width + from.x) * channels
                        for channel in 0..<channels {
                            target[index + channel] = source[start + channel]
                        }
                        index += channels
                    }
                }
            }
        }
        return Image(width: outputWidth, height: outputHeight, format: format, pixels: output)
    }
}
