import Foundation
import PerceptualHash

/// One tentative correspondence between a registered keypoint and a suspect keypoint.
struct Correspondence: Sendable, Hashable {
    var referenceX: Double
    var referenceY: Double
    var suspectX: Double
    var suspectY: Double
    /// Suspect orientation minus reference orientation, radians.
    var angleChange: Double
    /// Suspect keypoint size over reference keypoint size.
    var sizeRatio: Double
    /// Allowed reprojection error for this correspondence, suspect pixels (grows with the suspect keypoint's size).
    var tolerance: Double
}

/// A similarity `q = [[a, −b], [b, a]] p + t`: rotation by atan2(b, a), scale √(a² + b²), then translation.
struct Similarity: Sendable, Hashable {
    let a: Double
    let b: Double
    let tx: Double
    let ty: Double
    /// √(a² + b²), kept: `accepts` runs for every correspondence of every hypothesis.
    let scale: Double
    /// atan2(b, a), radians, kept for the same reason.
    let rotation: Double

    init(a: Double, b: Double, tx: Double, ty: Double) {
        self.a = a
        self.b = b
        self.tx = tx
        self.ty = ty
        scale = (a * a + b * b).squareRoot()
        rotation = atan2(b, a)
    }

    /// The similarity taking `p1 → q1` and `p2 → q2` (complex division), nil when `p1` and `p2` coincide.
    init?(from p1: (Double, Double), _ p2: (Double, Double), to q1: (Double, Double), _ q2: (Double, Double)) {
        guard let (a, b, tx, ty) = Self.solve(from: p1, p2, to: q1, q2) else { return nil }
        self.init(a: a, b: b, tx: tx, ty: ty)
    }

    /// The coefficients of the similarity taking `p1 → q1` and `p2 → q2`, nil when `p1` and `p2` coincide.
    @inline(__always)
    static func solve(
        from p1: (Double, Double), _ p2: (Double, Double), to q1: (Double, Double), _ q2: (Double, Double)
    ) -> (a: Double, b: Double, tx: Double, ty: Double)? {
        let zx = p2.0 - p1.0
        let zy = p2.1 - p1.1
        let wx = q2.0 - q1.0
        let wy = q2.1 - q1.1
        let norm = zx * zx + zy * zy
        guard norm > 1e-9 else { return nil }
        let a = (wx * zx + wy * zy) / norm
        let b = (wy * zx - wx * zy) / norm
        return (a, b, q1.0 - (a * p1.0 - b * p1.1), q1.1 - (b * p1.0 + a * p1.1))
    }

    /// The least-squares similarity over `points` (closed form: centre both sides, then the complex regression
    /// slope; S. Umeyama, "Least-squares estimation of transformation parameters between two point patterns",
    /// IEEE TPAMI 13(4), 1991, without the reflection case). Nil when the reference points coincide.
    init?(fitting points: [Correspondence]) {
        guard points.count >= 2 else { return nil }
        let count = Double(points.count)
        let meanPX = points.reduce(0) { $0 + $1.referenceX } / count
        let meanPY = points.reduce(0) { $0 + $1.referenceY } / count
        let meanQX = points.reduce(0) { $0 + $1.suspectX } / count
        let meanQY = points.reduce(0) { $0 + $1.suspectY } / count
        var norm = 0.0
        var real = 0.0
        var imaginary = 0.0
        for point in points {
            let px = point.referenceX - meanPX
            let py = point.referenceY - meanPY
            let qx = point.suspectX - meanQX
            let qy = point.suspectY - meanQY
            norm += px * px + py * py
            real += px * qx + py * qy
            imaginary += px * qy - py * qx
        }
        guard norm > 1e-9 else { return nil }
        let a = real / norm
        let b = imaginary / norm
        self.init(a: a, b: b, tx: meanQX - (a * meanPX - b * meanPY), ty: meanQY - (b * meanPX + a * meanPY))
    }

