import Foundation
import Imaging
import PerceptualHash
import TestSupport
import Testing

@Suite struct FeatureExtractorTests {
    static let scene = TexturedScenes.scene(seed: 11, width: 400, height: 300)

    @Test func texturedSceneGivesAFullBudgetInsideTheImage() {
        let features = FeatureExtractor.extract(Self.scene, options: .init(maximumFeatures: 300))
        #expect(features.count > 200 && features.count <= 300)
        #expect(features.width == 400 && features.height == 300)
        for keypoint in features.keypoints {
            #expect(keypoint.x >= 0 && keypoint.x < 400 && keypoint.y >= 0 && keypoint.y < 300)
            #expect(keypoint.angle >= -.pi && keypoint.angle <= .pi)
        }
        // The pyramid is used: some features come from coarser levels, with larger patches.
        #expect(Set(features.keypoints.map(\.octave)).count >= 3)
    }

    @Test func extractionIsDeterministic() {
        #expect(FeatureExtractor.extract(Self.scene) == FeatureExtractor.extract(Self.scene))
    }

    @Test func largeInputsReportKeypointsInTheirOwnPixels() {
        let large = Self.scene.resized(width: 1200, height: 900)
        let features = FeatureExtractor.extract(large)
        #expect(features.width == 1200)
        #expect(features.keypoints.contains { $0.x > 900 })
        #expect(features.keypoints.allSatisfy { $0.x < 1200 && $0.y < 900 })
    }

    @Test func plainImageHasNoFeatures() {
        let plain = Image(width: 300, height: 200, format: .rgb, filledWith: [240, 240, 240])
        #expect(FeatureExtractor.extract(plain).count == 0)
    }

    @Test func descriptorsSurviveAShiftButDifferBetweenScenes() {
        var canvas = Image(width: 412, height: 312, format: .rgb, filledWith: [0, 0, 0])
        canvas.place(Self.scene, atX: 12, y: 12)
        let original = FeatureExtractor.extract(Self.scene)
        let shifted = FeatureExtractor.extract(canvas)
        let other = FeatureExtractor.extract(TexturedScenes.scene(seed: 99, width: 400, height: 300))
        func nearest(_ set: FeatureSet) -> [Int] {
            original.descriptors.map { d in set.descriptors.map { d.distance(to: $0) }.min() ?? 256 }.sorted()
        }
        // The same picture moved: most descriptors have a near twin, far nearer than in another picture.
        let moved = nearest(shifted)[original.count / 2]
        #expect(moved <= 12)
        #expect(nearest(other)[original.count / 2] > 2 * moved)
    }

    @Test func serializationRoundTrips() throws {
        let features = FeatureExtractor.extract(Self.scene, options: .init(maximumFeatures: 120))
        let data = features.serialized()
        #expect(data.first == FeatureSet.serializationVersion)
        #expect(data.count == 13 + 53 * features.count)
        #expect(try FeatureSet(serialized: data) == features)
    }

    @Test func damagedBytesGiveTypedErrors() {
        let data = FeatureExtractor.extract(Self.scene, options: .init(maximumFeatures: 20)).serialized()
        #expect(throws: FeatureSetError.truncated(expected: data.count, actual: data.count - 1)) {
            try FeatureSet(serialized: data.dropLast())
        }
        #expect(throws: FeatureSetError.trailingBytes(count: 1)) { try FeatureSet(serialized: data + [0]) }
        var wrongVersion = data
        wrongVersion[0] = 9
        #expect(throws: FeatureSetError.unsupportedVersion(9)) { try FeatureSet(serialized: wrongVersion) }
        #expect(throws: FeatureSetError.truncated(expected: 13, actual: 0)) { try FeatureSet(serialized: Data()) }
    }
}
