import Foundation
import Intake
import TestSupport
import Testing

@Suite struct ListingDumpTests {
    static func records(_ dump: ListingDump) throws -> [DumpRecord] {
        var records: [DumpRecord] = []
        while let record = try dump.next() { records.append(record) }
        return records
    }

    static func listings(_ records: [DumpRecord]) -> [Listing] {
        records.compactMap { if case .listing(let listing) = $0 { listing } else { nil } }
    }

    static func problems(_ records: [DumpRecord]) -> [DumpProblem] {
        records.compactMap { if case .problem(let problem) = $0 { problem } else { nil } }
    }

    static let jsonl = """
        {"marketplace":"aliexpress","listing_id":"1005006","url":"https://a.example/1","captured_at":"2026-11-28T01:12:00Z","title":"ACME jacket","description":"warm","price":12.5,"currency":"USD","seller_id":"s-889","seller_name":"Best <Shop>","seller_url":"https://a.example/s","images":["images/1.jpg","https://cdn.example/2.webp"],"rating":4.5,"ships_to":["US","DE"]}
        {"marketplace":"amazon","listing_id":42,"price":"19.99","images":"a.jpg|b.jpg"}

        {broken json
        ["not", "an", "object"]
        {"marketplace":"ebay","title":"no id"}
        {"marketplace":"ebay","listing_id":"7","price":"cheap"}
        {"marketplace":"ebay","listing_id":"8","title":{"nested":true}}
        {"marketplace":"temu","listing_id":"9","price":-1}
        {"marketplace":"temu","listing_id":"10"}
        """

