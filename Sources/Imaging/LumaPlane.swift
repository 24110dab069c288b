/// A single-channel floating-point image: the luminance PDQ and the other perceptual hashes work on.
public struct LumaPlane: Sendable, Hashable {
    /// Width in samples.
    public let width: Int
    /// Height in samples.
    public let height: Int
    /// `width × height` values in 0...255, row-major.
    public var values: [Float]

    /// Wraps `values`, which must hold `width × height` samples.
    public init(width: Int, height: Int, values: [Float]) {
        precondition(width > 0 && height > 0 && values.count == width * height, "sample count does not match")
        self.width = width
        self.height = height
        self.values = values
    }
}

extension Image {
    /// Luminance as the PDQ reference computes it: Y = 0.299 R + 0.587 G + 0.114 B.
    ///
    /// The sum is formed in double precision and rounded once to `Float`, exactly as the `pdqhash` package feeds
    /// the reference C++ (NumPy promotes the 8-bit channels to float64 before the cast), which is what makes the
    /// hashes bit-identical. A grey image's samples are its luminance.
    public func luma() -> LumaPlane {
        var values = [Float](repeating: 0, count: width * height)
        pixels.withUnsafeBufferPointer { source in
            values.withUnsafeMutableBufferPointer { target in
                switch format {
                case .grey:
                    for index in 0..<target.count {
                        target[index] = Float(source[index])
                    }
                case .rgb:
                    for index in 0..<target.count {
                        let red = Double(source[3 * index])
                        let green = Double(source[3 * index + 1])
                        let blue = Double(source[3 * index + 2])
                        target[index] = Float(red * 0.299 + green * 0.587 + blue * 0.114)
                    }
                }
            }
        }
        return LumaPlane(width: width, height: height, values: values)
    }
}

extension LumaPlane {
    /// This plane scaled to `newWidth × newHeight` by area averaging (the same weights as `Image.resized`),
    /// without rounding.
    public func resized(width newWidth: Int, height newHeight: Int) -> LumaPlane {
        precondition(newWidth > 0 && newHeight > 0, "a resized plane has at least one sample")
        return resampled(
            horizontal: Image.areaWeights(from: width, to: newWidth),
            vertical: Image.areaWeights(from: height, to: newHeight))
    }

    /// This plane scaled to `newWidth × newHeight`: by area averaging along an axis that shrinks, by linear
    /// interpolation along one that grows (area weights would repeat samples in blocks).
    public func smoothlyResized(width newWidth: Int, height newHeight: Int) -> LumaPlane {
        precondition(newWidth > 0 && newHeight > 0, "a resized plane has at least one sample")
        func weights(from source: Int, to destination: Int) -> [[(index: Int, weight: Float)]] {
            guard destination > source else { return Image.areaWeights(from: source, to: destination) }
            let scale = Double(source) / Double(destination)
            return (0..<destination).map { output in
                // Pixel centres: output centre (output + 0.5) maps to source position (output + 0.5) × scale − 0.5.
                let position = min(Double(source - 1), max(0, (Double(output) + 0.5) * scale - 0.5))
                let first = Int(position.rounded(.down))
                let fraction = Float(position - Double(first))
                guard first + 1 < source, fraction > 0 else { return [(index: first, weight: Float(1))] }
                return [(index: first, weight: 1 - fraction), (index: first + 1, weight: fraction)]
            }
        }
        return resampled(horizontal: weights(from: width, to: newWidth), vertical: weights(from: height, to: newHeight))
    }

    private func resampled(
        horizontal: [[(index: Int, weight: Float)]], vertical: [[(index: Int, weight: Float)]]
    ) -> LumaPlane {
        let newWidth = horizontal.count
        let newHeight = vertical.count
        var rows = [Float](repeating: 0, count: newWidth * height)
        for y in 0..<height {
            for (x, taps) in horizontal.enumerated() {
                var sum: Float = 0
                for tap in taps { sum += values[y * width + tap.index] * tap.weight }
                rows[y * newWidth + x] = sum
            }
        }
        var output = [Float](repeating: 0, count: newWidth * newHeight)
        for (y, taps) in vertical.enumerated() {
            for x in 0..<newWidth {
                var sum: Float = 0
                for tap in taps { sum += rows[tap.index * newWidth + x] * tap.weight }
                output[y * newWidth + x] = sum
            }
        }
        return LumaPlane(width: newWidth, height: newHeight, values: output)
    }
}
