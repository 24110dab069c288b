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

    /// One step of the reference's sweep along a vector of samples: add the sample at `add`, remove the one at
    /// `remove`, then (from the first full half-window on) the running sum is output `output`'s window sum, over
    /// `size` samples.
    struct Step {
        var add: Int?
        var remove: Int?
        var output: Int?
        var size: Int
    }

    /// The reference's sweep for a window of `window` over `length` samples, in its four phases: sums that are
    /// not yet written, writes while the window grows, writes with the full window, writes while it shrinks.
    static func steps(length: Int, window: Int) -> [Step] {
        let halfWindow = (window + 2) / 2
        let lead = halfWindow - 1
        let growing = window - halfWindow + 1
        let full = max(0, length - window)
        var steps: [Step] = []
        steps.reserveCapacity(lead + length)
        var size = 0
        var right = 0
        var left = 0
        for _ in 0..<lead {
            size += 1
            steps.append(Step(add: right, remove: nil, output: nil, size: size))
            right += 1
        }
        for _ in 0..<growing {
            size += 1
            steps.append(Step(add: right, remove: nil, output: steps.count - lead, size: size))
            right += 1
        }
        for _ in 0..<full {
            steps.append(Step(add: right, remove: left, output: steps.count - lead, size: size))
            right += 1
            left += 1
        }
        for _ in 0..<(halfWindow - 1) {
            size -= 1
            steps.append(Step(add: nil, remove: left, output: steps.count - lead, size: size))
            left += 1
        }
        return steps
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
        let steps = steps(length: columns, window: window)
        var sizes = [Int](repeating: 1, count: columns)
        for step in steps { if let output = step.output { sizes[output] = step.size } }
        let wanted = sampledColumns ?? Array(0..<columns)
        // Eight rows at a time, row k in SIMD lane k: the running sums of one row form a chain of dependent
        // additions, and eight independent chains keep the processor busy. The last group may have fewer rows;
        // its spare lanes repeat the last row and are not written back.
        withUnsafeTemporaryAllocation(of: Lanes.self, capacity: 2 * columns) { lanes in
            for firstRow in stride(from: 0, to: rows, by: Lanes.scalarCount) {
                filterEightRows(
                    input, output, firstRow: firstRow, validRows: min(Lanes.scalarCount, rows - firstRow),
                    columns: columns, steps: steps, sizes: sizes, wanted: wanted, lanes: lanes)
            }
        }
    }

    /// Filters each column of `input` (rows × columns, row-major) into `output`, keeping one running sum per
    /// column and sweeping rows in memory order, eight columns per SIMD vector.
    static func alongColumns(
        from input: UnsafeBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Float>, rows: Int,
        columns: Int, window: Int
    ) {
        guard let inputBase = input.baseAddress, let outputBase = output.baseAddress else { return }
        let vectorColumns = columns / Lanes.scalarCount * Lanes.scalarCount
        let source = UnsafeRawPointer(inputBase)
        let target = UnsafeMutableRawPointer(outputBase)
        let floatStride = MemoryLayout<Float>.stride
        withUnsafeTemporaryAllocation(of: Float.self, capacity: columns) { sums in
            guard let sumsAddress = sums.baseAddress else { return }
            sums.initialize(repeating: 0)
            let sumsBase = UnsafeMutableRawPointer(sumsAddress)
            for step in steps(length: rows, window: window) {
                let divisor = Float(step.size)
                var column = 0
                while column < vectorColumns {
                    let offset = column * floatStride
                    var sum = sumsBase.loadUnaligned(fromByteOffset: offset, as: Lanes.self)
                    if let add = step.add {
                        sum += source.loadUnaligned(
                            fromByteOffset: add * columns * floatStride + offset, as: Lanes.self)
                    }
                    if let remove = step.remove {
                        sum -= source.loadUnaligned(
                            fromByteOffset: remove * columns * floatStride + offset, as: Lanes.self)
                    }
                    sumsBase.storeBytes(of: sum, toByteOffset: offset, as: Lanes.self)
                    if let row = step.output {
                        target.storeBytes(
                            of: sum / Lanes(repeating: divisor), toByteOffset: row * columns * floatStride + offset,
                            as: Lanes.self)
                    }
                    column += Lanes.scalarCount
                }
                while column < columns {
                    var sum = sums[column]
                    if let add = step.add { sum += input[add * columns + column] }
                    if let remove = step.remove { sum -= input[remove * columns + column] }
                    sums[column] = sum
                    if let row = step.output { output[row * columns + column] = sum / divisor }
                    column += 1
                }
            }
        }
    }

    /// Eight consecutive rows at once, row k in lane k; each lane performs the reference's operations for its row.
    private static func filterEightRows(
        _ source: UnsafeBufferPointer<Float>, _ target: UnsafeMutableBufferPointer<Float>, firstRow: Int,
        validRows: Int, columns: Int, steps: [Step], sizes: [Int], wanted: [Int],
        lanes: UnsafeMutableBufferPointer<Lanes>
    ) {
        guard let sourceBase = source.baseAddress, let targetBase = target.baseAddress,
            let interleaved = lanes.baseAddress
        else { return }
        // Interleave the eight rows (column c of row k at input[c][k]) so that the sweep reads whole vectors.
        let input = interleaved
        let base = sourceBase + firstRow * columns
        func row(_ lane: Int) -> UnsafePointer<Float> { base + min(lane, validRows - 1) * columns }
        let (r0, r1, r2, r3) = (row(0), row(1), row(2), row(3))
        let (r4, r5, r6, r7) = (row(4), row(5), row(6), row(7))
        for column in 0..<columns {
            input[column] = Lanes(
                r0[column], r1[column], r2[column], r3[column], r4[column], r5[column], r6[column], r7[column])
        }
        let sums = UnsafeMutableBufferPointer(start: interleaved + columns, count: columns)
        var sum = Lanes.zero
        for step in steps {
            if let add = step.add { sum += input[add] }
            if let remove = step.remove { sum -= input[remove] }
            if let output = step.output { sums[output] = sum }
        }
        // Divide where a value is wanted (a whole vector at a time) and scatter the lanes back to their rows.
        let stride = wanted.count
        let out = targetBase + firstRow * stride
        if validRows == Lanes.scalarCount {
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
        } else {
            for (index, column) in wanted.enumerated() {
                let value = sums[column] / Lanes(repeating: Float(sizes[column]))
                for lane in 0..<validRows { out[lane * stride + index] = value[lane] }
            }
        }
    }
}
