import Base
import Crypto
public import Findings
public import Foundation
public import Store

/// What one finding's bundle is made of, gathered by the run: the finding with its listing and right, the listing
/// as dumped, the suspect images' bytes as read, the matched registered assets and the right's certificate.
public struct BundleMaterial: Sendable {
    public struct SuspectImage: Sendable {
        /// The reference as dumped (a path beside the dump, or a URL) and its position in the listing.
        public var reference: String
        public var position: Int
        public var bytes: Data

        public init(reference: String, position: Int, bytes: Data) {
            self.reference = reference
            self.position = position
            self.bytes = bytes
        }
    }

    public struct Asset: Sendable {
        public var id: String
        public var file: URL
        public var bytes: Data

        public init(id: String, file: URL, bytes: Data) {
            self.id = id
            self.file = file
            self.bytes = bytes
        }
    }

    /// The run a bag is made in.
    public struct Run: Sendable {
        public var id: String
        /// `YYYY-MM-DD`, from the run's clock.
        public var date: String
        public var toolVersion: String
        public var registrySHA256: String
        public var dumpSHA256: String

        public init(id: String, date: String, toolVersion: String, registrySHA256: String, dumpSHA256: String) {
            self.id = id
            self.date = date
            self.toolVersion = toolVersion
            self.registrySHA256 = registrySHA256
            self.dumpSHA256 = dumpSHA256
        }
    }

    public var evidence: FindingEvidence
    /// The listing exactly as dumped, on the first night it said what it says now (its version's record).
    public var listingRaw: String
    public var suspectImages: [SuspectImage]
    public var assets: [Asset]
    public var certificate: Data?
    public var run: Run

    public init(
        evidence: FindingEvidence, listingRaw: String, suspectImages: [SuspectImage], assets: [Asset],
        certificate: Data?, run: Run
    ) {
        self.evidence = evidence
        self.listingRaw = listingRaw
        self.suspectImages = suspectImages
        self.assets = assets
        self.certificate = certificate
        self.run = run
    }
}

/// One BagIt bag per finding (ARCHITECTURE.md, "Output folder"): `data/` holds `finding.json`, `listing.json` (the listing
/// as dumped, unknown fields and all), the suspect images byte for byte (`images/`), the matched registered assets
/// (`assets/`), the right's certificate (`certificates/`), one side-by-side PNG per image signal and
/// `claim-chart.html`; `bag-info.txt` names the brand owner, the finding, the run, the tool and the SHA-256 of the
/// dump and of the registry.
///
/// A bag is a snapshot of the evidence, not of the finding's status: `finding.json` leaves out what changes every
/// night (status, last seen), and `bag-info.txt` records an evidence key (SHA-256 over everything the bag is made
/// of), so a finding whose evidence did not change since last night keeps last night's bag, untouched; a run keeps
/// the keys in the state file and decides from hashes alone. A bag whose folder is gone is made again. A bag changed
/// in place is not checked every night and not overwritten: finding that is `proofmark verify`'s job, and evidence
/// of tampering is kept, not repaired away. A bag made again from the same material and run is byte-identical.
public enum EvidenceBundle {
    /// How a side-by-side PNG is made for an image signal (registered asset's bytes, suspect image's bytes); nil
    /// when it cannot be (an image that no longer decodes).
    public typealias SideBySideRenderer =
        @Sendable (
            _ signal: AccusedElement.ImageSignal, _ registered: Data, _ suspect: Data, _ caption: [String]
        ) -> Data?
    /// How the claim chart is made, with the bundle-relative file names of each image signal's pictures (by suspect
    /// image reference) and the date the bag is made.
    public typealias ClaimChartRenderer =
        @Sendable (_ evidence: FindingEvidence, _ images: [String: ClaimChartImages], _ date: String) -> String

    /// The pictures of one image signal inside the bag (paths relative to `data/`).
    public struct ClaimChartImages: Sendable, Hashable {
        public var registered: String
        public var suspect: String
        public var sideBySide: String?
    }

