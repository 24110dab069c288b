import Foundation
public import Imaging

/// Extracts ORB-style local features: FAST-9 corners on an image pyramid, ranked by Harris response and spread
/// over the image, oriented by intensity centroid, described by 256 steered binary tests.
///
/// The recipe follows ORB (E. Rublee, V. Rabaud, K. Konolige, G. Bradski, "ORB: an efficient alternative to SIFT
/// or SURF", ICCV 2011): FAST (Rosten & Drummond 2006) at each level of a scale pyramid; the Harris measure
/// (C. Harris and M. Stephens, "A combined corner and edge detector", 1988; 7 × 7 window, k = 0.04) to rank
/// them; orientation as the angle of the intensity centroid in a radius-15 disc (P. L. Rosin, "Measuring corner
/// properties", CVIU 1999); and BRIEF tests steered by that angle, on a 5 × 5 box-smoothed level. Two choices
/// differ from ORB: the test pattern is our own (`TestPattern`), and corners are spread with a grid, each cell
/// giving its best corner before any cell gives its second, so one busy texture cannot take the whole budget.
///
/// Inputs larger than `workingSize` on their long side are first shrunk by area averaging; keypoints are always
/// reported in the input's pixels. O(pixels) for the pyramid and detection, O(features × 256) for description.
public enum FeatureExtractor {
    /// Tuning of the extractor; the defaults are what the matcher was calibrated with.
    public struct Options: Sendable, Hashable {
        /// Features kept per image, at most.
        public var maximumFeatures: Int
        /// Inputs are shrunk so their long side is at most this (never enlarged).
        public var workingSize: Int
        /// Size ratio between pyramid levels.
        public var scaleFactor: Float
        /// Pyramid levels at most (fewer when a level would get too small).
        public var levels: Int
        /// FAST intensity threshold (0…255 scale).
        public var fastThreshold: Int
        /// Side of the spreading grid's cells at every level, in that level's pixels.
        public var cellSize: Int

        public init(
            maximumFeatures: Int = 500, workingSize: Int = 480, scaleFactor: Float = 1.3, levels: Int = 6,
            fastThreshold: Int = 18, cellSize: Int = 24
        ) {
            self.maximumFeatures = maximumFeatures
            self.workingSize = workingSize
            self.scaleFactor = scaleFactor
            self.levels = levels
            self.fastThreshold = fastThreshold
            self.cellSize = cellSize
        }

        /// For registered images (each is indexed twice, as registered and mirrored): 500 features.
        public static let reference = Options()
        /// For suspect images: 800 features, so a registered image pasted over a fifth of a picture, or one panel
        /// of a grid, still gets enough of them (on `Benchmarks/peers/features.py`, grid panels found went from
        /// 20 to 24 of 25 against 500 features).
        public static let suspect = Options(maximumFeatures: 800)
    }

    /// Distance kept from every level's edge: the orientation disc (15) and the steered tests (≤ 14) fit inside.
    static let border = 16
    /// Diameter of the described patch at level 0, in working pixels (as ORB's `patchSize`).
    static let patchSize: Float = 31
    static let orientationRadius = 15

    /// The features of `image` (its luminance).
    public static func extract(_ image: Image, options: Options = Options()) -> FeatureSet {
        extract(image.luma(), options: options)
    }

    /// The features of `luma`, deterministic for the same samples and options.
    public static func extract(_ luma: LumaPlane, options: Options = Options()) -> FeatureSet {
        let (levels, budgets) = pyramid(workingPlane(luma, options: options), options: options)
        var keypoints: [Keypoint] = []
        var descriptors: [BinaryDescriptor] = []
        keypoints.reserveCapacity(options.maximumFeatures)
        descriptors.reserveCapacity(options.maximumFeatures)
        for (octave, level) in levels.enumerated() where budgets[octave] > 0 {
            level.features(
                octave: octave, budget: budgets[octave], options: options,
                inputScale: (Float(luma.width) / Float(level.width), Float(luma.height) / Float(level.height)),
                keypoints: &keypoints, descriptors: &descriptors)
        }
        return FeatureSet(width: luma.width, height: luma.height, keypoints: keypoints, descriptors: descriptors)
    }

