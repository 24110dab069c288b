public import TextFingerprint

/// A registered copyrighted text (a product description, a manual), with its content.
public struct ProtectedText: Sendable, Hashable {
    public var brand: String
    /// The registry's text id.
    public var id: String
    public var right: String
    public var content: String

    public init(brand: String, id: String, right: String, content: String) {
        self.brand = brand
        self.id = id
        self.right = right
        self.content = content
    }
}

/// A passage of a listing copied from a registered text.
public struct CopiedPassage: Sendable, Hashable {
    /// The listing's field.
    public var field: String
    /// Character offsets in the field's text.
    public var span: Range<Int>
    /// Character offsets in the registered text.
    public var sourceSpan: Range<Int>

    public init(field: String, span: Range<Int>, sourceSpan: Range<Int>) {
        self.field = field
        self.span = span
        self.sourceSpan = sourceSpan
    }
}

/// A registered text copied into a listing.
public struct TextCopyMatch: Sendable, Hashable {
    public var brand: String
    /// The registered text's id.
    public var text: String
    public var right: String
    /// Estimated Jaccard resemblance of the two texts' shingle sets (MinHash), rounded to 0.01.
    public var similarity: Double
    /// The share of the registered text's shingles found in the listing, rounded to 0.01.
    public var containment: Double
    /// The copied passages, in the listing's order.
    public var passages: [CopiedPassage]
    /// How many tokens of the listing are copied (words; Han, kana and Hangul characters count half a word).
    public var copiedWords: Double

    public init(
        brand: String, text: String, right: String, similarity: Double, containment: Double,
        passages: [CopiedPassage], copiedWords: Double
    ) {
        self.brand = brand
        self.text = text
        self.right = right
        self.similarity = similarity
        self.containment = containment
        self.passages = passages
        self.copiedWords = copiedWords
    }
}

/// Finds registered texts copied into listings, whole or a few sentences inside the seller's own text.
///
/// Texts are cut into tokens (`TextTokens`: words, or single Han/kana/Hangul characters) and 4-token shingles.
/// Candidates come from MinHash (64 functions) with LSH banding (16 bands of 4 rows; Indyk and Motwani 1998, as in
/// Leskovec, Rajaraman and Ullman, *Mining of Massive Datasets*, ch. 3) over *passages*: every window of 6
/// consecutive shingles of each registered text is indexed, and the listing's windows (every third) are looked up.
/// Indexing passages rather than whole texts turns containment into resemblance: a listing that embeds a few
/// copied sentences in its own text has windows identical to registered windows, while its whole-text resemblance
/// is low. Any copied run of 11 or more tokens yields an identical window, so LSH finds it with certainty; texts
/// sharing four or more exact shingles with the listing are candidates too, for copies edited every few words.
///
/// Each candidate is verified with winnowing (`Winnowing`, k = 4, w = 4: every shared run of 7 tokens leaves a
/// common fingerprint); each shared fingerprint is extended to the maximal run of equal tokens, which gives the
/// copied passages and their spans in both texts. A copy is reported when runs of at least 5 tokens add up to at
/// least 10 words (20 Han/kana characters), or to half of a short registered text. Cost per listing: O(n × 64) for
/// n shingles, plus verification of the few candidates.
public struct TextCopyIndex: Sendable {
    struct Entry: Sendable {
        let text: ProtectedText
        let tokens: TextTokens
        let shingles: Set<UInt64>
        let signature: [UInt64]
        /// Winnowing fingerprint → token positions.
        let fingerprints: [UInt64: [Int]]
    }

    static let shingleSize = 4
    static let window = 6
    static let stride = 3
    static let bands = 16
    static let rows = 4
    static let minimumRun = 5
    static let minimumWords = 10.0

    let entries: [Entry]
    let buckets: [UInt64: [Int32]]
    /// Shingle → texts holding it: a second way to candidates for copies edited too often for LSH windows to meet.
    let owners: [UInt64: [Int32]]
    static let minimumSharedShingles = 4
    let minHash = MinHash(count: bands * rows)
    let winnowing = Winnowing(k: 4, window: 4)

