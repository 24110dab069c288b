import Foundation
import Imaging
import Intake
import Matching
import PerceptualHash
import Store

/// What one image reference of a listing came to.
struct ImageOutcome: Sendable {
    var position: Int
    var reference: String
    var sha256: String?
    var width: Int?
    var height: Int?
    var failure: (category: String, message: String)?
    var matches: [ImageMatch]
    /// Set when this run decoded the image (not found in the state file).
    var newFingerprint: FingerprintRecord?
}

/// What one listing came to.
struct ListingOutcome: Sendable {
    var listing: Listing
    var images: [ImageOutcome]
    var marks: [MarkMatch]
}

/// Resolves, reads, fingerprints and matches one listing; pure work, safe to run on many listings at once.
struct ListingProcessor: Sendable {
    let resolver: ImageResolver
    let index: PDQIndex
    let marks: WordMarkFinder
    let store: StateStore

    func process(_ listing: Listing) -> ListingOutcome {
        let images = listing.images.enumerated().map { image($1, position: $0) }
        var found: [MarkMatch] = []
        if let title = listing.title { found += marks.find(in: title, field: "title") }
        if let description = listing.description { found += marks.find(in: description, field: "description") }
        return ListingOutcome(listing: listing, images: images, marks: found)
    }

    private func image(_ reference: String, position: Int) -> ImageOutcome {
        var outcome = ImageOutcome(position: position, reference: reference, matches: [])
        let source: ImageSource
        switch resolver.resolve(reference) {
        case .success(let resolved): source = resolved
        case .failure(let error):
            outcome.failure = ("refused-reference", error.reason)
            return outcome
        }
        guard case .file(let url) = source else {
            outcome.failure = ("not-fetched", "image URLs are not fetched yet; only files beside the dump are read")
            return outcome
        }
        let bytes: Data
        do {
            bytes = try ImageDecoder.readFile(url.path)
        } catch {
            outcome.failure = (error.category, error.message)
            return outcome
        }
        let sha256 = Digest.sha256Hex(bytes)
        outcome.sha256 = sha256
        let record: FingerprintRecord
        if let stored = try? store.fingerprint(sha256: sha256) {
            record = stored
        } else {
            do {
                record = FingerprintCodec.record(try Fingerprinter.fingerprint(bytes, path: .fast), sha256: sha256)
                outcome.newFingerprint = record
            } catch {
                outcome.failure = (error.category, error.message)
                return outcome
            }
        }
        outcome.width = record.width
        outcome.height = record.height
        if let hash = PDQHash(hex: record.pdq) {
            outcome.matches = index.matches(for: hash, quality: record.quality)
        }
        return outcome
    }
}

/// Fingerprints as the state file stores them.
enum FingerprintCodec {
    static func record(_ fingerprint: ImageFingerprint, sha256: String) -> FingerprintRecord {
        var dihedral: [String: JSON] = [:]
        for (variant, hash) in fingerprint.pdqDihedral { dihedral[variant.rawValue] = .string(hash.hex) }
        return FingerprintRecord(
            sha256: sha256, format: fingerprint.format.rawValue, width: fingerprint.width, height: fingerprint.height,
            path: fingerprint.path.rawValue, pdq: fingerprint.pdq.hex, quality: fingerprint.quality,
            dhash: fingerprint.dhash.hex, dihedral: JSON.object(dihedral).text)
    }
}
