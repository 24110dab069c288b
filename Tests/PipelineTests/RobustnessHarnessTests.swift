import Foundation
import Imaging
import Pipeline
import TestSupport
import Testing

@Suite struct RobustnessHarnessTests {
    /// A registry of two real photos from `Samples/`, and a negatives folder with one unrelated photo and one broken
    /// file.
    static func setUp() throws -> (folder: TemporaryFolder, registry: String, negatives: String) {
        let folder = try TemporaryFolder()
        for (source, target) in [
            ("images/coffee.jpg", "assets/coffee.jpg"), ("images/rocket.jpg", "assets/rocket.jpg"),
            ("night/assets/lumora-product.jpg", "negatives/bridge.jpg"),
        ] {
            _ = try folder.write(try Data(contentsOf: Fixtures.samples.appendingPathComponent(source)), to: target)
        }
        _ = try folder.write(Data("not a picture".utf8), to: "negatives/broken.jpg")
        let registry = try folder.write(
            """
            owner: Test Co.
            rights:
              - { id: tm-1, type: trademark, registration: "T 1" }
            brands:
              - name: Test
                assets:
                  - { id: coffee, path: assets/coffee.jpg, kind: product-photo, right: tm-1 }
                  - { id: rocket, path: assets/rocket.jpg, kind: product-photo, right: tm-1 }
            """, to: "registry.yaml")
        return (folder, registry.path, folder.url.appendingPathComponent("negatives").path)
    }

    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func everyEditIsMeasuredAndEveryBadInputIsReported() async throws {
        let (folder, registry, negatives) = try Self.setUp()
        _ = folder
        let report = try await RobustnessHarness.run(
            RobustnessConfiguration(registryPath: registry, negativesFolder: negatives, jobs: 2, now: Self.now))
        #expect(report.assets == 2 && report.negatives == 1)
        #expect(report.cases.count == (2 + 1) * RobustnessEdit.allCases.count)
        // Edits any global hash survives are found outright.
        for edit in [RobustnessEdit.reencode, .jpegQuality30, .greyscale, .mirror, .rotate90] {
            #expect(report.recall(edit: edit, at: report.minimumScore) == 1, "\(edit.rawValue)")
        }
        #expect(report.skipped.map(\.item).contains { $0.hasSuffix("broken.jpg") })
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [String: Any])
        let edits = try #require(json["edits"] as? [String: Any])
        #expect(Set(edits.keys) == Set(RobustnessEdit.allCases.map(\.rawValue)))
        #expect(json["negatives_source"] as? String == negatives)
        #expect((json["pictures"] as? [Any])?.count == report.cases.count)
        #expect(report.textLines.contains { $0.hasPrefix("overall recall") })
    }

    @Test func theSameSeedGivesTheSameMeasurements() async throws {
        let (folder, registry, _) = try Self.setUp()
        _ = folder
        func run(seed: UInt64) async throws -> [String] {
            let report = try await RobustnessHarness.run(
                RobustnessConfiguration(
                    registryPath: registry, syntheticNegatives: 4, seed: seed, jobs: 2, now: Self.now))
            return report.cases.map { "\($0.item) \($0.edit.rawValue) \($0.score) \($0.matched ?? "-")" }
        }
        let first = try await run(seed: 7)
        #expect(try await run(seed: 7) == first)
        #expect(first.count == 6 * RobustnessEdit.allCases.count)
    }

    @Test func edgesOfTheThresholdArithmetic() {
        func result(_ score: Double, positive: Bool) -> RobustnessReport.Result {
            RobustnessReport.Result(
                edit: .blur, positive: positive, score: score, wrongAsset: false, algorithm: nil, item: "x",
                matched: nil, milliseconds: 0)
        }
        // 200 negatives: two score 0.9, one 0.6; the rest nothing.
        let negatives =
            [0.9, 0.9, 0.6].map { result($0, positive: false) }
            + (0..<197).map { _ in result(0, positive: false) }
        let positives = [0.95, 0.91, 0.7, 0.5].map { result($0, positive: true) }
        let report = RobustnessReport(
            cases: negatives + positives, assets: 1, negatives: 200, negativesSource: "test", minimumScore: 0.5,
            indexedHashes: 0, seed: 1, skipped: [])
        // 1% of 200 allows two negatives: the threshold sits just above the third highest score.
        let at1 = report.threshold(falsePositiveRate: 0.01)
        #expect(at1 > 0.6 && at1 <= 0.7)
        #expect(report.falsePositiveRate(at: at1) == 0.01)
        #expect(report.recall(at: at1) == 0.75)
        #expect(report.threshold(falsePositiveRate: 0.001) > 0.9)
        #expect(report.recall(at: report.threshold(falsePositiveRate: 0.001)) == 0.5)
    }
}
