/// The one-dimensional box filter PDQ's Jarosz tent filter is made of (reference: `box1DFloat` in
/// ThreatExchange's `downscaling.cpp`).
///
/// A window of `w` samples slides along a vector; near the ends the window is cut short and the mean is over the
/// samples it holds. Running sums make it O(n) whatever the window. Every vector sees exactly the reference's
/// sequence of additions, subtractions and divisions, so results are bit-identical; what differs is how many
/// vectors run at once. Rows are filtered eight at a time, one per SIMD lane (a running sum along a row is a
/// chain of dependent additions, so one row at a time leaves the processor idle); columns are filtered with one
/// running sum per column, sweeping rows in memory order, eight columns per SIMD vector.
enum BoxFilter {
    typealias Lanes = SIMD8<Float>

    /// The reference's phase lengths for a window of `window` over `length` samples.
    struct Phases {
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

    /// Filters each row of `input` (rows × columns, row-major) into `output`.
    ///
    /// With `sampledColumns`, only those outputs are produced, packed: row r's k-th sample goes to
    /// `output[r × sampledColumns.count + k]`. The running sums still cover every column (each depends on all
    /// before it), but the divisions, the costly part, happen only where a value is wanted.
    static func alongRows(
        from input: UnsafeBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Float>, rows: Int,
        columns: Int, window: Int, sampledColumns: [Int]? = nil
    ) {
        let sizes = windowSizes(length: columns, window: window)
        let wanted = sampledColumns ?? Array(0..<columns)
        var row = 0
        // Eight rows at a time, row k in SIMD lane k: the running sums of one row form a chain of dependent
        // additions, eight independent chains keep the processor busy.
        withUnsafeTemporaryAllocation(of: Lanes.self, capacity: 2 * columns) { lanes in
            while row + Lanes.scalarCount <= rows {
                filterEightRows(
                    input, output, firstRow: row, columns: columns, window: window, sizes: sizes, wanted: wanted,
                    lanes: lanes)
                row += Lanes.scalarCount
            }
        }
        var sums = [Float](repeating: 0, count: columns)
        while row < rows {
            runningSums(columns: columns, window: window, into: &sums) { input[row * columns + $0] }
            for (index, column) in wanted.enumerated() {
                output[row * wanted.count + index] = sums[column] / Float(sizes[column])
            }
            row += 1
        }
    }

    /// How many samples the window holds at each output position (the reference's phases: growing from
    /// ⌈window/2⌉ samples, full, then shrinking).
    static func windowSizes(length: Int, window: Int) -> [Int] {
        let phases = Phases(length: length, window: window)
        var sizes: [Int] = []
        sizes.reserveCapacity(length)
        for index in 0..<phases.growing { sizes.append(phases.lead + 1 + index) }
        for _ in 0..<phases.full { sizes.append(window) }
        for index in 0..<phases.shrinking { sizes.append(window - 1 - index) }
        return sizes
    }

    /// The reference's window sums along one row, before division: output o holds the sum the reference divides
    /// by `windowSizes[o]`, accumulated by the same additions and subtractions in the same order.
    @inline(__always)
    private static func runningSums(
        columns: Int, window: Int, into sums: inout [Float], _ sample: (Int) -> Float
    ) {
        let phases = Phases(length: columns, window: window)
        var sum: Float = 0
        var right = 0
        var left = 0
        var written = 0
        for _ in 0..<phases.lead {
            sum += sample(right)
            right += 1
        }
        for _ in 0..<phases.growing {
            sum += sample(right)
            sums[written] = sum
            right += 1
            written += 1
        }
        for _ in 0..<phases.full {
            sum += sample(right)
            sum -= sample(left)
            sums[written] = sum
            left += 1
            right += 1
            written += 1
        }
        for _ in 0..<phases.shrinking {
            sum -= sample(left)
            sums[written] = sum
            left += 1
            written += 1
        }
    }

