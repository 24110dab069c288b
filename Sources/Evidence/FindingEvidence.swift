public import Foundation
public import Store

/// A registered right as evidence names it: what a claim chart's row asserts and a bundle's certificate proves.
public struct RightSummary: Sendable, Hashable, Codable {
    public var id: String
    /// `trademark`, `copyright` or `design-patent`.
    public var type: String
    /// As registered, e.g. `US 5,123,456`.
    public var registration: String
    public var jurisdiction: String?
    public var holder: String?
    /// `YYYY-MM-DD`, when the registration expires.
    public var expires: String?
    /// The certificate file the registry names, if any (absolute path on this machine).
    public var certificate: URL?

    public init(
        id: String, type: String, registration: String, jurisdiction: String? = nil, holder: String? = nil,
        expires: String? = nil, certificate: URL? = nil
    ) {
        self.id = id
        self.type = type
        self.registration = registration
        self.jurisdiction = jurisdiction
        self.holder = holder
        self.expires = expires
        self.certificate = certificate
    }
}

/// What a listing said, as the claim chart and the report show it (from the listing as Proofmark read it).
public struct ListingSummary: Sendable, Hashable {
    public var marketplace: String
    public var listingID: String
    public var url: String?
    public var capturedAt: String?
    public var title: String?
    public var description: String?
    public var price: String?
    public var currency: String?
    public var sellerID: String?
    public var sellerName: String?
    public var sellerURL: String?
    public var images: [String]

    /// Reads the fields Proofmark knows from a listing as stored (`ListingRecord.raw`: the JSONL line, the CSV record
    /// as a JSON object, or for a mapped record the listing as read beside it: `ListingDocument`). Missing or
    /// unreadable fields are nil, never an error: evidence shows what is there.
    public init(raw: String, marketplace: String, listingID: String) {
        self.init(ListingDocument(raw), marketplace: marketplace, listingID: listingID)
    }

    public init(_ document: ListingDocument, marketplace: String, listingID: String) {
        self.marketplace = marketplace
        self.listingID = listingID
        url = document.text("url")
        capturedAt = document.text("captured_at")
        title = document.text("title")
        description = document.text("description")
        price = document.text("price")
        currency = document.text("currency")
        sellerID = document.text("seller_id")
        sellerName = document.text("seller_name")
        sellerURL = document.text("seller_url")
        switch document.fields["images"] {
        case let list as [Any]: images = list.compactMap { $0 as? String }
        case let joined as String: images = joined.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        default: images = []
        }
    }
}

/// One accused element of a finding: one signal, one row of its claim chart.
public enum AccusedElement: Sendable, Hashable {
    /// A registered image found in one of the listing's images.
    case image(ImageSignal)
    /// A word mark found in the title or the description.
    case wordMark(WordMarkSignal)
    /// A registered text copied into the listing.
    case textCopy(TextCopySignal)
    /// A price below the brand's floor.
    case price(price: String, floor: String)
    /// A counterfeit or nominative (fair-use) cue in the listing's text, beside a mark or a copy.
    case context(ContextSignal)

    public struct ImageSignal: Sendable, Hashable {
        public var asset: String
        /// The listing's image reference as dumped.
        public var image: String
        /// `pdq`, `pdq+trim`, `features`, ...
        public var algorithm: String
        public var distance: Int?
        public var inliers: Int?
        /// `identity`, `mirror`, `rot90`, ...
        public var transform: String?
        /// x, y, width, height in the suspect image.
        public var region: [Int]?
    }

    public struct WordMarkSignal: Sendable, Hashable {
        public var mark: String
        public var found: String
        /// `title` or `description`.
        public var field: String
        /// Character offsets in the field's text (start, end).
        public var span: [Int]
        /// `exact`, `glued`, `spaced`, `confusable`, `leet`, `edit`.
        public var how: String
    }

    public struct ContextSignal: Sendable, Hashable {
        /// `counterfeit` or `fair-use`.
        public var cue: String
        public var phrase: String
        public var field: String
        /// Character offsets in the field's text (start, end).
        public var span: [Int]
    }

    public struct TextCopySignal: Sendable, Hashable {
        public var text: String
        public var similarity: Double?
        public var containment: Double?
        /// `minhash+winnowing`.
        public var method: String?
        public var passages: [Passage] = []

        /// A copied passage: where it is in the listing's field and in the registered text (Character offsets).
        public struct Passage: Sendable, Hashable {
            public var field: String
            public var span: [Int]
            public var sourceSpan: [Int]
        }
    }

    /// The elements a finding's signals (`FindingRecord.signals`, a JSON array) name, in order; signals of a kind
    /// this version does not know are skipped.
    public static func elements(fromSignals json: String) -> [AccusedElement] {
        guard let list = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [[String: Any]] else {
            return []
        }
        return list.compactMap { signal in
            func text(_ key: String) -> String? {
                switch signal[key] {
                case let value as String: value
                case let value as NSNumber: value.stringValue
                default: nil
                }
            }
            func integer(_ key: String) -> Int? { (signal[key] as? NSNumber)?.intValue }
            switch signal["kind"] as? String {
            case "image":
                return .image(
                    ImageSignal(
                        asset: text("asset") ?? "", image: text("image") ?? "", algorithm: text("algorithm") ?? "",
                        distance: integer("distance"), inliers: integer("inliers"), transform: text("transform"),
                        region: (signal["region"] as? [NSNumber])?.map(\.intValue)))
            case "word-mark":
                return .wordMark(
                    WordMarkSignal(
                        mark: text("mark") ?? "", found: text("found") ?? "", field: text("field") ?? "",
                        span: (signal["span"] as? [NSNumber])?.map(\.intValue) ?? [], how: text("how") ?? ""))
            case "text-copy":
                let passages = (signal["passages"] as? [[String: Any]] ?? []).map { passage in
                    TextCopySignal.Passage(
                        field: passage["field"] as? String ?? "",
                        span: (passage["span"] as? [NSNumber])?.map(\.intValue) ?? [],
                        sourceSpan: (passage["source_span"] as? [NSNumber])?.map(\.intValue) ?? [])
                }
                return .textCopy(
                    TextCopySignal(
                        text: text("text") ?? "", similarity: (signal["similarity"] as? NSNumber)?.doubleValue,
                        containment: (signal["containment"] as? NSNumber)?.doubleValue, method: text("method"),
                        passages: passages))
            case "price":
                return .price(price: text("price") ?? "", floor: text("floor") ?? "")
            case "context":
                return .context(
                    ContextSignal(
                        cue: text("cue") ?? "", phrase: text("phrase") ?? "", field: text("field") ?? "",
                        span: (signal["span"] as? [NSNumber])?.map(\.intValue) ?? []))
            default:
                return nil
            }
        }
    }
}

/// Everything evidence about one finding is made of: the finding, the listing, the right, the accused elements.
public struct FindingEvidence: Sendable {
    public var finding: FindingRecord
    public var listing: ListingSummary
    public var right: RightSummary
    public var elements: [AccusedElement]
    /// The registry's owner (the brand owner on whose behalf the evidence is made).
    public var owner: String
    /// The contents of the registered texts the finding's text-copy signals name, by text id.
    public var registeredTexts: [String: String] = [:]

    public init(finding: FindingRecord, listing: ListingSummary, right: RightSummary, owner: String) {
        self.finding = finding
        self.listing = listing
        self.right = right
        self.owner = owner
        elements = AccusedElement.elements(fromSignals: finding.signals)
    }
}
