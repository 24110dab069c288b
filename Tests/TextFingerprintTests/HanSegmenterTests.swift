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
        ("コーヒー豆 バリスタ監修", 8..<11, false), ("ユラモの傘", 0..<3, true), ("ﾕﾗﾓの傘", 0..<3, true),
        ("ゆらもの傘", 0..<3, true), ("そよかぜ", 0..<3, false), ("そよかぜの", 0..<3, false), ("キャラメルの", 2..<5, false),
    ])
    func spansKeepToWordsOnlyAtWordBoundaries(text: String, span: Range<Int>, keeps: Bool) {
        let segmenter = HanSegmenter()
        #expect(segmenter.keepsToWords(Array(text), span: span) == keeps)
    }

    @Test func aParticleReadIntoAWordCostsLittleToCutOff() {
        // もの ("thing") outranks も + の by less than a factor of ten; cutting 精致 costs thousands.
        let segmenter = HanSegmenter()
        let cost = segmenter.cutCost(Array("ゆらもの傘"), at: 3)
        #expect(cost > 0 && cost <= HanSegmenter.particleCutTolerance)
        #expect(segmenter.cutCost(Array("精致优雅"), at: 1) > 2)
        #expect(segmenter.cutCost(Array("精致优雅"), at: 2) == 0)
    }

    @Test func theLexiconKnowsCommonWords() {
        #expect(HanSegmenter.isWord("运动鞋") && HanSegmenter.isWord("シューズ"))
        #expect(!HanSegmenter.isWord("爱可美"))
    }
}
