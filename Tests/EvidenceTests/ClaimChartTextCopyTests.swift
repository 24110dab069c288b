import Foundation
import Testing

@testable import Evidence

@Suite struct ClaimChartTextCopyTests {
    @Test func copiedPassagesAreHighlightedInTheListingAndInTheRegisteredText() throws {
        let description = "Our own words. <b>Keeps you dry</b> in driving rain. More of ours."
        let registered = "The Summit jacket <b>Keeps you dry</b> in driving rain with a shell."
        let signal: [String: Any] = [
            "kind": "text-copy", "text": "jacket-copy", "similarity": 0.41, "containment": 0.5,
            "method": "minhash+winnowing",
            "passages": [["field": "description", "span": [15, 51], "source_span": [18, 54]]],
        ]
        var evidence = try ClaimChartTests.evidence(
            listing: ["title": "Rain jacket", "description": description], signals: ClaimChartTests.signals([signal]))
        evidence.registeredTexts["jacket-copy"] = registered
        let page = ClaimChart.html(for: evidence, images: [:], generatedAt: "t")
        #expect(page.contains("Similarity 41%; 50% of the registered text; method <bdi>minhash+winnowing</bdi>."))
        #expect(page.contains("Our own words. <mark>&lt;b&gt;Keeps you dry&lt;/b&gt; in driving rain</mark>. More"))
        #expect(page.contains("The Summit jacket <mark>&lt;b&gt;Keeps you dry&lt;/b&gt; in driving rain</mark> with"))
        #expect(!page.contains("<b>Keeps"))
    }

    @Test func cuesGetTheirOwnRowsWithTheirPhraseHighlighted() throws {
        let signals: [[String: Any]] = [
            [
                "kind": "word-mark", "mark": "ZOLTA", "found": "ZOLTA", "field": "title", "span": [0, 5],
                "how": "exact",
            ],
            ["kind": "context", "cue": "counterfeit", "phrase": "replica", "field": "title", "span": [10, 17]],
            [
                "kind": "context", "cue": "fair-use", "phrase": "compatible with", "field": "description",
                "span": [0, 15],
            ],
        ]
        let evidence = try ClaimChartTests.evidence(
            listing: ["title": "ZOLTA AAA replica", "description": "Compatible with <ZOLTA>"],
            signals: ClaimChartTests.signals(signals))
        let page = ClaimChart.html(for: evidence, images: [:], generatedAt: "t")
        #expect(page.contains("Counterfeit cue <bdi class=\"v\">replica</bdi> in the <bdi>title</bdi>"))
        #expect(page.contains("ZOLTA AAA <mark>replica</mark>"))
        #expect(page.contains("<mark>Compatible with</mark> &lt;ZOLTA&gt;"))
        #expect(page.contains("probable nominative fair use"))
    }

    @Test func spansOutsideTheTextAreShownWithoutHighlight() {
        #expect(ClaimChart.highlighted("a<b", spans: [[0, 9], [2, 1]]) == "a&lt;b")
        #expect(
            ClaimChart.highlighted("abcdef", spans: [[4, 6], [0, 2], [1, 3]]) == "<mark>ab</mark>cd<mark>ef</mark>")
    }
}
