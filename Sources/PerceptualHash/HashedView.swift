public import Imaging

/// A part of an image, or a turned copy of it, with its PDQ hashes: what the matcher compares besides the whole
/// picture.
///
/// Infringers crop, pad, tilt and tile registered photos. Global hashes survive re-encoding, resizing and colour
/// edits but not geometry, so the matcher hashes more than one view of each side (`ViewPlanner`): the registered
/// side gets a grid of crops and small rotations, the suspect side its border-trimmed picture and the panels of a
/// strip or grid. A match between any registered view and any suspect view, under any dihedral variant, names
/// both views, so the evidence says how it was found.
public struct HashedView: Sendable, Hashable {
    /// What a view is, for the finding's `algorithm` (`pdq`, `pdq+trim`, `pdq+crop`, `pdq+rotation`,
    /// `pdq+panel`, `pdq+content`).
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        /// The picture as decoded.
        case whole
        /// The picture without uniform borders.
        case trim
        /// A registered picture with a side, or every side, cut away.
        case crop
        /// A registered picture turned by a few degrees.
        case rotation
        /// One panel of a suspect strip or grid.
        case panel
        /// The middle of a suspect picture (its inner 80%), which a tilt's filled corners do not reach.
        case center
        /// The box around the objects on a flat background (`ContentLayout`): on the registered side, around all of
        /// them in the picture, a crop of it or a turned copy; on the suspect side, around each cluster of them.
        case content
    }

    /// `whole`, `trim`, `crop-left-25`, `crop-all-10`, `rotate+5`, `panel-2-of-3`, `content`, `content-rotate+3`,
    /// `content-4`, ...
    public var name: String
    public var kind: Kind
    /// Where the view lies in the image's pixels (as stored). For rotations, the whole image.
    public var region: PixelRect
    public var quality: Int
    /// The view's hash under each dihedral variant; `.original` is the view as it is.
    public var dihedral: [PDQVariant: PDQHash]

    public init(name: String, kind: Kind, region: PixelRect, quality: Int, dihedral: [PDQVariant: PDQHash]) {
        self.name = name
        self.kind = kind
        self.region = region
        self.quality = quality
        self.dihedral = dihedral
    }

    /// The view's hash as it is.
    public var hash: PDQHash { dihedral[.original] ?? .zero }
}
