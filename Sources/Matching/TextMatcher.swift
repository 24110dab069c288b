import TextFingerprint

/// What a listing's text showed: marks, copied registered texts, and the cues around them.
public struct TextEvidence: Sendable, Hashable {
    public var marks: [MarkMatch] = []
    public var copies: [TextCopyMatch] = []
    /// Cues, kept only when the listing has a mark or a copy: they are never evidence alone.
    public var context: [ContextMatch] = []

    public init(marks: [MarkMatch] = [], copies: [TextCopyMatch] = [], context: [ContextMatch] = []) {
        self.marks = marks
        self.copies = copies
        self.context = context
    }
}

/// The text side of matching one listing: word marks (`WordMarkFinder`), copied texts (`TextCopyIndex`) and
/// context cues (`ContextFinder`) over each field. Build once per run; safe to share between tasks.
public struct TextMatcher: Sendable {
    public let marks: WordMarkFinder
    public let copies: TextCopyIndex
    private let context = ContextFinder()
    /// The goods of each right that lists some, by right id.
    private let goods: [String: GoodsKeywords]

    public init(marks: [RegisteredMark], texts: [ProtectedText]) {
        self.marks = WordMarkFinder(marks)
        copies = TextCopyIndex(texts)
        var goods: [String: GoodsKeywords] = [:]
        for mark in marks where !mark.goods.isEmpty && goods[mark.right] == nil {
            let keywords = GoodsKeywords(mark.goods)
            if !keywords.isEmpty { goods[mark.right] = keywords }
        }
        self.goods = goods
    }

    /// The text evidence of a listing's fields (name and text, e.g. `title`, `description`), in field order.
    public func match(_ fields: [(name: String, text: String)]) -> TextEvidence {
        var evidence = TextEvidence()
        var fieldMarks: [[MarkMatch]] = []
        var foldedFields: [FoldedText] = []
        foldedFields.reserveCapacity(fields.count)
        for field in fields {
            let folded = FoldedText(field.text)
            foldedFields.append(folded)
            let found = marks.find(in: folded, field: field.name)
            fieldMarks.append(found)
            evidence.marks += found
            if !copies.isEmpty { evidence.copies += copies.matches(in: folded, field: field.name) }
        }
        guard !evidence.marks.isEmpty || !evidence.copies.isEmpty else { return evidence }
        if !goods.isEmpty {
            // Whether the listing names the goods of each right with goods, judged once over all its fields.
            var fits: [String: GoodsFit] = [:]
            var listing: GoodsKeywords.Listing?
            for index in evidence.marks.indices {
                let right = evidence.marks[index].right
                guard let keywords = goods[right] else { continue }
                if listing == nil { listing = GoodsKeywords.Listing(fields.map(\.text)) }
                let fit =
                    fits[right]
                    ?? (listing.map { keywords.named(in: $0) } == true ? GoodsFit.inside : GoodsFit.outside)
                fits[right] = fit
                evidence.marks[index].goods = fit
            }
            fieldMarks = fieldMarks.map { found in
                found.map { mark in
                    var mark = mark
                    mark.goods = fits[mark.right] ?? .unlisted
                    return mark
                }
            }
        }
        for ((field, folded), found) in zip(zip(fields, foldedFields), fieldMarks) {
            evidence.context += context.find(in: folded, field: field.name, marks: found)
        }
        return evidence
    }
}
