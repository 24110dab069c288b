import Foundation
public import Imaging

/// PDQ, Facebook's 256-bit perceptual image hash, computed exactly as the reference implementation does.
///
/// Reference: facebook/ThreatExchange `pdq/cpp` (`hashing/pdqhashing.cpp`, `downscaling/downscaling.cpp`,
/// `hashing/torben.cpp`) and the algorithm description `pdqhash-2017-10-09.pdf`. The steps:
/// 1. luminance Y = 0.299 R + 0.587 G + 0.114 B (`Image.luma()`);
/// 2. a Jarosz tent filter: two passes of a box filter along rows and columns, window ⌈side / 128⌉;
/// 3. decimation to 64×64 by sampling at cell centres;
/// 4. the quality metric (sum of quantised gradients of the 64×64 image, scaled to 0...100);
/// 5. a 16×16 DCT (coefficients 1...16 of a 64-point DCT-II in each direction, skipping DC);
/// 6. one bit per coefficient: above the median (Torben's method) or not.
///
/// Every floating-point operation happens in the reference's order and precision (`Float`, no fused
/// multiply-add), so for the same luminance the hash is bit-identical. The eight dihedral hashes come from the
/// same DCT by sign changes and transposition, as the reference's `pdqDihedralHash256esFromFloatLuma` does.
///
/// Cost: O(width × height) for the filter (four sweeps of running sums), plus a fixed 82k multiply-adds for the
/// DCT. Memory: two `Float` planes of the input's size.
public enum PDQ {
    /// Images smaller than this on either side hash to zero with quality 0, as in the reference.
    public static let minimumHashableSide = 5

    /// A hash, its quality and the hashes of the seven other dihedral transforms.
    public struct Result: Sendable, Hashable {
        /// The hash of the image as given.
        public var hash: PDQHash
        /// 0...100; the reference suggests treating quality under 50 as too featureless to match on.
        public var quality: Int
        /// The hashes of the image under each PDQ dihedral variant, derived from the same DCT. `.original`
        /// equals `hash`.
        public var dihedral: [PDQVariant: PDQHash]
        /// The 64×64 blurred and decimated luminance the DCT was taken of; other hashes can reuse it.
        public var downsampled: LumaPlane?
    }

    /// Hashes `image` through its PDQ luminance.
    public static func hash(_ image: Image) -> Result {
        hash(image.luma())
    }

    /// Hashes a luminance plane.
    public static func hash(_ luma: consuming LumaPlane) -> Result {
        hash(luma, dihedral: true)
    }

    /// Hashes a luminance plane; with `dihedral` false, only the hash as it is (`dihedral` then holds `.original`
    /// alone): a suspect view is compared as it is against every registered variant, so the other seven medians
    /// and bit sets would be thrown away.
    static func hash(_ luma: consuming LumaPlane, dihedral wantsDihedral: Bool) -> Result {
        let rows = luma.height
        let columns = luma.width
        guard columns >= minimumHashableSide, rows >= minimumHashableSide else {
            var dihedral: [PDQVariant: PDQHash] = [:]
            for variant in PDQVariant.allCases { dihedral[variant] = .zero }
            return Result(hash: .zero, quality: 0, dihedral: dihedral, downsampled: nil)
        }
        // Taking the values out of the consumed plane lets the filter work in place without a copy.
        var buffer = (consume luma).values
        let downsampled = blurAndDecimate(&buffer, rows: rows, columns: columns)
        let quality = qualityMetric(downsampled)
        let coefficients = dct64To16(downsampled)
        var dihedral: [PDQVariant: PDQHash] = [:]
        for variant in wantsDihedral ? PDQVariant.allCases : [.original] {
            dihedral[variant] = bits(of: variant.rearrange(coefficients))
        }
        return Result(
            hash: dihedral[.original] ?? .zero, quality: quality, dihedral: dihedral,
            downsampled: LumaPlane(width: 64, height: 64, values: downsampled))
    }

    // MARK: - Steps

    /// Jarosz filter, then 64×64 point samples at cell centres (reference: `jaroszFilterFloat`, `decimateFloat`).
    ///
    /// The reference filters the whole image twice (rows, then columns) and samples 64×64 points. Columns are
    /// independent, so the second pass divides only at the 64 sampled columns and filters only those columns:
    /// the same values, bit for bit, with much less work. `buffer` is used as scratch.
    static func blurAndDecimate(_ buffer: inout [Float], rows: Int, columns: Int) -> [Float] {
        let windowAlongRows = jaroszWindowSize(columns, 64)
        let windowAlongColumns = jaroszWindowSize(rows, 64)
        let sampledRows = (0..<64).map { Int((Double($0) + 0.5) * Double(rows) / 64) }
        let sampledColumns = (0..<64).map { Int((Double($0) + 0.5) * Double(columns) / 64) }
        var scratch = [Float](unsafeUninitializedCapacity: buffer.count) { _, count in count = buffer.count }
        var picked = [Float](unsafeUninitializedCapacity: rows * 64) { _, count in count = rows * 64 }
        var filtered = [Float](unsafeUninitializedCapacity: rows * 64) { _, count in count = rows * 64 }
        buffer.withUnsafeMutableBufferPointer { buffer in
            scratch.withUnsafeMutableBufferPointer { scratch in
                // Pass 1: rows then columns, whole image.
                BoxFilter.alongRows(
                    from: UnsafeBufferPointer(buffer), into: scratch, rows: rows, columns: columns,
                    window: windowAlongRows)
                BoxFilter.alongColumns(
                    from: UnsafeBufferPointer(scratch), into: buffer, rows: rows, columns: columns,
                    window: windowAlongColumns)
                // Pass 2: rows, producing only the 64 sampled columns (each row's running sum still visits every
                // sample)...
                picked.withUnsafeMutableBufferPointer { picked in
                    BoxFilter.alongRows(
                        from: UnsafeBufferPointer(buffer), into: picked, rows: rows, columns: columns,
                        window: windowAlongRows, sampledColumns: sampledColumns)
                    // ...then columns, only those that are sampled.
                    filtered.withUnsafeMutableBufferPointer { filtered in
                        BoxFilter.alongColumns(
                            from: UnsafeBufferPointer(picked), into: filtered, rows: rows, columns: 64,
                            window: windowAlongColumns)
                    }
                }
            }
        }
        var output = [Float](repeating: 0, count: 64 * 64)
        for (outRow, inRow) in sampledRows.enumerated() {
            for outColumn in 0..<64 {
                output[outRow * 64 + outColumn] = filtered[inRow * 64 + outColumn]
            }
        }
        return output
    }

