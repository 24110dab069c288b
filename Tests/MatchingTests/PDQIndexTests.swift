import Foundation
import Matching
import PerceptualHash
import Testing

@Suite struct PDQIndexTests {
    static func hash(_ bits: [Int]) -> PDQHash {
        var hash = PDQHash.zero
        for bit in bits { hash.setBit(bit) }
        return hash
    }

    static func image(_ id: String, base: [Int], quality: Int = 100) -> RegisteredImage {
        var dihedral: [PDQVariant: PDQHash] = [:]
        for (index, variant) in PDQVariant.allCases.enumerated() {
            // Variants far apart from each other: each sets a different block of 64 bits.
            dihedral[variant] = hash(base + Array((index * 30)..<(index * 30 + 30)))
        }
        return RegisteredImage(assetID: id, brand: "Acme", right: "tm-1", dihedral: dihedral, quality: quality)
    }

    @Test func closestVariantWinsAndNamesTheTransform() throws {
        let logo = Self.image("logo", base: [250, 251])
        let index = PDQIndex([logo])
        let mirrored = try #require(logo.dihedral[.flipy])
        var suspect = mirrored
        for bit in [1, 2, 3] { suspect.setBit(bit + 240) }  // three bits of re-encoding noise
        let matches = index.matches(for: suspect, quality: 90)
        #expect(matches.count == 1)
        #expect(matches[0].variant == .flipy && matches[0].transformName == "mirror" && matches[0].distance == 3)
    }

    @Test func thresholdAndQualityGateTheMatches() throws {
        let logo = Self.image("logo", base: [])
        let original = try #require(logo.dihedral[.original])
        var far = original
        for bit in 200..<240 { far.setBit(bit) }
        let index = PDQIndex([logo, Self.image("flat", base: [], quality: 0)])
        #expect(index.matches(for: far, quality: 90).isEmpty)
        #expect(index.matches(for: far, quality: 90, threshold: 40).map(\.assetID) == ["logo"])
        #expect(index.matches(for: original, quality: 0).isEmpty)
        #expect(index.matches(for: original, quality: 100).map(\.assetID) == ["logo"])
    }

    @Test func resultsAreOrderedByDistanceThenAsset() {
        let a = Self.image("b-asset", base: [])
        let b = Self.image("a-asset", base: [])
        let c = Self.image("c-asset", base: [255])
        let suspect = a.dihedral[.original] ?? .zero
        let ids = PDQIndex([c, a, b]).matches(for: suspect, quality: 50).map(\.assetID)
        #expect(ids == ["a-asset", "b-asset", "c-asset"])
    }
}
