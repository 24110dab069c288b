import Foundation

/// Where a listing field's value is in a dump record: the right-hand side of a mapping rule, in a subset of jq's
/// syntax (https://jqlang.github.io/jq/manual/, "Basic filters").
///
/// - a path: `price.value`, `.price.value` (the leading dot is optional), `additionalImages[].imageUrl` (every
///   element), `variants[0].price` (one element, negative from the end), `attributes["odd key"]`;
/// - a string, constant or template: `'ebay'`, `'https://{shop}/products/{handle}'` (each `{path}` or `{$name}` is
///   replaced by the first value it finds; a template missing one finds nothing; `{{` and `}}` are braces);
/// - a variable given on the command line: `$shop`;
/// - alternatives separated by commas, all of whose values are produced in order (jq's `,`): a list field such as
///   `images` takes them all, any other field the first;
/// - conversions after pipes, applied to everything before them (jq's `|` binds loosest): `minor_units` (÷ 100, or
///   `minor_units(3)`), `html_text`, `https` (protocol-relative `//host/...` as `https://host/...`), `host` (a URL's
///   host without `www.`), `first`, `lowest`, `highest`.
///
/// A bare name holding spaces (`product name`, `Price (USD)`) is one key, as `--map` always read it.
public struct MappingExpression: Sendable, Hashable, CustomStringConvertible {
    enum Step: Sendable, Hashable {
        case key(String)
        case index(Int)
        case each
    }

    enum Part: Sendable, Hashable {
        case literal(String)
        case path([Step])
        case variable(String)
    }

    indirect enum Term: Sendable, Hashable {
        case path([Step])
        case template([Part])
        case variable(String)
        /// `( ... )`: alternatives and conversions of their own.
        case group([Term], [Conversion], [Int])
    }

    enum Conversion: String, Sendable, Hashable, CaseIterable {
        case minorUnits = "minor_units"
        case htmlText = "html_text"
        case https
        case host
        case first
        case lowest
        case highest
    }

    let terms: [Term]
    /// Conversions in order, with `minor_units`' number of digits.
    let conversions: [(Conversion, Int)]
    /// The expression as written.
    public let source: String

    public var description: String { source }

    public static func == (lhs: MappingExpression, rhs: MappingExpression) -> Bool { lhs.source == rhs.source }
    public func hash(into hasher: inout Hasher) { hasher.combine(source) }

    /// Parses `source`, or says what is wrong with it and at which character (1-based).
    public init(_ source: String) throws(MappingSyntaxError) {
        self.source = source
        let trimmed = source.trimmingCharacters(in: .whitespaces)
        // A CSV header such as `Product Name (EN)` or `Price (USD)`: spaces, and nothing that builds an expression.
        if !trimmed.isEmpty, trimmed.contains(where: \.isWhitespace),
            trimmed.allSatisfy({ !Self.operatorCharacters.contains($0) || $0 == "." || $0 == "(" || $0 == ")" })
        {
            terms = [.path([.key(trimmed)])]
            conversions = []
            return
        }
        var parser = Parser(Array(source))
        (terms, conversions) = try parser.expression()
    }

    /// The top-level keys of the record this expression reads (so they are not also kept as unknown fields).
    var topLevelKeys: Set<String> {
        var keys = Set<String>()
        func add(_ steps: [Step]) { if case .key(let key)? = steps.first { keys.insert(key) } }
        func visit(_ terms: [Term]) {
            for term in terms {
                switch term {
                case .path(let steps): add(steps)
                case .template(let parts): for case .path(let steps) in parts { add(steps) }
                case .group(let inner, _, _): visit(inner)
                case .variable: break
                }
            }
        }
        visit(terms)
        return keys
    }

    /// The variables the expression names.
    var variables: Set<String> {
        var names = Set<String>()
        func visit(_ terms: [Term]) {
            for term in terms {
                switch term {
                case .variable(let name): names.insert(name)
                case .template(let parts): for case .variable(let name) in parts { names.insert(name) }
                case .group(let inner, _, _): visit(inner)
                case .path: break
                }
            }
        }
        visit(terms)
        return names
    }

    /// Whether the expression is one plain key (a column name).
    var plainKey: String? {
        if conversions.isEmpty, terms.count == 1, case .path(let steps) = terms[0], steps.count == 1,
            case .key(let key) = steps[0]
        {
            return key
        }
        return nil
    }

    /// Every value the expression finds in `record` (JSON values as `JSONSerialization` gives them, `Decimal`s
    /// after a numeric conversion), in order; JSON nulls are not values.
    func values(in record: [String: Any], variables: [String: String]) -> [Any] {
        Self.evaluate(terms, conversions, in: record, variables: variables, source: source)
    }

