import Foundation
import Pipeline
import TestSupport
import Testing

/// A night whose listings show the sample brands only in their text: a copied description under a generic title,
/// a leetspeak mark beside counterfeit talk, a nominative accessory and an innocent.
@Suite struct TextEvidenceRunTests {
    @Test func textOnlyListingsBecomeFindingsWithTheirSignals() async throws {
        let fixture = try NightFixture()
        let copy = try String(
            contentsOf: fixture.night.appendingPathComponent("texts/zolta-copy.txt"), encoding: .utf8
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        func line(_ id: String, _ title: String, _ description: String) throws -> String {
            let object: [String: Any] = [
                "marketplace": "temu", "listing_id": id, "title": title, "description": description,
                "seller_id": "s-\(id)", "price": 9.5, "currency": "USD", "images": [String](),
            ]
            return String(
                decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }
        let dump = try fixture.writeDump(
            "text.jsonl",
            lines: [
                try line("t1", "Sky rocket toy for kids", "Fast shipping from our store! " + copy),
                try line("t2", "Z0LTA Sky Rocket AAA replica", "Flies high."),
                try line("t3", "Launch pad compatible with ZOLTA Sky Rocket", "Sturdy steel pad."),
                try line("t4", "Vintage garden hose", "Adjustable nozzle."),
            ])
        let out = fixture.folder.url.appendingPathComponent("out")
        let configuration = RunConfiguration(
            registryPath: fixture.registry.path, dumpPath: dump.path, outputFolder: out, jobs: 2, minimumScore: 0,
            now: Date(timeIntervalSince1970: 1_796_000_000), toolVersion: "test")
        _ = try await NightlyRun.run(configuration)
        let findings = try String(contentsOf: out.appendingPathComponent("findings.jsonl"), encoding: .utf8)
            .split(separator: "\n").compactMap {
                try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }
        func finding(_ id: String) -> [String: Any]? { findings.first { $0["listing_id"] as? String == id } }
        func signals(_ id: String) -> [[String: Any]] { finding(id)?["signals"] as? [[String: Any]] ?? [] }

        let copied = try #require(signals("t1").first { $0["kind"] as? String == "text-copy" })
        #expect(copied["text"] as? String == "zolta-copy" && copied["method"] as? String == "minhash+winnowing")
        #expect((copied["containment"] as? Double ?? 0) == 1)
        let passage = try #require((copied["passages"] as? [[String: Any]])?.first)
        #expect(passage["field"] as? String == "description")
        // From the first copied word to the last, without the final full stop.
        #expect(passage["span"] as? [Int] == [30, 30 + copy.count - 1])
        #expect(passage["source_span"] as? [Int] == [0, copy.count - 1])
        #expect(finding("t1")?["brand"] as? String == "Zolta")

        let leet = try #require(signals("t2").first { $0["kind"] as? String == "word-mark" })
        #expect(
            leet["found"] as? String == "Z0LTA" && leet["how"] as? String == "leet" && leet["span"] as? [Int] == [0, 5])
        #expect(signals("t2").contains { $0["kind"] as? String == "context" && $0["cue"] as? String == "counterfeit" })
        #expect(finding("t2")?["severity"] as? String == "serious")

        let fairUse = try #require(signals("t3").first { $0["kind"] as? String == "context" })
        #expect(fairUse["cue"] as? String == "fair-use" && fairUse["phrase"] as? String == "compatible with")
        #expect(fairUse["span"] as? [Int] == [11, 26] && fairUse["field"] as? String == "title")
        #expect(finding("t3")?["severity"] as? String == "low" && (finding("t3")?["score"] as? Double ?? 1) <= 0.5)

        #expect(finding("t4") == nil)
    }
}