    /// Whether `point` agrees with this similarity: its reference keypoint lands within its tolerance, and its
    /// keypoints' orientation change and size ratio agree with the rotation and scale (within `maximumAngle`
    /// radians and a factor `maximumSizeFactor`).
    @inline(__always)
    func accepts(_ point: Correspondence, maximumAngle: Double, maximumSizeFactor: Double) -> Bool {
        let x = a * point.referenceX - b * point.referenceY + tx - point.suspectX
        let y = b * point.referenceX + a * point.referenceY + ty - point.suspectY
        guard x * x + y * y <= point.tolerance * point.tolerance else { return false }
        // Both angles lie in −π...π, so their difference less the rotation lies in −3π...3π.
        var angle = point.angleChange - rotation
        if angle > .pi { angle -= 2 * .pi }
        if angle > .pi { angle -= 2 * .pi }
        if angle < -.pi { angle += 2 * .pi }
        if angle < -.pi { angle += 2 * .pi }
        guard abs(angle) <= maximumAngle else { return false }
        let ratio = point.sizeRatio / scale
        return ratio <= maximumSizeFactor && ratio * maximumSizeFactor >= 1
    }
}

/// RANSAC (M. A. Fischler and R. C. Bolles, "Random sample consensus: a paradigm for model fitting with
/// applications to image analysis and automated cartography", CACM 24(6), 1981) on a similarity from two-point
/// minimal samples, then least-squares refinement on the consensus set (LO-RANSAC in spirit: O. Chum, J. Matas,
/// J. Kittler, "Locally optimized RANSAC", DAGM 2003).
///
/// Deterministic: samples come from `SplitMix64` seeded by the caller. Iterations stop at `maximumIterations`
/// or once a better model than the best so far would have been found with probability 0.999 (the standard
/// adaptive bound k = log(0.001) / log(1 − w²) for inlier fraction w). O(iterations × correspondences).
enum RANSAC {
    struct Parameters: Sendable, Hashable {
        var maximumIterations = 600
        var maximumAngle = 20.0 * .pi / 180
        var maximumSizeFactor = 1.6
        var minimumScale = 0.08
        var maximumScale = 12.0
    }

    /// The best similarity and the indices of its inliers, or nil when no sample gives a plausible model.
    static func similarity(
        _ points: [Correspondence], parameters: Parameters, seed: UInt64
    ) -> (model: Similarity, inliers: [Int])? {
        let count = points.count
        guard count >= 2 else { return nil }
        var random = SplitMix64(seed: seed)
        let turn = TurnFilter(points, maximumAngle: parameters.maximumAngle)
        var best: Similarity?
        var bestCount = 0
        var iterations = parameters.maximumIterations
        var iteration = 0
        while iteration < iterations {
            iteration += 1
            let first = Int(random.next() % UInt64(count))
            var second = Int(random.next() % UInt64(count - 1))
            if second >= first { second += 1 }
            let p = points[first]
            let q = points[second]
            guard
                let (a, b, tx, ty) = Similarity.solve(
                    from: (p.referenceX, p.referenceY), (q.referenceX, q.referenceY), to: (p.suspectX, p.suspectY),
                    (q.suspectX, q.suspectY))
            else { continue }
            // Most samples pair unrelated features, whose orientations disagree with the rotation by far: turn
            // them away before the arctangent the model needs (`accepts` would turn them away too).
            let scale = (a * a + b * b).squareRoot()
            guard scale >= parameters.minimumScale, scale <= parameters.maximumScale,
                turn.mayAgree(first, a: a, b: b, scale: scale), turn.mayAgree(second, a: a, b: b, scale: scale)
            else { continue }
            let model = Similarity(a: a, b: b, tx: tx, ty: ty)
            guard
                model.accepts(
                    p, maximumAngle: parameters.maximumAngle, maximumSizeFactor: parameters.maximumSizeFactor),
                model.accepts(q, maximumAngle: parameters.maximumAngle, maximumSizeFactor: parameters.maximumSizeFactor)
            else { continue }
            var agreeing = 0
            for point in points
            where model.accepts(
                point, maximumAngle: parameters.maximumAngle, maximumSizeFactor: parameters.maximumSizeFactor)
            {
                agreeing += 1
            }
            if agreeing > bestCount {
                bestCount = agreeing
                best = model
                let fraction = Double(agreeing) / Double(count)
                let miss = 1 - fraction * fraction
                if miss <= 1e-12 {
                    iterations = iteration
                } else {
                    let needed = log(0.001) / log(miss)
                    iterations = min(iterations, max(iteration, Int(needed.rounded(.up))))
                }
            }
        }
        guard var model = best else { return nil }
        var inliers = consensus(points, model, parameters)
        // Refine on the consensus set while that does not lose support.
        for _ in 0..<3 {
            guard let refined = Similarity(fitting: inliers.map { points[$0] }),
                refined.scale >= parameters.minimumScale, refined.scale <= parameters.maximumScale
            else { break }
            let refinedInliers = consensus(points, refined, parameters)
            guard refinedInliers.count >= inliers.count else { break }
            let converged = refinedInliers == inliers
            model = refined
            inliers = refinedInliers
            if converged { break }
        }
        return (model, inliers)
    }

