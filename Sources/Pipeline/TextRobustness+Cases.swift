import Foundation
import TextFingerprint

/// A generated listing for the text harness.
struct TextCase {
    var fields: [(name: String, text: String)]
    /// What it says, for the report's list of misses.
    var summary: String { fields.map(\.text).joined(separator: " | ") }

    init(title: String, description: String? = nil) {
        fields = [("title", title)]
        if let description { fields.append(("description", description)) }
    }
}

/// Generates the harness's listings: evasions of a mark per family, innocents, fair use and copies, in several
/// languages and scripts, from a deterministic SplitMix64 stream.
struct TextCaseGenerator {
    var state: UInt64
    let wordList: [String]
    static let perFamily = 6

    init(seed: UInt64, wordList: [String]) {
        state = seed
        self.wordList = wordList.filter { $0.count >= 2 }
    }

    mutating func next() -> UInt64 {
        state = TextTokens.mix(state)
        return state
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }

    /// Titles in English, Spanish, German, Russian and Japanese with the mark standing alone.
    static let spacedTemplates = [
        "{m} running shoes men size 42", "New {m} waterproof jacket, black", "Zapatillas {m} hombre talla 42",
        "{m} Laufschuhe Herren Größe 42", "Кроссовки {m} мужские, размер 42", "{m} スニーカー メンズ 27cm",
    ]
    /// Chinese and Japanese titles without spaces.
    static let unspacedTemplates = ["正品{m}运动鞋男款2024新款", "{m}官方旗舰店同步发售", "{m}ランニングシューズ限定モデル"]
    static let cueTemplates = [
        "{m} sneakers AAA replica", "{m}高仿运动鞋一比一", "Zapatillas {m} réplica AAA", "Кроссовки {m} реплика люкс",
        "{m} Replika Sneaker Spiegelqualität", "{m} スーパーコピー スニーカー",
    ]
    static let fairUseTemplates = [
        "Case compatible with {m} Z5", "Protective case for {m} Z5", "Silikonhülle für {m} Z5", "Чехол для {m} Z5",
        "适用于{m} Z5手机壳", "Funda compatible con {m} Z5", "{m} Z5対応 ケース", "Replacement strap for {m} watch",
    ]
    static let homoglyphs: [Character: [Character]] = [
        "a": ["а", "ɑ"], "c": ["с", "ϲ"], "e": ["е"], "i": ["і", "ı"], "o": ["о", "ο", "0"], "p": ["р", "ρ"],
        "x": ["х"], "y": ["у"], "A": ["А", "Α"], "B": ["В", "Β"], "C": ["С"], "E": ["Е", "Ε"], "H": ["Н", "Η"],
        "K": ["К", "Κ"], "M": ["М", "Μ"], "O": ["О", "Ο"], "P": ["Р", "Ρ"], "T": ["Т", "Τ"], "X": ["Х"],
        "S": ["Ѕ"], "I": ["І", "Ι"], "J": ["Ј"], "Z": ["Ζ"], "N": ["Ν"],
    ]
    static let leet: [Character: [String]] = [
        "a": ["4", "@"], "e": ["3"], "i": ["1", "!"], "l": ["1", "|"], "o": ["0"], "s": ["5", "$"], "t": ["7"],
        "b": ["8"], "g": ["9"],
    ]

    func fill(_ template: String, _ mark: String) -> String { template.replacingOccurrences(of: "{m}", with: mark) }

    static func isHan(_ text: String) -> Bool { text.unicodeScalars.contains { TextFold.script(of: $0) == .han } }

    // MARK: - Evasions

