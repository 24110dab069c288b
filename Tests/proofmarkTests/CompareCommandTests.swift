import Foundation
import Imaging
import TestSupport
import Testing

/// Runs the built `proofmark compare` on the sample images and checks what it prints and draws.
@Suite struct CompareCommandTests {
    static func jsonObject(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func mirroredCopyMatchesThroughTheMirrorVariantAndIsDrawnSideBySide() async throws {
        let folder = try TemporaryFolder()
        let out = folder.url.appendingPathComponent("side.png").path
        let outcome = try await CommandRunner.proofmark([
            "compare", "--json", "Samples/images/coffee.jpg", "Samples/images/coffee-mirrored.jpg", "--out", out,
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let object = try Self.jsonObject(outcome.standardOutput)
        #expect(object["transform"] as? String == "mirror")
        #expect(object["variant"] as? String == "flipy")
        let distance = try #require(object["pdq_distance"] as? Int)
        let plain = try #require(object["pdq_plain_distance"] as? Int)
        #expect(distance <= 10)
        #expect(plain > 64)
        #expect((object["quality_registered"] as? Int ?? 0) >= 50 && (object["quality_suspect"] as? Int ?? 0) >= 50)
        #expect(object["dhash_distance"] is Int)
        #expect(object["out"] as? String == out)
        let match = try #require(object["match"] as? [String: Any])
        #expect(match["algorithm"] as? String == "pdq" && match["transform"] as? String == "mirror")
        #expect(match["trusted"] as? Bool == true && (match["strength"] as? Double ?? 0) > 0.75)

        let picture = try ImageDecoder.decode(contentsOfFile: out).image
        // Two 600 × 400 photos at the default common height of 360, with margins, gutter and a caption band.
        #expect(picture.width == 8 + 540 + 32 + 540 + 8)
        #expect(picture.height > 8 + 360 + 8)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
        #expect(leftovers == ["side.png"])
    }

    @Test func textLineNamesBothFilesAndTheTransform() async throws {
        let outcome = try await CommandRunner.proofmark([
            "compare", "Samples/images/coffee.jpg", "Samples/images/coffee-mirrored.jpg", "--height", "120",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let line = outcome.standardOutput.trimmingCharacters(in: .newlines)
        #expect(!line.contains("\n"))
        #expect(line.hasPrefix("Samples/images/coffee.jpg vs Samples/images/coffee-mirrored.jpg: pdq distance "))
        #expect(line.contains(" via mirror; plain pdq distance "))
        #expect(line.contains("; matcher: pdq (whole ~ whole), distance "))
    }

    @Test func aLogoPastedIntoAPhotoIsFoundByTheMatcherWhereItSits() async throws {
        let folder = try TemporaryFolder()
        let logo = try ImageDecoder.decode(contentsOfFile: "Samples/images/logo.png").image
        var scene = try ImageDecoder.decode(contentsOfFile: "Samples/images/rocket.jpg").image
        let small = logo.resized(width: logo.width * 3 / 5, height: logo.height * 3 / 5)
        var card = Image(
            width: small.width + 20, height: small.height + 20, format: .rgb, filledWith: Colour.white.samples)
        card.place(small, atX: 10, y: 10)
        scene.place(card, atX: 100, y: 60)
        let suspect = try folder.write(Data(JPEGEncoder.encode(scene, quality: 85)), to: "scene.jpg")
        let outcome = try await CommandRunner.proofmark(["compare", "--json", "Samples/images/logo.png", suspect.path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let object = try Self.jsonObject(outcome.standardOutput)
        // The whole pictures are far apart; the matcher still finds the logo, on its card.
        #expect((object["pdq_distance"] as? Int ?? 0) > 31)
        let match = try #require(object["match"] as? [String: Any])
        #expect(match["trusted"] as? Bool == true)
        let region = try #require(match["region"] as? [Int])
        #expect(region[0] >= 100 && region[1] >= 60)
        #expect(region[0] + region[2] <= 100 + card.width && region[1] + region[3] <= 60 + card.height)
    }

    @Test func anImageComparedWithItselfIsIdentityAtZero() async throws {
        let outcome = try await CommandRunner.proofmark([
            "compare", "--json", "Samples/images/rocket.jpg", "Samples/images/rocket.jpg",
        ])
        let object = try Self.jsonObject(outcome.standardOutput)
        #expect(object["transform"] as? String == "identity")
        #expect(object["pdq_distance"] as? Int == 0 && object["pdq_plain_distance"] as? Int == 0)
        #expect(object["dhash_distance"] as? Int == 0 && object["out"] == nil)
    }

    @Test func aDamagedFileExitsWithStatusOneNamingTheFile() async throws {
        let folder = try TemporaryFolder()
        let out = folder.url.appendingPathComponent("side.png").path
        let outcome = try await CommandRunner.proofmark([
            "compare", "Samples/images/coffee.jpg", "Samples/damaged/broken-download.jpg", "--out", out,
        ])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("Samples/damaged/broken-download.jpg"))
        #expect(outcome.standardError.contains("damaged"))
        #expect(outcome.standardOutput.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: out))

        let json = try await CommandRunner.proofmark([
            "compare", "--json", "Samples/damaged/broken-download.jpg", "no/such/file.png",
        ])
        #expect(json.status == 1)
        let lines = json.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(try Self.jsonObject(lines[0])["file"] as? String == "Samples/damaged/broken-download.jpg")
        #expect(try Self.jsonObject(lines[0])["kind"] as? String == "truncated")
        #expect(try Self.jsonObject(lines[1])["kind"] as? String == "unreadable")
    }

    @Test func anUnwritableOutputExitsWithStatusOne() async throws {
        let outcome = try await CommandRunner.proofmark([
            "compare", "Samples/images/logo.png", "Samples/images/logo.png", "--out", "no/such/folder/side.png",
        ])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("no/such/folder/side.png"))
    }
}
