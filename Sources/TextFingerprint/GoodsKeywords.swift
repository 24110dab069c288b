/// Whether a listing names any of the goods a registration covers (`goods:` of a right in the registry), so that a
/// mark that is also an ordinary word (APPLE, SHELL, DOVE) can be told apart on goods it does not cover.
///
/// Keywords and listing text are compared under the exact fold (NFKC, lower case). In spaced scripts a keyword of
/// several words must appear as consecutive words; each keyword word matches a listing word that equals it, that
/// extends it or that it extends by at most two letters (`shoe`, `shoes`; `zapatilla`, `zapatillas`; `Schuh`,
/// `Schuhe`), or that ends with it when it has five letters or more (German compounds: `Laufschuhe` holds `schuhe`).
/// Keywords in Han or kana are found as substrings. Cost: O(words × keywords) per listing, only for listings that
/// carry a mark of a right with goods; each word's length in characters is counted once (a `String`'s count is
/// O(length)), so most pairs are told apart by their lengths or first letters alone.
public struct GoodsKeywords: Sendable, Hashable {
    /// A word and its length in characters.
    struct Word: Sendable, Hashable {
        let text: String
        let count: Int

        init(_ text: String) {
            self.text = text
            count = text.count
        }
    }

    /// Each keyword's words (exact fold); one entry for a Han or kana keyword, matched as a substring.
    private let keywords: [[Word]]
    private let unspaced: [Bool]
    /// The UTF-8 bytes of each Han or kana keyword (empty for the others).
    private let unspacedBytes: [[UInt8]]

    public init(_ keywords: [String]) {
        var words: [[Word]] = []
        var unspaced: [Bool] = []
        for keyword in keywords {
            let folded = TextFold.exact(keyword)
            let isUnspaced = folded.contains(where: HanSegmenter.isSegmented)
            let parts = isUnspaced ? [folded.filter { !$0.isWhitespace }] : Self.words(folded)
            guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty }) else { continue }
            words.append(parts.map(Word.init))
            unspaced.append(isUnspaced)
        }
        self.keywords = words
        self.unspaced = unspaced
        unspacedBytes = zip(words, unspaced).map { $1 ? Array($0[0].text.utf8) : [] }
    }

    public var isEmpty: Bool { keywords.isEmpty }

    /// A listing's fields folded once for every right's goods.
    public struct Listing: Sendable {
        /// Each field's UTF-8 bytes (exact fold), for the Han and kana keywords.
        let bytes: [[UInt8]]
        let words: [[Word]]

        public init(_ texts: [String]) {
            let folded = texts.map(TextFold.exact)
            bytes = folded.map { Array($0.utf8) }
            words = folded.map { GoodsKeywords.words($0).map(Word.init) }
        }
    }

    /// Whether any of `texts` (a listing's fields) names one of the goods.
    public func named(in texts: [String]) -> Bool { named(in: Listing(texts)) }

    /// Whether a listing, folded once, names one of the goods.
    public func named(in listing: Listing) -> Bool {
        let words = listing.words
        for (index, (keyword, isUnspaced)) in zip(keywords, unspaced).enumerated() {
            if isUnspaced {
                // Byte search over UTF-8: a Han or kana keyword starts and ends on whole scalars.
                let needle = unspacedBytes[index]
                if listing.bytes.contains(where: { Self.contains($0, needle) }) { return true }
                continue
            }
            for fieldWords in words where fieldWords.count >= keyword.count {
                for start in 0...(fieldWords.count - keyword.count)
                where zip(keyword, fieldWords[start...]).allSatisfy({ Self.matches($0, $1) }) {
                    return true
                }
            }
        }
        return false
    }

    /// Whether `haystack` holds `needle` (naive search: keywords are a few characters long).
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return needle.isEmpty }
        var start = 0
        while start <= haystack.count - needle.count {
            if haystack[start] == first {
                var offset = 1
                while offset < needle.count, haystack[start + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            start += 1
        }
        return false
    }

    /// Letters and digits between anything else.
    static func words(_ text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    static func matches(_ keyword: Word, _ word: Word) -> Bool {
        if keyword.count == word.count, keyword.text == word.text { return true }
        let (shorter, longer) = keyword.count <= word.count ? (keyword, word) : (word, keyword)
        if shorter.count >= 3, longer.count - shorter.count <= 2, longer.text.hasPrefix(shorter.text) { return true }
        return keyword.count >= 5 && word.count > keyword.count && word.text.hasSuffix(keyword.text)
    }
}
