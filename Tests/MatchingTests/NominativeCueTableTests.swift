import Findings
import Matching
import Testing

@testable import TextFingerprint

/// The nominative cue table (`ContextCueScanner.nominativeCues`): every language says "compatible with", "for",
/// "fits" or "suitable for" and "replacement for", every phrase is found beside a mark, and a fair use without other
/// evidence ranks below every plain use of the mark.
@Suite struct NominativeCueTableTests {
    let matcher = TextMatcher(
        marks: [RegisteredMark(brand: "Vorlex", text: "VORLEX", right: "tm-v")], texts: [])

    func fairUsePhrases(_ title: String) -> [String] {
        matcher.match([("title", title)]).context.filter { $0.cue == "fair-use" }.map(\.phrase)
    }

    func score(_ title: String, _ description: String = "Fast shipping.") -> Double {
        let found = matcher.match([("title", title), ("description", description)])
        var evidence = Evidence(marks: found.marks)
        evidence.copies = found.copies
        evidence.context = found.context
        return Scorer.assess(evidence).score
    }

    @Test(arguments: ContextCueScanner.nominativeCues.map(\.language))
    func everyLanguageSaysEachThing(language: String) throws {
        let cues = try #require(ContextCueScanner.nominativeCues.first { $0.language == language })
        #expect(!cues.compatibleWith.isEmpty)
        #expect(!cues.replacementFor.isEmpty)
        #expect(!(cues.fits + cues.suitableFor + cues.beforeMark + cues.afterMark).isEmpty)
        #expect(!(cues.beforeMark + cues.afterMark + cues.suitableFor).isEmpty)
    }

    /// Each phrase of the table, right before the mark (or, for those written after it, right after), is a fair-use
    /// cue, found at word boundaries and through the fold.
    @Test(arguments: ContextCueScanner.nominativeCues)
    func everyPhraseIsFoundBesideAMark(cues: ContextCueScanner.NominativeCues) {
        for phrase in cues.anywhere + cues.beforeMark {
            let spaced = phrase.unicodeScalars.contains { $0.properties.isAlphabetic && $0.value < 0x2E80 }
            let title = spaced ? "Case \(phrase) VORLEX X2" : "\(phrase)VORLEX X2手机壳"
            #expect(fairUsePhrases(title).contains(phrase), "\(cues.language): \(phrase)")
        }
        for phrase in cues.afterMark {
            #expect(fairUsePhrases("VORLEX\(phrase) ケース").contains(phrase), "\(cues.language): \(phrase)")
        }
    }

    @Test(arguments: [
        "Kabura kompatybilny z VORLEX latarka LED", "Szybka zapasowa pasuje do VORLEX gogle narciarskie",
        "Dyfuzor zamiennik do VORLEX", "Nakładki do VORLEX słuchawki bezprzewodowe",
        "Écran de rechange adapté à VORLEX masque de ski", "Semelles adaptées aux VORLEX chaussures de trail",
        "VORLEX 炊飯器用 内釜【ポイント10倍】", "VORLEX 美容液用 トラベルケース", "VORLEX 日焼け止め用 ポンプ",
        "Hoesje geschikt voor VORLEX X2", "Ремешок, подходит для VORLEX X2",
    ])
    func fairUseRanksBelowEveryPlainUse(title: String) {
        let fairUse = score(title)
        #expect(fairUse > 0 && fairUse <= Scorer.fairUseScoreCap)
        // The weakest plain use: the mark only in the description, through a typo.
        #expect(fairUse < score("Running shoes", "Like Vorlez, only cheaper."))
    }

    @Test(arguments: [
        "VORLEX 男性用 財布", "VORLEX 旅行用 バッグ", "VORLEX 子供用 リュック", "VORLEX连衣裙耐用", "VORLEX 腕時計 実用",
        "Crème adaptée à tous types de peau, sérum VORLEX", "Plecak VORLEX pasuje do wszystkiego",
    ])
    func everydayWordsBesideAMarkAreNoFairUse(title: String) {
        #expect(fairUsePhrases(title).isEmpty)
        #expect(score(title) >= 0.7)
    }
}
