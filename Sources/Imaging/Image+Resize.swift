extension Image {
    /// This image scaled to `newWidth × newHeight` by area averaging: each output pixel is the mean of the
    /// source area it covers, with partial pixels weighted by their overlap.
    ///
    /// The right filter for shrinking (no aliasing, no ringing); for enlarging it degenerates to nearest-neighbour
    /// blocks. O(newWidth × height + newWidth × newHeight) per channel, in two separable passes.
    public func resized(width newWidth: Int, height newHeight: Int) -> Image {
        precondition(newWidth > 0 && newHeight > 0, "a resized image has at least one pixel")
        if newWidth == width && newHeight == height { return self }
        let channels = format.channels
        let horizontal = Self.areaWeights(from: width, to: newWidth)
        let vertical = Self.areaWeights(from: height, to: newHeight)

        // Pass 1: along rows, into a float buffer newWidth × height.
        var rows = [Float](repeating: 0, count: newWidth * height * channels)
        pixels.withUnsafeBufferPointer { source in
            rows.withUnsafeMutableBufferPointer { target in
                for y in 0..<height {
                    let sourceRow = y * width * channels
                    let targetRow = y * newWidth * channels
                    for (x, taps) in horizontal.enumerated() {
                        for channel in 0..<channels {
                            var sum: Float = 0
                            for tap in taps {
                                sum += Float(source[sourceRow + tap.index * channels + channel]) * tap.weight
                            }
                            target[targetRow + x * channels + channel] = sum
                        }
                    }
                }
            }
        }
        // Pass 2: along columns, rounding to 8 bits.
        var output = [UInt8](repeating: 0, count: newWidth * newHeight * channels)
        rows.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                let rowLength = newWidth * channels
                for (y, taps) in vertical.enumerated() {
                    for offset in 0..<rowLength {
                        var sum: Float = 0
                        for tap in taps {
                            sum += source[tap.index * rowLength + offset] * tap.weight
                        }
                        target[y * rowLength + offset] = UInt8(min(255, max(0, (sum + 0.5).rounded(.down))))
                    }
                }
            }
        }
        return Image(width: newWidth, height: newHeight, format: format, pixels: output)
    }

    /// For each output index, the source indices it covers and their weights (summing to 1).
    static func areaWeights(from source: Int, to destination: Int) -> [[(index: Int, weight: Float)]] {
        let scale = Double(source) / Double(destination)
        return (0..<destination).map { output in
            let start = Double(output) * scale
            let end = Double(output + 1) * scale
            var taps: [(index: Int, weight: Float)] = []
            var position = Int(start.rounded(.down))
            while Double(position) < end && position < source {
                let overlap = min(end, Double(position + 1)) - max(start, Double(position))
                if overlap > 1e-12 {
                    taps.append((position, Float(overlap / (end - start))))
                }
                position += 1
            }
            return taps
        }
    }

    /// This picture scaled down (never up) so its longer side is at most `side`.
    public func fitted(within side: Int) -> Image {
        let long = max(width, height)
        guard long > side else { return self }
        return resized(
            width: max(1, width * side / long), height: max(1, height * side / long))
    }
}
