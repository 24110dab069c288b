import Findings
import Foundation
import Store
import TestSupport
import Testing

@testable import Evidence

@Suite struct PrefilingChecksTests {
    typealias Planted = ExportFixture.Planted

    /// For each channel, confirmed findings that pass every check.
    static var clean: [Planted] {
        [
            Planted(id: "f-amazon", marketplace: "amazon", listing: "A1", fields: ["test_buy_order_id": "113-1"]),
            Planted(id: "f-ebay", marketplace: "ebay", listing: "E1"),
            Planted(id: "f-ali", marketplace: "aliexpress", listing: "X1"),
            Planted(id: "f-temu", marketplace: "temu", listing: "T1"),
            Planted(id: "f-copy", marketplace: "amazon", listing: "A2", right: "c-photos", seller: "s-2"),
        ]
    }

    @Test(arguments: ExportChannel.allCases)
    func aCleanCaseRaisesNoIssueAndExportsEverything(channel: ExportChannel) throws {
        let fixture = try ExportFixture(Self.clean)
        let result = try fixture.export(channel)
        #expect(result.issues.isEmpty, "\(result.issues)")
        #expect(result.candidates > 0)
        #expect(result.exported.count == result.candidates)
    }

    /// Each check, on a case built to trigger it: the finding named, at the level expected.
    @Test func everyCheckFiresOnTheCaseBuiltForIt() throws {
        let fixture = try ExportFixture(
            Self.clean + [
                Planted(id: "f-dismissed", listing: "B1", decision: .dismissed),
                Planted(id: "f-unreviewed", listing: "B2", decision: nil),
                Planted(id: "f-authorised", listing: "B3", seller: "acme-official"),
                Planted(id: "f-expired", listing: "B4", right: "tm-old"),
                Planted(id: "f-jurisdiction", listing: "B5", right: "tm-cn"),
                Planted(id: "f-fair", listing: "B6", signals: ExportFixture.fairUseSignals),
                Planted(id: "f-mixed-tm", listing: "B7"),
                Planted(id: "f-mixed-c", listing: "B7", right: "c-photos"),
                Planted(id: "f-no-url", listing: "B8", bare: true),
                Planted(id: "f-no-right", listing: "B9", right: "tm-gone"),
                Planted(
                    id: "f-unsafe", listing: "B10", fields: ["url": "https://amazon.example/B10\r\nhttps://x.example"]),
            ])
        let result = try fixture.export(.amazon)
        let expected: Set<String> = [
            "f-dismissed dismissed refuse", "f-unreviewed unreviewed refuse", "f-authorised authorised-seller refuse",
            "f-expired right-expired refuse", "f-jurisdiction wrong-jurisdiction refuse", "f-fair fair-use refuse",
            "f-mixed-tm mixed-ip-types warn", "f-mixed-c mixed-ip-types warn", "f-no-url missing-field refuse",
            "f-no-right missing-field refuse", "f-unsafe unsafe-field refuse",
        ]
        #expect(result.issueKeys == expected)
        // Every check but eBay's field limits (VeROReportSchemaTests fires those).
        #expect(
            Set(PrefilingIssue.Check.allCases.map(\.rawValue)).subtracting(["field-limit"])
                == Set(expected.map { $0.split(separator: " ")[1] }.map(String.init)))
        for issue in result.issues { #expect(!issue.message.isEmpty) }
        // Refused findings appear in no export file; warned ones do.
        let text = result.allText
        for refused in expected.filter({ $0.hasSuffix("refuse") }).map({ String($0.split(separator: " ")[0]) }) {
            #expect(!text.contains(refused), "\(refused) was exported")
        }
        #expect(text.contains("f-mixed-tm") && text.contains("f-mixed-c"))
        // The checks' file lists every issue.
        let checks = try RFC4180Reader.table(try #require(result.file("prefiling-checks.csv")))
        #expect(Set(checks.map { "\($0["finding_id"] ?? "") \($0["check"] ?? "") \($0["level"] ?? "")" }) == expected)
    }

    @Test func unreviewedFindingsGoOutOnlyWithTheFlagAndWithAWarning() throws {
        let fixture = try ExportFixture([Planted(id: "f-u", listing: "U1", decision: nil)])
        #expect(try fixture.export(.amazon).exported.isEmpty)
        let included = try fixture.export(.amazon, includeUnreviewed: true)
        #expect(included.exported == ["f-u"])
        #expect(included.issueKeys == ["f-u unreviewed warn"])
    }

    @Test func aDismissedOrAuthorisedFindingStaysOutEvenWithTheFlag() throws {
        let fixture = try ExportFixture([
            Planted(id: "f-d", listing: "D1", decision: .dismissed),
            Planted(id: "f-a", listing: "D2", seller: "acme-official", decision: nil),
        ])
        for channel in ExportChannel.allCases {
            let result = try fixture.export(channel, includeUnreviewed: true)
            #expect(result.exported.isEmpty, "\(channel)")
        }
    }

    @Test func fairUsePhrasingWithAnImageSignalIsNotFlagged() throws {
        let signals =
            #"[{"asset":"acme-logo","distance":2,"image":"i.jpg","kind":"image","transform":"identity","algorithm":"pdq"},"#
            + #"{"cue":"fair-use","field":"title","kind":"context","phrase":"fits","span":[0,4]}]"#
        let fixture = try ExportFixture([Planted(id: "f-f", listing: "F1", signals: signals)])
        #expect(try fixture.export(.amazon).issues.isEmpty)
    }

    @Test func aScheduleACourtTakesOnlyUSTrademarksAndTheSellersStoreIsRequired() throws {
        let fixture = try ExportFixture([
            Planted(id: "f-cn", marketplace: "aliexpress", listing: "S1", right: "tm-cn"),
            Planted(id: "f-bare", marketplace: "aliexpress", listing: "S2", bare: true),
        ])
        let result = try fixture.export(.scheduleA)
        #expect(result.issueKeys.contains("f-cn wrong-jurisdiction refuse"))
        let bare = result.issues.filter { $0.findingID == "f-bare" }.map(\.message)
        #expect(bare.contains { $0.hasPrefix("seller_url") } && bare.contains { $0.hasPrefix("seller_name") })
    }

    @Test func anExpiredRightIsJudgedOnTheFilingDay() throws {
        let fixture = try ExportFixture([Planted(id: "f-e", listing: "X", right: "tm-old")])
        #expect(try fixture.export(.amazon, today: "2019-12-31").issues.isEmpty)
        #expect(try fixture.export(.amazon, today: "2020-01-02").issueKeys == ["f-e right-expired refuse"])
    }

    /// Listing text that would steer an export: a line break adding a third party's URL (or a sentence) to a URL
    /// list or notice, a script or data URL, a URL a browser reads as another host, credentials. Each is refused
    /// naming its field, on every channel, and appears in no file.
    @Test(arguments: ExportChannel.allCases)
    func listingTextCannotSteerAnExport(channel: ExportChannel) throws {
        let hostile: [(String, [String: Any])] = [
            ("url-lf", ["url": "https://amazon.example/H1\nhttps://innocent.example/their-shop"]),
            ("url-cr", ["url": "https://amazon.example/H2\rThis notice is withdrawn."]),
            ("url-js", ["url": "javascript:alert(1)"]),
            ("url-data", ["url": "data:text/html,<script>alert(1)</script>"]),
            ("url-slash", ["url": "https:/\\evil.example/H5"]),
            ("url-creds", ["url": "https://user:pass@amazon.example/H6"]),
            ("seller-url", ["seller_url": "ftp://amazon.example/store"]),
            ("seller-name", ["seller_name": "Store\u{2028}second line"]),
            ("title", ["title": "Nice\u{0085}item"]),
            ("order", ["test_buy_order_id": "113-1\n114-2"]),
        ]
        var planted = Self.clean
        for (index, (name, fields)) in hostile.enumerated() {
            let marketplace = [.ebayVeRO: "ebay", .temu: "temu", .alibabaIPP: "aliexpress"][channel] ?? "amazon"
            planted.append(
                Planted(
                    id: "f-\(name)", marketplace: marketplace, listing: "H\(index)",
                    // DMCA notices are for copyright.
                    right: channel == .dmca ? "c-photos" : "tm-us", fields: fields))
        }
        let fixture = try ExportFixture(planted)
        let result = try fixture.export(channel)
        let refused = Set(result.issues.filter { $0.check == .unsafeField }.map(\.findingID))
        #expect(refused == Set(hostile.map { "f-\($0.0)" }), "\(result.issues)")
        let text = result.allText
        for needle in ["innocent.example", "withdrawn", "javascript:", "data:text", "evil.example", "user:pass"] {
            #expect(!text.contains(needle), "\(needle) reached a \(channel.rawValue) file")
        }
        for issue in result.issues where issue.check == .unsafeField {
            #expect(
                ["url", "seller_url", "seller_name", "title", "test_buy_order_id"].contains {
                    issue.message.hasPrefix($0)
                })
        }
    }
}
