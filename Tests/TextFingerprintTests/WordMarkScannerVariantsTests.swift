import Testing

@testable import TextFingerprint

/// Marks declined by case (`WordMarkScanner.isInflected`), written with look-alikes that are not one letter for one
/// (`rn` for `m`, Han characters for katakana) and katakana marks with one edit, all with invented marks.
@Suite struct WordMarkScannerVariantsTests {
    let scanner = WordMarkScanner([
        WordMarkScanner.Mark(text: "КРАВИЛС"),  // 0: Cyrillic, ends in a consonant
        WordMarkScanner.Mark(text: "ЛУМЕРА"),  // 1: Cyrillic, ends in а
        WordMarkScanner.Mark(text: "VELORNA"),  // 2: Latin, ends in a
        WordMarkScanner.Mark(text: "KASTREL"),  // 3: Latin, ends in a consonant
        WordMarkScanner.Mark(text: "DELMAX"),  // 4: with an m
        WordMarkScanner.Mark(text: "STORM VALE"),  // 5: two words, an m
        WordMarkScanner.Mark(text: "ミカルテ"),  // 6: katakana with カ and ル
        WordMarkScanner.Mark(text: "ソラオン"),  // 7: katakana with オ
        WordMarkScanner.Mark(text: "COMET"),  // 8: an ordinary word
        WordMarkScanner.Mark(text: "BRELLO"),  // 9
    ])

    func hits(_ text: String) -> [String] {
        scanner.scan(text).map { "\($0.mark):\($0.found):\($0.how)" }
    }

    @Test(arguments: [
        ("Новинка от КРАВИЛСА: дрель 18V", "0:КРАВИЛС:inflected"),
        ("Дрель Кравилсом не заменишь", "0:Кравилс:inflected"),
        ("Парфюмерная вода Лумеры 50 ml", "1:Лумер:inflected"),
        ("Подарок с ЛУМЕРОЙ внутри", "1:ЛУМЕР:inflected"),
        ("Suszarka od Velorny, nowa", "2:Velorn:inflected"),
        ("Fotel biurowy od Kastrela 4D", "3:Kastrel:inflected"),
        ("Namiot z KASTRELEM", "3:KASTREL:inflected"),
    ])
    func findsMarksDeclinedByCase(text: String, expected: String) {
        #expect(hits(text) == [expected])
    }

    @Test(arguments: [
        "Brellos hiking boots", "Cometa di Halley, poster", "Velornas", "Kravilsky", "КРАВИЛСКИЙ завод", "Lumerian",
    ])
    func leavesNamesAndWordsThatHoldAMarkAlone(text: String) {
        #expect(hits(text).allSatisfy { !$0.hasSuffix(":inflected") })
        #expect(!hits(text).contains { $0.hasPrefix("8:") || $0.hasPrefix("9:") })
    }

    @Test(arguments: [
        ("Delrnax power bank", "4:Delrnax:confusable"),
        ("DELRNAX 20000mAh", "4:DELRNAX:confusable"),
        ("Storrn Vale tent 3000 mm", "5:Storrn Vale:confusable"),
        ("ミ力ルテ 炊飯器 5.5合", "6:ミ力ルテ:confusable"),
        ("ソラ才ン 日焼け止め", "7:ソラ才ン:confusable"),
    ])
    func findsLookalikesThatAreNotOneLetterForOne(text: String, expected: String) {
        #expect(hits(text) == [expected])
    }

    @Test(arguments: [
        ("ミガルテ 炊飯器 IH", "6:ミガルテ:edit"),
        ("【新品】ミカルト 炊飯器", "6:ミカルト:edit"),
        ("ゾラオン 日焼け止め", "7:ゾラオン:edit"),
        ("ｿﾗｵﾝ 日焼け止め", "7:ｿﾗｵﾝ:confusable"),
    ])
    func findsKatakanaMarksThroughOneEdit(text: String, expected: String) {
        #expect(hits(text) == [expected])
    }

    @Test(arguments: ["ミカ 炊飯器", "カナダ旅行", "ポルカドット柄のワンピース", "ソラ 日焼け止め", "ミカル 炊飯器"])
    func leavesOtherKatakanaWordsAlone(text: String) {
        #expect(hits(text) == [])
    }

    @Test(arguments: [("Pella quin 美容液 30 ml", "Pella quin"), ("вода МЕЛА НОРА EDT", "МЕЛА НОРА")])
    func findsAMarkCutIntoTwoRareWords(text: String, found: String) {
        let scanner = WordMarkScanner([WordMarkScanner.Mark(text: "PELLAQUIN"), WordMarkScanner.Mark(text: "МЕЛАНОРА")])
        #expect(scanner.scan(text).map(\.found) == [found])
        #expect(scanner.scan(text).map(\.how) == [.spaced])
    }

    @Test func aStemIsNoMarkWithoutItsEnding() {
        #expect(hits("Л У М Е Р ы").isEmpty)
        #expect(hits("Velorn jacket").allSatisfy { !$0.hasPrefix("2:Velorn:") || $0.hasSuffix(":edit") })
    }

    @Test func lookalikeSpellingsSubstituteOneAtATimeAndAll() {
        #expect(WordMarkScanner.lookalikeSpellings("MIMO") == ["RNIMO", "MIRNO", "RNIRNO"])
        #expect(WordMarkScanner.lookalikeSpellings("ポルカナ") == ["ポ儿カナ", "ポル力ナ", "ポ儿力ナ"])
        #expect(WordMarkScanner.stem("ЛУМЕРА") == "ЛУМЕР" && WordMarkScanner.stem("LUMA") == nil)
    }
}
