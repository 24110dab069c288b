import Foundation

/// A 2-D affine map `(x, y) ↦ (a·x + b·y + tx, c·x + d·y + ty)` between pixel coordinates.
///
/// Coordinates are continuous: pixel `(i, j)` covers `[i, i+1) × [j, j+1)` and its centre is `(i + 0.5, j + 0.5)`.
/// A similarity (rotation, uniform scale, translation, optional mirror) is the special case the feature matcher
/// reports; the robustness harness composes them to make its edits.
public struct AffineTransform: Sendable, Hashable, Codable, CustomStringConvertible {
    public var a: Double
    public var b: Double
    public var c: Double
    public var d: Double
    public var tx: Double
    public var ty: Double

    public init(a: Double, b: Double, c: Double, d: Double, tx: Double, ty: Double) {
        self.a = a
        self.b = b
        self.c = c
        self.d = d
        self.tx = tx
        self.ty = ty
    }

    /// The map that changes nothing.
    public static let identity = AffineTransform(a: 1, b: 0, c: 0, d: 1, tx: 0, ty: 0)

    /// A shift by `(x, y)`.
    public static func translation(x: Double, y: Double) -> AffineTransform {
        AffineTransform(a: 1, b: 0, c: 0, d: 1, tx: x, ty: y)
    }

    /// A scale about the origin.
    public static func scale(x: Double, y: Double) -> AffineTransform {
        AffineTransform(a: x, b: 0, c: 0, d: y, tx: 0, ty: 0)
    }

    /// A rotation about the origin by `degrees`, clockwise on screen (y grows downwards).
    public static func rotation(degrees: Double) -> AffineTransform {
        let radians = degrees * .pi / 180
        let cosine = cos(radians)
        let sine = sin(radians)
        return AffineTransform(a: cosine, b: -sine, c: sine, d: cosine, tx: 0, ty: 0)
    }

    /// First `self`, then `other`.
    public func followed(by other: AffineTransform) -> AffineTransform {
        AffineTransform(
            a: other.a * a + other.b * c, b: other.a * b + other.b * d,
            c: other.c * a + other.d * c, d: other.c * b + other.d * d,
            tx: other.a * tx + other.b * ty + other.tx, ty: other.c * tx + other.d * ty + other.ty)
    }

    /// Where `point` goes.
    public func apply(_ point: (x: Double, y: Double)) -> (x: Double, y: Double) {
        (a * point.x + b * point.y + tx, c * point.x + d * point.y + ty)
    }

    /// The determinant of the linear part: negative for a mirroring map, zero for a degenerate one.
    public var determinant: Double { a * d - b * c }

    /// The map back, or nil when this one is degenerate.
    public var inverse: AffineTransform? {
        let det = determinant
        guard det.isFinite, abs(det) > 1e-12 else { return nil }
        let ia = d / det
        let ib = -b / det
        let ic = -c / det
        let id = a / det
        return AffineTransform(a: ia, b: ib, c: ic, d: id, tx: -(ia * tx + ib * ty), ty: -(ic * tx + id * ty))
    }

    /// The bounding box of a `width × height` rectangle at the origin after this map, rounded outwards, or nil
    /// when it does not overlap `clip` (given as a width and height at the origin). Clipped to `clip`.
    public func boundingBox(width: Int, height: Int, clippedTo clip: (width: Int, height: Int)) -> PixelRect? {
        let corners = [(0.0, 0.0), (Double(width), 0.0), (Double(width), Double(height)), (0.0, Double(height))]
            .map { apply($0) }
        let xs = corners.map(\.x)
        let ys = corners.map(\.y)
        guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max(),
            minX > -1e9, maxX < 1e9, minY > -1e9, maxY < 1e9
        else { return nil }
        let left = max(0, Int(minX.rounded()))
        let top = max(0, Int(minY.rounded()))
        let right = min(clip.width, Int(maxX.rounded()))
        let bottom = min(clip.height, Int(maxY.rounded()))
        guard right > left, bottom > top else { return nil }
        return PixelRect(x: left, y: top, width: right - left, height: bottom - top)
    }

    public var description: String {
        func format(_ value: Double) -> String { String((value * 10_000).rounded() / 10_000) }
        return "[\(format(a)), \(format(b)), \(format(tx)); \(format(c)), \(format(d)), \(format(ty))]"
    }
}
