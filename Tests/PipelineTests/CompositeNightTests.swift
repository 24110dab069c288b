import Foundation
import Imaging
import Pipeline
import TestSupport
import Testing

/// A registered photo pasted into another scene, found by local features in a real night, and the verdict reused
/// the next night without decoding.
@Suite struct CompositeNightTests {
    static let now = Date(timeIntervalSince1970: 1_796_000_000)

    @Test func aPastedPhotoIsFoundByFeaturesWithItsRegionAndTheVerdictIsReused() async throws {
        let folder = try TemporaryFolder()
        let images = Fixtures.pdqVectors.appendingPathComponent("images")
        let photo = try ImageDecoder.decode(contentsOfFile: images.appendingPathComponent("skimage-coffee.png").path)
            .image
        _ = try folder.write(Data(PNGEncoder.encode(photo)), to: "assets/coffee.png")
        let scene = try ImageDecoder.decode(contentsOfFile: images.appendingPathComponent("skimage-rocket.jpg").path)
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
        let run = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json")))
                as? [String: Any])
        #expect((run["counts"] as? [String: Any])?["images_decoded"] as? Int == 0)
        let second = try findings()
        #expect(second.first?["status"] as? String == "ongoing")
        #expect(
            ((second.first?["signals"] as? [[String: Any]])?.first?["inliers"] as? Int)
                == (signal["inliers"] as? Int))
    }
}
