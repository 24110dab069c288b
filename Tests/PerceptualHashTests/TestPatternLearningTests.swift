import Foundation
import Imaging
import TestSupport
import Testing

@testable import PerceptualHash

@Suite struct TestPatternLearningTests {
    /// Regenerates `TestPattern.selection` from the images in `$PROOFMARK_LEARN_PATTERN` (prints it).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["PROOFMARK_LEARN_PATTERN"] != nil))
    func learnSelection() throws {
        let folder = try #require(ProcessInfo.processInfo.environment["PROOFMARK_LEARN_PATTERN"])
        var samples: [[UInt64]] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() {
            let luma = try ImageDecoder.decodeLuma(contentsOfFile: (folder as NSString).appendingPathComponent(name))
            samples += TestPatternLearning.candidateOutcomes(luma.luma, options: .init())
        }
        let selection = TestPatternLearning.select(samples)
        print("samples \(samples.count)")
        print("SELECTION", selection.map(String.init).joined(separator: ", "))
    }

    @Test func learnedTestsAreBalancedOnSceneFeatures() {
        // Outcomes of the 256 selected tests over the features of a few scenes: each test should split them.
        var ones = [Int](repeating: 0, count: 256)
        var total = 0
        for seed in UInt64(900)..<UInt64(903) {
            let features = FeatureExtractor.extract(TexturedScenes.scene(seed: seed, width: 400, height: 300))
            for descriptor in features.descriptors {
                total += 1
                for bit in 0..<256 where descriptor.bit(bit) { ones[bit] += 1 }
            }
        }
        let means = ones.map { Double($0) / Double(max(1, total)) }
        let balanced = means.filter { $0 > 0.2 && $0 < 0.8 }.count
        #expect(balanced >= 180, "\(balanced) of 256 tests split the features at least 20/80")
        #expect(TestPattern.selection.count == 256 && Set(TestPattern.selection).count == 256)
    }
}
