import Imaging
import Matching
import PerceptualHash
import Testing

@testable import Pipeline

@Suite struct SecondLookCodecTests {
    @Test func aSecondLookSurvivesTheStateFileAndDamageIsRefused() throws {
        var hash = PDQHash.zero
        for bit in stride(from: 0, to: 256, by: 3) { hash.setBit(bit) }
        let view = HashedView(
            name: "content-2", kind: .content, region: PixelRect(x: 10, y: 20, width: 300, height: 120), quality: 97,
            dihedral: [.original: hash])
        let look = SecondLook(
            contentViews: [view],
            features: [
                FeatureMatch(image: 3, inliers: 41, mirrored: true, region: PixelRect(x: 1, y: 2, width: 3, height: 4))
            ])
        let text = FingerprintCodec.encode(secondLook: look)
        #expect(FingerprintCodec.decode(secondLook: text) == look)
        #expect(FingerprintCodec.decode(secondLook: "") == SecondLook(contentViews: [], features: []))
        #expect(FingerprintCodec.decode(secondLook: text + "\nview content-3 content 1 2 3") == nil)
        #expect(FingerprintCodec.decode(secondLook: "3 41 1 1 2 3") == nil)
        // A verdict of the previous version (feature lines only) still reads.
        #expect(FingerprintCodec.decode(secondLook: "3 41 1 1 2 3 4")?.features.count == 1)
    }
}