    /// Filters each column of `input` (rows × columns, row-major) into `output`.
    static func alongColumns(
        from input: UnsafeBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Float>, rows: Int,
        columns: Int, window: Int
    ) {
        let phases = Phases(length: rows, window: window)
        let vectorColumns = columns / Lanes.scalarCount * Lanes.scalarCount
        var sums = [Float](repeating: 0, count: columns)
        sums.withUnsafeMutableBufferPointer { sums in
            guard let inputBase = input.baseAddress, let outputBase = output.baseAddress,
                let sumsAddress = sums.baseAddress
            else { return }
            let source = UnsafeRawPointer(inputBase)
            let target = UnsafeMutableRawPointer(outputBase)
            let sumsBase = UnsafeMutableRawPointer(sumsAddress)
            let stride = MemoryLayout<Float>.stride
            // Applies `body` to every column: eight at a time through SIMD, the rest one by one.
            @inline(__always) func eachColumn(
                _ vector: (_ byteOffset: Int) -> Void, _ scalar: (_ column: Int) -> Void
            ) {
                var column = 0
                while column < vectorColumns {
                    vector(column * stride)
                    column += Lanes.scalarCount
                }
                while column < columns {
                    scalar(column)
                    column += 1
                }
            }
            var size = 0
            var right = 0  // row index of the sample added next
            var left = 0  // row index of the sample removed next
            var out = 0  // row index written next
            for _ in 0..<phases.lead {
                let add = right * columns * stride
                eachColumn(
                    { offset in
                        let sum =
                            sumsBase.loadUnaligned(fromByteOffset: offset, as: Lanes.self)
                            + source.loadUnaligned(fromByteOffset: add + offset, as: Lanes.self)
                        sumsBase.storeBytes(of: sum, toByteOffset: offset, as: Lanes.self)
                    },
                    { column in sums[column] += input[right * columns + column] })
                size += 1
                right += 1
            }
            for _ in 0..<phases.growing {
                let add = right * columns * stride
                let write = out * columns * stride
                size += 1
                let divisor = Float(size)
                eachColumn(
                    { offset in
                        let sum =
                            sumsBase.loadUnaligned(fromByteOffset: offset, as: Lanes.self)
                            + source.loadUnaligned(fromByteOffset: add + offset, as: Lanes.self)
                        sumsBase.storeBytes(of: sum, toByteOffset: offset, as: Lanes.self)
                        target.storeBytes(
                            of: sum / Lanes(repeating: divisor), toByteOffset: write + offset, as: Lanes.self)
                    },
                    { column in
                        sums[column] += input[right * columns + column]
                        output[out * columns + column] = sums[column] / divisor
                    })
                right += 1
                out += 1
            }
            let fullDivisor = Float(size)
            for _ in 0..<phases.full {
                let add = right * columns * stride
                let remove = left * columns * stride
                let write = out * columns * stride
                eachColumn(
                    { offset in
                        var sum = sumsBase.loadUnaligned(fromByteOffset: offset, as: Lanes.self)
                        sum += source.loadUnaligned(fromByteOffset: add + offset, as: Lanes.self)
                        sum -= source.loadUnaligned(fromByteOffset: remove + offset, as: Lanes.self)
                        sumsBase.storeBytes(of: sum, toByteOffset: offset, as: Lanes.self)
                        target.storeBytes(
                            of: sum / Lanes(repeating: fullDivisor), toByteOffset: write + offset, as: Lanes.self)
                    },
                    { column in
                        var sum = sums[column] + input[right * columns + column]
                        sum -= input[left * columns + column]
                        sums[column] = sum
                        output[out * columns + column] = sum / fullDivisor
                    })
                left += 1
                right += 1
                out += 1
            }
            for _ in 0..<phases.shrinking {
                let remove = left * columns * stride
                let write = out * columns * stride
                size -= 1
                let divisor = Float(size)
                eachColumn(
                    { offset in
                        let sum =
                            sumsBase.loadUnaligned(fromByteOffset: offset, as: Lanes.self)
                            - source.loadUnaligned(fromByteOffset: remove + offset, as: Lanes.self)
                        sumsBase.storeBytes(of: sum, toByteOffset: offset, as: Lanes.self)
                        target.storeBytes(
                            of: sum / Lanes(repeating: divisor), toByteOffset: write + offset, as: Lanes.self)
                    },
                    { column in
                        sums[column] -= input[left * columns + column]
                        output[out * columns + column] = sums[column] / divisor
                    })
                left += 1
                out += 1
            }
        }
    }

    /// Eight consecutive rows at once, row k in lane k; each lane performs the reference's operations for its row.
    private static func filterEightRows(
        _ source: UnsafeBufferPointer<Float>, _ target: UnsafeMutableBufferPointer<Float>, firstRow: Int,
        columns: Int, window: Int, sizes: [Int], wanted: [Int], lanes: UnsafeMutableBufferPointer<Lanes>
    ) {
        guard let sourceBase = source.baseAddress, let targetBase = target.baseAddress,
            let interleaved = lanes.baseAddress
        else { return }
        // Interleave the eight rows (column c of row k at input[c][k]) so that the sweep reads whole vectors.
        let input = interleaved
        let base = sourceBase + firstRow * columns
        let (r0, r1, r2, r3) = (base, base + columns, base + 2 * columns, base + 3 * columns)
        let (r4, r5, r6, r7) = (base + 4 * columns, base + 5 * columns, base + 6 * columns, base + 7 * columns)
        for column in 0..<columns {
            input[column] = Lanes(
                r0[column], r1[column], r2[column], r3[column], r4[column], r5[column], r6[column], r7[column])
        }
        let sums = UnsafeMutableBufferPointer(start: interleaved + columns, count: columns)
        let phases = Phases(length: columns, window: window)
        var sum = Lanes.zero
        var right = 0
        var left = 0
        var written = 0
        for _ in 0..<phases.lead {
            sum += input[right]
            right += 1
        }
        for _ in 0..<phases.growing {
            sum += input[right]
            sums[written] = sum
            right += 1
            written += 1
        }
        for _ in 0..<phases.full {
            sum += input[right]
            sum -= input[left]
            sums[written] = sum
            left += 1
            right += 1
            written += 1
        }
        for _ in 0..<phases.shrinking {
            sum -= input[left]
            sums[written] = sum
            left += 1
            written += 1
        }
        // Divide where a value is wanted (a whole vector at a time) and scatter the lanes back to their rows.
        let stride = wanted.count
        let out = targetBase + firstRow * stride
        let (w0, w1, w2, w3) = (out, out + stride, out + 2 * stride, out + 3 * stride)
        let (w4, w5, w6, w7) = (out + 4 * stride, out + 5 * stride, out + 6 * stride, out + 7 * stride)
        for (index, column) in wanted.enumerated() {
            let value = sums[column] / Lanes(repeating: Float(sizes[column]))
            w0[index] = value[0]
            w1[index] = value[1]
            w2[index] = value[2]
            w3[index] = value[3]
            w4[index] = value[4]
            w5[index] = value[5]
            w6[index] = value[6]
            w7[index] = value[7]
        }
    }
}
