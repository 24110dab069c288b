import ArgumentParser
import Base
import Evidence
import Foundation

/// `proofmark verify`: checks evidence bundles as a third party would.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check evidence bundles: every checksum, Payload-Oxum, no file added or removed, the signature.",
        discussion: """
            Each bundle is a BagIt bag (RFC 8493). Prints one line per bundle (valid, signed or not, and the \
            fingerprint of the key it is signed with) and one line per problem, naming the file. With --public-key, \
            each bundle must be signed by that key. Without it, a signature only shows that the bag agrees with the \
            key it carries: anyone can re-sign a changed bag with a key of their own. Exit status: 0 when every \
            bundle is valid and signed by the --public-key; 1 when a bundle is invalid; 2 when every bundle is \
            valid but no trusted key was given (only self-consistent).
            """
    )

    @Option(help: "An Ed25519 public key (PEM) every bundle must be signed with.")
    var publicKey: String?

    @Argument(help: "Bundle folders (OUT/bundles/<finding id>).")
    var bundles: [String]

    func validate() throws {
        guard !bundles.isEmpty else { throw ValidationError("give at least one bundle folder") }
    }

    func run() throws {
        var trusted: String?
        if let publicKey {
            if let problem = InputFile.problem(publicKey) {
                throw ValidationError("--public-key \(publicKey) \(problem)")
            }
            do {
                trusted = try String(contentsOfFile: publicKey, encoding: .utf8)
            } catch {
                throw ValidationError("cannot read --public-key \(publicKey): \(error.localizedDescription)")
            }
        }
        var invalid = 0
        for bundle in bundles {
            let report = BagVerifier.verify(URL(fileURLWithPath: bundle), trustedKey: trusted)
            let key = report.keyFingerprint.map { " by key \($0)" } ?? ""
            if report.isValid {
                let signed =
                    report.signedBy == nil
                    ? "unsigned"
                    : report.signatureTrusted
                        ? "signed (Ed25519)\(key), the trusted key"
                        : "signed (Ed25519)\(key), only self-consistent: no trusted key given (--public-key)"
                print("\(bundle): valid, \(report.payloadFiles) payload files, \(signed)")
            } else {
                invalid += 1
                print("\(bundle): INVALID" + (key.isEmpty ? "" : " (signed\(key))"))
                for problem in report.problems { print("  \(bundle)/\(problem)") }
            }
        }
        if bundles.count > 1 { print("\(bundles.count - invalid) of \(bundles.count) bundles valid") }
        if invalid > 0 { throw ExitCode(1) }
        if trusted == nil {
            print("no trusted key given: the bundles are consistent, but who signed them was not checked")
            throw ExitCode(2)
        }
    }
}

/// `proofmark keygen`: an Ed25519 key pair for signing bundles.
struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Make an Ed25519 key pair for signing evidence bundles (proofmark run --signing-key).",
        discussion: """
            Writes the private key to FILE (PEM, PKCS #8, readable only by you) and the public key to FILE.pub \
            (PEM). The same files come from `openssl genpkey -algorithm ed25519 -out FILE` and \
            `openssl pkey -in FILE -pubout -out FILE.pub`. Give the public key to whoever checks the bundles \
            (proofmark verify --public-key FILE.pub). Refuses to overwrite an existing key.
            """
    )

    @Option(help: "Where to write the private key.")
    var out: String

    func run() throws {
        let publicPath = out + ".pub"
        for path in [out, publicPath] where FileManager.default.fileExists(atPath: path) {
            throw ValidationError("\(path) exists; move it away first (a signing key is never overwritten)")
        }
        let pair = BagSigner.generateKeyPair()
        guard
            FileManager.default.createFile(
                atPath: out, contents: Data(pair.privateKey.utf8), attributes: [.posixPermissions: 0o600])
        else { throw ValidationError("cannot write \(out)") }
        do {
            try DurableFile.write(Data(pair.publicKey.utf8), to: URL(fileURLWithPath: publicPath))
        } catch {
            throw ValidationError("cannot write \(error)")
        }
        print("wrote \(out) (private, keep it secret) and \(publicPath) (public)")
    }
}
