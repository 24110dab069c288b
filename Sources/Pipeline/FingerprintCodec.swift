import Base
import Evidence
import Findings
import Foundation
import Imaging
import Matching
import PerceptualHash
import Store

/// How fingerprints are kept in the state file's text columns.
enum FingerprintCodec {
    /// The suspect fingerprint's version; raise it when hashes or suspect views change, and stored fingerprints are
    /// redone (every image decoded again). 2: suspect views (trim, panels), information content.
    static let version = 2

    /// The registered images' views' version; raise it when they change, and `asset_views` are redone (only the
    /// registry's images decoded again). 2: the grid of crops and turns. 3: content views
    /// (`ViewPlanner.referenceContentViews`).
    static let referenceVersion = 3

    static func record(_ fingerprint: ImageFingerprint, sha256: String) -> FingerprintRecord {
        var dihedral: [String: JSON] = [:]
        for (variant, hash) in fingerprint.pdqDihedral { dihedral[variant.rawValue] = .string(hash.hex) }
        return FingerprintRecord(
            sha256: sha256, format: fingerprint.format.rawValue, width: fingerprint.width, height: fingerprint.height,
            path: fingerprint.path.rawValue, pdq: fingerprint.pdq.hex, quality: fingerprint.quality,
            dhash: fingerprint.dhash.hex, dihedral: JSON.object(dihedral).text, version: version,
            views: encode(views: fingerprint.views, information: fingerprint.information))
    }

    /// A stored fingerprint as the matcher takes a suspect image; nil when the stored text is damaged.
    static func suspect(_ record: FingerprintRecord) -> SuspectImage? {
        guard let hash = PDQHash(hex: record.pdq), let (views, information) = decode(views: record.views) else {
            return nil
        }
        let whole = HashedView(
            name: "whole", kind: .whole, region: PixelRect(x: 0, y: 0, width: record.width, height: record.height),
            quality: record.quality, dihedral: [.original: hash])
        return SuspectImage(views: [whole] + views, information: information)
    }

    /// Views as text: the information content on the first line, then one view a line: name, kind, region (x, y,
    /// width, height), quality, and one hash (`.original`) or eight (in `PDQVariant.allCases` order), separated by
    /// spaces. Parsed on every repeat night for every image, so it is plain text rather than JSON.
    static func encode(views: [HashedView], information: InformationContent) -> String {
        ([information.rawValue] + views.map(line(of:))).joined(separator: "\n")
    }

    /// One view's line of `encode(views:information:)`.
    static func line(of view: HashedView) -> String {
        var fields = [
            view.name, view.kind.rawValue, String(view.region.x), String(view.region.y), String(view.region.width),
            String(view.region.height), String(view.quality),
        ]
        if view.dihedral.count == PDQVariant.allCases.count {
            fields += PDQVariant.allCases.map { view.dihedral[$0]?.hex ?? PDQHash.zero.hex }
        } else {
            fields.append(view.hash.hex)
        }
        return fields.joined(separator: " ")
    }

    /// The views and information content of `encode(views:information:)`; nil when the text is damaged.
    static func decode(views text: String) -> (views: [HashedView], information: InformationContent)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, let information = InformationContent(rawValue: String(first)) else {
            return nil
        }
        var views: [HashedView] = []
        for line in lines.dropFirst() {
            guard let view = view(line: line) else { return nil }
            views.append(view)
        }
        return (views, information)
    }

    /// The view of one `line(of:)`; nil when it is damaged.
    static func view(line: Substring) -> HashedView? {
        let fields = line.split(separator: " ")
        guard fields.count == 8 || fields.count == 7 + PDQVariant.allCases.count,
            let kind = HashedView.Kind(rawValue: String(fields[1])), let x = Int(fields[2]), let y = Int(fields[3]),
            let width = Int(fields[4]), let height = Int(fields[5]), let quality = Int(fields[6])
        else { return nil }
        var dihedral: [PDQVariant: PDQHash] = [:]
        if fields.count == 8 {
            guard let hash = PDQHash(hex: fields[7]) else { return nil }
            dihedral[.original] = hash
        } else {
            for (offset, variant) in PDQVariant.allCases.enumerated() {
                guard let hash = PDQHash(hex: fields[7 + offset]) else { return nil }
                dihedral[variant] = hash
            }
        }
        return HashedView(
            name: String(fields[0]), kind: kind, region: PixelRect(x: x, y: y, width: width, height: height),
            quality: quality, dihedral: dihedral)
    }
}

