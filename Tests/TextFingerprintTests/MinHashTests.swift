import Testing

@testable import TextFingerprint

@Suite struct MinHashTests {
    /// A deterministic generator (SplitMix64) for test sets.
    struct Numbers {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = TextTokens.mix(state)
            return state
        }
    }

    @Test(arguments: [0.1, 0.3, 0.5, 0.8, 1.0])
    func estimatesTheExactJaccardWithinItsStandardError(target: Double) {
        var numbers = Numbers(state: UInt64(target * 1_000))
        let shared = (0..<Int(400 * target)).map { _ in numbers.next() }
        let onlyLeft = (0..<Int(400 * (1 - target) / 2)).map { _ in numbers.next() }
        let onlyRight = (0..<Int(400 * (1 - target) / 2)).map { _ in numbers.next() }
        let left = Set(shared + onlyLeft)
        let right = Set(shared + onlyRight)
        let exact = MinHash.jaccard(left, right)
        let minHash = MinHash(count: 256)
        let estimate = MinHash.similarity(minHash.signature(of: left), minHash.signature(of: right))
        // Standard error √(J(1 − J)/256) ≤ 0.032; four of them.
        #expect(abs(estimate - exact) <= 0.125)
        #expect(abs(exact - target) < 0.02)
    }

    @Test func signaturesAreDeterministic() {
        let elements: [UInt64] = [1, 2, 3, 99]
        #expect(MinHash().signature(of: elements) == MinHash().signature(of: elements.reversed()))
        #expect(MinHash(seed: 1).signature(of: elements) != MinHash(seed: 2).signature(of: elements))
    }
}
