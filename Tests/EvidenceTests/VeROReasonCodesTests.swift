import Foundation
import Testing

@testable import Evidence

/// `--vero-reason-codes`: eBay's getVeroReasonCodes response read as it is, the older reason → id object, and a
/// clear error naming the file and the place in it for anything else.
@Suite struct VeROReasonCodesTests {
    @Test func theResponseIsReadAsEBayReturnsIt() throws {
        let codes = try VeROReasonCodesTests.read(VeROReportSchemaTests.response)
        #expect(codes.catalogue["EBAY_US"]?.map(\.id) == ["T1", "T2", "C1", "C2", "P1", "O1"])
        // Numeric ids are read as their digits.
        #expect(codes.catalogue["EBAY_GB"]?.map(\.id) == ["7001", "7002"])
        #expect(
            codes.resolve(reason: "trademark-counterfeit", marketplace: "www.ebay.com")
                == .code(id: "T1", briefText: "Listing offers a counterfeit of the trademarked product"))
        #expect(
            codes.resolve(reason: "copyright-text", marketplace: "ebay")
                == .code(id: "C2", briefText: "Listing uses an unauthorized copy of copyrighted text"))
    }

    @Test func theOlderShapeNamesTheCodesAndLeavesNoneToChoose() throws {
        let codes = try Self.read(Data(#"{"trademark-counterfeit": "9000", "copyright-image": 9010}"#.utf8))
        #expect(codes.resolve(reason: "copyright-image", marketplace: "ebay.de") == .code(id: "9010", briefText: nil))
        guard case .unresolved(let why) = codes.resolve(reason: "design-patent", marketplace: "ebay") else {
            Issue.record("a reason the file does not name must not pass")
            return
        }
        #expect(why.contains("names no code for design-patent"))
    }

    @Test func namedCodesBesideAResponseSettleWhatItsTextsLeaveOpen() throws {
        var codes = try Self.read(VeROReportSchemaTests.response)
        guard case .unresolved = codes.resolve(reason: "trademark-listing-use", marketplace: "ebay.co.uk") else {
            Issue.record("two EBAY_GB codes fit: the response alone must not choose")
            return
        }
        codes.merge(try Self.read(Data(#"{"trademark-listing-use": "7002"}"#.utf8)))
        #expect(
            codes.resolve(reason: "trademark-listing-use", marketplace: "ebay.co.uk")
                == .code(id: "7002", briefText: nil))
        // The response still chooses the others.
        #expect(
            codes.resolve(reason: "design-patent", marketplace: "ebay")
                == .code(id: "P1", briefText: "Item infringes a valid patent"))
    }

    @Test(arguments: [
        ("[1, 2]", "expected the response of getVeroReasonCodes"),
        ("not json", "not JSON"),
        (#"{"veroReasonCodes": {}}"#, "veroReasonCodes: expected an array"),
        (#"{"veroReasonCodes": [{"reasonCodeDetails": []}]}"#, "veroReasonCodes[0].marketplaceId: missing"),
        (
            #"{"veroReasonCodes": [{"marketplaceId": "EBAY_US", "reasonCodeDetails": [{"briefText": "x"}]}]}"#,
            "veroReasonCodes[0].reasonCodeDetails[0].veroReasonCodeId: missing"
        ),
        (#"{"trademark": "9000"}"#, "trademark: not a VeRO reason"),
        (#"{"trademark-counterfeit": true}"#, "trademark-counterfeit: expected a code id"),
    ])
    func anythingElseIsAClearErrorNamingTheFileAndThePlace(text: String, expected: String) {
        #expect {
            _ = try Self.read(Data(text.utf8))
        } throws: { error in
            "\(error)".hasPrefix("codes.json: ") && "\(error)".contains(expected)
        }
    }

    @Test func noFileMeansPlaceholdersAndAnUnknownMarketplaceIsNamed() throws {
        #expect(VeROReasonCodes().resolve(reason: "design-patent", marketplace: "ebay") == .placeholder)
        let codes = try Self.read(VeROReportSchemaTests.response)
        guard case .unresolved(let why) = codes.resolve(reason: "design-patent", marketplace: "ebay.example") else {
            Issue.record("an unknown marketplace must not pass")
            return
        }
        #expect(why.contains("ebay.example"))
    }

    static func read(_ data: Data) throws -> VeROReasonCodes { try VeROReasonCodes(data: data, path: "codes.json") }
}
