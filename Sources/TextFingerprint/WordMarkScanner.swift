/// Finds word marks in text through the evasions infringers use, without flagging ordinary words that contain them.
///
/// One Aho–Corasick automaton (`AhoCorasick`) over the coarse keys of every mark reads the compact key stream of a
/// text (`FoldedText`) once, so a scan costs O(text + candidates) whatever the number of marks. Each candidate is
/// then verified against the original characters:
/// - `exact`: the same letters, case aside, at word boundaries;
/// - `glued`: joined to another word at a real boundary (a case change as in `ZoltaPro` or `newZolta`, a digit, a
///   hashtag, a change between Latin and Han or kana or between Latin, Greek and Cyrillic), or written in one run with
///   ordinary words (`newzolta`, `zoltaoriginal`), but never buried inside a word, be it ordinary (`vintage` holds
///   VINTA, `adjustable` holds JUSTA), a product name (`Acmeline`) or a name (`Zoltan`);
/// - `inflected`: declined by case, a Slavic case ending after the mark or its stem (`ТОРВИКСА`, `Меланоры`,
///   `od Pextory`; `WordMarkScanner+Variants.swift`);
/// - `spaced`: letters set apart (`Z O L T A`, `Z.O.L.T.A`, `Z-O-L-T-A`, zero-width spaces between them), or the
///   mark cut once by a space into pieces that are not both words (`ZOL TAVIO` for ZOLTAVIO);
/// - `confusable`: letters that look the same (UTS #39 prototypes: Cyrillic `О`, fullwidth `Ｚ`, accents, `rn`
///   for `m`, traditional Han for simplified, Han characters for katakana as in `ポル力ナ`);
/// - `leet`: digits and symbols for letters (`Z0LTA`, `Z@LT4`);
/// - `edit`: for marks of five or more letters, one insertion, deletion, substitution or swap of neighbours
///   (Damerau), found through a deletion neighbourhood index (Garbe's symmetric delete) so it too costs O(text),
///   and never when the word found is a word of a language (`CommonWords`, and the rarer words of the 50,000 most
///   frequent per language in `Generated/RareWords.swift`) or appends an unrelated letter to the mark.
/// Katakana marks of four letters or more take one edit too, over whole runs of katakana (`ボルカナ` for ポルカナ).
/// For marks of several words (`KESTREL PEAK`), edits are judged per word: one word may carry the edit
/// (`Kestrel Leak`) while the others are written as registered. Marks with digits (`ORVO9`) take edits to their
/// letters only: the digits must stay as registered, since `ORVO8` is another model, not a typo.
/// Marks in Han, kana or Hangul match inside unsegmented text; a Han or kana hit whose ends cut through a word of the
/// text's segmentation (`HanSegmenter`: 致优 inside 精致优雅) is marked `splitsWord`, weak evidence. A match inside one
/// of the mark's exclusion phrases (`Mark.exclusions`, an ordinary word or product name containing the mark) is not
/// a hit.
public struct WordMarkScanner: Sendable {
    /// A mark to look for.
    public struct Mark: Sendable, Hashable {
        public var text: String
        /// Phrases that contain the mark but are not it (`Zoltan` for ZOLTA).
        public var exclusions: [String]

        public init(text: String, exclusions: [String] = []) {
            self.text = text
            self.exclusions = exclusions
        }
    }

    /// How a mark was found.
    public enum How: String, Sendable, Hashable, CaseIterable {
        case exact, glued, inflected, spaced, confusable, leet, edit

        /// Preference when two ways find the same place: the plainest reading first.
        var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    }

    /// One occurrence of a mark.
    public struct Hit: Sendable, Hashable {
        /// The index of the mark in the scanner's marks.
        public var mark: Int
        /// Character offsets in the original text.
        public var span: Range<Int>
        /// The original text there.
        public var found: String
        public var how: How
        /// A Han or kana hit whose ends cut through a word of the text (`HanSegmenter`): weak evidence.
        public var splitsWord = false
    }

