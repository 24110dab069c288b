import Foundation
import Store

/// eBay's VeRO programme: request bodies for the VeRO API (`VeROReport`), at most 150 listings each, and items.csv.
struct EbayVeROChannel: ComplaintChannel {
    let id = "ebay-vero"
    let displayName = "eBay VeRO"
    let marketplaces =
        [
            MarketplaceRule(["ebay", "ebay.com"], ["US"]), MarketplaceRule(["ebay.ca"], ["CA"]),
            MarketplaceRule(["ebay.co.uk"], ["GB"]), MarketplaceRule(["ebay.com.au"], ["AU"]),
        ]
        + [("de", "DE"), ("fr", "FR"), ("it", "IT"), ("es", "ES"), ("nl", "NL")].map {
            MarketplaceRule(["ebay.\($0)"], ["EU", $1])
        }
    let limit: Int? = VeROReport.maxItems
    let allowsMixedIPTypes = true
    let groupsNoticesByRight = false

    func requiredFields(_ item: ExportItem) -> [(name: String, value: String?)] { [("item_id", item.itemID)] }

    /// What keeps an item from a VeRO report request as `VeROReport` writes it: no reason code can be chosen, a
    /// patent number longer than the field takes (refused), a message longer than eBay takes (shortened: warned).
    func channelIssues(
        _ item: ExportItem, options: PrefilingChecks.Options
    ) -> [(check: PrefilingIssue.Check, level: PrefilingIssue.Level, message: String)] {
        var issues: [(check: PrefilingIssue.Check, level: PrefilingIssue.Level, message: String)] = []
        let codes = options.veroReasonCodes
        if case .unresolved(let why) = codes.resolve(reason: item.veroReason, marketplace: item.finding.marketplace) {
            issues.append((.missingField, .refuse, "\(VeROReport.reasonCodeID) for \(item.veroReason): \(why)"))
        }
        if item.ipType == "design-patent", let patent = item.right?.registration, patent.count > VeROReport.maxPatent {
            issues.append(
                (
                    .fieldLimit, .refuse,
                    "\(VeROReport.patent) \(patent) is \(patent.count) characters; eBay takes at most "
                        + "\(VeROReport.maxPatent)"
                ))
        }
        if item.reason.count > VeROReport.maxMessage {
            issues.append(
                (
                    .fieldLimit, .warn,
                    "\(VeROReport.messageToSeller) is \(item.reason.count) characters; eBay takes at most "
                        + "\(VeROReport.maxMessage), so the request holds it shortened (items.csv holds it whole)"
                ))
        }
        return issues
    }

    func notes(_ result: Exporter.Result, options: Exporter.Options) -> [String] {
        guard options.veroReasonCodes.isEmpty, !result.exported.isEmpty else { return [] }
        return [
            "no --vero-reason-codes: the reports carry symbolic reasons in place of eBay's reason code ids (see "
                + "FORMAT.md)"
        ]
    }

    func files(_ items: [ExportItem], _ context: ChannelExport.Context) -> [ExportFile] {
        Self.reports(items, context)
    }

    func format(codes: VeROReasonCodes) -> ChannelFormat { Self.filingFormat(codes) }

    /// One request body per marketplace and `VeROReport.maxItems` listings, and items.csv.
    static func reports(_ items: [ExportItem], _ context: ChannelExport.Context) -> [ExportFile] {
        var files: [ExportFile] = []
        var rows: [[String]] = []
        for (marketplace, group) in ChannelExport.grouped(items, by: \.finding.marketplace) {
            let entries = VeROReport.entries(group, codes: context.veroReasonCodes)
            for (index, chunk) in ChannelExport.chunks(entries, of: VeROReport.maxItems).enumerated() {
                let name = "report-\(ChannelExport.slug(marketplace))-\(index + 1).json"
                files.append(ExportFile(path: name, contents: VeROReport.body(chunk)))
                for entry in chunk {
                    for item in entry.items {
                        var text = ""
                        if case .code(_, let brief?) = context.veroReasonCodes.resolve(
                            reason: item.veroReason, marketplace: item.finding.marketplace)
                        {
                            text = brief
                        }
                        rows.append([
                            name, entry.itemID, item.veroReason, entry.reasonCodeID, text, item.listing.url ?? "",
                            item.finding.sellerID ?? "", item.listing.sellerName ?? "", item.reason, item.findingID,
                        ])
                    }
                }
            }
        }
        files.append(
            ExportFile(
                path: "items.csv",
                contents: CSV.document(
                    header: [
                        "report", "item_id", "reason", "vero_reason_code_id", "reason_code_text", "url", "seller_id",
                        "seller_name", "message", "finding_id",
                    ], rows: rows)))
        return files
    }

