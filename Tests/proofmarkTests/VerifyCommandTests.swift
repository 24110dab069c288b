import Foundation
import TestSupport
import Testing

/// `proofmark run` writes a signed bag per finding; `proofmark verify` accepts them and names what was tampered with.
@Suite struct VerifyCommandTests {
    @Test func bundlesOfASignedRunVerifyAndATamperedOneIsNamed() async throws {
        let fixture = try NightFixture()
        let key = fixture.folder.url.appendingPathComponent("keys/signing.pem").path
        try FileManager.default.createDirectory(
            at: fixture.folder.url.appendingPathComponent("keys"), withIntermediateDirectories: true)
        let keygen = try await CommandRunner.proofmark(["keygen", "--out", key])
        try #require(keygen.status == 0, "\(keygen.standardError)")
        let out = fixture.folder.url.appendingPathComponent("out")
        let arguments = [
            "run", "--registry", fixture.registry.path, "--dump", fixture.dump.path, "--out", out.path,
            "--now", "2026-11-29T02:00:00Z", "--signing-key", key,
        ]
        let run = try await CommandRunner.proofmark(arguments)
        try #require(run.status == 0, "\(run.standardError)")
        let bundles = out.appendingPathComponent("bundles")
        let names = try FileManager.default.contentsOfDirectory(atPath: bundles.path).filter { $0.hasPrefix("f-") }
            .sorted()
        let findings = try String(contentsOf: out.appendingPathComponent("findings.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        #expect(names.count == findings.count && !names.isEmpty)
        let all = try await CommandRunner.proofmark(
            ["verify", "--public-key", key + ".pub"] + names.map { bundles.appendingPathComponent($0).path })
        #expect(all.status == 0, "\(all.standardOutput)")
        #expect(all.standardOutput.contains("\(names.count) of \(names.count) bundles valid"))
        // Every bag is valid for an independent validator too: the Python bagit package (.ci/run installs it).
        let bags = names.map { bundles.appendingPathComponent($0) }
        if let independent = try await CommandRunner.onOwnThread({ try PythonBagit.validate(bags) }) {
            #expect(independent.status == 0, "bagit.py: \(independent.output)")
        }

        // One byte of one suspect image changed: named, exit 1.
        let bag = bundles.appendingPathComponent(names[0])
        let images = bag.appendingPathComponent("data/images")
        let image = try #require(try FileManager.default.contentsOfDirectory(atPath: images.path).first)
        var bytes = try Data(contentsOf: images.appendingPathComponent(image))
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: images.appendingPathComponent(image))
        let tampered = try await CommandRunner.proofmark(["verify", bag.path])
        #expect(tampered.status == 1)
        #expect(tampered.standardOutput.contains("data/images/\(image): checksum differs"))

        // A bag that is gone is made again on the next night; the others, tampered one included, stay as they are
        // (evidence of tampering is kept for `verify` to find, not repaired away).
        let damaged = bundles.appendingPathComponent(names[1])
        try FileManager.default.removeItem(at: damaged)
        let again = try await CommandRunner.proofmark(
            arguments.map { $0 == "2026-11-29T02:00:00Z" ? "2026-11-30T02:00:00Z" : $0 })
        try #require(again.status == 0, "\(again.standardError)")
        let record = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json")))
                as? [String: Any])
        let counts = try #require(record["counts"] as? [String: Any])
        #expect(counts["bundles_unchanged"] as? Int == names.count - 1)
        #expect(counts["bundles_written"] as? Int == 1)
        // Valid, but checked against no trusted key: only self-consistent (2).
        #expect(try await CommandRunner.proofmark(["verify", damaged.path]).status == 2)
        #expect(try await CommandRunner.proofmark(["verify", bag.path]).status == 1)
    }
}
