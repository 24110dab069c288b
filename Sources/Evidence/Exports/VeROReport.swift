import Findings
import Foundation
import Store

/// eBay VeRO report requests: the JSON bodies Proofmark writes for eBay's VeRO API, and the facts of the request
/// they follow.
///
/// eBay decommissioned every method of the VeRO API v1 (`/commerce/vero/v1`) on 2026-09-30 and points rights owners
/// to the VeRO API v2 (`/commerce/vero/v2`, OpenAPI document version 2.0.0, which also covers live events and
/// shoppable videos). eBay's API index lists one v2 resource for filing, `report_vero_violations`, with the method
/// `reportVeroViolations`. The v2 request body's schema could not be read when this was written (2026-12-07): the
/// field names below are those of v1's `ReportItemDetails`, carried over and marked unverified (`Fact.verified`);
/// FORMAT.md says so beside every file, and `VeROReportSchemaTests` holds the same facts with their sources.
enum VeROReport {
    /// One fact of the request, where it comes from, and whether it was read for v2 itself.
    struct Fact: Sendable, Hashable {
        var statement: String
        var source: String
        var verified: Bool
    }

    /// The body's array of reported listings.
    static let itemsKey = "reportItems"
    static let itemID = "itemId"
    static let reasonCodeID = "veroReasonCodeId"
    static let messageToSeller = "messageToSeller"
    static let copyEmail = "copyEmailToRightsOwner"
    static let patent = "patent"

    /// Reported listings per request (v1: "A maximum of 150 items can be reported using this method").
    static let maxItems = 150
    /// `messageToSeller`, at most this many characters (v1 `ReportItemDetails`).
    static let maxMessage = 1_000
    /// `patent`, at most this many characters (v1 `ReportItemDetails`; required with the patent reason code).
    static let maxPatent = 15

    static let v2Spec = "https://developer.ebay.com/develop/api/spec/vero_api_v2.json"
    static let v2Overview = "https://developer.ebay.com/develop/api/sell/vero_api_v2"
    static let v1Request =
        "https://developer.ebay.com/api-docs/commerce/vero/resources/vero_report/methods/createVeroReport"
    static let v1Item = "https://developer.ebay.com/api-docs/commerce/vero/types/ReportItemDetails"
    static let v1ReasonCodes =
        "https://developer.ebay.com/api-docs/commerce/vero/resources/vero_reason_code/methods/getVeroReasonCodes"
    static let apiIndex = "https://developer.ebay.com/develop/api/sell/api_call_limits"

    static let facts: [Fact] = [
        Fact(
            statement: "API: eBay VeRO API v2, base path /commerce/vero/v2, OpenAPI document version 2.0.0",
            source: v2Spec, verified: true),
        Fact(
            statement: "Filing method: reportVeroViolations (resource report_vero_violations), as eBay's API index "
                + "lists it; its HTTP path and the body below could not be read from the v2 document",
            source: apiIndex, verified: true),
        Fact(
            statement: "Body: {\"\(itemsKey)\": [...]}, one entry per reported listing (v1 createVeroReport's body)",
            source: v1Request, verified: false),
        Fact(
            statement: "\(itemID) (string) and \(reasonCodeID) (string) are required in every entry",
            source: v1Item, verified: false),
        Fact(
            statement: "\(messageToSeller) (string), at most \(maxMessage) characters; \(copyEmail) (boolean, eBay's "
                + "default true); \(patent) (string, at most \(maxPatent) characters, required with the patent "
                + "reason code)",
            source: v1Item, verified: false),
        Fact(
            statement: "At most \(maxItems) reported listings per request; more are split into several request files",
            source: v1Request, verified: false),
        Fact(
            statement: "Reason codes: getVeroReasonCodes' response, {\"veroReasonCodes\": [{\"marketplaceId\", "
                + "\"reasonCodeDetails\": [{\"veroReasonCodeId\", \"briefText\", \"detailedText\"}]}]}",
            source: v1ReasonCodes, verified: false),
    ]

    /// One entry of a request: a listing and the reason it is reported for, with every finding it stands for.
    struct Entry {
        var itemID: String
        var reasonCodeID: String
        var message: String
        var patent: String?
        var items: [ExportItem]
    }

    /// The entries for `items` (all on one marketplace): one per listing and reason code, as eBay takes a listing
    /// once per reason code. Findings whose code could not be chosen are left out (the pre-filing checks refused
    /// them already).
    static func entries(_ items: [ExportItem], codes: VeROReasonCodes) -> [Entry] {
        var entries: [Entry] = []
        var index: [String: Int] = [:]
        for item in items {
            let code: String
            switch codes.resolve(reason: item.veroReason, marketplace: item.finding.marketplace) {
            case .code(let id, _): code = id
            case .placeholder: code = item.veroReason
            case .unresolved: continue
            }
            let key = "\(item.itemID)\n\(code)"
            if let at = index[key] {
                entries[at].items.append(item)
                if !entries[at].message.contains(item.reason) { entries[at].message += " / " + item.reason }
            } else {
                index[key] = entries.count
                entries.append(
                    Entry(
                        itemID: item.itemID, reasonCodeID: code, message: item.reason,
                        patent: item.ipType == "design-patent" ? item.right?.registration : nil, items: [item]))
            }
        }
        return entries
    }

    /// `message` within eBay's limit: cut at a word boundary, with an ellipsis, when longer.
    static func messageWithinLimit(_ message: String) -> String {
        guard message.count > maxMessage else { return message }
        var cut = String(message.prefix(maxMessage - 1))
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > maxMessage / 2 {
            cut = String(cut[..<space])
        }
        return cut + "…"
    }

    /// The JSON body of one request: sorted keys, so the same entries give the same bytes.
    static func body(_ entries: [Entry]) -> String {
        let list: [JSON] = entries.map { entry in
            var object: [String: JSON] = [
                itemID: .string(entry.itemID), reasonCodeID: .string(entry.reasonCodeID),
                messageToSeller: .string(messageWithinLimit(entry.message)), copyEmail: false,
            ]
            if let patent = entry.patent { object[Self.patent] = .string(patent) }
            return .object(object)
        }
        return JSON.object([itemsKey: .array(list)]).text(layout: .indentedKeepingSlashes) + "\n"
    }
}
