import Findings
import Foundation
import Store
import TestSupport

@testable import Evidence

/// A state file built directly: one night of planted findings, the registry's snapshot, and review decisions.
struct ExportFixture {
    /// A finding to plant: its listing as dumped, its right, its signals, and the decision on it.
    struct Planted {
        var id: String
        var marketplace = "amazon"
        var listing: String
        var brand = "Acme"
        var right = "tm-us"
        var seller: String? = "s-1"
        var severity = Severity.serious
        var signals = ExportFixture.imageSignal
        var fields: [String: Any] = [:]
        var decision: ReviewRecord.Decision? = .confirmed
        /// Leave out the default URL, seller name and seller URL.
        var bare = false
    }

    static let imageSignal =
        #"[{"algorithm":"pdq","asset":"acme-logo","distance":4,"image":"images/1.jpg","kind":"image","transform":"mirror"}]"#
    static let markSignal =
        #"[{"field":"title","found":"ACME","how":"exact","kind":"word-mark","mark":"ACME","span":[0,4]}]"#
    static let fairUseSignals =
        #"[{"field":"title","found":"ACME","how":"exact","kind":"word-mark","mark":"ACME","span":[0,4]},"#
        + #"{"cue":"fair-use","field":"title","kind":"context","phrase":"compatible with","span":[5,20]}]"#

    static let rights = [
        RegisteredRightRecord(
            id: "tm-us", kind: "trademark", registration: "US 5,123,456", jurisdiction: "US", holder: "Acme Co.",
            expires: "2031-04-01", classes: "[25]", owner: "Acme Co."),
        RegisteredRightRecord(
            id: "tm-cn", kind: "trademark", registration: "CN 30111222", jurisdiction: "CN", holder: "Acme Co.",
            expires: nil, classes: "[25]", owner: "Acme Co."),
        RegisteredRightRecord(
            id: "tm-old", kind: "trademark", registration: "US 1,000,001", jurisdiction: "US", holder: "Acme Co.",
            expires: "2020-01-01", classes: "[25]", owner: "Acme Co."),
        RegisteredRightRecord(
            id: "c-photos", kind: "copyright", registration: "VA 2-123-456", jurisdiction: "US", holder: "Acme Co.",
            expires: nil, classes: "[]", owner: "Acme Co."),
        RegisteredRightRecord(
            id: "dp-us", kind: "design-patent", registration: "US D912,345", jurisdiction: "US", holder: "Acme Co.",
            expires: nil, classes: "[]", owner: "Acme Co."),
        RegisteredRightRecord(
            id: "dp-long", kind: "design-patent", registration: "US D912,345 and continuations", jurisdiction: "US",
            holder: "Acme Co.", expires: nil, classes: "[]", owner: "Acme Co."),
    ]

    let folder: TemporaryFolder
    let store: StateStore

    init(_ planted: [Planted]) throws {
        folder = try TemporaryFolder()
        store = try StateStore(path: folder.url.appendingPathComponent("state.sqlite").path)
        let stamp = "2026-11-29T02:00:00Z"
        _ = try store.start(
            RunRecord(
                id: "r1", startedAt: stamp, toolVersion: "0.1.0", parameters: "{}", registrySHA256: "aa",
                dumpSHA256: "bb", resumeKey: "r1"))
        try store.recordRegistry(
            rights: Self.rights, authorizedSellers: [AuthorizedSeller(brand: "Acme", sellerID: "acme-official")])
        var batch = StateStore.Batch()
        var listed: Set<String> = []
        for finding in planted {
            var fields = finding.fields
            fields["marketplace"] = finding.marketplace
            fields["listing_id"] = finding.listing
            if !finding.bare {
                fields["url"] = fields["url"] ?? "https://\(finding.marketplace).example/item/\(finding.listing)"
                fields["seller_name"] = fields["seller_name"] ?? "Store \(finding.seller ?? "")"
                fields["seller_url"] =
                    fields["seller_url"] ?? "https://\(finding.marketplace).example/store/\(finding.seller ?? "")"
                fields["currency"] = fields["currency"] ?? "USD"
            }
            if let seller = finding.seller { fields["seller_id"] = seller }
            let raw = String(
                decoding: try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]), as: UTF8.self)
            if listed.insert("\(finding.marketplace)/\(finding.listing)").inserted {
                batch.sightings.append(
                    ListingSighting(
                        marketplace: finding.marketplace, listingID: finding.listing, sellerID: finding.seller,
                        raw: raw, contentSHA256: raw, images: []))
            }
            batch.findings.append(
                StagedFinding(
                    runID: "r1", findingID: finding.id, marketplace: finding.marketplace, listingID: finding.listing,
                    sellerID: finding.seller, url: fields["url"] as? String, brand: finding.brand,
                    right: finding.right, score: 0.9, severity: finding.severity,
                    signals: try Signal.list(finding.signals)))
        }
        try store.write(batch, runID: "r1")
        try store.complete(runID: "r1", seenAt: stamp, finishedAt: stamp, timings: "{}") { _ in "{}" }
        for decision in ReviewRecord.Decision.allCases {
            let ids = planted.filter { $0.decision == decision }.map(\.id)
            if !ids.isEmpty {
                _ = try store.review(
                    .init(findingIDs: ids), decision: decision, reviewer: "ana", reason: "test",
                    at: "2026-11-29T09:00:00Z")
            }
        }
    }

    func export(
        _ channel: ExportChannel, includeUnreviewed: Bool = false, today: String = "2026-11-30",
        veroReasonCodes: VeROReasonCodes = VeROReasonCodes()
    ) throws -> Exporter.Result {
        try Exporter.prepare(
            store: store, channel: channel,
            options: Exporter.Options(
                includeUnreviewed: includeUnreviewed, today: today, generatedAt: today + "T10:00:00Z",
                veroReasonCodes: veroReasonCodes))
    }
}

extension Exporter.Result {
    func file(_ path: String) -> String? { files.first { $0.path == path }?.contents }
    func files(withPrefix prefix: String) -> [ExportFile] { files.filter { $0.path.hasPrefix(prefix) } }
    /// Every issue as `finding check level`.
    var issueKeys: Set<String> { Set(issues.map { "\($0.findingID) \($0.check.rawValue) \($0.level.rawValue)" }) }
    /// Every file's text joined, to look for a finding id anywhere.
    var allText: String { files.filter { $0.path != "prefiling-checks.csv" }.map(\.contents).joined(separator: "\n") }
}
