import Base
import Foundation
import TestSupport
import Testing

@testable import Evidence

@Suite struct BagVerifierTests {
    /// `verify` against a forger: a bag re-signed with another key is told apart by its key's fingerprint and is
    /// "only self-consistent" without a trusted key; a manifest cannot lead outside the bag; LF, CR and CRLF
    /// manifests (RFC 8493 §2.1) read alike.
    @Test(arguments: ["\n", "\r", "\r\n"])
    func verifyNamesWhoSignedStaysInsideTheBagAndReadsEveryLineEnd(lineEnd: String) throws {
        let folder = try TemporaryFolder()
        let genuine = try BagItTests.signer(in: folder, name: "genuine.pem")
        let forger = try BagItTests.signer(in: folder, name: "forger.pem")
        try BagItTests.write(BagItTests.material(), to: folder.url.appendingPathComponent("genuine"), signer: genuine)
        try BagItTests.write(
            BagItTests.material(score: 0.99), to: folder.url.appendingPathComponent("forged"), signer: forger)
        let name = "f-0123456789abcdef"
        let forged = BagVerifier.verify(folder.url.appendingPathComponent("forged/\(name)"))
        let genuineKey = try #require(PEM.decode(genuine.publicKeyPEM, label: "PUBLIC KEY"))
        let forgerKey = try #require(PEM.decode(forger.publicKeyPEM, label: "PUBLIC KEY"))
        #expect(forged.isValid && !forged.signatureTrusted)
        #expect(forged.keyFingerprint == BagVerifier.fingerprint(ofKey: forgerKey))
        #expect(forged.keyFingerprint != BagVerifier.fingerprint(ofKey: genuineKey))
        let checked = BagVerifier.verify(
            folder.url.appendingPathComponent("forged/\(name)"), trustedKey: genuine.publicKeyPEM)
        #expect(!checked.isValid && checked.keyFingerprint == BagVerifier.fingerprint(ofKey: forgerKey))
        let trusted = BagVerifier.verify(
            folder.url.appendingPathComponent("genuine/\(name)"), trustedKey: genuine.publicKeyPEM)
        #expect(trusted.isValid && trusted.signatureTrusted)

        // An unsigned bag, its manifests rewritten with `lineEnd`, and a tag manifest entry outside the bag.
        try BagItTests.write(BagItTests.material(), to: folder.url.appendingPathComponent("plain"))
        let bag = folder.url.appendingPathComponent("plain/\(name)")
        func rewrite(_ file: String, _ transform: (String) -> String = { $0 }) throws {
            let url = bag.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            let lines = text.split(separator: "\n").map(String.init)
            try Data(transform(lines.map { $0 + lineEnd }.joined()).utf8).write(to: url)
        }
        try rewrite("manifest-sha256.txt")
        try rewrite("bag-info.txt")
        func rehashedTagManifest(_ extra: String) throws -> String {
            let text = try String(contentsOf: bag.appendingPathComponent("tagmanifest-sha256.txt"), encoding: .utf8)
            return text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).map { line in
                let file = String(line.split(separator: " ", maxSplits: 1)[1]).trimmingCharacters(in: .whitespaces)
                let bytes = (try? Data(contentsOf: bag.appendingPathComponent(file))) ?? Data()
                return "\(Hashing.sha256Hex(bytes))  \(file)\(lineEnd)"
            }.joined() + extra
        }
        try Data(try rehashedTagManifest("").utf8).write(to: bag.appendingPathComponent("tagmanifest-sha256.txt"))
        let report = BagVerifier.verify(bag)
        #expect(report.isValid, "\(lineEnd.debugDescription): \(report.problems)")
        #expect(report.payloadFiles == 7)

        let outside = folder.url.appendingPathComponent("plain/outside.txt")
        try Data("outside".utf8).write(to: outside)
        let escape = "\(Hashing.sha256Hex(Data("outside".utf8)))  ../outside.txt\(lineEnd)"
        try Data(try rehashedTagManifest(escape).utf8).write(to: bag.appendingPathComponent("tagmanifest-sha256.txt"))
        let led = BagVerifier.verify(bag)
        #expect(
            led.problems.contains { $0.message.contains("../outside.txt") && $0.message.contains("inside the bag") })
        #expect(!led.problems.contains { $0.file == "../outside.txt" })
    }
}
