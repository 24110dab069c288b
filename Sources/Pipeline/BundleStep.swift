import Base
import Evidence
import FaultInjection
import Findings
import Foundation
import Imaging
import Intake
import Store
import Synchronization

/// Writes the evidence bundle of every finding a run saw (`OUT/bundles/<finding id>`), after the night is complete.
///
/// Each bag holds the suspect images byte for byte as the run read them: files beside the dump are read again and
/// must still have the SHA-256 the run recorded (a file changed since is reported, not bundled); images fetched by URL
/// come from `OUT/evidence-images/`, where the run kept the bytes of every fetched image that matched. Bags whose
/// evidence did not change since an earlier night are left untouched. Bags are made `jobs` at a time; each is the
/// same bytes whatever `jobs` is (pictures are drawn from the bag's own material; registered assets are decoded once
/// a night through `DecodedPictures`, which gives the same pixels as decoding them again). A bag's first side-by-side
/// picture is shrunk into the report's thumbnail while still in memory.
struct BundleStep {
    let store: StateStore
    let registry: Registry
    let resolver: ImageResolver
    let evidenceImages: URL
    let bundles: URL
    let run: BundleMaterial.Run
    let signer: BagSigner?
    let jobs: Int
    /// The side-by-side picture of an image signal (registered asset's bytes, suspect image's bytes, caption); nil
    /// when it cannot be drawn. Encoded as PNG here, and the bag's first one shrunk into the report's thumbnail.
    let sideBySide: EvidenceRenderers.PictureRenderer
    /// Where the report's thumbnails of the bags made go (`OUT`, as `MorningReport.writeThumbnail` takes it).
    let outputFolder: URL
    let claimChart: EvidenceBundle.ClaimChartRenderer

    struct Summary {
        var written = 0
        var unchanged = 0
        var problems: [String] = []
    }

    func write(runID: String) async throws(StoreError) -> Summary {
        let inputs = try store.bundleInputs(runID: runID)
        let keys = try store.bundleKeys()
        var summary = Summary()
        var made: [(findingID: String, evidenceKey: String)] = []
        let assets = AssetFiles(registry: registry)
        await withTaskGroup(of: (String, Result<BagOutcome, BundleProblem>).self) { group in
            var iterator = inputs.makeIterator()
            func submit() -> Bool {
                guard let input = iterator.next() else { return false }
                let previous = keys[input.finding.findingID]
                group.addTask { (input.finding.findingID, self.bundle(input, previous: previous, assets: assets)) }
                return true
            }
            for _ in 0..<max(1, jobs) where !submit() { break }
            for await (findingID, outcome) in group {
                switch outcome {
                case .success(.written(let key)):
                    Checkpoint.bagWritten.reached()
                    summary.written += 1
                    made.append((findingID, key))
                case .success(.unchanged): summary.unchanged += 1
                case .failure(let problem): summary.problems.append(problem.message)
                }
                _ = submit()
            }
        }
        // Crash safety: the bags' files are written without a flush each; before the state file records their keys,
        // one flush of the bundles' file system puts every bag of the night on disk. So a key the state file holds
        // names a bag whole on disk, and a bag whose key is not recorded yet (a crash before this point) is made
        // again by the next run, whatever the crash left of it.
        if !made.isEmpty { FileSystemFlush.flush(containing: bundles) }
        try store.recordBundles(made.sorted { $0.findingID < $1.findingID }, runID: runID)
        Checkpoint.bagsRecorded.reached()
        summary.problems.sort()
        // Counted from the state file, so a run finished after an interruption reports what an uninterrupted one
        // would: bags made by this run (before the interruption too), and the rest left as they were.
        summary.written = try store.bundleCount(madeIn: runID)
        summary.unchanged = inputs.count - summary.written - summary.problems.count
        return summary
    }

    enum BagOutcome {
        case written(key: String)
        case unchanged
    }

    struct BundleProblem: Error {
        var message: String
    }

