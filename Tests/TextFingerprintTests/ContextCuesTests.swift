import Testing

@testable import TextFingerprint

@Suite struct ContextCuesTests {
    let scanner = ContextCueScanner()

    func cues(_ text: String) -> [String] {
        scanner.scan(text).map { "\($0.meaning.rawValue):\($0.phrase):\($0.span.lowerBound)-\($0.span.upperBound)" }
    }

    @Test(arguments: [
        ("ZOLTA sneakers AAA replica", ["counterfeit:aaa:15-18", "counterfeit:replica:19-26"]),
        ("ZOLTA 1:1 mirror quality", ["counterfeit:1:1:6-9", "counterfeit:mirror quality:10-24"]),
        ("Zapatillas ZOLTA réplica calidad espejo", ["counterfeit:réplica:17-24", "counterfeit:calidad espejo:25-39"]),
        ("ZOLTA Sneaker Replika Spiegelqualität", ["counterfeit:replika:14-21", "counterfeit:spiegelqualität:22-37"]),
        ("Кроссовки ZOLTA люкс копия", ["counterfeit:люкс копия:16-26"]),
        ("ZOLTA运动鞋高仿一比一", ["counterfeit:高仿:8-10", "counterfeit:一比一:10-13"]),
        ("ZOLTA スーパーコピー", ["counterfeit:スーパーコピー:6-13"]),
        ("Case compatible with ZOLTA Z5", ["fair-use:compatible with:5-20"]),
        ("Hülle kompatibel mit ZOLTA Z5", ["fair-use:kompatibel mit:6-20"]),
        ("适用于ZOLTA Z5的手机壳", ["fair-use:适用于:0-3"]),
        ("Funda compatible con ZOLTA", ["fair-use:compatible con:6-20"]),
    ])
    func findsCuesInEveryLanguage(text: String, expected: [String]) {
        #expect(cues(text) == expected)
    }

    @Test func weakNominativeWordsAreLeftToTheirPlacement() {
        let found = scanner.scan("Case for ZOLTA Z5")
        #expect(found.map(\.phrase) == ["for"])
        #expect(found.first?.placement == .beforeMark)
    }

    @Test func cuesStandAtWordBoundaries() {
        #expect(cues("replicable results, aaaah, forever") == [])
        // Digits too: a scale model's 1:18 and a ratio of 21:1 hold no `1:1`.
        #expect(cues("Brass figurine 1:18 scale, gear ratio 21:1") == [])
        #expect(cues("ZOLTA 1:1, 1:1") == ["counterfeit:1:1:6-9", "counterfeit:1:1:11-14"])
    }

    /// `AAA` beside a battery word is the battery size in every language of the table, not a counterfeit grade.
    @Test(arguments: [
        "Plush toy, pilhas AAA inclusas", "Remote, 2 x AAA batteries included", "Zabawka na baterie AAA",
        "Игрушка, батарейки AAA в комплекте", "玩具 需要AAA电池", "Lampe, Batterien: AAA",
    ])
    func aBatterySizeIsNoCue(text: String) {
        #expect(cues(text) == [])
    }
}
