import Imaging
import PerceptualHash
import TestSupport
import Testing

/// Pins the exact output of the feature extractor and the FAST detector, so optimisations of their inner loops
/// cannot change a single keypoint or descriptor bit: each case is reduced to an FNV-1a 64 digest of its
/// serialized features (or corners), recorded from the straightforward implementation.
@Suite struct FeatureFingerprintTests {
    /// FNV-1a 64 of `bytes`.
    static func digest(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// A plane of uniform noise in 0…255 with fractional values, from a seeded LCG, optionally smoothed by
    /// averaging each sample with its right and lower neighbours `passes` times (larger structures, fewer corners).
    static func noise(seed: UInt64, width: Int, height: Int, passes: Int = 0) -> LumaPlane {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 3
        var values = (0..<(width * height)).map { _ -> Float in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(state >> 40) / Float(1 << 24) * 255
        }
        for _ in 0..<passes {
            var next = values
            for y in 0..<(height - 1) {
                for x in 0..<(width - 1) {
                    let index = y * width + x
                    next[index] = (values[index] + values[index + 1] + values[index + width]) / 3
                }
            }
            values = next
        }
        return LumaPlane(width: width, height: height, values: values)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var digest: UInt64
        var maximumFeatures = 500
        var testDescription: String { name }

        var plane: LumaPlane {
            switch name {
            case "scene-400x300": TexturedScenes.scene(seed: 11, width: 400, height: 300).luma()
            case "scene-640x480": TexturedScenes.scene(seed: 12, width: 640, height: 480).luma()
            case "scene-1000x700": TexturedScenes.scene(seed: 13, width: 1000, height: 700).luma()
            case "scene-333x517": TexturedScenes.scene(seed: 14, width: 333, height: 517).luma()
            case "scene-97x61": TexturedScenes.scene(seed: 15, width: 97, height: 61).luma()
            case "scene-45x300": TexturedScenes.scene(seed: 16, width: 45, height: 300).luma()
            case "twotone-300x300": TexturedScenes.twoTone(seed: 4, width: 300, height: 300).luma()
            case "noise-257x190": FeatureFingerprintTests.noise(seed: 1, width: 257, height: 190)
            case "smooth-noise-481x350": FeatureFingerprintTests.noise(seed: 2, width: 481, height: 350, passes: 3)
            default: FeatureFingerprintTests.noise(seed: 3, width: 720, height: 541, passes: 1)
            }
        }
    }

    @Test(arguments: [
        Case(name: "scene-400x300", digest: 0xBD2B0DC9753DAF3C),
        Case(name: "scene-640x480", digest: 0xF5ED99237B892ACA, maximumFeatures: 800),
        Case(name: "scene-1000x700", digest: 0x5C41EC6AE408BF3D),
        Case(name: "scene-333x517", digest: 0x7503968AA06AC94D, maximumFeatures: 800),
        Case(name: "scene-97x61", digest: 0x151B8EAE33D6A8FD),
        Case(name: "scene-45x300", digest: 0x738F93E5A22C62A6),
        Case(name: "twotone-300x300", digest: 0xF32074B0D9A9D58C),
        Case(name: "noise-257x190", digest: 0xDBB8D44C17E249C4, maximumFeatures: 800),
        Case(name: "smooth-noise-481x350", digest: 0xB095F4EC58C892DB),
        Case(name: "noise-720x541", digest: 0xC262AEFE2C743259, maximumFeatures: 800),
    ])
    func extractedFeaturesAreUnchanged(_ fixture: Case) {
        let features = FeatureExtractor.extract(fixture.plane, options: .init(maximumFeatures: fixture.maximumFeatures))
        let digest = Self.digest(features.serialized())
        #expect(digest == fixture.digest, "\(fixture.name): \(features.count) features, digest \(digest)")
    }

    @Test(arguments: [5, 18, 40])
    func fastCornersAreUnchanged(threshold: Int) {
        let expected: [Int: UInt64] = [
            5: 0x22CC0EB6621131F0, 18: 0x231B151A4A2B7539, 40: 0x6CEC234D9F64738C,
        ]
        var bytes: [UInt8] = []
        for (seed, passes) in [(21, 0), (22, 1), (23, 2)] as [(UInt64, Int)] {
            let plane = Self.noise(seed: seed, width: 203, height: 117, passes: passes)
            for border in [3, 5, 16] {
                for corner in FASTDetector.corners(in: plane, threshold: threshold, border: border) {
                    for value in [corner.x, corner.y, corner.score] {
                        withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
                    }
                }
                bytes.append(0xFF)
            }
        }
        let digest = Self.digest(bytes)
        #expect(digest == expected[threshold], "threshold \(threshold): \(bytes.count) bytes, digest \(digest)")
    }
}
