/// A registered word mark as the matcher sees it.
public struct RegisteredMark: Sendable, Hashable {
    public var brand: String
    public var text: String
    public var right: String

    public init(brand: String, text: String, right: String) {
        self.brand = brand
        self.text = text
        self.right = right
    }
}

/// A word mark found in a listing's text.
public struct MarkMatch: Sendable, Hashable {
    public var brand: String
    public var mark: String
    public var right: String
    /// What the listing actually says there.
    public var found: String
    /// `title`, `description`, ...
    public var field: String
    /// Character offsets in the field's original text.
    public var span: Range<Int>
    /// How it was found; this first matcher only finds `exact` (whole word, any case).
    public var how: String

    public init(
        brand: String, mark: String, right: String, found: String, field: String, span: Range<Int>, how: String
    ) {
        self.brand = brand
        self.mark = mark
        self.right = right
        self.found = found
        self.field = field
        self.span = span
        self.how = how
    }
}

/// Finds word marks as whole words, ignoring case, in any script.
///
/// The first matcher of the nightly run. A mark matches where the text has the same characters, each compared
/// case-folded on its own (so offsets map one to one onto the original text), and is not part of a longer word:
/// the characters on either side are not letters or digits. Marks written in scripts without spaces between words
/// (Han, kana, Thai, ...) match anywhere. The text-evidence issue replaces this with normalisation (NFKC,
/// confusables, leet, separators) and an automaton behind the same interface. O(text × marks × mark length).
public struct WordMarkFinder: Sendable {
    private struct Prepared: Sendable {
        let mark: RegisteredMark
        let folded: [String]
        let needsBoundaries: Bool
    }

    private let marks: [Prepared]

    public init(_ marks: [RegisteredMark]) {
        self.marks = marks.compactMap { mark in
            let folded = mark.text.map(Self.fold)
            guard !folded.isEmpty else { return nil }
            let unspaced = mark.text.unicodeScalars.contains { Self.isUnspacedScript($0) }
            return Prepared(mark: mark, folded: folded, needsBoundaries: !unspaced)
        }
    }

    /// Every mark occurrence in `text`, in text order (then by brand and mark for occurrences at one place).
    public func find(in text: String, field: String) -> [MarkMatch] {
        let characters = Array(text)
        let folded = characters.map(Self.fold)
        var found: [MarkMatch] = []
        for prepared in marks {
            let length = prepared.folded.count
            guard length <= folded.count else { continue }
            for start in 0...(folded.count - length) where folded[start] == prepared.folded[0] {
                guard (1..<length).allSatisfy({ folded[start + $0] == prepared.folded[$0] }) else { continue }
                if prepared.needsBoundaries {
                    if start > 0, Self.isWordCharacter(characters[start - 1]) { continue }
                    if start + length < characters.count, Self.isWordCharacter(characters[start + length]) { continue }
                }
                found.append(
                    MarkMatch(
                        brand: prepared.mark.brand, mark: prepared.mark.text, right: prepared.mark.right,
                        found: String(characters[start..<(start + length)]), field: field,
                        span: start..<(start + length), how: "exact"))
            }
        }
        return found.sorted { ($0.span.lowerBound, $0.brand, $0.mark) < ($1.span.lowerBound, $1.brand, $1.mark) }
    }

    private static func fold(_ character: Character) -> String { String(character).lowercased() }

    private static func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber }

    /// Scripts written without spaces between words, where a mark inside a run of letters is still a mark.
    private static func isUnspacedScript(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: true  // kana, Han
        case 0x0E00...0x0E7F, 0x0E80...0x0EFF, 0x1000...0x109F, 0x1780...0x17FF: true  // Thai, Lao, Myanmar, Khmer
        default: false
        }
    }
}
