import Findings
import Foundation
import Store
import TestSupport
import Testing

/// The workbench in a real browser: headless Chromium driven through chromedriver (WebDriver) by
/// `Browser/drive.py`, then the state file and the export files checked here. Debian's `chromium` and
/// `chromium-driver` are needed to run it, never to build; without them it is skipped, unless
/// `PROOFMARK_REQUIRE_BROWSER=1` (CI) makes that a failure.
@Suite struct BrowserTests {
    static let chromedriver = ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
    static let required = ProcessInfo.processInfo.environment["PROOFMARK_REQUIRE_BROWSER"] == "1"

    @Test(
        .enabled(
            if: chromedriver != nil || required,
            "chromedriver is not installed (apt-get install chromium chromium-driver); PROOFMARK_REQUIRE_BROWSER=1 makes this a failure"
        ))
    func anAnalystReviewsAndFilesInTheBrowserAndAnAttackerChangesNothing() async throws {
        let chromedriver = try #require(Self.chromedriver, "PROOFMARK_REQUIRE_BROWSER=1 but chromedriver is missing")
        let night = try await ReviewNight()
        let server = try await RunningServer.start(state: night.state, out: night.out, reviewer: "ana")
        defer { Task { await server.stop() } }
        let findings = try night.findingsWorstFirst()
        let hostile = try #require(findings.first { $0.listingID == "10001" })
        let marketplace = "amazon"
        let onMarketplace = findings.filter { $0.marketplace == marketplace }
        #expect(!onMarketplace.isEmpty)
        // A finding nobody decides: the one the cross-site post aims at.
        let target = try #require(findings.dropFirst(4).last { $0.marketplace != marketplace }).findingID

        let screenshot = night.folder.url.appendingPathComponent("queue.png")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "Browser/drive.py")
        let arguments = [
            script.path, server.url.absoluteString, "--screenshot", screenshot.path, "--hostile", hostile.findingID,
            "--bulk-marketplace", marketplace, "--csrf-target", target, "--chromedriver", chromedriver,
        ]
        let (status, output, errors) = try await CommandRunner.onOwnThread { try Self.python(arguments) }
        try #require(status == 0, "drive.py failed: \(errors)")
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let rows = try #require(seen["rows"] as? [String])
        let ids = findings.map(\.findingID)

        // The queue in the report's order; the token gone from the address bar.
        #expect(rows == Array(ids.prefix(100)))
        #expect(seen["address"] as? String == "http://127.0.0.1:\(server.port)/")
        #expect(seen["start"] as? String == rows[0])
        #expect(seen["after_jj"] as? String == rows[2] && seen["after_k"] as? String == rows[1])
        #expect(seen["after_confirm"] as? String == rows[2] && seen["dialog_open"] as? Bool == true)
        #expect(seen["undone"] as? String == rows[3] && seen["undo_target"] as? String == rows[3])

        // The decisions in the state file, as `proofmark review` would have written them.
        let store = try StateStore(path: night.state)
        let reviews = try store.allReviews()
        let states = try store.reviewStates()
        let confirmed = try #require(reviews.first { $0.findingID == rows[1] })
        #expect(confirmed.decision == .confirmed && confirmed.reviewer == "ana")
        #expect(confirmed.decidedAt == "2026-12-01T09:20:00Z")
        let dismissed = try #require(reviews.first { $0.findingID == rows[2] })
        #expect(dismissed.decision == .dismissed && dismissed.reason == "parody shop")
        // Dismissed, then taken back with u (before the bulk confirmation, which may take it in too).
        #expect(reviews.filter { $0.findingID == rows[3] }.prefix(2).map(\.decision) == [.dismissed, .withdrawn])
        #expect((seen["review_cells"] as? [String: String])?[rows[3]] == "unreviewed")
        // Every finding of the filtered marketplace confirmed, after the count was shown.
        #expect((seen["bulk_question"] as? String)?.contains("Confirm \(onMarketplace.count) findings") == true)
        #expect(seen["bulk_rows"] as? Int == min(100, onMarketplace.count))
        for finding in onMarketplace { #expect(states[finding.findingID]?.isConfirmed == true) }

        // The hostile title is text, and nothing of it ran.
        #expect((seen["hostile_text"] as? String)?.contains("<script>window.pwned=2</script>") == true)
        #expect(seen["pwned_on_queue"] is NSNull && seen["pwned_on_finding"] is NSNull)
        #expect(seen["alert_on_queue"] is NSNull && seen["alert_on_finding"] is NSNull)
        let images = seen["images"] as? [[String: Any]] ?? []
        #expect(images.allSatisfy { $0["ok"] as? Bool == true })

        // The export, as `proofmark export` writes it, with its files linked.
        let files = seen["export_files"] as? [String] ?? []
        #expect(files.contains("notices.csv") && files.contains("prefiling-checks.csv"))
        let notices = try String(
            contentsOf: night.out.appendingPathComponent("exports/amazon/notices.csv"), encoding: .utf8)
        let exported = Set(
            try RFC4180Reader.table(notices).flatMap {
                ($0["finding_ids"] ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            })
        let confirmedAmazon = findings.filter {
            $0.marketplace == "amazon" && states[$0.findingID]?.isConfirmed == true
        }
        #expect(!confirmedAmazon.isEmpty && !exported.isEmpty)
        #expect((seen["bulk_reviews"] as? [String])?.allSatisfy { $0 == "confirmed" } == true)
        #expect(exported.isSubset(of: Set(confirmedAmazon.map(\.findingID))))

        // The cross-site post and the visit without a session changed nothing.
        #expect(seen["csrf_target"] as? String == target)
        #expect(!reviews.contains { $0.findingID == target }, "\(seen["csrf_reply"] ?? "")")
        #expect((seen["no_session"] as? String)?.contains("open the address proofmark serve printed") == true)

        // The README's picture of a morning's review.
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../Docs/review-workbench.png"
        ).standardizedFileURL
        if ProcessInfo.processInfo.environment["PROOFMARK_WRITE_SCREENSHOT"] == "1" {
            try? FileManager.default.removeItem(at: docs)
            try FileManager.default.copyItem(at: screenshot, to: docs)
        }
        #expect(try Data(contentsOf: screenshot).prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
    }

    static func python(_ arguments: [String]) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let errorData = ErrorReader(errors.fileHandleForReading)
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outData, as: UTF8.self),
            String(decoding: errorData.finish(), as: UTF8.self)
        )
    }
}

/// Reads a pipe to its end on a thread of its own (so neither pipe's buffer fills while the other is read).
final class ErrorReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func finish() -> Data {
        done.wait()
        return data
    }
}
