public import Imaging
public import PerceptualHash

/// Finds registered images in suspect images by their PDQ views, through one `HammingIndex` over every registered
/// view under every dihedral variant.
///
/// A registered view and a suspect view match when their hashes are within the threshold for that pair of views:
/// `wholeThreshold` (PDQ's usual 31 bits) between whole or trimmed pictures on both sides, `derivedThreshold` when a
/// registered crop or rotation meets a suspect's whole or trimmed picture, `panelThreshold` when a suspect's panel
/// meets a registered whole or trimmed picture. Derived views are many, so each gets a stricter threshold to keep the
/// false-positive rate where the whole-picture test alone has it; the values are calibrated with
/// `proofmark robustness` (see `Benchmarks/README.md`). For each registered image the closest match relative to its
/// threshold is kept.
///
/// Past the threshold, whole and trimmed pictures are weak candidates up to `candidateBand` more bits: reported below
/// the default `--min-score`, untrusted, so a user asking for every candidate (`--min-score 0`) sees them ranked.
///
/// Low-information images (`InformationContent`: near-blank, two-tone, PDQ quality under 50) on either side are
/// where unrelated hashes collide, so a hash match there is not trusted on its own: it is reported as untrusted
/// with a strength under the default `--min-score` unless it is within the stricter `gatedThreshold` (its strength
/// then measured against that threshold) or local features confirm it.
///
/// Cost: one index query per suspect view (usually one to three) plus the candidates found.
public struct ImageMatcher: Sendable {
    /// PDQ's usual near-duplicate threshold.
    public static let wholeThreshold = 31
    /// For a registered crop or rotation against a suspect's whole or trimmed picture.
    public static let derivedThreshold = 26
    /// For a suspect panel against a registered whole or trimmed picture.
    public static let panelThreshold = 28
    /// Between a registered content view and a suspect's (`HashedView.Kind.content`). The box around the objects on a
    /// flat background is what normalises logos and cut-outs, so these matches are trusted on low-information
    /// images too: on the tuning set no unrelated logo's content came within 50 bits of a registered one's.
    public static let contentThreshold = 31
    /// On a low-information image a hash match is trusted only within this many bits.
    public static let gatedThreshold = 16
    /// Whole or trimmed pictures up to this many bits past their threshold are weak candidates: reported with a
    /// strength under 0.5, so they rank listings (`--min-score 0`) without becoming findings by default.
    public static let candidateBand = 16
    /// A trusted image match at least this strong makes a finding `serious`.
    public static let seriousStrength = 0.75

    public let images: [RegisteredImage]
    private let index: HammingIndex
    /// Entry number → (image, view, variant).
    private let entries: [(image: Int32, view: Int16, variant: PDQVariant)]
    /// Local features of the registered images, when given (`ImageMatcher+Features.swift`).
    let featureIndex: FeatureIndex?
    /// Asset id → position in `images`, for turning feature matches (which name assets by id) into signals.
    let imageByAsset: [String: Int]
    /// Identifies the registered images and feature algorithm a stored feature verdict was reached against.
    public let featureKey: String
    /// Whether any registered image has content views (`ImageMatcher+Features.swift`); asked for every suspect image.
    public let usesContent: Bool

    /// A matcher over `images`; with `features` (one per registered image, by asset id), local features are
    /// checked wherever hashes leave doubt.
    public init(_ images: [RegisteredImage], features: [FeatureReference] = [], featureKey: String = "") {
        self.images = images
        self.featureKey = featureKey
        featureIndex = features.isEmpty ? nil : FeatureIndex(features)
        var imageByAsset: [String: Int] = [:]
        for (index, image) in images.enumerated() where imageByAsset[image.assetID] == nil {
            imageByAsset[image.assetID] = index
        }
        self.imageByAsset = imageByAsset
        usesContent = images.contains { $0.views.contains { $0.kind == .content } }
        var hashes: [PDQHash] = []
        var entries: [(image: Int32, view: Int16, variant: PDQVariant)] = []
        for (imageIndex, image) in images.enumerated() {
            for (viewIndex, view) in image.views.enumerated() where view.quality > 0 {
                // Identical variant hashes (a symmetric picture) would only repeat candidates.
                var seen: Set<PDQHash> = []
                for variant in PDQVariant.allCases {
                    guard let hash = view.dihedral[variant], seen.insert(hash).inserted else { continue }
                    hashes.append(hash)
                    entries.append((Int32(imageIndex), Int16(viewIndex), variant))
                }
            }
        }
        self.entries = entries
        index = HammingIndex(hashes)
    }

    /// The number of registered hashes indexed (views × distinct variants).
    public var indexedHashes: Int { index.count }

    /// The threshold for a registered view of `reference` kind against a suspect view of `suspect` kind; nil when
    /// the pair is not compared.
    public static func threshold(reference: HashedView.Kind, suspect: HashedView.Kind) -> Int? {
        switch (reference, suspect) {
        case (.whole, .whole), (.whole, .trim), (.trim, .whole), (.trim, .trim): wholeThreshold
        case (.crop, .whole), (.crop, .trim), (.rotation, .center): derivedThreshold
        case (.whole, .panel), (.trim, .panel): panelThreshold
        case (.content, .content): contentThreshold
        default: nil
        }
    }