extension FingerprintCodec {
    /// The second look's version; part of every feature key, so a changed extractor, verifier or content layout
    /// looks at every image again. 2: content views.
    static let featureVersion = 2

    /// What a stored feature verdict was reached against: the feature algorithm, and each registered image's id and
    /// bytes in order (verdicts name images by their position).
    static func featureKey(assets: [(id: String, sha256: String)]) -> String {
        var text = "features \(featureVersion)\n"
        for asset in assets { text += "\(asset.id.utf8.count):\(asset.id) \(asset.sha256)\n" }
        return Hashing.sha256Hex(Data(text.utf8))
    }

    /// A second look as text: one feature match a line, `image inliers mirrored x y width height`, then one content
    /// view a line, `view ` and the view as `line(of:)` writes it; empty when nothing was found.
    static func encode(secondLook: SecondLook) -> String {
        let features = secondLook.features.map { match in
            [
                match.image, match.inliers, match.mirrored ? 1 : 0, match.region.x, match.region.y,
                match.region.width, match.region.height,
            ].map(String.init).joined(separator: " ")
        }
        return (features + secondLook.contentViews.map { "view " + line(of: $0) }).joined(separator: "\n")
    }

    /// The second look of `encode(secondLook:)`; nil when the text is damaged.
    static func decode(secondLook text: String) -> SecondLook? {
        var look = SecondLook(contentViews: [], features: [])
        for line in text.split(separator: "\n") {
            if line.hasPrefix("view ") {
                guard let view = view(line: line.dropFirst(5)) else { return nil }
                look.contentViews.append(view)
                continue
            }
            let numbers = line.split(separator: " ").compactMap { Int($0) }
            guard numbers.count == 7 else { return nil }
            look.features.append(
                FeatureMatch(
                    image: numbers[0], inliers: numbers[1], mirrored: numbers[2] == 1,
                    region: PixelRect(x: numbers[3], y: numbers[4], width: numbers[5], height: numbers[6])))
        }
        return look
    }

    /// A registered image's features and its mirrored image's, as one blob: the first set's length (4 bytes, little
    /// endian), then both `FeatureSet.serialized()` forms.
    static func encode(reference: FeatureReference) -> Data {
        let first = reference.features.serialized()
        let second = reference.mirrored?.serialized() ?? Data()
        var data = Data()
        withUnsafeBytes(of: UInt32(first.count).littleEndian) { data.append(contentsOf: $0) }
        return data + first + second
    }

    /// The reference of `encode(reference:)`; nil when the blob is damaged.
    static func decode(reference data: Data, id: String) -> FeatureReference? {
        guard data.count >= 4 else { return nil }
        let bytes = [UInt8](data)
        let length = Int(bytes[0]) | Int(bytes[1]) << 8 | Int(bytes[2]) << 16 | Int(bytes[3]) << 24
        guard length <= bytes.count - 4,
            let features = try? FeatureSet(serialized: Data(bytes[4..<(4 + length)]))
        else { return nil }
        let rest = Data(bytes[(4 + length)...])
        let mirrored = rest.isEmpty ? nil : try? FeatureSet(serialized: rest)
        guard rest.isEmpty || mirrored != nil else { return nil }
        return FeatureReference(id: id, features: features, mirrored: mirrored)
    }
}