    @Test func jsonlListingsKeepEveryFieldAndBadLinesAreReportedWithTheirNumber() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write(Self.jsonl, to: "dump.jsonl")
        let dump = try ListingDump(path: file.path)
        #expect(dump.format == .jsonl)
        let records = try Self.records(dump)
        let listings = Self.listings(records)
        #expect(listings.map(\.listingID) == ["1005006", "42", "8", "10"])
        let first = listings[0]
        #expect(first.marketplace == "aliexpress" && first.title == "ACME jacket" && first.sellerName == "Best <Shop>")
        #expect(first.price == Decimal(string: "12.5") && first.currency == "USD")
        #expect(first.images == ["images/1.jpg", "https://cdn.example/2.webp"])
        #expect(first.extra == ["rating": "4.5", "ships_to": "US|DE"])
        #expect(first.raw == Self.jsonl.split(separator: "\n").first.map(String.init))
        #expect(first.line == 1)
        #expect(listings[1].price == Decimal(string: "19.99") && listings[1].images == ["a.jpg", "b.jpg"])
        // An object where the title belongs is left out of the title, with a warning; the listing still counts.
        #expect(listings[2].title == nil && listings[2].fieldWarnings.map(\.field) == ["title"])
        #expect(listings[3].line == 10)
        let problems = Self.problems(records)
        #expect(problems.map(\.line) == [4, 5, 6, 7, 9])
        #expect(problems[0].reason.hasPrefix("not valid JSON"))
        #expect(problems[1].reason == "not a JSON object")
        #expect(problems[2].reason == "\"listing_id\" is missing")
        #expect(problems[3].reason == "\"price\" \"cheap\" is not a number")
        #expect(problems[4].reason == "\"price\" is negative")
    }

    @Test func anOverlongLineIsOneProblemAndTheNextLineStillReads() throws {
        let folder = try TemporaryFolder()
        let huge =
            "{\"marketplace\":\"x\",\"listing_id\":\"1\",\"title\":\"" + String(repeating: "A", count: 10 << 20) + "\"}"
        let file = try folder.write(huge + "\n{\"marketplace\":\"x\",\"listing_id\":\"2\"}\n", to: "dump.jsonl")
        let records = try Self.records(try ListingDump(path: file.path, maximumRecordBytes: 1 << 20))
        #expect(Self.problems(records).map(\.line) == [1])
        #expect(Self.problems(records).first?.reason.contains("over the limit") == true)
        #expect(Self.listings(records).map(\.listingID) == ["2"])
        #expect(Self.listings(records).first?.line == 2)
    }

    @Test func csvFollowsRFC4180WithBOMQuotesNewlinesAndCRLF() throws {
        let folder = try TemporaryFolder()
        let csv =
            "\u{FEFF}marketplace,listing_id,title,price,images,colour\r\n"
            + "amazon,B01,\"Jacket, \"\"ACME\"\" edition\",19.99,a.jpg|b.jpg,red\r\n"
            + "amazon,B02,\"two\r\nlines\",5,,blue\r\n"
            + "amazon,B03,short\r\n"
            + "amazon,B04,last,,,green"
        let file = try folder.write(csv, to: "dump.csv")
        let dump = try ListingDump(path: file.path)
        #expect(dump.format == .csv)
        let records = try Self.records(dump)
        let listings = Self.listings(records)
        #expect(listings.map(\.listingID) == ["B01", "B02", "B04"])
        #expect(listings[0].title == "Jacket, \"ACME\" edition")
        #expect(listings[0].images == ["a.jpg", "b.jpg"] && listings[0].extra == ["colour": "red"])
        #expect(listings[1].title == "two\r\nlines" && listings[1].images.isEmpty)
        #expect(listings[2].line == 6 && listings[2].price == nil)
        #expect(
            Self.problems(records) == [
                DumpProblem(line: 5, reason: "the record has 3 fields, the header has 6", category: "wrong-field-count")
            ])
        #expect(listings[0].raw.contains("\"colour\":\"red\""))
    }

    @Test func columnsCanBeMapped() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write(
            "site,sku,product_name,pics\nshopee,77,ACME boots,x.jpg\n", to: "other-crawler.csv")
        let mapping = try FieldMapping(entries: [
            "marketplace=site", "listing_id=sku", "title=product_name", "# comment", "", "images = pics",
        ])
        let listing = try #require(
            Self.listings(try Self.records(try ListingDump(path: file.path, mapping: mapping))).first)
        #expect(listing.marketplace == "shopee" && listing.listingID == "77" && listing.title == "ACME boots")
        #expect(listing.images == ["x.jpg"])
        #expect(listing.extra.isEmpty)
        let missing = try Self.records(try ListingDump(path: file.path))
        #expect(Self.problems(missing).first?.reason == "\"marketplace\" is missing; \"listing_id\" is missing")
    }

    @Test func badMappingsAreRefusedWithEveryProblem() {
        let error = #expect(throws: FieldMappingError.self) {
            try FieldMapping(entries: ["titel=name", "title", "title=a", "title=b"])
        }
        #expect(error?.problems.count == 3)
    }

    @Test func gzipDumpsAreReadAsAStream() throws {
        let folder = try TemporaryFolder()
        var lines = ""
        for index in 0..<5000 {
            lines += "{\"marketplace\":\"m\",\"listing_id\":\"\(index)\",\"title\":\"t\(index)\"}\n"
        }
        let plain = try folder.write(lines, to: "dump.jsonl")
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = ["-k", plain.path]
        try gzip.run()
        gzip.waitUntilExit()
        let dump = try ListingDump(path: plain.path + ".gz")
        #expect(dump.isCompressed && dump.format == .jsonl)
        let listings = Self.listings(try Self.records(dump))
        #expect(listings.count == 5000)
        #expect(listings.last?.listingID == "4999" && listings.last?.line == 5000)
    }

    @Test func aDamagedGzipDumpIsAnErrorNamingTheFile() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write(Data([0x1F, 0x8B, 0x08, 0x00, 0x01, 0x02, 0x03]), to: "dump.jsonl.gz")
        let error = #expect(throws: DumpError.self) {
            let dump = try ListingDump(path: file.path)
            _ = try Self.records(dump)
        }
        #expect(error?.description.contains(file.path) == true)
    }

    @Test func formatIsSniffedWhenTheNameSaysNothing() throws {
        let folder = try TemporaryFolder()
        let json = try folder.write("  {\"marketplace\":\"m\",\"listing_id\":\"1\"}\n", to: "tonight.dump")
        #expect(try ListingDump(path: json.path).format == .jsonl)
        let csv = try folder.write("marketplace,listing_id\nm,1\n", to: "tonight.export")
        #expect(try ListingDump(path: csv.path).format == .csv)
    }

    @Test func aMissingDumpOrHeaderIsAnError() throws {
        #expect(throws: DumpError.self) { try ListingDump(path: "/nonexistent/dump.jsonl") }
        let folder = try TemporaryFolder()
        let empty = try folder.write("", to: "empty.csv")
        #expect(throws: DumpError.missingHeader(path: empty.path)) { _ = try ListingDump(path: empty.path).next() }
        let twice = try folder.write("a,a\n1,2\n", to: "twice.csv")
        #expect(throws: DumpError.self) { _ = try ListingDump(path: twice.path).next() }
    }
}
