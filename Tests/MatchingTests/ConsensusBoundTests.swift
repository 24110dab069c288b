import Foundation
import PerceptualHash
import Testing

@testable import Matching

/// `FeatureIndex` skips RANSAC when `RANSAC.mayFindConsensus` says no similarity can gather enough inliers: that
/// may only ever be said of sets where no model reaches that many, or verifications would change.
@Suite struct ConsensusBoundTests {
    /// Correspondences whose positions every model below maps exactly, so only orientation and size decide, with
    /// orientation changes and size ratios bunched near each other (and so near the windows' edges).
    static func points(_ random: inout SplitMix64, count: Int, a: Double, b: Double) -> [Correspondence] {
        func uniform(_ range: ClosedRange<Double>) -> Double {
            range.lowerBound + Double(random.next() >> 11) / Double(1 << 53) * (range.upperBound - range.lowerBound)
        }
        let centreTurn = uniform(-Double.pi...Double.pi)
        let centreScale = uniform(0.2...4)
        return (0..<count).map { index in
            let x = Double(index * 7 % 97)
            let y = Double(index * 13 % 89)
            return Correspondence(
                referenceX: x, referenceY: y, suspectX: a * x - b * y + 5, suspectY: b * x + a * y + 7,
                angleChange: Double(Float(centreTurn + uniform(-0.8...0.8))),
                sizeRatio: Double(Float(centreScale * exp(uniform(-0.8...0.8)))), tolerance: 2)
        }
    }

    @Test func neverDeniesAConsensusSomeModelHas() {
        var random = SplitMix64(seed: 7)
        let parameters = RANSAC.Parameters()
        var denied = 0
        var allowed = 0
        for _ in 0..<400 {
            let count = 8 + Int(random.next() % 40)
            // Models whose rotation or scale sits exactly at a limit from some correspondence's, and in between.
            let seeds = Self.points(&random, count: count, a: 1, b: 0)
            var models: [(rotation: Double, scale: Double)] = []
            for point in seeds {
                for turn in [-parameters.maximumAngle, 0, parameters.maximumAngle] {
                    for factor in [1 / parameters.maximumSizeFactor, 1, parameters.maximumSizeFactor] {
                        models.append((point.angleChange + turn, point.sizeRatio * factor))
                    }
                }
            }
            for size in [4, 8, 12] {
                var best = 0
                for model in models {
                    let a = model.scale * cos(model.rotation)
                    let b = model.scale * sin(model.rotation)
                    let similarity = Similarity(a: a, b: b, tx: 5, ty: 7)
                    let moved = seeds.map { point -> Correspondence in
                        var point = point
                        point.suspectX = a * point.referenceX - b * point.referenceY + 5
                        point.suspectY = b * point.referenceX + a * point.referenceY + 7
                        return point
                    }
                    best = max(best, RANSAC.consensus(moved, similarity, parameters).count)
                }
                if RANSAC.mayFindConsensus(of: size, in: seeds, parameters: parameters) {
                    allowed += 1
                } else {
                    denied += 1
                    #expect(best < size, "a model has \(best) inliers of \(count), the bound said fewer than \(size)")
                }
            }
        }
        // The test means something only if the bound both denies and allows.
        #expect(denied > 100 && allowed > 100)
    }

    @Test func answersMaybeForLargeSetsAndNoForTooFewPoints() {
        var random = SplitMix64(seed: 3)
        let parameters = RANSAC.Parameters()
        let many = Self.points(&random, count: 200, a: 1, b: 0)
        #expect(RANSAC.mayFindConsensus(of: 8, in: many, parameters: parameters))
        #expect(!RANSAC.mayFindConsensus(of: 8, in: Array(many.prefix(7)), parameters: parameters))
    }
}
