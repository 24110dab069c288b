/// Word boundaries in Han and kana text, which is written without spaces: maximum-probability segmentation over a
/// word-frequency lexicon (`Generated/SegmentationLexicon.swift`, from wordfreq's Chinese and Japanese lists).
///
/// A run of Han and kana characters is cut into the sequence of words whose product of unigram probabilities is the
/// highest (the dynamic programme over the run's word lattice that jieba and MeCab's unigram mode use; Sproat et
/// al., "A stochastic finite-state word-segmentation algorithm for Chinese", Computational Linguistics 22(3), 1996).
/// A character the lexicon does not know is a word of its own at a Zipf value of 1 (once per 100 million words), so
/// known words are always preferred.
///
/// Registered marks are coined words the lexicon does not hold, so the text is segmented *without* them: a mark
/// written on its own (`新款爱可美运动鞋`: 新款 | 爱 | 可 | 美 | 运动鞋) keeps to the word boundaries around it, while a
/// mark that straddles words (致优 in 精致优雅: 精致 | 优雅; 尚雅 in 时尚雅痞: 时尚 | 雅 | 痞) cuts through one. Giving
/// the mark a frequency of its own instead makes the verdict hang on that guess: wordfreq's Chinese list, tokenised
/// by jieba, rates single characters highly (时 at Zipf 6.2), so a mark beside one beats the word it cuts.
///
/// Cost: O(n × L) hash lookups for a run of n characters and a longest word of L characters (capped at 8). Characters
/// are folded as for matching (traditional to simplified Han, UTS #39 prototypes), so the lexicon and the text agree.
public struct HanSegmenter: Sendable {
    private let longest: Int

    /// A segmenter over the shipped lexicon (parsed on first use).
    public init() {
        longest = TextTables.segmentationLexicon.longest
    }

    /// Words longer than this are not looked up.
    static let longestWord = 8

    /// Whether a character is segmented: Han or kana (Hangul is written with spaces between words).
    public static func isSegmented(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        let script = TextFold.script(of: scalar)
        return script == .han || script == .kana
    }

    /// The word starts of `run` (characters of one unspaced run): `result[i]` is true when a word starts at
    /// character `i`; `result[run.count]` is true (the run's end).
    public func wordStarts(_ run: [Character]) -> [Bool] {
        let back = lattice(run.map(Self.unit)[...]).back
        var starts = [Bool](repeating: false, count: run.count + 1)
        starts[run.count] = true
        var end = run.count
        while end > 0 {
            end = back[end]
            starts[end] = true
        }
        return starts
    }

    /// The best log10 probability of every prefix of `units` (`best[i]` for the first i units), and the start of the
    /// last word of each best prefix.
    private func lattice(_ units: ArraySlice<UInt64>) -> (best: [Float], back: [Int]) {
        let count = units.count
        var best = [Float](repeating: -.infinity, count: count + 1)
        var back = [Int](repeating: 0, count: count + 1)
        best[0] = 0
        let lexicon = TextTables.segmentationLexicon.words
        let first = units.startIndex
        for start in 0..<count where best[start] > -.infinity {
            var hash = Self.seed
            for end in (start + 1)...min(count, start + longest) {
                hash = Self.step(hash, units[first + end - 1])
                var probability = lexicon[hash]
                if probability == nil, end == start + 1 { probability = Self.unknownZipf - 9 }
                guard let probability else { continue }
                let score = best[start] + probability
                if score > best[end] {
                    best[end] = score
                    back[end] = start
                }
            }
        }
        return (best, back)
    }

    /// How much less probable `run` becomes when a word must end at `edge`: the best segmentation's log10
    /// probability minus the best one cut there (a cut splits the lattice, so that is the best of each side). Zero
    /// when the best segmentation already cuts there.
    func cutCost(_ run: [Character], at edge: Int) -> Float {
        let units = run.map(Self.unit)
        let whole = lattice(units[...]).best[units.count]
        let left = lattice(units[..<edge]).best[edge]
        let right = lattice(units[edge...]).best[units.count - edge]
        return max(0, whole - (left + right))
    }

    /// The most a cut before or after a particle may cost (log10) and still count as a word boundary: a particle
    /// read into the word beside it (みらくもの傘 segments as み | らく | もの | 傘, もの "thing" beating も + の by
    /// 0.4), where cutting through a real word (精致 | 优雅 cut after 精) costs two orders of magnitude or more.
    static let particleCutTolerance: Float = 1