    /// The reference's `computeJaroszFilterWindowSize`: ⌈old / (2 · new)⌉.
    static func jaroszWindowSize(_ oldDimension: Int, _ newDimension: Int) -> Int {
        (oldDimension + 2 * newDimension - 1) / (2 * newDimension)
    }

    /// The reference's `pdqImageDomainQualityMetric`: quantised vertical and horizontal gradients of the 64×64
    /// image, summed and scaled so that 100 means plenty of detail.
    static func qualityMetric(_ image: [Float]) -> Int {
        var gradientSum = 0
        for i in 0..<63 {
            for j in 0..<64 {
                let difference = (image[i * 64 + j] - image[(i + 1) * 64 + j]) * 100 / 255
                gradientSum += abs(Int(difference))
            }
        }
        for i in 0..<64 {
            for j in 0..<63 {
                let difference = (image[i * 64 + j] - image[i * 64 + j + 1]) * 100 / 255
                gradientSum += abs(Int(difference))
            }
        }
        return min(100, gradientSum / 90)
    }

    /// Rows 1...16 of the 64-point DCT-II matrix, as the reference builds it: a `Float` scale factor times a
    /// double-precision cosine, rounded to `Float`.
    static let dctMatrix: [Float] = {
        let scale = Float((2.0 / 64.0).squareRoot())
        var matrix = [Float](repeating: 0, count: 16 * 64)
        for i in 0..<16 {
            for j in 0..<64 {
                let angle = (Double.pi / 2.0 / 64.0) * Double(i + 1) * Double(2 * j + 1)
                matrix[i * 64 + j] = Float(Double(scale) * cos(angle))
            }
        }
        return matrix
    }()

    /// B = D · A · Dᵀ for the 16×64 matrix D (reference: `dct64To16`). Each sum runs over k = 0...63 in order, so
    /// the rounding matches the reference's; the loops are ordered for contiguous access.
    static func dct64To16(_ input: [Float]) -> [Float] {
        let matrix = dctMatrix
        var intermediate = [Float](repeating: 0, count: 16 * 64)
        var output = [Float](repeating: 0, count: 16 * 16)
        matrix.withUnsafeBufferPointer { d in
            input.withUnsafeBufferPointer { a in
                intermediate.withUnsafeMutableBufferPointer { t in
                    for i in 0..<16 {
                        for k in 0..<64 {
                            let factor = d[i * 64 + k]
                            for j in 0..<64 {
                                t[i * 64 + j] += factor * a[k * 64 + j]
                            }
                        }
                    }
                }
            }
            intermediate.withUnsafeBufferPointer { t in
                for i in 0..<16 {
                    for j in 0..<16 {
                        var sum: Float = 0
                        for k in 0..<64 {
                            sum += t[i * 64 + k] * d[j * 64 + k]
                        }
                        output[i * 16 + j] = sum
                    }
                }
            }
        }
        return output
    }

    /// One bit per coefficient: set where it exceeds the median (reference: `pdqBuffer16x16ToBits`).
    static func bits(of coefficients: [Float]) -> PDQHash {
        let median = torbenMedian(coefficients)
        var hash = PDQHash.zero
        for index in 0..<256 where coefficients[index] > median {
            hash.setBit(index)
        }
        return hash
    }

    /// The median by Torben Mogensen's method, as the reference's `torben.cpp` (N. Devillard's version) computes
    /// it, including which of two middle values it returns for an even count. O(n log range), no allocation.
    static func torbenMedian(_ values: [Float]) -> Float {
        let count = values.count
        let half = (count + 1) / 2
        var minimum = values[0]
        var maximum = values[0]
        for value in values.dropFirst() {
            if value < minimum { minimum = value }
            if value > maximum { maximum = value }
        }
        var less = 0
        var greater = 0
        var equal = 0
        var guess: Float = 0
        var maxBelowGuess: Float = 0
        var minAboveGuess: Float = 0
        while true {
            guess = (minimum + maximum) / 2
            less = 0
            greater = 0
            equal = 0
            maxBelowGuess = minimum
            minAboveGuess = maximum
            for value in values {
                if value < guess {
                    less += 1
                    if value > maxBelowGuess { maxBelowGuess = value }
                } else if value > guess {
                    greater += 1
                    if value < minAboveGuess { minAboveGuess = value }
                } else {
                    equal += 1
                }
            }
            if less <= half && greater <= half { break }
            if less > greater { maximum = maxBelowGuess } else { minimum = minAboveGuess }
        }
        if less >= half { return maxBelowGuess }
        if less + equal >= half { return guess }
        return minAboveGuess
    }
}
