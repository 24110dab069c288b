import ArgumentParser
import Foundation
import Imaging
import Matching
import PerceptualHash

/// `proofmark features-bench --references DIR --suspects DIR`: a hidden harness for `Benchmarks/peers/features.py`.
///
/// Registers every image in `--references` (id = file name without extension), then for each image in `--suspects`
/// decodes it, extracts features and verifies them against the index, printing one JSON object per suspect with
/// the time those three steps took and what was found. Thin on purpose: all the work is in the libraries.
struct FeaturesBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "features-bench",
        abstract: "Time local-feature matching of suspect images against reference images.",
        shouldDisplay: false
    )

    @Option(help: "Folder of registered images.")
    var references: String

    @Option(help: "Folder of suspect images.")
    var suspects: String

    @Option(help: "Times to repeat the whole suspect folder (the fastest time per image is reported).")
    var repeats = 1

    @Option(help: "Override the fewest inliers a match needs (for calibration: see every candidate's best model).")
    var minimumInliers: Int?

    @Option(help: "Override the smallest inlier ratio a match needs.")
    var minimumInlierRatio: Double?

    @Option(help: "Features extracted per suspect image.")
    var suspectFeatures = FeatureExtractor.Options.suspect.maximumFeatures

    @Option(help: "Features extracted per registered image (and again for its mirror image).")
    var referenceFeatures = FeatureExtractor.Options.reference.maximumFeatures

    @Option(help: "LSH hash tables.")
    var tables = FeatureIndex.Options().tables

    @Option(help: "Fewest screen votes a registered image needs to be verified (0: no screen, the full path).")
    var screenVotes = FeatureIndex.Options().screenVotes

    func run() throws {
        let clock = ContinuousClock()
        let start = clock.now
        var registered: [FeatureReference] = []
        for file in try Self.images(in: references) {
            let luma = try ImageDecoder.decodeLuma(contentsOfFile: file).luma
            let id = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            registered.append(
                FeatureReference(id: id, luma: luma, options: .init(maximumFeatures: referenceFeatures)))
        }
        var options = FeatureIndex.Options()
        options.tables = tables
        options.screenVotes = screenVotes
        if let minimumInliers { options.minimumInliers = minimumInliers }
        if let minimumInlierRatio { options.minimumInlierRatio = minimumInlierRatio }
        let index = FeatureIndex(registered, options: options)
        let indexing = clock.now - start
        FileHandle.standardError.write(
            Data("indexed \(registered.count) references, \(index.descriptorCount) descriptors in \(indexing)\n".utf8))
        let files = try Self.images(in: suspects)
        var fastest = [Duration](repeating: .seconds(1_000), count: files.count)
        var found = [[GeometricMatch]](repeating: [], count: files.count)
        var votes = [[String: Int]](repeating: [:], count: files.count)
        var stages = [Duration](repeating: .zero, count: 3)
        for _ in 0..<max(1, repeats) {
            for (position, file) in files.enumerated() {
                let began = clock.now
                let luma = try ImageDecoder.decodeLuma(contentsOfFile: file).luma
                let decoded = clock.now
                let features = FeatureExtractor.extract(luma, options: .init(maximumFeatures: suspectFeatures))
                let extracted = clock.now
                found[position] = index.verify(features)
                let verified = clock.now
                fastest[position] = min(fastest[position], verified - began)
                stages[0] += decoded - began
                stages[1] += extracted - decoded
                stages[2] += verified - extracted
                votes[position] = index.screenVotesByID(features)
            }
        }
        let runs = Double(max(1, repeats) * max(1, files.count))
        let means = stages.map { String(format: "%.2f", $0 / .milliseconds(1) / runs) }
        FileHandle.standardError.write(
            Data("mean ms per image: decode \(means[0]), features \(means[1]), verify \(means[2])\n".utf8))
        for (position, file) in files.enumerated() {
            let matches = found[position].map { match in
                let region = match.region
                return
                    "{\"id\":\(Self.quoted(match.id)),\"inliers\":\(match.inliers),\"matches\":\(match.matches),"
                    + "\"mirrored\":\(match.mirrored),\"scale\":\(Self.format(match.scale)),"
                    + "\"votes\":\(votes[position][match.id] ?? 0),"
                    + "\"rotation\":\(Self.format(match.rotationDegrees)),"
                    + "\"region\":[\(region.x),\(region.y),\(region.width),\(region.height)]}"
            }
            let milliseconds =
                Double(fastest[position].components.attoseconds) / 1e15
                + Double(fastest[position].components.seconds) * 1000
            print(
                "{\"file\":\(Self.quoted(URL(fileURLWithPath: file).lastPathComponent)),"
                    + "\"ms\":\(Self.format(milliseconds)),\"votes\":\(votes[position].values.max() ?? 0),"
                    + "\"matches\":[\(matches.joined(separator: ","))]}")
        }
    }

    static func images(in folder: String) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        let extensions = [".jpg", ".jpeg", ".png", ".webp"]
        return names.filter { name in extensions.contains { name.lowercased().hasSuffix($0) } }
            .sorted().map { (folder as NSString).appendingPathComponent($0) }
    }

    static func format(_ value: Double) -> String { String(format: "%.3f", value) }

    static func quoted(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
