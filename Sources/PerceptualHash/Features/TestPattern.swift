import Foundation

/// The 256 point pairs the binary descriptor compares, and their rotations.
///
/// BRIEF (M. Calonder et al., "BRIEF: Binary Robust Independent Elementary Features", ECCV 2010) compares the
/// smoothed intensity at pairs of points drawn from an isotropic Gaussian around the keypoint (their pattern G II,
/// σ = S/5 for an S × S patch); ORB (E. Rublee et al., "ORB: an efficient alternative to SIFT or SURF", ICCV 2011)
/// steers the pairs by the keypoint's orientation, with angles quantised to 12° steps. Our pairs are drawn by our
/// own generator (SplitMix64 with a fixed seed, Box–Muller) for a 31-pixel patch, every point within radius 13 so
/// that any rotation stays inside the 15-pixel border, pairs at least 3 pixels apart (a closer pair mostly
/// compares noise). Nothing here comes from OpenCV's table.
enum TestPattern {
    static let pairCount = 256
    /// Steering resolution: 32 angle bins of 11.25°.
    static let angleBins = 32
    static let radius: Double = 13

    /// Candidate pairs drawn by the generator, as `(x1, y1, x2, y2)`; the descriptor uses `selection` of them.
    static let candidates: [(Double, Double, Double, Double)] = {
        var random = SplitMix64(seed: 0x5052_4F4F_464D_524B)
        let sigma = 31.0 / 5
        func point() -> (Double, Double) {
            while true {
                let x = random.nextGaussian() * sigma
                let y = random.nextGaussian() * sigma
                if x * x + y * y <= radius * radius { return (x, y) }
            }
        }
        var pairs: [(Double, Double, Double, Double)] = []
        var seen = Set<[Int]>()
        while pairs.count < candidateCount {
            let first = point()
            let second = point()
            let dx = first.0 - second.0
            let dy = first.1 - second.1
            guard dx * dx + dy * dy >= 9 else { continue }
            let key = [first.0, first.1, second.0, second.1].map { Int($0.rounded()) }
            guard seen.insert(key).inserted else { continue }
            pairs.append((first.0, first.1, second.0, second.1))
        }
        return pairs
    }()

    static let candidateCount = 1024

    /// The pairs the descriptor compares, unrotated.
    static let pairs: [(Double, Double, Double, Double)] = selection.map { candidates[$0] }

    /// Per angle bin, the pairs rotated and rounded to pixel offsets: `[bin][2k]` and `[bin][2k+1]` are pair k's
    /// two points, each as `(dx, dy)`; flattened as `bin × 512 + 2k (+1)`.
    static let rotated: [(dx: Int, dy: Int)] = rotate(pairs)

    /// `pairs` rotated to every angle bin and rounded, flattened as `rotated` is.
    static func rotate(_ pairs: [(Double, Double, Double, Double)]) -> [(dx: Int, dy: Int)] {
        var offsets: [(dx: Int, dy: Int)] = []
        offsets.reserveCapacity(angleBins * pairs.count * 2)
        for bin in 0..<angleBins {
            let angle = Double(bin) * 2 * .pi / Double(angleBins)
            let cosine = cos(angle)
            let sine = sin(angle)
            for (x1, y1, x2, y2) in pairs {
                offsets.append((Int((cosine * x1 - sine * y1).rounded()), Int((sine * x1 + cosine * y1).rounded())))
                offsets.append((Int((cosine * x2 - sine * y2).rounded()), Int((sine * x2 + cosine * y2).rounded())))
            }
        }
        return offsets
    }

    /// The rotated offsets as index deltas in a plane `stride` samples wide.
    static func indexOffsets(stride: Int, rotated: [(dx: Int, dy: Int)] = rotated) -> [Int32] {
        rotated.map { Int32($0.dy * stride + $0.dx) }
    }

    /// Indices into `candidates` of the 256 pairs, learned as ORB learns its pattern (`TestPatternLearning`) from
    /// 13,203 features of 42 photos and product shots (the PDQ conformance photos other than scikit-image's, and
    /// every third image of `Samples/night`), none of which the features benchmark uses.
    static let selection: [Int] = [
        2, 5, 7, 8, 19, 24, 25, 26, 27, 29, 30, 32, 34, 37, 45, 50, 51, 54, 59, 63, 65, 71, 74, 78, 88, 89, 94, 97,
        98, 99, 101, 103, 104, 114, 121, 128, 131, 134, 135, 136, 139, 143, 145, 150, 151, 158, 162, 165, 169, 172,
        174, 186, 192, 194, 205, 210, 214, 215, 219, 224, 230, 233, 243, 245, 249, 250, 251, 257, 258, 261, 262, 268,
        274, 278, 279, 283, 287, 300, 307, 308, 311, 328, 331, 333, 335, 336, 339, 340, 342, 344, 352, 358, 361, 362,
        363, 373, 375, 376, 378, 381, 383, 384, 388, 389, 392, 393, 397, 407, 409, 411, 414, 417, 421, 422, 435, 440,
        444, 452, 455, 457, 459, 465, 470, 475, 477, 483, 484, 489, 495, 501, 504, 511, 512, 513, 529, 531, 535, 539,
        540, 548, 549, 550, 551, 553, 556, 561, 562, 565, 567, 569, 577, 582, 583, 585, 593, 594, 599, 611, 617, 626,
        628, 629, 638, 640, 647, 650, 651, 652, 657, 664, 669, 670, 672, 679, 680, 682, 686, 687, 688, 691, 696, 697,
        699, 700, 704, 706, 711, 719, 724, 726, 729, 730, 736, 737, 742, 746, 748, 755, 762, 763, 769, 775, 777, 799,
        804, 813, 817, 818, 821, 831, 835, 836, 840, 852, 853, 860, 866, 871, 876, 880, 883, 884, 886, 887, 889, 892,
        895, 896, 901, 907, 909, 910, 914, 916, 917, 922, 927, 940, 946, 948, 953, 963, 967, 968, 970, 972, 975, 976,
        987, 994, 1003, 1009, 1010, 1015, 1019, 1022,
    ]

    /// The angle bin nearest `angle` (radians).
    @inline(__always)
    static func bin(for angle: Float) -> Int {
        let turns = angle / (2 * .pi) * Float(angleBins)
        let rounded = Int(turns.rounded())
        return ((rounded % angleBins) + angleBins) % angleBins
    }
}
