public import Findings
import Foundation
public import Store

/// A finding as a complaint needs it: the finding, its review, the right it rests on, and what its listing said.
public struct ExportItem: Sendable {
    public var finding: FindingRecord
    public var review: ReviewState
    /// The right from the registry snapshot; nil when the latest registry no longer declares it.
    public var right: RegisteredRightRecord?
    public var listing: ListingSummary
    public var elements: [AccusedElement]
    /// Context cues in the listing's own words (`fair-use`, `counterfeit`), from `context` signals.
    public var contextCues: Set<Signal.ContextSignal.Cue>
    /// Test-buy order ids, when the dump has them (`test_buy_order_id` or `test_buy_order_ids`).
    public var testBuyOrderIDs: [String]
    /// Whether the listing ships to the US, when the dump says (`ships_to_us`, or `ships_to` naming US).
    public var shipsToUS: Bool?
    /// Amazon's ASIN (`asin` in the dump, else the listing id on an Amazon marketplace).
    public var asin: String?
    /// eBay's item id (`item_id` in the dump, else the listing id).
    public var itemID: String

    public init(_ reviewed: ReviewedFinding, right: RegisteredRightRecord?) {
        finding = reviewed.finding
        review = reviewed.review
        self.right = right
        let document = ListingDocument(reviewed.listingRaw ?? "{}")
        listing = ListingSummary(
            document, marketplace: reviewed.finding.marketplace, listingID: reviewed.finding.listingID)
        if listing.url == nil { listing.url = reviewed.finding.url }
        if listing.sellerID == nil { listing.sellerID = reviewed.finding.sellerID }
        elements = reviewed.finding.signals
        contextCues = Set(elements.compactMap { if case .context(let cue) = $0 { cue.cue } else { nil } })
        // The source's own fields, under the names the dump gave them.
        let object = document.captured
        func strings(_ key: String) -> [String] {
            switch object[key] {
            case let value as String: value.isEmpty ? [] : [value]
            case let value as NSNumber: [value.stringValue]
            case let list as [Any]:
                list.compactMap { ($0 as? String) ?? ($0 as? NSNumber)?.stringValue }.filter { !$0.isEmpty }
            default: []
            }
        }
        testBuyOrderIDs = strings("test_buy_order_id") + strings("test_buy_order_ids")
        if let flag = object["ships_to_us"] as? Bool {
            shipsToUS = flag
        } else if object["ships_to"] != nil {
            shipsToUS = strings("ships_to").contains { ["US", "USA", "UNITED STATES"].contains($0.uppercased()) }
        }
        asin =
            strings("asin").first
            ?? (ExportChannel.entry(for: reviewed.finding.marketplace)?.channel == .amazon
                ? reviewed.finding.listingID : nil)
        itemID = strings("item_id").first ?? reviewed.finding.listingID
    }

    public var findingID: String { finding.findingID }
    /// `trademark`, `copyright`, `design-patent`, or `unknown` when the right is not in the registry.
    public var ipType: String { right?.kind ?? "unknown" }
    public var hasImageSignal: Bool { elements.contains { if case .image = $0 { true } else { false } } }

    /// Where the listing infringes, as Amazon's form asks: `product` (a counterfeit: a trademark finding with a
    /// price below the floor or the listing calling itself a replica), `image`, `text` (a mark or copied text).
    public var whereInfringes: [String] {
        var places: Set<String> = []
        for element in elements {
            if let place = element.infringementPlace(ipType: ipType) { places.insert(place) }
        }
        if ipType == "trademark", contextCues.contains(.counterfeit) { places.insert("product") }
        return ["product", "image", "text"].filter(places.contains)
    }

    /// The complaint's reason in a sentence: the right, its registration, and the evidence.
    public var reason: String {
        let registration = right?.registration ?? finding.right
        var evidence = elements.compactMap(\.complaintEvidence)
        if contextCues.contains(.counterfeit) { evidence.append("listing calls itself a replica") }
        let head =
            switch ipType {
            case "copyright": "Copyright infringement of registered work \(registration)"
            case "design-patent": "Infringement of design patent \(registration)"
            default: "Trademark infringement of registration \(registration)"
            }
        return evidence.isEmpty ? head : head + ": " + evidence.joined(separator: "; ")
    }

    /// eBay VeRO reason, symbolically (`--vero-reason-codes` maps these to eBay's numeric reason code ids).
    public var veroReason: String {
        switch ipType {
        case "copyright": hasImageSignal ? "copyright-image" : "copyright-text"
        case "design-patent": "design-patent"
        default: whereInfringes.contains("product") ? "trademark-counterfeit" : "trademark-listing-use"
        }
    }
}