    mutating func evasions(of mark: String, family: String) -> [TextCase] {
        let han = Self.isHan(mark)
        var cases: [TextCase] = []
        for index in 0..<Self.perFamily {
            let spaced = Self.spacedTemplates[index % Self.spacedTemplates.count]
            let unspaced = Self.unspacedTemplates[index % Self.unspacedTemplates.count]
            let template = han ? unspaced : spaced
            switch family {
            case "exact":
                let form = han ? mark : pick([mark.uppercased(), Self.titleCased(mark), mark.lowercased()])
                cases.append(TextCase(title: fill(template, form)))
            case "glued":
                guard !han else { continue }
                let forms = [
                    Self.titleCased(mark) + "Pro", "New" + Self.titleCased(mark), "#" + mark.lowercased(),
                    mark.uppercased() + "2024", mark.lowercased() + "Official", mark.uppercased() + "pro",
                ]
                cases.append(TextCase(title: fill(spaced, forms[index % forms.count])))
            case "spaced":
                let separator = [" ", ".", "-", "·", "\u{200B}", "_"][index % 6]
                let letters = mark.filter { !$0.isWhitespace }.map(String.init)
                cases.append(TextCase(title: fill(template, letters.joined(separator: separator))))
            case "confusable":
                guard let spoof = confusable(mark, fullwidth: index % 3 == 2) else { continue }
                cases.append(TextCase(title: fill(template, spoof)))
            case "leet":
                guard let spoof = leetspeak(mark) else { continue }
                cases.append(TextCase(title: fill(template, spoof)))
            case "edit":
                guard !han, mark.filter(\.isLetter).count >= 5, let typo = typo(of: mark, kind: index % 4) else {
                    continue
                }
                cases.append(TextCase(title: fill(spaced, typo)))
            case "han":
                if han {
                    let form = index % 2 == 0 ? TextFold.traditional(mark) : mark
                    cases.append(TextCase(title: fill(unspaced, form)))
                } else {
                    cases.append(TextCase(title: fill(unspaced, pick([mark.uppercased(), Self.titleCased(mark)]))))
                }
            case "description-only":
                let form = index % 2 == 0 ? mark : (leetspeak(mark) ?? confusable(mark, fullwidth: false) ?? mark)
                let description = words(8) + " " + form + " " + words(12)
                cases.append(TextCase(title: words(4), description: description))
            case "cue-laden":
                cases.append(TextCase(title: fill(Self.cueTemplates[index % Self.cueTemplates.count], mark)))
            default:
                continue
            }
        }
        return cases
    }

    static func titleCased(_ mark: String) -> String { mark.prefix(1).uppercased() + mark.dropFirst().lowercased() }

    mutating func confusable(_ mark: String, fullwidth: Bool) -> String? {
        if fullwidth {
            let scalars = mark.unicodeScalars.map { scalar -> Unicode.Scalar in
                guard (0x21...0x7E).contains(scalar.value) else { return scalar }
                return Unicode.Scalar(scalar.value + 0xFEE0) ?? scalar
            }
            let spoof = String(String.UnicodeScalarView(scalars))
            return spoof == mark ? nil : spoof
        }
        var characters = Array(mark)
        let candidates = characters.indices.filter {
            Self.homoglyphs[characters[$0]]?.contains { !$0.isNumber } == true
        }
        guard !candidates.isEmpty else { return nil }
        for _ in 0..<(candidates.count > 2 ? 2 : 1) {
            let position = pick(candidates)
            let choices = Self.homoglyphs[characters[position]]?.filter { !$0.isNumber } ?? []
            if !choices.isEmpty { characters[position] = pick(choices) }
        }
        return String(characters)
    }

    mutating func leetspeak(_ mark: String) -> String? {
        var characters = Array(mark)
        let candidates = characters.indices.filter { Self.leet[Character(characters[$0].lowercased())] != nil }
        guard !candidates.isEmpty else { return nil }
        let position = pick(candidates)
        let replacement = pick(Self.leet[Character(characters[position].lowercased())] ?? ["0"])
        characters.replaceSubrange(position...position, with: Array(replacement))
        if candidates.count > 3, next() % 2 == 0, let second = candidates.first(where: { $0 != position }) {
            characters[second] = Character(pick(Self.leet[Character(characters[second].lowercased())] ?? ["0"]))
        }
        return String(characters)
    }

