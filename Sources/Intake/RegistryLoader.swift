public import Foundation
import Yams

/// Reads and validates a registry file (ARCHITECTURE.md, "Registry file").
///
/// Validation happens before any work starts and reports every problem at once, each with file, line, column and
/// field: YAML syntax, unknown keys, missing or mistyped fields, duplicate ids, marks, assets and texts naming a
/// right that is not declared, asset, text and certificate files that are missing or unreadable. An expired right
/// is a warning (its marks may still serve as context), judged against the day passed in, never the clock.
public enum RegistryLoader {
    /// The loaded registry and the warnings that did not stop it.
    public struct Loaded: Sendable {
        public var registry: Registry
        public var warnings: [RegistryIssue]
    }

    /// The largest registry file read, in bytes: thousands of brands fit in a fraction of it.
    public static let maximumBytes = 16 << 20
    /// The most YAML nodes a registry may stand for once its aliases are expanded (see ``YAMLBounds``).
    public static let maximumNodes = 1_000_000
    /// The deepest nesting of lists and mappings (the registry's own schema needs six levels).
    public static let maximumDepth = 64

    /// Loads the registry at `path`; `today` decides which rights have expired. Asset, text and certificate paths
    /// must stay inside the registry's folder or one of `allowedRoots`.
    public static func load(
        path: String, today: LocalDate, allowedRoots: [URL] = []
    ) throws(RegistryError) -> Loaded {
        let url = URL(fileURLWithPath: path)
        let text: String
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maximumBytes {
            throw RegistryError(issues: [
                RegistryIssue(
                    severity: .error, file: path, line: nil, column: nil, field: "",
                    message: "the registry is \(size) bytes, more than the \(maximumBytes) a registry may be")
            ])
        }
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw RegistryError(issues: [
                RegistryIssue(
                    severity: .error, file: path, line: nil, column: nil, field: "",
                    message: "cannot read the registry: \((error as NSError).localizedDescription)")
            ])
        }
        return try parse(
            text, file: path, folder: url.deletingLastPathComponent(), today: today, allowedRoots: allowedRoots)
    }

    /// Validates registry text; relative paths resolve against `folder`, and every path must stay inside it or one
    /// of `allowedRoots`.
    public static func parse(
        _ text: String, file: String, folder: URL, today: LocalDate, allowedRoots: [URL] = []
    ) throws(RegistryError) -> Loaded {
        var reader = RegistryReader(file: file, folder: folder, today: today, allowedRoots: allowedRoots)
        if text.utf8.count > maximumBytes {
            throw RegistryError(issues: [
                reader.issue(
                    nil, "", "the registry is \(text.utf8.count) bytes, more than the \(maximumBytes) a registry may be"
                )
            ])
        }
        // Checked on the parser's events before Yams composes a tree, which an alias bomb would make unbounded.
        if let violation = YAMLBounds.violation(in: text, maximumNodes: maximumNodes, maximumDepth: maximumDepth) {
            throw RegistryError(issues: [
                RegistryIssue(
                    severity: .error, file: file, line: violation.line, column: violation.column, field: "",
                    message: "refused YAML: \(violation.message)")
            ])
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw RegistryError(issues: [reader.syntaxIssue(error)])
        }
        guard let root else {
            throw RegistryError(issues: [reader.issue(nil, "", "the registry is empty")])
        }
        let registry = reader.registry(root)
        guard let registry, reader.issues.allSatisfy({ $0.severity == .warning }) else {
            throw RegistryError(issues: reader.issues)
        }
        return Loaded(registry: registry, warnings: reader.issues)
    }
}

/// Walks the YAML node tree, building the registry and collecting issues instead of stopping at the first.
struct RegistryReader {
    let file: String
    let folder: URL
    let today: LocalDate
    /// Folders outside ``folder`` that asset, text and certificate paths may name.
    let allowedRoots: [URL]
    var issues: [RegistryIssue] = []

    init(file: String, folder: URL, today: LocalDate, allowedRoots: [URL] = []) {
        self.file = file
        self.folder = folder
        self.today = today
        self.allowedRoots = allowedRoots
    }

    // MARK: - The document

