import Base
public import Foundation
import Imaging
public import Intake
import Matching
import PerceptualHash
import Store

/// What `proofmark robustness` runs on.
public struct RobustnessConfiguration: Sendable {
    public var registryPath: String
    /// Unrelated pictures: each gets every edit, and their best scores set the false-positive rate. Without a
    /// folder, procedural scenes stand in (`SyntheticScene`).
    public var negativesFolder: String?
    /// How many procedural negatives to draw when there is no folder.
    public var syntheticNegatives: Int
    /// The score a match needs to count (`run --min-score`).
    public var minimumScore: Double
    public var seed: UInt64
    public var jobs: Int
    public var now: Date
    /// Where to keep every edited picture (as JPEG) with a `manifest.tsv`, so other tools can be measured on the
    /// very same pictures (`Benchmarks/peers/robustness_peers.py`).
    public var keepPicturesFolder: String?

    public init(
        registryPath: String, negativesFolder: String? = nil, syntheticNegatives: Int = 60, minimumScore: Double = 0.5,
        seed: UInt64 = 1, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, now: Date,
        keepPicturesFolder: String? = nil
    ) {
        self.keepPicturesFolder = keepPicturesFolder
        self.registryPath = registryPath
        self.negativesFolder = negativesFolder
        self.syntheticNegatives = syntheticNegatives
        self.minimumScore = minimumScore
        self.seed = seed
        self.jobs = max(1, jobs)
        self.now = now
    }
}

/// Measures what the image matcher survives on the user's own registered images (issue 4, item 7).
///
/// Every registered image gets every `RobustnessEdit` and is saved as JPEG (at most 600 pixels on its longer side,
/// as marketplaces serve them); so does every negative, with composites built from other negatives. Each edited
/// picture goes through the same fingerprinting and matching as a nightly run. A positive counts as found when its
/// own registered image matches at a score of at least the minimum; a negative is a false positive when anything
/// does. Because a threshold can be read off the negatives' scores, the report also gives recall where the
/// false-positive rate is held to 1% and to 0.1%.
public enum RobustnessHarness {
    /// Suspect pictures are served at most this long on their longer side.
    public static let suspectSide = 600

