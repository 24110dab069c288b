import Testing

@testable import TextFingerprint

/// Random text from many scripts, combining marks, joiners, emoji and look-alikes: no crash, and every hit's span
/// lies in the text and reads exactly what the hit says was found.
@Suite struct HostileTextTests {
    static let pieces: [String] = [
        "Z", "O", "L", "T", "A", "z", "o", "l", "t", "a", "0", "1", "4", "@", "|", "!", " ", ".", "-", "\u{200B}",
        "\u{200D}", "\u{301}", "\u{332}", "О", "а", "Ｚ", "Ⓩ", "𝐙", "爱", "愛", "可", "美", "ゾ", "🇩🇪", "👩‍👩‍👧", "ﬁ", "ß",
        "İ", "\u{FEFF}", "\r\n", "\t", "é", "e\u{301}", "한", "ไ", "ا", "\u{202E}",
    ]

    @Test func spansAlwaysReadWhatWasFound() {
        let scanner = WordMarkScanner([
            .init(text: "ZOLTA", exclusions: ["zoltan"]), .init(text: "爱可美"), .init(text: "AL"), .init(text: "TALLOZ"),
        ])
        let cues = ContextCueScanner()
        var state: UInt64 = 99
        for _ in 0..<2_000 {
            var text = ""
            state = TextTokens.mix(state)
            for _ in 0..<Int(state % 40) {
                state = TextTokens.mix(state)
                text += Self.pieces[Int(state % UInt64(Self.pieces.count))]
            }
            let characters = Array(text)
            for hit in scanner.scan(text) {
                #expect(hit.span.lowerBound >= 0 && hit.span.upperBound <= characters.count && !hit.span.isEmpty)
                #expect(String(characters[hit.span]) == hit.found)
            }
            for cue in cues.scan(text) {
                #expect(cue.span.upperBound <= characters.count && !cue.span.isEmpty)
            }
            let tokens = TextTokens(text)
            #expect(tokens.spans.allSatisfy { $0.upperBound <= characters.count && !$0.isEmpty })
        }
    }
}
