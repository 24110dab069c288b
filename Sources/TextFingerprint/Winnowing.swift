/// Winnowing: a local fingerprint selection for finding copied passages (Schleimer, Wilkerson and Aiken,
/// "Winnowing: local algorithms for document fingerprinting", SIGMOD 2003; the algorithm of MOSS).
///
/// Over the hashes of every k-gram of tokens, each window of `window` consecutive hashes contributes its minimum
/// (the rightmost on ties), recorded once per position. The guarantee: any run of at least `window + k − 1` tokens
/// shared by two texts yields at least one common fingerprint; runs shorter than `k` are never matched. Linear in
/// the text's length.
public struct Winnowing: Sendable, Hashable {
    /// The noise threshold k (tokens per k-gram) and the window w.
    public let k: Int
    public let window: Int

    public init(k: Int = 4, window: Int = 4) {
        precondition(k >= 1 && window >= 1, "k and the window are at least 1")
        self.k = k
        self.window = window
    }

    /// The guarantee threshold: a shared run of this many tokens is always detected.
    public var guaranteedLength: Int { window + k - 1 }

    /// The fingerprints of a token sequence: (hash of the k-gram, index of its first token), in position order.
    public func fingerprints(of tokens: [UInt64]) -> [(hash: UInt64, position: Int)] {
        guard tokens.count >= k else { return [] }
        var grams: [UInt64] = []
        grams.reserveCapacity(tokens.count - k + 1)
        for start in 0...(tokens.count - k) {
            var hash: UInt64 = 0x243f_6a88_85a3_08d3
            for token in tokens[start..<(start + k)] { hash = TextTokens.mix(hash ^ token) }
            grams.append(hash)
        }
        var selected: [(hash: UInt64, position: Int)] = []
        var last = -1
        if grams.count <= window {
            if let minimum = grams.indices.min(by: { (grams[$0], -$0) < (grams[$1], -$1) }) {
                selected.append((grams[minimum], minimum))
            }
            return selected
        }
        for start in 0...(grams.count - window) {
            var minimum = start
            for index in start..<(start + window) where grams[index] <= grams[minimum] { minimum = index }
            if minimum != last {
                selected.append((grams[minimum], minimum))
                last = minimum
            }
        }
        return selected
    }
}
