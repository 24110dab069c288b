/// A multi-pattern matcher over key sequences (Aho and Corasick, "Efficient string matching: an aid to
/// bibliographic search", CACM 18(6), 1975).
///
/// Building costs O(total pattern length); a scan costs O(text length + matches) whatever the number of patterns,
/// which is what lets a registry of many marks cost no more per listing than a registry of one.
public struct AhoCorasick: Sendable {
    /// Transitions keyed by state (high 32 bits) and key (low 32 bits).
    private var transitions: [UInt64: Int32] = [:]
    private var failure: [Int32] = [0]
    /// Patterns ending at each state, its own and those of its failure chain.
    private var outputs: [[Int32]] = [[]]
    /// Each pattern's length.
    private var lengths: [Int] = []

    /// An automaton finding every pattern in `patterns` (by index); empty patterns are ignored.
    public init(_ patterns: [[UInt32]]) {
        lengths = patterns.map(\.count)
        for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
            var state: Int32 = 0
            for key in pattern {
                let slot = Self.slot(state, key)
                if let next = transitions[slot] {
                    state = next
                } else {
                    let next = Int32(failure.count)
                    failure.append(0)
                    outputs.append([])
                    transitions[slot] = next
                    state = next
                }
            }
            outputs[Int(state)].append(Int32(index))
        }
        // Breadth-first: each state's failure is the longest proper suffix of its path that is also a path.
        var children: [[(UInt32, Int32)]] = Array(repeating: [], count: failure.count)
        for (slot, next) in transitions { children[Int(slot >> 32)].append((UInt32(truncatingIfNeeded: slot), next)) }
        var queue: [Int32] = children[0].map(\.1)
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for (key, child) in children[Int(state)] {
                var fallback = failure[Int(state)]
                while true {
                    if state != 0, let next = transitions[Self.slot(fallback, key)] {
                        failure[Int(child)] = next
                        break
                    }
                    if fallback == 0 {
                        failure[Int(child)] = 0
                        break
                    }
                    fallback = failure[Int(fallback)]
                }
                outputs[Int(child)] += outputs[Int(failure[Int(child)])]
                queue.append(child)
            }
        }
    }

    /// Every occurrence of every pattern in `text`: (pattern index, start, end) with `end` exclusive, in order of
    /// end position.
    public func matches(in text: [UInt32]) -> [(pattern: Int, start: Int, end: Int)] {
        var found: [(pattern: Int, start: Int, end: Int)] = []
        var state: Int32 = 0
        for (position, key) in text.enumerated() {
            while true {
                if let next = transitions[Self.slot(state, key)] {
                    state = next
                    break
                }
                if state == 0 { break }
                state = failure[Int(state)]
            }
            for pattern in outputs[Int(state)] {
                found.append((Int(pattern), position + 1 - lengths[Int(pattern)], position + 1))
            }
        }
        return found
    }

    private static func slot(_ state: Int32, _ key: UInt32) -> UInt64 { UInt64(UInt32(state)) << 32 | UInt64(key) }
}