    mutating func registry(_ root: Node) -> Registry? {
        guard let fields = mapping(root, "", keys: ["owner", "rights", "brands"], required: ["owner", "brands"])
        else { return nil }
        let owner = fields["owner"].flatMap { text($0, "owner") } ?? ""
        var rights: [Right] = []
        var seenRights: [String: String] = [:]
        for (index, node) in (fields["rights"].flatMap { sequence($0, "rights") } ?? []).enumerated() {
            guard let right = right(node, "rights[\(index)]") else { continue }
            if let earlier = seenRights[right.id] {
                issues.append(
                    issue(node, "rights[\(index)].id", "duplicate right id \"\(right.id)\" (also \(earlier))"))
                continue
            }
            seenRights[right.id] = "rights[\(index)]"
            rights.append(right)
        }
        var brands: [Brand] = []
        var seenBrands: [String: String] = [:]
        var seenIDs: [String: String] = [:]
        let declared = Set(rights.map(\.id))
        for (index, node) in (fields["brands"].flatMap { sequence($0, "brands") } ?? []).enumerated() {
            let path = "brands[\(index)]"
            guard let brand = brand(node, path, rights: declared) else { continue }
            if let earlier = seenBrands[brand.name] {
                issues.append(issue(node, "\(path).name", "duplicate brand name \"\(brand.name)\" (also \(earlier))"))
            }
            seenBrands[brand.name] = seenBrands[brand.name] ?? path
            // Asset and text ids are unique across the whole registry: findings and bundles name them.
            let ids =
                brand.assets.enumerated().map { ($1.id, "\(path).assets[\($0)].id") }
                + brand.texts.enumerated().map { ($1.id, "\(path).texts[\($0)].id") }
            for (id, field) in ids {
                if let earlier = seenIDs[id] {
                    issues.append(issue(node, field, "duplicate asset or text id \"\(id)\" (also \(earlier))"))
                } else {
                    seenIDs[id] = field
                }
            }
            brands.append(brand)
        }
        guard !owner.isEmpty || fields["owner"] == nil else { return nil }
        return Registry(owner: owner, rights: rights, brands: brands, file: URL(fileURLWithPath: file))
    }

    mutating func right(_ node: Node, _ path: String) -> Right? {
        guard
            let fields = mapping(
                node, path,
                keys: [
                    "id", "type", "registration", "jurisdiction", "classes", "goods", "holder", "expires",
                    "certificate",
                ],
                required: ["id", "type", "registration"])
        else { return nil }
        let id = fields["id"].flatMap { text($0, "\(path).id") }
        let kindText = fields["type"].flatMap { text($0, "\(path).type") }
        let kind = kindText.flatMap(Right.Kind.init(rawValue:))
        if let kindText, kind == nil, let node = fields["type"] {
            let allowed = Right.Kind.allCases.map(\.rawValue).joined(separator: ", ")
            issues.append(issue(node, "\(path).type", "unknown right type \"\(kindText)\" (expected \(allowed))"))
        }
        let registration = fields["registration"].flatMap { text($0, "\(path).registration") }
        let classes = fields["classes"].flatMap { integers($0, "\(path).classes") } ?? []
        var expires: LocalDate?
        if let node = fields["expires"], let value = text(node, "\(path).expires") {
            expires = LocalDate(value)
            if let date = expires, date < today {
                issues.append(
                    issue(node, "\(path).expires", "right \(id ?? "?") expired on \(date)", severity: .warning))
            } else if expires == nil {
                issues.append(issue(node, "\(path).expires", "\"\(value)\" is not a date (YYYY-MM-DD)"))
            }
        }
        let goods = fields["goods"].flatMap { goodsKeywords($0, "\(path).goods") } ?? []
        let certificate = fields["certificate"].flatMap { readableFile($0, "\(path).certificate") }
        guard let id, let kind, let registration else { return nil }
        return Right(
            id: id, kind: kind, registration: registration,
            jurisdiction: fields["jurisdiction"].flatMap { text($0, "\(path).jurisdiction") }, classes: classes,
            goods: goods, holder: fields["holder"].flatMap { text($0, "\(path).holder") }, expires: expires,
            certificate: certificate)
    }