    struct Prepared: Sendable {
        let mark: Mark
        /// The index of the registered mark this one spells (a case variant has its original's).
        let owner: Int
        let folded: FoldedText
        let coarse: [UInt32]
        let unspaced: Bool
        /// Key indices (in the mark's own keys) preceded by a separator in the mark itself (`NORTH PEAK`).
        let gaps: Set<Int>
        let exclusions: [[UInt32]]
        /// Per exclusion, the key offsets preceded by a separator in the phrase itself.
        let exclusionGaps: [Set<Int>]
        let allowsEdit: Bool
        /// The keys of each word of a mark of several words (empty for a one-word mark).
        let words: [[UInt32]]
        /// A look-alike spelling of the mark (`rn` for `m`, a Han character for a katakana letter): found as written,
        /// it is `confusable`.
        var lookalike = false
        /// The mark without its final vowel (`МЕЛАНОР` for МЕЛАНОРА), found only before a case ending (`Меланоры`).
        var stem = false
    }

    let marks: [Prepared]
    let automaton: AhoCorasick
    /// Hashes of the coarse keys of marks allowing edits and of their one-deletion variants → mark indices.
    let deletions: [UInt64: [Int32]]
    /// Key counts of the marks allowing edits.
    let editableLengths: Set<Int>
    let longestEditable: Int
    /// Words of the marks of several words, and their one-deletion variants → (mark, word index).
    let wordDeletions: [UInt64: [WordRef]]
    /// Segments Han and kana text around hits of Han and kana marks.
    let segmenter: HanSegmenter
    /// Katakana marks of four letters or more and their one-deletion variants → mark indices (`kanaEditHits`).
    let kanaDeletions: [UInt64: [Int32]]

    struct WordRef: Sendable, Hashable {
        var mark: Int32
        var word: Int32
    }

