import Findings
import Foundation
import TestSupport
import Testing

@testable import Store

/// `forEachFindingWorstFirst(ofNight:)`: a night's findings as they stood that night, in the report's order.
@Suite struct StateStoreReportTests {
    static func staged(
        _ id: String, listing: String, score: Double, severity: Severity, run: String
    ) -> StagedFinding {
        StagedFinding(
            runID: run, findingID: id, marketplace: "m", listingID: listing, sellerID: "s", url: nil, brand: "Acme",
            right: "tm-1", score: score, severity: severity, signals: [])
    }

    static func nightly(
        _ store: StateStore, _ runID: String, day: Int, listings: [ListingSighting], findings: [StagedFinding]
    ) throws {
        _ = try StateStoreTests.night(store, runID, day: day, listings: listings, findings: findings)
    }

    @Test func aNightIsReadAsItStoodWorstFirstWithThatNightsListing() throws {
        let folder = try TemporaryFolder()
        let store = try StateStore(path: folder.url.appendingPathComponent("state.sqlite").path)
        let one = StateStoreTests.sighting("1", raw: "{\"title\":\"first\"}")
        let changed = StateStoreTests.sighting("1", raw: "{\"title\":\"second\"}")
        let two = StateStoreTests.sighting("2")
        let three = StateStoreTests.sighting("3")
        try Self.nightly(
            store, "r1", day: 1, listings: [one, two, three],
            findings: [
                Self.staged("f-low", listing: "3", score: 0.99, severity: .low, run: "r1"),
                Self.staged("f-b", listing: "2", score: 0.7, severity: .serious, run: "r1"),
                Self.staged("f-a", listing: "1", score: 0.7, severity: .serious, run: "r1"),
                Self.staged("f-mod", listing: "1", score: 0.95, severity: .moderate, run: "r1"),
            ])
        try Self.nightly(
            store, "r2", day: 2, listings: [changed, three],
            findings: [Self.staged("f-a", listing: "1", score: 0.4, severity: .low, run: "r2")])

        var first: [(String, FindingRecord.Status, Double, String?)] = []
        try store.forEachFindingWorstFirst(ofNight: "r1") { first.append(($0.findingID, $0.status, $0.score, $1)) }
        #expect(first.map(\.0) == ["f-a", "f-b", "f-mod", "f-low"])
        #expect(first.allSatisfy { $0.1 == .new })
        #expect(first.first?.2 == 0.7)
        #expect(first.first?.3 == "{\"title\":\"first\"}")

        var second: [(String, FindingRecord.Status, String?, String?)] = []
        try store.forEachFindingWorstFirst(ofNight: "r2") {
            second.append(($0.findingID, $0.status, $0.resolution, $1))
        }
        #expect(second.map(\.0) == ["f-b", "f-mod", "f-low", "f-a"])
        #expect(second.map(\.1) == [.resolved, .resolved, .resolved, .ongoing])
        #expect(second.map(\.2) == ["listing-gone", "evidence-gone", "evidence-gone", nil])
        #expect(second[3].3 == "{\"title\":\"second\"}")
        // The latest night reports what `forEachFinding(reportedBy:)` reports.
        #expect(Set(second.map(\.0)) == Set(try store.findings(reportedBy: "r2").map(\.findingID)))
    }
}
