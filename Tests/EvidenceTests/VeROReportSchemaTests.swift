import Foundation
import Store
import TestSupport
import Testing

@testable import Evidence

/// eBay VeRO report bodies checked against the request's published schema facts, written here with where each
/// was read, so that a field renamed on either side fails here rather than at filing.
///
/// Read on 2026-12-07. The VeRO API v2 document (https://developer.ebay.com/develop/api/spec/vero_api_v2.json,
/// version 2.0.0, base path /commerce/vero/v2) could be read only as far as its header; its request body could
/// not. The facts below are therefore v1's, the last published body, and the v2 ones are unverified (FORMAT.md
/// says so): when the v2 body is read, change them here and in `VeROReport` together.
@Suite struct VeROReportSchemaTests {
    typealias Planted = ExportFixture.Planted

    /// A property's JSON type and limit.
    enum Kind: Equatable {
        case string(maxLength: Int?)
        case boolean
        case stringArray
    }

    /// The request body: `reportItems`, an array of 1 to 150 entries.
    /// Source: createVeroReport, https://developer.ebay.com/api-docs/commerce/vero/resources/vero_report/methods/createVeroReport
    /// ("A maximum of 150 items can be reported using this method"; request field `reportItems`, array of
    /// ReportItemDetails).
    static let bodyKey = "reportItems"
    static let maxItems = 150

    /// One entry. Source: ReportItemDetails, https://developer.ebay.com/api-docs/commerce/vero/types/ReportItemDetails
    /// and VeroReportItemsRequest, https://developer.ebay.com/api-docs/commerce/vero/types/VeroReportItemsRequest
    /// ("The itemId and veroReasonCodeId fields are required for each reported violation"); types as the v1
    /// OpenAPI document gives them (veroReasonCodeId is a string there); lengths as "Max length" in the field
    /// descriptions.
    static let required: Set<String> = ["itemId", "veroReasonCodeId"]
    static let properties: [String: Kind] = [
        "brand": .string(maxLength: 50),
        "copyEmailToRightsOwner": .boolean,
        "countries": .stringArray,
        "detailedMessage": .string(maxLength: 1_000),
        "itemId": .string(maxLength: nil),
        "messageToSeller": .string(maxLength: 1_000),
        "patent": .string(maxLength: 15),
        "regions": .stringArray,
        "veroReasonCodeId": .string(maxLength: nil),
    ]

