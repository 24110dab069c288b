import Testing

@testable import TextFingerprint

@Suite struct HanSegmenterTests {
    func words(_ text: String, marks: [String] = []) -> [String] {
        let characters = Array(text)
        let starts = HanSegmenter(extraWords: marks).wordStarts(characters)
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
        #expect(words("精致优雅", marks: ["致优"]) == ["精致", "优雅"])
    }

    @Test func aRegisteredMarkOnItsOwnIsOneWord() {
        #expect(words("新款爱可美运动鞋", marks: ["爱可美"]).contains("爱可美"))
        #expect(words("ルモラランニングシューズ", marks: ["ルモラ"]).first == "ルモラ")
    }

    @Test func traditionalHanSegmentsAsSimplified() {
        #expect(words("精緻優雅") == ["精緻", "優雅"])
    }

    @Test(arguments: [
        ("精致优雅的连衣裙", 1..<3, false), ("精致优雅的连衣裙", 2..<4, true), ("新款爱可美运动鞋", 2..<5, true), ("爱可美", 0..<3, true),
        ("精致 优雅", 1..<4, false), ("ZOLTA爱可美", 5..<8, true),
    ])
    func spansKeepToWordsOnlyAtWordBoundaries(text: String, span: Range<Int>, keeps: Bool) {
        let segmenter = HanSegmenter(extraWords: ["致优", "爱可美"])
        #expect(segmenter.keepsToWords(Array(text), span: span) == keeps)
    }

    @Test func theLexiconKnowsCommonWords() {
        #expect(HanSegmenter.isWord("运动鞋") && HanSegmenter.isWord("シューズ"))
        #expect(!HanSegmenter.isWord("爱可美"))
    }
}
