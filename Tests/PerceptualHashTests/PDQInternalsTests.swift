import Imaging
import PerceptualHash
import Testing

/// Checks PDQ's building blocks against straightforward transliterations of the reference's loops, so that the
/// faster loop orders used in the library are proven to give the same floating-point results.
@Suite struct PDQInternalsTests {
    /// A deterministic pseudo-random generator (SplitMix64), so failures reproduce.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func randomImage(width: Int, height: Int, seed: UInt64) -> Image {
        var generator = Generator(state: seed)
        let pixels = (0..<(width * height * 3)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Image(width: width, height: height, format: .rgb, pixels: pixels)
    }

    /// The reference's box1DFloat, as written there: one strided vector at a time.
    static func referenceBox(
        _ input: [Float], _ output: inout [Float], start: Int, length: Int, stride: Int,
        window: Int
    ) {
        let half = (window + 2) / 2
        var sum: Float = 0
        var size = 0
        var right = start
        var left = start
        var out = start
        for _ in 0..<(half - 1) {
            sum += input[right]
            size += 1
            right += stride
        }
        for _ in 0..<(window - half + 1) {
            sum += input[right]
            size += 1
            output[out] = sum / Float(size)
            right += stride
            out += stride
        }
        for _ in 0..<max(0, length - window) {
            sum += input[right]
            sum -= input[left]
            output[out] = sum / Float(size)
            left += stride
            right += stride
            out += stride
        }
        for _ in 0..<(half - 1) {
            sum -= input[left]
            size -= 1
            output[out] = sum / Float(size)
            left += stride
            out += stride
        }
    }

    /// The reference's pipeline with its own loop order (box along rows, then along columns one column at a time;
    /// the DCT as a plain triple loop), to compare with the library's bit for bit.
    static func referenceHash(_ luma: LumaPlane) -> PDQHash {
        let rows = luma.height
        let columns = luma.width
        var buffer1 = luma.values
        var buffer2 = [Float](repeating: 0, count: buffer1.count)
        let windowAlongRows = (columns + 127) / 128
        let windowAlongColumns = (rows + 127) / 128
        for _ in 0..<2 {
            for row in 0..<rows {
                referenceBox(
                    buffer1, &buffer2, start: row * columns, length: columns, stride: 1, window: windowAlongRows)
            }
            for column in 0..<columns {
                referenceBox(
                    buffer2, &buffer1, start: column, length: rows, stride: columns, window: windowAlongColumns)
            }
        }
        var a = [Float](repeating: 0, count: 4096)
        for i in 0..<64 {
            let ini = Int((Double(i) + 0.5) * Double(rows) / 64)
            for j in 0..<64 {
                let inj = Int((Double(j) + 0.5) * Double(columns) / 64)
                a[i * 64 + j] = buffer1[ini * columns + inj]
            }
        }
        let scale = Float((2.0 / 64.0).squareRoot())
        var d = [Float](repeating: 0, count: 16 * 64)
        for i in 0..<16 {
            for j in 0..<64 {
                d[i * 64 + j] = Float(Double(scale) * cos(Double.pi / 2 / 64 * Double(i + 1) * Double(2 * j + 1)))
            }
        }
        var t = [Float](repeating: 0, count: 16 * 64)
        for i in 0..<16 {
            for j in 0..<64 {
                var sum: Float = 0
                for k in 0..<64 { sum += d[i * 64 + k] * a[k * 64 + j] }
                t[i * 64 + j] = sum
            }
        }
        var b = [Float](repeating: 0, count: 256)
        for i in 0..<16 {
            for j in 0..<16 {
                var sum: Float = 0
                for k in 0..<64 { sum += t[i * 64 + k] * d[j * 64 + k] }
                b[i * 16 + j] = sum
            }
        }
        let median = b.sorted()[127]  // Torben returns the lower middle value for an even count
        var hash = PDQHash.zero
        for index in 0..<256 where b[index] > median { hash.setBit(index) }
        return hash
    }

    @Test(arguments: [(5, 5), (64, 64), (97, 131), (300, 41), (640, 480), (1023, 257)])
    func libraryMatchesAStraightTransliterationOfTheReference(width: Int, height: Int) {
        let image = Self.randomImage(width: width, height: height, seed: UInt64(width * 7919 + height))
        // Smooth the noise a little so that the DCT has structure, as photos do.
        let smooth = image.resized(width: max(5, width / 3), height: max(5, height / 3))
            .resized(width: width, height: height)
        let luma = smooth.luma()
        #expect(PDQ.hash(luma).hash == Self.referenceHash(luma))
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
