import Foundation
import TestSupport
import Testing

/// A dump as an API returns it (eBay Browse item summaries, written from the sample night's listings), run with
/// nothing but the dump: recognised, read through the built-in profile, and the mapped title, price, seller and URLs
/// reach every output: findings, the claim charts, the bags' listing.json, the morning report and the exports.
@Suite struct MappedDumpTests {
    /// The sample listings of eBay, as eBay's Browse API shapes an item summary.
    static func eBayItemSummaries(_ fixture: NightFixture) throws -> [String] {
        try fixture.sampleLines().compactMap { line -> String? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let id = object["listing_id"] as? String, let images = object["images"] as? [String], !images.isEmpty
            else { return nil }
            var item: [String: Any] = [
                "itemId": "v1|\(id)|0", "legacyItemId": id, "title": object["title"] ?? "",
                "itemWebUrl": "https://www.ebay.com/itm/\(id)",
                "image": ["imageUrl": images[0]], "additionalImages": images.dropFirst().map { ["imageUrl": $0] },
                "seller": ["username": object["seller_id"] ?? "", "feedbackScore": 12],
                "buyingOptions": ["FIXED_PRICE"], "condition": "New",
            ]
            if let price = object["price"] as? NSNumber {
                item["price"] = ["value": price.stringValue, "currency": "USD"]
            }
            let data = try JSONSerialization.data(withJSONObject: item, options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }
    }

    @Test func anEBayBrowseDumpRunsAsItComesAndItsMappedFieldsReachTheEvidence() async throws {
        let fixture = try NightFixture()
        let dump = try fixture.writeDump("ebay-items.jsonl", lines: try Self.eBayItemSummaries(fixture))
        let out = fixture.folder.url.appendingPathComponent("out")
        let state = out.appendingPathComponent("state.sqlite").path
        let run = try await CommandRunner.proofmark([
            "run", "--registry", fixture.registry.path, "--dump", dump.path, "--out", out.path, "--jobs", "2",
            "--now", "2026-11-28T02:00:00Z",
        ])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardError.contains("looks like ebay-browse: reading it with --format ebay-browse"))
        #expect(!run.standardError.contains("mapping:"), "\(run.standardError)")

        let findings = try String(contentsOf: out.appendingPathComponent("findings.jsonl"), encoding: .utf8)
            .split(separator: "\n").compactMap {
                try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }
        #expect(findings.count >= 20)
        let finding = try #require(findings.first { $0["listing_id"] as? String == "10001" })
        #expect(finding["marketplace"] as? String == "ebay.com")
        #expect(finding["url"] as? String == "https://www.ebay.com/itm/10001")
        #expect(finding["seller_id"] as? String == "s-788")

        // The claim chart shows the mapped listing, not "URL not given".
        let bag = out.appendingPathComponent("bundles/\(try #require(finding["finding_id"] as? String))/data")
        let chart = try String(contentsOf: bag.appendingPathComponent("claim-chart.html"), encoding: .utf8)
        #expect(chart.contains("https://www.ebay.com/itm/10001"))
        #expect(chart.contains("https://www.ebay.com/usr/s-788"))
        #expect(chart.contains("ACME original none deal"))
        #expect(chart.contains("5.23"))
        for label in ["URL", "Title", "Price", "Seller"] {
            #expect(!chart.contains("<th>\(label)</th><td><span class=\"quiet\">not given"), "\(label)")
        }
        // The bag keeps the record as captured beside the listing as read.
        let listing = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: bag.appendingPathComponent("listing.json")))
                as? [String: Any])
        let captured = try #require(listing["captured"] as? [String: Any])
        let read = try #require(listing["proofmark_listing"] as? [String: Any])
        #expect(captured["itemId"] as? String == "v1|10001|0")
        #expect(read["seller_url"] as? String == "https://www.ebay.com/usr/s-788")
        #expect(read["images"] as? [String] == ["images/acme-copy-none.jpg"])
        let bags = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("bundles").path)
            .filter { !$0.hasPrefix(".") }.map { out.appendingPathComponent("bundles/\($0)").path }
        // Valid, and (no key was given) only self-consistent: status 2.
        let verify = try await CommandRunner.proofmark(["verify"] + bags)
        #expect(verify.status == 2, "\(verify.standardError)")
        #expect(
            verify.standardOutput.contains("\(bags.count) of \(bags.count) bundles valid"), "\(verify.standardOutput)")
        let report = try String(contentsOf: out.appendingPathComponent("report/index.html"), encoding: .utf8)
        #expect(report.contains("https://www.ebay.com/itm/10001"))

        // The exports, and the pre-filing check that needs the seller's URL, see the mapped fields.
        let confirm = try await CommandRunner.proofmark(["review", "--state", state, "--confirm", "--min-score", "0"])
        #expect(confirm.status == 0, "\(confirm.standardError)")
        for channel in ["ebay-vero", "schedule-a"] {
            let export = try await CommandRunner.proofmark([
                "export", "--state", state, "--channel", channel, "--now", "2026-11-28T10:00:00Z",
            ])
            #expect(export.status == 0, "\(channel): \(export.standardError)")
            #expect(!export.standardError.contains("is missing"), "\(channel): \(export.standardError)")
            let folder = out.appendingPathComponent("exports/\(channel)")
            let files = try #require(FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String])
            var text = ""
            for name in files where name.hasSuffix(".csv") || name.hasSuffix(".json") {
                text += try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            }
            #expect(text.contains("https://www.ebay.com/itm/10001"), "\(channel)")
            #expect(text.contains("s-788"), "\(channel)")
        }
    }

    @Test func aMappedPathMatchingNothingIsAWarningInRunJSONAndOnStderr() async throws {
        let fixture = try NightFixture()
        var items = try Self.eBayItemSummaries(fixture)
        // One title as an object: a warning for the title, not a lost listing.
        #expect(items[0].contains(#""title":"ACME original none deal"}"#))  // the last key, sorted
        items[0] = items[0].replacingOccurrences(of: #""title":"#, with: #""title":{"displayTitle":"#) + "}"
        let dump = try fixture.writeDump("ebay-items.jsonl", lines: items)
        let map = try fixture.folder.write(
            "# prices as another crawler wrote them\nprice = price.amount\n", to: "m.map")
        let out = fixture.folder.url.appendingPathComponent("out")
        let run = try await CommandRunner.proofmark([
            "run", "--registry", fixture.registry.path, "--dump", dump.path, "--out", out.path, "--jobs", "2",
            "--format", "ebay-browse", "--map-file", map.path, "--map", "description=shortDescription",
        ])
        #expect(run.status == 0, "\(run.standardError)")
        let expected = "price: price.amount matched 0 of \(items.count) records (\(map.path):2)"
        #expect(run.standardError.contains("mapping: " + expected), "\(run.standardError)")
        #expect(run.standardError.contains("description: shortDescription matched 0 of \(items.count) records"))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json")))
                as? [String: Any])
        #expect((json["mapping_warnings"] as? [String])?.contains(expected) == true)
        #expect(
            (json["mapping_warnings"] as? [String])?.contains(
                "\"title\" held an object with keys displayTitle, not a text; left empty (map one of its members, "
                    + "e.g. --map title=title.displayTitle), in 1 record (first on line 1)") == true, "\(json)")
        #expect((json["bad_records"] as? [Any])?.isEmpty == true)
        let parameters = try #require(json["parameters"] as? [String: Any])
        #expect(parameters["format"] as? String == "ebay-browse")
        #expect((parameters["mapping"] as? [String: String])?["price"] == "price.amount")
        #expect((json["counts"] as? [String: Any])?["mapping_warnings"] == nil)
    }

    @Test func aBadMappingFileStopsTheRunNamingItsLine() async throws {
        let fixture = try NightFixture()
        let map = try fixture.folder.write("title = title\nprice = price.value | cents\n", to: "bad.map")
        let run = try await CommandRunner.proofmark([
            "run", "--registry", fixture.registry.path, "--dump", fixture.dump.path, "--out",
            fixture.folder.url.appendingPathComponent("out").path, "--map-file", map.path,
        ])
        #expect(run.status != 0)
        #expect(run.standardError.contains("\(map.path):2: price: unknown conversion \"cents\""))
    }
}
