import Testing

@testable import TextFingerprint

@Suite struct WordMarkScannerTests {
    let scanner = WordMarkScanner([
        WordMarkScanner.Mark(text: "ZOLTA", exclusions: ["Zoltan", "zoltarix"]),
        WordMarkScanner.Mark(text: "VINTA"),
        WordMarkScanner.Mark(text: "JUSTA"),
        WordMarkScanner.Mark(text: "爱可美"),
        WordMarkScanner.Mark(text: "NORTH PEAK"),
        WordMarkScanner.Mark(text: "MENTA"),
    ])

    func hits(_ text: String) -> [String] {
        scanner.scan(text).map { "\($0.mark):\($0.found):\($0.span.lowerBound)-\($0.span.upperBound):\($0.how)" }
    }

    @Test(arguments: [
        ("Genuine ZOLTA running shoes", "0:ZOLTA:8-13:exact"),
        ("zolta jacket", "0:zolta:0-5:exact"),
        ("Laufschuhe von Zolta, neu", "0:Zolta:15-20:exact"),
        ("Кроссовки ZOLTA мужские", "0:ZOLTA:10-15:exact"),
        ("ZoltaPro running shoes", "0:Zolta:0-5:glued"),
        ("NewZolta sneakers", "0:Zolta:3-8:glued"),
        ("ZOLTApro sneakers", "0:ZOLTA:0-5:glued"),
        ("Zolta2024 sneakers", "0:Zolta:0-5:glued"),
        ("#zolta sneakers", "0:zolta:1-6:glued"),
        ("#zoltashoes sale", "0:zolta:1-6:glued"),
        ("zoltashoes sale", "0:zolta:0-5:glued"),
        ("#newzolta", "0:zolta:4-9:glued"),
        ("正品ZOLTA运动鞋", "0:ZOLTA:2-7:glued"),
        ("Z O L T A shoes", "0:Z O L T A:0-9:spaced"),
        ("Z.O.L.T.A shoes", "0:Z.O.L.T.A:0-9:spaced"),
        ("Z-O-L-T-A shoes", "0:Z-O-L-T-A:0-9:spaced"),
        ("Z|O|L|T|A shoes", "0:Z|O|L|T|A:0-9:spaced"),
        ("Z+O+L+T+A shoes", "0:Z+O+L+T+A:0-9:spaced"),
        ("Zo\u{200B}lta shoes", "0:Zo\u{200B}lta:0-6:spaced"),
        ("Z\u{041E}LTA shoes", "0:Z\u{041E}LTA:0-5:confusable"),
        ("ＺＯＬＴＡ shoes", "0:ＺＯＬＴＡ:0-5:confusable"),
        ("ⓏⓄⓁⓉⒶ shoes", "0:ⓏⓄⓁⓉⒶ:0-5:confusable"),
        ("𝐙𝐎𝐋𝐓𝐀 shoes", "0:𝐙𝐎𝐋𝐓𝐀:0-5:confusable"),
        ("Z̲O̲L̲T̲A̲ shoes", "0:Z̲O̲L̲T̲A̲:0-5:confusable"),
        ("ＺＯＬＴＡのスニーカー", "0:ＺＯＬＴＡ:0-5:confusable"),
        ("Z O L T A shoes", "0:Z O L T A:0-9:spaced"),
        ("ZOLTA's new shoes", "0:ZOLTA:0-5:exact"),
        ("Z0LTA shoes", "0:Z0LTA:0-5:leet"),
        ("Z0LT@ shoes", "0:Z0LT@:0-5:leet"),
        ("Zolte shoes", "0:Zolte:0-5:edit"),
        ("Zotla shoes", "0:Zotla:0-5:edit"),
        ("Zlta shoes", "0:Zlta:0-4:edit"),
        ("Zoltta shoes", "0:Zoltta:0-6:edit"),
        ("ZoltePro shoes", "0:Zolte:0-5:edit"),
        ("Кроссовки Zоltе", "0:Zоltе:10-15:edit"),
        ("正品爱可美运动鞋", "3:爱可美:2-5:exact"),
        ("正品愛可美運動鞋", "3:愛可美:2-5:confusable"),
        ("North Peak jacket", "4:North Peak:0-10:exact"),
    ])
    func findsEvasion(text: String, expected: String) {
        #expect(hits(text) == [expected])
    }

    @Test(arguments: [
        "vintage leather jacket", "VINTAGE LEATHER", "adjustable strap", "ADJUSTABLE", "Zoltan Kodaly CD",
        "zoltarix gadget", "Zoltans bakery", "Volta battery", "zol tables", "Vintage-Stil Jacke",
        "Винтажная куртка", "justamente esto", "Sachertorte", "#vintagestyle", "#zoltanfans",
        "Zoltán Kodály", "ZOLTAN",
        "la porta di casa", "Mentalität", "Acmeline garden hose", "environmentalists", "supplementation",
    ])
    func leavesOrdinaryWordsAlone(text: String) {
        #expect(hits(text) == [])
    }