    /// False only when no similarity whatever can have `size` or more inliers among `points`, so that RANSAC's
    /// result would be turned away by a caller asking for that many (`FeatureIndex.Options.minimumInliers`).
    ///
    /// A similarity's inliers agree with its rotation within `maximumAngle` and with its scale within
    /// `maximumSizeFactor` (`Similarity.accepts`), so their orientation changes lie within an arc of twice that
    /// angle and the logarithms of their size ratios within twice the logarithm of that factor. Taking each
    /// correspondence in turn as the arc's first (counter-clockwise) end, the correspondences on the arc are sorted
    /// by that logarithm and the fullest window of that width counted: an upper bound on any consensus set's size.
    /// Both windows are widened by 1e-6, far beyond the rounding of either computation (about 1e-15), so "false" is
    /// always right. O(n² + n · k log k) for n correspondences and k on an arc; past `limit` correspondences it
    /// answers "maybe" without looking (the bound is for the many small sets unrelated pictures make).
    static func mayFindConsensus(
        of size: Int, in points: [Correspondence], parameters: Parameters, limit: Int = 64
    ) -> Bool {
        guard points.count >= size else { return false }
        guard points.count <= limit, size > 1 else { return true }
        let margin = 1e-6
        let arc = 2 * parameters.maximumAngle + margin
        let width = 2 * log(parameters.maximumSizeFactor) + margin
        let turns = points.map { $0.angleChange }
        let logRatios = points.map { log($0.sizeRatio) }
        var onArc: [Double] = []
        onArc.reserveCapacity(points.count)
        for first in points.indices {
            onArc.removeAll(keepingCapacity: true)
            for other in points.indices {
                var turn = (turns[other] - turns[first]).truncatingRemainder(dividingBy: 2 * .pi)
                if turn < 0 { turn += 2 * .pi }
                // A turn just under a full circle is the first one again, reached the other way round.
                if turn <= arc || turn >= 2 * .pi - margin { onArc.append(logRatios[other]) }
            }
            guard onArc.count >= size else { continue }
            onArc.sort()
            var low = 0
            for high in onArc.indices {
                while onArc[high] - onArc[low] > width { low += 1 }
                if high - low + 1 >= size { return true }
            }
        }
        return false
    }

    static func consensus(_ points: [Correspondence], _ model: Similarity, _ parameters: Parameters) -> [Int] {
        points.indices.filter {
            model.accepts(
                points[$0], maximumAngle: parameters.maximumAngle, maximumSizeFactor: parameters.maximumSizeFactor)
        }
    }
}

/// A test, without the arctangent, of whether a correspondence's orientation change could agree with a
/// similarity's rotation within `maximumAngle` as `Similarity.accepts` measures it.
///
/// The angle φ between the rotation (a, b) and the orientation change θ has cos φ = (a cos θ + b sin θ) / scale;
/// φ exceeds the limit when that is below cos(limit). The test answers "no" only when it is below by more than
/// 1e-9, which puts φ at least 1e-9 radians past the limit, while the rounding errors of either computation are
/// near 1e-15: "no" is always `accepts`' answer too, and "maybe" leaves the decision to it.
struct TurnFilter {
    /// Per correspondence, cos θ and sin θ of its orientation change.
    let cosines: [Double]
    let sines: [Double]
    /// cos(maximumAngle) less the margin.
    let bound: Double

    init(_ points: [Correspondence], maximumAngle: Double) {
        cosines = points.map { cos($0.angleChange) }
        sines = points.map { sin($0.angleChange) }
        bound = cos(min(.pi, max(0, maximumAngle))) - 1e-9
    }

    /// False only when correspondence `index` surely disagrees with the rotation of `a`, `b` (`scale` > 0).
    @inline(__always)
    func mayAgree(_ index: Int, a: Double, b: Double, scale: Double) -> Bool {
        a * cosines[index] + b * sines[index] >= bound * scale
    }
}