    public init(_ marks: [Mark]) {
        func gaps(_ folded: FoldedText) -> Set<Int> {
            Set(folded.origins.indices.dropFirst().filter { folded.origins[$0] - folded.origins[$0 - 1] > 1 })
        }
        func prepare(_ mark: Mark, owner: Int) -> Prepared {
            let folded = FoldedText(mark.text)
            let coarse = folded.keys.map(TextFold.coarse)
            let exclusions = mark.exclusions.map { FoldedText($0) }
            let unspaced = folded.scripts.contains { $0.isUnspaced }
            let letters = folded.kinds.filter { $0 == .letter }.count
            let wordParts = folded.kinds.filter(\.isWordPart).count
            let markGaps = gaps(folded)
            // Word boundaries of the mark in key offsets: a gap starts a word.
            let cuts = [0] + markGaps.sorted() + [folded.keys.count]
            let words =
                markGaps.isEmpty || unspaced
                ? [] : zip(cuts, cuts.dropFirst()).map { Array(folded.keys[$0..<$1]) }
            return Prepared(
                mark: mark, owner: owner, folded: folded, coarse: coarse, unspaced: unspaced, gaps: markGaps,
                exclusions: exclusions.map { $0.keys.map(TextFold.coarse) }, exclusionGaps: exclusions.map(gaps),
                allowsEdit: !unspaced && letters >= 4 && wordParts >= 5, words: words)
        }
        var prepared = marks.enumerated().map { prepare($1, owner: $0) }
        // Letters whose two cases fold apart (Cyrillic `В` reads as `B`, `в` as `ʙ`): the mark is also looked for in
        // lower case, capitalised and in capitals, so `Кавира` is КАВИРА written plainly.
        for (index, mark) in marks.enumerated() where mark.text.unicodeScalars.contains(where: { $0.value >= 0x80 }) {
            var seen: Set<[UInt32]> = [prepared[index].coarse]
            let text = mark.text
            for variant in [
                text.lowercased(), text.uppercased(), text.prefix(1).uppercased() + text.dropFirst().lowercased(),
            ] {
                var variantMark = mark
                variantMark.text = variant
                let candidate = prepare(variantMark, owner: index)
                if seen.insert(candidate.coarse).inserted { prepared.append(candidate) }
            }
        }
        // Look-alike spellings and stems, as variants of every spelling so far (case variants included).
        var seen = Set(prepared.map(\.coarse))
        for index in prepared.indices {
            let mark = prepared[index]
            var variants = Self.lookalikeSpellings(mark.mark.text).map { (text: $0, lookalike: true, stem: false) }
            if let stem = Self.stem(mark.mark.text) { variants.append((stem, false, true)) }
            for variant in variants {
                var variantMark = mark.mark
                variantMark.text = variant.text
                var candidate = prepare(variantMark, owner: mark.owner)
                candidate = Prepared(
                    mark: candidate.mark, owner: candidate.owner, folded: candidate.folded, coarse: candidate.coarse,
                    unspaced: candidate.unspaced, gaps: candidate.gaps, exclusions: candidate.exclusions,
                    exclusionGaps: candidate.exclusionGaps, allowsEdit: false, words: [],
                    lookalike: variant.lookalike, stem: variant.stem)
                if seen.insert(candidate.coarse).inserted { prepared.append(candidate) }
            }
        }
        self.marks = prepared
        automaton = AhoCorasick(prepared.map(\.coarse))
        var deletions: [UInt64: [Int32]] = [:]
        for (index, mark) in prepared.enumerated() where mark.allowsEdit {
            for variant in Self.deletionHashes(mark.coarse[...]) {
                deletions[variant, default: []].append(Int32(index))
            }
        }
        self.deletions = deletions.mapValues { Array(Set($0)).sorted() }
        editableLengths = Set(prepared.filter(\.allowsEdit).map(\.coarse.count))
        longestEditable = prepared.filter(\.allowsEdit).map(\.coarse.count).max() ?? 0
        var wordDeletions: [UInt64: Set<WordRef>] = [:]
        for (index, mark) in prepared.enumerated() where mark.words.count > 1 {
            for (wordIndex, word) in mark.words.enumerated() {
                let reference = WordRef(mark: Int32(index), word: Int32(wordIndex))
                let coarse = word.map(TextFold.coarse)[...]
                // Words of four letters or more may carry the edit; every word is found written as registered.
                for variant in word.count >= 4 ? Self.deletionHashes(coarse) : [Self.deletionHashes(coarse)[0]] {
                    wordDeletions[variant, default: []].insert(reference)
                }
            }
        }
        self.wordDeletions = wordDeletions.mapValues { $0.sorted { ($0.mark, $0.word) < ($1.mark, $1.word) } }
        segmenter = HanSegmenter()
        var kanaDeletions: [UInt64: [Int32]] = [:]
        for (index, mark) in prepared.enumerated()
        where !mark.lookalike && !mark.stem && Self.isKatakanaWord(mark.mark.text) {
            for variant in Self.deletionHashes(mark.folded.keys[...]) {
                kanaDeletions[variant, default: []].append(Int32(index))
            }
        }
        self.kanaDeletions = kanaDeletions.mapValues { Array(Set($0)).sorted() }
    }

    /// Every mark found in `text`, in text order (then mark order); one hit per mark and place.
    public func scan(_ text: String) -> [Hit] { scan(FoldedText(text)) }

    /// Every mark found in a folded text (folded once, shared with copy detection).
    public func scan(_ folded: FoldedText) -> [Hit] {
        guard !folded.keys.isEmpty else { return [] }
        var hits = automatonHits(in: folded)
        let kinds = folded.kinds
        if kinds.indices.dropFirst().dropLast().contains(where: {
            kinds[$0] == .symbol && kinds[$0 - 1] == .letter && kinds[$0 + 1] == .letter
        }) {
            // Symbols may also separate letters (`Z|O|L|T|A`): read once more with them as punctuation.
            let separated = FoldedText(String(folded.characters), symbolsSeparate: true)
            hits += automatonHits(in: separated).filter { $0.how == .spaced }
        }
        if !deletions.isEmpty || !wordDeletions.isEmpty { hits += editHits(in: folded, besides: hits) }
        if !kanaDeletions.isEmpty { hits += kanaEditHits(in: folded, besides: hits) }
        var kept = Self.deduplicated(hits)
        for index in kept.indices where marks[kept[index].mark].unspaced {
            kept[index].splitsWord = !segmenter.keepsToWords(folded.characters, span: kept[index].span)
        }
        return kept
    }

