public import Foundation

/// One piece of evidence a finding rests on, with its payload: what `findings.jsonl`, the state file, a bag's
/// `finding.json`, the claim chart, the report and the exports all read.
///
/// Coded as one JSON object whose `kind` names the case (`image`, `word-mark`, `text-copy`, `price`, `context`) and
/// whose other members are the payload's (`ARCHITECTURE.md`, "The finding"). A new kind is a new case and its
/// payload here: the compiler then names every `switch` that has to say what the kind means.
public enum Signal: Sendable, Hashable, Codable {
    /// A registered image found in one of the listing's images.
    case image(ImageSignal)
    /// A word mark found in the title or the description.
    case wordMark(WordMarkSignal)
    /// A registered text copied into the listing.
    case textCopy(TextCopySignal)
    /// A price below the brand's floor.
    case price(PriceSignal)
    /// A counterfeit or nominative (fair-use) cue in the listing's text, beside a mark or a copy.
    case context(ContextSignal)

    /// The `kind` member of each case.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case image
        case wordMark = "word-mark"
        case textCopy = "text-copy"
        case price
        case context
    }

    public var kind: Kind {
        switch self {
        case .image: .image
        case .wordMark: .wordMark
        case .textCopy: .textCopy
        case .price: .price
        case .context: .context
        }
    }

    private enum KindKey: String, CodingKey { case kind }

    public init(from decoder: any Decoder) throws {
        let kind = try decoder.container(keyedBy: KindKey.self).decode(Kind.self, forKey: .kind)
        switch kind {
        case .image: self = .image(try ImageSignal(from: decoder))
        case .wordMark: self = .wordMark(try WordMarkSignal(from: decoder))
        case .textCopy: self = .textCopy(try TextCopySignal(from: decoder))
        case .price: self = .price(try PriceSignal(from: decoder))
        case .context: self = .context(try ContextSignal(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: KindKey.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case .image(let payload): try payload.encode(to: encoder)
        case .wordMark(let payload): try payload.encode(to: encoder)
        case .textCopy(let payload): try payload.encode(to: encoder)
        case .price(let payload): try payload.encode(to: encoder)
        case .context(let payload): try payload.encode(to: encoder)
        }
    }

    /// The key the signal adds to a finding's review evidence (`ReviewEvidence`): what a decision saw, so that a
    /// dismissal reopens when a later night has a key it did not. Nil for signals that move night to night without
    /// new evidence (prices) and for fair-use cues.
    public var reviewEvidenceKey: String? {
        switch self {
        case .image(let image): "image \(image.asset) \(image.transform ?? "identity")"
        case .wordMark(let mark): "word-mark \(mark.mark) \(mark.field)"
        case .textCopy(let copy): "text-copy \(copy.text)"
        case .context(let cue): cue.cue == .counterfeit ? "context counterfeit" : nil
        case .price: nil
        }
    }

    /// The listing text the signal points at, by field (`title`, `description`) and `[start, end]` character span,
    /// for highlighting: a word mark's or a context cue's span, a copied text's passages; none for images and prices.
    public var listingSpans: [(field: String, span: [Int])] {
        switch self {
        case .wordMark(let mark): [(mark.field, mark.span)]
        case .textCopy(let copy): copy.passages.map { ($0.field, $0.span) }
        case .context(let cue): [(cue.field, cue.span)]
        case .image, .price: []
        }
    }

    /// A list of signals as stored and written: a JSON array, canonical (`CanonicalJSON`).
    public static func text(_ signals: [Signal]) -> String {
        // Every payload is made of strings, integers, finite or non-finite doubles and decimals: nothing throws.
        (try? CanonicalJSON.text(signals)) ?? "[]"
    }

    /// A list of signals read from JSON text; throws naming the signal and field that does not read.
    public static func list(_ text: String) throws -> [Signal] {
        try CanonicalJSON.decode([Signal].self, from: text)
    }
}

extension Signal {
    /// `{"kind":"image","asset":…,"image":…,"algorithm":…,"transform":…,"reference_view":…,"suspect_view":…,
    /// "strength":…,"distance":…,"inliers":…,"trusted":false,"region":[x,y,w,h]}`
    public struct ImageSignal: Sendable, Hashable, Codable {
        /// The registered image's id.
        public var asset: String
        /// The listing's image reference as dumped.
        public var image: String
        /// `pdq`, `pdq+trim`, `pdq+content`, `features`, ...
        public var algorithm: String
        /// `identity`, `mirror`, `rot90`, ... (absent in signals stored before transforms were named).
        public var transform: String?
        /// The views of the registered and the suspect image that matched (`whole`, `trim`, `panel-…`, ...).
        public var referenceView: String?
        public var suspectView: String?
        /// The match's strength in 0...1 (`ImageMatcher.strength`).
        public var strength: Double?
        /// PDQ distance in bits, for hash matches.
        public var distance: Int?
        /// RANSAC inliers, for feature matches.
        public var inliers: Int?
        /// `false` when a low-information image's match is not trusted; absent (nil) when it is.
        public var trusted: Bool?
        /// x, y, width, height in the suspect image.
        public var region: [Int]?

        public init(
            asset: String, image: String, algorithm: String, transform: String? = nil, referenceView: String? = nil,
            suspectView: String? = nil, strength: Double? = nil, distance: Int? = nil, inliers: Int? = nil,
            trusted: Bool? = nil, region: [Int]? = nil
        ) {
            self.asset = asset
            self.image = image
            self.algorithm = algorithm
            self.transform = transform
            self.referenceView = referenceView
            self.suspectView = suspectView
            self.strength = strength
            self.distance = distance
            self.inliers = inliers
            self.trusted = trusted
            self.region = region
        }

        enum CodingKeys: String, CodingKey {
            case asset, image, algorithm, transform, referenceView = "reference_view", suspectView = "suspect_view"
            case strength, distance, inliers, trusted, region
        }
    }

    /// `{"kind":"word-mark","mark":…,"found":…,"field":…,"span":[a,b],"how":…}`, with `"goods"` when the right
    /// lists its goods and `"weak"` for a weak hit.
    public struct WordMarkSignal: Sendable, Hashable, Codable {
        public var mark: String
        /// The text as the listing has it.
        public var found: String
        /// `title` or `description`.
        public var field: String
        /// Character offsets in the field's text (start, end).
        public var span: [Int]
        /// `exact`, `glued`, `spaced`, `confusable`, `leet`, `edit`, ...
        public var how: String
        /// Whether the listing's goods are among the right's (absent when the right lists none).
        public var goods: Goods?
        /// Why the hit is weak, if it is.
        public var weak: Weakness?

        public enum Goods: String, Sendable, Hashable, Codable {
            case inside
            case outside
        }

        public enum Weakness: String, Sendable, Hashable, Codable {
            case splitsWord = "splits-word"
            case outsideGoods = "outside-goods"
        }

        public init(
            mark: String, found: String, field: String, span: [Int], how: String, goods: Goods? = nil,
            weak: Weakness? = nil
        ) {
            self.mark = mark
            self.found = found
            self.field = field
            self.span = span
            self.how = how
            self.goods = goods
            self.weak = weak
        }
    }

    /// `{"kind":"text-copy","text":…,"similarity":…,"containment":…,"method":"minhash+winnowing","passages":[…]}`
    public struct TextCopySignal: Sendable, Hashable, Codable {
        /// The registered text's id.
        public var text: String
        public var similarity: Double?
        public var containment: Double?
        /// `minhash+winnowing`.
        public var method: String?
        public var passages: [Passage]

        /// A copied passage: where it is in the listing's field and in the registered text (Character offsets).
        public struct Passage: Sendable, Hashable, Codable {
            public var field: String
            public var span: [Int]
            public var sourceSpan: [Int]

            public init(field: String, span: [Int], sourceSpan: [Int]) {
                self.field = field
                self.span = span
                self.sourceSpan = sourceSpan
            }

            enum CodingKeys: String, CodingKey {
                case field, span, sourceSpan = "source_span"
            }
        }

        public init(
            text: String, similarity: Double? = nil, containment: Double? = nil, method: String? = nil,
            passages: [Passage] = []
        ) {
            self.text = text
            self.similarity = similarity
            self.containment = containment
            self.method = method
            self.passages = passages
        }

        enum CodingKeys: String, CodingKey {
            case text, similarity, containment, method, passages
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            text = try container.decode(String.self, forKey: .text)
            similarity = try container.decodeIfPresent(Double.self, forKey: .similarity)
            containment = try container.decodeIfPresent(Double.self, forKey: .containment)
            method = try container.decodeIfPresent(String.self, forKey: .method)
            passages = try container.decodeIfPresent([Passage].self, forKey: .passages) ?? []
        }
    }

    /// `{"kind":"price","price":…,"floor":…}`: decimals, as the dump and the registry gave them.
    public struct PriceSignal: Sendable, Hashable, Codable {
        public var price: Decimal
        public var floor: Decimal

        public init(price: Decimal, floor: Decimal) {
            self.price = price
            self.floor = floor
        }
    }

    /// `{"kind":"context","cue":"counterfeit"|"fair-use","phrase":…,"field":…,"span":[a,b]}`
    public struct ContextSignal: Sendable, Hashable, Codable {
        public var cue: Cue
        public var phrase: String
        public var field: String
        /// Character offsets in the field's text (start, end).
        public var span: [Int]

        public enum Cue: String, Sendable, Hashable, Codable {
            /// The listing calls itself a replica, a fake, ...
            case counterfeit
            /// Nominative use: `compatible with`, `for`, ...
            case fairUse = "fair-use"
        }

        public init(cue: Cue, phrase: String, field: String, span: [Int]) {
            self.cue = cue
            self.phrase = phrase
            self.field = field
            self.span = span
        }
    }
}
