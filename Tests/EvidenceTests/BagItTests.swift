import Base
import Findings
import Foundation
import Store
import TestSupport
import Testing

@testable import Evidence

/// Bags written by `BagIt`/`EvidenceBundle`, checked by `BagVerifier`, by the Python `bagit` package (the Library of
/// Congress's reference implementation), and tampered with in every way that must be caught.
@Suite struct BagItTests {
    static func material(score: Double = 0.9, image: Data = Data("jpeg bytes".utf8)) -> BundleMaterial {
        let finding = FindingRecord(
            findingID: "f-0123456789abcdef", marketplace: "temu", listingID: "10003", sellerID: "s-1",
            url: "https://temu.example/10003", brand: "Acme", right: "tm-us-1", score: score, severity: .serious,
            status: .new, firstRun: "r1", lastRun: "r1", firstSeen: "2026-11-29T02:00:00Z",
            lastSeen: "2026-11-29T02:00:00Z",
            signals: [
                .image(
                    .init(
                        asset: "acme-logo", image: "images/a b.jpg", algorithm: "pdq", transform: "mirror", distance: 4)
                ),
                .wordMark(.init(mark: "ACME", found: "ACME", field: "title", span: [0, 4], how: "exact")),
            ])
        let raw = #"{"marketplace":"temu","listing_id":"10003","title":"ACME <b>deal</b>","extra_field":7}"#
        let evidence = FindingEvidence(
            finding: finding, listing: ListingSummary(raw: raw, marketplace: "temu", listingID: "10003"),
            right: RightSummary(id: "tm-us-1", type: "trademark", registration: "US 5,123,456"), owner: "Acme Co.")
        return BundleMaterial(
            evidence: evidence, listingRaw: raw,
            suspectImages: [.init(reference: "images/a b.jpg", position: 0, bytes: image)],
            assets: [.init(id: "acme-logo", file: URL(fileURLWithPath: "/x/acme-logo.png"), bytes: Data("png".utf8))],
            certificate: Data("%PDF-1.4 certificate".utf8),
            run: .init(id: "r1", date: "2026-11-29", toolVersion: "test", registrySHA256: "aa", dumpSHA256: "bb"))
    }

    static let sideBySide: EvidenceBundle.SideBySideRenderer = { _, registered, suspect, caption in
        registered + suspect + Data(caption.joined().utf8)
    }
    static let claimChart: EvidenceBundle.ClaimChartRenderer = { evidence, _, _ in
        "<p>\(HTML.escape(evidence.listing.title ?? ""))</p>"
    }

    @discardableResult
    static func write(
        _ material: BundleMaterial, to folder: URL, signer: BagSigner? = nil
    ) throws
        -> EvidenceBundle.Outcome
    {
        try EvidenceBundle.write(material, into: folder, signer: signer, sideBySide: sideBySide, claimChart: claimChart)
    }

    static func signer(in folder: TemporaryFolder, name: String = "key.pem") throws -> BagSigner {
        let file = try folder.write(BagSigner.generateKeyPair().privateKey, to: name)
        return try BagSigner(contentsOf: file)
    }

    @Test func aWrittenBagIsValidHereAndForThePythonBagitValidator() throws {
        let folder = try TemporaryFolder()
        try Self.write(Self.material(), to: folder.url)
        let bag = folder.url.appendingPathComponent("f-0123456789abcdef")
        let report = BagVerifier.verify(bag)
        #expect(report.isValid, "\(report.problems)")
        #expect(report.payloadFiles == 7)  // finding, listing, image, asset, certificate, side-by-side, claim chart
        let listing = try String(contentsOf: bag.appendingPathComponent("data/listing.json"), encoding: .utf8)
        #expect(listing.contains("\"extra_field\":7"))
        if let validator = try PythonBagit.validate([bag]) {
            #expect(validator.status == 0, "bagit.py: \(validator.output)")
        }
    }