    private func automatonHits(in folded: FoldedText) -> [Hit] {
        var hits: [Hit] = []
        for candidate in automaton.matches(in: folded.keys.map(TextFold.coarse)) {
            let keys = candidate.start..<candidate.end
            guard folded.startsCharacter(keys.lowerBound), folded.endsCharacter(keys.upperBound - 1),
                let how = verify(marks[candidate.pattern], in: folded, keys: keys),
                !isExcluded(marks[candidate.pattern], in: folded, keys: keys)
            else { continue }
            let span = Int(folded.origins[keys.lowerBound])..<(Int(folded.origins[keys.upperBound - 1]) + 1)
            hits.append(Hit(mark: marks[candidate.pattern].owner, span: span, found: folded.text(span), how: how))
        }
        return hits
    }

    // MARK: - Verification

    /// How the mark was written there, or nil when the candidate is not the mark.
    func verify(_ mark: Prepared, in text: FoldedText, keys: Range<Int>) -> How? {
        var how = How.exact
        for offset in 0..<keys.count {
            let found = text.characters[Int(text.origins[keys.lowerBound + offset])]
            let foundKind = text.kinds[Int(text.origins[keys.lowerBound + offset])]
            let registered = mark.folded.characters[Int(mark.folded.origins[offset])]
            let registeredKind = mark.folded.kinds[Int(mark.folded.origins[offset])]
            if found == registered || String(found).lowercased() == String(registered).lowercased() { continue }
            switch (foundKind, registeredKind) {
            case (.digit, .letter), (.symbol, .letter):
                how = .leet
            case (.letter, .digit), (.letter, .symbol):
                return nil
            default:
                let same =
                    text.keys[keys.lowerBound + offset] == mark.folded.keys[offset]
                    || TextFold.skeleton(String(found)) == TextFold.skeleton(String(registered))
                guard same else { return nil }
                if how != .leet { how = .confusable }
            }
        }
        let span = Int(text.origins[keys.lowerBound])..<(Int(text.origins[keys.upperBound - 1]) + 1)
        // Separators inside the span that the mark itself does not have.
        var extraGaps: [Range<Int>] = []
        var gapsAtKindChanges = true
        for offset in 1..<max(1, keys.count) where !mark.gaps.contains(offset) {
            let previous = Int(text.origins[keys.lowerBound + offset - 1])
            let next = Int(text.origins[keys.lowerBound + offset])
            if next - previous > 1 {
                extraGaps.append((previous + 1)..<next)
                let kinds = (
                    mark.folded.kinds[Int(mark.folded.origins[offset - 1])],
                    mark.folded.kinds[Int(mark.folded.origins[offset])]
                )
                if (kinds.0 == .digit) == (kinds.1 == .digit) || next - previous > 3 { gapsAtKindChanges = false }
            }
        }
        // A stem is a mark only with its case ending, written in one piece.
        if mark.stem, !extraGaps.isEmpty { return nil }
        // A mark's letters and its digits set apart (`ORVO 9`, `ORVO-9` for ORVO9), as model names are written.
        if !extraGaps.isEmpty, gapsAtKindChanges, !mark.unspaced,
            extraGaps.joined().allSatisfy({ text.kinds[$0] == .space || text.kinds[$0] == .punctuation }),
            boundaries(text, span: span) != nil
        {
            return how == .exact ? .spaced : how
        }
        if !extraGaps.isEmpty {
            // Han, kana and Hangul have no word boundaries to check.
            guard
                isSpacedOut(text, span: span, gaps: extraGaps)
                    || isSplitOnce(mark, text, span: span, gaps: extraGaps),
                mark.unspaced || isolated(text, span)
            else { return nil }
            return how == .exact ? .spaced : how
        }
        if mark.unspaced { return mark.lookalike && how == .exact ? .confusable : how }
        guard let glued = mark.stem ? nil : boundaries(text, span: span) else {
            return how != .leet && isInflected(mark, text, span: span) ? .inflected : nil
        }
        if how == .confusable, isWholeScriptWord(text, span: span, mark: mark) { return nil }
        if mark.lookalike { return how == .leet ? .leet : .confusable }
        return glued && how == .exact ? .glued : how
    }

