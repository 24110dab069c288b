import Findings
import Foundation
import GRDB
import TestSupport
import Testing

@testable import Store

@Suite struct StateStoreReviewTests {
    static let logo = Signal.image(
        .init(asset: "logo", image: "1.jpg", algorithm: "pdq", transform: "identity", distance: 3))
    static let photo = Signal.image(
        .init(asset: "photo", image: "2.jpg", algorithm: "pdq", transform: "mirror", distance: 9))
    static let mark = Signal.wordMark(.init(mark: "ACME", found: "ACME", field: "title", span: [0, 4], how: "exact"))
    static let markInDescription = Signal.wordMark(
        .init(mark: "ACME", found: "ACME", field: "description", span: [0, 4], how: "exact"))
    static let price = Signal.price(.init(price: 12.5, floor: 40))

    static func finding(
        _ id: String, listing: String, run: String, seller: String = "s", severity: Severity = .moderate,
        signals: [Signal]
    ) -> StagedFinding {
        StagedFinding(
            runID: run, findingID: id, marketplace: "m", listingID: listing, sellerID: seller, url: "u", brand: "Acme",
            right: "tm-1", score: 0.8, severity: severity, signals: signals)
    }

    static func night(_ store: StateStore, _ id: String, day: Int, _ findings: [StagedFinding]) throws {
        _ = try StateStoreTests.night(
            store, id, day: day,
            listings: findings.map { StateStoreTests.sighting($0.listingID, seller: $0.sellerID) }, findings: findings)
    }

    func store(_ folder: TemporaryFolder) throws -> StateStore {
        try StateStore(path: folder.url.appendingPathComponent("state.sqlite").path)
    }

