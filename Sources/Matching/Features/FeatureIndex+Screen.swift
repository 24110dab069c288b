import CHamming
import Foundation
public import PerceptualHash

/// A cheap first pass that says which registered variants a suspect can show at all, so that a picture showing none
/// of them skips the full search and RANSAC.
///
/// Two steps, both over an inverted index of quantised descriptors (the LSH tables' keys, `keyBits` sampled bits):
/// 1. Each suspect descriptor looks up its own key in every table (no multi-probe: `tables` buckets instead of
///    `tables × (keyBits + 1)`) and pairs with every registered descriptor there within `maximumDistance`.
/// 2. Each pair votes for a pose of its variant, as D. G. Lowe's Hough transform does before verification
///    ("Distinctive image features from scale-invariant keypoints", IJCV 2004, §7.3): the rotation (30° bins), the
///    scale (factor-2 bins) and where the registered picture's centre would land in the suspect (bins a quarter of
///    the registered picture's projected size), each to its two nearest bins. A variant's screen score is the most
///    distinct suspect features voting for one pose.
///
/// An unrelated picture's pairs are many (flat patches of any picture look alike) but point at scattered poses; a
/// copy's agree. A true correspondence at Hamming distance d shares a table's exact key with probability about
/// (1 − d/256)^keyBits (0.14 at d = 30, 16 bits), so over 6 tables a paste with the 8 inliers verification needs
/// leaves a few votes on its pose. `Options.screenVotes` sets the score a variant needs; 0 (the default) turns the
/// screen off, because on `Benchmarks/run/bench_unrelated.py` it does not separate yet: unrelated pictures reached 4
/// to 12 votes on one pose, true pastes verified with as few as 2 (`proofmark features-bench --screen-votes 0`
/// prints every picture's score, to calibrate a better screen against).
///
/// O(suspect features × tables × bucket occupancy) for the pairs, O(p log p) for the p votes of variants with
/// enough pairs to pass at all.
extension FeatureIndex {
    /// Per variant (in `variants` order), its screen score: the most distinct suspect features voting for one pose.
    func screenVotes(_ suspect: FeatureSet) -> [Int32] {
        var scores = [Int32](repeating: 0, count: variants.count)
        guard !descriptors.isEmpty, !suspect.descriptors.isEmpty, suspect.descriptors.count < 1 << 16 else {
            return scores
        }
        let pairs = screenPairs(suspect)
        // Pairs per variant (distinct suspect features): a variant with fewer cannot have more on one pose.
        var counts = [Int32](repeating: 0, count: variants.count)
        var lastQuery = [Int32](repeating: -1, count: variants.count)
        for pair in pairs {
            let owner = Int(owners[Int(pair.entry)])
            guard lastQuery[owner] != pair.query else { continue }
            lastQuery[owner] = pair.query
            counts[owner] += 1
        }
        let needed = Int32(max(1, options.screenVotes))
        // Pose keys of every vote of the variants that can pass, with the suspect feature in the low 16 bits.
        var keys: [UInt64] = []
        for pair in pairs {
            let owner = Int(owners[Int(pair.entry)])
            guard counts[owner] >= needed else { continue }
            poseVotes(pair, variant: owner, suspect: suspect) { keys.append($0 << 16 | UInt64(pair.query)) }
        }
        keys.sort()
        var index = 0
        while index < keys.count {
            let pose = keys[index] >> 16
            var distinct: Int32 = 0
            var previousQuery: UInt64 = .max
            while index < keys.count, keys[index] >> 16 == pose {
                let query = keys[index] & 0xFFFF
                if query != previousQuery { distinct += 1 }
                previousQuery = query
                index += 1
            }
            let owner = Int(pose >> 32)
            scores[owner] = max(scores[owner], distinct)
        }
        return scores
    }

    /// The most screen votes any variant of each registered image got (`screenVotes`), by id: what the screen saw,
    /// for calibration (`proofmark features-bench`).
    public func screenVotesByID(_ suspect: FeatureSet) -> [String: Int] {
        var best: [String: Int] = [:]
        for (variant, count) in screenVotes(suspect).enumerated() {
            best[variants[variant].id] = max(best[variants[variant].id] ?? 0, Int(count))
        }
        return best
    }

