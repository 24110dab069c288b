public import Foundation

/// A JSON value, written with sorted keys and the shortest exact numbers, so every output is byte-stable: the
/// project's one JSON writer (findings, run records, bags, exports' request bodies go through it, directly or through
/// `CanonicalJSON`).
///
/// The canonical form, which every file Proofmark writes and every digest over JSON relies on:
/// - object members sorted by key (Swift `String` order: code points, for the ASCII keys Proofmark uses);
/// - integers in decimal; a `Double` with an integral value below 10^15 as an integer (`1`, not `1.0`); any other
///   finite `Double` in the shortest digits that read back exactly (Swift's `description`: `0.9535`, `1e-07`,
///   `1e+20`); a non-finite one as `null`; a `Decimal` as its `description` (`7.38`, `30`);
/// - strings as UTF-8, escaping `"` and `\`, `\n`, `\r`, `\t`, other controls below U+0020 and U+2028/U+2029 as
///   `\uXXXX`; nothing else is escaped (`/` stays `/`);
/// - `Layout.compact`: no whitespace at all (findings.jsonl, run.json, stored signals); `Layout.indented`: two
///   spaces a level, `" : "` between key and value, `/` escaped as `\/`, backspace and form feed as `\b` and `\f`
///   and U+2028/U+2029 as they are: the layout of a bag's `finding.json`, kept byte for byte from the bags made
///   before this writer wrote them (with `JSONSerialization`'s `.prettyPrinted`).
///
/// A small writer of our own: `JSONSerialization` cost a tenth of a run's time in dynamic casts, and its number
/// formatting is not specified.
public enum JSON: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    case string(String)
    case integer(Int)
    case double(Double)
    case decimal(Decimal)
    case bool(Bool)
    case null
    case array([JSON])
    case object([String: JSON])
    /// JSON text written by this writer earlier (a stored finding's signals), copied as it is.
    case verbatim(String)

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSON...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSON)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    /// How the text is laid out: whitespace, and how strings are escaped.
    ///
    /// `compact` and `indented` are the canonical form's two layouts (above). The other two keep the bytes of files
    /// and digests made when `JSONSerialization` wrote them: Foundation's string escaping, compact with `/` as `\/`
    /// (`compactEscapingSlashes`: review evidence keys, whose SHA-256 each decision stores) or indented with `/` as
    /// it is (`indentedKeepingSlashes`: eBay VeRO request bodies, `proofmark sellers --json`).
    public struct Layout: Sendable, Hashable {
        /// Two spaces a level and `" : "` between key and value; otherwise no whitespace at all.
        public var indents: Bool
        /// Strings escaped as `JSONSerialization` escapes them (backspace and form feed as `\b` and `\f`, U+2028 and
        /// U+2029 as they are) rather than canonically.
        public var foundationStrings: Bool
        /// With `foundationStrings`: `/` as `\/`.
        public var escapesSlashes: Bool

        public init(indents: Bool, foundationStrings: Bool, escapesSlashes: Bool) {
            self.indents = indents
            self.foundationStrings = foundationStrings
            self.escapesSlashes = escapesSlashes
        }

        public static let compact = Layout(indents: false, foundationStrings: false, escapesSlashes: false)
        public static let indented = Layout(indents: true, foundationStrings: true, escapesSlashes: true)
        public static let compactEscapingSlashes = Layout(indents: false, foundationStrings: true, escapesSlashes: true)
        public static let indentedKeepingSlashes = Layout(indents: true, foundationStrings: true, escapesSlashes: false)
    }

    /// The value as compact JSON text.
    public var text: String { text(layout: .compact) }

    /// The value as JSON text in `layout`.
    public func text(layout: Layout) -> String {
        var output = ""
        if layout.indents {
            writeIndented(to: &output, depth: 0, layout: layout)
        } else if layout.foundationStrings {
            writeFoundation(to: &output, layout: layout)
        } else {
            write(to: &output)
        }
        return output
    }

    /// Compact, with Foundation's string escaping.
    private func writeFoundation(to output: inout String, layout: Layout) {
        switch self {
        case .string(let value): Self.writeFoundationString(value, escapingSlashes: layout.escapesSlashes, to: &output)
        case .array(let values):
            output += "["
            for (index, value) in values.enumerated() {
                if index > 0 { output += "," }
                value.writeFoundation(to: &output, layout: layout)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { output += "," }
                Self.writeFoundationString(key, escapingSlashes: layout.escapesSlashes, to: &output)
                output += ":"
                members[key]?.writeFoundation(to: &output, layout: layout)
            }
            output += "}"
        default: write(to: &output)
        }
    }

    private func writeIndented(to output: inout String, depth: Int, layout: Layout) {
        let inner = String(repeating: "  ", count: depth + 1)
        let outer = String(repeating: "  ", count: depth)
        switch self {
        case .string(let value): Self.writeFoundationString(value, escapingSlashes: layout.escapesSlashes, to: &output)
        case .array(let values):
            output += "[\n"
            for (index, value) in values.enumerated() {
                if index > 0 { output += ",\n" }
                output += inner
                value.writeIndented(to: &output, depth: depth + 1, layout: layout)
            }
            output += "\n" + outer + "]"
        case .object(let members):
            output += "{\n"
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { output += ",\n" }
                output += inner
                Self.writeFoundationString(key, escapingSlashes: layout.escapesSlashes, to: &output)
                output += " : "
                members[key]?.writeIndented(to: &output, depth: depth + 1, layout: layout)
            }
            output += "\n" + outer + "}"
        default: write(to: &output)
        }
    }

    private static func writeFoundationString(_ value: String, escapingSlashes: Bool, to output: inout String) {
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "/" where escapingSlashes: output += "\\/"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{8}": output += "\\b"
            case "\u{C}": output += "\\f"
            case _ where scalar.value < 0x20:
                let digits = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }

    private func write(to output: inout String) {
        switch self {
        case .string(let value): Self.writeString(value, to: &output)
        case .integer(let value): output += String(value)
        case .double(let value):
            if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
                output += String(Int(value))
            } else if value.isFinite {
                output += String(value)  // Swift prints the shortest digits that read back exactly
            } else {
                output += "null"
            }
        case .decimal(let value): output += value.description
        case .bool(let value): output += value ? "true" : "false"
        case .null: output += "null"
        case .verbatim(let text): output += text
        case .array(let values):
            output += "["
            for (index, value) in values.enumerated() {
                if index > 0 { output += "," }
                value.write(to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { output += "," }
                Self.writeString(key, to: &output)
                output += ":"
                members[key]?.write(to: &output)
            }
            output += "}"
        }
    }

    private static func writeString(_ value: String, to output: inout String) {
        // Most strings need no escape: copy them whole.
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
            output += "\""
            output += value
            output += "\""
            return
        }
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let digits = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}