    public enum Outcome: Sendable, Equatable {
        case written
        case unchanged
    }

    /// Writes the bag of `material` into `bundles/<finding id>`, unless the bag there already holds the same evidence
    /// (its recorded key matches and no file was lost or added).
    public static func write(
        _ material: BundleMaterial, into bundles: URL, signer: BagSigner?,
        sideBySide: SideBySideRenderer, claimChart: ClaimChartRenderer
    ) throws(EvidenceError) -> Outcome {
        let folder = bundles.appendingPathComponent(material.evidence.finding.findingID)
        let key = evidenceKey(material, signer: signer)
        if existingKey(folder) == key, BagVerifier.payloadOxumHolds(folder) { return .unchanged }
        try write(material, key: key, into: bundles, signer: signer, sideBySide: sideBySide, claimChart: claimChart)
        return .written
    }

    /// Writes the bag of `material` with an evidence key the caller computed (`evidenceKey(...)`), replacing any bag
    /// there: for a run that keeps the keys of its bags and knows the bag is out of date.
    public static func write(
        _ material: BundleMaterial, key: String, into bundles: URL, signer: BagSigner?,
        sideBySide: SideBySideRenderer, claimChart: ClaimChartRenderer
    ) throws(EvidenceError) {
        let folder = bundles.appendingPathComponent(material.evidence.finding.findingID)
        try BagIt.write(
            contents(material, key: key, sideBySide: sideBySide, claimChart: claimChart), to: folder, signer: signer)
    }

    /// The bag's contents.
    static func contents(
        _ material: BundleMaterial, key: String, sideBySide: SideBySideRenderer, claimChart: ClaimChartRenderer
    ) -> BagContents {
        let evidence = material.evidence
        let finding = evidence.finding
        var bag = BagContents()
        bag.payload.append(.init(path: "finding.json", bytes: Data(findingJSON(evidence).utf8)))
        bag.payload.append(.init(path: "listing.json", bytes: Data((material.listingRaw + "\n").utf8)))
        var imageNames: [String: String] = [:]
        for image in material.suspectImages {
            let name = "images/\(image.position + 1)-\(safeName(image.reference))"
            imageNames[image.reference] = name
            bag.payload.append(.init(path: name, bytes: image.bytes))
        }
        var assetNames: [String: String] = [:]
        for asset in material.assets {
            let ext = asset.file.pathExtension.isEmpty ? "" : "." + safeName(asset.file.pathExtension)
            let name = "assets/\(safeName(asset.id))\(ext)"
            assetNames[asset.id] = name
            bag.payload.append(.init(path: name, bytes: asset.bytes))
        }
        if let certificate = material.certificate {
            let ext = evidence.right.certificate?.pathExtension ?? ""
            bag.payload.append(
                .init(
                    path: "certificates/\(safeName(evidence.right.id))\(ext.isEmpty ? "" : "." + safeName(ext))",
                    bytes: certificate))
        }
        var pictures: [String: ClaimChartImages] = [:]
        var index = 0
        for element in evidence.elements {
            guard case .image(let signal) = element, let suspect = imageNames[signal.image],
                let registered = assetNames[signal.asset]
            else { continue }
            index += 1
            var picture = ClaimChartImages(registered: registered, suspect: suspect)
            if let suspectBytes = material.suspectImages.first(where: { $0.reference == signal.image })?.bytes,
                let assetBytes = material.assets.first(where: { $0.id == signal.asset })?.bytes,
                let png = sideBySide(signal, assetBytes, suspectBytes, caption(signal, evidence: evidence))
            {
                let name = "side-by-side-\(index).png"
                bag.payload.append(.init(path: name, bytes: png))
                picture.sideBySide = name
            }
            pictures[signal.image] = pictures[signal.image] ?? picture
        }
        bag.payload.append(
            .init(path: "claim-chart.html", bytes: Data(claimChart(evidence, pictures, material.run.date).utf8)))

        let registration = evidence.right.registration
        bag.info = [
            ("Source-Organization", evidence.owner),
            ("External-Identifier", finding.findingID),
            (
                "External-Description",
                "Evidence that \(finding.marketplace) listing \(finding.listingID) infringes \(registration) "
                    + "(\(evidence.right.id), brand \(finding.brand))"
            ),
            ("Bagging-Date", material.run.date),
            ("Bag-Software-Agent", "Proofmark \(material.run.toolVersion)"),
            ("Proofmark-Run-ID", material.run.id),
            ("Proofmark-Registry-SHA256", material.run.registrySHA256),
            ("Proofmark-Dump-SHA256", material.run.dumpSHA256),
            ("Proofmark-Captured-At", evidence.listing.capturedAt ?? "unknown"),
            ("Proofmark-Evidence-Key", key),
        ]
        return bag
    }