    @Test func spansCountCharactersOfTheOriginalText() {
        // The ligature expands under NFKC, the flag is one character of two scalars, é is decomposed.
        let text = "ﬁne 🇩🇪 cafe\u{301} ZOLTA"
        let found = scanner.scan(text)
        #expect(found.map(\.span) == [11..<16])
        #expect(Array(text)[11..<16].map(String.init).joined() == "ZOLTA")
    }
}

@Suite struct WordMarkScannerTypoTests {
    let scanner = WordMarkScanner([
        WordMarkScanner.Mark(text: "ZOLTA"),
        WordMarkScanner.Mark(text: "ORVO9"),
        WordMarkScanner.Mark(text: "Kestrel Peak"),
        WordMarkScanner.Mark(text: "致优"),
        WordMarkScanner.Mark(text: "爱可美"),
        WordMarkScanner.Mark(text: "КАВИРА"),
    ])

    func hits(_ text: String) -> [String] {
        scanner.scan(text).map { "\($0.mark):\($0.found):\($0.how)\($0.splitsWord ? ":weak" : "")" }
    }

    @Test(arguments: [
        ("OEVO9 wireless earbuds", "1:OEVO9:edit"), ("ORV09 earbuds", "1:ORV09:leet"),
        ("Orvo9 earbuds", "1:Orvo9:exact"),
        ("OVRO9 earbuds", "1:OVRO9:edit"), ("Kestrel Leak hiking boots", "2:Kestrel Leak:edit"),
        ("KESTREL PAEK boots", "2:KESTREL PAEK:edit"), ("Kestral Peak jacket", "2:Kestral Peak:edit"),
        ("Zolte X2 sneakers", "0:Zolte:edit"), ("ZolteX2 sneakers", "0:Zolte:edit"),
        ("ZOLTE-X2 sneakers", "0:ZOLTE:edit"),
        ("Zolte2 sneakers", "0:Zolte:edit"), ("OEVO9 Pro earbuds", "1:OEVO9:edit"),
        ("Kestrel Leak X200 boots", "2:Kestrel Leak:edit"), ("Kestrel Leak2 boots", "2:Kestrel Leak:edit"),
        ("OEVO9Pro earbuds", "1:OEVO9:edit"), ("OEVO9X earbuds", "1:OEVO9:edit"), ("ORVO 9 earbuds", "1:ORVO 9:spaced"),
        ("Zolte™ sneakers", "0:Zolte:edit"), ("ZOLTA™ sneakers", "0:ZOLTA:exact"),
        ("Кавира кроссовки", "5:Кавира:exact"),
        ("кавира", "5:кавира:exact"), ("Кавирa", "5:Кавирa:confusable"),
    ])
    func findsTypos(text: String, expected: String) {
        #expect(hits(text) == [expected])
    }

    @Test(arguments: [
        "ORVO8 earbuds", "ORVO99 earbuds", "OEVO8 earbuds", "Kestrel Lake cabin", "Kestrel bird, peak season",
        "Leak Kestrel", "Kestrel Leaks fixed", "total sneakers", "ORVO 8 earbuds", "Kestrel Leaky", "каверна",
    ])
    func leavesOtherWordsAlone(text: String) {
        #expect(hits(text).isEmpty)
    }

    @Test func aHanMarkAcrossTwoWordsIsWeak() {
        #expect(hits("精致优雅连衣裙") == ["3:致优:exact:weak"])
        #expect(hits("精致 优雅 连衣裙") == ["3:致 优:spaced:weak"])
        #expect(hits("新款致优运动鞋") == ["3:致优:exact"])
        #expect(hits("新款爱可美运动鞋") == ["4:爱可美:exact"])
        #expect(hits("正品愛可美運動鞋") == ["4:愛可美:confusable"])
    }
}

@Suite struct WordMarkScannerScriptTests {
    let scanner = WordMarkScanner([
        WordMarkScanner.Mark(text: "リスタ"), WordMarkScanner.Mark(text: "华乐"), WordMarkScanner.Mark(text: "QUINTARO"),
        WordMarkScanner.Mark(text: "LANTERN"), WordMarkScanner.Mark(text: "VINTA"), WordMarkScanner.Mark(text: "そよか"),
    ])

    func hits(_ text: String) -> [String] {
        scanner.scan(text).map { "\($0.mark):\($0.found):\($0.how)" }
    }

    @Test(arguments: [
        ("りすた 腕時計", "0:りすた:confusable"), ("ｿﾖｶ 扇風機", "5:ｿﾖｶ:confusable"), ("【華楽】スピーカー", "1:華楽:confusable"),
        ("QUINTAROSTORE baskets", "2:QUINTARO:glued"), ("LANTERNX2 écouteurs", "3:LANTERN:glued"),
        ("Kissen LANTERNShop", "3:LANTERN:glued"),
    ])
    func findsMarksAcrossScriptsAndCapitals(text: String, expected: String) {
        #expect(hits(text) == [expected])
    }

