import Foundation
public import Imaging
public import PerceptualHash

/// A second look where hashes leave doubt: composites (a registered image pasted into a scene, one panel of a
/// strip), heavy crops and tilts, and flat pictures (logos, icons, cut-outs on white) whose whole-picture hashes
/// cannot be trusted.
///
/// The cheap path decides a suspect image when it has a trusted hash match of at least `decidedStrength`. Every
/// other image gets a `SecondLook`:
/// - its content views (`ViewPlanner.suspectContentViews`: the boxes around clusters of objects on flat
///   backgrounds), matched against the registered content views through the same index (`pdq+content` signals);
/// - its local features (`FeatureExtractor`, `.suspect` options), verified against all registered images at once
///   (`FeatureIndex`: descriptor LSH, then RANSAC on a similarity). A verified match becomes a `features` signal whose
///   strength grows with its inliers (`featureStrength`), under 0.5 below `reportableInliers`.
///
/// Per registered image the strongest signal is kept.
extension ImageMatcher {
    /// A trusted hash match at least this strong decides an image without features.
    public static let decidedStrength = 0.55

    /// Whether local features are available to this matcher.
    public var usesFeatures: Bool { featureIndex != nil }

    /// Whether `hashMatches` leave doubt that a second look should settle.
    public func needsSecondLook(after hashMatches: [ImageMatch]) -> Bool {
        (usesFeatures || usesContent) && !hashMatches.contains { $0.trusted && $0.strength >= Self.decidedStrength }
    }

    /// The second look at a suspect's pixels, and its signals: `luma` is the picture at `1 / scale` of its stored
    /// size (the fast path decodes JPEGs at a reduced DCT scale); regions come back in the stored pixels. Content
    /// views come first, being cheaper by several times; when they settle the doubt (a trusted match of at least
    /// `decidedStrength`), local features are not extracted.
    public func secondLook(at luma: LumaPlane, scale: Int = 1) -> (look: SecondLook, signals: [ImageMatch]) {
        let views: [HashedView] =
            usesContent
            ? ViewPlanner.suspectContentViews(of: luma).map { view in
                var stored = view
                stored.region = view.region.scaled(by: scale)
                return stored
            } : []
        var look = SecondLook(contentViews: views, features: [])
        let content = contentSignals(views)
        guard usesFeatures, needsSecondLook(after: content) else { return (look, content) }
        look.features = featureMatches(for: FeatureExtractor.extract(luma, options: .suspect), scale: scale)
        return (look, Self.combined(content, signals(look.features)))
    }

    /// The hash matches of `suspect`, then, when they leave doubt, the second look at its pixels (`luma` at
    /// `1 / scale` of its stored size) combined with them: what a night decides for a picture in hand. `look` is nil
    /// when the hashes decided.
    public func matches(
        for suspect: SuspectImage, pixels luma: LumaPlane, scale: Int = 1
    ) -> (matches: [ImageMatch], look: SecondLook?) {
        let hashes = matches(for: suspect)
        guard needsSecondLook(after: hashes) else { return (hashes, nil) }
        let (look, signals) = secondLook(at: luma, scale: scale)
        return (Self.combined(hashes, signals), look)
    }

    /// A stored second look's findings as image signals, content matches and feature matches together
    /// (`combined`).
    public func signals(_ look: SecondLook) -> [ImageMatch] {
        Self.combined(contentSignals(look.contentViews), signals(look.features))
    }

    /// The registered images a suspect's content views show.
    private func contentSignals(_ views: [HashedView]) -> [ImageMatch] {
        views.isEmpty ? [] : matches(for: SuspectImage(views: views, information: .ordinary))
    }

    /// Verified feature matches with fewer inliers than this are weak candidates (under 0.5, untrusted).
    ///
    /// Calibrated with `proofmark robustness` on the tuning set (`Benchmarks/robustness/`): unrelated logos in the
    /// same fonts and layouts as registered ones verified with up to 24 inliers; copies of photos with 30 or more,
    /// copies of logos mostly with 60 or more.
    public static let reportableInliers = 25

    /// A feature match's strength: 0.55 at `reportableInliers`, rising towards 1 (0.84 with 12 more inliers, 0.97
    /// with 30 more); below it, 0.45 × inliers / `reportableInliers`, a weak candidate.
    public static func featureStrength(inliers: Int) -> Double {
        let strength: Double
        if inliers >= reportableInliers {
            strength = 1 - 0.45 * exp(-Double(inliers - reportableInliers) / 12)
        } else {
            strength = 0.45 * Double(max(0, inliers)) / Double(reportableInliers)
        }
        return (strength * 10_000).rounded() / 10_000
    }

    /// The registered images local features find in `suspect`, as signals; `scale` maps the features' pixels to
    /// the image's stored pixels (the fast path decodes JPEGs at a reduced DCT scale).
    public func featureMatches(for suspect: FeatureSet, scale: Int = 1) -> [FeatureMatch] {
        guard let featureIndex else { return [] }
        return featureIndex.verify(suspect).compactMap { match in
            guard let image = imageByAsset[match.id] else { return nil }
            return FeatureMatch(
                image: image, inliers: match.inliers, mirrored: match.mirrored, region: match.region.scaled(by: scale))
        }
    }

    /// Feature matches as image signals.
    public func signals(_ matches: [FeatureMatch]) -> [ImageMatch] {
        matches.compactMap { match in
            guard images.indices.contains(match.image) else { return nil }
            let image = images[match.image]
            return ImageMatch(
                assetID: image.assetID, brand: image.brand, right: image.right, algorithm: "features", distance: nil,
                inliers: match.inliers, variant: match.mirrored ? .flipy : .original, referenceView: "whole",
                suspectView: "scene", region: match.region, trusted: match.inliers >= Self.reportableInliers,
                strength: Self.featureStrength(inliers: match.inliers))
        }
    }

    /// Hash and feature signals together: per registered image the stronger (the hash signal on a tie, as the
    /// cheaper to explain), strongest first, ties by asset id.
    public static func combined(_ hashes: [ImageMatch], _ features: [ImageMatch]) -> [ImageMatch] {
        var best: [String: ImageMatch] = [:]
        for match in hashes + features {
            if let current = best[match.assetID], current.strength >= match.strength { continue }
            best[match.assetID] = match
        }
        return best.values.sorted { ($1.strength, $0.assetID) < ($0.strength, $1.assetID) }
    }
}

/// What a second look at a suspect image found, as the state file keeps it (valid for the matcher's `featureKey`):
/// the suspect's content views, which are matched again each night (they do not depend on the registry), and the
/// registered images local features verified.
public struct SecondLook: Sendable, Hashable {
    public var contentViews: [HashedView]
    public var features: [FeatureMatch]

    public init(contentViews: [HashedView], features: [FeatureMatch]) {
        self.contentViews = contentViews
        self.features = features
    }
}

/// A registered image local features found in a suspect image, by its position in `ImageMatcher.images`: what
/// the state file keeps of a feature verdict, valid for the matcher's `featureKey`.
public struct FeatureMatch: Sendable, Hashable {
    public var image: Int
    public var inliers: Int
    public var mirrored: Bool
    /// In the suspect's stored pixels.
    public var region: PixelRect

    public init(image: Int, inliers: Int, mirrored: Bool, region: PixelRect) {
        self.image = image
        self.inliers = inliers
        self.mirrored = mirrored
        self.region = region
    }
}
