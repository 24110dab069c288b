import ArgumentParser
import Base
import Foundation
import Pipeline

/// `proofmark robustness`: how well the matcher finds the registry's own images after what infringers do to them.
struct RobustnessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "robustness",
        abstract: "Measure recall per edit and the false-positive rate on your own registered images.",
        discussion: """
            Applies each edit infringers make (re-encoding, resizing, JPEG quality 30, blur, greyscale, hue, \
            brightness and contrast, caption bars, watermarks, aspect stretch, mirror, 90° turns, crops, borders, \
            ±5° tilts, pasting into a scene, one panel of a strip) to every registered image and to every \
            negative, runs the nightly matcher on each, and reports recall per edit at --min-score and where false \
            positives are held to 1% and 0.1%. Negatives are unrelated pictures from --negatives (use a few hundred \
            of your own: product photos of other brands); without it, procedural scenes stand in. Writes \
            robustness.json and robustness.txt to --out when given. Exit status: 0 when measured, 1 when the \
            registry cannot be used.
            """
    )

    @Option(help: "The registry file.")
    var registry: String

    @Option(help: "A folder of unrelated pictures to use as negatives.")
    var negatives: String?

    @Option(help: "A folder to write robustness.json and robustness.txt to.")
    var out: String?

    @Option(help: "The score a match needs to count, as in `run`.")
    var minScore: Double = 0.5

    @Option(help: "Seed of the edits' random choices; the same seed gives the same report.")
    var seed: UInt64 = 1

    @Option(help: "Pictures processed at once.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Procedural negatives to draw when --negatives is not given.")
    var syntheticNegatives: Int = 60

    @Option(help: "Keep every edited picture here, with manifest.tsv, to measure other tools on the same pictures.")
    var keepPictures: String?

    func validate() throws {
        guard (0...1).contains(minScore) else { throw ValidationError("--min-score must be between 0 and 1") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard syntheticNegatives >= 1 else { throw ValidationError("--synthetic-negatives must be at least 1") }
    }

    func run() async throws {
        do {
            let report = try await RobustnessHarness.run(
                RobustnessConfiguration(
                    registryPath: registry, negativesFolder: negatives, syntheticNegatives: syntheticNegatives,
                    minimumScore: minScore, seed: seed, jobs: jobs, now: Date(),
                    keepPicturesFolder: keepPictures))
            let text = report.textLines.joined(separator: "\n") + "\n"
            print(text, terminator: "")
            if let out {
                let folder = URL(fileURLWithPath: out)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try DurableFile.write(
                    Data((report.json + "\n").utf8), to: folder.appendingPathComponent("robustness.json"))
                try DurableFile.write(Data(text.utf8), to: folder.appendingPathComponent("robustness.txt"))
            }
        } catch {
            FileHandle.standardError.write(Data("proofmark robustness: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
