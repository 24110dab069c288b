/// The one-dimensional box filter PDQ's Jarosz tent filter is made of (reference: `box1DFloat` in
/// ThreatExchange's `downscaling.cpp`).
///
/// A window of `w` samples slides along the vector; near the ends the window is cut short and the mean is over
/// the samples it holds. Running sums make it O(n) whatever the window. The column pass keeps one running sum per
/// column and sweeps rows in order, so memory is read contiguously, while each column's sum sees exactly the
/// additions, subtractions and divisions of the reference, in the same order: the results are bit-identical.
enum BoxFilter {
    /// The reference's phase lengths for a window of `window` over `length` samples.
    private struct Phases {
        let lead: Int  // samples summed before the first write
        let growing: Int  // writes while the window grows
        let full: Int  // writes with the full window
        let shrinking: Int  // writes while the window shrinks

        init(length: Int, window: Int) {
            let halfWindow = (window + 2) / 2
            lead = halfWindow - 1
            growing = window - halfWindow + 1
            full = max(0, length - window)
            shrinking = halfWindow - 1
        }
    }

    static func alongRows(from input: [Float], into output: inout [Float], rows: Int, columns: Int, window: Int) {
        let phases = Phases(length: columns, window: window)
        input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                for row in 0..<rows {
                    let base = row * columns
                    var sum: Float = 0
                    var size = 0
                    var right = base
                    var left = base
                    var out = base
                    for _ in 0..<phases.lead {
                        sum += source[right]
                        size += 1
                        right += 1
                    }
                    for _ in 0..<phases.growing {
                        sum += source[right]
                        size += 1
                        target[out] = sum / Float(size)
                        right += 1
                        out += 1
                    }
                    for _ in 0..<phases.full {
                        sum += source[right]
                        sum -= source[left]
                        target[out] = sum / Float(size)
                        left += 1
                        right += 1
                        out += 1
                    }
                    for _ in 0..<phases.shrinking {
                        sum -= source[left]
                        size -= 1
                        target[out] = sum / Float(size)
                        left += 1
                        out += 1
                    }
                }
            }
        }
    }

    static func alongColumns(from input: [Float], into output: inout [Float], rows: Int, columns: Int, window: Int) {
        let phases = Phases(length: rows, window: window)
        var sums = [Float](repeating: 0, count: columns)
        input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                sums.withUnsafeMutableBufferPointer { sums in
                    var size = 0
                    var right = 0  // row index of the sample added next
                    var left = 0  // row index of the sample removed next
                    var out = 0  // row index written next
                    for _ in 0..<phases.lead {
                        let base = right * columns
                        for column in 0..<columns { sums[column] += source[base + column] }
                        size += 1
                        right += 1
                    }
                    for _ in 0..<phases.growing {
                        let base = right * columns
                        size += 1
                        let divisor = Float(size)
                        let outBase = out * columns
                        for column in 0..<columns {
                            sums[column] += source[base + column]
                            target[outBase + column] = sums[column] / divisor
                        }
                        right += 1
                        out += 1
                    }
                    let divisor = Float(size)
                    for _ in 0..<phases.full {
                        let addBase = right * columns
                        let removeBase = left * columns
                        let outBase = out * columns
                        for column in 0..<columns {
                            var sum = sums[column] + source[addBase + column]
                            sum -= source[removeBase + column]
                            sums[column] = sum
                            target[outBase + column] = sum / divisor
                        }
                        left += 1
                        right += 1
                        out += 1
                    }
                    for _ in 0..<phases.shrinking {
                        let removeBase = left * columns
                        size -= 1
                        let divisor = Float(size)
                        let outBase = out * columns
                        for column in 0..<columns {
                            sums[column] -= source[removeBase + column]
                            target[outBase + column] = sums[column] / divisor
                        }
                        left += 1
                        out += 1
                    }
                }
            }
        }
    }
}
