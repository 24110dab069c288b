public import Imaging
public import PerceptualHash

extension ImageMatcher {
    /// What the nightly matcher makes of `suspect` with `registered` as the only registered image: the same views,
    /// thresholds, information gate and second look (content views, local features) as a run, with both pictures
    /// held in memory at full size. Nil when it finds nothing, not even a weak candidate. For `proofmark compare`,
    /// so a user asking why a listing was or was not found gets the run's answer.
    public static func pairMatch(registered: Image, suspect: Image, assetID: String = "registered") -> ImageMatch? {
        let (views, information, luma) = Fingerprinter.referenceViews(of: registered)
        let matcher = ImageMatcher(
            [RegisteredImage(assetID: assetID, brand: "", right: "", views: views, information: information)],
            features: [FeatureReference(id: assetID, luma: luma)])
        let plane = suspect.luma()
        let whole = PDQ.hash(plane)
        let wholeView = HashedView(
            name: "whole", kind: .whole, region: PixelRect(x: 0, y: 0, width: suspect.width, height: suspect.height),
            quality: whole.quality, dihedral: [.original: whole.hash])
        let suspectViews = ViewPlanner.suspectViews(of: plane).map { view in
            var kept = view
            kept.dihedral = [.original: view.hash]
            return kept
        }
        let hashed = SuspectImage(
            views: [wholeView] + suspectViews,
            information: InformationContent(downsampled: whole.downsampled, quality: whole.quality))
        var matches = matcher.matches(for: hashed)
        if matcher.needsSecondLook(after: matches) {
            matches = combined(matches, matcher.signals(matcher.secondLook(at: plane)))
        }
        return matches.first
    }
}
