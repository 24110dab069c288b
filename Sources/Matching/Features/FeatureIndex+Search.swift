import CHamming
import Foundation
import Imaging
import PerceptualHash

extension FeatureIndex {
    /// A tentative correspondence: suspect feature, registered descriptor, Hamming distance.
    struct Pair: Sendable, Hashable {
        var query: Int32
        var entry: Int32
        var distance: Int32
    }

    /// Per variant, the suspect features whose nearest registered neighbour (among those the probes reach) lies
    /// in that variant within `maximumDistance` and passes the ratio test against the variant's second nearest.
    /// Made one-to-one per variant: a registered feature keeps only its closest suspect feature.
    func tentativeMatches(_ suspect: FeatureSet) -> [[Pair]] {
        var perVariant = [[Pair]](repeating: [], count: variants.count)
        guard !descriptors.isEmpty, !suspect.descriptors.isEmpty else { return perVariant }
        let probes = options.tables * (options.keyBits + 1)
        let scratch = SearchScratch(
            descriptors: descriptors.count, variants: variants.count, probes: probes,
            candidates: probes * bucketLimit)
        defer { scratch.deallocate() }
        keyPositions.withUnsafeBufferPointer { positions in
            descriptors.withUnsafeBufferPointer { registered in
                bucketOwners.withUnsafeBufferPointer { owners in
                    bucketStarts.withUnsafeBufferPointer { starts in
                        bucketEntries.withUnsafeBufferPointer { entries in
                            let tables = Tables(
                                positions: positions, registered: registered, owners: owners, starts: starts,
                                entries: entries)
                            for (queryIndex, query) in suspect.descriptors.enumerated() {
                                nearest(query, stamp: Int32(queryIndex), tables: tables, scratch: scratch) {
                                    perVariant[$0].append($1)
                                }
                            }
                        }
                    }
                }
            }
        }
        // One-to-one: per registered feature, the closest suspect feature (ties: the earlier one).
        for variant in perVariant.indices where perVariant[variant].count > 1 {
            var kept: [Int32: Pair] = [:]
            for pair in perVariant[variant] {
                if let current = kept[pair.entry], current.distance <= pair.distance { continue }
                kept[pair.entry] = pair
            }
            perVariant[variant] = kept.values.sorted { $0.query < $1.query }
        }
        return perVariant
    }

    /// The index's arrays as raw buffers, for the search loop.
    struct Tables {
        var positions: UnsafeBufferPointer<Int>
        var registered: UnsafeBufferPointer<BinaryDescriptor>
        /// `bucketOwners`: the variant of each of `entries`.
        var owners: UnsafeBufferPointer<Int32>
        var starts: UnsafeBufferPointer<Int32>
        var entries: UnsafeBufferPointer<Int32>
    }

    /// Working memory of one search, allocated once for all its queries.
    struct SearchScratch {
        /// Per registered descriptor, the last query that measured it.
        let seen: UnsafeMutableBufferPointer<Int32>
        /// Per variant: nearest and second nearest distance, the nearest entry, the last query that reached it.
        let bestDistance: UnsafeMutableBufferPointer<Int32>
        let secondDistance: UnsafeMutableBufferPointer<Int32>
        let bestEntry: UnsafeMutableBufferPointer<Int32>
        let touchedBy: UnsafeMutableBufferPointer<Int32>
        /// The variants the current query reached, in the order it reached them.
        let touched: UnsafeMutableBufferPointer<Int>
        /// Per probe, the bucket's first and past-the-end positions in `entries`.
        let firsts: UnsafeMutableBufferPointer<Int>
        let lasts: UnsafeMutableBufferPointer<Int>
        /// The entries of the probed buckets in probe order, each with its distance to the query and its variant.
        let candidates: UnsafeMutableBufferPointer<Int32>
        let distances: UnsafeMutableBufferPointer<Int32>
        let candidateOwners: UnsafeMutableBufferPointer<Int>

