import Foundation
import Imaging
import PerceptualHash
import TestSupport
import Testing

/// Runs every conformance vector of the repository (`Tests/PerceptualHashTests/Fixtures/pdq`: pictures drawn by
/// `make_vectors.py`, hashes from facebook/ThreatExchange's reference C++ through the `pdqhash` package) through
/// both hashing paths.
@Suite struct PDQConformanceTests {
    static let vectors: [PDQVector] = (try? PDQVector.all()) ?? []

    @Test func everyImageOfTheVectorFolderIsAVectorAndNoneIsMissing() throws {
        let images = try FileManager.default.contentsOfDirectory(
            atPath: Fixtures.pdqVectors.appendingPathComponent("images").path)
        #expect(Set(images) == Set(Self.vectors.map(\.file)))
        #expect(Self.vectors.count == images.count)
        // At least as many as the 49 photos these vectors replaced, in every format the decoders read.
        #expect(Self.vectors.count >= 49)
        let suffixes = Set(Self.vectors.map { ($0.file as NSString).pathExtension })
        #expect(suffixes == ["jpg", "png", "webp"])
    }

    @Test(arguments: vectors)
    func exactPathIsBitIdenticalToTheReference(vector: PDQVector) throws {
        let fingerprint = try Self.expectExactPathMatches(vector, allowance: 0)
        #expect(fingerprint.orientation.rawValue == vector.orientation)
    }

    @Test(arguments: vectors)
    func fastPathStaysWithinItsTolerance(vector: PDQVector) throws {
        try Self.expectFastPathWithinTolerance(vector)
    }

    /// The exact path's hash, quality, size and dihedral hashes against the reference's, within `allowance` bits;
    /// returns the fingerprint for further checks.
    @discardableResult
    static func expectExactPathMatches(_ vector: PDQVector, allowance: Int) throws -> ImageFingerprint {
        let fingerprint = try Fingerprinter.fingerprint(contentsOfFile: vector.url.path, path: .exact)
        let expected = try #require(PDQHash(hex: vector.pdq))
        #expect(fingerprint.pdq.distance(to: expected) <= allowance, "pdq \(fingerprint.pdq.hex)")
        #expect(fingerprint.quality == vector.quality)
        #expect(fingerprint.width == vector.width && fingerprint.height == vector.height)
        for variant in PDQVariant.allCases where variant != .original {
            let reference = try #require(PDQHash(hex: vector.dihedral[variant.rawValue] ?? ""))
            let ours = try #require(fingerprint.pdqDihedral[variant])
            #expect(ours.distance(to: reference) <= allowance, "\(variant.rawValue)")
        }
        return fingerprint
    }

    /// The fast path: PNG and WebP identical to the reference, JPEGs within `Fingerprinter.fastPathToleranceBits`.
    static func expectFastPathWithinTolerance(_ vector: PDQVector) throws {
        let fingerprint = try Fingerprinter.fingerprint(contentsOfFile: vector.url.path, path: .fast)
        let expected = try #require(PDQHash(hex: vector.pdq))
        let distance = fingerprint.pdq.distance(to: expected)
        if fingerprint.format == .png {
            #expect(distance == 0, "PNGs have no approximate decode")
        } else {
            #expect(distance <= Fingerprinter.fastPathToleranceBits)
        }
        for variant in PDQVariant.allCases where variant != .original {
            let reference = try #require(PDQHash(hex: vector.dihedral[variant.rawValue] ?? ""))
            let ours = try #require(fingerprint.pdqDihedral[variant])
            #expect(ours.distance(to: reference) <= Fingerprinter.fastPathToleranceBits, "\(variant.rawValue)")
        }
    }
}

/// The original 49 vectors in `../shared/testvectors/pdq` (photos from facebook/ThreatExchange's `pdq/data` and
/// scikit-image), where the project's machines keep them beside the clone: a cross-check on real photos that the
/// repository cannot hold. Skipped, saying so, where the folder is absent.
@Suite(
    .enabled(
        if: Fixtures.sharedPDQVectors != nil,
        "../shared/testvectors/pdq is not beside the clone: the cross-check on the original 49 photos is skipped"))
struct SharedPDQConformanceTests {
    static let vectors: [PDQVector] = Fixtures.sharedPDQVectors.flatMap { try? PDQVector.all(in: $0) } ?? []

    @Test func vectorsArePresent() {
        #expect(Self.vectors.count == 49, "expected the 49 vectors of ../shared/testvectors/pdq")
    }

    @Test(arguments: vectors)
    func exactPathIsBitIdenticalToTheReference(vector: PDQVector) throws {
        // The shared README allows its CMYK file 10 bits (CMYK to RGB is one rule among several). We follow
        // Pillow's rule, as the reference pixels do, and our own CMYK vectors are held to identity.
        try PDQConformanceTests.expectExactPathMatches(vector, allowance: vector.file == "modes-CMYK.jpg" ? 10 : 0)
    }

    @Test(arguments: vectors)
    func fastPathStaysWithinItsTolerance(vector: PDQVector) throws {
        try PDQConformanceTests.expectFastPathWithinTolerance(vector)
    }
}
