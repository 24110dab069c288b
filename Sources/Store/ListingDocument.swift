public import Foundation

/// A listing as the state file keeps it (`ListingRecord.raw`, `ListingVersionRecord.raw`) and a bag's
/// `listing.json` holds it: the record exactly as dumped, or, when its fields were read through a mapping, an
/// envelope with the listing as Proofmark read it beside the record as captured:
///
/// ```json
/// {"captured":{...the record, byte for byte...},"proofmark_listing":{"listing_id":"...","price":2.54,...}}
/// ```
///
/// Evidence reads Proofmark's fields (`fields`) from the listing as read, and the source's own fields (`captured`:
/// `asin`, `item_id`, `ships_to`, ...) from the record. A record dumped under Proofmark's own names is kept as it
/// is, so existing state files and bags read and compare as before.
public struct ListingDocument {
    /// The envelope's key for the record as captured.
    public static let capturedKey = "captured"
    /// The envelope's key for the listing as Proofmark read it.
    public static let listingKey = "proofmark_listing"

    /// Proofmark's fields (`title`, `price`, `seller_url`, `images`, ...).
    public let fields: [String: Any]
    /// The record as dumped.
    public let captured: [String: Any]

    /// Reads a stored listing; text that is not a JSON object reads as an empty listing.
    public init(_ text: String) {
        let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
        if let listing = object[Self.listingKey] as? [String: Any] {
            fields = listing
            captured = object[Self.capturedKey] as? [String: Any] ?? [:]
        } else {
            fields = object
            captured = object
        }
    }

    /// A field as text: a non-empty text, or a number as written.
    public func text(_ key: String) -> String? {
        switch fields[key] {
        case let value as String: value.isEmpty ? nil : value
        case let value as NSNumber: value.stringValue
        default: nil
        }
    }
}
