import Matching
import PerceptualHash
import Testing

@Suite struct HammingIndexTests {
    /// A deterministic pseudo-random hash.
    static func randomHash(_ random: inout SplitMix64) -> PDQHash {
        PDQHash(limbs: SIMD4(random.next(), random.next(), random.next(), random.next()))
    }

    /// `hash` with `count` bits flipped at positions spread by `seed`.
    static func flipping(_ hash: PDQHash, bits count: Int, seed: Int) -> PDQHash {
        var limbs = hash.limbs
        var flipped: Set<Int> = []
        var position = seed
        while flipped.count < count {
            position = (position * 73 + 41) % 256
            if flipped.insert(position).inserted { limbs[position >> 6] ^= 1 << UInt64(position & 63) }
        }
        return PDQHash(limbs: limbs)
    }

    @Test(arguments: [0, 15, 16, 31, 32, 47])
    func multiIndexFindsExactlyWhatTheScanFinds(radius: Int) {
        var seed = SplitMix64(seed: 7)
        var hashes = (0..<3_000).map { _ in Self.randomHash(&seed) }
        // Planted neighbours at every distance up to 48 from the first hash, including adversarial ones whose
        // differences are spread evenly over the 16 slices.
        for distance in 0...48 { hashes.append(Self.flipping(hashes[0], bits: distance, seed: distance)) }
        var spread = hashes[0].limbs
        for slice in 0..<16 { spread[slice >> 2] ^= 0b11 << UInt64(16 * (slice & 3)) }  // 2 bits in each slice
        hashes.append(PDQHash(limbs: spread))
        let scan = HammingIndex(hashes, multiIndex: false)
        let multi = HammingIndex(hashes, multiIndex: true)
        #expect(multi.usesMultiIndex && !scan.usesMultiIndex)
        for query in [hashes[0], Self.flipping(hashes[0], bits: 5, seed: 99), hashes[1500]] {
            let expected = scan.search(query, within: radius)
            let found = multi.search(query, within: radius)
            #expect(found.map(\.entry) == expected.map(\.entry))
            #expect(found.map(\.distance) == expected.map(\.distance))
        }
        // The spread neighbour is 32 bits away and has no slice within one bit; it is found at radius 47 (two
        // bits a slice), not at 31.
        let spreadEntry = hashes.count - 1
        #expect(multi.search(hashes[0], within: radius).contains { $0.entry == spreadEntry } == (radius >= 32))
    }

    /// The distances come from CHamming's kernels (hardware or baseline population count, chosen at run time);
    /// both search paths must agree with the distance counted bit by bit from its definition.
    @Test(arguments: [false, true])
    func distancesAreTheBitsThatDiffer(multiIndex: Bool) {
        var seed = SplitMix64(seed: 11)
        var hashes = (0..<600).map { _ in Self.randomHash(&seed) }
        for distance in 0...64 { hashes.append(Self.flipping(hashes[3], bits: distance, seed: distance + 1)) }
        hashes.append(PDQHash(limbs: ~hashes[3].limbs))  // 256 bits away
        let index = HammingIndex(hashes, multiIndex: multiIndex)
        func bitByBit(_ a: PDQHash, _ b: PDQHash) -> Int {
            (0..<256).filter { (bit: Int) -> Bool in
                let shift = UInt64(bit & 63)
                let left: UInt64 = (a.limbs[bit >> 6] >> shift) & 1
                let right: UInt64 = (b.limbs[bit >> 6] >> shift) & 1
                return left != right
            }.count
        }
        let radius = multiIndex ? 47 : 256
        let found = index.search(hashes[3], within: radius)
        let expected = hashes.indices.map { ($0, bitByBit(hashes[3], hashes[$0])) }.filter { $0.1 <= radius }
        #expect(found.map(\.entry) == expected.map(\.0))
        #expect(found.map(\.distance) == expected.map(\.1))
        #expect(found.contains { $0.entry == hashes.count - 1 && $0.distance == 256 } == !multiIndex)
    }

    @Test func smallIndexesScanAndLargeOnesProbe() {
        var seed = SplitMix64(seed: 1)
        let small = HammingIndex((0..<10).map { _ in Self.randomHash(&seed) })
        let large = HammingIndex((0...HammingIndex.linearScanLimit).map { _ in Self.randomHash(&seed) })
        #expect(!small.usesMultiIndex && large.usesMultiIndex)
    }
}
