import Foundation

/// Where each of Proofmark's listing fields is in a dump record.
///
/// Every crawler and API names and nests its fields differently; `--map title=product_name` says that Proofmark's
/// `title` is the dump's `product_name`, and `price = price.value` reaches into an object (`MappingExpression` has
/// the syntax: jq paths, constants, templates, conversions). Unmapped fields are looked up under their own names.
/// Mappings come in layers: a built-in profile (`BuiltInProfile`), then a mapping file, then `--map` options, each
/// replacing the rules of the fields it maps.
public struct FieldMapping: Sendable, Hashable {
    /// Proofmark's field names, as ARCHITECTURE.md writes them.
    public static let fields: [String] = [
        "marketplace", "listing_id", "url", "captured_at", "title", "description", "price", "currency", "seller_id",
        "seller_name", "seller_url", "images",
    ]

    /// One `field = expression` line.
    public struct Rule: Sendable, Hashable {
        public var field: String
        public var expression: MappingExpression
        /// Written `field? = ...`: the source often lacks it, so matching nothing in most records is no warning.
        public var optional: Bool
        /// Where it was written: `entry 2` (of `--map`), `FILE:LINE`, `ebay-browse.map:14`.
        public var location: String
    }

    /// Rules by Proofmark field.
    public private(set) var rules: [String: Rule] = [:]
    /// Values of `$name` in expressions (`--map-var name=value`).
    public var variables: [String: String] = [:]
    /// The built-in profile the mapping starts from, if any.
    public var profile: String?

    public init() {}

    /// Parses `field=expression` entries (`--map` options; blank ones and `#` comments are skipped). Every problem
    /// is reported, with the number of the entry it is on.
    public init(entries: [String]) throws(FieldMappingError) {
        try self.init(lines: entries) { "entry \($0)" }
    }

    /// Parses a mapping file: one `field = expression` a line, `#` comments (whole lines, or after a space outside
    /// quotes), blank lines. Every problem is reported as `FILE:LINE: ...`.
    public init(text: String, file: String) throws(FieldMappingError) {
        try self.init(lines: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)) {
            "\(file):\($0)"
        }
    }

    private init(lines: [String], location: (Int) -> String) throws(FieldMappingError) {
        var problems: [String] = []
        for (index, entry) in lines.enumerated() {
            let here = location(index + 1)
            let line = Self.withoutComment(entry).trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                problems.append("\(here): \"\(entry.trimmingCharacters(in: .whitespaces))\" is not field=expression")
                continue
            }
            var field = parts[0]
            let optional = field.hasSuffix("?")
            if optional { field = String(field.dropLast()).trimmingCharacters(in: .whitespaces) }
            guard Self.fields.contains(field) else {
                problems.append(
                    "\(here): unknown field \"\(field)\" (fields: \(Self.fields.joined(separator: ", ")))")
                continue
            }
            let expression: MappingExpression
            do {
                expression = try MappingExpression(parts[1])
            } catch {
                problems.append("\(here): \(field): \(error.message) at character \(error.column) of \"\(parts[1])\"")
                continue
            }
            if let earlier = rules[field], earlier.expression != expression {
                problems.append(
                    "\(here): \"\(field)\" is already mapped to \"\(earlier.expression)\" (\(earlier.location))")
                continue
            }
            rules[field] = Rule(field: field, expression: expression, optional: optional, location: here)
        }
        guard problems.isEmpty else { throw FieldMappingError(problems: problems) }
    }

    /// A line without its `#` comment: a `#` at the start, or after a space or tab outside quotes.
    static func withoutComment(_ line: String) -> String {
        var quote: Character?
        var previous: Character = " "
        for (offset, character) in line.enumerated() {
            if let open = quote {
                if character == open && previous != "\\" { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "#" && (previous == " " || previous == "\t") {
                return String(line.prefix(offset))
            }
            previous = character
        }
        return line
    }

    /// This mapping with `other`'s rules in place of its own for the fields `other` maps, and `other`'s variables.
    public func overridden(by other: FieldMapping) -> FieldMapping {
        var result = self
        result.rules.merge(other.rules) { _, new in new }
        result.variables.merge(other.variables) { _, new in new }
        result.profile = other.profile ?? profile
        return result
    }

    /// Whether every field is read under its own name, as in a dump written for Proofmark.
    public var isIdentity: Bool { rules.isEmpty }

    /// Proofmark field → the expression reading it, as written (`run.json`'s `parameters.mapping`).
    public var columns: [String: String] { rules.mapValues(\.expression.source) }

    /// Problems that do not stop a run: variables the rules use that were not given, each naming its rules.
    public var warnings: [String] {
        var users: [String: [String]] = [:]
        for rule in rules.values.sorted(by: { $0.field < $1.field }) {
            for name in rule.expression.variables where variables[name] == nil {
                users[name, default: []].append(rule.field)
            }
        }
        return users.keys.sorted().map { name in
            "$\(name) is not set, so \(users[name, default: []].joined(separator: ", ")) find nothing where they need it"
                + (profile.map { " (profile \($0))" } ?? "") + "; give --map-var \(name)=VALUE"
        }
    }
}

/// A mapping that cannot be used.
public struct FieldMappingError: Error, Sendable, CustomStringConvertible {
    public var problems: [String]
    public var description: String { "bad field mapping: " + problems.joined(separator: "; ") }
}
