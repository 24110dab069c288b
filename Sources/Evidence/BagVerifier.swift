import Base
import Crypto
public import Foundation

/// Checks a bag the way a court's expert or a platform would: every checksum, `Payload-Oxum`, that no payload or tag
/// file was added or removed, and the signature when there is one (RFC 8493 §3, "Valid").
public enum BagVerifier {
    /// One thing wrong with a bag, naming the file.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public var file: String
        public var message: String
        public var description: String { "\(file): \(message)" }
    }

    /// What checking a bag found.
    public struct Report: Sendable {
        public var problems: [Problem] = []
        /// The signer's public key (PEM) when the bag is signed and the signature holds.
        public var signedBy: String?
        /// `SHA256:` and the base64 SHA-256 of the signing key's DER (as OpenSSH shows key fingerprints), whenever
        /// the bag carries a key it could read, valid signature or not: who signed, not only that someone did.
        public var keyFingerprint: String?
        /// Whether the signature was checked against a key the caller trusts; without one, a valid signature only
        /// shows the bag is consistent with whatever key it carries (anyone can re-sign a bag with their own key).
        public var signatureTrusted = false
        public var payloadFiles = 0
        public var isValid: Bool { problems.isEmpty }
    }

    /// Checks the bag at `folder`; with `trustedKey` (a public key PEM), the bag must be signed by that key.
    public static func verify(_ folder: URL, trustedKey: String? = nil) -> Report {
        var report = Report()
        func problem(_ file: String, _ message: String) {
            report.problems.append(Problem(file: file, message: message))
        }
        func read(_ name: String) -> Data? { try? Data(contentsOf: folder.appendingPathComponent(name)) }

        guard let declaration = read("bagit.txt") else {
            problem("bagit.txt", "missing: this is not a bag")
            return report
        }
        if String(decoding: declaration, as: UTF8.self) != BagIt.version {
            problem("bagit.txt", "is not the BagIt 1.0 declaration")
        }
        // The payload: every file listed, with its checksum, and no file that is not listed.
        let listed = manifest("manifest-sha256.txt", in: folder, problem: problem)
        for (path, expected) in listed.sorted(by: { $0.key < $1.key }) {
            guard path.hasPrefix("data/"), BagIt.isSafe(path) else {
                problem("manifest-sha256.txt", "lists \(path), which is outside data/")
                continue
            }
            let url = folder.appendingPathComponent(path)
            guard let bytes = try? Data(contentsOf: url) else {
                problem(path, "listed in manifest-sha256.txt but missing (removed?)")
                continue
            }
            if Hashing.sha256Hex(bytes) != expected {
                problem(path, "checksum differs from manifest-sha256.txt (changed)")
            }
        }
        for path in files(under: folder.appendingPathComponent("data"), prefix: "data/") where listed[path] == nil {
            problem(path, "not listed in manifest-sha256.txt (added)")
        }
        report.payloadFiles = listed.count
        // Payload-Oxum: the quick check of the payload's size and count.
        let info = read("bag-info.txt").map { String(decoding: $0, as: UTF8.self) } ?? ""
        if let line = lines(info).first(where: { $0.hasPrefix("Payload-Oxum:") }) {
            let value = line.dropFirst("Payload-Oxum:".count).trimmingCharacters(in: .whitespaces)
            let actual = oxum(of: folder)
            if value != actual { problem("bag-info.txt", "Payload-Oxum \(value) but the payload is \(actual)") }
        } else {
            problem("bag-info.txt", "has no Payload-Oxum")
        }
        // Tag files: the tag manifest's checksums, and no tag file it does not account for.
        let tags = manifest("tagmanifest-sha256.txt", in: folder, problem: problem)
        if tags.isEmpty { problem("tagmanifest-sha256.txt", "missing or empty") }
        for (name, expected) in tags.sorted(by: { $0.key < $1.key }) {
            // A tag file is a file of the bag's top folder or below it, never data/ and never outside the bag.
            guard BagIt.isSafe(name), !name.hasPrefix("data/") else {
                problem("tagmanifest-sha256.txt", "lists \(name), which is not a tag file inside the bag")
                continue
            }
            guard let bytes = read(name) else {
                problem(name, "listed in tagmanifest-sha256.txt but missing (removed?)")
                continue
            }
            if Hashing.sha256Hex(bytes) != expected {
                problem(name, "checksum differs from tagmanifest-sha256.txt (changed)")
            }
        }
        for name in ["bagit.txt", "bag-info.txt", "manifest-sha256.txt"] where tags[name] == nil {
            problem("tagmanifest-sha256.txt", "does not list \(name)")
        }
        for path in files(under: folder, prefix: "") where !path.hasPrefix("data/") {
            if tags[path] == nil, !BagIt.unlistedTagFiles.contains(path) {
                problem(path, "not listed in tagmanifest-sha256.txt (added)")
            }
        }
        // The signature.
        if let signature = read(BagIt.signatureFile) {
            checkSignature(
                String(decoding: signature, as: UTF8.self), over: read("tagmanifest-sha256.txt") ?? Data(),
                trustedKey: trustedKey, report: &report)
        } else if trustedKey != nil {
            problem(BagIt.signatureFile, "missing: the bag is not signed")
        }
        return report
    }

    /// Whether the bag's `Payload-Oxum` matches the files under `data/` (sizes from `stat`, no reading).
    static func payloadOxumHolds(_ folder: URL) -> Bool {
        guard let info = try? String(contentsOf: folder.appendingPathComponent("bag-info.txt"), encoding: .utf8),
            let line = lines(info).first(where: { $0.hasPrefix("Payload-Oxum:") })
        else { return false }
        let value = line.dropFirst("Payload-Oxum:".count).trimmingCharacters(in: .whitespaces)
        return value == oxum(of: folder)
    }

    /// `<octets>.<files>` of the files under the bag's `data/`.
    static func oxum(of folder: URL) -> String {
        let onDisk = files(under: folder.appendingPathComponent("data"), prefix: "data/")
        let octets = onDisk.reduce(0) { total, path in
            total
                + ((try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(path).path))?[
                    .size] as? Int ?? 0)
        }
        return "\(octets).\(onDisk.count)"
    }

    private static func checkSignature(
        _ text: String, over tagManifest: Data, trustedKey: String?, report: inout Report
    ) {
        var fields: [String: String] = [:]
        for line in lines(text) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let file = BagIt.signatureFile
        guard fields["Algorithm"] == "Ed25519", fields["Signed-File"] == "tagmanifest-sha256.txt",
            let keyText = fields["Public-Key"], let keyDER = Data(base64Encoded: keyText),
            let raw = Ed25519DER.rawPublicKey(keyDER),
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw),
            let signatureText = fields["Signature"], let signature = Data(base64Encoded: signatureText)
        else {
            report.problems.append(Problem(file: file, message: "is not an Ed25519 signature this version reads"))
            return
        }
        report.keyFingerprint = fingerprint(ofKey: keyDER)
        guard key.isValidSignature(signature, for: tagManifest) else {
            report.problems.append(
                Problem(file: file, message: "the signature does not match tagmanifest-sha256.txt (changed or forged)"))
            return
        }
        let pem = PEM.encode(keyDER, label: "PUBLIC KEY")
        if let trustedKey {
            guard let trusted = PEM.decode(trustedKey, label: "PUBLIC KEY"), trusted == keyDER else {
                report.problems.append(Problem(file: file, message: "signed, but not by the trusted key"))
                return
            }
        }
        report.signedBy = pem
        report.signatureTrusted = trustedKey != nil
    }

    /// `SHA256:<base64 of the SHA-256 of the key's DER, unpadded>`.
    public static func fingerprint(ofKey der: Data) -> String {
        "SHA256:" + Data(SHA256.hash(data: der)).base64EncodedString().replacingOccurrences(of: "=", with: "")
    }

    /// The lines of a tag file, whichever of LF, CR or CRLF ends them (RFC 8493 §2.1: "the line terminator
    /// [...] may be LF, CR or CRLF"); Swift reads CRLF as one character, so splitting on LF alone missed it.
    static func lines(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: true) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
    }

    /// A manifest's entries (path → checksum); malformed lines are problems.
    private static func manifest(
        _ name: String, in folder: URL, problem: (String, String) -> Void
    ) -> [String: String] {
        guard let bytes = try? Data(contentsOf: folder.appendingPathComponent(name)) else {
            if name == "manifest-sha256.txt" { problem(name, "missing") }
            return [:]
        }
        var entries: [String: String] = [:]
        for (index, line) in lines(String(decoding: bytes, as: UTF8.self)).enumerated() {
            let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            guard parts.count == 2, parts[0].count == 64 else {
                problem(name, "line \(index + 1) is not `checksum path`")
                continue
            }
            let path = BagIt.decode(parts[1].trimmingCharacters(in: .whitespaces))
            if entries[path] != nil { problem(name, "lists \(path) twice") }
            entries[path] = parts[0].lowercased()
        }
        return entries
    }

    /// Every regular file below `folder`, as `/`-separated paths with `prefix`; sorted.
    private static func files(under folder: URL, prefix: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var found: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(
                atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                found.append(prefix + path)
            }
        }
        return found.sorted()
    }
}
