import Foundation
import TestSupport
import Testing

/// Runs the built `proofmark hash` on sample and corpus files and checks what it prints.
@Suite struct HashCommandTests {
    static func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test func jsonOutputHasEveryFieldForEachFile() async throws {
        let outcome = try await CommandRunner.proofmark([
            "hash", "--json", "Samples/images/coffee.jpg", "Samples/images/logo.png",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let objects = try Self.jsonLines(outcome.standardOutput)
        #expect(objects.count == 2)
        for object in objects {
            for key in ["file", "width", "height", "pdq", "quality", "dhash", "dihedral", "orientation"] {
                #expect(object[key] != nil, "missing \(key)")
            }
            #expect((object["pdq"] as? String)?.count == 64)
            #expect((object["dhash"] as? String)?.count == 16)
            let dihedral = try #require(object["dihedral"] as? [String: String])
            #expect(
                Set(dihedral.keys) == ["rot90", "rot180", "rot270", "flipx", "flipy", "flip_plus1", "flip_minus1"])
        }
        #expect(objects[0]["file"] as? String == "Samples/images/coffee.jpg")
        #expect(objects[0]["width"] as? Int == 600 && objects[0]["height"] as? Int == 400)
    }

    /// libwebp is loaded at run time: where it cannot be, each WebP file fails with the reason and the others hash.
    @Test func webpFailsAloneWhenLibwebpCannotBeLoaded() async throws {
        let webp = "Tests/ImagingTests/Fixtures/valid/lossy.webp"
        let outcome = try await CommandRunner.proofmark(
            ["hash", webp, "Samples/images/coffee.jpg"],
            environment: ["PROOFMARK_LIBWEBP": "/nonexistent/libwebp.so.7"])
        #expect(outcome.status == 1)
        let lines = outcome.standardOutput.split(separator: "\n")
        #expect(lines.count == 2)
        let failure = try #require(lines.first)
        #expect(failure.hasPrefix("\(webp)\terror\tunsupported-variant\t"))
        #expect(failure.contains("libwebp could not be loaded (/nonexistent/libwebp.so.7"), "\(failure)")
        #expect(lines.last?.hasPrefix("Samples/images/coffee.jpg\t600\t400\t") == true)
    }

    /// A JPEG large enough for the fast path to decode it at a reduced scale, so only `--exact` gives the reference's
    /// hash.
    @Test func exactFlagReproducesTheReferenceHash() async throws {
        let vector = try #require(try PDQVector.all().first { $0.file == "scene-large.jpg" })
        let outcome = try await CommandRunner.proofmark(["hash", "--exact", vector.url.path])
        #expect(outcome.status == 0)
        let fields = outcome.standardOutput.trimmingCharacters(in: .newlines).split(separator: "\t")
        #expect(fields.count == 6)
        #expect(fields.dropFirst().first == "\(vector.width)" && fields.dropFirst(2).first == "\(vector.height)")
        #expect(fields.dropFirst(3).first.map(String.init) == vector.pdq)
        #expect(fields.dropFirst(4).first == "\(vector.quality)")
    }

    @Test func aBadFileReportsItsErrorAndTheOthersStillPrint() async throws {
        let outcome = try await CommandRunner.proofmark([
            "hash", "--json", "Samples/damaged/broken-download.jpg", "Samples/images/rocket.jpg",
            "Tests/ImagingTests/Fixtures/corrupt/png-100000x100000.png", "no/such/file.png",
        ])
        #expect(outcome.status == 1)
        let objects = try Self.jsonLines(outcome.standardOutput)
        #expect(objects.count == 4)
        #expect(objects[0]["file"] as? String == "Samples/damaged/broken-download.jpg")
        #expect(objects[0]["kind"] as? String == "truncated")
        #expect((objects[0]["error"] as? String)?.isEmpty == false)
        #expect(objects[1]["pdq"] != nil && objects[1]["error"] == nil)
        #expect(objects[2]["kind"] as? String == "too-large")
        #expect(objects[3]["kind"] as? String == "unreadable")
    }

    @Test func outputIsByteStableAcrossRuns() async throws {
        let arguments = ["hash", "--json", "Samples/images/coffee.jpg", "Samples/images/chessboard-really-a-png.jpg"]
        let first = try await CommandRunner.proofmark(arguments)
        let second = try await CommandRunner.proofmark(arguments)
        #expect(first.standardOutput == second.standardOutput)
        #expect(!first.standardOutput.isEmpty)
    }

    @Test func noFilesIsAUsageError() async throws {
        let outcome = try await CommandRunner.proofmark(["hash"])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("Missing expected argument"))
    }
}
