public import TextFingerprint

/// A registered word mark as the matcher sees it.
public struct RegisteredMark: Sendable, Hashable {
    public var brand: String
    public var text: String
    public var right: String
    /// Ordinary words or product names that contain the mark and are not it (`Zoltan` for ZOLTA).
    public var exclusions: [String]
    /// The goods its right covers (`Right.goods`): product keywords; empty when the registry gives none.
    public var goods: [String]

    public init(brand: String, text: String, right: String, exclusions: [String] = [], goods: [String] = []) {
        self.brand = brand
        self.text = text
        self.right = right
        self.exclusions = exclusions
        self.goods = goods
    }
}

/// Where a listing stands against the goods a mark's right covers.
public enum GoodsFit: String, Sendable, Hashable {
    /// The right lists no goods.
    case unlisted
    /// The listing names one of the goods.
    case inside
    /// The listing names none of them.
    case outside
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
    /// How it was found: `exact`, `glued`, `spaced`, `confusable`, `leet` or `edit` (`WordMarkScanner.How`).
    public var how: String
    /// A Han or kana hit whose ends cut through a word of the text (致优 inside 精致优雅): weak evidence.
    public var splitsWord: Bool
    /// Whether the mark is made of ordinary words (APPLE, SHELL): on goods its right does not cover, it is weak.
    public var ordinaryWord: Bool
    /// Whether the listing names the goods of the mark's right (`TextMatcher` judges it over every field).
    public var goods: GoodsFit

    public init(
        brand: String, mark: String, right: String, found: String, field: String, span: Range<Int>, how: String,
        splitsWord: Bool = false, ordinaryWord: Bool = false, goods: GoodsFit = .unlisted
    ) {
        self.brand = brand
        self.mark = mark
        self.right = right
        self.found = found
        self.field = field
        self.span = span
        self.how = how
        self.splitsWord = splitsWord
        self.ordinaryWord = ordinaryWord
        self.goods = goods
    }

    /// Weak evidence: a hit cutting through a word, or an ordinary-word mark on goods its right does not cover.
    public var isWeak: Bool { splitsWord || (ordinaryWord && goods == .outside) }
}

/// Finds word marks in any script through their evasions (`WordMarkScanner`: NFKC, case and width folding, UTS #39
/// confusables, leetspeak, separators, one edit, traditional Han), with one automaton for all marks: O(text) per
/// field whatever the number of marks.
public struct WordMarkFinder: Sendable {
    private let marks: [RegisteredMark]
    private let scanner: WordMarkScanner
    /// Per mark, whether it is made of ordinary words.
    private let ordinary: [Bool]

    public init(_ marks: [RegisteredMark]) {
        self.marks = marks
        scanner = WordMarkScanner(marks.map { WordMarkScanner.Mark(text: $0.text, exclusions: $0.exclusions) })
        ordinary = marks.map { CommonWords.isOrdinaryPhrase($0.text) }
    }

    /// Every mark occurrence in `text`, in text order (then by brand and mark for occurrences at one place).
    public func find(in text: String, field: String) -> [MarkMatch] { find(in: FoldedText(text), field: field) }

    /// Every mark occurrence in a folded text (folded once, shared with copy detection).
    public func find(in text: FoldedText, field: String) -> [MarkMatch] {
        scanner.scan(text).map { hit in
            let mark = marks[hit.mark]
            return MarkMatch(
                brand: mark.brand, mark: mark.text, right: mark.right, found: hit.found, field: field, span: hit.span,
                how: hit.how.rawValue, splitsWord: hit.splitsWord, ordinaryWord: ordinary[hit.mark])
        }
        .sorted { ($0.span.lowerBound, $0.brand, $0.mark) < ($1.span.lowerBound, $1.brand, $1.mark) }
    }
}