    /// One finding's bag: its evidence key from hashes the state file holds; the bytes are read only when the bag
    /// must be made (new evidence, or its folder gone).
    private func bundle(
        _ input: BundleInput, previous: String?, assets: AssetFiles
    ) -> Result<BagOutcome, BundleProblem> {
        let finding = input.finding
        func fail(_ message: String) -> Result<BagOutcome, BundleProblem> {
            .failure(BundleProblem(message: "\(finding.findingID): \(message)"))
        }
        guard let right = registry.rights.first(where: { $0.id == finding.right }) else {
            return fail("its right \(finding.right) is no longer in the registry; bag not made")
        }
        let summary = RightSummary(
            id: right.id, type: right.kind.rawValue, registration: right.registration, jurisdiction: right.jurisdiction,
            holder: right.holder, expires: right.expires.map { "\($0)" }, certificate: right.certificate)
        let certificate = right.certificate.flatMap { assets.hashedFile($0) }
        // Up to date? Decided from hashes the state file and the registry give, without parsing or reading.
        let key = EvidenceBundle.evidenceKey(
            finding: finding, right: summary, owner: registry.owner, listingRaw: input.listingRaw,
            images: input.images.map { ($0.reference, $0.position, $0.sha256 ?? "failed") },
            assets: assets.brandAssets(finding.brand) + assets.brandTexts(finding.brand),
            certificateSHA256: certificate?.sha256,
            toolVersion: run.toolVersion, signer: signer)
        let folder = bundles.appendingPathComponent(finding.findingID)
        if previous == key, FileManager.default.fileExists(atPath: folder.appendingPathComponent("bag-info.txt").path) {
            return .success(.unchanged)
        }
        var evidence = FindingEvidence(
            finding: finding,
            listing: ListingSummary(
                raw: input.listingRaw, marketplace: finding.marketplace, listingID: finding.listingID),
            right: summary, owner: registry.owner)
        for element in evidence.elements {
            guard case .textCopy(let signal) = element,
                let file = registry.brands.lazy.flatMap(\.texts).first(where: { $0.id == signal.text })?.file,
                let data = FileManager.default.contents(atPath: file.path)
            else { continue }
            evidence.registeredTexts[signal.text] = String(decoding: data, as: UTF8.self)
        }
        var images: [ListingImageRecord] = []
        var assetIDs: [String] = []
        for element in evidence.elements {
            guard case .image(let signal) = element else { continue }
            if !images.contains(where: { $0.reference == signal.image }) {
                guard let stored = input.images.first(where: { $0.reference == signal.image }), stored.sha256 != nil
                else { return fail("image \(signal.image) is not recorded for the listing's current version") }
                images.append(stored)
            }
            if !assetIDs.contains(signal.asset) { assetIDs.append(signal.asset) }
        }
        // The bytes, which must be those the hashes name.
        var suspect: [BundleMaterial.SuspectImage] = []
        for image in images {
            switch bytes(of: image.reference, sha256: image.sha256 ?? "") {
            case .success(let data):
                suspect.append(.init(reference: image.reference, position: image.position, bytes: data))
            case .failure(let problem): return fail(problem.message)
            }
        }
        var used: [BundleMaterial.Asset] = []
        for id in assetIDs {
            guard let asset = assets.asset(id) else { return fail("registered asset \(id) is gone or unreadable") }
            used.append(asset)
        }
        let material = BundleMaterial(
            evidence: evidence, listingRaw: input.listingRaw, suspectImages: suspect, assets: used,
            certificate: certificate?.bytes, run: run)
        // The bag's first side-by-side picture, kept in memory for the report's thumbnail.
        let first = FirstPicture()
        let picture = sideBySide
        let encoder: EvidenceBundle.SideBySideRenderer = { signal, registered, suspect, caption in
            guard let image = picture(signal, registered, suspect, caption),
                let png = try? PNGEncoder.encode(image)
            else { return nil }
            first.keep(image)
            return Data(png)
        }
        do {
            try EvidenceBundle.write(
                material, key: key, into: bundles, signer: signer, sideBySide: encoder, claimChart: claimChart)
            if let image = first.picture {
                MorningReport.writeThumbnail(of: image, findingID: finding.findingID, outputFolder: outputFolder)
            }
            return .success(.written(key: key))
        } catch {
            return fail(error.description)
        }
    }

    /// A suspect image's bytes, which must be those the run hashed.
    private func bytes(of reference: String, sha256: String) -> Result<Data, BundleProblem> {
        var candidates: [URL] = [EvidenceImages.file(for: sha256, in: evidenceImages)]
        if case .success(.file(let url)) = resolver.resolve(reference) { candidates.insert(url, at: 0) }
        for url in candidates {
            guard let data = try? ImageDecoder.readFile(url.path) else { continue }
            if Hashing.sha256Hex(data) == sha256 { return .success(data) }
        }
        return .failure(
            BundleProblem(
                message: "image \(reference): its bytes (SHA-256 \(sha256.prefix(12))…) are no longer available "
                    + "beside the dump or in evidence-images; bag not made"))
    }
}

