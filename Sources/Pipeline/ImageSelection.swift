import Intake

/// Which of a listing's image references are worked on: each image once, and at most a set number of them.
///
/// A listing is text its seller wrote, and nothing stops it naming one picture two hundred times (each a decode, a
/// match and a side-by-side in the evidence) or a hundred thousand pictures within one dump line. References that
/// resolve to a source already kept (the same file, the same URL) are left out as `duplicate-reference`; past the
/// limit, distinct ones are left out as `over-image-limit`. Images whose bytes turn out to be those of an earlier
/// image of the listing are left out after reading, as `duplicate-image` (``ListingProcessor``). Every reference
/// left out is counted by reason in `run.json`, never dropped silently.
struct ImageSelection {
    /// A reference that is worked on: its position among the listing's references and what it resolved to.
    struct Kept {
        var position: Int
        var reference: String
        var source: Result<ImageSource, ImageReferenceError>
    }

    /// Why references are left out: the same source as an earlier one, past the limit, or the same bytes.
    static let duplicateReference = "duplicate-reference"
    static let overLimit = "over-image-limit"
    static let duplicateImage = "duplicate-image"

    private(set) var kept: [Kept] = []
    /// References left out, by reason.
    private(set) var skipped: [String: Int] = [:]

    /// Selects from `references` in order; `limit` is the most distinct images kept.
    init(_ references: [String], resolver: ImageResolver, limit: Int) {
        var sources = Set<ImageSource>()
        var refused = Set<String>()
        for (position, reference) in references.enumerated() {
            let source = resolver.resolve(reference)
            let isNew =
                switch source {
                case .success(let resolved): sources.insert(resolved).inserted
                case .failure: refused.insert(reference).inserted
                }
            guard isNew else {
                skipped[Self.duplicateReference, default: 0] += 1
                continue
            }
            guard kept.count < limit else {
                skipped[Self.overLimit, default: 0] += 1
                continue
            }
            kept.append(Kept(position: position, reference: reference, source: source))
        }
    }
}
