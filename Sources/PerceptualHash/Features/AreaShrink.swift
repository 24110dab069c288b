import Imaging

/// Area-average shrinking of a float plane, as `LumaPlane.resized` computes it (each output sample the mean of the
/// source area it covers, partial samples weighted by overlap), with the taps laid out flat and the loops on raw
/// buffers: the feature pyramid shrinks the working image five or six times per extraction.
///
/// O(newWidth × height + newWidth × newHeight) multiply-adds, scaled by the taps per sample (⌈factor⌉ + 1).
enum AreaShrink {
    /// Flat taps: output `i` reads `count[i]` source samples from `first[i]`, with weights
    /// `weights[offset[i] ..< offset[i] + count[i]]`.
    struct Taps {
        var first: [Int32] = []
        var count: [Int32] = []
        var offset: [Int32] = []
        var weights: [Float] = []

        init(from source: Int, to destination: Int) {
            let scale = Double(source) / Double(destination)
            for output in 0..<destination {
                let start = Double(output) * scale
                let end = Double(output + 1) * scale
                var position = Int(start.rounded(.down))
                first.append(Int32(position))
                offset.append(Int32(weights.count))
                var taken: Int32 = 0
                while Double(position) < end && position < source {
                    let overlap = min(end, Double(position + 1)) - max(start, Double(position))
                    weights.append(Float(max(0, overlap) / (end - start)))
                    taken += 1
                    position += 1
                }
                count.append(taken)
            }
        }
    }

    /// `plane` shrunk (or kept) to `newWidth × newHeight`.
    static func shrink(_ plane: LumaPlane, width newWidth: Int, height newHeight: Int) -> LumaPlane {
        if newWidth == plane.width && newHeight == plane.height { return plane }
        let width = plane.width
        let height = plane.height
        let horizontal = Taps(from: width, to: newWidth)
        let vertical = Taps(from: height, to: newHeight)
        var rows = [Float](repeating: 0, count: newWidth * height)
        plane.values.withUnsafeBufferPointer { source in
            rows.withUnsafeMutableBufferPointer { target in
                horizontal.weights.withUnsafeBufferPointer { weights in
                    horizontal.first.withUnsafeBufferPointer { firsts in
                        horizontal.count.withUnsafeBufferPointer { counts in
                            horizontal.offset.withUnsafeBufferPointer { offsets in
                                for y in 0..<height {
                                    let row = y * width
                                    let out = y * newWidth
                                    for x in 0..<newWidth {
                                        let first = row + Int(firsts[x])
                                        let offset = Int(offsets[x])
                                        var sum: Float = 0
                                        for tap in 0..<Int(counts[x]) {
                                            sum += source[first + tap] * weights[offset + tap]
                                        }
                                        target[out + x] = sum
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        var output = [Float](repeating: 0, count: newWidth * newHeight)
        rows.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                vertical.weights.withUnsafeBufferPointer { weights in
                    for y in 0..<newHeight {
                        let first = Int(vertical.first[y])
                        let count = Int(vertical.count[y])
                        let offset = Int(vertical.offset[y])
                        let out = y * newWidth
                        for tap in 0..<count {
                            let weight = weights[offset + tap]
                            let row = (first + tap) * newWidth
                            for x in 0..<newWidth { target[out + x] += source[row + x] * weight }
                        }
                    }
                }
            }
        }
        return LumaPlane(width: newWidth, height: newHeight, values: output)
    }

    /// Samples rounded and clamped to 8 bits.
    static func bytes(_ plane: LumaPlane) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: plane.values.count)
        plane.values.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                for index in 0..<source.count {
                    target[index] = UInt8(min(255, max(0, source[index] + 0.5)))
                }
            }
        }
        return output
    }
}