    @Test func rebuildingFromTheSameMaterialGivesTheSameBytesAndAnUnchangedBagIsNotRewritten() throws {
        let one = try TemporaryFolder()
        let two = try TemporaryFolder()
        let keys = try TemporaryFolder()
        let signer = try Self.signer(in: keys)
        try Self.write(Self.material(), to: one.url, signer: signer)
        try Self.write(Self.material(), to: two.url, signer: signer)
        let files = try FileManager.default.subpathsOfDirectory(atPath: one.url.path).sorted()
        for file in files {
            let a = one.url.appendingPathComponent(file)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: a.path, isDirectory: &isDirectory), !isDirectory.boolValue
            else { continue }
            #expect(try Data(contentsOf: a) == Data(contentsOf: two.url.appendingPathComponent(file)), "\(file)")
        }
        let bag = one.url.appendingPathComponent("f-0123456789abcdef/bag-info.txt")
        let before = try FileManager.default.attributesOfItem(atPath: bag.path)[.modificationDate] as? Date
        #expect(try Self.write(Self.material(), to: one.url, signer: signer) == .unchanged)
        #expect(try FileManager.default.attributesOfItem(atPath: bag.path)[.modificationDate] as? Date == before)
        // New evidence (another image) makes a new bag.
        #expect(try Self.write(Self.material(image: Data("other".utf8)), to: one.url, signer: signer) == .written)
    }

    enum Tampering: String, CaseIterable {
        case payloadByteChanged, payloadFileAdded, payloadFileRemoved, tagFileAdded, bagInfoEdited, oxumEdited
        case signatureFromAnotherKey, signatureRemovedWhenTrusted
    }

    @Test(arguments: Tampering.allCases)
    func tamperingIsDetectedAndNamed(_ tampering: Tampering) throws {
        let folder = try TemporaryFolder()
        let signer = try Self.signer(in: folder)
        let bags = folder.url.appendingPathComponent("bags")
        try Self.write(Self.material(), to: bags, signer: signer)
        let bag = bags.appendingPathComponent("f-0123456789abcdef")
        let manager = FileManager.default
        let expectedFile: String
        switch tampering {
        case .payloadByteChanged:
            let image = bag.appendingPathComponent("data/images/1-a_b.jpg")
            var bytes = try Data(contentsOf: image)
            bytes[3] ^= 0x01
            try bytes.write(to: image)
            expectedFile = "data/images/1-a_b.jpg"
        case .payloadFileAdded:
            try Data("x".utf8).write(to: bag.appendingPathComponent("data/images/extra.jpg"))
            expectedFile = "data/images/extra.jpg"
        case .payloadFileRemoved:
            try manager.removeItem(at: bag.appendingPathComponent("data/claim-chart.html"))
            expectedFile = "data/claim-chart.html"
        case .tagFileAdded:
            try Data("note".utf8).write(to: bag.appendingPathComponent("notes.txt"))
            expectedFile = "notes.txt"
        case .bagInfoEdited:
            let info = bag.appendingPathComponent("bag-info.txt")
            let text = try String(contentsOf: info, encoding: .utf8).replacingOccurrences(of: "Acme Co.", with: "Evil")
            try Data(text.utf8).write(to: info)
            expectedFile = "bag-info.txt"
        case .oxumEdited:
            // Edited along with the tag manifest, so only Payload-Oxum (and the signature) can tell.
            let info = bag.appendingPathComponent("bag-info.txt")
            let text = try String(contentsOf: info, encoding: .utf8).replacingOccurrences(
                of: "Payload-Oxum: ", with: "Payload-Oxum: 1")
            try Data(text.utf8).write(to: info)
            let tags = bag.appendingPathComponent("tagmanifest-sha256.txt")
            let lines = try String(contentsOf: tags, encoding: .utf8).split(separator: "\n").map { line in
                line.hasSuffix("bag-info.txt") ? "\(Hashing.sha256Hex(Data(text.utf8)))  bag-info.txt" : String(line)
            }
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: tags)
            expectedFile = "bag-info.txt"
        case .signatureFromAnotherKey:
            let other = folder.url.appendingPathComponent("other")
            try Self.write(Self.material(score: 0.5), to: other, signer: try Self.signer(in: folder, name: "b.pem"))
            let signature = "proofmark-signature.txt"
            try manager.removeItem(at: bag.appendingPathComponent(signature))
            try manager.copyItem(
                at: other.appendingPathComponent("f-0123456789abcdef/\(signature)"),
                to: bag.appendingPathComponent(signature))
            expectedFile = signature
        case .signatureRemovedWhenTrusted:
            try manager.removeItem(at: bag.appendingPathComponent("proofmark-signature.txt"))
            expectedFile = "proofmark-signature.txt"
        }
        let report = BagVerifier.verify(bag, trustedKey: signer.publicKeyPEM)
        #expect(!report.isValid)
        #expect(report.problems.contains { $0.file == expectedFile }, "\(report.problems)")
    }

    @Test func signaturesAreRFC8032Ed25519AndReadOpenSSLKeys() throws {
        // RFC 8032 §7.1, test 1: the secret key, its public key, and the signature of the empty message.
        let seed = Data(hex: "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
        let folder = try TemporaryFolder()
        let key = try folder.write(PEM.encode(Ed25519DER.privatePrefix + seed, label: "PRIVATE KEY"), to: "k.pem")
        let signer = try BagSigner(contentsOf: key)
        let file = try signer.signatureFile(over: Data())
        let signature = try #require(
            file.split(separator: "\n").first { $0.hasPrefix("Signature: ") }.map { $0.dropFirst(11) })
        #expect(
            Data(base64Encoded: String(signature))
                == Data(
                    hex:
                        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
                ))
        #expect(
            PEM.decode(signer.publicKeyPEM, label: "PUBLIC KEY").flatMap(Ed25519DER.rawPublicKey)
                == Data(hex: "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"))
        let bad = try folder.write("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", to: "bad.pem")
        #expect(throws: EvidenceError.self) { try BagSigner(contentsOf: bad) }
    }

    @Test func payloadNamesAreSafe() {
        #expect(EvidenceBundle.safeName("https://cdn.example/x/../../etc/passwd?x=1") == "passwd")
        #expect(EvidenceBundle.safeName("images/..hidden") == "hidden")
        #expect(EvidenceBundle.safeName("图片.jpg") == "__.jpg")
        #expect(!BagIt.isSafe("../x") && !BagIt.isSafe("a//b") && BagIt.isSafe("images/1-a.jpg"))
    }
}

extension Data {
    init(hex: String) {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        self.init(bytes)
    }
}
