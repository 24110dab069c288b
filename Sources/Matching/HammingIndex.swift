import CHamming
public import PerceptualHash

/// Near-neighbour search over 256-bit PDQ hashes by multi-index hashing.
///
/// Reference: M. Norouzi, A. Punjani, D. J. Fleet, "Fast Search in Hamming Space with Multi-Index Hashing", CVPR
/// 2012. The hash is cut into 16 slices of 16 bits and each slice gets a table from its 65,536 values to the
/// entries that have it. If two hashes are within `r` bits, the pigeonhole principle puts at least one slice
/// within ⌊r / 16⌋ bits, so probing every value within that radius of each query slice (17 probes a slice for PDQ's
/// threshold of 31, 137 up to 47) finds every true neighbour; each candidate is then checked on all 256 bits. Query
/// cost grows with the number of entries sharing a probed slice value, about n / 4,096 for r = 31 (16 slices × 17
/// probes / 65,536 values), against n for a scan; `Benchmarks/` measures both at 100, 10k and 1M hashes.
///
/// Up to `linearScanLimit` entries a popcount scan is as fast as the probes and is used instead (the tables' 4 MiB
/// of offsets are not built either). Measured at radius 31 (`Benchmarks/Benchmarks/HammingSearch`): 100 hashes,
/// scan 0.42 µs, multi-index 0.61 µs; 10k, 22 µs and 1.3 µs; 1M, 2.2 ms and 0.10 ms. The tables are compressed rows: per slice an
/// offsets array of 65,537 `Int32` and the entries sorted by slice value, 64 bytes per entry in all.
public struct HammingIndex: Sendable {
    /// Entries up to this count are searched by a plain scan.
    public static let linearScanLimit = 256

    private let hashes: [SIMD4<UInt64>]
    /// Per slice: `offsets[slice][value] ..< offsets[slice][value + 1]` indexes `postings[slice]`.
    private let offsets: [[Int32]]
    private let postings: [[Int32]]

    /// The number of hashes indexed.
    public var count: Int { hashes.count }

    /// Whether queries probe the slice tables (true above `linearScanLimit` entries unless told otherwise).
    public var usesMultiIndex: Bool { !offsets.isEmpty }

    /// Indexes `hashes`; entry numbers in results are positions in this array.
    ///
    /// - Parameter multiIndex: force the tables on or off (benchmarks and tests); by default, on above
    ///   `linearScanLimit` entries.
    public init(_ hashes: [PDQHash], multiIndex: Bool? = nil) {
        precondition(hashes.count < Int(Int32.max), "too many hashes for 32-bit entry numbers")
        self.hashes = hashes.map(\.limbs)
        guard multiIndex ?? (hashes.count > Self.linearScanLimit) else {
            offsets = []
            postings = []
            return
        }
        var allOffsets: [[Int32]] = []
        var allPostings: [[Int32]] = []
        for slice in 0..<16 {
            var counts = [Int32](repeating: 0, count: 65_537)
            for limbs in self.hashes { counts[Int(Self.slice(limbs, slice)) + 1] += 1 }
            for value in 0..<65_536 { counts[value + 1] += counts[value] }
            var next = counts
            var entries = [Int32](repeating: 0, count: hashes.count)
            for (entry, limbs) in self.hashes.enumerated() {
                let value = Int(Self.slice(limbs, slice))
                entries[Int(next[value])] = Int32(entry)
                next[value] += 1
            }
            allOffsets.append(counts)
            allPostings.append(entries)
        }
        offsets = allOffsets
        postings = allPostings
    }

    /// Every entry within `radius` bits of `query`, with its distance, in entry order.
    ///
    /// The 256-bit distances are counted by CHamming's population-count kernels, a scan or a gathered batch per
    /// query.
    public func search(_ query: PDQHash, within radius: Int) -> [(entry: Int, distance: Int)] {
        let target = query.limbs
        guard usesMultiIndex else { return within(radius, of: target, among: nil) }
        let masks = Self.masks(upTo: max(0, radius / 16))
        var candidates: [Int32] = []
        for slice in 0..<16 {
            let value = Self.slice(target, slice)
            offsets[slice].withUnsafeBufferPointer { offsets in
                postings[slice].withUnsafeBufferPointer { postings in
                    for mask in masks {
                        let probe = Int(value ^ mask)
                        let start = Int(offsets[probe])
                        let end = Int(offsets[probe + 1])
                        if start < end { candidates.append(contentsOf: postings[start..<end]) }
                    }
                }
            }
        }
        candidates.sort()
        var unique: [Int32] = []
        unique.reserveCapacity(candidates.count)
        var previous: Int32 = -1
        for candidate in candidates where candidate != previous {
            previous = candidate
            unique.append(candidate)
        }
        return within(radius, of: target, among: unique)
    }

    /// The `entries` (ascending; every entry when `nil`) within `radius` bits of `target`, with their distances.
    private func within(
        _ radius: Int, of target: SIMD4<UInt64>, among entries: [Int32]?
    ) -> [(
        entry: Int, distance: Int
    )] {
        let count = entries?.count ?? hashes.count
        guard count > 0 else { return [] }
        var distances = [Int32](repeating: 0, count: count)
        withUnsafePointer(to: target) { query in
            hashes.withUnsafeBufferPointer { hashes in
                distances.withUnsafeMutableBufferPointer { distances in
                    // `SIMD4<UInt64>` is four contiguous words, and an array of them one flat buffer. `hashes` is
                    // not empty here (every entry indexes it), so it has a base address.
                    guard let base = hashes.baseAddress else { return }
                    let query = UnsafeRawPointer(query).assumingMemoryBound(to: UInt64.self)
                    let table = UnsafeRawPointer(base).assumingMemoryBound(to: UInt64.self)
                    if let entries {
                        entries.withUnsafeBufferPointer { entries in
                            CHamming_gatheredDistances256(
                                query, table, entries.baseAddress, count, distances.baseAddress)
                        }
                    } else {
                        CHamming_distances256(query, table, count, distances.baseAddress)
                    }
                }
            }
        }
        var found: [(entry: Int, distance: Int)] = []
        for (index, distance) in distances.enumerated() where Int(distance) <= radius {
            found.append((entries.map { Int($0[index]) } ?? index, Int(distance)))
        }
        return found
    }

    /// Slice `index` (0...15) of a hash: bits 16·index ..< 16·index + 16.
    private static func slice(_ limbs: SIMD4<UInt64>, _ index: Int) -> UInt16 {
        UInt16(truncatingIfNeeded: limbs[index >> 2] >> UInt64(16 * (index & 3)))
    }

    /// Every 16-bit mask with at most `bits` bits set, fewest first.
    private static func masks(upTo bits: Int) -> [UInt16] {
        if bits < cachedMasks.count { return cachedMasks[bits] }
        return (0...UInt16.max).filter { $0.nonzeroBitCount <= bits }.sorted { $0.nonzeroBitCount < $1.nonzeroBitCount }
    }

    private static let cachedMasks: [[UInt16]] = (0...3).map { bits in
        (0...UInt16.max).filter { $0.nonzeroBitCount <= bits }.sorted { $0.nonzeroBitCount < $1.nonzeroBitCount }
    }
}
