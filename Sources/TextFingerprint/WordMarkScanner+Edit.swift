/// One-edit matches (`WordMarkScanner.How.edit`).
extension WordMarkScanner {
    /// Polynomial hashes of a key sequence and of each of its variants with one key deleted, in O(n) without
    /// building the variants: with prefix hashes P and suffix hashes S, deleting key i hashes as
    /// P(i) × B^(n − 1 − i) + S(i + 1). Collisions only cost a verification (`isOneEdit`).
    static func deletionHashes(_ keys: ArraySlice<UInt32>, coarse: Bool = false) -> [UInt64] {
        let base: UInt64 = 0x100_0000_01b3
        let count = keys.count
        let first = keys.startIndex
        @inline(__always) func key(_ index: Int) -> UInt64 {
            UInt64(coarse ? TextFold.coarse(keys[first + index]) : keys[first + index]) &+ 1
        }
        // Prefix hashes, powers and suffix hashes in one scratch buffer on the stack: this runs for every word.
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 3 * (count + 1)) { scratch in
            // prefix[i] at i, power[i] at count + 1 + i, suffix[i] at 2 × (count + 1) + i.
            let power = count + 1
            let suffix = 2 * (count + 1)
            scratch[0] = 0
            scratch[power] = 1
            for index in 0..<count {
                scratch[index + 1] = scratch[index] &* base &+ key(index)
                scratch[power + index + 1] = scratch[power + index] &* base
            }
            scratch[suffix + count] = 0
            for index in stride(from: count - 1, through: 0, by: -1) {
                scratch[suffix + index] =
                    key(index) &* scratch[power + count - 1 - index] &+ scratch[suffix + index + 1]
            }
            var hashes = [UInt64]()
            hashes.reserveCapacity(count + 1)
            hashes.append(finished(scratch[count], length: count))
            for index in 0..<count {
                let hash = scratch[index] &* scratch[power + count - 1 - index] &+ scratch[suffix + index + 1]
                hashes.append(finished(hash, length: count - 1))
            }
            return hashes
        }
    }

    @inline(__always) static func finished(_ hash: UInt64, length: Int) -> UInt64 {
        TextTokens.mix(hash ^ UInt64(length) << 56)
    }

    /// Words one edit away from a mark of five or more letters (symmetric delete: a word and a mark are one edit
    /// apart only if their deletion neighbourhoods meet, so each word costs as many lookups as it has letters).
    /// Words joined at a case change or a digit (`ZoltePro`, `Zolte2024`) are also tried part by part, and runs of
    /// words are tried against the marks of several words (`multiWordEditHits`).
    func editHits(in text: FoldedText, besides found: [Hit]) -> [Hit] {
        var hits: [Hit] = []
        var words: [Range<Int>] = []
        var start = 0
        while start < text.keys.count {
            // A word: keys of consecutive characters (invisible characters between them are skipped over).
            var end = start + 1
            while end < text.keys.count, Self.adjacent(text, Int(text.origins[end - 1]), Int(text.origins[end])) {
                end += 1
            }
            defer { start = end }
            // Words for the marks of several words: letters and digits apart (`Leak` and `2` in `Leak2`).
            words += Self.parts(of: start..<end, in: text, atCaseChanges: false)
            guard !deletions.isEmpty else { continue }
            // The word, then each run of its parts (`OEVO9` in `OEVO9Pro`, `Zolte` in `ZoltePro`).
            let parts = Self.parts(of: start..<end, in: text)
            var ranges = [start..<end]
            if parts.count > 1, parts.count <= 8 {
                for first in parts.indices {
                    for last in first..<parts.count where !(first == 0 && last == parts.count - 1) {
                        ranges.append(parts[first].lowerBound..<parts[last].upperBound)
                    }
                }
            }
            for keys in ranges {
                hits += editHits(keys, in: text, besides: found + hits)
            }
        }
        if !wordDeletions.isEmpty { hits += multiWordEditHits(words, in: text, besides: found + hits) }
        return hits
    }

    /// Marks of several words written with one edit in one of their words (`Kestrel Leak` for KESTREL PEAK): the
    /// other words as registered, the edited word of four letters or more, the words next to each other with
    /// nothing but a short run of spacing or punctuation between them. Each text word is looked up once in the
    /// deletion index of the marks' words, so this too costs O(text).
    private func multiWordEditHits(_ words: [Range<Int>], in text: FoldedText, besides found: [Hit]) -> [Hit] {
        var hits: [Hit] = []
        var tried = Set<[Int]>()
        for (index, keys) in words.enumerated() where keys.count <= 32 {
            var references = Set<WordRef>()
            for variant in Self.deletionHashes(text.keys[keys], coarse: true) {
                if let found = wordDeletions[variant] { references.formUnion(found) }
            }
            for reference in references.sorted(by: { ($0.mark, $0.word) < ($1.mark, $1.word) }) {
                let mark = marks[Int(reference.mark)]
                let first = index - Int(reference.word)
                guard first >= 0, first + mark.words.count <= words.count,
                    tried.insert([mark.owner, first]).inserted
                else { continue }
                let run = Array(words[first..<(first + mark.words.count)])
                var edited = 0
                for (word, registered) in zip(run, mark.words) {
                    let keys = Array(text.keys[word])
                    if keys == registered { continue }
                    edited += registered.count >= 4 && Self.isOneEdit(keys, registered) ? 1 : 2
                }
                let span =
                    Int(text.origins[run[0].lowerBound])..<(Int(text.origins[run[run.count - 1].upperBound - 1]) + 1)
                guard edited == 1, Self.closeTogether(run, in: text),
                    !found.contains(where: { $0.mark == mark.owner && $0.span.overlaps(span) }),
                    !hits.contains(where: { $0.mark == mark.owner && $0.span.overlaps(span) }),
                    Self.boundedByWords(span, in: text)
                else { continue }
                hits.append(Hit(mark: mark.owner, span: span, found: text.text(span), how: .edit))
            }
        }
        return hits
    }

    /// Whether `text` is a katakana word of four letters or more (ポルカナ), full or half width.
    static func isKatakanaWord(_ text: String) -> Bool {
        text.count >= 4 && text.allSatisfy(isKatakana)
    }

    static func isKatakana(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        return (0x30A1...0x30FC).contains(scalar.value) || (0xFF66...0xFF9F).contains(scalar.value)
    }

    /// Katakana marks written with one edit (`ボルカナ`, `ザクレオ`, `ポルカノ` for ポルカナ and サクレオ: a voicing mark
    /// added, dropped or changed, a letter changed): a whole run of katakana, as katakana loanwords and names are
    /// written, of four letters or more, that is no word of the segmentation lexicon, one Damerau edit from the
    /// mark's keys (katakana folded to hiragana, voicing marks apart). Each run costs as many lookups as it has keys.
    func kanaEditHits(in text: FoldedText, besides found: [Hit]) -> [Hit] {
        var hits: [Hit] = []
        var start = 0
        let characters = text.characters
        while start < characters.count {
            guard Self.isKatakana(characters[start]) else {
                start += 1
                continue
            }
            var end = start + 1
            while end < characters.count, Self.isKatakana(characters[end]) { end += 1 }
            defer { start = end }
            let span = start..<end
            guard span.count >= 4, !found.contains(where: { $0.span.overlaps(span) }),
                let first = text.origins.firstIndex(where: { Int($0) >= start }), Int(text.origins[first]) == start
            else { continue }
            var last = first
            while last < text.origins.count, Int(text.origins[last]) < end { last += 1 }
            let keys = Array(text.keys[first..<last])
            var candidates = Set<Int32>()
            for variant in Self.deletionHashes(keys[...]) { candidates.formUnion(kanaDeletions[variant] ?? []) }
            guard !candidates.isEmpty else { continue }
            let word = text.text(span)
            guard !HanSegmenter.isWord(word) else { continue }
            for candidate in candidates.sorted() {
                let mark = marks[Int(candidate)]
                guard Self.isOneEdit(keys, mark.folded.keys),
                    !hits.contains(where: { $0.mark == mark.owner && $0.span.overlaps(span) })
                else { continue }
                hits.append(Hit(mark: mark.owner, span: span, found: word, how: .edit))
            }
        }
        return hits
    }

    /// Whether consecutive words stand apart by one to three characters of spacing or punctuation only.
    private static func closeTogether(_ run: [Range<Int>], in text: FoldedText) -> Bool {
        zip(run, run.dropFirst()).allSatisfy { left, right in
            let gap = (Int(text.origins[left.upperBound - 1]) + 1)..<Int(text.origins[right.lowerBound])
            return (1...3).contains(gap.count)
                && gap.allSatisfy { text.kinds[$0] == .space || text.kinds[$0] == .punctuation }
        }
    }

    /// Whether the words found are whole words: no letter touches a letter at either end of `span`, nor a digit a
    /// digit (`Kestrel Leak2` ends at a model number); Han or kana may (`SIMVER FINCHネックレス`, `DUNE RIER头盔`).
    private static func boundedByWords(_ span: Range<Int>, in text: FoldedText) -> Bool {
        func apart(_ outside: Int, _ inside: Int) -> Bool {
            guard outside >= 0, outside < text.characters.count, text.kinds[outside].isWordPart else { return true }
            if text.scripts[outside].isUnspaced != text.scripts[inside].isUnspaced { return true }
            return (text.kinds[outside] == .digit) != (text.kinds[inside] == .digit)
        }
        return apart(span.lowerBound - 1, span.lowerBound) && apart(span.upperBound, span.upperBound - 1)
    }

    /// The parts of a word between case changes (lower to upper) and changes between letters and digits.
    private static func parts(of keys: Range<Int>, in text: FoldedText, atCaseChanges: Bool = true) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var partStart = keys.lowerBound
        for index in keys.dropFirst() {
            let previous = Int(text.origins[index - 1])
            let current = Int(text.origins[index])
            guard previous != current else { continue }
            let caseChange = atCaseChanges && text.cases[previous] < 0 && text.cases[current] > 0
            let kindChange = (text.kinds[previous] == .digit) != (text.kinds[current] == .digit)
            if caseChange || kindChange {
                parts.append(partStart..<index)
                partStart = index
            }
        }
        parts.append(partStart..<keys.upperBound)
        return parts
    }

    private func editHits(_ keys: Range<Int>, in text: FoldedText, besides found: [Hit]) -> [Hit] {
        let length = keys.count
        guard length >= 4, length <= longestEditable + 1,
            editableLengths.contains(length) || editableLengths.contains(length - 1)
                || editableLengths.contains(length + 1)
        else { return [] }
        let span = Int(text.origins[keys.lowerBound])..<(Int(text.origins[keys.upperBound - 1]) + 1)
        guard span.allSatisfy({ !text.scripts[$0].isUnspaced }), span.contains(where: { text.kinds[$0] == .letter })
        else { return [] }
        var candidates = Set<Int32>()
        for variant in Self.deletionHashes(text.keys[keys], coarse: true) {
            if let marks = deletions[variant] { candidates.formUnion(marks) }
        }
        guard !candidates.isEmpty else { return [] }
        let foundText = text.text(span)
        if TextTables.isKnownWord(TextFold.exact(foundText)) { return [] }
        var hits: [Hit] = []
        for candidate in candidates.sorted() {
            let mark = marks[Int(candidate)]
            guard !found.contains(where: { $0.mark == mark.owner && $0.span.overlaps(span) }),
                !hits.contains(where: { $0.mark == mark.owner && $0.span.overlaps(span) }),
                Self.isOneEdit(Array(text.keys[keys]), mark.folded.keys),
                Self.keepsDigits(of: mark, found: span, in: text),
                !isExcluded(mark, in: text, keys: keys)
            else { continue }
            hits.append(Hit(mark: mark.owner, span: span, found: foundText, how: .edit))
        }
        return hits
    }

    /// For a mark with digits (`ORVO9`), whether the word found has the same digits in the same order: the edit
    /// touched its letters (`OEVO9`), not its number (`ORVO8` is another model).
    private static func keepsDigits(of mark: Prepared, found span: Range<Int>, in text: FoldedText) -> Bool {
        let registered = mark.folded.characters.indices.filter { mark.folded.kinds[$0] == .digit }
            .map { mark.folded.characters[$0] }
        guard !registered.isEmpty else { return true }
        return span.filter { text.kinds[$0] == .digit }.map { text.characters[$0] } == registered
    }

    /// Whether two characters are neighbours in one word: nothing but invisible characters between them, and no
    /// change between spaced and unspaced scripts (`正品Zolte鞋` holds the word `Zolte`).
    private static func adjacent(_ text: FoldedText, _ left: Int, _ right: Int) -> Bool {
        left == right
            || (text.scripts[left].isUnspaced == text.scripts[right].isUnspaced
                && (left + 1..<right).allSatisfy { text.kinds[$0] == .invisible })
    }

    /// Exactly one Damerau edit between `word` and `mark` (fine keys: `i` and `l` differ), where an inserted key at
    /// either end only counts when it repeats its neighbour (`Zoltaa` is a typo; `Zoltan` is another word).
    static func isOneEdit(_ word: [UInt32], _ mark: [UInt32]) -> Bool {
        if word == mark { return false }
        switch word.count - mark.count {
        case 0:
            let differences = word.indices.filter { word[$0] != mark[$0] }
            if differences.count == 1 { return true }
            return differences.count == 2 && differences[1] == differences[0] + 1
                && word[differences[0]] == mark[differences[1]] && word[differences[1]] == mark[differences[0]]
        case 1:
            // One key inserted into the mark.
            for index in word.indices where Array(word[..<index]) + word[(index + 1)...] == mark {
                let atEnd = index == 0 || index == word.count - 1
                let repeats =
                    (index > 0 && word[index - 1] == word[index])
                    || (index + 1 < word.count && word[index + 1] == word[index])
                if !atEnd || repeats { return true }
            }
            return false
        case -1:
            return mark.indices.contains { Array(mark[..<$0]) + mark[($0 + 1)...] == word }
        default:
            return false
        }
    }
}
