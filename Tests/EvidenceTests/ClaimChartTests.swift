import Findings
import Foundation
import Matching
import Store
import Testing

@testable import Evidence

@Suite struct ClaimChartTests {
    static func raw(_ fields: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]), as: UTF8.self)
    }

    static func signals(_ list: [[String: Any]]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: list, options: [.sortedKeys]), as: UTF8.self)
    }

    static func evidence(
        listing fields: [String: Any], signals: String, findingID: String = "f-0123456789abcdef"
    ) throws -> FindingEvidence {
        let finding = FindingRecord(
            findingID: findingID, marketplace: "aliexpress", listingID: "1005006", sellerID: "s-889",
            url: fields["url"] as? String, brand: "Acme", right: "tm-us-5123456", score: 0.97, severity: .serious,
            status: .new, firstRun: "r1", lastRun: "r1", firstSeen: "2026-11-28T01:00:00Z",
            lastSeen: "2026-11-28T01:00:00Z", signals: try Signal.list(signals))
        let listing = ListingSummary(raw: try raw(fields), marketplace: "aliexpress", listingID: "1005006")
        let right = RightSummary(
            id: "tm-us-5123456", type: "trademark", registration: "US 5,123,456", jurisdiction: "US",
            holder: "Acme Outdoor Co.", expires: "2031-04-01")
        return FindingEvidence(finding: finding, listing: listing, right: right, owner: "Acme Outdoor Co.")
    }

    static var hostileListing: [String: Any] {
        [
            "title": Hostile.script + " ACME " + Hostile.override, "description": Hostile.breakout,
            "seller_name": Hostile.breakout + Hostile.quotes, "seller_id": Hostile.control, "url": Hostile.scriptURL,
            "seller_url": "https://shop.example/s?a=1&b=\"2\"", "price": 12.5, "currency": "USD<b>",
            "captured_at": "2026-11-28T01:12:00Z",
        ]
    }

    static var hostileSignals: [[String: Any]] {
        [
            [
                "kind": "image", "asset": Hostile.script, "image": Hostile.breakout, "algorithm": "pdq", "distance": 14,
                "transform": "mirror", "region": [120, 40, 300, 300],
            ],
            [
                "kind": "word-mark", "mark": "ACME", "found": "ACME", "field": "title", "span": [26, 30],
                "how": "exact",
            ],
            ["kind": "text-copy", "text": Hostile.quotes, "similarity": 0.82],
            ["kind": "price", "price": 12.5, "floor": 40],
        ]
    }

    @Test func hostileDumpTextIsShownAsTextNeverAsMarkup() throws {
        let evidence = try Self.evidence(listing: Self.hostileListing, signals: Self.signals(Self.hostileSignals))
        let images: [String: ClaimChart.ImageFiles] = [
            Hostile.breakout: (registered: "assets/acme-logo.png", suspect: "images/1-x.jpg", sideBySide: nil)
        ]
        let page = ClaimChart.html(for: evidence, images: images, generatedAt: "2026-11-28T06:00:00Z")
        let tags = HTMLTag.scan(page)
        #expect(!tags.contains { $0.name == "script" })
        #expect(tags.eventHandlers.isEmpty)
        #expect(
            Set(tags.map(\.name)).isSubset(of: Self.chartTags), "\(Set(tags.map(\.name)).subtracting(Self.chartTags))")
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        #expect(page.contains("it&#39;s &quot;quoted&quot; &amp; &#39;more&#39;"))
        #expect(page.contains("bell\u{FFFD}nul\u{FFFD}esc\u{FFFD}"))
        #expect(!page.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
        // The right-to-left override stays inside an isolating element, so it cannot reorder the page around it.
        #expect(page.contains("<bdi>&lt;script&gt;alert(1)&lt;/script&gt; ACME gpj.\u{202E}exe.photo</bdi>"))
        // A javascript: URL is text; the http(s) seller page is the only link, and leaves through no referrer.
        let links = tags.filter { $0.name == "a" }
        #expect(links.map { $0.attribute("href") } == ["https://shop.example/s?a=1&amp;b=&quot;2&quot;"])
        #expect(links.allSatisfy { $0.attribute("rel") == "noopener noreferrer" })
        #expect(page.contains("javascript:alert(1)"))
        #expect(tags.compactMap { $0.attribute("src") } == ["assets/acme-logo.png", "images/1-x.jpg"])
    }

    static let chartTags: Set<String> = [
        "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "p", "bdi", "section", "table", "tr",
        "th", "td", "thead", "tbody", "span", "br", "strong", "figure", "img", "figcaption", "div", "blockquote",
        "mark", "footer", "a",
    ]

    @Test func theMarkIsHighlightedAtTheMatchersCharacterOffsetsAfterEmojiAndCJK() throws {
        // A family emoji (one Character of five scalars, eight UTF-16 units), Han, a combining accent, then the mark.
        let title = "👨‍👩‍👧 爱可美 cafe\u{301} <b>ACME</b> 🇯🇵 jacket"
        let match = try #require(
            WordMarkFinder([RegisteredMark(brand: "Acme", text: "ACME", right: "tm")]).find(in: title, field: "title")
                .first)
        let signal: [String: Any] = [
            "kind": "word-mark", "mark": "ACME", "found": match.found, "field": "title",
            "span": [match.span.lowerBound, match.span.upperBound], "how": match.how,
        ]
        let evidence = try Self.evidence(listing: ["title": title], signals: Self.signals([signal]))
        let page = ClaimChart.html(for: evidence, images: [:], generatedAt: "t")
        #expect(
            page.contains(
                "<blockquote>👨‍👩‍👧 爱可美 cafe\u{301} &lt;b&gt;<mark>ACME</mark>&lt;/b&gt; 🇯🇵 jacket</blockquote>"))
        #expect(page.contains("at characters \(match.span.lowerBound + 1)–\(match.span.upperBound) of \(title.count)"))
        #expect(!page.contains("class=\"warn\""))
    }

    @Test(arguments: [[40, 44], [3, 2], [-1, 2], [5]])
    func aSpanOutsideTheTextShowsItUnhighlightedAndSaysSo(span: [Int]) throws {
        let signal: [String: Any] = [
            "kind": "word-mark", "mark": "ACME", "found": "ACME", "field": "title", "span": span, "how": "exact",
        ]
        let evidence = try Self.evidence(listing: ["title": "short ACME"], signals: Self.signals([signal]))
        let page = ClaimChart.html(for: evidence, images: [:], generatedAt: "t")
        #expect(!page.contains("<mark>"))
        #expect(page.contains("<blockquote>short ACME</blockquote>"))
        #expect(page.contains("outside the text as captured"))
    }

    @Test func aSpanOverOtherTextIsHighlightedWithAWarning() throws {
        let signal: [String: Any] = [
            "kind": "word-mark", "mark": "ACME", "found": "ACME", "field": "title", "span": [0, 5], "how": "exact",
        ]
        let evidence = try Self.evidence(listing: ["title": "short ACME"], signals: Self.signals([signal]))
        let page = ClaimChart.html(for: evidence, images: [:], generatedAt: "t")
        #expect(page.contains("<mark>short</mark>"))
        #expect(page.contains("class=\"warn\""))
    }

    @Test func everyElementHasItsRowAgainstTheRightWithItsEvidence() throws {
        let evidence = try Self.evidence(
            listing: ["title": "ACME jacket", "price": 12.5, "currency": "USD", "url": "https://m.example/i/1"],
            signals: Self.signals([
                ["kind": "image", "asset": "acme-logo", "image": "images/a.jpg", "algorithm": "pdq", "distance": 14],
                ["kind": "image", "asset": "acme-photo", "image": "images/b.jpg", "algorithm": "pdq", "distance": 3],
                [
                    "kind": "image", "asset": "acme-photo", "image": "images/c.jpg", "algorithm": "features",
                    "inliers": 41,
                ],
                [
                    "kind": "word-mark", "mark": "ACME", "found": "ACME", "field": "title", "span": [0, 4],
                    "how": "exact",
                ],
                ["kind": "text-copy", "text": "jacket-copy", "similarity": 0.82],
                ["kind": "price", "price": 12.5, "floor": 40],
            ]))
        let images: [String: ClaimChart.ImageFiles] = [
            "images/a.jpg": ("assets/acme-logo.png", "images/1-a.jpg", "side-by-side-1.png"),
            "images/b.jpg": ("assets/acme-photo.jpg", "images/2-b #?:.jpg", nil),
        ]
        let page = ClaimChart.html(for: evidence, images: images, generatedAt: "2026-11-28T06:00:00Z")
        let rows = page.components(separatedBy: "<tr><td class=\"n\">").dropFirst()
        #expect(rows.count == 6)
        #expect(rows.allSatisfy { $0.contains("US 5,123,456") })
        let sources = HTMLTag.scan(page).compactMap { $0.attribute("src") }
        #expect(sources == ["side-by-side-1.png", "assets/acme-photo.jpg", "images/2-b%20%23%3F%3A.jpg"])
        #expect(page.contains("distance 14 bits"))
        #expect(page.contains("41 inliers"))
        #expect(page.contains("The bundle holds no picture for this image."))
        #expect(page.contains("Similarity 82%"))
        #expect(page.contains("<strong>12.5 USD</strong>") && page.contains("<strong>40 USD</strong>"))
        #expect(page.contains("<a class=\"x\" href=\"https://m.example/i/1\" rel=\"noopener noreferrer\">"))
        #expect(page.contains("@media print"))
        #expect(page.contains("Content-Security-Policy"))
    }

    @Test func theSameEvidenceGivesTheSameBytes() throws {
        let evidence = try Self.evidence(listing: Self.hostileListing, signals: Self.signals(Self.hostileSignals))
        let images: [String: ClaimChart.ImageFiles] = [Hostile.breakout: ("a.png", "b.png", "c.png")]
        let first = ClaimChart.html(for: evidence, images: images, generatedAt: "2026-11-28T06:00:00Z")
        let second = ClaimChart.html(for: evidence, images: images, generatedAt: "2026-11-28T06:00:00Z")
        #expect(Data(first.utf8) == Data(second.utf8))
    }

    @Test(arguments: [
        ("https://example.com/a?b=1&c=2", "https://example.com/a?b=1&amp;c=2"),
        ("HTTP://EXAMPLE.COM/", "HTTP://EXAMPLE.COM/"),
        ("javascript:alert(1)", nil),
        (" https://example.com/", nil),
        ("data:text/html,<script>", nil),
        ("https:///nohost", nil),
        ("//example.com/x", nil),
    ])
    func onlyWebURLsBecomeLinks(url: String, href: String?) {
        #expect(HTML.webLink(url) == href)
    }

    @Test(arguments: [
        ("images/1-a.jpg", "images/1-a.jpg"),
        ("javascript:alert(1)", "javascript%3Aalert(1)"),
        ("a b/c#d?e.png", "a%20b/c%23d%3Fe.png"),
        ("\"><x.png", "%22%3E%3Cx.png"),
        ("/etc/passwd", nil),
        ("//host/x.png", nil),
        ("a//b.png", nil),
        ("a\\b.png", nil),
        ("", nil),
    ])
    func bundleFilesAreRelativeURLsThatCannotLeave(path: String, url: String?) {
        #expect(HTML.relativeURL(path) == url)
    }
}
