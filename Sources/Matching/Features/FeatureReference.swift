public import Imaging
public import PerceptualHash

/// A registered image's features as the `FeatureIndex` holds them: as registered, and mirrored left–right so a
/// mirrored paste is found too (binary tests are not mirror-invariant).
public struct FeatureReference: Sendable, Hashable {
    public var id: String
    public var features: FeatureSet
    /// The features of the image mirrored left–right (keypoints in the mirrored image's coordinates), or nil to
    /// look for the image only as registered.
    public var mirrored: FeatureSet?

    public init(id: String, features: FeatureSet, mirrored: FeatureSet?) {
        self.id = id
        self.features = features
        self.mirrored = mirrored
    }

    /// Extracts both sets from the registered image's luminance.
    public init(
        id: String, luma: LumaPlane, options: FeatureExtractor.Options = .reference, includeMirrored: Bool = true
    ) {
        self.id = id
        features = FeatureExtractor.extract(luma, options: options)
        mirrored = includeMirrored ? FeatureExtractor.extract(luma.mirroredLeftRight(), options: options) : nil
    }
}

extension LumaPlane {
    /// This plane mirrored left–right.
    func mirroredLeftRight() -> LumaPlane {
        var values = self.values
        for y in 0..<height {
            values[(y * width)..<((y + 1) * width)].reverse()
        }
        return LumaPlane(width: width, height: height, values: values)
    }
}
