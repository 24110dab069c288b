/// Spellings of a mark the automaton also looks for: look-alike letters that are not one character for one
/// (`rn` for `m`, a Han character for a katakana letter), and the stem of a mark that changes its last vowel when
/// declined (`Меланоры`, `od Pextory`); and the case endings a mark may take.
extension WordMarkScanner {
    /// Katakana letters and the Han characters written for them: the pairs of UTS #39 (`confusables.txt` gives 力 as
    /// the prototype of カ, 工 of エ, ...) and a few more that look as alike in common fonts (才 for オ, 千 for チ).
    static let kanaLookalikes: [Character: Character] = {
        var pairs: [Character: Character] = [
            "オ": "才", "チ": "千", "ル": "儿", "ヒ": "匕", "ム": "厶", "ク": "勹",
        ]
        for (source, prototype) in TextTables.confusables where (0x30A1...0x30FA).contains(source) {
            guard prototype.count == 1, let katakana = Unicode.Scalar(source), let han = Unicode.Scalar(prototype[0]),
                TextFold.script(of: han) == .han
            else { continue }
            pairs[Character(katakana)] = Character(han)
        }
        return pairs
    }()

    /// Look-alike spellings of a mark: each `m` written `rn` (`Okarnex` for OKAMEX), each katakana letter written
    /// with its Han look-alike (`ポル力ナ` for ポルカナ), one at a time and all at once.
    static func lookalikeSpellings(_ text: String) -> [String] {
        let characters = Array(text)
        var spellings: [String] = []
        func substituted(_ positions: [Int]) -> String {
            var result = ""
            for (index, character) in characters.enumerated() {
                guard positions.contains(index) else {
                    result.append(character)
                    continue
                }
                switch character {
                case "m": result += "rn"
                case "M": result += "RN"
                default: result.append(kanaLookalikes[character] ?? character)
                }
            }
            return result
        }
        let positions = characters.indices.filter {
            characters[$0] == "m" || characters[$0] == "M" || kanaLookalikes[characters[$0]] != nil
        }
        for position in positions { spellings.append(substituted([position])) }
        if positions.count > 1, positions.count <= 4 { spellings.append(substituted(positions)) }
        return spellings
    }

    /// The stem a mark of six letters or more keeps when declined: the mark without its final `a` (Latin) or `а`, `я`
    /// (Cyrillic), as Slavic languages decline such nouns (МЕЛАНОРА → `Меланоры`, PEXTORA → `od Pextory`).
    static func stem(_ text: String) -> String? {
        guard let last = text.last, "aаяAАЯ".contains(last), text.filter(\.isLetter).count >= 6,
            !text.contains(where: { $0.isWhitespace })
        else { return nil }
        return String(text.dropLast())
    }

    /// Case endings of Slavic declension, after a whole mark ending in a consonant (`ТОРВИКСА`, `Торвиксом`,
    /// `od Ottera`, `Cedarem`) and after a stem (`stem`: `Меланоры`, `od Pextory`), by alphabet. A plural or
    /// possessive `s` is no ending here: a mark with an `s` is as often a name of its own (`Brellos` beside BRELLO,
    /// `Zoltans` beside ZOLTA), and `Trellux's` is the mark before punctuation already.
    static let endings: [TextFold.Script: (afterConsonant: Set<String>, stem: Set<String>)] = [
        .latin: (["a", "u", "y", "e", "em", "om", "owi", "ie", "ów", "ach", "ami"], ["y", "i", "ę", "ą", "o", "e"]),
        .cyrillic: (
            ["а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах", "ой", "и", "я", "ю", "ем", "ей"],
            ["ы", "и", "у", "ю", "е", "ой", "ою", "ей", "ам", "ами", "ах"]
        ),
    ]

    static let vowels: Set<Character> = [
        "a", "e", "i", "o", "u", "y", "а", "е", "ё", "и", "о", "у", "ы", "э", "ю", "я",
    ]

    /// Whether the mark found at `span` (or its stem) is followed by a case ending and then a word boundary, making a
    /// word that is no word of a language (`Cometa` is Italian for comet; `Ottera` is OTTER declined), with five
    /// letters or more before the ending.
    func isInflected(_ mark: Prepared, _ text: FoldedText, span: Range<Int>) -> Bool {
        guard span.filter({ text.kinds[$0] == .letter }).count >= 5, let lastIndex = span.last else { return false }
        let script = text.scripts[lastIndex]
        guard let table = Self.endings[script] else { return false }
        var end = span.upperBound
        while end < text.characters.count, end - span.upperBound < 3, text.kinds[end] == .letter,
            text.scripts[end] == script
        {
            end += 1
        }
        guard end > span.upperBound,
            end == text.characters.count || text.kinds[end] != .letter
                || text.scripts[end] != script
        else { return false }
        let ending = TextFold.exact(text.text(span.upperBound..<end))
        let last = Character(TextFold.exact(String(text.characters[lastIndex])))
        let allowed = mark.stem ? table.stem : Self.vowels.contains(last) ? [] : table.afterConsonant
        guard allowed.contains(ending), !TextTables.isKnownWord(TextFold.exact(text.text(span.lowerBound..<end)))
        else { return false }
        return boundaries(text, span: span.lowerBound..<end) != nil
    }
}
