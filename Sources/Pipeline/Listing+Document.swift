import Findings
import Intake
import Store

extension Listing {
    /// The listing as the state file keeps it and a bag's `listing.json` holds it (`ListingDocument`): the record
    /// as dumped when it was read under Proofmark's own names, else the listing as read beside the record as
    /// captured, so that every output shows the mapped title, price, seller and URLs.
    var storedText: String {
        guard isMapped else { return raw }
        var fields: [String: JSON] = [
            "marketplace": .string(marketplace), "listing_id": .string(listingID),
            "images": .array(images.map { .string($0) }),
        ]
        let texts: [(String, String?)] = [
            ("url", url), ("captured_at", capturedAt), ("title", title), ("description", description),
            ("currency", currency), ("seller_id", sellerID), ("seller_name", sellerName), ("seller_url", sellerURL),
        ]
        for (key, value) in texts { if let value { fields[key] = .string(value) } }
        if let price { fields["price"] = .decimal(price) }
        // `raw` is a JSON object: the dump line that parsed as one, or a CSV record written as one.
        return JSON.object([ListingDocument.capturedKey: .verbatim(raw), ListingDocument.listingKey: .object(fields)])
            .text
    }
}