        init(descriptors: Int, variants: Int, probes: Int, candidates: Int) {
            func buffer<T>(_ count: Int, _ value: T) -> UnsafeMutableBufferPointer<T> {
                let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, count))
                buffer.initialize(repeating: value)
                return buffer
            }
            seen = buffer(descriptors, -1)
            bestDistance = buffer(variants, 0)
            secondDistance = buffer(variants, 0)
            bestEntry = buffer(variants, 0)
            touchedBy = buffer(variants, -1)
            touched = buffer(variants, 0)
            firsts = buffer(probes, 0)
            lasts = buffer(probes, 0)
            self.candidates = buffer(candidates, 0)
            distances = buffer(candidates, 0)
            candidateOwners = buffer(candidates, 0)
        }

        func deallocate() {
            for buffer in [seen, bestDistance, secondDistance, bestEntry, touchedBy, candidates, distances] {
                buffer.deallocate()
            }
            for buffer in [touched, firsts, lasts, candidateOwners] { buffer.deallocate() }
        }
    }

    /// Searches the buckets `query` probes and reports, per variant reached, its tentative match (`found(variant,
    /// pair)`, variants in the order the probes first reached them).
    ///
    /// The probed buckets' ranges, then the entries they hold, then each entry's distance and variant are gathered
    /// in loops of their own: the loads of one step do not wait on the branches of the next, so the cache misses
    /// of a query's hundred-odd random buckets overlap instead of following one another. Entries are then taken
    /// in probe order, each once, exactly as one loop over the buckets would.
    @inline(__always)
    func nearest(
        _ query: BinaryDescriptor, stamp: Int32, tables: Tables, scratch: SearchScratch,
        found: (Int, Pair) -> Void
    ) {
        let keyBits = options.keyBits
        let bucketCount = 1 << keyBits
        let descriptorCount = tables.registered.count
        var probe = 0
        for table in 0..<options.tables {
            let key = Self.key(
                query, UnsafeBufferPointer(rebasing: tables.positions[(table * keyBits)..<((table + 1) * keyBits)]))
            let startBase = table * (bucketCount + 1)
            let entryBase = table * descriptorCount
            for bit in 0...keyBits {
                let bucket = bit == 0 ? key : key ^ (1 << (bit - 1))
                scratch.firsts[probe] = entryBase + Int(tables.starts[startBase + bucket])
                scratch.lasts[probe] = entryBase + Int(tables.starts[startBase + bucket + 1])
                probe += 1
            }
        }
        // Empty buckets and those fuller than `bucketLimit` contribute nothing.
        var count = 0
        for probe in 0..<probe {
            let first = scratch.firsts[probe]
            let last = scratch.lasts[probe]
            guard first < last, last - first <= bucketLimit else { continue }
            for slot in first..<last {
                scratch.candidates[count] = tables.entries[slot]
                scratch.candidateOwners[count] = Int(tables.owners[slot])
                count += 1
            }
        }
        // An entry reached by two tables is measured twice here: cheaper than a branch on `seen`.
        // The distances in one call of CHamming's population-count kernel (see CHamming.h).
        if count > 0, let registered = tables.registered.baseAddress {
            withUnsafePointer(to: query.bits) { query in
                CHamming_gatheredDistances256(
                    UnsafeRawPointer(query).assumingMemoryBound(to: UInt64.self),
                    UnsafeRawPointer(registered).assumingMemoryBound(to: UInt64.self), scratch.candidates.baseAddress,
                    count, scratch.distances.baseAddress)
            }
        }
        // An entry met again (through another table) must not count as its own second nearest. Only an entry
        // closer than its variant's second nearest can change anything, and the second nearest only falls, so `seen`
        // is read for those alone (a random load avoided for most candidates) and written whenever an entry counted;
        // the result is the same as checking it for every entry.
        var touchedCount = 0
        for index in 0..<count {
            let entry = Int(scratch.candidates[index])
            let distance = scratch.distances[index]
            let owner = scratch.candidateOwners[index]
            if scratch.touchedBy[owner] != stamp {
                scratch.seen[entry] = stamp
                scratch.touchedBy[owner] = stamp
                scratch.touched[touchedCount] = owner
                touchedCount += 1
                scratch.bestDistance[owner] = distance
                scratch.secondDistance[owner] = Int32.max
                scratch.bestEntry[owner] = Int32(entry)
                continue
            }
            guard distance < scratch.secondDistance[owner], scratch.seen[entry] != stamp else { continue }
            scratch.seen[entry] = stamp
            if distance < scratch.bestDistance[owner] {
                scratch.secondDistance[owner] = scratch.bestDistance[owner]
                scratch.bestDistance[owner] = distance
                scratch.bestEntry[owner] = Int32(entry)
            } else if distance < scratch.secondDistance[owner] {
                scratch.secondDistance[owner] = distance
            }
        }
        let maximumDistance = Int32(options.maximumDistance)
        for owner in scratch.touched.prefix(touchedCount) {
            let best = scratch.bestDistance[owner]
            guard best <= maximumDistance else { continue }
            let second = scratch.secondDistance[owner]
            guard second == Int32.max || Double(best) < options.ratio * Double(second) else { continue }
            found(owner, Pair(query: stamp, entry: scratch.bestEntry[owner], distance: best))
        }
    }

    /// RANSAC on one variant's tentative matches; a match when it passes every threshold in `options`.
    func verify(variant: Variant, pairs: [Pair], suspect: FeatureSet) -> GeometricMatch? {
        let points = pairs.map { pair -> Correspondence in
            let reference = variant.keypoints[Int(pair.entry) - variant.firstEntry]
            let found = suspect.keypoints[Int(pair.query)]
            return Correspondence(
                referenceX: Double(reference.x), referenceY: Double(reference.y), suspectX: Double(found.x),
                suspectY: Double(found.y), angleChange: Double(found.angle - reference.angle),
                sizeRatio: Double(found.size / reference.size), tolerance: max(2, 0.1 * Double(found.size)))
        }
        // The inliers are some of the tentative matches: when all of them together are too few, too bunched or in
        // too few cells, no model RANSAC finds can pass, so it is not run (the result is the same).
        // So it is not run either when no model could gather enough of them with orientations and sizes that
        // agree (`RANSAC.mayFindConsensus`): among unrelated features they point every which way.
        let parameters = RANSAC.Parameters()
        guard points.count >= options.minimumInliers, spreadAndCellsPass(points.indices, points, variant),
            RANSAC.mayFindConsensus(of: options.minimumInliers, in: points, parameters: parameters)
        else {
            return nil
        }
        guard
            let (model, inliers) = RANSAC.similarity(
                points, parameters: parameters, seed: Self.seed(id: variant.id, mirrored: variant.mirrored)),
            inliers.count >= options.minimumInliers,
            Double(inliers.count) >= options.minimumInlierRatio * Double(points.count),
            spreadAndCellsPass(inliers, points, variant)
        else { return nil }
        let similarity = AffineTransform(a: model.a, b: -model.b, c: model.b, d: model.a, tx: model.tx, ty: model.ty)
        // Mirrored features are in the mirrored image's coordinates: mirror the registered image first.
        let transform =
            variant.mirrored
            ? AffineTransform(a: -1, b: 0, c: 0, d: 1, tx: Double(variant.width), ty: 0).followed(by: similarity)
            : similarity
        guard
            let region = transform.boundingBox(
                width: variant.width, height: variant.height, clippedTo: (suspect.width, suspect.height))
        else { return nil }
        var degrees = model.rotation * 180 / .pi
        if degrees <= -180 { degrees += 360 }
        return GeometricMatch(
            id: variant.id, inliers: inliers.count, matches: points.count, mirrored: variant.mirrored,
            scale: model.scale, rotationDegrees: degrees, transform: transform, region: region)
    }

    /// Whether the registered side of `points` at `indices` spans `minimumSpread` of the variant's width and height
    /// and falls in at least `minimumCells` cells of a 4 × 4 grid over it.
    func spreadAndCellsPass(
        _ indices: some Collection<Int>, _ points: [Correspondence], _ variant: Variant
    ) -> Bool {
        let xs = indices.map { points[$0].referenceX }
        let ys = indices.map { points[$0].referenceY }
        guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max(),
            maxX - minX >= options.minimumSpread * Double(variant.width),
            maxY - minY >= options.minimumSpread * Double(variant.height)
        else { return false }
        let cells = Set(
            indices.map { index -> Int in
                let column = min(3, max(0, Int(4 * points[index].referenceX / Double(variant.width))))
                let row = min(3, max(0, Int(4 * points[index].referenceY / Double(variant.height))))
                return row * 4 + column
            })
        return cells.count >= options.minimumCells
    }

    /// A RANSAC seed from the id (FNV-1a 64) and the variant, stable across runs and registries.
    static func seed(id: String, mirrored: Bool) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return mirrored ? ~hash : hash
    }
}
