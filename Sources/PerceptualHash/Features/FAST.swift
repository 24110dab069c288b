public import Imaging

/// The FAST-9 corner detector (E. Rosten and T. Drummond, "Machine learning for high-speed corner detection",
/// ECCV 2006): a pixel is a corner when at least 9 contiguous pixels of the 16 on a Bresenham circle of radius 3
/// are all brighter than it by more than a threshold, or all darker.
///
/// We use the paper's segment test with its high-speed rejection (a 9-arc always covers two adjacent compass
/// points of 0, 4, 8, 12), not its learned decision tree: the arc is tested with bit masks, which is as fast on
/// the few pixels that pass the rejection. Corners are thinned by 3 × 3 non-maximum suppression on a score, the
/// summed excess contrast of the arc's pixels. O(width × height).
public enum FASTDetector {
    /// A corner: its pixel and its score (larger is more contrast around it).
    public struct Corner: Sendable, Hashable {
        public var x: Int
        public var y: Int
        public var score: Int

        public init(x: Int, y: Int, score: Int) {
            self.x = x
            self.y = y
            self.score = score
        }
    }

    /// The circle of radius 3, clockwise from the top (y grows downwards).
    static let circle: [(x: Int, y: Int)] = [
        (0, -3), (1, -3), (2, -2), (3, -1), (3, 0), (3, 1), (2, 2), (1, 3),
        (0, 3), (-1, 3), (-2, 2), (-3, 1), (-3, 0), (-3, -1), (-2, -2), (-1, -3),
    ]

    /// FAST-9 corners of `luma` (samples rounded to 8 bits) after non-maximum suppression, at least `border`
    /// pixels (and never fewer than 3) from every edge, in row-major order.
    public static func corners(in luma: LumaPlane, threshold: Int = 20, border: Int = 3) -> [Corner] {
        let pixels = luma.values.map { UInt8(min(255, max(0, $0.rounded()))) }
        return pixels.withUnsafeBufferPointer {
            corners(in: $0, width: luma.width, height: luma.height, threshold: threshold, border: max(3, border))
        }
    }

    /// The same on 8-bit samples, `border` ≥ 3. Allocates one score plane of `width × height` integers.
    static func corners(
        in pixels: UnsafeBufferPointer<UInt8>, width: Int, height: Int, threshold: Int, border: Int
    ) -> [Corner] {
        guard width > 2 * border, height > 2 * border else { return [] }
        let offsets = circle.map { $0.y * width + $0.x }
        var scores = [Int32](repeating: 0, count: width * height)
        var found = 0
        // The vector tests hold 8-bit samples ± the threshold in 16 bits.
        let vectorised = (0...255).contains(threshold)
        scores.withUnsafeMutableBufferPointer { scores in
            offsets.withUnsafeBufferPointer { offsets in
                for y in border..<(height - border) {
                    var index = y * width + border
                    let end = y * width + width - border
                    // Sixteen pixels at a time through the compass-point tests, then the survivors one by one.
                    while vectorised && index + 16 <= end {
                        var survivors = compassSurvivors(pixels, at: index, offsets: offsets, threshold: threshold)
                        while survivors != 0 {
                            let lane = survivors.trailingZeroBitCount
                            survivors &= survivors - 1
                            let score = arcScore(pixels, at: index + lane, offsets: offsets, threshold: threshold)
                            if score > 0 {
                                scores[index + lane] = Int32(clamping: score)
                                found += 1
                            }
                        }
                        index += 16
                    }
                    for index in index..<end {
                        let score = score(pixels, at: index, offsets: offsets, threshold: threshold)
                        if score > 0 {
                            scores[index] = Int32(clamping: score)
                            found += 1
                        }
                    }
                }
            }
        }
        guard found > 0 else { return [] }
        var corners: [Corner] = []
        corners.reserveCapacity(found / 2)
        scores.withUnsafeBufferPointer { scores in
            for y in border..<(height - border) {
                for x in border..<(width - border) {
                    let index = y * width + x
                    let score = scores[index]
                    guard score > 0 else { continue }
                    // Strictly above the neighbours already passed, at least the ones to come: one survivor per tie.
                    guard score > scores[index - width - 1], score > scores[index - width],
                        score > scores[index - width + 1], score > scores[index - 1],
                        score >= scores[index + 1], score >= scores[index + width - 1],
                        score >= scores[index + width], score >= scores[index + width + 1]
                    else { continue }
                    corners.append(Corner(x: x, y: y, score: Int(score)))
                }
            }
        }
        return corners
    }

