import Evidence
import Foundation
import Imaging
import Intake
import Matching
import Store

/// A finding as tonight's evidence makes it: one listing, brand and right, with its score and signals. Its status
/// and history come when the night is complete (`StateStore.complete`).
struct Finding: Sendable {
    var id: String
    var listing: Listing
    var brand: String
    var right: String
    var assessment: Assessment
    /// The signals as a JSON array (sorted keys).
    var signals: String
}

/// Groups a listing's signals by brand and right and turns each group into a finding (DESIGN.md, "A finding").
struct FindingBuilder: Sendable {
    let registry: Registry

    /// A finding's id: the same for the same listing, brand and right, night after night.
    static func findingID(marketplace: String, listingID: String, brand: String, right: String) -> String {
        "f-" + Digest.sha256Hex(Data("\(marketplace)\n\(listingID)\n\(brand)\n\(right)".utf8)).prefix(16)
    }

    /// The findings of one listing, and how many brand groups were skipped because the seller is authorised.
    func findings(for outcome: ListingOutcome) -> (findings: [Finding], authorized: Int) {
        var result: [Finding] = []
        var authorized = 0
        let listing = outcome.listing
        for brand in registry.brands {
            let images = outcome.images.flatMap { image in
                image.matches.filter { $0.brand == brand.name }.map { (image, $0) }
            }
            let marks = outcome.text.marks.filter { $0.brand == brand.name }
            let copies = outcome.text.copies.filter { $0.brand == brand.name }
            guard !images.isEmpty || !marks.isEmpty || !copies.isEmpty else { continue }
            if let seller = listing.sellerID, brand.authorizedSellers.contains(seller) {
                authorized += 1
                continue
            }
            var belowFloor: (Decimal, Decimal)?
            if let floor = brand.priceFloor, let price = listing.price, price < floor.amount,
                (listing.currency ?? floor.currency).uppercased() == floor.currency
            {
                belowFloor = (price, floor.amount)
            }
            let rights = Set(images.map(\.1.right) + marks.map(\.right) + copies.map(\.right)).sorted()
            for right in rights {
                let rightImages = images.filter { $0.1.right == right }
                let rightMarks = marks.filter { $0.right == right }
                let rightCopies = copies.filter { $0.right == right }
                // Cues travel with text evidence only: beside an image alone they say nothing about it.
                let context = rightMarks.isEmpty && rightCopies.isEmpty ? [] : outcome.text.context
                var evidence = Evidence(images: rightImages.map(\.1), marks: rightMarks, priceBelowFloor: belowFloor)
                evidence.copies = rightCopies
                evidence.context = context
                let assessment = Scorer.assess(evidence)
                let id = Self.findingID(
                    marketplace: listing.marketplace, listingID: listing.listingID, brand: brand.name, right: right)
                var signals: [JSON] = rightImages.map { image, match in
                    var signal: [String: JSON] = [
                        "kind": "image", "asset": .string(match.assetID), "image": .string(image.reference),
                        "algorithm": .string(match.algorithm), "transform": .string(match.transformName),
                        "reference_view": .string(match.referenceView), "suspect_view": .string(match.suspectView),
                        "strength": .double(match.strength),
                    ]
                    if let distance = match.distance { signal["distance"] = .integer(distance) }
                    if let inliers = match.inliers { signal["inliers"] = .integer(inliers) }
                    if !match.trusted { signal["trusted"] = .bool(false) }
                    if let region = match.region {
                        signal["region"] = [
                            .integer(region.x), .integer(region.y), .integer(region.width), .integer(region.height),
                        ]
                    } else if let width = image.width, let height = image.height {
                        signal["region"] = [0, 0, .integer(width), .integer(height)]
                    }
                    return .object(signal)
                }
                signals += rightMarks.map(Self.signal)
                signals += rightCopies.map(Self.signal)
                signals += context.map(Self.signal)
                if let (price, floor) = belowFloor {
                    signals.append(["kind": "price", "price": .decimal(price), "floor": .decimal(floor)])
                }
                result.append(
                    Finding(
                        id: id, listing: listing, brand: brand.name, right: right, assessment: assessment,
                        signals: JSON.array(signals).text))
            }
        }
        return (result, authorized)
    }

