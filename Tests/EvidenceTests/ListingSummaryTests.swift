import Evidence
import Foundation
import Store
import Testing

/// What evidence reads of a stored listing: Proofmark's fields from the listing as read when the record was mapped,
/// the source's own fields from the record as captured.
@Suite struct ListingSummaryTests {
    static let mapped =
        #"{"captured":{"asin":"B0EXAMPLE1","title":{"displayTitle":"raw"},"link":"https://www.amazon.com/dp/B0EXAMPLE1"},"#
        + #""proofmark_listing":{"images":["https://img.example/1.jpg"],"listing_id":"B0EXAMPLE1","#
        + #""marketplace":"amazon.com","price":19.99,"seller_url":"https://www.amazon.com/sp?seller=A1","#
        + #""title":"ACME earbuds","url":"https://www.amazon.com/dp/B0EXAMPLE1"}}"#

    @Test func aMappedListingIsReadAsProofmarkReadIt() {
        let summary = ListingSummary(raw: Self.mapped, marketplace: "amazon.com", listingID: "B0EXAMPLE1")
        #expect(summary.title == "ACME earbuds" && summary.url == "https://www.amazon.com/dp/B0EXAMPLE1")
        #expect(summary.price == "19.99" && summary.sellerURL == "https://www.amazon.com/sp?seller=A1")
        #expect(summary.images == ["https://img.example/1.jpg"])
        let document = ListingDocument(Self.mapped)
        #expect(document.captured["asin"] as? String == "B0EXAMPLE1")
        #expect(document.fields["asin"] == nil)
    }

    @Test func aRecordUnderProofmarksOwnNamesIsReadAsDumped() {
        let raw = #"{"marketplace":"ebay","listing_id":"1","title":"T","price":5.23,"images":"a.jpg|b.jpg","asin":"X"}"#
        let summary = ListingSummary(raw: raw, marketplace: "ebay", listingID: "1")
        #expect(summary.title == "T" && summary.price == "5.23" && summary.images == ["a.jpg", "b.jpg"])
        #expect(ListingDocument(raw).captured["asin"] as? String == "X")
        #expect(ListingSummary(raw: "not json", marketplace: "m", listingID: "1").title == nil)
    }
}
