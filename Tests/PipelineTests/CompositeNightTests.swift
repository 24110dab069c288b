import Foundation
import Imaging
import Pipeline
import TestSupport
import Testing

/// A registered photo pasted into another scene, found by local features in a real night, and the verdict reused
/// the next night without decoding.
@Suite struct CompositeNightTests {
    static let now = Date(timeIntervalSince1970: 1_796_000_000)

    /// The `images_decoded` count of the last night written to `out`.
    static func imagesDecoded(_ out: URL) throws -> Int? {
        let run = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json")))
                as? [String: Any])
        return (run["counts"] as? [String: Any])?["images_decoded"] as? Int
    }

    @Test func aPastedPhotoIsFoundByFeaturesWithItsRegionAndTheVerdictIsReused() async throws {
        let folder = try TemporaryFolder()
        let images = Fixtures.samples.appendingPathComponent("images")
        let photo = try ImageDecoder.decode(contentsOfFile: images.appendingPathComponent("coffee.jpg").path).image
        _ = try folder.write(Data(PNGEncoder.encode(photo)), to: "assets/coffee.png")
        let scene = try ImageDecoder.decode(contentsOfFile: images.appendingPathComponent("rocket.jpg").path)
            .image.fitted(within: 640)
        let (composite, truth) = TexturedScenes.paste(photo, into: scene, scale: 0.5, x: 200, y: 40)
        _ = try folder.write(Data(JPEGEncoder.encode(composite, quality: 88)), to: "dump/images/composite.jpg")
        _ = try folder.write(Data(JPEGEncoder.encode(scene, quality: 88)), to: "dump/images/scene.jpg")
        let registry = try folder.write(
            """
            owner: Test Co.
            rights:
              - { id: c-photos, type: copyright, registration: "VA 1-234-567" }
            brands:
              - name: Kaffa
                assets:
                  - { id: coffee, path: assets/coffee.png, kind: product-photo, right: c-photos }
            """, to: "registry.yaml")
        let dump = try folder.write(
            """
            {"marketplace":"temu","listing_id":"1","title":"Mug set","seller_id":"s1","images":["images/composite.jpg"]}
            {"marketplace":"temu","listing_id":"2","title":"Rocket toy","seller_id":"s2","images":["images/scene.jpg"]}

            """, to: "dump/dump.jsonl")
        let out = folder.url.appendingPathComponent("out")
        var configuration = RunConfiguration(
            registryPath: registry.path, dumpPath: dump.path, outputFolder: out, jobs: 2, now: Self.now,
            toolVersion: "test")
        _ = try await NightlyRun.run(configuration)

        func findings() throws -> [[String: Any]] {
            try String(contentsOf: out.appendingPathComponent("findings.jsonl"), encoding: .utf8)
                .split(separator: "\n").map {
                    try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
                }
        }
        let first = try findings()
        #expect(first.map { $0["listing_id"] as? String } == ["1"])
        let signal = try #require((first.first?["signals"] as? [[String: Any]])?.first)
        #expect(signal["algorithm"] as? String == "features")
        #expect((signal["inliers"] as? Int ?? 0) >= 25)
        let region = try #require(signal["region"] as? [Int])
        #expect(abs(region[0] - truth.x) <= 8 && abs(region[1] - truth.y) <= 8)
        #expect(abs(region[2] - truth.width) <= 12 && abs(region[3] - truth.height) <= 12)

        configuration.now = Self.now.addingTimeInterval(86_400)
        _ = try await NightlyRun.run(configuration)
        #expect(try Self.imagesDecoded(out) == 0)
        let second = try findings()
        #expect(second.first?["status"] as? String == "ongoing")
        #expect(
            ((second.first?["signals"] as? [[String: Any]])?.first?["inliers"] as? Int)
                == (signal["inliers"] as? Int))
    }

    @Test func aFlatLogoPastedIntoASceneIsFoundByItsContentViewAndTheLookIsReused() async throws {
        let folder = try TemporaryFolder()
        let ink = Colour(red: 150, green: 30, blue: 60)
        var logo = Image(width: 480, height: 240, format: .rgb, filledWith: Colour.white.samples)
        logo.fill(PixelRect(x: 40, y: 70, width: 90, height: 90), with: ink)
        logo.drawText("KAFFA", atX: 150, y: 85, colour: ink, scale: 7)
        _ = try folder.write(Data(PNGEncoder.encode(logo)), to: "assets/logo.png")
        let images = Fixtures.samples.appendingPathComponent("images")
        var scene = try ImageDecoder.decode(contentsOfFile: images.appendingPathComponent("rocket.jpg").path)
            .image.fitted(within: 600)
        scene.place(logo.resized(width: 264, height: 132), atX: 120, y: 150)
        _ = try folder.write(Data(JPEGEncoder.encode(scene, quality: 85)), to: "dump/images/composite.jpg")
        let registry = try folder.write(
            """
            owner: Test Co.
            rights:
              - { id: tm-1, type: trademark, registration: "1234567" }
            brands:
              - name: Kaffa
                assets:
                  - { id: logo, path: assets/logo.png, kind: logo, right: tm-1 }
            """, to: "registry.yaml")
        let dump = try folder.write(
            """
            {"marketplace":"temu","listing_id":"1","title":"Mug","seller_id":"s1","images":["images/composite.jpg"]}

            """, to: "dump/dump.jsonl")
        let out = folder.url.appendingPathComponent("out")
        var configuration = RunConfiguration(
            registryPath: registry.path, dumpPath: dump.path, outputFolder: out, jobs: 1, now: Self.now,
            toolVersion: "test")
        func signal() throws -> [String: Any] {
            let line = try #require(
                try String(contentsOf: out.appendingPathComponent("findings.jsonl"), encoding: .utf8)
                    .split(separator: "\n").first)
            let finding = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return try #require((finding["signals"] as? [[String: Any]])?.first)
        }
        _ = try await NightlyRun.run(configuration)
        let first = try signal()
        #expect(first["algorithm"] as? String == "pdq+content")
        let region = try #require(first["region"] as? [Int])
        #expect(region[0] >= 120 && region[1] >= 150 && region[0] + region[2] <= 384 && region[1] + region[3] <= 282)

        configuration.now = Self.now.addingTimeInterval(86_400)
        _ = try await NightlyRun.run(configuration)
        #expect(try Self.imagesDecoded(out) == 0)
        let second = try signal()
        #expect(second["algorithm"] as? String == "pdq+content")
        #expect(second["region"] as? [Int] == region && second["distance"] as? Int == first["distance"] as? Int)
    }
}