    /// The caption of a side-by-side picture: asset, right, algorithm, distance or inliers, transform, score.
    static func caption(_ signal: AccusedElement.ImageSignal, evidence: FindingEvidence) -> [String] {
        var measure = signal.algorithm
        if let distance = signal.distance { measure += " distance \(distance)" }
        if let inliers = signal.inliers { measure += " inliers \(inliers)" }
        if let transform = signal.transform { measure += ", \(transform)" }
        return [
            "Registered: \(signal.asset) (\(evidence.right.registration), \(evidence.right.id))  |  "
                + "Suspect: \(evidence.finding.marketplace) \(evidence.finding.listingID)",
            "\(measure)  |  score \(String(format: "%.2f", evidence.finding.score)) "
                + "(\(evidence.finding.severity))  |  \(evidence.finding.findingID)",
        ]
    }

    /// `finding.json`: the finding's evidence, without what changes every night (status, last seen).
    static func findingJSON(_ evidence: FindingEvidence) -> String {
        // Strings, numbers and signals only: the encoder has nothing to refuse.
        ((try? CanonicalJSON.text(BagFinding(evidence), layout: .indented)) ?? "{}") + "\n"
    }

    /// SHA-256 over everything a bag is made of but the run that makes it: when it matches the key of the bag made
    /// before, the bag is left as it is.
    static func evidenceKey(_ material: BundleMaterial, signer: BagSigner?) -> String {
        evidenceKey(
            finding: material.evidence.finding, right: material.evidence.right, owner: material.evidence.owner,
            listingRaw: material.listingRaw,
            images: material.suspectImages.map { ($0.reference, $0.position, Hashing.sha256Hex($0.bytes)) },
            assets: material.assets.map { ($0.id, $0.file.lastPathComponent, Hashing.sha256Hex($0.bytes)) },
            certificateSHA256: material.certificate.map { Hashing.sha256Hex($0) },
            toolVersion: material.run.toolVersion,
            signer: signer)
    }

    /// The evidence key from the stored finding and hashes alone: a run tells a bag is up to date without parsing
    /// or reading anything. `images` and `assets` may hold more than the bag will (all of the listing's images, all
    /// of the brand's assets): a change to any of them makes the bag again, which is safe.
    public static func evidenceKey(
        finding: FindingRecord, right: RightSummary, owner: String, listingRaw: String,
        images: [(reference: String, position: Int, sha256: String)],
        assets: [(id: String, fileName: String, sha256: String)], certificateSHA256: String?, toolVersion: String,
        signer: BagSigner?
    ) -> String {
        var parts: [String] = [
            "proofmark-evidence-2", toolVersion, owner, signer?.publicKeyPEM ?? "unsigned", finding.findingID,
            finding.marketplace, finding.listingID, finding.sellerID ?? "-", finding.url ?? "-", finding.brand,
            finding.right, String(finding.score), finding.severity.rawValue, finding.firstSeen,
            Signal.text(finding.signals), right.id,
            right.type, right.registration, right.jurisdiction ?? "-", right.holder ?? "-", right.expires ?? "-",
            listingRaw,
        ]
        for image in images.sorted(by: { $0.position < $1.position }) {
            parts += ["image", image.reference, String(image.position), image.sha256]
        }
        for asset in assets.sorted(by: { $0.id < $1.id }) {
            parts += ["asset", asset.id, asset.fileName, asset.sha256]
        }
        if let certificateSHA256 { parts += ["certificate", certificateSHA256] }
        var hasher = SHA256()
        for part in parts { hasher.update(data: Data("\(part.utf8.count):\(part)".utf8)) }
        return Hashing.hex(hasher.finalize())
    }

