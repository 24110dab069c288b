import Imaging

/// How `TestPattern.selection` is learned, following ORB §4.3 (Rublee et al. 2011): steered tests on real
/// keypoints are biased (the intensity centroid makes one side of the patch brighter), so keep tests whose
/// outcome is closest to a coin toss, greedily, each less correlated than a bound with every test kept; raise the
/// bound until 256 are kept. Run by `TestPatternLearningTests` on a folder of training images when
/// `PROOFMARK_LEARN_PATTERN` names it; the printed indices are pasted into `TestPattern.selection`.
enum TestPatternLearning {
    /// For every feature the extractor keeps in `luma`, the outcomes of all `TestPattern.candidates`, steered, one
    /// bit per candidate (16 words).
    static func candidateOutcomes(_ luma: LumaPlane, options: FeatureExtractor.Options) -> [[UInt64]] {
        let (levels, budgets) = FeatureExtractor.pyramid(
            FeatureExtractor.workingPlane(luma, options: options), options: options)
        let rotated = TestPattern.rotate(TestPattern.candidates)
        let count = TestPattern.candidates.count
        var outcomes: [[UInt64]] = []
        for (level, budget) in zip(levels, budgets) where budget > 0 {
            let smoothed = level.boxSmoothed()
            let offsets = TestPattern.indexOffsets(stride: level.width, rotated: rotated)
            for corner in level.orientedCorners(budget: budget, options: options) {
                let centre = corner.y * level.width + corner.x
                let base = TestPattern.bin(for: corner.angle) * count * 2
                var words = [UInt64](repeating: 0, count: count / 64)
                for test in 0..<count {
                    let first = smoothed[centre + Int(offsets[base + 2 * test])]
                    let second = smoothed[centre + Int(offsets[base + 2 * test + 1])]
                    if first < second { words[test / 64] |= 1 << UInt64(test % 64) }
                }
                outcomes.append(words)
            }
        }
        return outcomes
    }

    /// The greedy selection over `samples` (each the candidate outcomes of one training feature).
    static func select(_ samples: [[UInt64]], count wanted: Int = TestPattern.pairCount) -> [Int] {
        let candidates = TestPattern.candidates.count
        let total = samples.count
        guard total > 1 else { return Array(0..<wanted) }
        // Per candidate, its outcomes over all samples, packed: a column of the sample × test matrix.
        let words = (total + 63) / 64
        var columns = [[UInt64]](repeating: [UInt64](repeating: 0, count: words), count: candidates)
        for (sample, outcome) in samples.enumerated() {
            for test in 0..<candidates where (outcome[test / 64] >> UInt64(test % 64)) & 1 == 1 {
                columns[test][sample / 64] |= 1 << UInt64(sample % 64)
            }
        }
        let means = columns.map { Double($0.reduce(0) { $0 + $1.nonzeroBitCount }) / Double(total) }
        let bias: [Double] = means.map { abs($0 - 0.5) }
        let order = (0..<candidates).sorted { (left: Int, right: Int) -> Bool in
            bias[left] != bias[right] ? bias[left] < bias[right] : left < right
        }
        func correlation(_ a: Int, _ b: Int) -> Double {
            var both = 0
            for word in 0..<words { both += (columns[a][word] & columns[b][word]).nonzeroBitCount }
            let joint = Double(both) / Double(total)
            let spread = (means[a] * (1 - means[a]) * means[b] * (1 - means[b])).squareRoot()
            return spread > 0 ? (joint - means[a] * means[b]) / spread : 1
        }
        var bound = 0.2
        while true {
            var chosen: [Int] = []
            for candidate in order where chosen.count < wanted {
                if chosen.allSatisfy({ abs(correlation(candidate, $0)) < bound }) { chosen.append(candidate) }
            }
            if chosen.count == wanted || bound >= 1 { return chosen.sorted() }
            bound += 0.05
        }
    }
}