    @Test func aDecisionRecordsWhoWhenWhyAndTheEvidence() throws {
        let folder = try TemporaryFolder()
        let store = try store(folder)
        try Self.night(
            store, "r1", day: 1, [Self.finding("f-1", listing: "1", run: "r1", signals: [Self.logo, Self.mark])])
        let written = try store.review(
            .init(findingIDs: ["f-1"]), decision: .dismissed, reviewer: "ana", reason: "genuine stock",
            at: "2026-11-01T09:00:00Z")
        let review = try #require(written.first)
        #expect(
            review.reviewer == "ana" && review.reason == "genuine stock" && review.decidedAt == "2026-11-01T09:00:00Z")
        #expect(review.evidence == #"["image logo identity","word-mark ACME title"]"#)
        #expect(review.evidenceSHA256.count == 64)
        #expect(try store.reviewStates()["f-1"]?.isDismissed == true)
    }

    @Test func anUnknownFindingFailsTheWholeReview() throws {
        let folder = try TemporaryFolder()
        let store = try store(folder)
        try Self.night(store, "r1", day: 1, [Self.finding("f-1", listing: "1", run: "r1", signals: [Self.logo])])
        #expect(throws: StoreError.self) {
            try store.review(
                .init(findingIDs: ["f-1", "f-nope"]), decision: .confirmed, reviewer: "a", reason: nil, at: "t")
        }
        #expect(try store.reviewStates().isEmpty)
    }

    @Test func filtersSelectByBrandSellerAndScore() throws {
        let folder = try TemporaryFolder()
        let store = try store(folder)
        var low = Self.finding("f-low", listing: "2", run: "r1", seller: "s-2", signals: [Self.mark])
        low.score = 0.3
        try Self.night(
            store, "r1", day: 1,
            [Self.finding("f-1", listing: "1", run: "r1", seller: "s-1", signals: [Self.logo]), low])
        let bySeller = try store.review(
            .init(sellerID: "s-2"), decision: .confirmed, reviewer: "a", reason: nil, at: "t")
        #expect(bySeller.map(\.findingID) == ["f-low"])
        let byScore = try store.review(
            .init(brand: "Acme", minimumScore: 0.5), decision: .confirmed, reviewer: "a", reason: nil, at: "t")
        #expect(byScore.map(\.findingID) == ["f-1"])
    }

    /// A dismissal holds while the evidence is the same or less, and reopens as `new` on a new image, a new mark or
    /// a higher severity, with the earlier decision kept to show.
    @Test(arguments: [
        ([logo, mark], Severity.moderate, false),
        ([logo], Severity.moderate, false),
        ([logo, mark, price], Severity.low, false),
        ([logo, mark, photo], Severity.moderate, true),
        ([logo, markInDescription], Severity.moderate, true),
        ([logo, mark], Severity.serious, true),
    ])
    func aDismissalReopensOnlyWhenTheEvidenceGrows(signals: [Signal], severity: Severity, reopens: Bool) throws {
        let folder = try TemporaryFolder()
        let store = try store(folder)
        try Self.night(
            store, "r1", day: 1, [Self.finding("f-1", listing: "1", run: "r1", signals: [Self.logo, Self.mark])])
        _ = try store.review(.init(findingIDs: ["f-1"]), decision: .dismissed, reviewer: "a", reason: "ok", at: "t")
        try Self.night(
            store, "r2", day: 2, [Self.finding("f-1", listing: "1", run: "r2", severity: severity, signals: signals)])
        let state = try #require(try store.reviewStates()["f-1"])
        let finding = try #require(try store.finding(id: "f-1"))
        if reopens {
            #expect(state.current == nil)
            #expect(state.previous?.decision == .dismissed && state.previous?.lapsedRun == "r2")
            #expect(finding.status == .new)
            #expect(try store.nights(ofFinding: "f-1").last?.status == .new)
        } else {
            #expect(state.isDismissed)
            #expect(finding.status == .ongoing)
        }
        // A third night with the same evidence as the second does not reopen it again, nor un-dismiss it.
        try Self.night(
            store, "r3", day: 3, [Self.finding("f-1", listing: "1", run: "r3", severity: severity, signals: signals)])
        #expect(try store.finding(id: "f-1")?.status == .ongoing)
        #expect(try store.reviewStates()["f-1"] == state)
    }

    @Test func aConfirmationStaysWhenTheEvidenceGrows() throws {
        let folder = try TemporaryFolder()
        let store = try store(folder)
        try Self.night(store, "r1", day: 1, [Self.finding("f-1", listing: "1", run: "r1", signals: [Self.mark])])
        _ = try store.review(.init(findingIDs: ["f-1"]), decision: .confirmed, reviewer: "a", reason: nil, at: "t")
        try Self.night(
            store, "r2", day: 2,
            [Self.finding("f-1", listing: "1", run: "r2", severity: .serious, signals: [Self.mark, Self.logo])])
        #expect(try store.reviewStates()["f-1"]?.isConfirmed == true)
    }

    @Test func theLedgerCountsStrikesRelistsAndClustersSellersSharingImages() throws {
        let folder = try TemporaryFolder()
        let store = try store(folder)
        // s-1: two listings, both confirmed; listing 1 goes and comes back (a relist). s-2 shares image "abc" with
        // s-1 (the sightings' default image), s-3 shows other bytes.
        func night(_ id: String, _ day: Int, _ findings: [StagedFinding], images: [String: [String]]) throws {
            _ = try StateStoreTests.night(
                store, id, day: day,
                listings: findings.map {
                    StateStoreTests.sighting($0.listingID, seller: $0.sellerID, images: images[$0.listingID] ?? ["abc"])
                }, findings: findings)
        }
        let images = ["3": ["def"]]
        try night(
            "r1", 1,
            [
                Self.finding("f-1", listing: "1", run: "r1", seller: "s-1", signals: [Self.logo]),
                Self.finding("f-2", listing: "2", run: "r1", seller: "s-1", signals: [Self.logo]),
                Self.finding("f-3", listing: "3", run: "r1", seller: "s-3", signals: [Self.logo]),
                Self.finding("f-4", listing: "4", run: "r1", seller: "s-2", signals: [Self.logo]),
            ], images: images)
        _ = try store.review(.init(sellerID: "s-1"), decision: .confirmed, reviewer: "a", reason: nil, at: "t")
        _ = try store.review(.init(findingIDs: ["f-3"]), decision: .dismissed, reviewer: "a", reason: nil, at: "t")
        try night(
            "r2", 2, [Self.finding("f-2", listing: "2", run: "r2", seller: "s-1", signals: [Self.logo])], images: images
        )
        try night(
            "r3", 3,
            [
                Self.finding("f-1", listing: "1", run: "r3", seller: "s-1", signals: [Self.logo]),
                Self.finding("f-2", listing: "2", run: "r3", seller: "s-1", signals: [Self.logo]),
            ], images: images)
        // Listing images carry the run that first read them (registered assets carry none, and link no one).
        try store.pool.write { db in try db.execute(sql: "UPDATE images SET first_run = 'r1'") }
        let ledger = try store.sellerLedger()
        #expect(ledger.sellers.map(\.sellerID) == ["s-1", "s-2", "s-3"])
        let worst = ledger.sellers[0]
        #expect(worst.confirmed == 2 && worst.relists == 1 && worst.strikes == 3 && worst.findings == 2)
        #expect(worst.timeline.map(\.findings) == [2, 1, 2] && worst.timeline.map(\.confirmed) == [2, 1, 2])
        #expect(ledger.sellers[2].dismissed == 1 && ledger.sellers[2].strikes == 0)
        #expect(ledger.clusters.count == 1)
        #expect(ledger.clusters.first?.sellers == ["m/s-1", "m/s-2"])
        #expect(worst.cluster == "c-1" && ledger.sellers[2].cluster == nil)
    }
}