    /// Whether a pair of view kinds has a band of weak candidates past its threshold: only whole and trimmed
    /// pictures on both sides; derived views are many, and their near misses are noise.
    static func hasCandidateBand(reference: HashedView.Kind, suspect: HashedView.Kind) -> Bool {
        [.whole, .trim].contains(reference) && [.whole, .trim].contains(suspect)
    }

    /// How far to search the index around a suspect view of each kind: the widest threshold (with its band of weak
    /// candidates) any registered view kind has against it; 0 for a kind nothing is compared with.
    static let searchRadius: [HashedView.Kind: Int] = Dictionary(
        uniqueKeysWithValues: HashedView.Kind.allCases.map { suspect in
            let radii = HashedView.Kind.allCases.compactMap { reference in
                threshold(reference: reference, suspect: suspect).map {
                    $0 + (hasCandidateBand(reference: reference, suspect: suspect) ? candidateBand : 0)
                }
            }
            return (suspect, radii.max() ?? 0)
        })

    /// The algorithm name findings give a match between views of these kinds.
    public static func algorithm(reference: HashedView.Kind, suspect: HashedView.Kind) -> String {
        switch (reference, suspect) {
        case (.whole, .whole): "pdq"
        case (.content, _): "pdq+content"
        case (.crop, _): "pdq+crop"
        case (.rotation, _): "pdq+rotation"
        case (_, .panel): "pdq+panel"
        default: "pdq+trim"
        }
    }

    /// A hash match's strength: 1 for identical hashes, falling linearly to 0.55 at the pair's threshold (just over
    /// the default `--min-score` of 0.5), then from 0.5 towards 0 across `candidateBand` bits past it. An untrusted
    /// match (see the type's notes) keeps a third of that.
    public static func strength(distance: Int, threshold: Int, trusted: Bool) -> Double {
        let base =
            distance <= threshold
            ? 1 - 0.45 * Double(distance) / Double(max(1, threshold))
            : 0.5 * (1 - Double(distance - threshold) / Double(candidateBand + 1))
        return trusted ? max(0, base) : max(0, base) / 3
    }

    /// Every registered image the suspect shows, strongest first (ties by asset id, so results are deterministic).
    public func matches(for suspect: SuspectImage) -> [ImageMatch] {
        var best: [Int: (score: Double, match: ImageMatch)] = [:]
        for suspectView in suspect.views where suspectView.quality > 0 {
            // No wider than the suspect view's kind is ever compared at: a content view's 31 bits, not 47.
            let radius = Self.searchRadius[suspectView.kind] ?? 0
            guard radius > 0 else { continue }
            for hit in index.search(suspectView.hash, within: radius) {
                let entry = entries[hit.entry]
                let image = images[Int(entry.image)]
                let referenceView = image.views[Int(entry.view)]
                guard let threshold = Self.threshold(reference: referenceView.kind, suspect: suspectView.kind) else {
                    continue
                }
                let wholePair = Self.hasCandidateBand(reference: referenceView.kind, suspect: suspectView.kind)
                guard hit.distance <= threshold || (wholePair && hit.distance <= threshold + Self.candidateBand) else {
                    continue
                }
                // Content views are the normalisation that makes flat pictures comparable, so the information gate
                // is for the rest; a content view too plain to hash well (one flat shape) is gated by its own quality.
                let gated =
                    referenceView.kind == .content
                    ? min(referenceView.quality, suspectView.quality) < InformationContent.minimumQuality
                    : image.information.needsVerification || suspect.information.needsVerification
                let trusted = (!gated || hit.distance <= Self.gatedThreshold) && hit.distance <= threshold
                let strength =
                    hit.distance > threshold
                    ? Self.strength(distance: hit.distance, threshold: threshold, trusted: true)
                    : Self.strength(
                        distance: hit.distance, threshold: gated && trusted ? Self.gatedThreshold : threshold,
                        trusted: trusted)
                // Closest relative to its threshold first; the whole picture before derived views on a tie.
                let score = strength - Double(entry.view) * 1e-6
                if let current = best[Int(entry.image)], current.score >= score { continue }
                best[Int(entry.image)] = (
                    score,
                    ImageMatch(
                        assetID: image.assetID, brand: image.brand, right: image.right,
                        algorithm: Self.algorithm(reference: referenceView.kind, suspect: suspectView.kind),
                        distance: hit.distance, inliers: nil, variant: entry.variant, referenceView: referenceView.name,
                        suspectView: suspectView.name, region: suspectView.region, trusted: trusted,
                        strength: (strength * 10_000).rounded() / 10_000)
                )
            }
        }
        return best.values.map(\.match).sorted { ($1.strength, $0.assetID) < ($0.strength, $1.assetID) }
    }
}