    /// `luma` shrunk so its long side is at most `options.workingSize` (never enlarged).
    static func workingPlane(_ luma: LumaPlane, options: Options) -> LumaPlane {
        let longSide = max(luma.width, luma.height)
        guard longSide > options.workingSize else { return luma }
        let factor = Double(options.workingSize) / Double(longSide)
        return AreaShrink.shrink(
            luma, width: max(1, Int((Double(luma.width) * factor).rounded())),
            height: max(1, Int((Double(luma.height) * factor).rounded())))
    }

    /// The pyramid of `working` and each level's share of the feature budget (ORB's: in proportion to the
    /// level's linear size).
    static func pyramid(_ working: LumaPlane, options: Options) -> (levels: [Level], budgets: [Int]) {
        var levels: [Level] = [Level(pixels: AreaShrink.bytes(working), width: working.width, height: working.height)]
        let minimumSide = 2 * border + 8
        // Each level is shrunk from the one above (a 1.3× step reads about two taps a sample), kept in floats so
        // rounding does not accumulate.
        var previous = working
        while levels.count < options.levels {
            let scale = pow(options.scaleFactor, Float(levels.count))
            let width = Int((Float(working.width) / scale).rounded())
            let height = Int((Float(working.height) / scale).rounded())
            guard min(width, height) >= minimumSide else { break }
            previous = AreaShrink.shrink(previous, width: width, height: height)
            levels.append(Level(pixels: AreaShrink.bytes(previous), width: width, height: height))
        }
        // ORB's budget: each level gets features in proportion to its linear size.
        let shrink = 1 / options.scaleFactor
        var budgets: [Int] = []
        var remaining = options.maximumFeatures
        let total = (0..<levels.count).reduce(Float(0)) { $0 + pow(shrink, Float($1)) }
        for index in levels.indices {
            let share =
                index == levels.count - 1
                ? remaining : Int((Float(options.maximumFeatures) * pow(shrink, Float(index)) / total).rounded())
            budgets.append(max(0, min(share, remaining)))
            remaining -= budgets[index]
        }
        return (levels, budgets)
    }
}

extension FeatureExtractor {
    /// One pyramid level: its 8-bit samples.
    struct Level {
        var pixels: [UInt8]
        var width: Int
        var height: Int

        /// Detects, ranks, spreads, orients and describes up to `budget` features, appending them.
        func features(
            octave: Int, budget: Int, options: Options, inputScale: (x: Float, y: Float),
            keypoints: inout [Keypoint], descriptors: inout [BinaryDescriptor]
        ) {
            let oriented = orientedCorners(budget: budget, options: options)
            guard !oriented.isEmpty else { return }
            let smoothed = boxSmoothed()
            let offsets = TestPattern.indexOffsets(stride: width)
            let size = FeatureExtractor.patchSize * (inputScale.x + inputScale.y) / 2
            smoothed.withUnsafeBufferPointer { smoothed in
                offsets.withUnsafeBufferPointer { offsets in
                    for corner in oriented {
                        let descriptor = describe(
                            smoothed, offsets: offsets, centre: corner.y * width + corner.x,
                            bin: TestPattern.bin(for: corner.angle))
                        keypoints.append(
                            Keypoint(
                                x: (Float(corner.x) + 0.5) * inputScale.x,
                                y: (Float(corner.y) + 0.5) * inputScale.y, size: size, angle: corner.angle,
                                response: corner.response, octave: UInt8(octave)))
                        descriptors.append(descriptor)
                    }
                }
            }
        }

