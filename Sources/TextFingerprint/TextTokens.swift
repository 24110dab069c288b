/// A text cut into the units that copied-text detection compares: words in spaced scripts, single characters in
/// Han, kana and Hangul, each folded (NFKC, case, traditional to simplified Han) and with its span in the original.
///
/// Punctuation and spacing do not count, so re-wrapping or re-punctuating a copied text changes nothing.
public struct TextTokens: Sendable {
    /// One hash per token (64-bit FNV-1a of its folded keys).
    public let hashes: [UInt64]
    /// Character offsets of each token in the original text.
    public let spans: [Range<Int>]
    /// Whether each token is a single character of an unspaced script.
    public let unspaced: [Bool]

    public init(_ text: String) { self.init(FoldedText(text)) }

    /// The tokens of a folded text (folded once, shared with mark detection).
    public init(_ full: FoldedText) {
        // Leetspeak symbols are word characters for marks, but punctuation for copied text (`world!` is `world`).
        let kept = full.keys.indices.filter { full.kinds[Int(full.origins[$0])] != .symbol }
        let folded = (keys: kept.map { full.keys[$0] }, origins: kept.map { full.origins[$0] }, scripts: full.scripts)
        var hashes: [UInt64] = []
        var spans: [Range<Int>] = []
        var unspaced: [Bool] = []
        var index = 0
        let keys = folded.keys
        let origins = folded.origins
        while index < keys.count {
            let first = Int(origins[index])
            var end = index + 1
            if !folded.scripts[first].isUnspaced {
                while end < keys.count, origins[end] - origins[end - 1] <= 1,
                    !folded.scripts[Int(origins[end])].isUnspaced
                {
                    end += 1
                }
            } else {
                while end < keys.count, origins[end] == origins[index] { end += 1 }
            }
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for key in keys[index..<end] {
                hash = (hash ^ UInt64(TextFold.coarse(key))) &* 0x100_0000_01b3
            }
            hashes.append(hash)
            spans.append(first..<(Int(origins[end - 1]) + 1))
            unspaced.append(folded.scripts[first].isUnspaced)
            index = end
        }
        self.hashes = hashes
        self.spans = spans
        self.unspaced = unspaced
    }

    public var count: Int { hashes.count }

    /// Shingles: one hash per run of `size` consecutive tokens (w-shingling, Broder et al., "Syntactic clustering
    /// of the Web", 1997); a text shorter than `size` tokens has one shingle of all of them.
    public func shingles(size: Int) -> [UInt64] {
        guard !hashes.isEmpty else { return [] }
        let size = min(size, hashes.count)
        var result: [UInt64] = []
        result.reserveCapacity(hashes.count - size + 1)
        for start in 0...(hashes.count - size) {
            var hash: UInt64 = 0x9e37_79b9_7f4a_7c15
            for token in hashes[start..<(start + size)] { hash = Self.mix(hash ^ token) }
            result.append(hash)
        }
        return result
    }

    /// SplitMix64's finaliser: a cheap, well-spread 64-bit mix.
    @inline(__always) public static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