    static func filingFormat(_ codes: VeROReasonCodes) -> ChannelFormat {
        let reasonCodes: String =
            if codes.isEmpty {
                "No --vero-reason-codes was given: every veroReasonCodeId holds Proofmark's symbolic reason "
                    + "(trademark-counterfeit, ...), which eBay does not take. Export again with eBay's "
                    + "getVeroReasonCodes response, or replace them by hand."
            } else if codes.catalogue.isEmpty {
                "Reason codes: the code ids named in the --vero-reason-codes file."
            } else {
                "Reason codes: chosen from the getVeroReasonCodes response given to --vero-reason-codes, on each "
                    + "listing's eBay marketplace, by the words of the codes' brief texts (items.csv shows each "
                    + "code and its text: check them)."
            }
        return ChannelFormat(
            title: "eBay VeRO reports (ebay-vero)",
            follows:
                "Request bodies for eBay's VeRO API v2 (`/commerce/vero/v2`, OpenAPI document 2.0.0), whose filing "
                + "method eBay's API index names reportVeroViolations. The v1 API (`createVeroReport`, "
                + "`/commerce/vero/v1`) was decommissioned on 2026-09-30. The v2 request body's schema could not "
                + "be read when this was written: the field names are v1's, carried over (see Not verified). "
                + reasonCodes,
            sources: [
                ChannelFormat.Source(title: "VeRO API v2 OpenAPI document", address: VeROReport.v2Spec),
                ChannelFormat.Source(title: "VeRO API v2 overview", address: VeROReport.v2Overview),
                ChannelFormat.Source(
                    title: "eBay API index (lists reportVeroViolations)", address: VeROReport.apiIndex),
                ChannelFormat.Source(
                    title: "v1 createVeroReport (body, 150-item limit)", address: VeROReport.v1Request),
                ChannelFormat.Source(title: "v1 ReportItemDetails (fields, lengths)", address: VeROReport.v1Item),
                ChannelFormat.Source(
                    title: "v1 getVeroReasonCodes (response shape)", address: VeROReport.v1ReasonCodes),
            ],
            files: [
                "`report-<marketplace>-<n>.json`: one request body each, at most \(VeROReport.maxItems) reported "
                    + "listings; a listing appears once per reason code.",
                "`items.csv`: every finding, the request file and entry it is in, its reason code and the code's "
                    + "text, and its full message (a message over \(VeROReport.maxMessage) characters is shortened "
                    + "in the request, with a warning).",
                ChannelFormat.prefilingFile,
            ],
            checked: VeROReport.facts.filter(\.verified).map { "\($0.statement) (<\($0.source)>)." },
            notVerified: VeROReport.facts.filter { !$0.verified }.map {
                "\($0.statement): from v1 (<\($0.source)>), not read in the v2 document."
            } + [
                "The eBay marketplace ids (EBAY_US, EBAY_GB, EBAY_DE, ...) are eBay's MarketplaceIdEnum values as v1 "
                    + "used them.",
                "Choosing a code by the words of its brief text is Proofmark's rule; eBay publishes no mapping.",
            ],
            byHand: [
                "Compare the body's field names and limits with the v2 OpenAPI document before the first filing; "
                    + "if they differ, do not file: update VeROReport (and its test) first.",
                "Get an OAuth token for a VeRO Program member with the scope "
                    + "https://api.ebay.com/oauth/api_scope/commerce.vero.",
                "POST each report-*.json to reportVeroViolations with Content-Type: application/json, and keep the "
                    + "report id eBay returns beside the file name (eBay offers no way to look it up later).",
                "copyEmailToRightsOwner is false: set it to true if you want eBay's notice copied to you.",
            ])
    }
}

extension ExportChannel {
    /// eBay VeRO report requests (`ebay-vero`).
    public static let ebayVeRO = ExportChannel(EbayVeROChannel())
}
