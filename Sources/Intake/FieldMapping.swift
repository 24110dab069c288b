import Foundation

/// Which dump column (or JSON key) holds each of Proofmark's listing fields.
///
/// Every crawler names its columns differently; `--map title=product_name` says that Proofmark's `title` is the
/// dump's `product_name`. Unmapped fields are looked up under their own names.
public struct FieldMapping: Sendable, Hashable {
    /// Proofmark's field names, as DESIGN.md writes them.
    public static let fields: [String] = [
        "marketplace", "listing_id", "url", "captured_at", "title", "description", "price", "currency", "seller_id",
        "seller_name", "seller_url", "images",
    ]

    /// Proofmark field → dump column.
    public private(set) var columns: [String: String] = [:]

    public init() {}

    /// Parses `field=column` pairs (from `--map` options or the lines of a mapping file; blank lines and `#`
    /// comments are skipped). Every problem is reported, with the number of the entry it is on.
    public init(entries: [String]) throws(FieldMappingError) {
        var problems: [String] = []
        for (index, entry) in entries.enumerated() {
            let line = entry.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                problems.append("entry \(index + 1): \"\(entry)\" is not field=column")
                continue
            }
            guard Self.fields.contains(parts[0]) else {
                problems.append(
                    "entry \(index + 1): unknown field \"\(parts[0])\" (fields: \(Self.fields.joined(separator: ", ")))"
                )
                continue
            }
            if let earlier = columns[parts[0]], earlier != parts[1] {
                problems.append("entry \(index + 1): \"\(parts[0])\" is already mapped to \"\(earlier)\"")
                continue
            }
            columns[parts[0]] = parts[1]
        }
        guard problems.isEmpty else { throw FieldMappingError(problems: problems) }
    }

    /// The dump column holding `field`.
    public func column(for field: String) -> String { columns[field] ?? field }
}

/// A mapping that cannot be used.
public struct FieldMappingError: Error, Sendable, CustomStringConvertible {
    public var problems: [String]
    public var description: String { "bad column mapping: " + problems.joined(separator: "; ") }
}
