import Base
import FaultInjection
public import Foundation

/// A BagIt bag (RFC 8493, version 1.0) to write: payload files under `data/`, and the lines of `bag-info.txt`.
///
/// The writer adds `bagit.txt`, `Payload-Oxum`, `manifest-sha256.txt` and `tagmanifest-sha256.txt`, and an optional
/// Ed25519 signature over the tag manifest (`BagSignature`). Everything is written in a fixed order with no clock
/// read, so the same contents give the same bytes.
public struct BagContents: Sendable {
    /// A payload file: its path below `data/` (`/`-separated, no `..`) and its bytes.
    public struct File: Sendable {
        public var path: String
        public var bytes: Data

        public init(path: String, bytes: Data) {
            self.path = path
            self.bytes = bytes
        }
    }

    public var payload: [File] = []
    /// `bag-info.txt` lines in order (label, value); `Payload-Oxum` is added by the writer.
    public var info: [(label: String, value: String)] = []

    public init() {}
}

/// Writing and checking BagIt bags (RFC 8493).
public enum BagIt {
    static let version = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
    static let signatureFile = "proofmark-signature.txt"
    /// Tag files a bag written here may hold, besides those its tag manifest lists.
    static let unlistedTagFiles: Set<String> = ["tagmanifest-sha256.txt", signatureFile]

    /// Writes `contents` as a bag at `folder`, atomically: the bag is built in a temporary folder beside it and
    /// renamed into place, so a reader sees the old bag or the new one, never a half-written one. Nothing is flushed
    /// to disk (`BagFolder`): a caller that records the bag as made flushes its file system first.
    public static func write(
        _ contents: BagContents, to folder: URL, signer: BagSigner? = nil
    ) throws(EvidenceError) {
        let parent = folder.deletingLastPathComponent()
        let temporary = parent.appendingPathComponent(".\(folder.lastPathComponent).\(UUID().uuidString).tmp")
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
            let bag = try BagFolder(creating: temporary.path)
            var manifest = ""
            var octets = 0
            for file in contents.payload.sorted(by: { $0.path < $1.path }) {
                guard isSafe(file.path) else {
                    throw EvidenceError(path: folder.path, message: "payload path \(file.path) is not allowed")
                }
                try bag.write(file.bytes, to: "data/" + file.path)
                manifest += "\(Hashing.sha256Hex(file.bytes))  \(encode("data/" + file.path))\n"
                octets += file.bytes.count
            }
            var info = ""
            for (label, value) in contents.info {
                info += "\(label): \(value.replacingOccurrences(of: "\n", with: " "))\n"
            }
            info += "Payload-Oxum: \(octets).\(contents.payload.count)\n"
            let tags: [(String, Data)] = [
                ("bagit.txt", Data(version.utf8)), ("bag-info.txt", Data(info.utf8)),
                ("manifest-sha256.txt", Data(manifest.utf8)),
            ]
            var tagManifest = ""
            for (name, bytes) in tags {
                try bag.write(bytes, to: name)
                tagManifest += "\(Hashing.sha256Hex(bytes))  \(name)\n"
            }
            let tagManifestBytes = Data(tagManifest.utf8)
            try bag.write(tagManifestBytes, to: "tagmanifest-sha256.txt")
            if let signer {
                try bag.write(Data(signer.signatureFile(over: tagManifestBytes).utf8), to: signatureFile)
            }
            Checkpoint.bagBeforeRename.reached()
            try replace(folder, with: temporary)
        } catch let error as EvidenceError {
            try? fileManager.removeItem(at: temporary)
            throw error
        } catch {
            try? fileManager.removeItem(at: temporary)
            throw EvidenceError(path: folder.path, message: "cannot write the bag: \(error.localizedDescription)")
        }
    }

    /// Puts the new bag in place of the old one: the old is moved aside, the new renamed in, the old removed.
    private static func replace(_ folder: URL, with temporary: URL) throws {
        let fileManager = FileManager.default
        var aside: URL?
        if fileManager.fileExists(atPath: folder.path) {
            let old = folder.deletingLastPathComponent().appendingPathComponent(
                ".\(folder.lastPathComponent).\(UUID().uuidString).old")
            guard rename(folder.path, old.path) == 0 else { throw posixError("cannot move the old bag aside") }
            aside = old
        }
        guard rename(temporary.path, folder.path) == 0 else {
            if let aside { _ = rename(aside.path, folder.path) }
            throw posixError("cannot rename the new bag into place")
        }
        if let aside { try? fileManager.removeItem(at: aside) }
    }

    private static func posixError(_ message: String) -> any Error {
        CocoaError(
            .fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "\(message): \(String(cString: strerror(errno)))"])
    }

    /// A payload path: relative, `/`-separated, no empty, `.` or `..` components, no control characters.
    static func isSafe(_ path: String) -> Bool {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        return !components.isEmpty
            && components.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
            && !path.unicodeScalars.contains { $0.value < 0x20 || $0 == "\\" }
    }

    /// A file path as a manifest writes it: `%`, CR and LF percent-encoded (RFC 8493 §2.1.3).
    static func encode(_ path: String) -> String {
        path.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func decode(_ path: String) -> String {
        path.replacingOccurrences(of: "%0D", with: "\r").replacingOccurrences(of: "%0A", with: "\n")
            .replacingOccurrences(of: "%25", with: "%")
    }
}

/// Evidence could not be written or read; the path and what went wrong.
public struct EvidenceError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