    private static func evaluate(
        _ terms: [Term], _ conversions: [(Conversion, Int)], in record: [String: Any], variables: [String: String],
        source: String
    ) -> [Any] {
        var found: [Any] = []
        for term in terms {
            switch term {
            case .path(let steps):
                var values = follow(steps, from: record)
                // A CSV column (or JSON key) literally named `a.b` is read as that column.
                if values.isEmpty, steps.count > 1, steps.allSatisfy({ if case .key = $0 { true } else { false } }),
                    let literal = record[source.trimmingCharacters(in: .whitespaces)], !(literal is NSNull)
                {
                    values = [literal]
                }
                found += values
            case .variable(let name):
                if let value = variables[name] { found.append(value) }
            case .group(let inner, let names, let digits):
                found += evaluate(
                    inner, Array(zip(names, digits)), in: record, variables: variables, source: source)
            case .template(let parts):
                var text = ""
                var complete = true
                for part in parts {
                    switch part {
                    case .literal(let literal): text += literal
                    case .variable(let name):
                        guard let value = variables[name] else {
                            complete = false
                            break
                        }
                        text += value
                    case .path(let steps):
                        guard let value = follow(steps, from: record).lazy.compactMap(scalarText).first,
                            !value.isEmpty
                        else {
                            complete = false
                            break
                        }
                        text += value
                    }
                    if !complete { break }
                }
                if complete { found.append(text) }
            }
        }
        for (conversion, digits) in conversions { found = MappingConversions.apply(conversion, digits: digits, found) }
        return found
    }

    private static func follow(_ steps: [Step], from record: [String: Any]) -> [Any] {
        var current: [Any] = [record]
        for step in steps {
            var next: [Any] = []
            for value in current {
                switch step {
                case .key(let key):
                    if let object = value as? [String: Any], let member = object[key] { next.append(member) }
                case .index(let index):
                    if let list = value as? [Any] {
                        let position = index < 0 ? list.count + index : index
                        if list.indices.contains(position) { next.append(list[position]) }
                    }
                case .each:
                    if let list = value as? [Any] {
                        next += list
                    } else if let object = value as? [String: Any] {
                        next += object.keys.sorted().compactMap { object[$0] }
                    }
                }
            }
            current = next.filter { !($0 is NSNull) }
        }
        return current
    }

    /// A text or a number as text (booleans, objects and lists are not).
    static func scalarText(_ value: Any) -> String? {
        switch value {
        case let text as String: return text
        case let decimal as Decimal: return decimal.description
        case let number as NSNumber: return isBoolean(number) ? nil : number.stringValue
        default: return nil
        }
    }

    /// JSON true/false arrive as NSNumbers of type char (or Bool); JSON numbers never do.
    static func isBoolean(_ number: NSNumber) -> Bool {
        let type = String(cString: number.objCType)
        return type == "c" || type == "B"
    }

    static let operatorCharacters: Set<Character> = [".", "[", "]", ",", "|", "'", "\"", "{", "}", "$", "(", ")"]
}

/// A mapping expression that does not parse: what is wrong, and at which character of it (1-based).
public struct MappingSyntaxError: Error, Sendable, Hashable {
    public var message: String
    public var column: Int
}

/// A recursive-descent parser of `MappingExpression`'s grammar.
private struct Parser {
    let characters: [Character]
    var position = 0

    init(_ characters: [Character]) { self.characters = characters }

    typealias Term = MappingExpression.Term
    typealias Step = MappingExpression.Step

    mutating func expression() throws(MappingSyntaxError) -> ([Term], [(MappingExpression.Conversion, Int)]) {
        let result = try alternatives()
        if let extra = peek {
            throw fail("unexpected \"\(extra)\"" + (extra == "=" ? " (one field=expression per line)" : ""))
        }
        return result
    }

    /// Terms and their conversions, up to the end or a closing parenthesis.
    private mutating func alternatives() throws(MappingSyntaxError) -> (
        [Term], [(MappingExpression.Conversion, Int)]
    ) {
        var terms = [try term()]
        skipSpaces()
        while peek == "," {
            position += 1
            terms.append(try term())
            skipSpaces()
        }
        var conversions: [(MappingExpression.Conversion, Int)] = []
        while peek == "|" {
            position += 1
            skipSpaces()
            conversions.append(try conversion())
            skipSpaces()
        }
        return (terms, conversions)
    }

    private mutating func term() throws(MappingSyntaxError) -> Term {
        skipSpaces()
        switch peek {
        case nil: throw fail("a path, a 'string' or a $variable is missing")
        case "'", "\"": return .template(try template())
        case "$":
            position += 1
            return .variable(try identifier(what: "a variable name"))
        case "(":
            position += 1
            let (inner, conversions) = try alternatives()
            guard peek == ")" else { throw fail("\")\" is missing") }
            position += 1
            return .group(inner, conversions.map(\.0), conversions.map(\.1))
        default: return .path(try path())
        }
    }

