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
        let bucketCount = 1 << options.keyBits
        let keyBits = options.keyBits
        var seen = [Int32](repeating: -1, count: descriptors.count)
        var bestDistance = [Int32](repeating: 0, count: variants.count)
        var secondDistance = [Int32](repeating: 0, count: variants.count)
        var bestEntry = [Int32](repeating: 0, count: variants.count)
        var touchedBy = [Int32](repeating: -1, count: variants.count)
        var touched: [Int] = []
        let maximumDistance = Int32(options.maximumDistance)
        let bucketLimit = self.bucketLimit
        let ratio = options.ratio
        keyPositions.withUnsafeBufferPointer { positions in
            descriptors.withUnsafeBufferPointer { registered in
                owners.withUnsafeBufferPointer { owners in
                    bucketStarts.withUnsafeBufferPointer { starts in
                        bucketEntries.withUnsafeBufferPointer { entries in
                            for (queryIndex, query) in suspect.descriptors.enumerated() {
                                let stamp = Int32(queryIndex)
                                touched.removeAll(keepingCapacity: true)
                                for table in 0..<options.tables {
                                    let key = Self.key(
                                        query,
                                        UnsafeBufferPointer(
                                            rebasing: positions[(table * keyBits)..<((table + 1) * keyBits)]))
                                    let startBase = table * (bucketCount + 1)
                                    let entryBase = table * registered.count
                                    for probe in 0...keyBits {
                                        let bucket = probe == 0 ? key : key ^ (1 << (probe - 1))
                                        let first = Int(starts[startBase + bucket])
                                        let last = Int(starts[startBase + bucket + 1])
                                        guard first < last, last - first <= bucketLimit else { continue }
                                        for slot in first..<last {
                                            let entry = Int(entries[entryBase + slot])
                                            guard seen[entry] != stamp else { continue }
                                            seen[entry] = stamp
                                            let distance = Int32(query.distance(to: registered[entry]))
                                            let owner = Int(owners[entry])
                                            if touchedBy[owner] != stamp {
                                                touchedBy[owner] = stamp
                                                touched.append(owner)
                                                bestDistance[owner] = distance
                                                secondDistance[owner] = Int32.max
                                                bestEntry[owner] = Int32(entry)
                                            } else if distance < bestDistance[owner] {
                                                secondDistance[owner] = bestDistance[owner]
                                                bestDistance[owner] = distance
                                                bestEntry[owner] = Int32(entry)
                                            } else if distance < secondDistance[owner] {
                                                secondDistance[owner] = distance
                                            }
                                        }
                                    }
                                }
                                for owner in touched {
                                    let best = bestDistance[owner]
                                    guard best <= maximumDistance else { continue }
                                    let second = secondDistance[owner]
                                    guard second == Int32.max || Double(best) < ratio * Double(second) else { continue }
                                    perVariant[owner].append(
                                        Pair(query: stamp, entry: bestEntry[owner], distance: best))
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
        guard
            let (model, inliers) = RANSAC.similarity(
                points, parameters: RANSAC.Parameters(), seed: Self.seed(id: variant.id, mirrored: variant.mirrored)),
            inliers.count >= options.minimumInliers,
            Double(inliers.count) >= options.minimumInlierRatio * Double(points.count)
        else { return nil }
        let xs = inliers.map { points[$0].referenceX }
        let ys = inliers.map { points[$0].referenceY }
        guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max(),
            maxX - minX >= options.minimumSpread * Double(variant.width),
            maxY - minY >= options.minimumSpread * Double(variant.height)
        else { return nil }
        let cells = Set(
            inliers.map { index -> Int in
                let column = min(3, max(0, Int(4 * points[index].referenceX / Double(variant.width))))
                let row = min(3, max(0, Int(4 * points[index].referenceY / Double(variant.height))))
                return row * 4 + column
            })
        guard cells.count >= options.minimumCells else { return nil }
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
