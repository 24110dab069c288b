import Base
import Evidence
import Findings
import Foundation
import Imaging
import Intake
import Matching
import Store

/// A finding as tonight's evidence makes it: one listing, brand and right, with its score and signals. Its status
/// and history come when the night is complete (`StateStore.complete`), and it becomes a `Finding` of the model.
struct TonightFinding: Sendable {
    var id: String
    var listing: Listing
    var brand: String
    var right: String
    var assessment: Assessment
    var signals: [Signal]
}

/// Groups a listing's signals by brand and right and turns each group into a finding (ARCHITECTURE.md, "The finding").
struct FindingBuilder: Sendable {
    let registry: Registry

    /// A finding's id: the same for the same listing, brand and right, night after night.
    static func findingID(marketplace: String, listingID: String, brand: String, right: String) -> String {
        "f-" + Hashing.sha256Hex(Data("\(marketplace)\n\(listingID)\n\(brand)\n\(right)".utf8)).prefix(16)
    }

    /// The findings of one listing, and how many brand groups were skipped because the seller is authorised.
    func findings(for outcome: ListingOutcome) -> (findings: [TonightFinding], authorized: Int) {
        var result: [TonightFinding] = []
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
                var signals: [Signal] = rightImages.map { image, match in Self.signal(match, in: image) }
                signals += rightMarks.map(Self.signal)
                signals += rightCopies.map(Self.signal)
                signals += context.compactMap(Self.signal)
                if let (price, floor) = belowFloor { signals.append(.price(.init(price: price, floor: floor))) }
                result.append(
                    TonightFinding(
                        id: id, listing: listing, brand: brand.name, right: right, assessment: assessment,
                        signals: signals))
            }
        }
        return (result, authorized)
    }

    /// An image match as a signal; its region is the whole suspect image when the match names none.
    static func signal(_ match: ImageMatch, in image: ImageOutcome) -> Signal {
        var region: [Int]?
        if let box = match.region {
            region = [box.x, box.y, box.width, box.height]
        } else if let width = image.width, let height = image.height {
            region = [0, 0, width, height]
        }
        return .image(
            .init(
                asset: match.assetID, image: image.reference, algorithm: match.algorithm,
                transform: match.transformName, referenceView: match.referenceView, suspectView: match.suspectView,
                strength: match.strength, distance: match.distance, inliers: match.inliers,
                trusted: match.trusted ? nil : false, region: region))
    }

    /// A word mark as a signal: `goods` when the right lists its goods, `weak` for a weak hit.
    static func signal(_ mark: MarkMatch) -> Signal {
        let goods: Signal.WordMarkSignal.Goods? =
            switch mark.goods {
            case .unlisted: nil
            case .inside: .inside
            case .outside: .outside
            }
        let weak: Signal.WordMarkSignal.Weakness? =
            mark.splitsWord ? .splitsWord : mark.isWeak ? .outsideGoods : nil
        return .wordMark(
            .init(
                mark: mark.mark, found: mark.found, field: mark.field,
                span: [mark.span.lowerBound, mark.span.upperBound], how: mark.how, goods: goods, weak: weak))
    }

    /// A copied registered text as a signal.
    static func signal(_ copy: TextCopyMatch) -> Signal {
        .textCopy(
            .init(
                text: copy.text, similarity: copy.similarity, containment: copy.containment,
                method: "minhash+winnowing",
                passages: copy.passages.map { passage in
                    .init(
                        field: passage.field, span: [passage.span.lowerBound, passage.span.upperBound],
                        sourceSpan: [passage.sourceSpan.lowerBound, passage.sourceSpan.upperBound])
                }))
    }

    /// A context cue as a signal (nil for a cue this model has no case for).
    static func signal(_ cue: ContextMatch) -> Signal? {
        Signal.ContextSignal.Cue(rawValue: cue.cue).map { kind in
            .context(
                .init(
                    cue: kind, phrase: cue.phrase, field: cue.field, span: [cue.span.lowerBound, cue.span.upperBound]))
        }
    }
}

extension FindingRecord {
    /// The finding as `findings.jsonl` has it (ARCHITECTURE.md, "The finding"): `review` (the decision in force)
    /// and `previous_review` (a dismissal that new evidence reopened) when there are any.
    func finding(review: ReviewState? = nil) -> Finding {
        Finding(
            findingID: findingID, marketplace: marketplace, listingID: listingID, sellerID: sellerID, url: url,
            brand: brand, rights: [right], score: score, severity: severity, status: status, signals: signals,
            firstSeen: firstSeen, lastSeen: lastSeen,
            // The bag made on the night the evidence last changed; resolved findings keep theirs.
            bundle: "bundles/\(findingID)", resolution: resolution, relistedFrom: relistedFrom,
            review: review?.current?.review, previousReview: review?.previous?.review)
    }
}
