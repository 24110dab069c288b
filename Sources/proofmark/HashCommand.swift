import ArgumentParser
import Foundation
import Imaging
import PerceptualHash

/// `proofmark hash FILE... [--json] [--exact]`: one line or one JSON object per file.
struct HashCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash",
        abstract: "Print the perceptual fingerprints of image files.",
        discussion: """
            Each file gives one line: file, width, height, pdq (64 hex digits), quality, dhash (16 hex digits). \
            With --json, one JSON object per line, which also carries the seven other PDQ dihedral hashes and \
            the EXIF orientation. A file that cannot be read or decoded prints {"file":...,"error":...} and the \
            others still print; the exit status is 1 if any file failed.
            """
    )

    @Argument(help: "Image files (JPEG, PNG or WebP, recognised from their bytes).")
    var files: [String]

    @Flag(help: "Print one JSON object per file, with the dihedral hashes.")
    var json = false

    @Flag(help: "Decode at full size for hashes bit-identical to the PDQ reference (default: the fast path).")
    var exact = false

    @Option(help: "Refuse images whose header declares more pixels than this.")
    var maxPixels = DecodingOptions.defaultMaximumPixelCount

    func validate() throws {
        guard maxPixels > 0 else { throw ValidationError("--max-pixels must be positive") }
    }

    func run() throws {
        let path: HashingPath = exact ? .exact : .fast
        var failures = 0
        for file in files {
            let line: String
            do {
                let fingerprint = try Fingerprinter.fingerprint(
                    contentsOfFile: file, path: path, maximumPixelCount: maxPixels)
                line = json ? HashOutput.json(file: file, fingerprint) : HashOutput.text(file: file, fingerprint)
            } catch {
                failures += 1
                line =
                    json
                    ? HashOutput.jsonError(file: file, error)
                    : "\(file)\terror\t\(error.category)\t\(error.message)"
            }
            print(line)
        }
        if failures > 0 {
            throw ExitCode(1)
        }
    }
}
