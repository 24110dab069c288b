// Query cost of the registered-hash index at 100, 10k and 1M hashes, by popcount scan and by multi-index hashing.
//
// Each iteration is one query at PDQ's threshold of 31 bits: a random hash (the common case, a suspect that
// matches nothing) or, in the `near` rows, a stored hash with 12 bits flipped. Hashes are random 256-bit values,
// as PDQ's are near enough (each bit is a median split). A registry's images hold about 130 hashes each
// (16 views × 8 variants), so 10k hashes is some 80 registered images and 1M some 8,000.

import Benchmark
import Matching
import PerceptualHash

extension SplitMix64 {
    mutating func hash() -> PDQHash { PDQHash(limbs: SIMD4(next(), next(), next(), next())) }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .instructions], maxDuration: .seconds(3))
    for count in [100, 10_000, 1_000_000] {
        var random = SplitMix64(seed: UInt64(count))
        let hashes = (0..<count).map { _ in random.hash() }
        let queries = (0..<1_000).map { _ in random.hash() }
        let near = (0..<1_000).map { index -> PDQHash in
            var limbs = hashes[(index * 7919) % count].limbs
            for bit in 0..<12 { limbs[bit % 4] ^= 1 << UInt64((bit * 37 + index) % 64) }
            return PDQHash(limbs: limbs)
        }
        for multiIndex in [false, true] {
            let index = HammingIndex(hashes, multiIndex: multiIndex)
            let name = "\(multiIndex ? "multi-index" : "scan") \(count)"
            Benchmark("\(name) miss") { benchmark in
                var position = 0
                for _ in benchmark.scaledIterations {
                    blackHole(index.search(queries[position % queries.count], within: 31))
                    position += 1
                }
            }
            Benchmark("\(name) near") { benchmark in
                var position = 0
                for _ in benchmark.scaledIterations {
                    blackHole(index.search(near[position % near.count], within: 31))
                    position += 1
                }
            }
        }
    }
}