/// The first picture a bag's renderer drew (the one its first side-by-side PNG holds): rendering happens inside
/// `EvidenceBundle.write`, which is synchronous, so this is shared with nothing but that call.
private final class FirstPicture: Sendable {
    private let stored = Mutex<Image?>(nil)

    var picture: Image? { stored.withLock { $0 } }

    func keep(_ picture: Image) {
        stored.withLock { if $0 == nil { $0 = picture } }
    }
}

/// Registered assets' and certificates' bytes and hashes, each file read once for all the bags of a run.
final class AssetFiles: Sendable {
    private let registry: Registry
    private let cache = Mutex<[URL: (bytes: Data, sha256: String)]>([:])

    init(registry: Registry) {
        self.registry = registry
    }

    func asset(_ id: String) -> BundleMaterial.Asset? {
        guard let file = registry.brands.lazy.flatMap(\.assets).first(where: { $0.id == id })?.file,
            let read = hashedFile(file)
        else { return nil }
        return BundleMaterial.Asset(id: id, file: file, bytes: read.bytes)
    }

    /// The hashes of every registered asset of a brand (those that read), for evidence keys.
    func brandAssets(_ brand: String) -> [(id: String, fileName: String, sha256: String)] {
        registry.brands.first { $0.name == brand }?.assets.compactMap { asset in
            hashedFile(asset.file).map { (asset.id, asset.file.lastPathComponent, $0.sha256) }
        } ?? []
    }

    /// The hashes of every registered text of a brand, for evidence keys: a claim chart quotes the text, so a changed
    /// text makes the bag again.
    func brandTexts(_ brand: String) -> [(id: String, fileName: String, sha256: String)] {
        registry.brands.first { $0.name == brand }?.texts.compactMap { text in
            hashedFile(text.file).map { ("text:" + text.id, text.file.lastPathComponent, $0.sha256) }
        } ?? []
    }

    func hashed(_ id: String) -> (file: URL, sha256: String)? {
        guard let file = registry.brands.lazy.flatMap(\.assets).first(where: { $0.id == id })?.file,
            let read = hashedFile(file)
        else { return nil }
        return (file, read.sha256)
    }

    func hashedFile(_ url: URL) -> (bytes: Data, sha256: String)? {
        if let cached = cache.withLock({ $0[url] }) { return cached }
        guard let data = try? Data(contentsOf: url) else { return nil }
        let entry = (data, Hashing.sha256Hex(data))
        cache.withLock { $0[url] = entry }
        return entry
    }
}

/// `OUT/evidence-images/`: the bytes of images fetched by URL that matched, by SHA-256, so a bag can hold them
/// byte for byte as fetched.
enum EvidenceImages {
    static func file(for sha256: String, in folder: URL) -> URL {
        folder.appendingPathComponent(String(sha256.prefix(2))).appendingPathComponent(sha256)
    }

    /// Keeps `bytes` unless an image with the same hash is already kept; written durably (a bag made from it is
    /// flushed with the rest: a kept image lost to a crash is fetched again, its hash naming it).
    static func keep(_ bytes: Data, sha256: String, in folder: URL) {
        let target = file(for: sha256, in: folder)
        guard !FileManager.default.fileExists(atPath: target.path) else { return }
        try? FileManager.default.createDirectory(
            at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? DurableFile.write(bytes, to: target)
    }
}

/// Flushes a whole file system to disk in one call.
enum FileSystemFlush {
    private typealias SyncFS = @convention(c) (Int32) -> Int32

    /// `syncfs(2)` on the file system holding `folder` (Linux 2.6.39 and later: writes back that file system's dirty
    /// data and metadata and waits for it), or `sync(2)` where the C library has no `syncfs` (it flushes every file
    /// system). `syncfs` is looked up at run time: Glibc declares it only under `_GNU_SOURCE`, which Swift's
    /// `Glibc` module is not built with.
    static func flush(containing folder: URL) {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if descriptor >= 0 { close(descriptor) } }
        if descriptor >= 0, let symbol = dlsym(nil, "syncfs") {
            let syncfs = unsafeBitCast(symbol, to: SyncFS.self)
            if syncfs(descriptor) == 0 { return }
        }
        sync()
    }
}
