import Foundation
import Store
import TestSupport
import Testing

@testable import Evidence

/// Every channel on 2,000 confirmed findings: each limit holds, every finding the channel serves is filed once,
/// and every required field is there.
@Suite struct ChannelExportTests {
    typealias Planted = ExportFixture.Planted

    static func large() throws -> ExportFixture {
        var planted: [Planted] = []
        let places = ["amazon", "ebay", "aliexpress", "alibaba", "temu"]
        for i in 0..<2_000 {
            let marketplace = places[i % places.count]
            // Every 7th finding rests on the copyright, the rest on the US trademark; sellers hold several listings.
            planted.append(
                Planted(
                    id: String(format: "f-%05d", i), marketplace: marketplace, listing: "L\(i)",
                    right: i % 7 == 0 ? "c-photos" : "tm-us", seller: "s-\(i % 230)",
                    fields: i % 3 == 0 ? ["test_buy_order_id": "TB-\(i)", "ships_to": ["US", "CA"]] : [:]))
        }
        return try ExportFixture(planted)
    }

    func csv(_ result: Exporter.Result, _ path: String) throws -> [[String: String]] {
        try RFC4180Reader.table(try #require(result.file(path), "\(path) missing"))
    }

    @Test func alibabaAndTemuComplaintsHoldAtMostTheirURLsPerRight() throws {
        let fixture = try Self.large()
        for (channel, limit, marketplaces) in [
            (ExportChannel.alibabaIPP, 300, ["aliexpress", "alibaba"]), (.temu, 200, ["temu"]),
        ] {
            let result = try fixture.export(channel)
            #expect(result.issues.isEmpty)
            let complaints = try csv(result, "complaints.csv")
            var filed: [String] = []
            for complaint in complaints {
                let name = try #require(complaint["urls_file"])
                let urls = try #require(result.file(name)).split(separator: "\n").map(String.init)
                #expect(urls.count <= limit && urls.count == Int(complaint["urls"] ?? ""))
                #expect(!(complaint["registration"] ?? "").isEmpty && !(complaint["reason"] ?? "").isEmpty)
                #expect(Set(urls.map { $0.contains("/item/L") }) == [true])
                filed += urls
            }
            let expected = 2_000 / 5 * marketplaces.count
            #expect(filed.count == expected && Set(filed).count == expected, "\(channel)")
            #expect(complaints.contains { Int($0["urls"] ?? "") == limit }, "the limit is reached and split")
            // One right per complaint.
            let listings = try csv(result, "listings.csv")
            #expect(listings.count == expected)
        }
    }

    @Test func amazonBatchesHoldOneIPTypeAndAtMostFiftyListings() throws {
        let result = try Self.large().export(.amazon)
        #expect(result.issues.isEmpty)
        let rows = try csv(result, "notices.csv")
        #expect(rows.count == 400)
        for (batch, members) in Dictionary(grouping: rows, by: { $0["batch"] ?? "" }) {
            #expect(members.count <= 50, "\(batch)")
            #expect(Set(members.map { $0["ip_type"] ?? "" }).count == 1, "\(batch)")
        }
        for row in rows {
            #expect(
                !(row["asin"] ?? "").isEmpty && !(row["url"] ?? "").isEmpty && !(row["registrations"] ?? "").isEmpty)
            #expect((row["where_infringes"] ?? "").contains("image"))
        }
        let withOrders = rows.filter { !($0["test_buy_order_ids"] ?? "").isEmpty }
        #expect(!withOrders.isEmpty && withOrders.allSatisfy { ($0["test_buy_order_ids"] ?? "").hasPrefix("TB-") })
    }

    @Test func eBayReportsAreVeROJSONOfAtMost150Items() throws {
        let result = try Self.large().export(.ebayVeRO)
        let reports = result.files(withPrefix: "report-")
        var items: [String] = []
        for report in reports {
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(report.contents.utf8)) as? [String: Any])
            let list = try #require(object["reportItems"] as? [[String: Any]])
            #expect(list.count <= 150)
            for item in list {
                items.append(try #require(item["itemId"] as? String))
                #expect(!((item["veroReasonCodeId"] as? String) ?? "").isEmpty)
            }
        }
        #expect(reports.count == 3 && items.count == 400 && Set(items).count == 400)
    }

    @Test func scheduleAListsEachDefendantOnceWithAnExhibitPerListing() throws {
        let result = try Self.large().export(.scheduleA)
        #expect(result.issues.isEmpty)
        let defendants = try csv(result, "defendants.csv")
        #expect(defendants.map { $0["doe"] ?? "" } == (1...defendants.count).map(String.init))
        #expect(Set(defendants.map { "\($0["marketplace"] ?? "")/\($0["seller_id"] ?? "")" }).count == defendants.count)
        var exhibits = 0
        for defendant in defendants {
            for field in ["seller_alias", "seller_id", "marketplace", "store_url", "asserted_registrations"] {
                #expect(!(defendant[field] ?? "").isEmpty, "\(field)")
            }
            let name = try #require(defendant["exhibit_index"])
            let index = try csv(result, name)
            #expect(index.count == Int(defendant["accused_listings"] ?? ""))
            #expect(index.allSatisfy { ($0["bundle"] ?? "") == "bundles/\($0["finding_id"] ?? "")" })
            exhibits += index.count
        }
        #expect(exhibits == 2_000)
        #expect(defendants.contains { $0["ships_to_us"] == "yes" })
    }

    @Test func dmcaNoticesCarryEveryElementOf512c3() throws {
        let result = try Self.large().export(.dmca)
        #expect(result.candidates == 286)  // the copyright findings only
        var urls = 0
        for notice in result.files(withPrefix: "").filter({ $0.path.hasSuffix(".txt") }) {
            let text = notice.contents
            for element in [
                "(i) Signature:", "(ii) Copyrighted work", "(iii) Material claimed", "(iv) Complaining party",
                "(v) I have a good faith belief", "(vi) The information in this notification is accurate",
                "under penalty of perjury", "VA 2-123-456",
            ] {
                #expect(text.contains(element), "\(notice.path): \(element)")
            }
            #expect(text.contains("[TO COMPLETE"))
            urls += text.components(separatedBy: "/item/L").count - 1
        }
        #expect(urls == 286)
    }

    @Test func theSameStateGivesTheSameFiles() throws {
        let fixture = try Self.large()
        for channel in ExportChannel.allCases {
            #expect(try fixture.export(channel).files == fixture.export(channel).files)
        }
    }
}
