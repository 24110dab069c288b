import Imaging
import Matching
import PerceptualHash
import TestSupport
import Testing

/// Pins the exact output of `FeatureIndex.verify` (tentative matches, RANSAC and every check after it) on
/// composites, so optimisations of the search cannot change a result: each verification is reduced to an FNV-1a
/// 64 digest of its matches' fields, recorded from the straightforward implementation.
@Suite struct FeatureIndexFingerprintTests {
    static let index = FeatureIndex(
        (1...8).map { seed -> FeatureReference in
            let image =
                seed == 8
                ? TexturedScenes.twoTone(seed: 4, width: 300, height: 300)
                : TexturedScenes.scene(seed: UInt64(seed), width: 260 + 20 * seed, height: 420 - 15 * seed)
            return FeatureReference(id: "ref-\(seed)", luma: image.luma())
        })

    /// FNV-1a 64 of the matches' ids, counts, flags, and the bit patterns of their geometry.
    static func digest(_ matches: [GeometricMatch]) -> UInt64 {
        var words: [UInt64] = []
        for match in matches {
            words += match.id.utf8.map { UInt64($0) }
            words += [UInt64(match.inliers), UInt64(match.matches), match.mirrored ? 1 : 0]
            words += [match.scale.bitPattern, match.rotationDegrees.bitPattern]
            let t = match.transform
            words += [t.a, t.b, t.c, t.d, t.tx, t.ty].map(\.bitPattern)
            words += [match.region.x, match.region.y, match.region.width, match.region.height].map { UInt64($0) }
        }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for word in words {
            for shift in stride(from: 0, to: 64, by: 8) {
                hash ^= (word >> UInt64(shift)) & 0xFF
                hash &*= 0x0000_0100_0000_01B3
            }
        }
        return hash
    }

    @Test func verificationsAreUnchanged() {
        var digests: [UInt64] = []
        var found = 0
        for seed in 1...7 {
            let reference = TexturedScenes.scene(seed: UInt64(seed), width: 260 + 20 * seed, height: 420 - 15 * seed)
            let (composite, _) = TexturedScenes.paste(
                reference, into: TexturedScenes.scene(seed: UInt64(50 + seed), width: 600, height: 450),
                scale: 0.3 + 0.08 * Double(seed), degrees: Double(seed * 3 - 10), mirrored: seed % 3 == 0,
                x: 20 * seed, y: 10 * seed)
            let matches = Self.index.verify(FeatureExtractor.extract(composite, options: .suspect))
            found += matches.count
            digests.append(Self.digest(matches))
        }
        let unrelated = TexturedScenes.scene(seed: 99, width: 500, height: 400)
        digests.append(Self.digest(Self.index.verify(FeatureExtractor.extract(unrelated, options: .suspect))))
        let expected: [UInt64] = [
            0xCBF29CE484222325, 0xA767C1E9F95BBBD9, 0x4C9AA8FCD3779E71, 0xF147BA2C566C317C, 0xF190F6B6612361E0,
            0x9CA70A05A082E6AD, 0xB01F12F97B6D57C4, 0xCBF29CE484222325,
        ]
        #expect(found >= 5)
        #expect(digests == expected, "digests \(digests.map { "0x" + String($0, radix: 16) })")
    }
}
