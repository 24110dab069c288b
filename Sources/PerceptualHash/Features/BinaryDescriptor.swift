/// A 256-bit binary descriptor: one bit per intensity comparison of a steered test pair (see `TestPattern`).
///
/// Descriptors are compared by Hamming distance, four 64-bit population counts. Stored as a `SIMD4<UInt64>` so
/// an array of descriptors is one flat, aligned buffer.
public struct BinaryDescriptor: Sendable, Hashable {
    /// The 256 bits, bit `k` of the pattern in lane `k / 64`, bit `k % 64`.
    public var bits: SIMD4<UInt64>

    public init(bits: SIMD4<UInt64>) {
        self.bits = bits
    }

    /// How many of the 256 bits differ.
    @inlinable
    public func distance(to other: BinaryDescriptor) -> Int {
        let difference = bits ^ other.bits
        return difference[0].nonzeroBitCount + difference[1].nonzeroBitCount + difference[2].nonzeroBitCount
            + difference[3].nonzeroBitCount
    }

    /// Bit `index` (0..<256).
    @inlinable
    public func bit(_ index: Int) -> Bool {
        (bits[index >> 6] >> UInt64(index & 63)) & 1 == 1
    }
}
