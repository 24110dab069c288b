public import Foundation
public import Testing

/// Locations of test inputs shared by every test target.
public enum Fixtures {
    /// The package's root folder (the one holding Package.swift).
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        // Tests/Support/Fixtures.swift -> package root
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// `Tests/PerceptualHashTests/Fixtures/pdq`: the repository's PDQ conformance vectors, pictures drawn by its
    /// `make_vectors.py` with the reference's hashes of them.
    public static let pdqVectors: URL = packageRoot.appendingPathComponent("Tests/PerceptualHashTests/Fixtures/pdq")

    /// `../shared/testvectors/pdq` beside the clone: the original 49 vectors (photos from facebook/ThreatExchange
    /// and scikit-image), kept on the project's own machines only; `nil` where the folder is absent. Tests that use
    /// it are an extra cross-check and say they were skipped when it is missing.
    public static let sharedPDQVectors: URL? = {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/testvectors/pdq")
        let csv = url.appendingPathComponent("expected.csv").path
        return FileManager.default.fileExists(atPath: csv) ? url : nil
    }()
}

extension Fixtures {
    /// `Tests/ImagingTests/Fixtures`: the decoder corpus and its `expected.tsv`.
    public static let decoderCorpus: URL = packageRoot.appendingPathComponent("Tests/ImagingTests/Fixtures")

    /// `Samples/` at the package root.
    public static let samples: URL = packageRoot.appendingPathComponent("Samples")

    /// FNV-1a 64 of `bytes`, as `make_corpus.py` computes it: a checksum for comparing decoded pixels with the
    /// expectations, not a security hash.
    public static func fnv1a64(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// One line of the decoder corpus's `expected.tsv`.
public struct CorpusExpectation: Sendable, CustomTestStringConvertible {
    /// Path relative to the corpus folder.
    public let file: String
    /// `ok`, or the error category the file must give.
    public let outcome: String
    public let width: Int?
    public let height: Int?
    public let channels: Int?
    /// FNV-1a 64 of the decoded samples, orientation applied.
    public let checksum: String?

    public var url: URL { Fixtures.decoderCorpus.appendingPathComponent(file) }
    public var testDescription: String { file }

    /// Every expectation in file order.
    public static func all() throws -> [CorpusExpectation] {
        let text = try String(
            contentsOf: Fixtures.decoderCorpus.appendingPathComponent("expected.tsv"), encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("#") }.map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            func field(_ index: Int) -> String? {
                index < fields.count && !fields[index].isEmpty ? fields[index] : nil
            }
            return CorpusExpectation(
                file: fields[0], outcome: field(1) ?? "", width: field(2).flatMap { Int($0) },
                height: field(3).flatMap { Int($0) }, channels: field(4).flatMap { Int($0) }, checksum: field(5))
        }
    }
}