    /// Hiragana case particles, which follow a noun (の, が, を, に, へ, と, で, や, も, は).
    static let particles: Set<Character> = ["の", "が", "を", "に", "へ", "と", "で", "や", "も", "は"]

    /// Whether the characters `span` of `characters` keep to word boundaries: each end of the span that lies inside
    /// a Han or kana run must fall where the run's segmentation puts a word boundary. Two kinds of edge count as
    /// boundaries besides: a change between katakana and hiragana (ミラクモの傘: a katakana word, then a particle), and
    /// a particle outside the edge whose cut costs at most `particleCutTolerance` (みらくもの傘, the mark in
    /// hiragana). A word a mark cuts otherwise stays cut (そよかぜ for そよか: ぜ is no particle).
    public func keepsToWords(_ characters: [Character], span: Range<Int>) -> Bool {
        guard !span.isEmpty else { return true }
        for edge in [span.lowerBound, span.upperBound] {
            // The edge splits a run only if segmented characters stand on both sides of it.
            guard edge > 0, edge < characters.count, Self.isSegmented(characters[edge - 1]),
                Self.isSegmented(characters[edge]), !Self.changesKana(characters, at: edge)
            else { continue }
            var start = edge - 1
            while start > 0, Self.isSegmented(characters[start - 1]) { start -= 1 }
            var end = edge + 1
            while end < characters.count, Self.isSegmented(characters[end]) { end += 1 }
            let run = Array(characters[start..<end])
            guard !wordStarts(run)[edge - start] else { continue }
            let outside = edge == span.lowerBound ? characters[edge - 1] : characters[edge]
            guard Self.particles.contains(outside), cutCost(run, at: edge - start) <= Self.particleCutTolerance else {
                return false
            }
        }
        return true
    }

    /// Whether katakana meets hiragana at `edge` (the prolonged sound mark ー and the iteration marks count as the
    /// kana before them).
    static func changesKana(_ characters: [Character], at edge: Int) -> Bool {
        func kind(_ index: Int) -> Int? {
            var index = index
            while index >= 0 {
                guard let value = characters[index].unicodeScalars.first?.value else { return nil }
                switch value {
                case 0x30FC, 0xFF70, 0x309D, 0x309E, 0x30FD, 0x30FE: index -= 1
                case 0x3041...0x3096: return 0
                case 0x30A1...0x30FA, 0x31F0...0x31FF, 0xFF66...0xFF9D: return 1
                default: return nil
                }
            }
            return nil
        }
        guard let before = kind(edge - 1), let after = kind(edge) else { return false }
        return before != after
    }

    /// Whether the lexicon holds `word` (folded as for matching).
    public static func isWord(_ word: String) -> Bool {
        let units = Array(word).map(unit)
        return !units.isEmpty && TextTables.segmentationLexicon.words[hash(units[...])] != nil
    }

    /// A character unknown to the lexicon counts as a word seen once per 100 million words.
    static let unknownZipf: Float = 1

    /// One character's folded keys, hashed.
    static func unit(_ character: Character) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for scalar in character.unicodeScalars {
            for key in TextFold.keys(of: scalar) { hash = (hash ^ UInt64(key)) &* 0x100_0000_01b3 }
        }
        return hash
    }

    static let seed: UInt64 = 0x9e37_79b9_7f4a_7c15

    @inline(__always) static func step(_ hash: UInt64, _ unit: UInt64) -> UInt64 { TextTokens.mix(hash ^ unit) }

    static func hash(_ units: ArraySlice<UInt64>) -> UInt64 { units.reduce(seed, step) }
}

extension TextTables {
    /// The segmentation lexicon: log10 probabilities by hashed folded word, and the longest word's length.
    static let segmentationLexicon: (words: [UInt64: Float], longest: Int) = {
        var words: [UInt64: Float] = [:]
        words.reserveCapacity(45_000)
        var longest = 0
        for line in segmentationLexiconTable.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard let zipf = fields.first.flatMap({ Int($0) }) else { continue }
            let probability = Float(zipf) / 10 - 9
            for word in fields.dropFirst() {
                let units = word.map(HanSegmenter.unit)
                guard units.count <= HanSegmenter.longestWord else { continue }
                let hash = HanSegmenter.hash(units[...])
                // Two words folding alike (a traditional and a simplified form) keep the higher frequency.
                words[hash] = max(words[hash] ?? -.infinity, probability)
                longest = max(longest, units.count)
            }
        }
        return (words, longest)
    }()
}
