import Testing

@testable import TextFingerprint

@Suite struct WinnowingTests {
    /// Schleimer, Wilkerson and Aiken's guarantee: any shared run of at least w + k − 1 tokens leaves a common
    /// fingerprint, wherever it sits in two otherwise unrelated texts.
    @Test(arguments: [(4, 4), (5, 3), (3, 8)])
    func everySharedRunOfTheGuaranteedLengthIsDetected(k: Int, window: Int) {
        let winnowing = Winnowing(k: k, window: window)
        var numbers = MinHashTests.Numbers(state: UInt64(k * 100 + window))
        for trial in 0..<200 {
            let shared = (0..<winnowing.guaranteedLength).map { _ in numbers.next() }
            let left =
                (0..<(trial % 37)).map { _ in numbers.next() } + shared + (0..<(trial % 11)).map { _ in numbers.next() }
            let right =
                (0..<(trial % 23)).map { _ in numbers.next() } + shared + (0..<(trial % 5)).map { _ in numbers.next() }
            let leftHashes = Set(winnowing.fingerprints(of: left).map(\.hash))
            let rightHashes = Set(winnowing.fingerprints(of: right).map(\.hash))
            #expect(!leftHashes.isDisjoint(with: rightHashes), "trial \(trial)")
        }
    }

    @Test func runsShorterThanKAreNeverMatched() {
        let winnowing = Winnowing(k: 4, window: 4)
        let left: [UInt64] = [1, 2, 3, 10, 11, 12, 13, 14, 15]
        let right: [UInt64] = [1, 2, 3, 20, 21, 22, 23, 24, 25]
        let shared = Set(winnowing.fingerprints(of: left).map(\.hash))
            .intersection(winnowing.fingerprints(of: right).map(\.hash))
        #expect(shared.isEmpty)
    }

    @Test func tokensIgnorePunctuationAndCaseAndSplitHanIntoCharacters() {
        let tokens = TextTokens("Hello, WORLD! 你好世界")
        #expect(tokens.count == 6)
        #expect(tokens.spans == [0..<5, 7..<12, 14..<15, 15..<16, 16..<17, 17..<18])
        #expect(TextTokens("hello world").hashes == Array(tokens.hashes.prefix(2)))
    }
}
