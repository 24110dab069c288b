import Foundation
import Pipeline
import Store
import TestSupport
import Testing

/// A crawl that failed at 2 a.m. must not rewrite the record: an empty, tiny or one-marketplace-short dump after a
/// full night resolves nothing as `listing-gone` unless the shrink is accepted, and says so.
@Suite struct FailedCrawlTests {
    static func run(
        _ fixture: NightFixture, _ dump: URL, _ out: URL, night: Int, acceptShrink: Bool = false
    ) async throws -> RunSummary {
        var configuration = HistoryTests.configuration(fixture, dump: dump, out: out, night: night)
        configuration.acceptShrink = acceptShrink
        return try await NightlyRun.run(configuration)
    }

    @Test func emptyTinyOrPartialDumpsLeaveHistoryAloneUntilTheShrinkIsAccepted() async throws {
        let fixture = try NightFixture()
        let out = fixture.folder.url.appendingPathComponent("out")
        let lines = try fixture.sampleLines()
        let full = try await Self.run(fixture, fixture.dump, out, night: 0)
        let open = full.findingsByStatus["new", default: 0]
        #expect(open > 0)

        // An empty dump: completes, resolves nothing, names every marketplace.
        let empty = try await Self.run(fixture, try fixture.writeDump("empty.jsonl", lines: []), out, night: 1)
        #expect(empty.findingsByStatus["resolved", default: 0] == 0)
        #expect(
            Set(empty.shrunkMarketplaces.map(\.marketplace)) == ["alibaba", "aliexpress", "amazon", "ebay", "temu"])
        #expect(!empty.shrinkAccepted)
        let runJSON = try String(contentsOf: out.appendingPathComponent("run.json"), encoding: .utf8)
        #expect(runJSON.contains("shrunk_marketplaces") && runJSON.contains("\"listing_gone_resolved\":false"))

        // Three bad lines after a night of a hundred: a mostly-bad dump, judged against history.
        let bad = try fixture.writeDump("bad.jsonl", lines: ["{", "not json", "{\"marketplace\":"])
        await #expect(throws: RunError.self) { try await Self.run(fixture, bad, out, night: 2) }

        // One marketplace missing: only its findings are held; the others' gone listings still resolve.
        let withoutEbay = lines.filter { !$0.contains("\"marketplace\":\"ebay\"") }
        let partial = try await Self.run(
            fixture, try fixture.writeDump("partial.jsonl", lines: withoutEbay), out, night: 3)
        #expect(partial.shrunkMarketplaces.map(\.marketplace) == ["ebay"])
        #expect(partial.findingsByStatus["resolved", default: 0] == 0)

        // The next full night: nothing was resolved, so nothing is relisted.
        let back = try await Self.run(fixture, fixture.dump, out, night: 4)
        #expect(back.findingsByStatus["relisted", default: 0] == 0 && back.findingsByStatus["new", default: 0] == 0)
        #expect(back.shrunkMarketplaces.isEmpty)

        // Told the shrink is real, the empty night resolves every finding.
        let accepted = try await Self.run(
            fixture, try fixture.writeDump("empty2.jsonl", lines: []), out, night: 5, acceptShrink: true)
        #expect(accepted.shrinkAccepted && accepted.findingsByStatus["resolved", default: 0] == open)
    }
}
