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
        let vectorBase = (0...255).contains(threshold) ? pixels.baseAddress : nil
        scores.withUnsafeMutableBufferPointer { scores in
            offsets.withUnsafeBufferPointer { offsets in
                for y in border..<(height - border) {
                    var index = y * width + border
                    let end = y * width + width - border
                    // Sixteen pixels at a time through the compass-point tests, then the survivors one by one.
                    while let base = vectorBase, index + 16 <= end {
                        // Most runs of 16 pixels fail the compass-point tests; the others get the arc test, also
                        // on all 16 at once (as even and odd pixels).
                        let block = RingBlock(base, at: index, threshold: threshold)
                        if block.anyCompassSurvivor(offsets) {
                            let even = block.arcScores(offsets, odd: false)
                            let odd = block.arcScores(offsets, odd: true)
                            for lane in 0..<8 {
                                if even[lane] > 0 {
                                    scores[index + 2 * lane] = Int32(even[lane])
                                    found += 1
                                }
                                if odd[lane] > 0 {
                                    scores[index + 2 * lane + 1] = Int32(odd[lane])
                                    found += 1
                                }
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

    /// Sixteen consecutive pixels and their circles, read as two vectors of eight 16-bit lanes (even pixels, odd
    /// pixels) straight from the bytes, for the tests `score` and `arcScore` make, lane by lane and exactly. Masks
    /// are lanes of all ones (true) or zeros, so no test needs a branch. Threshold in 0…255.
    struct RingBlock {
        let base: UnsafePointer<UInt8>
        let index: Int
        let threshold: SIMD8<Int16>

        /// The block of the 16 pixels from `index` of the picture at `base`, which with their circles lie inside it.
        init(_ base: UnsafePointer<UInt8>, at index: Int, threshold: Int) {
            self.base = base
            self.index = index
            self.threshold = SIMD8<Int16>(repeating: Int16(threshold))
        }

        /// The even (or odd) pixels of the 16 at `offset` from the block, 0…255 each.
        @inline(__always)
        func load(_ offset: Int, odd: Bool) -> SIMD8<Int16> {
            let pairs = UnsafeRawPointer(base + index + offset).loadUnaligned(as: SIMD8<Int16>.self)
            return (odd ? pairs &>> 8 : pairs) & 0xFF
        }

        /// All ones where `a > b`, from the sign of `b − a` (both within −255…4081, so the difference cannot wrap).
        @inline(__always)
        static func greater(_ a: SIMD8<Int16>, _ b: SIMD8<Int16>) -> SIMD8<Int16> { (b &- a) &>> 15 }

        /// Whether any of the 16 pixels passes `score`'s compass-point tests (two adjacent compass points both
        /// brighter than the centre by more than the threshold, or both darker): the others are no corners.
        @inline(__always)
        func anyCompassSurvivor(_ offsets: UnsafeBufferPointer<Int>) -> Bool {
            survivors(offsets, odd: false) | survivors(offsets, odd: true) != .zero
        }

        @inline(__always)
        func survivors(_ offsets: UnsafeBufferPointer<Int>, odd: Bool) -> SIMD8<Int16> {
            let centre = load(0, odd: odd)
            let high = centre &+ threshold
            let low = centre &- threshold
            let north = load(offsets[0], odd: odd)
            let east = load(offsets[4], odd: odd)
            let south = load(offsets[8], odd: odd)
            let west = load(offsets[12], odd: odd)
            let brightN = Self.greater(north, high)
            let brightE = Self.greater(east, high)
            let brightS = Self.greater(south, high)
            let brightW = Self.greater(west, high)
            let darkN = Self.greater(low, north)
            let darkE = Self.greater(low, east)
            let darkS = Self.greater(low, south)
            let darkW = Self.greater(low, west)
            return (brightN & brightE) | (brightE & brightS) | (brightS & brightW) | (brightW & brightN)
                | (darkN & darkE) | (darkE & darkS) | (darkS & darkW) | (darkW & darkN)
        }

        /// `arcScore` of the even (or odd) pixels.
        @inline(__always)
        func arcScores(_ offsets: UnsafeBufferPointer<Int>, odd: Bool) -> SIMD8<Int16> {
            let centre = load(0, odd: odd)
            let high = centre &+ threshold
            let low = centre &- threshold
            var brightMask = SIMD8<Int16>.zero
            var darkMask = SIMD8<Int16>.zero
            var brightExcess = SIMD8<Int16>.zero
            var darkExcess = SIMD8<Int16>.zero
            for bit in 0..<16 {
                let value = load(offsets[bit], odd: odd)
                let bright = Self.greater(value, high)
                let dark = Self.greater(low, value)
                let flag = SIMD8<Int16>(repeating: Int16(truncatingIfNeeded: 1 << bit))
                brightMask |= flag & bright
                darkMask |= flag & dark
                brightExcess &+= (value &- high) & bright
                darkExcess &+= (low &- value) & dark
            }
            let brightScore = (brightExcess &+ 1) & Self.hasArcs(brightMask)
            let darkScore = (darkExcess &+ 1) & Self.hasArcs(darkMask)
            // Both are 0 or positive: the larger is `arcScore`'s choice.
            return brightScore &+ ((darkScore &- brightScore) & Self.greater(darkScore, brightScore))
        }

        /// All ones where a 16-bit circular mask holds a run of 9 set bits (as `hasArc`): a run survives 8 ANDs
        /// with the mask rotated by 1…8.
        @inline(__always)
        static func hasArcs(_ masks: SIMD8<Int16>) -> SIMD8<Int16> {
            let bits = SIMD8<UInt16>(truncatingIfNeeded: masks)
            var run = bits
            for shift in UInt16(1)..<9 { run &= (bits &>> shift) | (bits &<< (16 - shift)) }
            // Nonzero exactly when the sign bit of run | −run is set.
            return SIMD8<Int16>(truncatingIfNeeded: run | (0 &- run)) &>> 15
        }
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
