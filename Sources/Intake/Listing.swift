public import Foundation

/// One listing from a dump, as the crawler exported it (ARCHITECTURE.md, "Listing dump").
///
/// `marketplace` + `listingID` identify a listing across nights. Fields the crawler wrote that Proofmark does not
/// know are kept in `extra` and travel into the evidence; `raw` is the record exactly as dumped.
public struct Listing: Sendable, Hashable {
    public var marketplace: String
    public var listingID: String
    public var url: String?
    /// When the crawler captured the page, as written (ISO 8601 expected).
    public var capturedAt: String?
    public var title: String?
    public var description: String?
    public var price: Decimal?
    public var currency: String?
    public var sellerID: String?
    public var sellerName: String?
    public var sellerURL: String?
    /// Image references in dump order: paths relative to the dump's folder, or URLs.
    public var images: [String]
    /// Fields Proofmark does not interpret, by their name in the dump.
    public var extra: [String: String]
    /// The record exactly as dumped: the JSONL line, or the CSV record's fields as a JSON object.
    public var raw: String
    /// The dump line the record starts on (1-based).
    public var line: Int
    /// Whether the fields were read through a mapping (`FieldMapping` with rules) rather than under their own names:
    /// then the fields above are not what the raw record says under those names, and evidence must show both.
    public var isMapped = false
    /// The fields whose mapping rule found nothing in this record.
    public var unmatchedFields: [String] = []
    /// Values that could not be used for a field and were left out (an object where a text belongs, ...): the
    /// record still became a listing.
    public var fieldWarnings: [FieldWarning] = []
}

/// A value of a record left out of a field, and why.
public struct FieldWarning: Sendable, Hashable, CustomStringConvertible {
    public var field: String
    public var reason: String

    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    public var description: String { "\(field): \(reason)" }
}

/// A record of a dump that could not become a listing.
public struct DumpProblem: Sendable, Hashable, CustomStringConvertible {
    /// The line the record starts on (1-based).
    public var line: Int
    public var reason: String
    /// A stable name for the kind of problem, for counting: `invalid-json`, `not-an-object`, `too-long`,
    /// `wrong-field-count`, `invalid-fields`.
    public var category: String

    public init(line: Int, reason: String, category: String) {
        self.line = line
        self.reason = reason
        self.category = category
    }

    public var description: String { "line \(line): \(reason)" }
}

/// What reading one record gave.
public enum DumpRecord: Sendable, Hashable {
    case listing(Listing)
    case problem(DumpProblem)
}
