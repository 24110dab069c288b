/// MinHash signatures: an unbiased estimate of the Jaccard resemblance |A ∩ B| / |A ∪ B| of two sets from the
/// fraction of equal minima (Broder, "On the resemblance and containment of documents", 1997).
///
/// Each of the `count` hash functions is h_i(x) = mix(x ⊕ seed_i) with a fixed seed per function, so signatures are
/// deterministic across runs and machines. The standard error of the estimate is √(J(1 − J)/count). Signing a set
/// of n elements costs O(n × count).
public struct MinHash: Sendable, Hashable {
    public let seeds: [UInt64]

    /// A family of `count` hash functions derived from `seed`.
    public init(count: Int = 64, seed: UInt64 = 0x5052_4f4f_464d_4b31) {
        var state = seed
        seeds = (0..<count).map { _ in
            state = TextTokens.mix(state)
            return state
        }
    }

    /// The signature of a set given as its elements (duplicates do not matter).
    public func signature<S: Sequence<UInt64>>(of elements: S) -> [UInt64] {
        var minima = [UInt64](repeating: .max, count: seeds.count)
        for element in elements {
            for index in seeds.indices {
                let value = TextTokens.mix(element ^ seeds[index])
                if value < minima[index] { minima[index] = value }
            }
        }
        return minima
    }

    /// The estimated Jaccard resemblance of the sets behind two signatures of this family.
    public static func similarity(_ left: [UInt64], _ right: [UInt64]) -> Double {
        guard !left.isEmpty, left.count == right.count else { return 0 }
        let equal = zip(left, right).reduce(0) { $0 + ($1.0 == $1.1 && $1.0 != .max ? 1 : 0) }
        return Double(equal) / Double(left.count)
    }

    /// The exact Jaccard resemblance of two sets, for checking estimates.
    public static func jaccard(_ left: Set<UInt64>, _ right: Set<UInt64>) -> Double {
        let union = left.union(right).count
        return union == 0 ? 0 : Double(left.intersection(right).count) / Double(union)
    }
}
