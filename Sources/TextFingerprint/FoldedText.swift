/// A text folded for matching, keeping the way back to the original: every key knows the `Character` it came from.
///
/// Offsets everywhere are `Character` (grapheme cluster) offsets into the original text, as evidence highlights
/// them: a ligature `ﬁ` folds to two keys that both point at one character, a fullwidth letter or a letter with a
/// combining accent to one key, and a zero-width space to none. The *compact* key stream holds the keys of word
/// characters only (letters, digits, leetspeak symbols), so `Z O L T A`, `Z.O.L.T.A` and `Z\u{200B}OLTA` read as
/// `zolta` to the automaton; whether separators inside a match are acceptable is decided afterwards.
public struct FoldedText: Sendable {
    /// The original characters.
    public let characters: [Character]
    /// Per character: its kind, its script (from the first scalar), upper or lower case.
    let kinds: [TextFold.Kind]
    let scripts: [TextFold.Script]
    let cases: [Int8]
    /// Keys of word characters, and the character each came from.
    public let keys: [UInt32]
    public let origins: [Int32]

    /// Folds `text`. With `symbolsSeparate`, leetspeak symbols (`|`, `+`, `!`, `$`, `@`) count as punctuation, for
    /// reading `Z|O|L|T|A` as a spaced-out mark rather than as letters.
    public init(_ text: String, symbolsSeparate: Bool = false) {
        let characters = Array(text)
        self.characters = characters
        var kinds: [TextFold.Kind] = []
        var scripts: [TextFold.Script] = []
        var cases: [Int8] = []
        kinds.reserveCapacity(characters.count)
        scripts.reserveCapacity(characters.count)
        cases.reserveCapacity(characters.count)
        var keys: [UInt32] = []
        var origins: [Int32] = []
        keys.reserveCapacity(characters.count + 8)
        origins.reserveCapacity(characters.count + 8)
        for (index, character) in characters.enumerated() {
            // Most listing text is ASCII: its kinds, cases and keys come from small tables.
            if let ascii = character.asciiValue, ascii < 0x80 {
                var kind = Self.asciiKinds[Int(ascii)]
                if symbolsSeparate, kind == .symbol { kind = .punctuation }
                kinds.append(kind)
                scripts.append(kind == .letter ? .latin : .none)
                cases.append(Self.asciiCases[Int(ascii)])
                if kind.isWordPart, let scalar = character.unicodeScalars.first {
                    for key in TextFold.keys(of: scalar) {
                        keys.append(key)
                        origins.append(Int32(index))
                    }
                }
                continue
            }
            var kind = TextFold.kind(of: character)
            if symbolsSeparate, kind == .symbol { kind = .punctuation }
            kinds.append(kind)
            let first = character.unicodeScalars.first
            scripts.append(first.map(TextFold.script(of:)) ?? .none)
            let properties = first?.properties
            cases.append(properties?.isUppercase == true ? 1 : properties?.isLowercase == true ? -1 : 0)
            guard kind.isWordPart else { continue }
            for scalar in character.unicodeScalars {
                for key in TextFold.keys(of: scalar) where key != 0x20 {
                    keys.append(key)
                    origins.append(Int32(index))
                }
            }
        }
        self.kinds = kinds
        self.scripts = scripts
        self.cases = cases
        self.keys = keys
        self.origins = origins
    }

    static let asciiKinds: [TextFold.Kind] = (0..<128).map { value in
        Unicode.Scalar(value).map { TextFold.kind(of: Character($0)) } ?? .invisible
    }

    static let asciiCases: [Int8] = (0..<128).map { value in
        switch value {
        case 0x41...0x5A: 1
        case 0x61...0x7A: -1
        default: 0
        }
    }

    /// Whether key `index` is the first key of its character.
    func startsCharacter(_ index: Int) -> Bool { index == 0 || origins[index - 1] != origins[index] }

    /// Whether key `index` is the last key of its character.
    func endsCharacter(_ index: Int) -> Bool { index == origins.count - 1 || origins[index + 1] != origins[index] }

    /// The original text of a character range.
    public func text(_ span: Range<Int>) -> String { String(characters[span]) }
}