    /// Step 1: every (suspect feature, registered descriptor) sharing a table's exact key, within `maximumDistance`.
    func screenPairs(_ suspect: FeatureSet) -> [Pair] {
        let keyBits = options.keyBits
        let bucketCount = 1 << keyBits
        let descriptorCount = descriptors.count
        let maximumDistance = Int32(options.maximumDistance)
        var pairs: [Pair] = []
        var gathered = [Int32](repeating: 0, count: options.tables * bucketLimit)
        var distances = [Int32](repeating: 0, count: options.tables * bucketLimit)
        keyPositions.withUnsafeBufferPointer { positions in
            descriptors.withUnsafeBufferPointer { registered in
                bucketStarts.withUnsafeBufferPointer { starts in
                    bucketEntries.withUnsafeBufferPointer { entries in
                        for (queryIndex, query) in suspect.descriptors.enumerated() {
                            var count = 0
                            for table in 0..<options.tables {
                                let key = Self.key(
                                    query,
                                    UnsafeBufferPointer(
                                        rebasing: positions[(table * keyBits)..<((table + 1) * keyBits)]))
                                let first = table * descriptorCount + Int(starts[table * (bucketCount + 1) + key])
                                let last = table * descriptorCount + Int(starts[table * (bucketCount + 1) + key + 1])
                                // As in the full search, crowded buckets hold near-degenerate descriptors.
                                guard first < last, last - first <= bucketLimit else { continue }
                                for slot in first..<last {
                                    gathered[count] = entries[slot]
                                    count += 1
                                }
                            }
                            guard count > 0, let base = registered.baseAddress else { continue }
                            gathered.withUnsafeBufferPointer { gathered in
                                distances.withUnsafeMutableBufferPointer { distances in
                                    withUnsafePointer(to: query.bits) { query in
                                        CHamming_gatheredDistances256(
                                            UnsafeRawPointer(query).assumingMemoryBound(to: UInt64.self),
                                            UnsafeRawPointer(base).assumingMemoryBound(to: UInt64.self),
                                            gathered.baseAddress, count, distances.baseAddress)
                                    }
                                }
                            }
                            for index in 0..<count where distances[index] <= maximumDistance {
                                pairs.append(
                                    Pair(query: Int32(queryIndex), entry: gathered[index], distance: distances[index]))
                            }
                        }
                    }
                }
            }
        }
        return pairs
    }

    /// Step 2: the 16 pose bins (two nearest in rotation, scale, x and y) `pair` votes for, as 48-bit keys with the
    /// variant in the top 16 bits.
    @inline(__always)
    func poseVotes(_ pair: Pair, variant: Int, suspect: FeatureSet, vote: (UInt64) -> Void) {
        let owner = variants[variant]
        let reference = owner.keypoints[Int(pair.entry) - owner.firstEntry]
        let found = suspect.keypoints[Int(pair.query)]
        let rotation = Double(found.angle - reference.angle)
        let scale = Double(found.size / reference.size)
        // The registered picture's centre carried by this correspondence's similarity into the suspect.
        let dx = Double(owner.width) / 2 - Double(reference.x)
        let dy = Double(owner.height) / 2 - Double(reference.y)
        let (sine, cosine) = (sin(rotation), cos(rotation))
        let centreX = Double(found.x) + scale * (cosine * dx - sine * dy)
        let centreY = Double(found.y) + scale * (sine * dx + cosine * dy)
        let binSize = max(1, 0.25 * scale * Double(max(owner.width, owner.height)))
        let angleBins = 12
        var turn = rotation / (2 * .pi) * Double(angleBins)
        turn -= Double(angleBins) * (turn / Double(angleBins)).rounded(.down)
        let angle0 = Int((turn - 0.5).rounded(.down))
        let scale0 = Int((log2(scale) + 8 - 0.5).rounded(.down))
        let x0 = Int((centreX / binSize + 512 - 0.5).rounded(.down))
        let y0 = Int((centreY / binSize + 512 - 0.5).rounded(.down))
        let base = UInt64(variant) << 32
        for angle in angle0...(angle0 + 1) {
            let a = UInt64((angle + angleBins) % angleBins)
            for s in scale0...(scale0 + 1) {
                let scaleBin = UInt64(min(31, max(0, s)))
                for x in x0...(x0 + 1) {
                    let xBin = UInt64(min(1023, max(0, x)))
                    for y in y0...(y0 + 1) {
                        let yBin = UInt64(min(1023, max(0, y)))
                        vote(base | a << 25 | scaleBin << 20 | xBin << 10 | yBin)
                    }
                }
            }
        }
    }
}
