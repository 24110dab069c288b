import ArgumentParser
import Base
import Evidence
import Findings
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
            distance, both PDQ qualities and the dHash distance; then what the nightly matcher makes of the pair \
            (views, crops, turns, panels, content views, local features): its algorithm, the views that met, the \
            distance or inliers, the transform, where A sits in B, the strength and whether it is trusted, or that \
            it finds nothing. Images are decoded at full size with their EXIF orientation applied, as they are \
            shown. With --out, also writes a PNG of A and B side by side, the matcher's region outlined in B when \
            its match would make a finding at the default --min-score, with a caption. A file that cannot be \
            decoded is named with the reason, and the exit status is 1.
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
        let match = ImageMatcher.pairMatch(registered: images[0], suspect: images[1])
        var written: String?
        if let out {
            // Outlined where the nightly matcher finds A, when that would be a finding at the default --min-score.
            let finding = match?.isFinding() ?? false
            let picture = SideBySide.render(
                registered: images[0], suspect: images[1], region: finding ? match?.region : nil,
                caption: caption(comparison, match), height: height)
            let bytes: [UInt8]
            do {
                bytes = try PNGEncoder.encode(picture)
            } catch {
                report(file: out, error.message, kind: error.category)
                throw ExitCode(1)
            }
            do {
                try DurableFile.write(bytes, to: URL(fileURLWithPath: out))
                written = out
            } catch {
                report(file: out, "cannot write the PNG: \(error)", kind: "unwritable")
                throw ExitCode(1)
            }
        }
        print(json ? jsonLine(comparison, match, written: written) : textLine(comparison, match))
    }

    private func caption(_ comparison: ImageComparison, _ match: ImageMatch?) -> [String] {
        [
            "Left: \(registered). Right: \(suspect).",
            "PDQ: distance \(comparison.distance), transform \(comparison.variant.transformName) "
                + "(plain pdq distance \(comparison.plainDistance), dhash distance \(comparison.dhashDistance))",
            "PDQ quality: \(comparison.registeredQuality) left, \(comparison.suspectQuality) right",
            "Matcher: " + describe(match),
        ]
    }

    /// The matcher's verdict in words: `pdq+content (content-crop-left-25 ~ content-2), distance 12, transform
    /// mirror, region [x,y,w,h], strength 0.83`, or `no match`.
    private func describe(_ match: ImageMatch?) -> String {
        guard let match else { return "no match" }
        var parts = ["\(match.algorithm) (\(match.referenceView) ~ \(match.suspectView))"]
        if let distance = match.distance { parts.append("distance \(distance)") }
        if let inliers = match.inliers { parts.append("\(inliers) inliers") }
        parts.append("transform \(match.variant.transformName)")
        if let region = match.region { parts.append("region \(region)") }
        parts.append(String(format: "strength %.4f", match.strength) + (match.trusted ? "" : ", untrusted"))
        return parts.joined(separator: ", ")
    }

    private func textLine(_ comparison: ImageComparison, _ match: ImageMatch?) -> String {
        "\(registered) vs \(suspect): pdq distance \(comparison.distance) via \(comparison.variant.transformName); "
            + "plain pdq distance \(comparison.plainDistance); quality \(comparison.registeredQuality) and "
            + "\(comparison.suspectQuality); dhash distance \(comparison.dhashDistance); matcher: \(describe(match))"
    }

    private func jsonLine(_ comparison: ImageComparison, _ match: ImageMatch?, written: String?) -> String {
        var object: [String: JSON] = [
            "registered": .string(registered),
            "suspect": .string(suspect),
            "pdq_distance": .integer(comparison.distance),
            "transform": .string(comparison.variant.transformName),
            "variant": .string(comparison.variant.rawValue),
            "pdq_plain_distance": .integer(comparison.plainDistance),
            "quality_registered": .integer(Int(comparison.registeredQuality)),
            "quality_suspect": .integer(Int(comparison.suspectQuality)),
            "dhash_distance": .integer(comparison.dhashDistance),
        ]
        if let written { object["out"] = .string(written) }
        if let match {
            var matcher: [String: JSON] = [
                "algorithm": .string(match.algorithm), "transform": .string(match.variant.transformName),
                "reference_view": .string(match.referenceView), "suspect_view": .string(match.suspectView),
                "strength": .double(match.strength), "trusted": .bool(match.trusted),
            ]
            if let distance = match.distance { matcher["distance"] = .integer(distance) }
            if let inliers = match.inliers { matcher["inliers"] = .integer(inliers) }
            if let region = match.region {
                matcher["region"] = .array([region.x, region.y, region.width, region.height].map(JSON.integer))
            }
            object["match"] = .object(matcher)
        } else {
            object["match"] = .null
        }
        return serialise(.object(object))
    }

    /// An error about `file`: a JSON object on stdout with --json (as `proofmark hash` does), a line on stderr
    /// otherwise.
    private func report(file: String, _ message: String, kind: String) {
        if json {
            print(serialise(["file": .string(file), "error": .string(message), "kind": .string(kind)]))
        } else {
            FileHandle.standardError.write(Data("proofmark compare: \(file): \(message)\n".utf8))
        }
    }

    /// Compact, with `/` as it is: Foundation's escaping of the rest, as these lines had before the one JSON writer.
    private func serialise(_ object: JSON) -> String {
        object.text(layout: JSON.Layout(indents: false, foundationStrings: true, escapesSlashes: false))
    }
}
