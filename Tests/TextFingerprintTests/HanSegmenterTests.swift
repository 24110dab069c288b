import Testing

@testable import TextFingerprint

@Suite struct HanSegmenterTests {
    func words(_ text: String) -> [String] {
        let characters = Array(text)
        let starts = HanSegmenter().wordStarts(characters)
        var words: [String] = []
        var start = 0
        for index in 1...characters.count where starts[index] {
            words.append(String(characters[start..<index]))
            start = index
        }
        return words
    }

    @Test func ordinaryWordsAreKeptWhole() {
        #expect(words("精致优雅") == ["精致", "优雅"])
        #expect(words("时尚雅痞").prefix(1) == ["时尚"])
    }

    @Test func aCoinedMarkOnItsOwnStandsBetweenWords() {
        #expect(words("新款爱可美运动鞋").first == "新款" && words("新款爱可美运动鞋").last == "运动鞋")
        #expect(words("ルモラランニングシューズ").suffix(2) == ["ランニング", "シューズ"])
    }

    @Test func traditionalHanSegmentsAsSimplified() {
        #expect(words("精緻優雅") == ["精緻", "優雅"])
    }

    @Test(arguments: [
        ("精致优雅的连衣裙", 1..<3, false), ("精致优雅的连衣裙", 2..<4, true), ("新款爱可美运动鞋", 2..<5, true), ("爱可美", 0..<3, true),
        ("精致 优雅", 1..<4, false), ("ZOLTA爱可美", 5..<8, true), ("时尚雅痞运动鞋", 1..<3, false),
        ("コーヒー豆 バリスタ監修", 8..<11, false),
    ])
    func spansKeepToWordsOnlyAtWordBoundaries(text: String, span: Range<Int>, keeps: Bool) {
        let segmenter = HanSegmenter()
        #expect(segmenter.keepsToWords(Array(text), span: span) == keeps)
    }

    @Test func theLexiconKnowsCommonWords() {
        #expect(HanSegmenter.isWord("运动鞋") && HanSegmenter.isWord("シューズ"))
        #expect(!HanSegmenter.isWord("爱可美"))
    }
}