    public init(_ texts: [ProtectedText]) {
        var entries: [Entry] = []
        var buckets: [UInt64: Set<Int32>] = [:]
        let minHash = self.minHash
        let winnowing = self.winnowing
        for text in texts {
            let tokens = TextTokens(text.content)
            let shingles = tokens.shingles(size: Self.shingleSize)
            guard !shingles.isEmpty else { continue }
            let index = Int32(entries.count)
            let hashed = Self.hashed(shingles, seeds: minHash.seeds)
            let windowCount = max(1, shingles.count - Self.window + 1)
            for start in 0..<windowCount {
                let signature = Self.minima(hashed, rows: start..<min(shingles.count, start + Self.window))
                for key in Self.bandKeys(signature) { buckets[key, default: []].insert(index) }
            }
            var fingerprints: [UInt64: [Int]] = [:]
            for fingerprint in winnowing.fingerprints(of: tokens.hashes) {
                fingerprints[fingerprint.hash, default: []].append(fingerprint.position)
            }
            entries.append(
                Entry(
                    text: text, tokens: tokens, shingles: Set(shingles),
                    signature: Self.minima(hashed, rows: 0..<shingles.count),
                    fingerprints: fingerprints))
        }
        self.entries = entries
        self.buckets = buckets.mapValues { $0.sorted() }
        var owners: [UInt64: [Int32]] = [:]
        for (index, entry) in entries.enumerated() {
            for shingle in entry.shingles { owners[shingle, default: []].append(Int32(index)) }
        }
        self.owners = owners
    }

    /// Whether there is any text to look for.
    public var isEmpty: Bool { entries.isEmpty }

    /// The registered texts copied into `text`, by registry order.
    public func matches(in text: String, field: String) -> [TextCopyMatch] {
        matches(in: FoldedText(text), field: field)
    }

    /// The registered texts copied into a folded text (folded once, shared with mark detection).
    public func matches(in text: FoldedText, field: String) -> [TextCopyMatch] {
        guard !entries.isEmpty else { return [] }
        let tokens = TextTokens(text)
        let shingles = tokens.shingles(size: Self.shingleSize)
        guard shingles.count >= 2 else { return [] }
        let hashed = Self.hashed(shingles, seeds: minHash.seeds)
        var candidates = Set<Int32>()
        var start = 0
        while true {
            let end = min(shingles.count, start + Self.window)
            for key in Self.bandKeys(Self.minima(hashed, rows: start..<end)) {
                if let texts = buckets[key] { candidates.formUnion(texts) }
            }
            if end == shingles.count { break }
            start = min(start + Self.stride, shingles.count - Self.window)
        }
        let listingShingles = Set(shingles)
        var shared: [Int32: Int] = [:]
        for shingle in listingShingles {
            for owner in owners[shingle] ?? [] { shared[owner, default: 0] += 1 }
        }
        candidates.formUnion(shared.filter { $0.value >= Self.minimumSharedShingles }.keys)
        guard !candidates.isEmpty else { return [] }
        let signature = Self.minima(hashed, rows: 0..<shingles.count)
        return candidates.sorted().compactMap { candidate in
            let entry = entries[Int(candidate)]
            let runs = Self.copiedRuns(tokens, entry, winnowing: winnowing)
            var copied = Set<Int>()
            for run in runs { copied.formUnion(run.listing) }
            let words = copied.reduce(0.0) { $0 + (tokens.unspaced[$1] ? 0.5 : 1) }
            let containment = Double(entry.shingles.intersection(listingShingles).count) / Double(entry.shingles.count)
            guard words >= Self.minimumWords || (containment >= 0.5 && !runs.isEmpty) else { return nil }
            let passages = runs.map { run in
                CopiedPassage(
                    field: field,
                    span: tokens.spans[run.listing.lowerBound]
                        .lowerBound..<tokens.spans[run.listing.upperBound - 1]
                        .upperBound,
                    sourceSpan: entry.tokens.spans[run.source.lowerBound]
                        .lowerBound..<entry.tokens.spans[
                            run.source.upperBound - 1
                        ].upperBound)
            }
            return TextCopyMatch(
                brand: entry.text.brand, text: entry.text.id, right: entry.text.right,
                similarity: Self.rounded(MinHash.similarity(signature, entry.signature)),
                containment: Self.rounded(containment), passages: passages, copiedWords: words)
        }
    }