    /// What is wrong with `text` as a request body, one line per fault; empty when it meets the facts above.
    static func violations(_ text: String) -> [String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            return ["not a JSON object"]
        }
        var faults = Set(object.keys).subtracting([bodyKey]).sorted().map { "unknown body field \($0)" }
        guard let entries = object[bodyKey] as? [Any] else { return faults + ["\(bodyKey) is not an array"] }
        if entries.isEmpty || entries.count > maxItems { faults.append("\(entries.count) entries") }
        for (index, entry) in entries.enumerated() {
            guard let entry = entry as? [String: Any] else {
                faults.append("entry \(index) is not an object")
                continue
            }
            for name in required.subtracting(entry.keys).sorted() { faults.append("entry \(index): \(name) missing") }
            for (name, value) in entry.sorted(by: { $0.key < $1.key }) {
                switch properties[name] {
                case nil:
                    faults.append("entry \(index): unknown field \(name)")
                case .string(let limit):
                    if let string = value as? String {
                        if string.isEmpty { faults.append("entry \(index): \(name) is empty") }
                        if let limit, string.count > limit { faults.append("entry \(index): \(name) over \(limit)") }
                    } else {
                        faults.append("entry \(index): \(name) is not a string")
                    }
                case .boolean:
                    // JSONSerialization reads JSON booleans as NSNumber; only true/false literals are CFBoolean.
                    if !(value is Bool) || (value as? NSNumber).map({ String(cString: $0.objCType) != "c" }) == true {
                        faults.append("entry \(index): \(name) is not a boolean")
                    }
                case .stringArray:
                    if !(value is [String]) { faults.append("entry \(index): \(name) is not an array of strings") }
                }
            }
        }
        return faults
    }

    /// A response shaped as getVeroReasonCodes documents it. The ids and texts are made up for the test: eBay's
    /// real codes come from the user's own call.
    static let response = Data(
        #"""
        {"veroReasonCodes": [
          {"marketplaceId": "EBAY_US", "reasonCodeDetails": [
            {"veroReasonCodeId": "T1", "briefText": "Listing offers a counterfeit of the trademarked product", "detailedText": ""},
            {"veroReasonCodeId": "T2", "briefText": "Listing infringes the trademark in its title or description", "detailedText": ""},
            {"veroReasonCodeId": "C1", "briefText": "Listing uses an unauthorized copy of a copyrighted image", "detailedText": ""},
            {"veroReasonCodeId": "C2", "briefText": "Listing uses an unauthorized copy of copyrighted text", "detailedText": ""},
            {"veroReasonCodeId": "P1", "briefText": "Item infringes a valid patent", "detailedText": ""},
            {"veroReasonCodeId": "O1", "briefText": "Other - provide details", "detailedText": ""}]},
          {"marketplaceId": "EBAY_GB", "reasonCodeDetails": [
            {"veroReasonCodeId": 7001, "briefText": "Trademark used in the listing", "detailedText": ""},
            {"veroReasonCodeId": 7002, "briefText": "Trademark used in the pictures", "detailedText": ""}]}
        ]}
        """#.utf8)

    static func codes() throws -> VeROReasonCodes { try VeROReasonCodes(data: response, path: "codes.json") }

    @Test func everyRequestBodyMeetsTheSchemaAndEveryFindingIsFiledOnce() throws {
        var planted: [Planted] = []
        for i in 0..<420 {
            planted.append(
                Planted(
                    id: String(format: "f-%05d", i), marketplace: "ebay", listing: "L\(i)",
                    right: i % 7 == 0 ? "c-photos" : i % 11 == 0 ? "dp-us" : "tm-us", seller: "s-\(i % 40)"))
        }
        let fixture = try ExportFixture(planted)
        let result = try fixture.export(.ebayVeRO, veroReasonCodes: try Self.codes())
        #expect(result.issues.isEmpty, "\(result.issues.prefix(3))")
        let reports = result.files(withPrefix: "report-")
        #expect(reports.map(\.path) == ["report-ebay-1.json", "report-ebay-2.json", "report-ebay-3.json"])
        var codes: [String: Int] = [:]
        for report in reports {
            #expect(Self.violations(report.contents) == [], "\(report.path)")
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(report.contents.utf8)) as? [String: Any])
            for entry in try #require(object[Self.bodyKey] as? [[String: Any]]) {
                codes[entry["veroReasonCodeId"] as? String ?? "", default: 0] += 1
                if entry["veroReasonCodeId"] as? String == "P1" { #expect(entry["patent"] as? String == "US D912,345") }
            }
        }
        // The image findings: copyright → C1, trademark listing use → T2; design patents → P1.
        #expect(Set(codes.keys) == ["C1", "T2", "P1"] && codes.values.reduce(0, +) == 420)
        let rows = try RFC4180Reader.table(try #require(result.file("items.csv")))
        #expect(rows.count == 420 && Set(rows.map { $0["finding_id"] ?? "" }).count == 420)
        #expect(rows.allSatisfy { !($0["reason_code_text"] ?? "").isEmpty })
    }

    @Test func aRenamedOrRetypedFieldFailsTheSchema() throws {
        let fixture = try ExportFixture([Planted(id: "f-1", marketplace: "ebay", listing: "E1")])
        let body = try #require(
            try fixture.export(.ebayVeRO, veroReasonCodes: try Self.codes()).file("report-ebay-1.json"))
        #expect(Self.violations(body) == [])
        let renamed = body.replacingOccurrences(of: "\"itemId\"", with: "\"listingId\"")
        #expect(Self.violations(renamed) == ["entry 0: itemId missing", "entry 0: unknown field listingId"])
        let retyped = body.replacingOccurrences(of: "false", with: "\"false\"")
        #expect(Self.violations(retyped) == ["entry 0: copyEmailToRightsOwner is not a boolean"])
        #expect(
            Self.violations(body.replacingOccurrences(of: "reportItems", with: "items")).contains(
                "unknown body field items"))
    }

    @Test func aListingIsReportedOncePerReasonCodeWithEveryFindingListed() throws {
        let fixture = try ExportFixture([
            Planted(id: "f-a", marketplace: "ebay", listing: "E1"),
            Planted(
                id: "f-b", marketplace: "ebay", listing: "E1", brand: "Acme Pro", signals: ExportFixture.markSignal),
            Planted(id: "f-c", marketplace: "ebay", listing: "E1", right: "c-photos"),
        ])
        let result = try fixture.export(.ebayVeRO, veroReasonCodes: try Self.codes())
        let body = try #require(result.file("report-ebay-1.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        let entries = try #require(object["reportItems"] as? [[String: Any]])
        #expect(entries.map { $0["veroReasonCodeId"] as? String ?? "" }.sorted() == ["C1", "T2"])
        let trademark = try #require(entries.first { $0["veroReasonCodeId"] as? String == "T2" })
        #expect((trademark["messageToSeller"] as? String ?? "").contains(" / "))
        #expect(try RFC4180Reader.table(try #require(result.file("items.csv"))).count == 3)
    }

    @Test func overlongFieldsAreShortenedWithAWarningOrRefused() throws {
        let longMark = String(repeating: "ACME ", count: 240)
        let signal =
            #"[{"field":"title","found":"ACME","how":"exact","kind":"word-mark","mark":""# + longMark
            + #"","span":[0,4]}]"#
        let fixture = try ExportFixture([
            Planted(id: "f-long", marketplace: "ebay", listing: "E1", signals: signal),
            Planted(id: "f-patent", marketplace: "ebay", listing: "E2", right: "dp-long"),
        ])
        let result = try fixture.export(.ebayVeRO, veroReasonCodes: try Self.codes())
        #expect(result.issueKeys == ["f-long field-limit warn", "f-patent field-limit refuse"])
        let body = try #require(result.file("report-ebay-1.json"))
        #expect(Self.violations(body) == [])
        #expect(body.contains("…") && !body.contains("E2"))
        let rows = try RFC4180Reader.table(try #require(result.file("items.csv")))
        #expect(rows.map { $0["finding_id"] ?? "" } == ["f-long"] && (rows[0]["message"] ?? "").count > 1_000)
    }

    @Test func aFindingWhoseCodeCannotBeChosenIsRefusedWithTheCandidatesNamed() throws {
        let fixture = try ExportFixture([
            Planted(id: "f-gb", marketplace: "ebay.co.uk", listing: "G1", right: "tm-us"),
            Planted(id: "f-fr", marketplace: "ebay.fr", listing: "F1", right: "tm-us"),
        ])
        let result = try fixture.export(.ebayVeRO, veroReasonCodes: try Self.codes())
        let messages = Dictionary(
            result.issues.filter { $0.check == .missingField }.map { ($0.findingID, $0.message) },
            uniquingKeysWith: { a, _ in a })
        #expect(messages["f-gb"]?.contains("2 EBAY_GB reason codes fit trademark-listing-use (7001") == true)
        #expect(messages["f-fr"]?.contains("no codes for EBAY_FR") == true)
        #expect(result.files(withPrefix: "report-").isEmpty)
    }

    @Test func withoutReasonCodesTheReportsCarryPlaceholdersAndFormatSaysSo() throws {
        let fixture = try ExportFixture([Planted(id: "f-1", marketplace: "ebay", listing: "E1")])
        let result = try fixture.export(.ebayVeRO)
        #expect(result.issues.isEmpty)
        #expect(try #require(result.file("report-ebay-1.json")).contains("\"trademark-listing-use\""))
        #expect(try #require(result.file("FORMAT.md")).contains("No --vero-reason-codes was given"))
    }
}
