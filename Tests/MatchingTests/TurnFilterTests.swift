import Foundation
import PerceptualHash
import Testing

@testable import Matching

/// RANSAC turns samples away with `TurnFilter` before it computes a model's rotation: that may only ever turn
/// away what `Similarity.accepts` would turn away, or RANSAC's results would change.
@Suite struct TurnFilterTests {
    @Test func turnsAwayOnlyWhatAcceptsTurnsAway() {
        var random = SplitMix64(seed: 42)
        func uniform(_ range: ClosedRange<Double>) -> Double {
            range.lowerBound + Double(random.next() >> 11) / Double(1 << 53) * (range.upperBound - range.lowerBound)
        }
        let parameters = RANSAC.Parameters()
        var turnedAway = 0
        var nearTheLimit = 0
        for _ in 0..<200_000 {
            let scale = uniform(0.08...12)
            let rotation = uniform(-Double.pi...Double.pi)
            let a = scale * cos(rotation)
            let b = scale * sin(rotation)
            // Orientation changes as Float differences give them, half of them within a hair of the limit.
            let change: Double
            if random.next() % 2 == 0 {
                let edge = rotation + (random.next() % 2 == 0 ? 1 : -1) * parameters.maximumAngle
                change = Double(Float(edge + uniform(-1e-6...1e-6)))
                nearTheLimit += 1
            } else {
                change = Double(Float(uniform(-2 * Double.pi...2 * Double.pi)))
            }
            // A correspondence the model maps exactly, of a size that agrees: only the angle decides.
            let point = Correspondence(
                referenceX: 10, referenceY: 20, suspectX: a * 10 - b * 20 + 5, suspectY: b * 10 + a * 20 + 7,
                angleChange: change, sizeRatio: scale, tolerance: 2)
            let model = Similarity(a: a, b: b, tx: 5, ty: 7)
            let filter = TurnFilter([point], maximumAngle: parameters.maximumAngle)
            guard !filter.mayAgree(0, a: a, b: b, scale: model.scale) else { continue }
            turnedAway += 1
            #expect(
                !model.accepts(
                    point, maximumAngle: parameters.maximumAngle, maximumSizeFactor: parameters.maximumSizeFactor),
                "rotation \(rotation), change \(change)")
        }
        #expect(turnedAway > 50_000 && nearTheLimit > 50_000)
    }

    @Test func keepsEveryAgreeingSample() {
        let parameters = RANSAC.Parameters()
        for degrees in stride(from: -179.0, through: 179, by: 7) {
            let rotation = degrees * .pi / 180
            let filter = TurnFilter(
                [-19.9, 0, 19.9].map { offset in
                    Correspondence(
                        referenceX: 0, referenceY: 0, suspectX: 0, suspectY: 0,
                        angleChange: rotation + offset * .pi / 180, sizeRatio: 1, tolerance: 2)
                }, maximumAngle: parameters.maximumAngle)
            for index in 0..<3 {
                #expect(filter.mayAgree(index, a: 2 * cos(rotation), b: 2 * sin(rotation), scale: 2))
            }
        }
    }
}