extension JSON {
    /// Reads JSON text this writer wrote (stored counts, parameters) back into a value; nil when it is not JSON.
    public init?(parsing text: String) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        else { return nil }
        self.init(foundation: object)
    }

    private init(foundation value: Any) {
        switch value {
        case let text as String: self = .string(text)
        case let number as NSNumber:
            // swift-corelibs-foundation boxes JSON booleans as `c`, integers as `i`/`q`, others as `d`.
            switch String(cString: number.objCType) {
            case "c": self = .bool(number.boolValue)
            case "d", "f": self = .double(number.doubleValue)
            default: self = .integer(number.intValue)
            }
        case let array as [Any]: self = .array(array.map(JSON.init(foundation:)))
        case let object as [String: Any]: self = .object(object.mapValues(JSON.init(foundation:)))
        default: self = .null
        }
    }

    /// Two values added member by member: numbers summed, objects merged key by key, lists joined (counts of
    /// shards).
    public static func sum(_ a: JSON, _ b: JSON) -> JSON {
        switch (a, b) {
        case (.integer(let x), .integer(let y)): .integer(x + y)
        case (.double(let x), .double(let y)): .double(x + y)
        case (.integer(let x), .double(let y)), (.double(let y), .integer(let x)): .double(Double(x) + y)
        case (.object(let x), .object(let y)): .object(x.merging(y) { sum($0, $1) })
        // Lists of messages (`mapping_warnings`): every shard's, in shard order.
        case (.array(let x), .array(let y)): .array(x + y)
        default: a
        }
    }
}
