import Base
import Crypto
import Evidence
import Fetching
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
    /// Set when this call decoded the image (not found in the state file).
    var newFingerprint: FingerprintRecord?
    /// The run that computed the stored fingerprint: a resumed run counts what it decoded before the interruption.
    var fingerprintRun: String?
    /// Set when this run read the file's bytes: what `stat(2)` said, for the next night.
    var fileStat: FileStatRecord?
    /// Set when local features were checked tonight for an image fingerprinted on an earlier night.
    var featureVerdict: FeatureVerdict?
}

/// What one listing came to.
struct ListingOutcome: Sendable {
    var listing: Listing
    var images: [ImageOutcome]
    /// Marks, copied texts and cues in the title and description.
    var text: TextEvidence
    /// Its findings (before the minimum score), and how many brands matched but the seller is authorised.
    var findings: [TonightFinding] = []
    var authorized = 0
    /// See `computeContentSHA256()`.
    var contentSHA256 = ""
    /// Image references left out (``ImageSelection``), by reason.
    var skippedImages: [String: Int] = [:]

    /// SHA-256 of what makes a listing version: the fields a person reads (title, description, price, seller, url)
    /// and the images, by reference and by the bytes they led to. The capture time and unknown fields do not count.
    func computeContentSHA256() -> String {
        // Each field named and length-prefixed into one hash: no text is built on the way.
        var hasher = SHA256()
        func add(_ name: String, _ value: String?) {
            hasher.update(data: Data("\(name):\(value.map { "\($0.utf8.count):" } ?? "-")".utf8))
            if let value { hasher.update(data: Data(value.utf8)) }
        }
        add("title", listing.title)
        add("description", listing.description)
        add("price", listing.price.map { "\($0)" })
        add("currency", listing.currency)
        add("url", listing.url)
        add("seller_id", listing.sellerID)
        add("seller_name", listing.sellerName)
        add("seller_url", listing.sellerURL)
        for image in images {
            add("image", image.reference)
            add("sha256", image.sha256)
        }
        return Hashing.hex(hasher.finalize())
    }
}

/// Resolves, reads, fingerprints and matches one listing; pure work, safe to run on many listings at once.
///
/// An image file is read only when `stat(2)` says it changed since the night its bytes were hashed, and decoded
/// only when no night has fingerprinted those bytes: an unchanged night costs a `stat` and two indexed lookups per
/// image.
struct ListingProcessor: Sendable {
    let resolver: ImageResolver
    let index: ImageMatcher
    let text: TextMatcher
    let builder: FindingBuilder
    let store: StateStore
    let fetcher: ImageFetcher
    /// Bounds the listings decoded and matched at once (`--jobs`).
    let cpu: WorkLimiter
    /// Where the bytes of fetched images that match are kept for the evidence bundles (`EvidenceImages`).
    let evidenceImages: URL
    /// The most distinct images of one listing worked on (`--max-images-per-listing`).
    let maximumImages: Int
    /// Told the SHA-256 of every image sent to the matcher (tests count them); nothing in a run.
    var matching: (@Sendable (String) -> Void)? = nil

    /// Everything about one listing that does not depend on other listings: its images' fingerprints and matches,
    /// its marks, its findings and its version's content hash, so the run's single tallying loop only collects.
    func process(_ listing: Listing) async -> ListingOutcome {
        let selection = ImageSelection(listing.images, resolver: resolver, limit: maximumImages)
        // Network first, outside the CPU limit: fetched bytes (or the failure) per image position.
        var fetched: [Int: Result<Data, FetchError>] = [:]
        for kept in selection.kept {
            if case .success(.remote(let url)) = kept.source {
                fetched[kept.position] = await fetcher.fetch(url).map(\.bytes)
            }
        }
        return await cpu.run { [fetched] in
            var images: [ImageOutcome] = []
            var skipped = selection.skipped
            var contents = Set<String>()
            for kept in selection.kept {
                // The same bytes under another name would only repeat the first one's decoding, matches and
                // evidence: known by their SHA-256 before either.
                guard
                    let outcome = image(
                        kept.reference, source: kept.source, position: kept.position, fetched: fetched[kept.position],
                        skipping: contents)
                else {
                    skipped[ImageSelection.duplicateImage, default: 0] += 1
                    continue
                }
                if outcome.failure == nil, let sha256 = outcome.sha256 { contents.insert(sha256) }
                images.append(outcome)
            }
            var fields: [(name: String, text: String)] = []
            if let title = listing.title { fields.append(("title", title)) }
            if let description = listing.description { fields.append(("description", description)) }
            var outcome = ListingOutcome(listing: listing, images: images, text: text.match(fields))
            outcome.skippedImages = skipped
            (outcome.findings, outcome.authorized) = builder.findings(for: outcome)
            outcome.contentSHA256 = outcome.computeContentSHA256()
            return outcome
        }
    }

