import ArgumentParser
import Evidence
import Foundation
import Imaging
import Matching
import PerceptualHash

/// `proofmark compare A B [--out side.png] [--json]`: how close two images are, and their side-by-side picture.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two images by their perceptual hashes and draw them side by side.",
        discussion: """
            A plays the registered asset and B the suspect. Prints one line (or, with --json, one JSON object): \
            the PDQ distance at the best of the eight dihedral variants of A and the transform it names \
            (identity, mirror, flip-vertical, rot90, rot180, rot270, transpose, transverse), the plain PDQ \
            distance, both PDQ qualities and the dHash distance. Images are decoded at full size with their EXIF \
            orientation applied, as they are shown. With --out, also writes a PNG of A and B side by side, B \
            outlined when it is within PDQ's match threshold, with a caption. A file that cannot be decoded is \
            named with the reason, and the exit status is 1.
            """
    )

    @Argument(help: "The registered image (JPEG, PNG or WebP).")
    var registered: String

    @Argument(help: "The suspect image (JPEG, PNG or WebP).")
    var suspect: String

    @Option(help: "Write the side-by-side PNG here (replaced atomically).")
    var out: String?

    @Flag(help: "Print one JSON object instead of a line of text.")
    var json = false

    @Option(help: "The common height of the two pictures in the side-by-side PNG, in pixels.")
    var height = 360

    @Option(help: "Refuse images whose header declares more pixels than this.")
    var maxPixels = DecodingOptions.defaultMaximumPixelCount

    func validate() throws {
        guard maxPixels > 0 else { throw ValidationError("--max-pixels must be positive") }
        guard (16...4096).contains(height) else { throw ValidationError("--height must be between 16 and 4096") }
    }

    func run() throws {
        let options = DecodingOptions(maximumPixelCount: maxPixels)
        var images: [Image] = []
        var failed = false
        for file in [registered, suspect] {
            do {
                images.append(try ImageDecoder.decode(contentsOfFile: file, options: options).image)
            } catch {
                failed = true
                report(file: file, error.message, kind: error.category)
            }
        }
        guard !failed, images.count == 2 else { throw ExitCode(1) }
        let comparison = ImageComparison(registered: images[0], suspect: images[1])
        var written: String?
        if let out {
            // Outlined as the matcher would find it: within the threshold, and neither image too flat to hash.
            let matches =
                comparison.distance <= ImageMatcher.wholeThreshold && comparison.registeredQuality > 0
                && comparison.suspectQuality > 0
            let picture = SideBySide.render(
                registered: images[0], suspect: images[1],
                region: matches ? PixelRect(x: 0, y: 0, width: images[1].width, height: images[1].height) : nil,
                caption: caption(comparison), height: height)
            let bytes: [UInt8]
            do {
                bytes = try PNGEncoder.encode(picture)
            } catch {
                report(file: out, error.message, kind: error.category)
                throw ExitCode(1)
            }
            do {
                // .atomic writes a temporary file beside the target and renames it into place.
                try Data(bytes).write(to: URL(fileURLWithPath: out), options: .atomic)
                written = out
            } catch {
                report(file: out, "cannot write the PNG: \(error.localizedDescription)", kind: "unwritable")
                throw ExitCode(1)
            }
        }
        print(json ? jsonLine(comparison, written: written) : textLine(comparison))
    }

    private func caption(_ comparison: ImageComparison) -> [String] {
        [
            "Left: \(registered). Right: \(suspect).",
            "Match: pdq, distance \(comparison.distance), transform \(comparison.variant.transformName) "
                + "(plain pdq distance \(comparison.plainDistance), dhash distance \(comparison.dhashDistance))",
            "PDQ quality: \(comparison.registeredQuality) left, \(comparison.suspectQuality) right",
        ]
    }

    private func textLine(_ comparison: ImageComparison) -> String {
        "\(registered) vs \(suspect): pdq distance \(comparison.distance) via \(comparison.variant.transformName); "
            + "plain pdq distance \(comparison.plainDistance); quality \(comparison.registeredQuality) and "
            + "\(comparison.suspectQuality); dhash distance \(comparison.dhashDistance)"
    }

    private func jsonLine(_ comparison: ImageComparison, written: String?) -> String {
        var object: [String: Any] = [
            "registered": registered,
            "suspect": suspect,
            "pdq_distance": comparison.distance,
            "transform": comparison.variant.transformName,
            "variant": comparison.variant.rawValue,
            "pdq_plain_distance": comparison.plainDistance,
            "quality_registered": comparison.registeredQuality,
            "quality_suspect": comparison.suspectQuality,
            "dhash_distance": comparison.dhashDistance,
        ]
        if let written { object["out"] = written }
        return serialise(object)
    }

    /// An error about `file`: a JSON object on stdout with --json (as `proofmark hash` does), a line on stderr
    /// otherwise.
    private func report(file: String, _ message: String, kind: String) {
        if json {
            print(serialise(["file": file, "error": message, "kind": kind]))
        } else {
            FileHandle.standardError.write(Data("proofmark compare: \(file): \(message)\n".utf8))
        }
    }

    private func serialise(_ object: [String: Any]) -> String {
        // Only strings and integers go in, which JSONSerialization always accepts.
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
