/// Words around a mark that change what it means: counterfeit cues ("replica", "AAA", "1:1", 高仿) and nominative
/// phrasing that names the brand to say what a product fits ("compatible with", "für", 适用于).
///
/// Phrases are folded like marks (`TextFold`: width, case, confusables, leetspeak, traditional Han) and found with
/// one Aho–Corasick automaton, so `R3PLICA` and `ＡＡＡ` count. Phrases in spaced scripts must stand at word
/// boundaries. *Weak* nominative words ("for", "fits", "для", 用) mean fair use only right next to a mark, which the
/// caller checks (`Cue.placement`); the rest count anywhere in the field.
public struct ContextCueScanner: Sendable {
    /// What a cue suggests.
    public enum Meaning: String, Sendable, Hashable {
        case counterfeit
        case fairUse = "fair-use"
    }

    /// Where a cue must stand to count.
    public enum Placement: Sendable, Hashable {
        /// Anywhere in the field.
        case anywhere
        /// Just before a mark ("for ZOLTA", "für ZOLTA"): at most one word between.
        case beforeMark
        /// Just after a mark ("ZOLTA用", "ZOLTA対応").
        case afterMark
    }

    /// A cue phrase.
    public struct Phrase: Sendable, Hashable {
        public var text: String
        public var meaning: Meaning
        public var placement: Placement
    }

    /// A cue found in a text.
    public struct Cue: Sendable, Hashable {
        /// The phrase as listed (`Phrase.text`), not as written.
        public var phrase: String
        public var meaning: Meaning
        public var placement: Placement
        /// Character offsets in the original text.
        public var span: Range<Int>
    }

    public let phrases: [Phrase]
    private let keys: [[UInt32]]
    private let automaton: AhoCorasick

    public init(phrases: [Phrase] = ContextCueScanner.defaultPhrases) {
        self.phrases = phrases
        keys = phrases.map { Self.stream(Array($0.text)).keys }
        automaton = AhoCorasick(keys)
    }

    /// Every cue in `text`, in text order; overlapping cues keep the longest.
    public func scan(_ text: String) -> [Cue] {
        let characters = Array(text)
        return scan(characters, stream: Self.stream(characters))
    }

    /// Every cue in a text already folded for marks (`FoldedText`), whose kinds and keys it reuses.
    public func scan(_ text: FoldedText) -> [Cue] { scan(text.characters, stream: Self.stream(text)) }

    private func scan(_ characters: [Character], stream: (keys: [UInt32], origins: [Int32])) -> [Cue] {
        let (stream, origins) = stream
        var cues: [Cue] = []
        for match in automaton.matches(in: stream) {
            let phrase = phrases[match.pattern]
            let span = Int(origins[match.start])..<(Int(origins[match.end - 1]) + 1)
            // Digits of a phrase are digits in the text: leetspeak folding must not read `al: L` as `1: 1`.
            let digits = phrase.text.compactMap(\.wholeNumberValue)
            if !digits.isEmpty, characters[span].compactMap(\.wholeNumberValue) != digits { continue }
            let spaced = phrase.text.unicodeScalars.contains {
                !TextFold.script(of: $0).isUnspaced && $0.properties.isAlphabetic
            }
            if spaced {
                if span.lowerBound > 0, TextFold.kind(of: characters[span.lowerBound - 1]).isWordPart { continue }
                if span.upperBound < characters.count, TextFold.kind(of: characters[span.upperBound]).isWordPart {
                    continue
                }
            }
            // A phrase that ends (or starts) in a digit ends there in the text too: `1:1` is not the start of a
            // model's scale `1:18`, nor the end of `21:1`.
            if phrase.text.last?.isNumber == true, span.upperBound < characters.count,
                characters[span.upperBound].isNumber
            {
                continue
            }
            if phrase.text.first?.isNumber == true, span.lowerBound > 0, characters[span.lowerBound - 1].isNumber {
                continue
            }
            if phrase.meaning == .counterfeit, Self.isBatterySize(phrase.text, at: span, in: characters) { continue }
            cues.append(Cue(phrase: phrase.text, meaning: phrase.meaning, placement: phrase.placement, span: span))
        }
        // At one place, the longest phrase, then the one spelt as the text spells it (`réplica` over `replica`).
        func spelt(_ cue: Cue) -> Int { TextFold.exact(String(characters[cue.span])) == cue.phrase ? 0 : 1 }
        let ordered = cues.sorted {
            ($0.span.lowerBound, -$0.span.count, spelt($0)) < ($1.span.lowerBound, -$1.span.count, spelt($1))
        }
        var kept: [Cue] = []
        for cue in ordered where !kept.contains(where: { $0.span.overlaps(cue.span) }) { kept.append(cue) }
        return kept
    }

    /// Words for batteries, in the languages of the cue table: `AAA` beside one is the battery size (`pilhas AAA`,
    /// `AAA batteries`, `AAA电池`), not the counterfeiters' grade.
    static let batteryWords = [
        "batter", "pilha", "pila", "pile", "batterie", "bateria", "baterie", "batterij", "батаре", "элемент", "电池",
        "電池", "乾電池",
    ]

    /// Whether the cue `aaa`/`aaaa` at `span` names a battery size: a battery word within 24 characters of it.
    static func isBatterySize(_ phrase: String, at span: Range<Int>, in characters: [Character]) -> Bool {
        guard phrase == "aaa" || phrase == "aaaa" else { return false }
        let window = String(characters[max(0, span.lowerBound - 24)..<min(characters.count, span.upperBound + 24)])
            .lowercased()
        return batteryWords.contains { window.contains($0) }
    }

    /// `stream(_:)` from a folded text: the same keys, taken from its kinds and keys instead of folding again.
    static func stream(_ text: FoldedText) -> (keys: [UInt32], origins: [Int32]) {
        var keys: [UInt32] = []
        var origins: [Int32] = []
        keys.reserveCapacity(text.characters.count)
        origins.reserveCapacity(text.characters.count)
        var next = 0
        for (index, character) in text.characters.enumerated() {
            switch text.kinds[index] {
            case .space, .invisible:
                if keys.last != 0x20, !keys.isEmpty {
                    keys.append(0x20)
                    origins.append(Int32(index))
                }
            case .punctuation:
                for scalar in character.unicodeScalars {
                    keys.append(scalar.value)
                    origins.append(Int32(index))
                }
            default:
                while next < text.keys.count, text.origins[next] < index { next += 1 }
                while next < text.keys.count, text.origins[next] == index {
                    keys.append(TextFold.coarse(text.keys[next]))
                    origins.append(Int32(index))
                    next += 1
                }
            }
        }
        return (keys, origins)
    }

    /// Folded keys of every character (runs of spaces and invisible characters as one space) and their origins.
    static func stream(_ characters: [Character]) -> (keys: [UInt32], origins: [Int32]) {
        var keys: [UInt32] = []
        var origins: [Int32] = []
        keys.reserveCapacity(characters.count)
        origins.reserveCapacity(characters.count)
        for (index, character) in characters.enumerated() {
            switch TextFold.kind(of: character) {
            case .space, .invisible:
                if keys.last != 0x20, !keys.isEmpty {
                    keys.append(0x20)
                    origins.append(Int32(index))
                }
            case .punctuation:
                for scalar in character.unicodeScalars {
                    keys.append(scalar.value)
                    origins.append(Int32(index))
                }
            default:
                for scalar in character.unicodeScalars {
                    for key in TextFold.keys(of: scalar) {
                        keys.append(TextFold.coarse(key))
                        origins.append(Int32(index))
                    }
                }
            }
        }
        return (keys, origins)
    }
}
