import Findings
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
        var dihedral: [String: JSON] = [:]
        for variant in PDQVariant.allCases where variant != .original {
            dihedral[variant.rawValue] = fingerprint.pdqDihedral[variant].map { .string($0.hex) }
        }
        let object: JSON = [
            "file": .string(file),
            "format": .string(fingerprint.format.rawValue),
            "width": .integer(fingerprint.width),
            "height": .integer(fingerprint.height),
            "orientation": .integer(Int(fingerprint.orientation.rawValue)),
            "pdq": .string(fingerprint.pdq.hex),
            "quality": .integer(Int(fingerprint.quality)),
            "dhash": .string(fingerprint.dhash.hex),
            "dihedral": .object(dihedral),
            "path": .string(fingerprint.path.rawValue),
        ]
        return serialise(object)
    }

    static func jsonError(file: String, _ error: ImageDecodingError) -> String {
        serialise(["file": .string(file), "error": .string(error.message), "kind": .string(error.category)])
    }

    /// Compact, with `/` as it is: Foundation's escaping of the rest, as these lines had before the one JSON writer.
    private static func serialise(_ object: JSON) -> String {
        object.text(layout: JSON.Layout(indents: false, foundationStrings: true, escapesSlashes: false))
    }
}