    /// The corner score of the pixel at `index` (0 when it is no corner): the compass-point tests, then the arc.
    @inline(__always)
    static func score(
        _ pixels: UnsafeBufferPointer<UInt8>, at index: Int, offsets: UnsafeBufferPointer<Int>, threshold: Int
    ) -> Int {
        let centre = Int(pixels[index])
        let high = centre + threshold
        let low = centre - threshold
        let north = Int(pixels[index + offsets[0]])
        let south = Int(pixels[index + offsets[8]])
        // A 9-arc covers north or south: most pixels stop here, after two loads.
        guard north > high || north < low || south > high || south < low else { return 0 }
        let east = Int(pixels[index + offsets[4]])
        let west = Int(pixels[index + offsets[12]])
        // A 9-arc covers two adjacent compass points: one pair both brighter or both darker.
        let brighter =
            (north > high ? 1 : 0) | (east > high ? 2 : 0) | (south > high ? 4 : 0) | (west > high ? 8 : 0)
        let darker = (north < low ? 1 : 0) | (east < low ? 2 : 0) | (south < low ? 4 : 0) | (west < low ? 8 : 0)
        guard hasAdjacentPair(brighter) || hasAdjacentPair(darker) else { return 0 }
        return arcScore(pixels, at: index, offsets: offsets, threshold: threshold)
    }

    /// The score of the pixel at `index` from all 16 circle pixels: the summed excess contrast of the brighter (or
    /// darker) pixels, plus one, when they hold a 9-arc (the larger of the two when both do); 0 otherwise.
    @inline(__always)
    static func arcScore(
        _ pixels: UnsafeBufferPointer<UInt8>, at index: Int, offsets: UnsafeBufferPointer<Int>, threshold: Int
    ) -> Int {
        let centre = Int(pixels[index])
        let high = centre + threshold
        let low = centre - threshold
        var brightMask: UInt32 = 0
        var darkMask: UInt32 = 0
        var brightExcess = 0
        var darkExcess = 0
        for bit in 0..<16 {
            let value = Int(pixels[index + offsets[bit]])
            if value > high {
                brightMask |= 1 << UInt32(bit)
                brightExcess += value - high
            } else if value < low {
                darkMask |= 1 << UInt32(bit)
                darkExcess += low - value
            }
        }
        var score = 0
        if hasArc(brightMask) { score = brightExcess + 1 }
        if hasArc(darkMask) { score = max(score, darkExcess + 1) }
        return score
    }

    /// Lane `k` set for each of the 16 pixels from `index` that passes `score`'s compass-point tests (two adjacent
    /// compass points both brighter than the centre by more than `threshold`, or both darker), as one vector
    /// computation; those that fail are no corners.
    @inline(__always)
    static func compassSurvivors(
        _ pixels: UnsafeBufferPointer<UInt8>, at index: Int, offsets: UnsafeBufferPointer<Int>, threshold: Int
    ) -> UInt32 {
        guard let base = pixels.baseAddress else { return 0 }
        func load(_ offset: Int) -> SIMD16<Int16> {
            SIMD16<Int16>(
                truncatingIfNeeded: UnsafeRawPointer(base + index + offset).loadUnaligned(as: SIMD16<UInt8>.self))
        }
        let centre = load(0)
        let limit = SIMD16<Int16>(repeating: Int16(clamping: threshold))
        let high = centre &+ limit
        let low = centre &- limit
        let north = load(offsets[0])
        let east = load(offsets[4])
        let south = load(offsets[8])
        let west = load(offsets[12])
        let brightN = north .> high
        let brightE = east .> high
        let brightS = south .> high
        let brightW = west .> high
        let darkN = north .< low
        let darkE = east .< low
        let darkS = south .< low
        let darkW = west .< low
        let bright = (brightN .& brightE) .| (brightE .& brightS) .| (brightS .& brightW) .| (brightW .& brightN)
        let dark = (darkN .& darkE) .| (darkE .& darkS) .| (darkS .& darkW) .| (darkW .& darkN)
        let lanes = SIMD16<UInt16>(1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768)
        return UInt32(SIMD16<UInt16>(repeating: 0).replacing(with: lanes, where: bright .| dark).wrappedSum())
    }

    /// Whether two circularly adjacent compass points (N–E, E–S, S–W, W–N) are set in a 4-bit mask.
    @inline(__always)
    static func hasAdjacentPair(_ mask: Int) -> Bool {
        let rotated = ((mask << 1) | (mask >> 3)) & 0xF
        return mask & rotated != 0
    }

    /// Whether a 16-bit circular mask holds a run of at least 9 set bits.
    @inline(__always)
    static func hasArc(_ mask: UInt32) -> Bool {
        var run = mask | (mask << 16)
        let doubled = run
        for shift in 1..<9 { run &= doubled >> UInt32(shift) }
        return run != 0
    }
}
