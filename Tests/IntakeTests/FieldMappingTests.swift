import Foundation
import Intake
import TestSupport
import Testing

@Suite struct FieldMappingTests {
    /// The listings of a JSONL text read through `mapping`, and the problems.
    static func read(_ jsonl: String, _ mapping: FieldMapping) throws -> (listings: [Listing], problems: [DumpProblem])
    {
        let folder = try TemporaryFolder()
        let file = try folder.write(jsonl, to: "dump.jsonl")
        let records = try ListingDumpTests.records(try ListingDump(path: file.path, mapping: mapping))
        return (ListingDumpTests.listings(records), ListingDumpTests.problems(records))
    }

    @Test func everyProblemOfAMappingFileIsReportedWithItsLine() {
        let text = """
            # a comment
            title = title.displayTitle   # a trailing comment

            titel = name
            price = price.value |
            images = image.imageUrl, additionalImages[.imageUrl
            url = 'https://{shop/products/{handle}'
            seller_url = store.url | shout
            title = other
            just words here
            price = 'unclosed
            """
        let error = #expect(throws: FieldMappingError.self) { try FieldMapping(text: text, file: "ebay.map") }
        let problems = error?.problems ?? []
        #expect(
            problems.map { $0.prefix(while: { $0 != " " }) }.map(String.init) == [
                "ebay.map:4:", "ebay.map:5:", "ebay.map:6:", "ebay.map:7:", "ebay.map:8:", "ebay.map:9:",
                "ebay.map:10:",
                "ebay.map:11:",
            ])
        #expect(problems[0].contains("unknown field \"titel\""))
        #expect(problems[1].contains("a conversion is missing"))
        #expect(problems[2].contains("expected [], [number] or [\"key\"]"))
        #expect(problems[3].contains("\"}\" is missing after a placeholder"))
        #expect(problems[4].contains("unknown conversion \"shout\""))
        #expect(problems[5].contains("already mapped to \"title.displayTitle\" (ebay.map:2)"))
        #expect(problems[6].contains("is not field=expression"))
        #expect(problems[7].contains("not closed"))
    }

    @Test func mapEntriesStillNameTheirEntryAndBareColumnsReadAsBefore() throws {
        let error = #expect(throws: FieldMappingError.self) {
            try FieldMapping(entries: ["titel=name", "title", "title=a", "title=b"])
        }
        #expect(
            error?.problems == [
                "entry 1: unknown field \"titel\" (fields: marketplace, listing_id, url, captured_at, title, description, "
                    + "price, currency, seller_id, seller_name, seller_url, images)",
                "entry 2: \"title\" is not field=expression",
                "entry 4: \"title\" is already mapped to \"a\" (entry 3)",
            ])
        // A column name with spaces is one column, as --map always read it.
        let mapping = try FieldMapping(entries: [
            "title=product name", "marketplace=site", "listing_id=sku", "price=Price (USD)",
        ])
        let (listings, _) = try Self.read(
            #"{"site":"x","sku":"1","product name":"ACME","Price (USD)":"2.5"}"# + "\n", mapping)
        #expect(listings.first?.title == "ACME" && listings.first?.price == Decimal(string: "2.5"))
    }

    @Test func pathsReachIntoObjectsAndArrays() throws {
        let mapping = try FieldMapping(
            text: """
                marketplace = 'ebay'
                listing_id = .legacyItemId
                price = price.value
                currency = price["currency"]
                seller_id = seller.username
                title = titles[0]
                description = titles[-1]
                images = image.imageUrl, additionalImages[].imageUrl
                """, file: "m.map")
        let line =
            #"{"legacyItemId":"11","price":{"value":"24.99","currency":"USD"},"seller":{"username":"s1"},"#
            + #""titles":["first","last"],"image":{"imageUrl":"a.jpg"},"#
            + #""additionalImages":[{"imageUrl":"b.jpg"},{"imageUrl":"a.jpg"},{"other":1}],"condition":"New"}"#
        let (listings, problems) = try Self.read(line + "\n", mapping)
        #expect(problems.isEmpty)
        let listing = try #require(listings.first)
        #expect(listing.marketplace == "ebay" && listing.listingID == "11")
        #expect(listing.price == Decimal(string: "24.99") && listing.currency == "USD" && listing.sellerID == "s1")
        #expect(listing.title == "first" && listing.description == "last")
        #expect(listing.images == ["a.jpg", "b.jpg"])  // in order, each once
        #expect(listing.isMapped && listing.unmatchedFields.sorted() == [])
        // Keys the mapping read are not kept again as unknown fields.
        #expect(listing.extra == ["condition": "New"])
    }

    @Test func templatesConstantsVariablesAndConversions() throws {
        var mapping = try FieldMapping(
            text: """
                marketplace = 'shop'
                listing_id = id
                url = 'https://{$shop}/products/{handle}'
                seller_url = store.url | https
                seller_name = 'Shop {{{name}}}'
                description = body_html | html_text
                price = variants[].price | lowest
                currency = (cent | minor_units), $currency
                images = pics[] | https
                """, file: "m.map")
        #expect(
            mapping.warnings == [
                "$currency is not set, so currency find nothing where they need it; give --map-var currency=VALUE",
                "$shop is not set, so url find nothing where they need it; give --map-var shop=VALUE",
            ])
        mapping.variables = ["shop": "acme.example"]
        let line =
            #"{"id":7,"handle":"bag","store":{"url":"//s.example/store/1"},"name":"N","#
            + #""body_html":"<p>Copy &amp; paste&nbsp;<b>AC</b>ME</p><script>x()</script><ul><li>one</li></ul>","#
            + #""variants":[{"price":"39.00"},{"price":"35.50"},{"price":"n/a"}],"cent":254,"#
            + #""pics":["//img.example/1.jpg","https://img.example/2.jpg"]}"#
        let (listings, _) = try Self.read(line + "\n", mapping)
        let listing = try #require(listings.first)
        #expect(listing.listingID == "7")
        #expect(listing.url == "https://acme.example/products/bag")
        #expect(listing.sellerURL == "https://s.example/store/1")
        #expect(listing.sellerName == "Shop {N}")
        #expect(listing.description == "Copy & paste ACME\none")
        #expect(listing.price == Decimal(string: "35.5"))
        #expect(listing.currency == "2.54")  // minor units of 254, the first alternative
        #expect(listing.images == ["https://img.example/1.jpg", "https://img.example/2.jpg"])
        // Without the variable, the template finds nothing rather than half a URL.
        mapping.variables = [:]
        let (without, _) = try Self.read(line + "\n", mapping)
        #expect(without.first?.url == nil && without.first?.unmatchedFields.contains("url") == true)
    }

    @Test func anObjectUnderAFieldNameIsAWarningForThatFieldNotALostRecord() throws {
        let line =
            #"{"marketplace":"aliexpress","listing_id":"1","title":{"displayTitle":"ACME"},"#
            + #""price":{"value":2.54,"currency":"USD"},"images":[{"imageUrl":"a.jpg"},"b.jpg"]}"#
        let (listings, problems) = try Self.read(line + "\n", FieldMapping())
        #expect(problems.isEmpty)
        let listing = try #require(listings.first)
        #expect(listing.title == nil && listing.price == nil && listing.images == ["b.jpg"])
        #expect(!listing.isMapped)
        #expect(
            listing.fieldWarnings.map(\.description) == [
                "title: \"title\" held an object with keys displayTitle, not a text; left empty "
                    + "(map one of its members, e.g. --map title=title.displayTitle)",
                "price: \"price\" held an object with keys currency, value, not a number; left empty "
                    + "(map one of its members, e.g. --map price=price.value)",
                "images: \"images\" image 1 is an object with keys imageUrl, not a path or URL; left out "
                    + "(map one of its members, e.g. --map images=images[].imageUrl)",
            ])
        // The record's own bytes are kept: nothing was mapped.
        #expect(listing.raw == line)
    }

    @Test func aProtocolRelativeOrDottedCSVColumnStillReads() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("site,id,price.usd\nx,1,3.5\n", to: "d.csv")
        let mapping = try FieldMapping(entries: ["marketplace=site", "listing_id=id", "price=price.usd"])
        let records = try ListingDumpTests.records(try ListingDump(path: file.path, mapping: mapping))
        #expect(ListingDumpTests.listings(records).first?.price == Decimal(string: "3.5"))
    }

    @Test(arguments: [
        ("<p>a</p><p>b</p>", "a\nb"),
        ("x &lt;b&gt; &#65;&#x42; &eacute;&hellip; &unknown; y", "x <b> AB é… &unknown; y"),
        ("<STYLE>p{}</STYLE>  spaced\n\tout  ", "spaced out"),
        ("1 < 2 and <br/>3", "1 < 2 and\n3"),
        ("&#; &#x; &#1114112; &", "&#; &#x; \u{FFFD} &"),
    ])
    func htmlBecomesTheTextItShows(html: String, text: String) throws {
        let mapping = try FieldMapping(entries: ["marketplace='m'", "listing_id='1'", "description=d | html_text"])
        let data = try JSONSerialization.data(withJSONObject: ["d": html])
        let (listings, _) = try Self.read(String(decoding: data, as: UTF8.self) + "\n", mapping)
        #expect(listings.first?.description == text)
    }

    @Test func theREADMEsExampleMappingReadsTheRecordItDescribes() throws {
        let readme = try String(
            contentsOf: BuiltInProfileTests.root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "# acme-crawler.map\n"))
        let end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        var mapping = try FieldMapping(text: String(readme[start.upperBound..<end.lowerBound]), file: "README.md")
        mapping.variables = ["currency": "USD"]
        let line =
            #"{"goods":{"id":"601099","name":"ACME bag","detail_html":"<p>Genuine&nbsp;look</p>","price_cents":1299,"#
            + #""gallery":[{"url":"//img.example/1.jpg"}],"thumb":"//img.example/1.jpg"},"mall":{"id":"m-7"}}"#
        let (listings, problems) = try Self.read(line + "\n", mapping)
        #expect(problems.isEmpty)
        let listing = try #require(listings.first)
        #expect(listing.url == "https://www.temu.com/goods.html?goods_id=601099" && listing.title == "ACME bag")
        #expect(listing.price == Decimal(string: "12.99") && listing.currency == "USD" && listing.sellerID == "m-7")
        #expect(listing.description == "Genuine look" && listing.images == ["https://img.example/1.jpg"])
    }
}
