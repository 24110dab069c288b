import Foundation

/// Turns one decoded record (a JSON object, or a CSV row keyed by header) into a `Listing`, or says why not.
struct ListingBuilder: Sendable {
    let mapping: FieldMapping

    /// A record's value for a field: text, a number, a list of texts, or something else.
    enum Value: Sendable {
        case text(String)
        case number(Decimal, String)
        case list([Value])
        case other(String)
        case null
    }

    func listing(_ record: [String: Value], raw: String, line: Int) -> DumpRecord {
        var problems: [String] = []
        func text(_ field: String) -> String? {
            switch record[mapping.column(for: field)] {
            case .text(let value): return value.isEmpty ? nil : value
            case .number(_, let written): return written
            case .null, nil: return nil
            case .list, .other:
                problems.append("\(label(field)) must be text")
                return nil
            }
        }
        let marketplace = text("marketplace")
        let listingID = text("listing_id")
        // Every text field is read before judging, so that each wrong type is reported.
        let texts = [
            "url", "captured_at", "title", "description", "currency", "seller_id", "seller_name", "seller_url",
        ].reduce(into: [String: String]()) { values, field in values[field] = text(field) }
        if marketplace == nil { problems.append("\(label("marketplace")) is missing") }
        if listingID == nil { problems.append("\(label("listing_id")) is missing") }
        var price: Decimal?
        switch record[mapping.column(for: "price")] {
        case .number(let value, _): price = value
        case .text(let written) where !written.isEmpty:
            price = Decimal(string: written.trimmingCharacters(in: .whitespaces), locale: Self.posix)
            if price == nil { problems.append("\(label("price")) \"\(written)\" is not a number") }
        case .list, .other: problems.append("\(label("price")) must be a number")
        default: break
        }
        if let value = price, value < 0 { problems.append("\(label("price")) is negative") }
        var images: [String] = []
        switch record[mapping.column(for: "images")] {
        case .list(let items):
            for item in items {
                guard case .text(let reference) = item else {
                    problems.append("\(label("images")) must hold texts")
                    break
                }
                if !reference.isEmpty { images.append(reference) }
            }
        case .text(let joined):
            images = joined.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty
            }
        case .number, .other: problems.append("\(label("images")) must be a list of paths or URLs")
        case .null, nil: break
        }
        guard problems.isEmpty, let marketplace, let listingID else {
            return .problem(DumpProblem(line: line, reason: problems.joined(separator: "; ")))
        }
        let known = Set(FieldMapping.fields.map(mapping.column(for:)))
        var extra: [String: String] = [:]
        for (key, value) in record where !known.contains(key) {
            switch value {
            case .text(let text): extra[key] = text
            case .number(_, let written): extra[key] = written
            case .other(let json): extra[key] = json
            case .list(let items):
                extra[key] = items.map { if case .text(let t) = $0 { t } else { "" } }.joined(separator: "|")
            case .null: continue
            }
        }
        return .listing(
            Listing(
                marketplace: marketplace, listingID: listingID, url: texts["url"], capturedAt: texts["captured_at"],
                title: texts["title"], description: texts["description"], price: price, currency: texts["currency"],
                sellerID: texts["seller_id"], sellerName: texts["seller_name"], sellerURL: texts["seller_url"],
                images: images, extra: extra, raw: raw, line: line))
    }

    /// The field's name, with the dump column it comes from when that differs.
    private func label(_ field: String) -> String {
        let column = mapping.column(for: field)
        return column == field ? "\"\(field)\"" : "\"\(field)\" (column \"\(column)\")"
    }

    static let posix = Locale(identifier: "en_US_POSIX")
}
