import Foundation
import Imaging
import PerceptualHash

/// Formats `proofmark hash` lines. JSON keys are sorted so that output is byte-stable.
enum HashOutput {
    static func text(file: String, _ fingerprint: ImageFingerprint) -> String {
        [
            file, String(fingerprint.width), String(fingerprint.height), fingerprint.pdq.hex,
            String(fingerprint.quality), fingerprint.dhash.hex,
        ].joined(separator: "\t")
    }

    static func json(file: String, _ fingerprint: ImageFingerprint) -> String {
        var dihedral: [String: String] = [:]
        for variant in PDQVariant.allCases where variant != .original {
            dihedral[variant.rawValue] = fingerprint.pdqDihedral[variant]?.hex
        }
        let object: [String: Any] = [
            "file": file,
            "format": fingerprint.format.rawValue,
            "width": fingerprint.width,
            "height": fingerprint.height,
            "orientation": fingerprint.orientation.rawValue,
            "pdq": fingerprint.pdq.hex,
            "quality": fingerprint.quality,
            "dhash": fingerprint.dhash.hex,
            "dihedral": dihedral,
            "path": fingerprint.path.rawValue,
        ]
        return serialise(object)
    }

    static func jsonError(file: String, _ error: ImageDecodingError) -> String {
        serialise(["file": file, "error": error.message, "kind": error.category])
    }

    private static func serialise(_ object: [String: Any]) -> String {
        // Only strings, integers and string dictionaries go in, which JSONSerialization always accepts.
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
