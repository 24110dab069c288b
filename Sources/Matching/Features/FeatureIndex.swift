import Foundation
import Imaging
public import PerceptualHash

/// Finds registered images in a suspect image by local features: approximate Hamming nearest neighbours over
/// the descriptors of every registered image at once, Lowe's ratio test per registered image, then RANSAC on a
/// similarity per candidate image.
///
/// The neighbour search is locality-sensitive hashing on bit sampling (P. Indyk and R. Motwani, "Approximate
/// nearest neighbors: towards removing the curse of dimensionality", STOC 1998), with multi-probe lookups of
/// every key one bit away (Q. Lv et al., "Multi-probe LSH", VLDB 2007), as FLANN does for ORB: `tables` hash
/// tables each keyed by `keyBits` descriptor bits drawn by a seeded generator, stored as sorted buckets. A query
/// descriptor visits `tables × (keyBits + 1)` buckets, so its cost grows with the bucket occupancy (registered
/// descriptors / 2^keyBits), not with a scan over all of them; buckets fuller than `bucketLimit` are skipped. A
/// descriptor within Hamming distance d of its neighbour shares a probed key in at least one table with
/// probability 1 − (1 − P)^tables, where P is the chance that at most one of `keyBits` bits differ (at d = 40 of
/// 256 and the defaults, P ≈ 0.26 and the recall ≈ 0.84); RANSAC needs only a fraction of the true
/// correspondences, and on the benchmark 6 tables found as many composites as 8 in two thirds of the time.
///
/// Tentative matches (nearest within `maximumDistance` and closer than `ratio` × the second nearest in the same
/// registered image, D. G. Lowe, "Distinctive image features from scale-invariant keypoints", IJCV 2004, §7.1)
/// are made one-to-one, then verified by `RANSAC` with per-image seeds derived from the id, so an image's result
/// depends on the other registered images only through which crowded buckets are skipped (`bucketLimit`). Output
/// is sorted best first and deterministic.
public struct FeatureIndex: Sendable {
    /// Search and verification thresholds.
    ///
    /// The defaults were calibrated with `Benchmarks/peers/features.py` (50 registered images, 150 composites, 100
    /// unrelated, plain and two-tone images): with the geometric checks alone (position, orientation within 20°,
    /// keypoint size within a factor 1.6), unrelated images reached up to 15 inliers, always on a shared word or
    /// shape in one corner of the registered image; requiring the inliers to fall in at least 5 cells of a 4 × 4
    /// grid over the registered image removed every one of them even at 3 inliers, while true pastes and panels
    /// keep 11–60. `minimumInliers` 8 leaves that margin; recall changes by one or two images between 8 and 12.
    public struct Options: Sendable, Hashable {
        /// Hash tables.
        public var tables: Int
        /// Descriptor bits per table key.
        public var keyBits: Int
        /// Largest Hamming distance (of 256) a tentative match may have.
        public var maximumDistance: Int
        /// Lowe's ratio: the nearest must be closer than this times the second nearest in the same image.
        public var ratio: Double
        /// Fewest tentative matches worth running RANSAC on.
        public var minimumMatches: Int
        /// Fewest inliers to report a match.
        public var minimumInliers: Int
        /// Smallest inlier ratio (inliers / tentative matches) to report a match.
        public var minimumInlierRatio: Double
        /// Smallest part of the registered image's width and height the inliers must span (0…1): a few
        /// correspondences in one corner are a coincidence of texture, not a copy.
        public var minimumSpread: Double
        /// Fewest cells of a 4 × 4 grid over the registered image that must hold an inlier: a shared word or one
        /// matching shape stays in one or two cells, a pasted copy covers many.
        public var minimumCells: Int
        /// Fewest screen votes (`screenVotes`) a registered variant needs to be verified at all; 0 (the default)
        /// verifies every one (the full path). Off by default: on `Benchmarks/run/bench_unrelated.py` unrelated
        /// pictures reached 4 to 12 votes on one pose while true pastes verified with as few as 2 (see
        /// `Benchmarks/README.md`), so no threshold spares unrelated pictures without losing composites.
        public var screenVotes: Int

        public init(
            tables: Int = 6, keyBits: Int = 16, maximumDistance: Int = 64, ratio: Double = 0.85,
            minimumMatches: Int = 8, minimumInliers: Int = 8, minimumInlierRatio: Double = 0.08,
            minimumSpread: Double = 0.2, minimumCells: Int = 5, screenVotes: Int = 0
        ) {
            self.tables = tables
            self.keyBits = keyBits
            self.maximumDistance = maximumDistance
            self.ratio = ratio
            self.minimumMatches = minimumMatches
            self.minimumInliers = minimumInliers
            self.minimumInlierRatio = minimumInlierRatio
            self.minimumSpread = minimumSpread
            self.minimumCells = minimumCells
            self.screenVotes = screenVotes
        }

        /// The same thresholds with the screen off: every registered variant searched and verified.
        public var unscreened: Options {
            var options = self
            options.screenVotes = 0
            return options
        }
    }

    /// One registered image as indexed: as registered, or mirrored.
    struct Variant: Sendable {
        var id: String
        var mirrored: Bool
        var width: Int
        var height: Int
        var keypoints: [Keypoint]
        var firstEntry: Int
    }

