import Foundation

/// Turns one decoded record (a JSON object as `JSONSerialization` gives it, or a CSV row keyed by header) into a
/// `Listing`, or says why not.
///
/// Strict where it matters, lenient where it is safe: a record without a marketplace or an id, a price that is not
/// a number or is negative, is refused (it cannot be tracked, or would give a wrong price signal); a value of the
/// wrong kind under a field (an object where a text belongs, an image entry that is not a text) is left out of that
/// field with a `FieldWarning`, and the listing's other fields still count.
struct ListingBuilder: Sendable {
    let mapping: FieldMapping

    func listing(_ record: [String: Any], raw: String, line: Int) -> DumpRecord {
        var problems: [String] = []
        var warnings: [FieldWarning] = []
        var unmatched: [String] = []
        func values(_ field: String) -> [Any] {
            if let rule = mapping.rules[field] {
                return rule.expression.values(in: record, variables: mapping.variables)
            }
            guard let value = record[field], !(value is NSNull) else { return [] }
            return [value]
        }
        func noteMissing(_ field: String) { if mapping.rules[field] != nil { unmatched.append(field) } }
        func text(_ field: String) -> String? {
            var rejected: Any?
            for value in values(field) {
                if let text = MappingExpression.scalarText(value) {
                    if !text.isEmpty { return text }
                } else if rejected == nil {
                    rejected = value
                }
            }
            if let rejected {
                warnings.append(
                    FieldWarning(
                        field: field,
                        reason: "\(label(field)) held \(Self.kind(of: rejected)), not a text; left empty"
                            + suggestion(field, rejected)))
            }
            noteMissing(field)
            return nil
        }
        let marketplace = text("marketplace")
        let listingID = text("listing_id")
        let texts = [
            "url", "captured_at", "title", "description", "currency", "seller_id", "seller_name", "seller_url",
        ].reduce(into: [String: String]()) { values, field in values[field] = text(field) }
        for (field, value) in [("marketplace", marketplace), ("listing_id", listingID)] where value == nil {
            problems.append(
                warnings.first(where: { $0.field == field })?.reason.replacingOccurrences(
                    of: "; left empty", with: "") ?? "\(label(field)) is missing")
        }

        var price: Decimal?
        var rejectedPrice: Any?
        for value in values("price") {
            if let written = value as? String {
                guard !written.isEmpty else { continue }
                price = Decimal(string: written.trimmingCharacters(in: .whitespaces), locale: Self.posix)
                if price == nil { problems.append("\(label("price")) \"\(written)\" is not a number") }
                break
            }
            if let number = MappingConversions.number(value) {
                price = number
                break
            }
            if rejectedPrice == nil { rejectedPrice = value }
        }
        if price == nil {
            if let rejectedPrice {
                warnings.append(
                    FieldWarning(
                        field: "price",
                        reason: "\(label("price")) held \(Self.kind(of: rejectedPrice)), not a number; left empty"
                            + suggestion("price", rejectedPrice)))
            }
            noteMissing("price")
        }
        if let value = price, value < 0 { problems.append("\(label("price")) is negative") }

        var images: [String] = []
        var rejectedImage: (position: Int, value: Any)?
        var position = 0
        func addImage(_ item: Any) {
            position += 1
            if let reference = item as? String {
                if !reference.isEmpty { images.append(reference) }
            } else if rejectedImage == nil {
                rejectedImage = (position, item)
            }
        }
        for value in values("images") {
            switch value {
            case let list as [Any]: list.forEach(addImage)
            case let joined as String:
                for reference in joined.split(separator: "|") {
                    addImage(reference.trimmingCharacters(in: .whitespaces))
                }
            default: addImage(value)
            }
        }
        if let (position, value) = rejectedImage {
            warnings.append(
                FieldWarning(
                    field: "images",
                    reason: "\(label("images")) image \(position) is \(Self.kind(of: value)), not a path or URL; "
                        + "left out" + suggestion("images", value)))
        }
        if mapping.rules["images"] != nil {
            var seen = Set<String>()
            images = images.filter { seen.insert($0).inserted }
        }
        if images.isEmpty { noteMissing("images") }

        guard problems.isEmpty, let marketplace, let listingID else {
            return .problem(
                DumpProblem(line: line, reason: problems.joined(separator: "; "), category: "invalid-fields"))
        }
        var known = Set<String>()
        for field in FieldMapping.fields {
            if let rule = mapping.rules[field] {
                known.formUnion(rule.expression.topLevelKeys)
            } else {
                known.insert(field)
            }
        }
        var extra: [String: String] = [:]
        for (key, value) in record where !known.contains(key) {
            if let text = Self.extraText(value) { extra[key] = text }
        }
        var listing = Listing(
            marketplace: marketplace, listingID: listingID, url: texts["url"], capturedAt: texts["captured_at"],
            title: texts["title"], description: texts["description"], price: price, currency: texts["currency"],
            sellerID: texts["seller_id"], sellerName: texts["seller_name"], sellerURL: texts["seller_url"],
            images: images, extra: extra, raw: raw, line: line)
        listing.isMapped = !mapping.isIdentity
        listing.unmatchedFields = unmatched
        listing.fieldWarnings = warnings
        return .listing(listing)
    }

