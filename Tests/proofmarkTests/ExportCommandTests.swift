import Foundation
import TestSupport
import Testing

/// Exports to every channel from real nights whose sellers have hostile names, read back as a spreadsheet would.
@Suite struct ExportCommandTests {
    static let hostileNames = [
        "=HYPERLINK(\"http://evil.example\",\"click\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)*cmd|' /C calc'!A0",
        "\tTab Store", "Quote \" and, comma\r\nand lines", "＝1+1",
    ]

    static func isFormula(_ cell: String) -> Bool {
        guard let first = cell.unicodeScalars.first else { return false }
        return ["=", "+", "-", "@", "\t", "\r", "\u{FF1D}"].contains(first)
    }

    @Test func everyChannelsFilesReadBackWithNoFormulaAndNoUnconfirmedFinding() async throws {
        let fixture = try NightFixture()
        var index = 0
        let lines = try fixture.sampleLines().map { line in
            NightFixture.editing(line) { object in
                guard let seller = object["seller_id"] as? String, seller.hasPrefix("s-") else { return }
                object["seller_name"] = Self.hostileNames[index % Self.hostileNames.count]
                if index % 5 == 1 { object["seller_id"] = "=" + seller }
                if index % 4 == 0 { object["test_buy_order_id"] = "@113-\(index)" }
                index += 1
            }
        }
        let dump = try fixture.writeDump("hostile.jsonl", lines: lines)
        let out = fixture.folder.url.appendingPathComponent("out")
        let state = out.appendingPathComponent("state.sqlite").path
        for now in ["2026-11-28T02:00:00Z", "2026-11-29T02:00:00Z"] {
            let run = try await CommandRunner.proofmark([
                "run", "--registry", fixture.registry.path, "--dump", dump.path, "--out", out.path, "--jobs", "2",
                "--now", now,
            ])
            #expect(run.status == 0, "\(run.standardError)")
        }
        // Everything confirmed but one seller's findings, which are dismissed.
        let confirm = try await CommandRunner.proofmark(["review", "--state", state, "--confirm", "--min-score", "0"])
        #expect(confirm.status == 0, "\(confirm.standardError)")
        let dismissedSeller = "s-788"
        let dismiss = try await CommandRunner.proofmark([
            "review", "--state", state, "--dismiss", "--seller", dismissedSeller,
        ])
        #expect(dismiss.status == 0, "\(dismiss.standardError)")

        var hostileSeen = 0
        for channel in ["alibaba-ipp", "amazon", "ebay-vero", "temu", "schedule-a", "dmca"] {
            let export = try await CommandRunner.proofmark([
                "export", "--state", state, "--channel", channel, "--now", "2026-11-29T10:00:00Z",
            ])
            #expect(export.status == 0, "\(channel): \(export.standardError)")
            let folder = out.appendingPathComponent("exports/\(channel)")
            let files = try #require(FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String])
            #expect(files.contains("prefiling-checks.csv"))
            for name in files where name.hasSuffix(".csv") {
                let data = try Data(contentsOf: folder.appendingPathComponent(name))
                #expect(data.starts(with: [0xEF, 0xBB, 0xBF]), "\(channel)/\(name) has no BOM")
                let text = try #require(String(data: data, encoding: .utf8))
                let records = try RFC4180Reader.records(text)
                for record in records {
                    for cell in record {
                        #expect(!Self.isFormula(cell), "\(channel)/\(name): \(cell.debugDescription)")
                        if cell.hasPrefix("'") && Self.hostileNames.contains(String(cell.dropFirst())) {
                            hostileSeen += 1
                        }
                    }
                }
                if name != "prefiling-checks.csv" {
                    #expect(!text.contains(dismissedSeller), "\(channel)/\(name) holds the dismissed seller")
                    #expect(!text.contains("acme-official") && !text.contains("zolta-store"))
                }
                try Self.pythonAgrees(folder.appendingPathComponent(name), records: records)
            }
        }
        #expect(hostileSeen > 0)

        let sellers = try await CommandRunner.proofmark(["sellers", "--state", state, "--json"])
        #expect(sellers.status == 0)
        let ledger = try #require(
            try JSONSerialization.jsonObject(with: Data(sellers.standardOutput.utf8)) as? [String: Any])
        let rows = try #require(ledger["sellers"] as? [[String: Any]])
        let strikes = rows.compactMap { $0["strikes"] as? Int }
        #expect(strikes == strikes.sorted(by: >) && !strikes.isEmpty)
        #expect(rows.contains { ($0["dismissed"] as? Int ?? 0) > 0 && $0["seller_id"] as? String == dismissedSeller })
        let text = try await CommandRunner.proofmark(["sellers", "--state", state])
        // Dump text reaches the terminal with its control characters escaped.
        #expect(
            text.status == 0 && !text.standardOutput.contains("\r") && text.standardOutput.contains("\\u{9}Tab Store"))
    }

    /// Python's csv module reads the same records (skipped when python3 is missing).
    static func pythonAgrees(_ file: URL, records: [[String]]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            "import csv,json,sys; print(json.dumps(list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))))",
            file.path,
        ]
        let output = Pipe()
        process.standardOutput = output
        guard (try? process.run()) != nil else { return }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return }
        let parsed = try JSONSerialization.jsonObject(with: data) as? [[String]]
        #expect(parsed == records, "\(file.lastPathComponent)")
    }

    @Test func eBayReasonCodesAreTakenAsGetVeroReasonCodesReturnsThemAndABadFileIsNamed() async throws {
        let fixture = try NightFixture()
        let out = fixture.folder.url.appendingPathComponent("out")
        let run = try await CommandRunner.proofmark([
            "run", "--registry", fixture.registry.path, "--dump", fixture.dump.path, "--out", out.path, "--now",
            "2026-11-28T02:00:00Z",
        ])
        #expect(run.status == 0)
        let state = out.appendingPathComponent("state.sqlite").path
        let confirm = try await CommandRunner.proofmark(["review", "--state", state, "--confirm", "--min-score", "0"])
        #expect(confirm.status == 0)
        // Shaped as getVeroReasonCodes documents its response; the ids and texts are made up.
        let codes = fixture.folder.url.appendingPathComponent("codes.json")
        try Data(
            #"""
            {"veroReasonCodes": [{"marketplaceId": "EBAY_US", "reasonCodeDetails": [
              {"veroReasonCodeId": "T1", "briefText": "Counterfeit of the trademarked product"},
              {"veroReasonCodeId": "T2", "briefText": "Trademark used in the listing"},
              {"veroReasonCodeId": "C1", "briefText": "Copyrighted image copied"},
              {"veroReasonCodeId": "C2", "briefText": "Copyrighted text copied"},
              {"veroReasonCodeId": "P1", "briefText": "Infringes a valid patent"}]}]}
            """#.utf8
        ).write(to: codes)
        let export = try await CommandRunner.proofmark([
            "export", "--state", state, "--channel", "ebay-vero", "--vero-reason-codes", codes.path, "--now",
            "2026-11-29T10:00:00Z",
        ])
        #expect(export.status == 0, "\(export.standardError)")
        #expect(!export.standardError.contains("no --vero-reason-codes"))
        let folder = out.appendingPathComponent("exports/ebay-vero")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names.contains("FORMAT.md") && names.contains("report-ebay-1.json"))
        for name in names where name.hasSuffix(".json") {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let entries = try #require(object["reportItems"] as? [[String: Any]])
            let ids = Set(entries.compactMap { $0["veroReasonCodeId"] as? String })
            #expect(!entries.isEmpty && ids.isSubset(of: ["T1", "T2", "C1", "C2", "P1"]), "\(name): \(ids)")
        }

        let bad = fixture.folder.url.appendingPathComponent("bad.json")
        try Data(#"{"veroReasonCodes": [{"reasonCodeDetails": []}]}"#.utf8).write(to: bad)
        let refused = try await CommandRunner.proofmark([
            "export", "--state", state, "--channel", "ebay-vero", "--vero-reason-codes", bad.path,
        ])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("\(bad.path): veroReasonCodes[0].marketplaceId: missing"))

        let without = try await CommandRunner.proofmark(["export", "--state", state, "--channel", "ebay-vero"])
        #expect(without.status == 0 && without.standardError.contains("no --vero-reason-codes"))
    }

    @Test func checkWritesNothingAndAnUnknownChannelIsRefused() async throws {
        let fixture = try NightFixture()
        let out = fixture.folder.url.appendingPathComponent("out")
        let run = try await CommandRunner.proofmark([
            "run", "--registry", fixture.registry.path, "--dump", fixture.dump.path, "--out", out.path, "--now",
            "2026-11-28T02:00:00Z",
        ])
        #expect(run.status == 0)
        let state = out.appendingPathComponent("state.sqlite").path
        let check = try await CommandRunner.proofmark(["export", "--state", state, "--channel", "temu", "--check"])
        #expect(check.status == 2 && check.standardError.contains("unreviewed"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("exports").path))
        let bad = try await CommandRunner.proofmark(["export", "--state", state, "--channel", "etsy"])
        #expect(bad.status != 0 && bad.standardError.contains("--channel") && bad.standardError.contains("schedule-a"))
    }
}