        /// FAST corners ranked by Harris response, spread by the grid, at most `budget`, each with its orientation.
        func orientedCorners(budget: Int, options: Options) -> [(x: Int, y: Int, angle: Float, response: Float)] {
            let corners = pixels.withUnsafeBufferPointer {
                FASTDetector.corners(
                    in: $0, width: width, height: height, threshold: options.fastThreshold,
                    border: FeatureExtractor.border)
            }
            guard !corners.isEmpty else { return [] }
            let responses = pixels.withUnsafeBufferPointer { pixels in
                corners.map { harrisResponse(pixels, x: $0.x, y: $0.y) }
            }
            let chosen = spread(corners, responses: responses, budget: budget, cellSize: options.cellSize)
            return pixels.withUnsafeBufferPointer { pixels in
                chosen.map { index in
                    let corner = corners[index]
                    return (corner.x, corner.y, orientation(pixels, x: corner.x, y: corner.y), responses[index])
                }
            }
        }

        /// The Harris measure det(M) − 0.04 tr(M)² of the 7 × 7 structure tensor of Sobel gradients at (x, y).
        func harrisResponse(_ pixels: UnsafeBufferPointer<UInt8>, x: Int, y: Int) -> Float {
            var xx = 0
            var yy = 0
            var xy = 0
            for row in (y - 3)...(y + 3) {
                var index = row * width + x - 3
                for _ in 0..<7 {
                    let up = index - width
                    let down = index + width
                    let gx =
                        Int(pixels[up + 1]) - Int(pixels[up - 1]) + 2
                        * (Int(pixels[index + 1]) - Int(pixels[index - 1]))
                        + Int(pixels[down + 1]) - Int(pixels[down - 1])
                    let gy =
                        Int(pixels[down - 1]) - Int(pixels[up - 1]) + 2 * (Int(pixels[down]) - Int(pixels[up]))
                        + Int(pixels[down + 1]) - Int(pixels[up + 1])
                    xx += gx * gx
                    yy += gy * gy
                    xy += gx * gy
                    index += 1
                }
            }
            // Normalised so responses are comparable whatever the level: gradients up to 4 × 255 per axis.
            let scale: Float = 1 / (4 * 255 * 49)
            let a = Float(xx) * scale
            let b = Float(yy) * scale
            let c = Float(xy) * scale
            return (a * b - c * c) - 0.04 * (a + b) * (a + b)
        }

        /// Indices into `corners` of at most `budget` corners: grid cells take turns, each giving its strongest
        /// remaining corner, cells with stronger corners first in each round. Ties break by position.
        func spread(_ corners: [FASTDetector.Corner], responses: [Float], budget: Int, cellSize: Int) -> [Int] {
            let columns = max(1, (width + cellSize - 1) / cellSize)
            // Each corner's cell, worked out once rather than in every comparison (the orders are total, so the
            // sorts' results do not depend on how they get there).
            let cells = corners.map { ($0.y / cellSize) * columns + $0.x / cellSize }
            let order = corners.indices.sorted { left, right in
                if cells[left] != cells[right] { return cells[left] < cells[right] }
                if responses[left] != responses[right] { return responses[left] > responses[right] }
                return left < right
            }
            var rank = [Int](repeating: 0, count: corners.count)
            var previousCell = -1
            var current = 0
            for index in order {
                let cell = cells[index]
                current = cell == previousCell ? current + 1 : 0
                previousCell = cell
                rank[index] = current
            }
            let ranked = corners.indices.sorted { left, right in
                if rank[left] != rank[right] { return rank[left] < rank[right] }
                if responses[left] != responses[right] { return responses[left] > responses[right] }
                return left < right
            }
            return Array(ranked.prefix(budget))
        }