    /// `{"kind":"word-mark","mark":…,"found":…,"field":…,"span":[a,b],"how":…}`, with `"goods":"inside"|"outside"`
    /// when the right lists its goods and `"weak":"splits-word"|"outside-goods"` for a weak hit.
    static func signal(_ mark: MarkMatch) -> JSON {
        var object: [String: JSON] = [
            "kind": "word-mark", "mark": .string(mark.mark), "found": .string(mark.found), "field": .string(mark.field),
            "span": [.integer(mark.span.lowerBound), .integer(mark.span.upperBound)], "how": .string(mark.how),
        ]
        if mark.goods != .unlisted { object["goods"] = .string(mark.goods.rawValue) }
        if mark.splitsWord {
            object["weak"] = "splits-word"
        } else if mark.isWeak {
            object["weak"] = "outside-goods"
        }
        return .object(object)
    }

    /// `{"kind":"text-copy","text":…,"similarity":…,"containment":…,"method":"minhash+winnowing","passages":[…]}`
    static func signal(_ copy: TextCopyMatch) -> JSON {
        [
            "kind": "text-copy", "text": .string(copy.text), "similarity": .double(copy.similarity),
            "containment": .double(copy.containment), "method": "minhash+winnowing",
            "passages": .array(
                copy.passages.map { passage in
                    [
                        "field": .string(passage.field),
                        "span": [.integer(passage.span.lowerBound), .integer(passage.span.upperBound)],
                        "source_span": [
                            .integer(passage.sourceSpan.lowerBound), .integer(passage.sourceSpan.upperBound),
                        ],
                    ]
                }),
        ]
    }

    /// `{"kind":"context","cue":"counterfeit"|"fair-use","phrase":…,"field":…,"span":[a,b]}`
    static func signal(_ cue: ContextMatch) -> JSON {
        [
            "kind": "context", "cue": .string(cue.cue), "phrase": .string(cue.phrase), "field": .string(cue.field),
            "span": [.integer(cue.span.lowerBound), .integer(cue.span.upperBound)],
        ]
    }
}

extension FindingRecord {
    /// The finding as one line of `findings.jsonl` (DESIGN.md, "A finding"), sorted keys; `review` (the decision in
    /// force) and `previous_review` (a dismissal that new evidence reopened) when there are any.
    func jsonLine(review: ReviewState? = nil) -> String {
        var object: [String: JSON] = [
            "finding_id": .string(findingID), "marketplace": .string(marketplace), "listing_id": .string(listingID),
            "brand": .string(brand), "score": .double(score), "severity": .string(severity),
            "status": .string(status.rawValue), "rights": [.string(right)], "signals": .verbatim(signals),
            "first_seen": .string(firstSeen), "last_seen": .string(lastSeen),
            // The bag made on the night the evidence last changed; resolved findings keep theirs.
            "bundle": .string("bundles/\(findingID)"),
        ]
        if let sellerID { object["seller_id"] = .string(sellerID) }
        if let url { object["url"] = .string(url) }
        if let resolution { object["resolution"] = .string(resolution) }
        if let relistedFrom { object["relisted_from"] = .string(relistedFrom) }
        if let current = review?.current { object["review"] = Self.json(current) }
        if let previous = review?.previous { object["previous_review"] = Self.json(previous) }
        return JSON.object(object).text
    }

    /// A decision as `findings.jsonl` shows it.
    static func json(_ review: ReviewRecord) -> JSON {
        var object: [String: JSON] = [
            "decision": .string(review.decision.rawValue), "reviewer": .string(review.reviewer),
            "decided_at": .string(review.decidedAt), "evidence_sha256": .string(review.evidenceSHA256),
        ]
        if let reason = review.reason { object["reason"] = .string(reason) }
        if let run = review.lapsedRun { object["reopened_by"] = .string(run) }
        if let because = review.lapsedBecause { object["reopened_because"] = .string(because) }
        return .object(object)
    }
}
