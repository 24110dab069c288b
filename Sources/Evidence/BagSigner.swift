import Crypto
public import Foundation

/// Signs a bag's tag manifest with Ed25519 (RFC 8032, through swift-crypto), so that who made the evidence can be
/// checked as well as that it was not changed: the tag manifest holds the hashes of `bag-info.txt` and of the
/// payload manifest, which holds the hash of every payload file.
///
/// Keys are the PEM files OpenSSL writes and reads (`openssl genpkey -algorithm ed25519 -out key.pem`, PKCS #8;
/// `openssl pkey -in key.pem -pubout -out key.pub.pem`, SubjectPublicKeyInfo), or `proofmark keygen`. The signature
/// travels in the bag as `proofmark-signature.txt`, with the public key, so `openssl pkeyutl -verify -rawin` can check
/// it too.
public struct BagSigner: Sendable {
    /// The key's 32-byte seed (swift-crypto's key type is not `Sendable`; it is rebuilt for each use).
    private let seed: Data
    /// The public key, as SubjectPublicKeyInfo DER.
    private let publicKeyDER: Data

    /// The signer for the private key in `file` (PEM, PKCS #8 Ed25519).
    public init(contentsOf file: URL) throws(EvidenceError) {
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw EvidenceError(path: file.path, message: "cannot read the signing key: \(error.localizedDescription)")
        }
        guard let der = PEM.decode(text, label: "PRIVATE KEY"), der.count == 48,
            der.prefix(16).elementsEqual(Ed25519DER.privatePrefix)
        else {
            throw EvidenceError(
                path: file.path,
                message: "not an Ed25519 private key in PEM (PKCS #8); make one with "
                    + "`proofmark keygen` or `openssl genpkey -algorithm ed25519`")
        }
        do {
            let key = try Curve25519.Signing.PrivateKey(rawRepresentation: der.suffix(32))
            publicKeyDER = Ed25519DER.publicPrefix + key.publicKey.rawRepresentation
        } catch {
            throw EvidenceError(path: file.path, message: "the Ed25519 key is not valid: \(error)")
        }
        seed = Data(der.suffix(32))
    }

    /// A new key pair as PEM texts (private PKCS #8, public SubjectPublicKeyInfo).
    public static func generateKeyPair() -> (privateKey: String, publicKey: String) {
        let key = Curve25519.Signing.PrivateKey()
        return (
            PEM.encode(Ed25519DER.privatePrefix + key.rawRepresentation, label: "PRIVATE KEY"),
            PEM.encode(Ed25519DER.publicPrefix + key.publicKey.rawRepresentation, label: "PUBLIC KEY")
        )
    }

    /// The public key, as a PEM text.
    public var publicKeyPEM: String { PEM.encode(publicKeyDER, label: "PUBLIC KEY") }

    /// `proofmark-signature.txt` for a tag manifest's bytes. Ed25519 signatures are deterministic, so the same key
    /// and bytes give the same file.
    func signatureFile(over tagManifest: Data) throws -> String {
        let signature = try Curve25519.Signing.PrivateKey(rawRepresentation: seed).signature(for: tagManifest)
        return """
            Algorithm: Ed25519
            Signed-File: tagmanifest-sha256.txt
            Public-Key: \(publicKeyDER.base64EncodedString())
            Signature: \(Data(signature).base64EncodedString())

            """
    }
}

/// The fixed DER framing of Ed25519 keys (RFC 8410): PKCS #8 private keys and SubjectPublicKeyInfo public keys.
enum Ed25519DER {
    static let privatePrefix = Data([
        0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
    ])
    static let publicPrefix = Data([0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00])

    /// The 32 raw bytes of a SubjectPublicKeyInfo Ed25519 key, or nil.
    static func rawPublicKey(_ der: Data) -> Data? {
        guard der.count == 44, der.prefix(12).elementsEqual(publicPrefix) else { return nil }
        return der.suffix(32)
    }
}

/// PEM (RFC 7468): base64 between BEGIN and END lines.
enum PEM {
    static func encode(_ der: Data, label: String) -> String {
        let body = der.base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        return "-----BEGIN \(label)-----\n\(body)\n-----END \(label)-----\n"
    }

    static func decode(_ text: String, label: String) -> Data? {
        guard let begin = text.range(of: "-----BEGIN \(label)-----"),
            let end = text.range(of: "-----END \(label)-----", range: begin.upperBound..<text.endIndex)
        else { return nil }
        let body = text[begin.upperBound..<end.lowerBound].filter { !$0.isWhitespace }
        return Data(base64Encoded: String(body))
    }
}
