/// A corner found by `FeatureExtractor`, in the coordinates of the image it was extracted from.
///
/// Coordinates are continuous pixels of the input image (pixel `(i, j)` spans `[i, i+1) × [j, j+1)`), whatever
/// working size and pyramid level the corner was found at, so keypoints of a downscaled 3000-px photo still land
/// on the photo's own pixels.
public struct Keypoint: Sendable, Hashable {
    /// Horizontal position of the corner's centre, in input pixels.
    public var x: Float
    /// Vertical position of the corner's centre, in input pixels (growing downwards).
    public var y: Float
    /// Diameter of the patch the descriptor describes, in input pixels: larger at coarser pyramid levels.
    public var size: Float
    /// Orientation by intensity centroid, radians in `-π...π`, measured from +x towards +y (clockwise on screen).
    public var angle: Float
    /// Harris corner response at the corner's level (larger is a stronger corner); comparable within one level.
    public var response: Float
    /// The pyramid level the corner was found at (0 is the working resolution).
    public var octave: UInt8

    public init(x: Float, y: Float, size: Float, angle: Float, response: Float, octave: UInt8) {
        self.x = x
        self.y = y
        self.size = size
        self.angle = angle
        self.response = response
        self.octave = octave
    }
}