    /// A second look where hashes left doubt (`ImageMatcher.secondLook`): the state file's when it has one for this
    /// registry's feature key, else a look at the decoded picture (decoded again for an image fingerprinted on an
    /// earlier night); it is kept for the next night.
    private func addSecondLook(
        to outcome: inout ImageOutcome, fingerprint: FingerprintRecord, luma: (LumaPlane, Int)?, source: ImageSource,
        fetched: Result<Data, FetchError>?
    ) {
        if fingerprint.featureKey == index.featureKey, let text = fingerprint.featureMatches,
            let stored = FingerprintCodec.decode(secondLook: text)
        {
            outcome.matches = ImageMatcher.combined(outcome.matches, index.signals(stored))
            return
        }
        var pixels = luma
        if pixels == nil {
            let bytes: Data?
            switch source {
            case .file(let url): bytes = try? ImageDecoder.readFile(url.path)
            case .remote: bytes = try? fetched?.get()
            }
            // The bytes decoded on the night they were fingerprinted; if they no longer do (a file changed since its
            // stat), the hash matches stand alone and the next night's stat reads the file again.
            if let bytes, let decoded = try? Fingerprinter.fingerprintKeepingLuma(bytes, path: .fast) {
                pixels = (decoded.luma, decoded.fingerprint.scaleDenominator)
            }
        }
        guard let (plane, scale) = pixels else { return }
        let (look, signals) = index.secondLook(at: plane, scale: scale)
        outcome.matches = ImageMatcher.combined(outcome.matches, signals)
        let text = FingerprintCodec.encode(secondLook: look)
        if outcome.newFingerprint != nil {
            outcome.newFingerprint?.featureKey = index.featureKey
            outcome.newFingerprint?.featureMatches = text
        } else {
            outcome.featureVerdict = FeatureVerdict(
                sha256: fingerprint.sha256, featureKey: index.featureKey, matches: text)
        }
    }

    /// What one image reference came to; `nil` when its bytes are those of an image in `seen` (SHA-256s of images
    /// of the same listing worked on before it): such an image is neither decoded nor matched.
    private func image(
        _ reference: String, source resolved: Result<ImageSource, ImageReferenceError>, position: Int,
        fetched: Result<Data, FetchError>?, skipping seen: Set<String>
    ) -> ImageOutcome? {
        var outcome = ImageOutcome(position: position, reference: reference, matches: [])
        let source: ImageSource
        switch resolved {
        case .success(let resolved): source = resolved
        case .failure(let error):
            outcome.failure = ("refused-reference", error.reason)
            return outcome
        }
        let cache = FingerprintCache(store: store)
        let looked: Result<FingerprintCache.Found, FingerprintCache.Failure>?
        switch source {
        case .file(let url):
            looked = cache.fingerprint(ofFile: url.path, skipping: seen)
        case .remote:
            switch fetched {
            case .success(let bytes)?: looked = cache.fingerprint(of: bytes, skipping: seen)
            case .failure(let error)?:
                outcome.failure = (error.category, error.message)
                return outcome
            case nil:
                outcome.failure = ("not-fetched", "the image was not fetched")
                return outcome
            }
        }
        guard let found = looked else { return nil }
        let fingerprint: FingerprintRecord
        switch found {
        case .success(let found):
            fingerprint = found.record
            outcome.sha256 = found.record.sha256
            outcome.newFingerprint = found.computed ? found.record : nil
            outcome.fingerprintRun = found.record.firstRun
            outcome.fileStat = found.fileStat
        case .failure(let failure):
            outcome.sha256 = failure.sha256
            outcome.failure = (failure.error.category, failure.error.message)
            outcome.fileStat = failure.fileStat
            return outcome
        }
        outcome.width = fingerprint.width
        outcome.height = fingerprint.height
        if let suspect = FingerprintCodec.suspect(fingerprint) {
            matching?(fingerprint.sha256)
            outcome.matches = index.matches(for: suspect)
        }
        if index.needsSecondLook(after: outcome.matches) {
            addSecondLook(
                to: &outcome, fingerprint: fingerprint, luma: (try? found.get())?.luma, source: source, fetched: fetched
            )
        }
        // A fetched image is gone once the run ends; one that matched is evidence, so its bytes are kept.
        if !outcome.matches.isEmpty, case .success(let bytes)? = fetched {
            EvidenceImages.keep(bytes, sha256: fingerprint.sha256, in: evidenceImages)
        }
        return outcome
    }
}

