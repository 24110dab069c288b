/// A 256-bit PDQ hash.
///
/// Bit k (k = 16·i + j for DCT row i, column j) is bit k mod 64 of `limbs[k / 64]`. The hex form is the
/// reference's: 64 hex digits, most significant first, i.e. the reference's sixteen 16-bit words from word 15
/// down to word 0.
public struct PDQHash: Sendable, Hashable, CustomStringConvertible {
    /// The bits, least significant limb first.
    public var limbs: SIMD4<UInt64>

    /// A hash from its four 64-bit limbs, least significant first.
    public init(limbs: SIMD4<UInt64>) {
        self.limbs = limbs
    }

    /// The all-zero hash (what the reference returns for images under 5 pixels on a side).
    public static let zero = PDQHash(limbs: .zero)

    /// Parses 64 hex digits in the reference's order; nil for anything else.
    public init?(hex: some StringProtocol) {
        guard hex.utf8.count == 64 else { return nil }
        var limbs = SIMD4<UInt64>.zero
        let characters = Array(hex.utf8)
        for limb in 0..<4 {
            let start = (3 - limb) * 16
            guard let value = UInt64(String(decoding: characters[start..<(start + 16)], as: UTF8.self), radix: 16)
            else { return nil }
            limbs[limb] = value
        }
        self.limbs = limbs
    }

    /// Whether bit `index` (0...255) is set.
    public func bit(_ index: Int) -> Bool {
        (limbs[index >> 6] >> UInt64(index & 63)) & 1 == 1
    }

    /// Sets bit `index` (0...255).
    public mutating func setBit(_ index: Int) {
        limbs[index >> 6] |= 1 << UInt64(index & 63)
    }

    /// The number of differing bits (0...256).
    public func distance(to other: PDQHash) -> Int {
        let difference = limbs ^ other.limbs
        return difference[0].nonzeroBitCount + difference[1].nonzeroBitCount + difference[2].nonzeroBitCount
            + difference[3].nonzeroBitCount
    }

    /// The 64-digit lowercase hex form.
    public var hex: String {
        (0..<4).reversed().map { hexDigits(limbs[$0], count: 16) }.joined()
    }

    public var description: String { hex }
}

/// `value` as exactly `count` lowercase hex digits.
func hexDigits(_ value: UInt64, count: Int) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: max(0, count - digits.count)) + digits
}
