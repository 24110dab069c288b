import Foundation
import Imaging
import Intake
import Matching
import PerceptualHash
import Store
import Synchronization

/// The registered images' views and local features, through the state file's cache, made `jobs` assets at a time,
/// and the matcher over them; an asset that does not decode makes the registry invalid.
///
/// Each asset is worked on alone (its fingerprint, then its stored views or, when there are none of this version,
/// its views and features computed), on up to `jobs` threads; the results are put back in registry order, so the
/// matcher, the state file's batch and the issues reported do not depend on `jobs` or on timing.
enum RegisteredViews {
    /// What came of one asset.
    private enum Outcome {
        case made(Made)
        case failed(RegistryIssue)
    }

    private struct Made {
        var image: RegisteredImage
        var features: FeatureReference
        var sha256: String
        var fingerprint: FingerprintRecord?
        var fileStat: FileStatRecord?
        var views: AssetViewsRecord?
    }

    static func matcher(_ registry: Registry, store: StateStore, jobs: Int) throws(RunError) -> ImageMatcher {
        let assets = registry.brands.flatMap { brand in brand.assets.map { (brand: brand.name, asset: $0) } }
        let cache = FingerprintCache(store: store)
        let outcomes = Mutex([Outcome?](repeating: nil, count: assets.count))
        let next = Atomic(0)
        let work = { @Sendable (_: Int) in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < assets.count else { return }
                let outcome = Self.outcome(
                    of: assets[index].asset, brand: assets[index].brand, registry: registry, store: store,
                    cache: cache)
                outcomes.withLock { $0[index] = outcome }
            }
        }
        let workers = min(max(1, jobs), assets.count)
        if workers > 1 {
            DispatchQueue.concurrentPerform(iterations: workers, execute: work)
        } else {
            work(0)
        }
        var images: [RegisteredImage] = []
        var features: [FeatureReference] = []
        var keyed: [(id: String, sha256: String)] = []
        var issues: [RegistryIssue] = []
        var batch = StateStore.Batch()
        for outcome in outcomes.withLock({ $0 }) {
            switch outcome {
            case .made(let made):
                images.append(made.image)
                features.append(made.features)
                keyed.append((made.image.assetID, made.sha256))
                if let record = made.fingerprint { batch.fingerprints.append(record) }
                if let stat = made.fileStat { batch.fileStats.append(stat) }
                if let views = made.views { batch.assetViews.append(views) }
            case .failed(let issue): issues.append(issue)
            case nil: break  // every index is worked on before concurrentPerform returns
            }
        }
        guard issues.isEmpty else { throw RunError.registry(RegistryError(issues: issues)) }
        try NightlyRun.state { try store.write(batch, runID: "") }
        return ImageMatcher(images, features: features, featureKey: FingerprintCodec.featureKey(assets: keyed))
    }

    private static func outcome(
        of asset: RegisteredAsset, brand: String, registry: Registry, store: StateStore, cache: FingerprintCache
    ) -> Outcome {
        func issue(_ message: String) -> Outcome {
            .failed(
                RegistryIssue(
                    severity: .error, file: registry.file.path, line: nil, column: nil, field: "asset \(asset.id)",
                    message: message))
        }
        let found: FingerprintCache.Found
        switch cache.fingerprint(ofFile: asset.file.path) {
        case .success(let success): found = success
        case .failure(let failure): return issue(failure.error.message)
        }
        let sha256 = found.record.sha256
        let views: [HashedView]
        let information: InformationContent
        let features: FeatureReference
        var record: AssetViewsRecord?
        if let stored = try? store.assetViews(sha256: sha256),
            stored.version == FingerprintCodec.referenceVersion,
            let decoded = FingerprintCodec.decode(views: stored.views),
            let storedFeatures = stored.features,
            let decodedFeatures = FingerprintCodec.decode(reference: storedFeatures, id: asset.id)
        {
            (views, information, features) = (decoded.views, decoded.information, decodedFeatures)
        } else {
            let computed: (views: [HashedView], information: InformationContent, luma: LumaPlane)
            do {
                computed = try Fingerprinter.referenceViews(contentsOfFile: asset.file.path)
            } catch {
                return issue(error.message)
            }
            (views, information) = (computed.views, computed.information)
            features = FeatureReference(id: asset.id, luma: computed.luma)
            record = AssetViewsRecord(
                sha256: sha256, version: FingerprintCodec.referenceVersion,
                views: FingerprintCodec.encode(views: views, information: information),
                features: FingerprintCodec.encode(reference: features))
        }
        return .made(
            Made(
                image: RegisteredImage(
                    assetID: asset.id, brand: brand, right: asset.right, views: views, information: information),
                features: features, sha256: sha256, fingerprint: found.computed ? found.record : nil,
                fileStat: found.fileStat, views: record))
    }
}
