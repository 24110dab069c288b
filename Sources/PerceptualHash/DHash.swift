public import Imaging

/// A 64-bit difference hash (dHash): a cheap companion key to PDQ for exact-ish duplicates.
///
/// The luminance is area-averaged to 9×8; bit 8·r + c is set where sample (c + 1, r) is brighter than (c, r).
/// The hex form puts bit 0 first (most significant digit), as ImageHash prints its `dhash`. Reference: Neal
/// Krawetz, "Kind of Like That" (2013). Cost: one pass over the luminance.
public struct DHash: Sendable, Hashable, CustomStringConvertible {
    /// The 64 bits; bit 0 of the hash is the most significant bit here.
    public var value: UInt64

    /// Wraps 64 bits.
    public init(value: UInt64) { self.value = value }

    /// The dHash of a luminance plane.
    public init(_ luma: LumaPlane) {
        let small = luma.resized(width: 9, height: 8)
        var value: UInt64 = 0
        for row in 0..<8 {
            for column in 0..<8 {
                value <<= 1
                if small.values[row * 9 + column + 1] > small.values[row * 9 + column] { value |= 1 }
            }
        }
        self.value = value
    }

    /// Parses 16 hex digits.
    public init?(hex: some StringProtocol) {
        guard hex.utf8.count == 16, let value = UInt64(hex, radix: 16) else { return nil }
        self.value = value
    }

    /// Differing bits, 0...64.
    public func distance(to other: DHash) -> Int { (value ^ other.value).nonzeroBitCount }

    /// 16 lowercase hex digits.
    public var hex: String { hexDigits(value, count: 16) }

    public var description: String { hex }
}