    @Test(arguments: ["VINTAGE STYLE JACKET", "VINTAGES", "IMPORTANT VINTAX"])
    func leavesWordsInCapitalsAlone(text: String) {
        #expect(hits(text).isEmpty)
    }

    @Test func aKanaMarkInsideAKanaWordIsWeak() {
        let found = scanner.scan("コーヒー豆 バリスタ監修")
        #expect(found.count == 1 && found.allSatisfy(\.splitsWord))
    }
}

/// Marks glued to words in one run of letters, cut once by a space, spaced out over two words, and kana marks before
/// a particle (issue 17's misses on an unseen set, with other marks).
@Suite struct WordMarkScannerGluedTests {
    let scanner = WordMarkScanner([
        WordMarkScanner.Mark(text: "KELVORA"), WordMarkScanner.Mark(text: "ДРАВИКС"),
        WordMarkScanner.Mark(text: "STONE HERON"), WordMarkScanner.Mark(text: "ANCHOR"),
        WordMarkScanner.Mark(text: "TALVENTO"), WordMarkScanner.Mark(text: "TRAVO7"), WordMarkScanner.Mark(text: "爱可美"),
        WordMarkScanner.Mark(text: "ユラモ"), WordMarkScanner.Mark(text: "そよか"), WordMarkScanner.Mark(text: "ラメル"),
    ])

    func hits(_ text: String) -> [String] {
        scanner.scan(text).map { "\($0.mark):\($0.found):\($0.how)\($0.splitsWord ? ":weak" : "")" }
    }

    @Test(arguments: [
        ("newkelvora backpack", "0:kelvora:glued"), ("kelvoraoriginal jacket", "0:kelvora:glued"),
        ("chaqueta kelvoranuevo", "0:kelvora:glued"), ("Kelvoraоригинал куртка", "0:Kelvora:glued"),
        ("Дравиксоригинал дрель", "1:Дравикс:glued"), ("Оригинал оригиналдравикс", "1:дравикс:glued"),
        ("Дравиксновый: дрель", "1:Дравикс:glued"), ("正品stoneheronoriginal外套", "2:stoneheron:glued"),
        ("New StoneHeronofficial jacket", "2:StoneHeron:glued"), ("Anchorпро наушники", "3:Anchor:glued"),
    ])
    func findsMarksGluedToWords(text: String, expected: String) {
        #expect(hits(text) == [expected])
    }

    @Test(arguments: [
        "Anchorage, Alaska", "ANCHORAGE", "anchorman", "kelvoran", "Kelvoras", "the kelvorax", "drawbridge",
    ])
    func leavesWordsHoldingAMarkAlone(text: String) {
        #expect(hits(text).isEmpty)
    }

    @Test(arguments: [
        ("KEL VORA jacket", "0:KEL VORA:spaced"), ("KELV ORA jacket", "0:KELV ORA:spaced"),
        ("TALV ENTO occhiali", "4:TALV ENTO:spaced"), ("TRA VO7 camera", "5:TRA VO7:spaced"),
        ("正品爱 可美运动鞋", "6:爱 可美:spaced"), ("ユラ モの傘 送料無料", "7:ユラ モ:spaced"),
        ("S T O N E H E R O N jacket", "2:S T O N E H E R O N:spaced"),
    ])
    func findsMarksCutOnceBySpace(text: String, expected: String) {
        #expect(hits(text) == [expected])
    }

    @Test(arguments: ["tal vento forte", "un tal vento", "Kel voracious", "an chor"])
    func leavesTwoWordsThatSpellAMarkAlone(text: String) {
        #expect(hits(text).isEmpty)
    }

    @Test(arguments: [
        ("STONE HEORN ジャケット", "2:STONE HEORN:edit"), ("STOME HERON外套", "2:STOME HERON:edit"),
        ("正品STONE HERN外套新款", "2:STONE HERN:edit"),
    ])
    func findsTyposOfTwoWordMarksBesideHanAndKana(text: String, expected: String) {
        #expect(hits(text) == [expected])
    }

    @Test(arguments: [
        ("ユラモの傘 送料無料", "7:ユラモ:exact"), ("ﾕﾗﾓの傘 送料無料", "7:ﾕﾗﾓ:confusable"),
        ("ゆらもの傘 送料無料", "7:ゆらも:confusable"), ("ユ*ラ*モの傘", "7:ユ*ラ*モ:spaced"),
        ("そよかの扇風機", "8:そよか:exact"),
    ])
    func aKanaMarkBeforeAParticleKeepsToWords(text: String, expected: String) {
        #expect(hits(text) == [expected])
    }

    @Test(arguments: [("そよかぜの扇風機", "8:そよか:exact:weak"), ("キャラメルの箱", "9:ラメル:exact:weak")])
    func aKanaMarkInsideAWordStaysWeakBeforeAParticle(text: String, expected: String) {
        #expect(hits(text) == [expected])
    }
}