    public static func run(_ configuration: RobustnessConfiguration) async throws(RunError) -> RobustnessReport {
        let loaded: RegistryLoader.Loaded
        do {
            loaded = try RegistryLoader.load(path: configuration.registryPath, today: LocalDate(configuration.now))
        } catch {
            throw RunError.registry(error)
        }
        var skipped: [RobustnessReport.Skipped] = []
        var assets: [(asset: RegisteredAsset, brand: String, image: Image, registered: RegisteredImage)] = []
        var references: [FeatureReference] = []
        for brand in loaded.registry.brands {
            for asset in brand.assets {
                do {
                    // One decode: the views of the pixels as stored (as the nightly run computes them), the edits
                    // of the picture as displayed.
                    let decoded = try ImageDecoder.decode(
                        contentsOfFile: asset.file.path, options: DecodingOptions(appliesOrientation: false))
                    let (views, information, luma) = Fingerprinter.referenceViews(of: decoded.image)
                    let image = decoded.image.transformed(by: decoded.source.orientation.transformToDisplay)
                    references.append(FeatureReference(id: asset.id, luma: luma))
                    assets.append(
                        (
                            asset, brand.name, image,
                            RegisteredImage(
                                assetID: asset.id, brand: brand.name, right: asset.right, views: views,
                                information: information)
                        ))
                } catch {
                    skipped.append(.init(item: asset.file.path, reason: error.message))
                }
            }
        }
        let hasText = loaded.registry.brands.contains { !$0.marks.isEmpty || !$0.texts.isEmpty }
        guard !assets.isEmpty || hasText else {
            throw RunError.registry(
                RegistryError(issues: [
                    RegistryIssue(
                        severity: .error, file: configuration.registryPath, line: nil, column: nil, field: "brands",
                        message: "no registered image could be read and there are no marks or texts: nothing to measure"
                    )
                ]))
        }
        // The text section: evasions of the registry's own marks, innocent look-alikes, fair use, copied texts.
        let text = hasText ? try TextRobustness.run(registry: loaded.registry, seed: configuration.seed) : nil
        var random = SplitMix64(seed: configuration.seed)
        var negatives: [(name: String, image: Image)] = []
        if let folder = configuration.negativesFolder {
            let (found, failures) = readNegatives(folder)
            negatives = found
            skipped += failures
        } else {
            negatives = (0..<configuration.syntheticNegatives).map { index in
                ("synthetic-\(index + 1)", SyntheticScene.make(random: &random))
            }
        }
        let matcher = ImageMatcher(assets.map(\.registered), features: references)
        let scenes = negatives.map(\.image)

        var cases: [Case] = []
        for (index, asset) in assets.enumerated() {
            for edit in RobustnessEdit.allCases {
                cases.append(Case(positive: index, negative: nil, edit: edit, seed: random.next()))
            }
        }
        for index in negatives.indices {
            for edit in RobustnessEdit.allCases {
                cases.append(Case(positive: nil, negative: index, edit: edit, seed: random.next()))
            }
        }
        let keep = configuration.keepPicturesFolder.map { URL(fileURLWithPath: $0, isDirectory: true) }
        if let keep {
            do {
                try FileManager.default.createDirectory(at: keep, withIntermediateDirectories: true)
            } catch {
                throw RunError.output(path: keep.path, message: "\(error)")
            }
        }
        let assetImages = assets.map(\.image)
        let assetIDs = assets.map(\.asset.id)
        let negativeImages = negatives.map(\.image)
        let outcomes = await withTaskGroup(of: (Int, Outcome).self) { group in
            var results = [Outcome?](repeating: nil, count: cases.count)
            var next = 0
            func submit() {
                let index = next
                let work = cases[index]
                next += 1
                group.addTask {
                    let source = work.positive.map { assetImages[$0] } ?? negativeImages[work.negative ?? 0]
                    // A negative is never pasted into itself.
                    let others =
                        work.negative.map { own in scenes.enumerated().filter { $0.offset != own }.map(\.element) }
                        ?? scenes
                    return (
                        index,
                        evaluate(
                            work, source: source, scenes: others, matcher: matcher,
                            expected: work.positive.map { assetIDs[$0] },
                            keep: keep?.appendingPathComponent(String(format: "%06d.jpg", index)))
                    )
                }
            }
            while next < min(cases.count, configuration.jobs * 2) { submit() }
            while let (index, outcome) = await group.next() {
                results[index] = outcome
                if next < cases.count { submit() }
            }
            return results.compactMap { $0 }
        }
        if let keep {
            // Which picture is which, for other tools: file, positive or negative, the item, the edit.
            var manifest = "file\tpositive\titem\tedit\n"
            for (index, work) in cases.enumerated() {
                let name = work.positive.map { assetIDs[$0] } ?? negatives[work.negative ?? 0].name
                manifest +=
                    String(format: "%06d.jpg", index) + "\t\(work.positive != nil)\t\(name)\t\(work.edit.rawValue)\n"
            }
            do {
                try DurableFile.write(Data(manifest.utf8), to: keep.appendingPathComponent("manifest.tsv"))
            } catch {
                throw RunError.output(path: keep.path, message: "\(error)")
            }
        }
        for outcome in outcomes {
            if let failure = outcome.keepFailure { skipped.append(.init(item: "kept picture", reason: failure)) }
        }
        for (work, outcome) in zip(cases, outcomes) where outcome.failure != nil {
            let name = work.positive.map { assetIDs[$0] } ?? negatives[work.negative ?? 0].name
            skipped.append(.init(item: "\(name) (\(work.edit.rawValue))", reason: outcome.failure ?? ""))
        }
        return RobustnessReport(
            cases: zip(cases, outcomes).compactMap { work, outcome in
                outcome.failure == nil
                    ? RobustnessReport.Result(
                        edit: work.edit, positive: work.positive != nil, score: outcome.score,
                        wrongAsset: outcome.wrongAsset, algorithm: outcome.algorithm,
                        item: work.positive.map { assetIDs[$0] } ?? negatives[work.negative ?? 0].name,
                        matched: outcome.matched, milliseconds: outcome.milliseconds,
                        usedSecondLook: outcome.usedSecondLook)
                    : nil
            },
            assets: assets.count, negatives: negatives.count,
            negativesSource: configuration.negativesFolder ?? "synthetic", minimumScore: configuration.minimumScore,
            indexedHashes: matcher.indexedHashes, seed: configuration.seed, skipped: skipped, text: text)
    }