    /// Letters set apart: every gap is invisible, or every piece between gaps is a single character with short
    /// gaps (`Z O L T A`), or the gaps are short runs of punctuation without spaces (`Zol-ta`).
    private func isSpacedOut(_ text: FoldedText, span: Range<Int>, gaps: [Range<Int>]) -> Bool {
        let gapCharacters = gaps.flatMap { Array($0) }
        if gapCharacters.allSatisfy({ text.kinds[$0] == .invisible }) { return true }
        guard gaps.allSatisfy({ $0.count <= 3 }) else { return false }
        let gapSet = Set(gapCharacters)
        var piece = 0
        var longest = 0
        for index in span {
            // A separator the mark itself has (`S I L V E R  F I N C H`) ends a piece too.
            if gapSet.contains(index) || !text.kinds[index].isWordPart {
                piece = 0
            } else {
                piece += 1
                longest = max(longest, piece)
            }
        }
        if longest <= 1 { return true }
        return gapCharacters.allSatisfy { text.kinds[$0] == .punctuation || text.kinds[$0] == .invisible }
            && gaps.allSatisfy { $0.count <= 2 }
    }

    /// A mark cut once by a single space into two pieces that are not a phrase (`ZEN OPAX`, `TALV ENTO`, `ORB IX5`,
    /// `Pella quin`, `维 朵娜`, `ミラ クモ`), where `tal vento` ("such wind") for TALVENTO is two words that happen to
    /// spell it: pieces that are both words of a language, one of them common. In spaced scripts the mark has five letters or more and each piece two or more; in Han and kana,
    /// which put no spaces between words, any cut will do, and the segmentation then judges the mark's ends.
    private func isSplitOnce(_ mark: Prepared, _ text: FoldedText, span: Range<Int>, gaps: [Range<Int>]) -> Bool {
        guard gaps.count == 1, let gap = gaps.first, gap.count == 1, text.kinds[gap.lowerBound] == .space else {
            return false
        }
        let pieces = [span.lowerBound..<gap.lowerBound, gap.upperBound..<span.upperBound]
        if mark.unspaced { return span.allSatisfy { text.scripts[$0].isUnspaced || $0 == gap.lowerBound } }
        guard mark.folded.kinds.filter(\.isWordPart).count >= 5,
            pieces.allSatisfy({ piece in piece.filter { text.kinds[$0].isWordPart }.count >= 2 })
        else { return false }
        // Two words that spell the mark are a phrase when one of them is a common word (`tal vento`, `Marl en`);
        // two rarer words are the mark cut (`Pella quin`, `МЕЛА НОРА` for PELLAQUIN, МЕЛАНОРА).
        let words = pieces.map { TextFold.exact(text.text($0)) }
        return !(words.allSatisfy(TextTables.isKnownWord) && words.contains(where: TextTables.commonWords.contains))
    }

    /// No word character of the same kind right before or after: spacing, punctuation, or a change between a
    /// letter and a digit or between spaced and unspaced scripts (`官方L.U.M.O.R.A`, `2024Z O L T A`).
    private func isolated(_ text: FoldedText, _ span: Range<Int>) -> Bool {
        func apart(_ outside: Int, _ inside: Int) -> Bool {
            guard outside >= 0, outside < text.characters.count, text.kinds[outside].isWordPart else { return true }
            if text.kinds[outside] == .digit { return text.kinds[inside] == .letter }
            return text.kinds[outside] == .letter && text.scripts[outside].isUnspaced != text.scripts[inside].isUnspaced
        }
        return apart(span.lowerBound - 1, span.lowerBound) && apart(span.upperBound, span.upperBound - 1)
    }