/// Fingerprints of image files through the state file: by `stat(2)` first, then by the bytes' SHA-256, decoding
/// only bytes no night has fingerprinted with the current algorithm.
struct FingerprintCache: Sendable {
    let store: StateStore

    struct Found {
        var record: FingerprintRecord
        /// True when this call decoded the image.
        var computed: Bool
        /// Set when this call read the file.
        var fileStat: FileStatRecord?
        /// The decoded luminance and its DCT scale, when this call decoded the image.
        var luma: (LumaPlane, Int)?
    }

    struct Failure: Error {
        var error: ImageDecodingError
        var sha256: String?
        var fileStat: FileStatRecord?
    }

    /// The fingerprint of the file at `path`.
    func fingerprint(ofFile path: String) -> Result<Found, Failure> {
        guard let found = fingerprint(ofFile: path, skipping: []) else {
            preconditionFailure("nothing is skipped, so every file has an answer")
        }
        return found
    }

    /// The fingerprint of the file at `path`, or `nil` when its bytes' SHA-256 is one of `seen` (then they are not
    /// decoded).
    func fingerprint(ofFile path: String, skipping seen: Set<String>) -> Result<Found, Failure>? {
        let identity = FileIdentity(path: path)
        if let identity, let stored = try? store.fingerprint(ofUnchangedFile: identity.record(path: path, sha256: "")),
            stored.version == FingerprintCodec.version
        {
            return seen.contains(stored.sha256) ? nil : .success(Found(record: stored, computed: false))
        }
        let bytes: Data
        do {
            bytes = try ImageDecoder.readFile(path)
        } catch {
            return .failure(Failure(error: error))
        }
        return fingerprint(of: bytes, fileIdentity: identity.map { ($0, path) }, skipping: seen)
    }

    /// The fingerprint of `bytes` (read from a file, or fetched), from the state file or computed; `nil` when their
    /// SHA-256 is one of `seen`.
    func fingerprint(
        of bytes: Data, fileIdentity: (FileIdentity, String)? = nil, skipping seen: Set<String> = []
    ) -> Result<Found, Failure>? {
        let sha256 = Hashing.sha256Hex(bytes)
        guard !seen.contains(sha256) else { return nil }
        let stat = fileIdentity.map { $0.0.record(path: $0.1, sha256: sha256) }
        if let stored = try? store.fingerprint(sha256: sha256), stored.version == FingerprintCodec.version {
            return .success(Found(record: stored, computed: false, fileStat: stat))
        }
        do {
            let (fingerprint, luma) = try Fingerprinter.fingerprintKeepingLuma(bytes, path: .fast)
            let record = FingerprintCodec.record(fingerprint, sha256: sha256)
            return .success(
                Found(
                    record: record, computed: true, fileStat: stat, luma: (luma, fingerprint.scaleDenominator)))
        } catch {
            // The bytes were read and hashed: the stat is not kept, so a file that fails is read again tomorrow.
            return .failure(Failure(error: error, sha256: sha256))
        }
    }
}

/// What `stat(2)` says identifies a file's contents: device, inode, size, and modification and change times to the
/// nanosecond. Any write changes the change time, which no user call can set back, so a match means the bytes are
/// those that were hashed (the rule git's index relies on).
struct FileIdentity: Equatable {
    var device: Int64
    var inode: Int64
    var size: Int64
    var modified: Int64
    var changed: Int64

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        device = Int64(bitPattern: UInt64(info.st_dev))
        inode = Int64(bitPattern: UInt64(info.st_ino))
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
    }

    func record(path: String, sha256: String) -> FileStatRecord {
        FileStatRecord(
            path: path, device: device, inode: inode, size: size, modifiedNanoseconds: modified,
            changedNanoseconds: changed, sha256: sha256)
    }
}
