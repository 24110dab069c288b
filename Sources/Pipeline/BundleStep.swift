import Evidence
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
/// evidence did not change since an earlier night are left untouched. Bags are made `jobs` at a time.
struct BundleStep {
    let store: StateStore
    let registry: Registry
    let resolver: ImageResolver
    let evidenceImages: URL
    let bundles: URL
    let run: BundleMaterial.Run
    let signer: BagSigner?
    let jobs: Int
    let sideBySide: EvidenceBundle.SideBySideRenderer
    let claimChart: EvidenceBundle.ClaimChartRenderer

    struct Summary {
        var written = 0
        var unchanged = 0
        var problems: [String] = []
    }

    func write(runID: String) async throws(StoreError) -> Summary {
        let findings = try store.findings(reportedBy: runID).filter { $0.lastRun == runID }
        var summary = Summary()
        let assets = AssetFiles(registry: registry)
        await withTaskGroup(of: Result<EvidenceBundle.Outcome, BundleProblem>.self) { group in
            var iterator = findings.makeIterator()
            func submit() -> Bool {
                guard let finding = iterator.next() else { return false }
                group.addTask { self.bundle(finding, assets: assets) }
                return true
            }
            for _ in 0..<max(1, jobs) where !submit() { break }
            for await outcome in group {
                switch outcome {
                case .success(.written): summary.written += 1
                case .success(.unchanged): summary.unchanged += 1
                case .failure(let problem): summary.problems.append(problem.message)
                }
                _ = submit()
            }
        }
        summary.problems.sort()
        return summary
    }

    struct BundleProblem: Error {
        var message: String
    }

    private func bundle(_ finding: FindingRecord, assets: AssetFiles) -> Result<EvidenceBundle.Outcome, BundleProblem> {
        func fail(_ message: String) -> Result<EvidenceBundle.Outcome, BundleProblem> {
            .failure(BundleProblem(message: "\(finding.findingID): \(message)"))
        }
        guard let right = registry.rights.first(where: { $0.id == finding.right }) else {
            return fail("its right \(finding.right) is no longer in the registry; bag not made")
        }
        guard let current = try? store.currentVersion(marketplace: finding.marketplace, listingID: finding.listingID)
        else { return fail("its listing is not in the state file") }
        let summary = RightSummary(
            id: right.id, type: right.kind.rawValue, registration: right.registration, jurisdiction: right.jurisdiction,
            holder: right.holder, expires: right.expires.map { "\($0)" }, certificate: right.certificate)
        let evidence = FindingEvidence(
            finding: finding,
            listing: ListingSummary(
                raw: current.version.raw, marketplace: finding.marketplace, listingID: finding.listingID),
            right: summary, owner: registry.owner)
        var images: [BundleMaterial.SuspectImage] = []
        var usedAssets: [BundleMaterial.Asset] = []
        for element in evidence.elements {
            guard case .image(let signal) = element else { continue }
            if !images.contains(where: { $0.reference == signal.image }) {
                guard let stored = current.images.first(where: { $0.reference == signal.image }),
                    let sha256 = stored.sha256
                else { return fail("image \(signal.image) is not recorded for the listing's current version") }
                switch bytes(of: stored.reference, sha256: sha256) {
                case .success(let data):
                    images.append(.init(reference: stored.reference, position: stored.position, bytes: data))
                case .failure(let problem): return fail(problem.message)
                }
            }
            if !usedAssets.contains(where: { $0.id == signal.asset }) {
                guard let asset = assets.asset(signal.asset) else {
                    return fail("registered asset \(signal.asset) is gone or unreadable")
                }
                usedAssets.append(asset)
            }
        }
        let material = BundleMaterial(
            evidence: evidence, listingRaw: current.version.raw, suspectImages: images, assets: usedAssets,
            certificate: right.certificate.flatMap { assets.file($0) }, run: run)
        do {
            return .success(
                try EvidenceBundle.write(
                    material, into: bundles, signer: signer, sideBySide: sideBySide, claimChart: claimChart))
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
            if Digest.sha256Hex(data) == sha256 { return .success(data) }
        }
        return .failure(
            BundleProblem(
                message: "image \(reference): its bytes (SHA-256 \(sha256.prefix(12))…) are no longer available "
                    + "beside the dump or in evidence-images; bag not made"))
    }
}

/// Registered assets' and certificates' bytes, each read once for all the bags of a run.
final class AssetFiles: Sendable {
    private let registry: Registry
    private let cache = Mutex<[URL: Data]>([:])

    init(registry: Registry) {
        self.registry = registry
    }

    func asset(_ id: String) -> BundleMaterial.Asset? {
        guard let asset = registry.brands.lazy.flatMap(\.assets).first(where: { $0.id == id }),
            let bytes = file(asset.file)
        else { return nil }
        return BundleMaterial.Asset(id: id, file: asset.file, bytes: bytes)
    }

    func file(_ url: URL) -> Data? {
        if let cached = cache.withLock({ $0[url] }) { return cached }
        guard let data = try? Data(contentsOf: url) else { return nil }
        cache.withLock { $0[url] = data }
        return data
    }
}

/// `OUT/evidence-images/`: the bytes of images fetched by URL that matched, by SHA-256, so a bag can hold them
/// byte for byte as fetched.
enum EvidenceImages {
    static func file(for sha256: String, in folder: URL) -> URL {
        folder.appendingPathComponent(String(sha256.prefix(2))).appendingPathComponent(sha256)
    }

    /// Keeps `bytes` unless an image with the same hash is already kept; written atomically.
    static func keep(_ bytes: Data, sha256: String, in folder: URL) {
        let target = file(for: sha256, in: folder)
        guard !FileManager.default.fileExists(atPath: target.path) else { return }
        try? FileManager.default.createDirectory(
            at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? bytes.write(to: target, options: .atomic)
    }
}