    mutating func brand(_ node: Node, _ path: String, rights: Set<String>) -> Brand? {
        guard
            let fields = mapping(
                node, path, keys: ["name", "marks", "assets", "texts", "price_floor", "authorized_sellers"],
                required: ["name"])
        else { return nil }
        let name = fields["name"].flatMap { text($0, "\(path).name") }
        var marks: [WordMark] = []
        for (index, markNode) in (fields["marks"].flatMap { sequence($0, "\(path).marks") } ?? []).enumerated() {
            let markPath = "\(path).marks[\(index)]"
            guard
                let mark = mapping(
                    markNode, markPath, keys: ["text", "right", "exclude"], required: ["text", "right"]),
                let text = mark["text"].flatMap({ text($0, "\(markPath).text") }),
                let right = mark["right"].flatMap({ reference($0, "\(markPath).right", rights: rights) })
            else { continue }
            if text.trimmingCharacters(in: .whitespaces).isEmpty, let node = mark["text"] {
                issues.append(issue(node, "\(markPath).text", "a word mark cannot be empty"))
                continue
            }
            let exclusions = mark["exclude"].flatMap { textList($0, "\(markPath).exclude") } ?? []
            if let node = mark["exclude"],
                let blank = exclusions.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty })
            {
                issues.append(issue(node, "\(markPath).exclude[\(blank)]", "an exclusion phrase cannot be empty"))
                continue
            }
            marks.append(WordMark(text: text, right: right, exclusions: exclusions))
        }
        var assets: [RegisteredAsset] = []
        for (index, assetNode) in (fields["assets"].flatMap { sequence($0, "\(path).assets") } ?? []).enumerated() {
            let assetPath = "\(path).assets[\(index)]"
            guard
                let asset = mapping(
                    assetNode, assetPath, keys: ["id", "path", "kind", "right"], required: ["id", "path", "right"])
            else { continue }
            let id = asset["id"].flatMap { text($0, "\(assetPath).id") }
            let file = asset["path"].flatMap { readableFile($0, "\(assetPath).path") }
            let kind = asset["kind"].flatMap { text($0, "\(assetPath).kind") } ?? "image"
            let right = asset["right"].flatMap { reference($0, "\(assetPath).right", rights: rights) }
            if let id, let file, let right {
                assets.append(RegisteredAsset(id: id, file: file, kind: kind, right: right))
            }
        }
        var texts: [RegisteredText] = []
        for (index, textNode) in (fields["texts"].flatMap { sequence($0, "\(path).texts") } ?? []).enumerated() {
            let textPath = "\(path).texts[\(index)]"
            guard
                let entry = mapping(
                    textNode, textPath, keys: ["id", "path", "right"], required: ["id", "path", "right"])
            else { continue }
            let id = entry["id"].flatMap { text($0, "\(textPath).id") }
            let file = entry["path"].flatMap { readableFile($0, "\(textPath).path") }
            let right = entry["right"].flatMap { reference($0, "\(textPath).right", rights: rights) }
            if let id, let file, let right { texts.append(RegisteredText(id: id, file: file, right: right)) }
        }
        let priceFloor = fields["price_floor"].flatMap { price($0, "\(path).price_floor") }
        let sellers = fields["authorized_sellers"].flatMap { textList($0, "\(path).authorized_sellers") } ?? []
        guard let name else { return nil }
        return Brand(
            name: name, marks: marks, assets: assets, texts: texts, priceFloor: priceFloor,
            authorizedSellers: sellers)
    }

    mutating func price(_ node: Node, _ path: String) -> Price? {
        guard let fields = mapping(node, path, keys: ["amount", "currency"], required: ["amount", "currency"])
        else { return nil }
        var amount: Decimal?
        if let node = fields["amount"], let value = text(node, "\(path).amount") {
            amount = Decimal(string: value, locale: Locale(identifier: "en_US_POSIX"))
            if amount == nil || amount.map({ $0 <= 0 }) == true {
                issues.append(issue(node, "\(path).amount", "\"\(value)\" is not a positive amount"))
                amount = nil
            }
        }
        var currency: String?
        if let node = fields["currency"], let value = text(node, "\(path).currency") {
            if value.count == 3, value.allSatisfy({ $0.isASCII && $0.isLetter }) {
                currency = value.uppercased()
            } else {
                issues.append(issue(node, "\(path).currency", "\"\(value)\" is not an ISO 4217 currency code"))
            }
        }
        guard let amount, let currency else { return nil }
        return Price(amount: amount, currency: currency)
    }

    // MARK: - Typed access with issues

    /// The fields of a mapping node; unknown keys and missing required keys become issues.
    mutating func mapping(_ node: Node, _ path: String, keys: Set<String>, required: Set<String>) -> [String: Node]? {
        guard let mapping = node.mapping else {
            issues.append(issue(node, path, "expected a mapping of \(keys.sorted().joined(separator: ", "))"))
            return nil
        }
        var fields: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                issues.append(issue(key, path, "a key must be text"))
                continue
            }
            let field = path.isEmpty ? name : "\(path).\(name)"
            if !keys.contains(name) {
                issues.append(
                    issue(
                        key, field, "unknown key \"\(name)\" (expected one of \(keys.sorted().joined(separator: ", ")))"
                    ))
                continue
            }
            if fields[name] != nil {
                issues.append(issue(key, field, "\"\(name)\" is given twice"))
                continue
            }
            fields[name] = value
        }
        for name in required.sorted() where fields[name] == nil {
            issues.append(issue(node, path.isEmpty ? name : "\(path).\(name)", "missing required \"\(name)\""))
        }
        return fields
    }

    mutating func sequence(_ node: Node, _ path: String) -> [Node]? {
        guard let sequence = node.sequence else {
            issues.append(issue(node, path, "expected a list"))
            return nil
        }
        return Array(sequence)
    }

    mutating func text(_ node: Node, _ path: String) -> String? {
        guard let scalar = node.scalar, node.null == nil else {
            issues.append(issue(node, path, node.null != nil ? "a value is required" : "expected text"))
            return nil
        }
        return scalar.string
    }

    mutating func textList(_ node: Node, _ path: String) -> [String]? {
        guard let items = sequence(node, path) else { return nil }
        return items.enumerated().compactMap { text($1, "\(path)[\($0)]") }
    }

    /// A right's goods: a list of non-empty product keywords, each named once.
    mutating func goodsKeywords(_ node: Node, _ path: String) -> [String]? {
        guard let items = sequence(node, path) else { return nil }
        var goods: [String] = []
        for (index, item) in items.enumerated() {
            guard let keyword = text(item, "\(path)[\(index)]") else { continue }
            let trimmed = keyword.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                issues.append(issue(item, "\(path)[\(index)]", "a goods keyword cannot be empty"))
            } else if goods.contains(where: { $0.lowercased() == trimmed.lowercased() }) {
                issues.append(issue(item, "\(path)[\(index)]", "goods keyword \"\(trimmed)\" is given twice"))
            } else {
                goods.append(trimmed)
            }
        }
        return goods
    }

    mutating func integers(_ node: Node, _ path: String) -> [Int]? {
        guard let items = sequence(node, path) else { return nil }
        return items.enumerated().compactMap { index, item in
            guard let value = item.scalar.flatMap({ Int($0.string) }) else {
                issues.append(issue(item, "\(path)[\(index)]", "expected a whole number"))
                return nil
            }
            return value
        }
    }

    /// A right id that must be declared.
    mutating func reference(_ node: Node, _ path: String, rights: Set<String>) -> String? {
        guard let id = text(node, path) else { return nil }
        guard rights.contains(id) else {
            issues.append(issue(node, path, "names right \"\(id)\", which the registry does not declare"))
            return nil
        }
        return id
    }

    /// A path relative to the registry's folder that names a readable regular file inside that folder, or inside
    /// one of ``allowedRoots``: symbolic links are resolved first, so neither `../` nor a link leads out.
    mutating func readableFile(_ node: Node, _ path: String) -> URL? {
        guard let relative = text(node, path) else { return nil }
        let url =
            relative.hasPrefix("/")
            ? URL(fileURLWithPath: relative) : folder.appendingPathComponent(relative).standardizedFileURL
        var status = stat()
        guard stat(url.path, &status) == 0 else {
            issues.append(issue(node, path, "file not found: \(relative)"))
            return nil
        }
        guard let real = Self.realPath(url.path), isConfined(real) else {
            let roots = allowedRoots.isEmpty ? "" : " or the allowed roots"
            issues.append(
                issue(
                    node, path,
                    "\(relative) is outside the registry's folder\(roots) (give --registry-root to allow a folder)"))
            return nil
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR:
            issues.append(issue(node, path, "\(relative) is a folder"))
            return nil
        default:
            issues.append(issue(node, path, "\(relative) is not a regular file"))
            return nil
        }
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            issues.append(issue(node, path, "cannot read \(relative)"))
            return nil
        }
        return url
    }

    /// Whether a resolved path lies inside the registry's folder or an allowed root (each resolved too).
    func isConfined(_ real: String) -> Bool {
        let roots = ([folder] + allowedRoots).compactMap { Self.realPath($0.path) }
        return roots.contains { root in
            real == root || real.hasPrefix(root.hasSuffix("/") ? root : root + "/")
        }
    }

    /// The path with every symbolic link, `.` and `..` resolved (realpath(3)), or `nil` when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    // MARK: - Issues

    func issue(
        _ node: Node?, _ field: String, _ message: String, severity: RegistryIssue.Severity = .error
    )
        -> RegistryIssue
    {
        RegistryIssue(
            severity: severity, file: file, line: node?.mark?.line, column: node?.mark?.column, field: field,
            message: message)
    }

    func syntaxIssue(_ error: any Error) -> RegistryIssue {
        let mark: Mark?
        let problem: String
        switch error {
        case YamlError.scanner(_, let text, let at, _), YamlError.parser(_, let text, let at, _),
            YamlError.composer(_, let text, let at, _):
            mark = at
            problem = text
        case YamlError.duplicatedKeysInMapping(let duplicates, _):
            mark = nil
            problem = "duplicate keys: \(duplicates.joined(separator: ", "))"
        default:
            mark = nil
            problem = String(describing: error)
        }
        return RegistryIssue(
            severity: .error, file: file, line: mark?.line, column: mark?.column, field: "",
            message: "not valid YAML: \(problem)")
    }
}