    private mutating func path() throws(MappingSyntaxError) -> [Step] {
        var steps: [Step] = []
        if peek == "." {
            position += 1
            if peek == "[" || peek == "\"" {
                // `.[]`, `.["key"]`, `."key"`: handled below
            } else {
                steps.append(.key(try identifier(what: "a key")))
            }
        } else if peek != "[" {
            steps.append(.key(try identifier(what: "a key")))
        }
        while let next = peek {
            if next == "." {
                position += 1
                if peek == "\"" || peek == "'" {
                    steps.append(.key(try quoted()))
                } else {
                    steps.append(.key(try identifier(what: "a key after \".\"")))
                }
            } else if next == "\"" && steps.isEmpty {
                steps.append(.key(try quoted()))
            } else if next == "[" {
                position += 1
                skipSpaces()
                switch peek {
                case "]":
                    steps.append(.each)
                case "\"", "'":
                    steps.append(.key(try quoted()))
                default:
                    let start = position
                    if peek == "-" { position += 1 }
                    while let digit = peek, digit.isASCII, digit.isNumber { position += 1 }
                    guard let index = Int(String(characters[start..<position])) else {
                        throw fail("expected [], [number] or [\"key\"]")
                    }
                    steps.append(.index(index))
                }
                skipSpaces()
                guard peek == "]" else { throw fail("\"]\" is missing") }
                position += 1
            } else {
                break
            }
        }
        guard !steps.isEmpty else { throw fail("a path is empty") }
        return steps
    }

    private mutating func template() throws(MappingSyntaxError) -> [MappingExpression.Part] {
        let quote = characters[position]
        let start = position
        position += 1
        var parts: [MappingExpression.Part] = []
        var literal = ""
        while true {
            guard let next = peek else {
                position = start
                throw fail("the string opened here is not closed with \(quote)")
            }
            position += 1
            switch next {
            case quote:
                if !literal.isEmpty { parts.append(.literal(literal)) }
                return parts
            case "\\":
                guard let escaped = peek else { continue }
                literal.append(escaped)
                position += 1
            case "{" where peek == "{":
                literal.append("{")
                position += 1
            case "}" where peek == "}":
                literal.append("}")
                position += 1
            case "{":
                if !literal.isEmpty { parts.append(.literal(literal)) }
                literal = ""
                skipSpaces()
                if peek == "$" {
                    position += 1
                    parts.append(.variable(try identifier(what: "a variable name")))
                } else {
                    parts.append(.path(try path()))
                }
                skipSpaces()
                guard peek == "}" else { throw fail("\"}\" is missing after a placeholder") }
                position += 1
            case "}":
                position -= 1
                throw fail("a lone \"}\" (write }} for a brace)")
            default:
                literal.append(next)
            }
        }
    }

    private mutating func conversion() throws(MappingSyntaxError) -> (MappingExpression.Conversion, Int) {
        let start = position
        let name = try identifier(what: "a conversion")
        guard let conversion = MappingExpression.Conversion(rawValue: name) else {
            position = start
            throw fail(
                "unknown conversion \"\(name)\" (conversions: "
                    + MappingExpression.Conversion.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }
        var digits = 2
        skipSpaces()
        if peek == "(" {
            position += 1
            skipSpaces()
            let numberStart = position
            while let digit = peek, digit.isASCII, digit.isNumber { position += 1 }
            guard conversion == .minorUnits, let value = Int(String(characters[numberStart..<position])), value <= 6
            else {
                throw fail(
                    conversion == .minorUnits
                        ? "minor_units takes a number of digits from 0 to 6" : "\(name) takes no argument")
            }
            digits = value
            skipSpaces()
            guard peek == ")" else { throw fail("\")\" is missing") }
            position += 1
        }
        return (conversion, digits)
    }

    private mutating func quoted() throws(MappingSyntaxError) -> String {
        let parts = try template()
        var text = ""
        for part in parts {
            guard case .literal(let literal) = part else { throw fail("a quoted key cannot hold a placeholder") }
            text += literal
        }
        return text
    }

    private mutating func identifier(what: String) throws(MappingSyntaxError) -> String {
        let start = position
        while let next = peek, !next.isWhitespace, !MappingExpression.operatorCharacters.contains(next),
            next != "=", next != "#"
        {
            position += 1
        }
        guard position > start else {
            throw fail("\(what) is missing" + (peek.map { " before \"\($0)\"" } ?? ""))
        }
        return String(characters[start..<position])
    }

    private var peek: Character? { position < characters.count ? characters[position] : nil }

    private mutating func skipSpaces() { while let next = peek, next.isWhitespace { position += 1 } }

    private func fail(_ message: String) -> MappingSyntaxError {
        MappingSyntaxError(message: message, column: position + 1)
    }
}
