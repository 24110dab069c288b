/// The generated data tables (`Generated/`, made by `Scripts/generate_text_tables.py`), parsed once on first use.
///
/// Swift initialises `static let` lazily and exactly once, from any thread, so the parsed tables are shared by every
/// matcher without a lock.
enum TextTables {
    /// UTS #39 prototypes: source scalar → prototype scalars (Unicode's `confusables.txt`).
    static let confusables: [UInt32: [UInt32]] = {
        var table: [UInt32: [UInt32]] = [:]
        table.reserveCapacity(6_400)
        for line in confusablesTable.split(separator: "\n") {
            let fields = line.split(separator: " ").compactMap { UInt32($0, radix: 16) }
            guard fields.count >= 2 else { continue }
            table[fields[0]] = Array(fields.dropFirst())
        }
        return table
    }()

    /// Traditional → simplified Han characters (OpenCC `t2s`, one character to one).
    static let hanSimplified: [UInt32: UInt32] = {
        var table: [UInt32: UInt32] = [:]
        table.reserveCapacity(4_300)
        for line in hanVariantsTable.split(separator: "\n") {
            let fields = line.split(separator: " ").compactMap { UInt32($0, radix: 16) }
            guard fields.count == 2 else { continue }
            table[fields[0]] = fields[1]
        }
        return table
    }()

    /// Common words of the languages listings are written in, NFKC and case folded.
    static let commonWords: Set<String> = Set(commonWordsTable.split(separator: "\n").map(String.init))

    /// Less frequent words of four to twelve letters (the top 50,000 per language beyond `commonWords`), decoded
    /// from their front-coded table: for the one-edit guard only.
    static let rareWords: Set<String> = {
        var words = Set<String>()
        words.reserveCapacity(200_000)
        var previous: [Unicode.Scalar] = []
        for entry in rareWordsTable.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            var scalars = entry.unicodeScalars[...]
            guard let code = scalars.popFirst(), let shared = Int(String(code), radix: 36), shared <= previous.count
            else { continue }
            let word = Array(previous[..<shared]) + scalars
            words.insert(String(String.UnicodeScalarView(word)))
            previous = word
        }
        return words
    }()

    /// Whether an exact-folded word is a word of a language (common or rare): an edit landing on it is that word.
    static func isKnownWord(_ folded: String) -> Bool { commonWords.contains(folded) || rareWords.contains(folded) }
}

/// The shipped list of common words (wordfreq, nine languages), used to tell an ordinary word from a misspelt mark.
public enum CommonWords {
    /// Every word, sorted.
    public static var all: [String] { TextTables.commonWords.sorted() }

    /// Whether `word` (any case, any Unicode form) is a common word.
    public static func contains(_ word: String) -> Bool {
        TextTables.commonWords.contains(TextFold.exact(word))
    }

    /// Whether every word of `phrase` is a word of a language (APPLE, SHELL, WOLKE, ЛАСТОЧКА, "Blue Bird"): one of
    /// the 50,000 most frequent of en, es, de, fr, it, pt or ru, or, in Han and kana, of the segmentation lexicon.
    public static func isOrdinaryPhrase(_ phrase: String) -> Bool {
        let words = TextFold.exact(phrase).split { !$0.isLetter }
        guard !words.isEmpty else { return false }
        return words.allSatisfy { word in
            TextTables.isKnownWord(String(word))
                || (word.allSatisfy(HanSegmenter.isSegmented) && HanSegmenter.isWord(String(word)))
        }
    }
}
