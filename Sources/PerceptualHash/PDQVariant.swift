public import Imaging

/// The eight dihedral variants of a PDQ hash, named as the reference names them.
///
/// Each variant's hash is what the image would hash to after the matching `DihedralTransform`, derived from the
/// original's DCT without hashing again: the DCT of a mirrored image is the original's with the sign of every
/// odd-frequency coefficient flipped along that axis, and a transposed image's DCT is the transposed DCT
/// (reference: `dct16OriginalTo*` in `pdqhashing.cpp`; the reference's rows start at frequency 1, hence its
/// even/odd sign patterns).
public enum PDQVariant: String, Sendable, Hashable, CaseIterable, Codable {
    case original
    case rot90
    case rot180
    case rot270
    case flipx
    case flipy
    case flipPlus1 = "flip_plus1"
    case flipMinus1 = "flip_minus1"

    /// The image transform whose hash this variant predicts.
    public var transform: DihedralTransform {
        switch self {
        case .original: .identity
        case .rot90: .rotate270
        case .rot180: .rotate180
        case .rot270: .rotate90
        case .flipx: .flipVertical
        case .flipy: .flipHorizontal
        case .flipPlus1: .transpose
        case .flipMinus1: .transverse
        }
    }

    /// The variant whose hash predicts `transform`.
    public init(_ transform: DihedralTransform) {
        // The mapping above is a bijection; searching it keeps one table as the single source of truth.
        self = PDQVariant.allCases.first { $0.transform == transform } ?? .original
    }

    /// The 16×16 coefficients this variant's bits come from (reference's sign and transpose patterns).
    func rearrange(_ a: [Float]) -> [Float] {
        if self == .original { return a }
        var b = [Float](repeating: 0, count: 256)
        for i in 0..<16 {
            for j in 0..<16 {
                let value = a[i * 16 + j]
                switch self {
                case .original: b[i * 16 + j] = value
                case .rot90: b[j * 16 + i] = j & 1 == 1 ? value : -value
                case .rot180: b[i * 16 + j] = (i + j) & 1 == 1 ? -value : value
                case .rot270: b[j * 16 + i] = i & 1 == 1 ? value : -value
                case .flipx: b[i * 16 + j] = i & 1 == 1 ? value : -value
                case .flipy: b[i * 16 + j] = j & 1 == 1 ? value : -value
                case .flipPlus1: b[j * 16 + i] = value
                case .flipMinus1: b[j * 16 + i] = (i + j) & 1 == 1 ? -value : value
                }
            }
        }
        return b
    }
}