    /// Whether both ends of `span` are at a word boundary: nil when not, false when plain (space, punctuation,
    /// start or end of text), true when the mark is glued to its neighbour at a real boundary.
    func boundaries(_ text: FoldedText, span: Range<Int>) -> Bool? {
        var glued = false
        for side in [span.lowerBound - 1, span.upperBound] {
            guard side >= 0, side < text.characters.count else { continue }
            let inner = side < span.lowerBound ? span.lowerBound : span.upperBound - 1
            switch (text.kinds[side], text.kinds[inner]) {
            case (.punctuation, _) where side < span.lowerBound && text.characters[side] == "#":
                glued = true  // a hashtag
            case (.space, _), (.punctuation, _), (.invisible, _), (.symbol, _):
                continue
            case (.digit, .letter), (.letter, .digit):
                glued = true
            case (.digit, _):
                return nil
            case (.letter, _):
                // Inside a word in one script and one case run: buried, not glued (unless a hashtag joins words).
                guard
                    text.scripts[side].isUnspaced != text.scripts[inner].isUnspaced
                        || Self.changesAlphabet(text.scripts[side], text.scripts[inner])
                        || caseBoundary(text, span: span, leftSide: side < span.lowerBound)
                        || inHashtagBesideCommonWords(text, span: span)
                        || inCapitalsBesideWords(text, span: span)
                        || gluedToWords(text, span: span)
                else { return nil }
                glued = true
            }
        }
        return glued
    }

    /// A mark inside a hashtag whose other letters are common words (`#zoltashoes`, `#newzolta`), where the
    /// hashtag's word is not itself common (`#vintagestyle` holds VINTA beside "gestyle").
    private func inHashtagBesideCommonWords(_ text: FoldedText, span: Range<Int>) -> Bool {
        var start = span.lowerBound
        while start > 0, text.kinds[start - 1] == .letter { start -= 1 }
        guard start > 0, text.characters[start - 1] == "#" else { return false }
        var end = span.upperBound
        while end < text.characters.count, text.kinds[end] == .letter { end += 1 }
        if TextTables.commonWords.contains(TextFold.exact(text.text(start..<end))) { return false }
        return [start..<span.lowerBound, span.upperBound..<end].allSatisfy { part in
            part.isEmpty || (part.count >= 3 && TextTables.commonWords.contains(TextFold.exact(text.text(part))))
        }
    }

    /// A mark inside a word written wholly in capitals whose other letters are words (`QUINTAROSTORE`,
    /// `NEVORAMAX`) or a model letter before digits (`LANTERNX2`), where the capitalised word is not itself a word
    /// (`VINTAGE` holds VINTA).
    private func inCapitalsBesideWords(_ text: FoldedText, span: Range<Int>) -> Bool {
        var start = span.lowerBound
        while start > 0, text.kinds[start - 1] == .letter { start -= 1 }
        var end = span.upperBound
        while end < text.characters.count, text.kinds[end] == .letter { end += 1 }
        guard (start..<end).allSatisfy({ text.cases[$0] > 0 }),
            !TextTables.isKnownWord(TextFold.exact(text.text(start..<end)))
        else { return false }
        func isWord(_ part: Range<Int>) -> Bool {
            part.count >= 3 && TextTables.isKnownWord(TextFold.exact(text.text(part)))
        }
        let left = start..<span.lowerBound
        let right = span.upperBound..<end
        let modelLetter = right.count <= 2 && end < text.characters.count && text.kinds[end] == .digit
        return (left.isEmpty || isWord(left)) && (right.isEmpty || isWord(right) || modelLetter)
    }

    /// A change between Latin, Greek and Cyrillic letters, as between words of two languages (`Anchorоригинал`).
    private static func changesAlphabet(_ left: TextFold.Script, _ right: TextFold.Script) -> Bool {
        let alphabets: [TextFold.Script] = [.latin, .greek, .cyrillic]
        return left != right && alphabets.contains(left) && alphabets.contains(right)
    }

