import Foundation
import TestSupport
import Testing

/// Runs the built `proofmark robustness` on the sample registry and checks what it writes.
@Suite struct RobustnessCommandTests {
    @Test func samplesRegistryIsMeasuredForImagesAndText() async throws {
        let folder = try TemporaryFolder()
        let out = folder.url.appendingPathComponent("robustness").path
        let outcome = try await CommandRunner.proofmark([
            "robustness", "--registry", "Samples/night/registry.yaml", "--synthetic-negatives", "3", "--out", out,
            "--seed", "5",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("overall recall"))
        #expect(outcome.standardOutput.contains("text robustness"))
        let data = try Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent("robustness.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((json["edits"] as? [String: Any])?.count == 18)
        #expect(json["negatives_source"] as? String == "synthetic")
        let text = try #require(json["text"] as? [String: Any])
        #expect(text["families"] != nil)
        let written = try String(contentsOfFile: out + "/robustness.txt", encoding: .utf8)
        #expect(written == outcome.standardOutput)
    }

    @Test func aBrokenRegistryIsAnErrorNamingIt() async throws {
        let folder = try TemporaryFolder()
        let registry = try folder.write("owner: [unclosed\n", to: "registry.yaml")
        let outcome = try await CommandRunner.proofmark(["robustness", "--registry", registry.path])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains(registry.path))
    }
}
