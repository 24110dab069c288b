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
        let hashed = SuspectImage(
            views: [wholeView] + ViewPlanner.suspectViews(of: plane),
            information: InformationContent(downsampled: whole.downsampled, quality: whole.quality))
        let matches = matcher.matches(for: hashed, pixels: plane).matches
        return matches.first
    }
}
