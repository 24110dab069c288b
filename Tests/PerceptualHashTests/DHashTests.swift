import Imaging
import PerceptualHash
import Testing

@Suite struct DHashTests {
    @Test func brighteningToTheRightSetsEveryBit() {
        var pixels: [UInt8] = []
        for _ in 0..<16 { for x in 0..<18 { pixels.append(UInt8(x * 14)) } }
        let hash = DHash(Image(width: 18, height: 16, format: .grey, pixels: pixels).luma())
        #expect(hash.value == .max)
        #expect(hash.hex == "ffffffffffffffff")
    }

    @Test func darkeningToTheRightSetsNoBit() {
        var pixels: [UInt8] = []
        for _ in 0..<8 { for x in 0..<9 { pixels.append(UInt8(250 - x * 20)) } }
        #expect(DHash(Image(width: 9, height: 8, format: .grey, pixels: pixels).luma()).value == 0)
    }

    @Test func hexRoundTripsAndDistanceCounts() throws {
        let a = try #require(DHash(hex: "00000000000000ff"))
        let b = try #require(DHash(hex: "000000000000000f"))
        #expect(a.distance(to: b) == 4)
        #expect(a.hex == "00000000000000ff")
        #expect(DHash(hex: "123") == nil)
    }
}