    /// Maximal runs of equal tokens grown from the shared winnowing fingerprints, at least `minimumRun` long, in the
    /// listing's order, without overlaps in the listing.
    static func copiedRuns(
        _ tokens: TextTokens, _ entry: Entry, winnowing: Winnowing
    ) -> [(listing: Range<Int>, source: Range<Int>)] {
        let listing = tokens.hashes
        let source = entry.tokens.hashes
        var runs: [(listing: Range<Int>, source: Range<Int>)] = []
        for fingerprint in winnowing.fingerprints(of: listing) {
            guard let positions = entry.fingerprints[fingerprint.hash] else { continue }
            for position in positions {
                if runs.contains(where: {
                    $0.listing.contains(fingerprint.position)
                        && $0.source.lowerBound - $0.listing.lowerBound == position - fingerprint.position
                }) {
                    continue
                }
                var left = fingerprint.position
                var right = position
                while left > 0, right > 0, listing[left - 1] == source[right - 1] {
                    left -= 1
                    right -= 1
                }
                var length = 0
                while left + length < listing.count, right + length < source.count,
                    listing[left + length] == source[right + length]
                {
                    length += 1
                }
                guard length >= minimumRun else { continue }
                runs.append((left..<(left + length), right..<(right + length)))
            }
        }
        // Longest first, then drop runs overlapping a kept one in the listing.
        var kept: [(listing: Range<Int>, source: Range<Int>)] = []
        for run in runs.sorted(by: {
            ($0.listing.count, -$0.listing.lowerBound) > ($1.listing.count, -$1.listing.lowerBound)
        })
        where !kept.contains(where: { $0.listing.overlaps(run.listing) }) {
            kept.append(run)
        }
        return kept.sorted { $0.listing.lowerBound < $1.listing.lowerBound }
    }

    /// Every shingle's MinHash values, row after row in one flat array (`seeds.count` values a row): one allocation
    /// for the whole text rather than one per shingle.
    static func hashed(_ shingles: [UInt64], seeds: [UInt64]) -> [UInt64] {
        let width = seeds.count
        return [UInt64](unsafeUninitializedCapacity: shingles.count * width) { buffer, initialized in
            for (row, shingle) in shingles.enumerated() {
                for (column, seed) in seeds.enumerated() {
                    buffer[row * width + column] = TextTokens.mix(shingle ^ seed)
                }
            }
            initialized = shingles.count * width
        }
    }

    /// The column minima of `rows` of a flat array of rows of `bands × rows` values (a MinHash signature).
    static func minima(_ hashed: [UInt64], rows: Range<Int>) -> [UInt64] {
        let width = bands * Self.rows
        guard !rows.isEmpty else { return [] }
        var minima = Array(hashed[(rows.lowerBound * width)..<((rows.lowerBound + 1) * width)])
        hashed.withUnsafeBufferPointer { values in
            minima.withUnsafeMutableBufferPointer { minima in
                for row in rows.dropFirst() {
                    let base = row * width
                    for column in 0..<width where values[base + column] < minima[column] {
                        minima[column] = values[base + column]
                    }
                }
            }
        }
        return minima
    }

    static func bandKeys(_ signature: [UInt64]) -> [UInt64] {
        (0..<bands).map { band in
            var key = UInt64(band) &* 0x9e37_79b9_7f4a_7c15
            for row in 0..<rows { key = TextTokens.mix(key ^ signature[band * rows + row]) }
            return key
        }
    }

    static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
