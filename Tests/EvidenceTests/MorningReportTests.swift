import Findings
import Foundation
import Imaging
import Store
import TestSupport
import Testing

@testable import Evidence

@Suite struct MorningReportTests {
    /// A finding to stage: its listing's dump fields, and where it stands.
    struct Planted {
        var id: String
        var marketplace = "aliexpress"
        var listing: String
        var brand = "Acme"
        var score: Double
        var severity = Severity.serious
        var fields: [String: Any] = [:]
        var signals = "[]"
    }

    static func listingRaw(_ planted: Planted) throws -> String {
        var fields = planted.fields
        fields["marketplace"] = planted.marketplace
        fields["listing_id"] = planted.listing
        return String(
            decoding: try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]), as: UTF8.self)
    }

    /// Runs one night on `store`: the planted findings' listings seen, the findings staged, the run completed with
    /// counts that carry `findings_by_status` as the pipeline writes them.
    static func night(_ store: StateStore, _ runID: String, day: Int, _ planted: [Planted]) throws {
        let stamp = "2026-11-\(day)T01:00:00Z"
        _ = try store.start(
            RunRecord(
                id: runID, startedAt: stamp, toolVersion: "0.1.0", parameters: "{}", registrySHA256: "aa",
                dumpSHA256: "bb", resumeKey: runID))
        var batch = StateStore.Batch()
        for finding in planted {
            let raw = try listingRaw(finding)
            batch.sightings.append(
                ListingSighting(
                    marketplace: finding.marketplace, listingID: finding.listing,
                    sellerID: finding.fields["seller_id"] as? String, raw: raw, contentSHA256: raw, images: []))
            batch.findings.append(
                StagedFinding(
                    runID: runID, findingID: finding.id, marketplace: finding.marketplace, listingID: finding.listing,
                    sellerID: finding.fields["seller_id"] as? String, url: finding.fields["url"] as? String,
                    brand: finding.brand, right: "tm-1", score: finding.score, severity: finding.severity,
                    signals: try Signal.list(finding.signals)))
        }
        try store.write(batch, runID: runID)
        try store.complete(runID: runID, seenAt: stamp, finishedAt: stamp, timings: "{}") { byStatus in
            let statuses = byStatus.map { "\"\($0.key.rawValue)\":\($0.value)" }.sorted().joined(separator: ",")
            return "{\"findings_by_status\":{\(statuses)}}"
        }
    }

    static let hostileSignals =
        #"[{"asset":"<script>x</script>","distance":3,"image":"\"><img src=x onerror=alert(1)>","kind":"image","#
        + #""algorithm":"pdq<img src=x onerror=alert(2)>","transform":"mirror"},{"field":"title","found":"ACME","#
        + #""how":"exact","kind":"word-mark","mark":"<svg onload=alert(3)>","span":[0,4]},"#
        + #"{"floor":40,"kind":"price","price":12.5}]"#

    /// Two nights: on the second, `f-a` goes on, `f-b` is gone (resolved), the rest are new, with hostile dump text.
    static func hostileState(_ folder: TemporaryFolder) throws -> StateStore {
        let store = try StateStore(path: folder.url.appendingPathComponent("state.sqlite").path)
        let a = Planted(
            id: "f-a", listing: "1", score: 0.62, severity: .moderate,
            fields: [
                "title": Hostile.script, "seller_name": Hostile.breakout, "seller_id": "s-1",
                "url": Hostile.scriptURL, "price": 9.5, "currency": "USD",
            ], signals: hostileSignals)
        let b = Planted(
            id: "f-b", marketplace: "ebay", listing: "2", brand: "Zolta", score: 0.95, fields: ["title": "gone"])
        try night(store, "r1", day: 1, [a, b])
        try night(
            store, "r2", day: 2,
            [
                a,
                Planted(
                    id: "f-c", marketplace: "temu\"><script>", listing: "3", brand: "Acme<script>", score: 0.91,
                    fields: [
                        "title": Hostile.override, "seller_name": Hostile.quotes, "seller_id": Hostile.control,
                        "url": "https://temu.example/item/3?x=\"1\"&y=<2>",
                    ]),
                Planted(
                    id: "f-d", listing: "4", score: 0.91,
                    fields: [
                        "title": Hostile.breakout, "url": "  javascript:alert(1)", "seller_url": "https://x.example",
                    ]),
                Planted(id: "f-e", listing: "5", score: 0.99, severity: .low, fields: ["title": Hostile.control]),
                Planted(id: "f-f", listing: "6", score: 0.3, severity: .low, fields: [:]),
            ])
        return store
    }

    static func write(
        _ store: StateStore, runID: String? = nil, into folder: URL, bundles: URL? = nil
    ) throws
        -> (ReportSummary, String)
    {
        let summary = try MorningReport.write(
            store: store, runID: runID, outputFolder: folder, bundlesFolder: bundles)
        return (summary, try String(contentsOf: summary.reportFile, encoding: .utf8))
    }

    @Test func hostileTitlesAndSellerNamesStayText() throws {
        let folder = try TemporaryFolder()
        let (_, page) = try Self.write(try Self.hostileState(folder), into: folder.url)
        let tags = HTMLTag.scan(page)
        let scripts = tags.filter { $0.name == "script" }
        #expect(scripts.map(\.content) == [MorningReport.filterScript])
        #expect(tags.eventHandlers.isEmpty, "\(tags.eventHandlers)")
        #expect(!tags.contains { $0.name == "img" && $0.attribute("src") == "x" })
        let unexpected = Set(tags.map(\.name)).subtracting(Self.reportTags)
        #expect(unexpected.isEmpty, "\(unexpected)")
        for text in Hostile.all where text != Hostile.control {
            #expect(page.contains(HTML.escape(text)), "\(text)")
        }
        #expect(page.contains("bell\u{FFFD}nul\u{FFFD}esc\u{FFFD}"))
        #expect(!page.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
        #expect(page.contains("&lt;svg onload=alert(3)&gt;"))
        // Filters compare the escaped values the browser decodes again: the hostile marketplace is one option.
        #expect(tags.contains { $0.name == "option" && $0.attribute("value") == "temu&quot;&gt;&lt;script&gt;" })
        // The page can run only its own script, named by its hash.
        let policy = try #require(tags.first { $0.attribute("http-equiv") == "Content-Security-Policy" })
        #expect(policy.attribute("content") == MorningReport.contentSecurityPolicy)
        #expect(MorningReport.contentSecurityPolicy.contains("default-src 'none'"))
    }

    @Test func noAttributeReachesTheWebExceptListingLinks() throws {
        let folder = try TemporaryFolder()
        let (_, page) = try Self.write(try Self.hostileState(folder), into: folder.url)
        let tags = HTMLTag.scan(page)
        let urls = tags.flatMap { tag in
            tag.attributes.filter {
                ["href", "src", "data-src", "action", "srcset", "poster", "data"].contains($0.name)
            }.map {
                (tag, $0.value)
            }
        }
        for (tag, url) in urls {
            let lowered = url.lowercased().trimmingCharacters(in: .whitespaces)
            #expect(!lowered.hasPrefix("javascript:") && !lowered.hasPrefix("data:") && !lowered.hasPrefix("//"))
            if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
                #expect(
                    tag.name == "a" && tag.attribute("class") == "x" && tag.attribute("rel") == "noopener noreferrer")
            }
        }
        let external = urls.filter { $0.1.hasPrefix("http") }.map(\.1)
        #expect(external == ["https://temu.example/item/3?x=&quot;1&quot;&amp;y=&lt;2&gt;"])
        #expect(!page.contains("href=\"  javascript") && !page.contains("href=\"javascript"))
    }

    @Test func findingsAreSortedBySeverityThenScoreThenID() throws {
        let folder = try TemporaryFolder()
        let (_, page) = try Self.write(try Self.hostileState(folder), into: folder.url)
        let rows = HTMLTag.scan(page).filter { $0.name == "tr" && $0.attribute("id") != nil }
        // serious (0.95 resolved f-b, then the two 0.91 by id), moderate, low (0.99 before 0.3).
        #expect(rows.compactMap { $0.attribute("id") } == ["f-b", "f-c", "f-d", "f-a", "f-e", "f-f"])
        #expect(rows.compactMap { $0.attribute("data-s") } == ["resolved", "new", "new", "ongoing", "new", "new"])
        #expect(
            rows.compactMap { $0.attribute("class") } == ["serious", "serious", "serious", "moderate", "low", "low"])
    }

    @Test func theSummaryCountsStatusesBrandsMarketplacesAndSeverities() throws {
        let folder = try TemporaryFolder()
        let (summary, page) = try Self.write(try Self.hostileState(folder), into: folder.url)
        #expect(summary.runID == "r2" && summary.findings == 6)
        #expect(summary.byStatus == ["new": 4, "ongoing": 1, "resolved": 1])
        #expect(summary.bySeverity == ["serious": 3, "moderate": 1, "low": 2])
        #expect(page.contains("<b>4</b> new</div>") && page.contains("<b>0</b> relisted</div>"))
        // Acme: f-a ongoing, f-d, f-e and f-f new; Zolta: f-b resolved (brand, all, new, ongoing, relisted, resolved).
        #expect(page.contains("<tr><td><bdi>Acme</bdi><td>4<td>3<td>1<td>0<td>0"))
        #expect(page.contains("<tr><td><bdi>Zolta</bdi><td>1<td>0<td>0<td>0<td>1"))
        #expect(page.contains("<tr><td><bdi>aliexpress</bdi><td>4<td>3<td>1<td>0<td>0"))
        #expect(page.contains("<tr><td><bdi>low</bdi><td>2<td>2<td>0<td>0<td>0"))
        // Both charts are inline SVG: ten histogram bins, and one bar group per night.
        let svgs = page.components(separatedBy: "<svg ").dropFirst()
        #expect(svgs.count == 2)
        #expect(svgs.first?.components(separatedBy: "<rect class=\"bar\"").count == 11)
        #expect(page.contains("<title>score 0.9–1.0: 4 findings</title>"))
        #expect(page.contains("<title>r1 (2026-11-1T01:00:00Z): ongoing 0, new 2, relisted 0, resolved 0</title>"))
        #expect(page.contains("<title>r2 (2026-11-2T01:00:00Z): ongoing 1, new 4, relisted 0, resolved 1</title>"))
    }

    @Test func anEarlierRunIsReportedWhenNamedAndAnUnknownOneIsNamedInTheError() throws {
        let folder = try TemporaryFolder()
        let store = try Self.hostileState(folder)
        let (summary, page) = try Self.write(store, runID: "r1", into: folder.url)
        #expect(summary.findings == 2 && summary.byStatus == ["new": 2])
        // As the findings stood that night: f-b new (it is resolved since), f-a moderate at 0.62.
        #expect(page.contains("<tr id=\"f-b\" class=\"serious\" data-b=\"Zolta\" data-s=\"new\""))
        #expect(!page.contains("<title>r2 "))
        #expect(throws: ReportError.self) { try Self.write(store, runID: "nope", into: folder.url) }
        do {
            _ = try Self.write(store, runID: "nope", into: folder.url)
        } catch {
            #expect("\(error)".contains(store.path) && "\(error)".contains("nope"))
        }
        let empty = try StateStore(path: folder.url.appendingPathComponent("empty.sqlite").path)
        #expect(throws: ReportError.self) { try Self.write(empty, into: folder.url) }
    }

    @Test func theSameStateGivesTheSameBytes() throws {
        let folder = try TemporaryFolder()
        let store = try Self.hostileState(folder)
        let (_, first) = try Self.write(store, into: folder.url.appendingPathComponent("one"))
        let (_, second) = try Self.write(store, into: folder.url.appendingPathComponent("two"))
        let (_, again) = try Self.write(store, into: folder.url.appendingPathComponent("one"))
        #expect(Data(first.utf8) == Data(second.utf8))
        #expect(Data(first.utf8) == Data(again.utf8))
        let leftovers = try FileManager.default.contentsOfDirectory(
            atPath: folder.url.appendingPathComponent("one/report").path)
        #expect(leftovers.sorted() == ["index.html", "thumbs"])
    }

    static func png(width: Int, height: Int, grey: UInt8) throws -> Data {
        Data(try PNGEncoder.encode(Image(width: width, height: height, format: .grey, filledWith: [grey])))
    }

    @Test func thumbnailsComeFromTheFirstSideBySideAndAreMadeOnce() throws {
        let folder = try TemporaryFolder()
        let store = try Self.hostileState(folder)
        try folder.write(try Self.png(width: 600, height: 300, grey: 10), to: "bundles/f-a/data/side-by-side-2.png")
        try folder.write(try Self.png(width: 480, height: 100, grey: 20), to: "bundles/f-a/data/side-by-side-10.png")
        try folder.write("<!DOCTYPE html>", to: "bundles/f-a/data/claim-chart.html")
        try folder.write(try Self.png(width: 100, height: 50, grey: 30), to: "bundles/f-c/data/side-by-side-1.png")
        try folder.write("not a png", to: "bundles/f-d/data/side-by-side-1.png")
        let bundles = folder.url.appendingPathComponent("bundles")
        let (summary, page) = try Self.write(store, into: folder.url, bundles: bundles)
        #expect(summary.thumbnailsMade == 2 && summary.thumbnailsKept == 0 && summary.thumbnailFailureCount == 1)
        #expect(summary.thumbnailFailures.first?.hasPrefix("f-d: ") == true)
        let thumbnail = try ImageDecoder.decode(
            contentsOfFile: folder.url.appendingPathComponent("report/thumbs/f-a.png").path
        ).image
        #expect(thumbnail.width == 240 && thumbnail.height == 120)
        // Its `src` comes from the script as the row nears the viewport; <noscript> shows it without script.
        let attributes = "width=\"240\" height=\"120\" loading=\"lazy\" alt=\"\""
        #expect(
            page.contains(
                "<td class=\"t\"><img data-src=\"thumbs/f-a.png\" \(attributes)><noscript><img src=\"thumbs/f-a.png\" "
                    + "\(attributes)></noscript>"))
        // Smaller than a thumbnail: kept at its size.
        #expect(page.contains("<img data-src=\"thumbs/f-c.png\" width=\"100\" height=\"50\" loading=\"lazy\""))
        #expect(page.contains("<a href=\"../bundles/f-a/\">bundle</a>"))
        #expect(page.contains("<a href=\"../bundles/f-a/data/claim-chart.html\">claim chart</a>"))
        #expect(page.contains("<a href=\"../bundles/f-d/\">bundle</a>") && !page.contains("f-d/data/claim-chart"))
        #expect(!page.contains("../bundles/f-b/"))

        let (again, repeated) = try Self.write(store, into: folder.url, bundles: bundles)
        #expect(again.thumbnailsMade == 0 && again.thumbnailsKept == 2)
        #expect(repeated == page)
        // A newer side-by-side image makes the thumbnail again.
        let source = folder.url.appendingPathComponent("bundles/f-c/data/side-by-side-1.png")
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: source.path)
        #expect(try Self.write(store, into: folder.url, bundles: bundles).0.thumbnailsMade == 1)
    }

    @Test(arguments: [
        (0.0, 0), (0.05, 0), (0.1, 1), (0.7, 7), (0.999, 9), (1.0, 9), (1.5, 9), (-1.0, 0), (Double.nan, 0),
    ])
    func scoresFallInTheirHistogramBin(score: Double, bin: Int) {
        #expect(ReportTally.bin(score) == bin)
    }

    static let reportTags: Set<String> = [
        "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "p", "bdi", "section", "div", "i",
        "b", "table", "thead", "tbody", "tr", "th", "td", "figure", "figcaption", "svg", "g", "rect", "line", "text",
        "form", "label", "select", "option", "button", "output", "colgroup", "col", "span", "br", "a", "img",
        "noscript", "script",
    ]
}