        /// The angle of the intensity centroid in the radius-15 disc around (x, y).
        func orientation(_ pixels: UnsafeBufferPointer<UInt8>, x: Int, y: Int) -> Float {
            let radius = FeatureExtractor.orientationRadius
            var m01 = 0
            var m10 = 0
            for dy in -radius...radius {
                let half = FeatureExtractor.discHalfWidths[dy + radius]
                let row = (y + dy) * width + x
                var sum = 0
                var weighted = 0
                for dx in -half...half {
                    let value = Int(pixels[row + dx])
                    sum += value
                    weighted += dx * value
                }
                m10 += weighted
                m01 += dy * sum
            }
            return Float(atan2(Double(m01), Double(m10)))
        }

        /// The 256 tests at `centre` with the pattern rotated to `bin`, on the smoothed level.
        func describe(
            _ smoothed: UnsafeBufferPointer<UInt8>, offsets: UnsafeBufferPointer<Int32>, centre: Int, bin: Int
        ) -> BinaryDescriptor {
            var lanes = SIMD4<UInt64>(repeating: 0)
            var cursor = bin * TestPattern.pairCount * 2
            for lane in 0..<4 {
                var word: UInt64 = 0
                for bit in 0..<64 {
                    let first = smoothed[centre + Int(offsets[cursor])]
                    let second = smoothed[centre + Int(offsets[cursor + 1])]
                    if first < second { word |= 1 << UInt64(bit) }
                    cursor += 2
                }
                lanes[lane] = word
            }
            return BinaryDescriptor(bits: lanes)
        }

        /// The level smoothed by a 5 × 5 box (separable sums, edges clamped, rounded mean), as BRIEF's tests want.
        ///
        /// Sums of at most 25 samples fit in 16 bits and the rounded division by 25 is a multiply and a shift, so
        /// the compiler vectorises both passes; only the two samples at each end of a row need the clamped reads.
        func boxSmoothed() -> [UInt8] {
            let w = width
            let h = height
            var horizontal = [UInt16](repeating: 0, count: w * h)
            var output = [UInt8](repeating: 0, count: w * h)
            pixels.withUnsafeBufferPointer { source in
                horizontal.withUnsafeMutableBufferPointer { rows in
                    for y in 0..<h {
                        let row = y * w
                        for x in 0..<w where x < 2 || x >= w - 2 {
                            var sum: UInt16 = 0
                            for dx in -2...2 { sum &+= UInt16(source[row + min(w - 1, max(0, x + dx))]) }
                            rows[row + x] = sum
                        }
                        guard w > 4 else { continue }
                        for x in (row + 2)..<(row + w - 2) {
                            rows[x] =
                                UInt16(source[x - 2]) &+ UInt16(source[x - 1]) &+ UInt16(source[x])
                                &+ UInt16(source[x + 1]) &+ UInt16(source[x + 2])
                        }
                    }
                }
            }
            horizontal.withUnsafeBufferPointer { rows in
                output.withUnsafeMutableBufferPointer { target in
                    guard let rows = rows.baseAddress, let target = target.baseAddress else { return }
                    for y in 0..<h {
                        let above2 = rows + max(0, y - 2) * w
                        let above1 = rows + max(0, y - 1) * w
                        let here = rows + y * w
                        let below1 = rows + min(h - 1, y + 1) * w
                        let below2 = rows + min(h - 1, y + 2) * w
                        let out = target + y * w
                        for x in 0..<w {
                            let sum =
                                UInt32(above2[x]) &+ UInt32(above1[x]) &+ UInt32(here[x]) &+ UInt32(below1[x])
                                &+ UInt32(below2[x])
                            // (sum + 12) / 25, exact for every sum up to 25 × 255.
                            out[x] = UInt8(truncatingIfNeeded: ((sum &+ 12) &* 5243) &>> 17)
                        }
                    }
                }
            }
            return output
        }
    }

    /// Half-widths of the orientation disc's rows, from dy = −15 to 15.
    static let discHalfWidths: [Int] = (-orientationRadius...orientationRadius).map { dy in
        Int((Double(orientationRadius * orientationRadius - dy * dy)).squareRoot().rounded(.down))
    }
}
