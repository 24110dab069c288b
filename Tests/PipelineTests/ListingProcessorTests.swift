import Fetching
import Foundation
import Intake
import Matching
import Store
import Synchronization
import TestSupport
import Testing

@testable import Pipeline

/// One listing's work: images known by their bytes before they are matched.
@Suite struct ListingProcessorTests {
    /// A processor over the sample night's registry, telling `matched` each image it sends to the matcher.
    static func processor(
        _ fixture: NightFixture, matched: @escaping @Sendable (String) -> Void
    ) throws -> ListingProcessor {
        let store = try StateStore(path: fixture.folder.url.appendingPathComponent("state.sqlite").path)
        let registry = try RegistryLoader.load(path: fixture.registry.path, today: LocalDate(Date())).registry
        var processor = ListingProcessor(
            resolver: ImageResolver(dumpFolder: fixture.night),
            index: try RegisteredViews.matcher(registry, store: store, jobs: 1),
            text: TextMatcher(marks: [], texts: []), builder: FindingBuilder(registry: registry), store: store,
            fetcher: ImageFetcher(cacheFolder: nil), cpu: WorkLimiter(limit: 1),
            evidenceImages: fixture.folder.url.appendingPathComponent("evidence-images"), maximumImages: 30)
        processor.matching = matched
        return processor
    }

    /// The listing of a one-line dump.
    static func listing(_ line: String, in fixture: NightFixture) throws -> Listing {
        let dump = try ListingDump(path: try fixture.writeDump("one.jsonl", lines: [line]).path)
        guard case .listing(let listing)? = try dump.nextUnparsed()?.parse() else {
            Issue.record("the line is not a listing: \(line)")
            throw CancellationError()
        }
        return listing
    }

    @Test func copiesOfOneImageUnderOtherNamesAreMatchedOnce() async throws {
        let fixture = try NightFixture()
        // Twenty-four names for the bytes of one copy of a registered image, then an unrelated picture.
        let images = fixture.night.appendingPathComponent("images")
        var names = ["images/acme-copy-none.jpg"]
        for index in 1..<24 {
            try FileManager.default.copyItem(
                at: images.appendingPathComponent("acme-copy-none.jpg"),
                to: images.appendingPathComponent("same-bytes-\(index).jpg"))
            names.append("images/same-bytes-\(index).jpg")
        }
        let unrelated = try #require(
            try FileManager.default.contentsOfDirectory(atPath: images.path).sorted().first {
                $0.hasPrefix("unrelated-")
            })
        names.append("images/\(unrelated)")
        let line = NightFixture.editing(try #require(try fixture.sampleLines().first)) { $0["images"] = names }

        let sent = Mutex<[String]>([])
        let processor = try Self.processor(fixture) { sha256 in sent.withLock { $0.append(sha256) } }
        let outcome = await processor.process(try Self.listing(line, in: fixture))

        let matched = sent.withLock { $0 }
        #expect(matched.count == 2, "one match for the 24 copies, one for the unrelated picture")
        #expect(Set(matched).count == 2)
        #expect(outcome.images.map(\.reference) == ["images/acme-copy-none.jpg", "images/\(unrelated)"])
        #expect(outcome.skippedImages == [ImageSelection.duplicateImage: 23])
        #expect(outcome.images.first?.matches.isEmpty == false, "the copy still matches its registered image")
    }
}