    /// The evidence key recorded in an existing bag, if any.
    static func existingKey(_ folder: URL) -> String? {
        guard let info = try? String(contentsOf: folder.appendingPathComponent("bag-info.txt"), encoding: .utf8)
        else { return nil }
        let label = "Proofmark-Evidence-Key:"
        return info.split(separator: "\n").first { $0.hasPrefix(label) }.map {
            $0.dropFirst(label.count).trimmingCharacters(in: .whitespaces)
        }
    }

    /// A file name safe in any file system and any BagIt tool: letters, digits, `.`, `-`, `_`; the rest `_`; at
    /// most 80 characters, keeping the end (where an extension is).
    static func safeName(_ reference: String) -> String {
        let path = reference.split(whereSeparator: { $0 == "?" || $0 == "#" }).first.map(String.init) ?? reference
        let last = path.split(separator: "/").last.map(String.init) ?? path
        var name = String(
            last.unicodeScalars.map { scalar in
                scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "._-".unicodeScalars.contains(scalar))
                    ? Character(scalar) : "_"
            })
        while name.hasPrefix(".") { name.removeFirst() }
        if name.isEmpty { name = "file" }
        return String(name.suffix(80))
    }
}

/// A bag's `finding.json` (ARCHITECTURE.md, "The finding"): the finding's evidence and the right it rests on,
/// written with `CanonicalJSON`'s indented layout.
struct BagFinding: Encodable {
    var finding: FindingRecord
    var right: RightSummary

    init(_ evidence: FindingEvidence) {
        finding = evidence.finding
        right = evidence.right
    }

    enum CodingKeys: String, CodingKey {
        case findingID = "finding_id", marketplace, listingID = "listing_id", sellerID = "seller_id", url, brand
        case rights, score, severity, firstSeen = "first_seen", signals, right
    }

    enum RightKeys: String, CodingKey {
        case id, type, registration, jurisdiction, holder, expires
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(finding.findingID, forKey: .findingID)
        try container.encode(finding.marketplace, forKey: .marketplace)
        try container.encode(finding.listingID, forKey: .listingID)
        try container.encodeIfPresent(finding.sellerID, forKey: .sellerID)
        try container.encodeIfPresent(finding.url, forKey: .url)
        try container.encode(finding.brand, forKey: .brand)
        try container.encode([finding.right], forKey: .rights)
        try container.encode(finding.score, forKey: .score)
        try container.encode(finding.severity, forKey: .severity)
        try container.encode(finding.firstSeen, forKey: .firstSeen)
        try container.encode(finding.signals, forKey: .signals)
        // The right's optional members are written as null: a reader sees that the registry gave none.
        var rightContainer = container.nestedContainer(keyedBy: RightKeys.self, forKey: .right)
        try rightContainer.encode(right.id, forKey: .id)
        try rightContainer.encode(right.type, forKey: .type)
        try rightContainer.encode(right.registration, forKey: .registration)
        try rightContainer.encode(right.jurisdiction, forKey: .jurisdiction)
        try rightContainer.encode(right.holder, forKey: .holder)
        try rightContainer.encode(right.expires, forKey: .expires)
    }
}