    /// One edit of kind 0 substitution, 1 deletion, 2 swap of neighbours, 3 doubled letter, inside the mark (not
    /// its first letter), avoiding common words.
    mutating func typo(of mark: String, kind: Int) -> String? {
        let characters = Array(mark)
        for _ in 0..<8 {
            var edited = characters
            let position = 1 + Int(next() % UInt64(max(1, characters.count - 2)))
            switch kind {
            case 0:
                let letters = Array(mark == mark.uppercased() ? "AEIOURSTNL" : "aeiourstnl")
                edited[position] = pick(letters.filter { $0 != characters[position] })
            case 1: edited.remove(at: position)
            case 2:
                guard position + 1 < edited.count else { continue }
                edited.swapAt(position, position + 1)
            default: edited.insert(edited[position], at: position)
            }
            let typo = String(edited)
            if typo != mark, !CommonWords.contains(typo) { return typo }
        }
        return nil
    }

    // MARK: - Innocents, fair use, copies

    mutating func words(_ count: Int) -> String {
        (0..<count).map { _ in pick(wordList) }.joined(separator: " ")
    }

    /// Ordinary words containing a mark, words one edit from it, and ordinary titles and descriptions.
    mutating func innocents(marks: [String]) -> [TextCase] {
        var cases: [TextCase] = []
        for mark in marks where !Self.isHan(mark) {
            let folded = TextFold.exact(mark)
            let containing = wordList.filter { $0.count > folded.count && $0.contains(folded) }.prefix(6)
            let near = wordList.filter { Self.isOneEdit(Array($0), Array(folded)) }.prefix(6)
            for word in containing + near {
                cases.append(TextCase(title: "\(Self.titleCased(word)) \(words(3))"))
                cases.append(TextCase(title: "\(word.uppercased()) \(words(2))"))
            }
        }
        // Ordinary text, without the marks themselves (a mark that is also a word, like JUSTA, is found by design).
        let folded = Set(marks.map(TextFold.exact))
        let ordinary = wordList.filter { !folded.contains($0) }
        for _ in 0..<(120 + 20 * marks.count) {
            func words(_ count: Int) -> String { (0..<count).map { _ in pick(ordinary) }.joined(separator: " ") }
            cases.append(TextCase(title: words(5), description: words(25)))
        }
        return cases
    }

    mutating func fairUse(of mark: String) -> [TextCase] {
        Self.fairUseTemplates.map { TextCase(title: fill($0, mark)) }
    }

    /// The whole text after a seller's line, and a few sentences embedded in the seller's own text.
    mutating func copies(of text: String) -> [TextCase] {
        var sentences: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if ".!?。！？".contains(character) {
                sentences.append(current.trimmingCharacters(in: .whitespacesAndNewlines))
                current = ""
            }
        }
        if !current.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { sentences.append(current) }
        let start = sentences.count > 3 ? sentences.count / 3 : 0
        var excerpt = ""
        for sentence in sentences[start...] {
            excerpt += (excerpt.isEmpty ? "" : " ") + sentence
            if TextTokens(excerpt).count >= 18 { break }
        }
        return [
            TextCase(title: words(4), description: words(6) + ". " + text),
            TextCase(title: words(4), description: words(15) + ". " + excerpt + " " + words(20)),
        ]
    }

    /// One Damerau edit between two character sequences.
    static func isOneEdit(_ word: [Character], _ mark: [Character]) -> Bool {
        guard word != mark, abs(word.count - mark.count) <= 1 else { return false }
        if word.count == mark.count {
            let differences = word.indices.filter { word[$0] != mark[$0] }
            return differences.count == 1
                || (differences.count == 2 && differences[1] == differences[0] + 1
                    && word[differences[0]] == mark[differences[1]] && word[differences[1]] == mark[differences[0]])
        }
        let (long, short) = word.count > mark.count ? (word, mark) : (mark, word)
        return long.indices.contains { Array(long[..<$0]) + long[($0 + 1)...] == short }
    }
}