    /// A mark of five letters or more written together with an ordinary word in one run of letters of one script, in
    /// any case (`newkobatex`, `Бреноксоригинал`, `dunerideroriginal`, `Maplepro`): the rest of the run, before or
    /// after the mark but not on both sides, is a word of a language (`CommonWords` and the 50,000 most frequent) of
    /// three letters or more, and the run is not itself a word. An ordinary word holding a mark is one of those words
    /// (`anchorage`, `garantie`, `justamente`), leaves a stub that is none (`vintage` for VINTA leaves `ge`, `Zoltans`
    /// for ZOLTA leaves `ns`), or holds it in the middle (`environmentalists`, `teleportation`: longer than the word
    /// lists' twelve letters, split as environ + MENTA + lists).
    private func gluedToWords(_ text: FoldedText, span: Range<Int>) -> Bool {
        guard span.filter({ text.kinds[$0].isWordPart }).count >= 5 else { return false }
        var start = span.lowerBound
        while start > 0, text.kinds[start - 1] == .letter, text.scripts[start - 1] == text.scripts[span.lowerBound] {
            start -= 1
        }
        var end = span.upperBound
        while end < text.characters.count, text.kinds[end] == .letter,
            text.scripts[end] == text.scripts[span.upperBound - 1]
        {
            end += 1
        }
        let rest = [start..<span.lowerBound, span.upperBound..<end].filter { !$0.isEmpty }
        guard rest.count == 1, let part = rest.first, part.count >= 3,
            !TextTables.isKnownWord(TextFold.exact(text.text(start..<end)))
        else { return false }
        return TextTables.isKnownWord(TextFold.exact(text.text(part)))
    }

    /// A change of case at the edge of the mark, as camel case and acronyms mark word starts.
    private func caseBoundary(_ text: FoldedText, span: Range<Int>, leftSide: Bool) -> Bool {
        let cases = text.cases
        if leftSide {
            let before = cases[span.lowerBound - 1]
            let first = cases[span.lowerBound]
            if before < 0 && first > 0 { return true }  // newZolta
            // NEWZolta: an upper-case run ends where an upper-case letter starts a lower-case word.
            return before > 0 && first > 0 && span.count > 1 && cases[span.lowerBound + 1] < 0
        }
        let last = cases[span.upperBound - 1]
        let after = cases[span.upperBound]
        if last < 0 && after > 0 { return true }  // ZoltaPro
        // ZOLTApro: an all-capitals mark followed by a lower-case word.
        if last > 0 && after < 0 && span.allSatisfy({ text.cases[$0] >= 0 }) { return true }
        // ZOLTAShop: an all-capitals mark followed by a capitalised word.
        return last > 0 && after > 0 && span.upperBound + 1 < cases.count && cases[span.upperBound + 1] < 0
            && span.allSatisfy { text.cases[$0] >= 0 }
    }

    /// A common word written wholly in another script than the mark (Cyrillic `сос` read as Latin `coc`): that is
    /// the other language's word, not a disguised mark.
    private func isWholeScriptWord(_ text: FoldedText, span: Range<Int>, mark: Prepared) -> Bool {
        let scripts = Set(span.map { text.scripts[$0] })
        guard scripts.count == 1, let script = scripts.first, !mark.folded.scripts.contains(script) else {
            return false
        }
        return TextTables.commonWords.contains(TextFold.exact(text.text(span)))
    }

    /// Whether the candidate lies inside one of the mark's exclusion phrases.
    func isExcluded(_ mark: Prepared, in text: FoldedText, keys: Range<Int>) -> Bool {
        for (exclusion, gaps) in zip(mark.exclusions, mark.exclusionGaps) where exclusion.count >= keys.count {
            let first = max(0, keys.upperBound - exclusion.count)
            let last = min(keys.lowerBound, text.keys.count - exclusion.count)
            guard first <= last else { continue }
            for start in first...last {
                // The phrase's characters must be one word or phrase as written, not keys joined across a gap.
                var equal = (1..<exclusion.count).allSatisfy { offset in
                    let step = text.origins[start + offset] - text.origins[start + offset - 1]
                    return step <= 1 || (gaps.contains(offset) && step <= 4)
                }
                for offset in 0..<exclusion.count where TextFold.coarse(text.keys[start + offset]) != exclusion[offset]
                {
                    equal = false
                    break
                }
                if equal { return true }
            }
        }
        return false
    }

    static func deduplicated(_ hits: [Hit]) -> [Hit] {
        let ordered = hits.sorted {
            ($0.span.lowerBound, $0.mark, $0.how.rank, -$0.span.count) < (
                $1.span.lowerBound, $1.mark, $1.how.rank, -$1.span.count
            )
        }
        var kept: [Hit] = []
        for hit in ordered
        where !kept.contains(where: { $0.mark == hit.mark && $0.span.overlaps(hit.span) }) {
            kept.append(hit)
        }
        return kept
    }
}
