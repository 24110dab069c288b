import Foundation
import Intake
import Testing

/// Each built-in profile on its example records (`Profiles/examples/NAME.jsonl`, written from the source's
/// documentation), and the profiles compiled into the binary against the files in `Profiles/`.
@Suite struct BuiltInProfileTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func listings(_ name: String, variables: [String: String] = [:]) throws -> [Listing] {
        let profile = try #require(BuiltInProfile.named(name))
        var mapping = try profile.mapping()
        mapping.variables = variables
        let path = root.appendingPathComponent("Profiles/examples/\(name).jsonl").path
        let records = try ListingDumpTests.records(try ListingDump(path: path, mapping: mapping))
        #expect(ListingDumpTests.problems(records) == [])
        let listings = ListingDumpTests.listings(records)
        #expect(listings.allSatisfy { $0.fieldWarnings.isEmpty })
        return listings
    }

    @Test func theCompiledProfilesAreTheFilesInProfiles() throws {
        let files = try FileManager.default.contentsOfDirectory(
            atPath: Self.root.appendingPathComponent("Profiles").path
        )
        .filter { $0.hasSuffix(".map") }.sorted()
        #expect(BuiltInProfile.all.map { "\($0.name).map" } == files)
        for profile in BuiltInProfile.all {
            let text = try String(
                contentsOf: Self.root.appendingPathComponent("Profiles/\(profile.name).map"), encoding: .utf8)
            #expect(profile.text == text, "run Scripts/generate_profiles.py after editing Profiles/\(profile.name).map")
            _ = try profile.mapping()
        }
    }

    @Test(arguments: ["ebay-browse", "shopify", "amazon-rainforest", "aliexpress", "mercadolibre"])
    func eachProfileIsRecognisedFromItsFirstRecord(name: String) throws {
        let path = Self.root.appendingPathComponent("Profiles/examples/\(name).jsonl").path
        let first = try #require(try ListingDump.firstRecord(path: path))
        #expect(BuiltInProfile.detect(first)?.name == name)
    }

    @Test func aDumpWrittenForProofmarkIsNotTakenForAProfile() {
        #expect(BuiltInProfile.detect(["marketplace": "ebay", "listing_id": "1", "itemId": "v1|1|0"]) == nil)
        #expect(BuiltInProfile.detect(["sku": "1"]) == nil)
    }

    @Test func eBayBrowseItemSummaries() throws {
        let listings = try Self.listings("ebay-browse")
        #expect(listings.map(\.marketplace) == ["ebay.com", "ebay.co.uk", "ebay.de"])
        #expect(listings.map(\.listingID) == ["110551234567", "220661234567", "330771234567"])
        #expect(
            listings.map(\.url) == [
                "https://www.ebay.com/itm/110551234567", "https://www.ebay.co.uk/itm/220661234567",
                "https://www.ebay.de/itm/330771234567",
            ])
        #expect(listings.map(\.price) == [Decimal(string: "24.99"), Decimal(string: "3.5"), Decimal(5)])
        #expect(listings.map(\.currency) == ["USD", "GBP", "EUR"])
        #expect(listings.map(\.sellerID) == ["bargain_shoes_99", "attic.finds", "cable-world-de"])
        #expect(listings[0].sellerURL == "https://www.ebay.com/usr/bargain_shoes_99")
        #expect(listings[0].title == "ACME Trail Runner Shoes, size 10")
        #expect(
            listings[0].images == [
                "https://i.ebayimg.example/images/g/aaaa/s-l1600.jpg",
                "https://i.ebayimg.example/images/g/bbbb/s-l1600.jpg",
                "https://i.ebayimg.example/images/g/cccc/s-l1600.jpg",
                "https://i.ebayimg.example/images/g/aaaa/s-l225.jpg",
            ])
        #expect(listings[1].description == "Mug with the ACME logo, small chip on the rim.")
        #expect(listings[1].images.count == 1 && listings[2].images.count == 1)
    }

    @Test func shopifyProducts() throws {
        let listings = try Self.listings("shopify", variables: ["shop": "acme-outlet.example", "currency": "USD"])
        #expect(listings.map(\.listingID) == ["8012345678901", "8012345678902"])
        #expect(listings[0].url == "https://acme-outlet.example/products/acme-classic-backpack")
        #expect(listings[0].sellerID == "acme-outlet.example" && listings[0].sellerURL == "https://acme-outlet.example")
        #expect(listings.map(\.price) == [Decimal(string: "35.5"), Decimal(12)])
        #expect(listings.map(\.currency) == ["USD", "CAD"])
        #expect(
            listings[0].description
                == "The ACME classic backpack — water\u{2011}resistant & light.\n20 litres\nLaptop sleeve")
        #expect(
            listings[0].images == [
                "https://cdn.shopify.example/s/files/1/0000/0001/products/backpack-black.jpg?v=1730000000",
                "https://cdn.shopify.example/s/files/1/0000/0001/products/backpack-red.jpg?v=1730000001",
            ])
        #expect(listings[1].images.isEmpty && listings[1].unmatchedFields.contains("images"))
        // Without the shop, the URL cannot be built and the vendor stands in as the seller.
        let bare = try Self.listings("shopify")
        #expect(bare[0].url == nil && bare[0].sellerID == "ACME Outlet" && bare[0].currency == nil)
    }

    @Test func rainforestSearchResults() throws {
        let listings = try Self.listings("amazon-rainforest")
        #expect(listings.map(\.marketplace) == ["amazon.com", "amazon.de"])
        #expect(listings.map(\.listingID) == ["B0EXAMPLE1", "B0EXAMPLE2"])
        #expect(listings.map(\.url) == ["https://www.amazon.com/dp/B0EXAMPLE1", "https://www.amazon.de/dp/B0EXAMPLE2"])
        #expect(listings.map(\.price) == [Decimal(string: "19.99"), Decimal(string: "7.49")])
        #expect(listings.map(\.currency) == ["USD", "EUR"])
        #expect(
            listings.map(\.images) == [
                ["https://m.media-amazon.example/images/I/41example1.jpg"],
                ["https://m.media-amazon.example/images/I/41example2.jpg"],
            ])
    }

    @Test func aliExpressSearchItemsAndAffiliateProducts() throws {
        let listings = try Self.listings("aliexpress")
        #expect(listings.map(\.listingID) == ["1005001234567890", "1005009876543210"])
        #expect(
            listings.map(\.url) == [
                "https://www.aliexpress.com/item/1005001234567890.html",
                "https://www.aliexpress.com/item/1005009876543210.html",
            ])
        #expect(listings[0].title == "ACME style smart watch & fitness band")
        #expect(listings[1].title == "ACME compatible charger 65W")
        // `cent: 254` is 2.54 when the sale price has no minPrice.
        #expect(listings.map(\.price) == [Decimal(string: "2.54"), Decimal(string: "6.8")])
        #expect(listings.map(\.currency) == ["USD", "EUR"])
        #expect(listings.map(\.sellerID) == ["9912345", "1102233"])
        #expect(listings[0].sellerName == "Example Wearables Store")
        #expect(
            listings.map(\.sellerURL) == [
                "https://www.aliexpress.com/store/9912345", "https://www.aliexpress.com/store/1102233",
            ])
        #expect(
            listings[0].images == [
                "https://ae-pic-a1.aliexpress-media.example/kf/Sexample1.jpg_350x350.jpg",
                "https://ae-pic-a1.aliexpress-media.example/kf/Sexample2.jpg_350x350.jpg",
            ])
        #expect(
            listings[1].images == [
                "https://ae01.alicdn.example/kf/Hexample3.jpg", "https://ae01.alicdn.example/kf/Hexample4.jpg",
            ])
    }

    @Test func mercadoLibreSearchResults() throws {
        let listings = try Self.listings("mercadolibre")
        #expect(listings.map(\.marketplace) == ["mercadolibre-MLA", "mercadolibre-MLB"])
        #expect(listings.map(\.listingID) == ["MLA1400000001", "MLB2000000002"])
        #expect(listings.map(\.price) == [Decimal(string: "45999.5"), Decimal(string: "189.9")])
        #expect(listings.map(\.currency) == ["ARS", "BRL"])
        #expect(listings.map(\.sellerID) == ["123456789", "987654321"])
        #expect(listings[0].sellerName == "TIENDA.EJEMPLO" && listings[1].sellerName == nil)
        #expect(listings[0].url == "https://articulo.mercadolibre.com.ar/MLA-1400000001-zapatillas-acme-runner-_JM")
        #expect(listings[0].images == ["http://http2.mlstatic.example/D_000001-MLA00000000001_012026-I.jpg"])
        #expect(
            listings[1].images == [
                "https://http2.mlstatic.example/D_000002-MLB00000000002_012026-O.jpg",
                "http://http2.mlstatic.example/D_000002-MLB00000000002_012026-I.jpg",
            ])
    }
}
