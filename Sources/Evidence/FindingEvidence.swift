public import Findings
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
public typealias AccusedElement = Signal

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
        elements = finding.signals
    }
}