    public let options: Options
    let variants: [Variant]
    /// Every registered descriptor, variant by variant.
    let descriptors: [BinaryDescriptor]
    /// For each descriptor, its variant.
    let owners: [Int32]
    /// Per table, the descriptor bits its key is made of (`keyBits` a table, tables concatenated).
    let keyPositions: [Int]
    /// Per table, `2^keyBits + 1` bucket starts into `bucketEntries` (CSR layout), tables concatenated.
    let bucketStarts: [Int32]
    /// Per table, descriptor indices sorted by key, tables concatenated.
    let bucketEntries: [Int32]
    /// The variant of each of `bucketEntries`, beside it: the search reads a bucket's owners in a row instead of one
    /// random load in `owners` per entry.
    let bucketOwners: [Int32]
    /// Buckets holding more descriptors than this are not visited: they gather near-degenerate descriptors
    /// (patches mostly flat, most tests equal), whose neighbours say nothing, and would dominate the query time.
    let bucketLimit: Int

    /// Indexes registered images' features (each also mirrored when its `mirrored` set is given).
    public init(_ references: [FeatureReference], options: Options = Options()) {
        precondition(options.keyBits > 0 && options.keyBits <= 24 && options.tables > 0, "invalid LSH shape")
        self.options = options
        var variants: [Variant] = []
        var descriptors: [BinaryDescriptor] = []
        var owners: [Int32] = []
        for reference in references {
            let sets = [(reference.features, false)] + (reference.mirrored.map { [($0, true)] } ?? [])
            for (set, mirrored) in sets {
                owners.append(contentsOf: repeatElement(Int32(variants.count), count: set.count))
                variants.append(
                    Variant(
                        id: reference.id, mirrored: mirrored, width: set.width, height: set.height,
                        keypoints: set.keypoints, firstEntry: descriptors.count))
                descriptors.append(contentsOf: set.descriptors)
            }
        }
        self.variants = variants
        self.descriptors = descriptors
        self.owners = owners
        var random = SplitMix64(seed: 0x4C53_485F_4F52_4221)
        var positions: [[Int]] = []
        for _ in 0..<options.tables {
            var bits = Array(0..<256)
            bits.shuffle(using: &random)
            positions.append(Array(bits.prefix(options.keyBits)).sorted())
        }
        keyPositions = positions.flatMap { $0 }
        let bucketCount = 1 << options.keyBits
        var starts: [Int32] = []
        var entries: [Int32] = []
        starts.reserveCapacity(options.tables * (bucketCount + 1))
        entries.reserveCapacity(options.tables * descriptors.count)
        for table in 0..<options.tables {
            let keys = descriptors.map { Self.key($0, positions[table]) }
            var counts = [Int32](repeating: 0, count: bucketCount + 1)
            for key in keys { counts[key + 1] += 1 }
            for bucket in 0..<bucketCount { counts[bucket + 1] += counts[bucket] }
            var fill = counts
            var tableEntries = [Int32](repeating: 0, count: descriptors.count)
            for (index, key) in keys.enumerated() {
                tableEntries[Int(fill[key])] = Int32(index)
                fill[key] += 1
            }
            starts.append(contentsOf: counts)
            entries.append(contentsOf: tableEntries)
        }
        bucketStarts = starts
        bucketEntries = entries
        bucketOwners = entries.map { owners[Int($0)] }
        bucketLimit = max(16, 4 * descriptors.count / bucketCount)
    }

    /// Indexes features without mirrored variants.
    public init(_ references: [(id: String, features: FeatureSet)], options: Options = Options()) {
        self.init(
            references.map { FeatureReference(id: $0.id, features: $0.features, mirrored: nil) }, options: options)
    }

    /// How many registered descriptors the index holds (both variants).
    public var descriptorCount: Int { descriptors.count }

    /// The key of `descriptor` for one table: its bits at `positions`, first position lowest.
    @inline(__always)
    static func key(_ descriptor: BinaryDescriptor, _ positions: UnsafeBufferPointer<Int>) -> Int {
        let lanes = (descriptor.bits[0], descriptor.bits[1], descriptor.bits[2], descriptor.bits[3])
        var key = 0
        for shift in 0..<positions.count {
            let position = positions[shift]
            let lane: UInt64
            switch position >> 6 {
            case 0: lane = lanes.0
            case 1: lane = lanes.1
            case 2: lane = lanes.2
            default: lane = lanes.3
            }
            key |= Int((lane >> UInt64(position & 63)) & 1) << shift
        }
        return key
    }

    static func key(_ descriptor: BinaryDescriptor, _ positions: [Int]) -> Int {
        positions.withUnsafeBufferPointer { key(descriptor, $0) }
    }

    /// The registered images found in `suspect`, verified, best first (most inliers, then id), at most one per id
    /// (the better of the registered and mirrored variants). With `options.screenVotes` above 0, only the variants
    /// the screen (`screenVotes`) lets through are verified, and a suspect it lets none through is not searched.
    public func verify(_ suspect: FeatureSet) -> [GeometricMatch] {
        verify(suspect, screened: options.screenVotes > 0)
    }

    /// `verify(_:)` with the screen on or off; off, every registered variant is searched and verified (the full
    /// path, which the screen must agree with: `FeatureScreenTests`).
    public func verify(_ suspect: FeatureSet, screened: Bool) -> [GeometricMatch] {
        var allowed: [Bool]?
        if screened {
            let votes = screenVotes(suspect)
            let passing = votes.map { $0 >= options.screenVotes }
            guard passing.contains(true) else { return [] }
            allowed = passing
        }
        let candidates = tentativeMatches(suspect)
        var best: [String: GeometricMatch] = [:]
        for (variantIndex, pairs) in candidates.enumerated()
        where pairs.count >= options.minimumMatches && allowed?[variantIndex] != false {
            guard let match = verify(variant: variants[variantIndex], pairs: pairs, suspect: suspect) else { continue }
            if let current = best[match.id],
                current.inliers > match.inliers || (current.inliers == match.inliers && !current.mirrored)
            {
                continue
            }
            best[match.id] = match
        }
        return best.values.sorted { left, right in
            left.inliers != right.inliers ? left.inliers > right.inliers : left.id < right.id
        }
    }
}