    /// An unknown field's value as `Listing.extra` keeps it: texts and numbers as written, lists of texts joined with
    /// `|`, objects as compact JSON with sorted keys.
    private static func extraText(_ value: Any) -> String? {
        switch value {
        case is NSNull: return nil
        case let text as String: return text
        case let number as NSNumber:
            return MappingExpression.isBoolean(number) ? (number.boolValue ? "true" : "false") : number.stringValue
        case let list as [Any]: return list.map { $0 as? String ?? "" }.joined(separator: "|")
        default:
            let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
            return data.map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
    }

    /// What a value is, for a warning: `an object with keys currency, value`, `a list`, `true`.
    private static func kind(of value: Any) -> String {
        switch value {
        case let object as [String: Any]:
            let keys = object.keys.sorted()
            return "an object with keys " + keys.prefix(6).joined(separator: ", ") + (keys.count > 6 ? ", ..." : "")
        case is [Any]: return "a list"
        case let number as NSNumber:
            return MappingExpression.isBoolean(number) ? (number.boolValue ? "true" : "false") : "a number"
        default: return "a value of another kind"
        }
    }

    /// How to map a member of an object found where a field's value belongs.
    private func suggestion(_ field: String, _ value: Any) -> String {
        guard let object = value as? [String: Any], let key = Self.likelyMember(of: object, for: field) else {
            return ""
        }
        let base = mapping.rules[field]?.expression.plainKey ?? (mapping.rules[field] == nil ? field : nil)
        guard let base else { return "" }
        let path = field == "images" ? "\(base)[].\(key)" : "\(base).\(key)"
        return " (map one of its members, e.g. --map \(field)=\(path))"
    }

    private static func likelyMember(of object: [String: Any], for field: String) -> String? {
        let preferred =
            field == "images"
            ? ["imageUrl", "url", "src", "imgUrl", "href"]
            : field == "price" ? ["value", "amount", "price"] : ["value", "text", "name", "displayTitle", "id"]
        return preferred.first { object[$0] != nil } ?? object.keys.sorted().first
    }

    /// The field's name, with where its value comes from when that is not its own name.
    private func label(_ field: String) -> String {
        guard let rule = mapping.rules[field] else { return "\"\(field)\"" }
        if let key = rule.expression.plainKey {
            return key == field ? "\"\(field)\"" : "\"\(field)\" (column \"\(key)\")"
        }
        return "\"\(field)\" (from \(rule.expression.source))"
    }

    static let posix = Locale(identifier: "en_US_POSIX")
}