    struct Case: Sendable {
        var positive: Int?
        var negative: Int?
        var edit: RobustnessEdit
        var seed: UInt64
    }

    struct Outcome: Sendable {
        var score: Double = 0
        var wrongAsset = false
        var algorithm: String?
        var matched: String?
        var milliseconds: Double = 0
        /// Whether hashes left doubt and a second look (content views, local features) was taken.
        var usedSecondLook = false
        var failure: String?
        /// The edited picture could not be kept (`keepPicturesFolder`); it was still measured.
        var keepFailure: String?
    }

    /// Edits, saves, fingerprints and matches one picture. `expected` is the asset a positive shows.
    static func evaluate(
        _ work: Case, source: Image, scenes: [Image], matcher: ImageMatcher, expected: String?, keep: URL? = nil
    ) -> Outcome {
        var random = SplitMix64(seed: work.seed)
        let edited = work.edit.apply(to: source, scenes: scenes, random: &random).fitted(within: suspectSide)
        var outcome = Outcome()
        let bytes: [UInt8]
        do {
            bytes = try JPEGEncoder.encode(edited, quality: work.edit.savedQuality)
        } catch {
            outcome.failure = error.message
            return outcome
        }
        if let keep {
            do {
                try DurableFile.write(bytes, to: keep)
            } catch {
                outcome.keepFailure = "\(keep.path): cannot write: \(error)"
            }
        }
        let start = ContinuousClock.now
        var matches: [ImageMatch]
        do {
            let (fingerprint, luma) = try Fingerprinter.fingerprintKeepingLuma(bytes, path: .fast)
            let record = FingerprintCodec.record(fingerprint, sha256: "")
            // The record was made here from a fingerprint, so it always reads back.
            let suspect = FingerprintCodec.suspect(record) ?? SuspectImage(views: [], information: .nearBlank)
            let found = matcher.matches(for: suspect, pixels: luma, scale: fingerprint.scaleDenominator)
            matches = found.matches
            outcome.usedSecondLook = found.look != nil
        } catch {
            outcome.failure = error.message
            return outcome
        }
        let elapsed = ContinuousClock.now - start
        outcome.milliseconds =
            Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        if let expected {
            let own = matches.filter { $0.assetID == expected }.max { $0.strength < $1.strength }
            outcome.score = own?.strength ?? 0
            outcome.algorithm = own?.algorithm
            outcome.matched = own.map(Self.describe)
            outcome.wrongAsset = matches.contains { $0.assetID != expected && $0.strength >= (own?.strength ?? 0) }
        } else {
            let best = matches.max { $0.strength < $1.strength }
            outcome.score = best?.strength ?? 0
            outcome.algorithm = best?.algorithm
            outcome.matched = best.map { "\($0.assetID) " + Self.describe($0) }
        }
        return outcome
    }

    /// How a match was made, in a few words: the views and the distance or inliers.
    static func describe(_ match: ImageMatch) -> String {
        "\(match.referenceView)~\(match.suspectView) "
            + (match.distance.map { "d=\($0)" } ?? match.inliers.map { "inliers=\($0)" } ?? "")
    }

    /// Every decodable picture directly in `folder`, sorted by name; those that do not decode are reported.
    static func readNegatives(_ folder: String) -> ([(name: String, image: Image)], [RobustnessReport.Skipped]) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        var found: [(name: String, image: Image)] = []
        var skipped: [RobustnessReport.Skipped] = []
        if names.isEmpty {
            skipped.append(.init(item: folder, reason: "no files (or the folder cannot be read)"))
        }
        for name in names where !name.hasPrefix(".") {
            let path = (folder as NSString).appendingPathComponent(name)
            do {
                found.append((name, try ImageDecoder.decode(contentsOfFile: path).image))
            } catch {
                skipped.append(.init(item: path, reason: error.message))
            }
        }
        return (found, skipped)
    }
}
