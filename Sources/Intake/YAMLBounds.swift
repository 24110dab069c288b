import CYaml

/// Bounds on the work a YAML document may ask for, checked on libyaml's event stream before Yams builds a tree.
///
/// YAML aliases let a few hundred bytes stand for billions of nodes ("billion laughs": each anchor a list of ten
/// aliases to the one before it). Yams shares an aliased node rather than copying it, but anything that walks or
/// hashes the tree pays for every expanded node, and Yams' composer hashes each mapping's keys to find duplicates:
/// an alias used as a key costs the whole expanded subtree, at every use. So before composing, one pass over the
/// parser's events (never building a node) counts the nodes the document stands for once every alias is expanded,
/// refuses an alias used as a mapping key, and limits nesting. The pass is O(events) in time and O(anchors + depth)
/// in memory. The billion-laughs attack is described in CVE-2003-1564 and in the YAML 1.2 specification's note on
/// aliases (section 3.2.2.2).
///
/// This is the one file that calls libyaml (through Yams' `CYaml` module) directly.
enum YAMLBounds {
    /// What the document asks for beyond the bounds, and where (1-based line and column).
    struct Violation: Error, Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    /// The first bound `text` breaks, or `nil` when it keeps them all. Syntax errors are not reported here: the
    /// scan stops at the first one and leaves it to the composer, which names it.
    static func violation(in text: String, maximumNodes: Int, maximumDepth: Int) -> Violation? {
        EventScanner(text).scan(maximumNodes: maximumNodes, maximumDepth: maximumDepth)
    }
}

/// Owns one libyaml parser and a copy of the bytes it reads.
private final class EventScanner {
    private var parser = yaml_parser_t()
    private let bytes: UnsafeMutableBufferPointer<UInt8>

    init(_ text: String) {
        let utf8 = Array(text.utf8)
        bytes = .allocate(capacity: max(utf8.count, 1))
        _ = bytes.initialize(from: utf8)
        yaml_parser_initialize(&parser)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, utf8.count)
    }

    deinit {
        yaml_parser_delete(&parser)
        bytes.deallocate()
    }

    /// An open sequence or mapping: its anchor, the expanded count when it began, and for a mapping whether the
    /// next node is a key.
    private struct Collection {
        var anchor: String?
        var startCount: Int
        var isMapping: Bool
        var expectsKey: Bool
    }

    func scan(maximumNodes: Int, maximumDepth: Int) -> YAMLBounds.Violation? {
        var event = yaml_event_t()
        var open: [Collection] = []
        var anchorSizes: [String: Int] = [:]
        var expanded = 0
        while yaml_parser_parse(&parser, &event) == 1 {
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1
            let column = Int(event.start_mark.column) + 1
            func violation(_ message: String) -> YAMLBounds.Violation {
                YAMLBounds.Violation(line: line, column: column, message: message)
            }
            // A node in a mapping's key position: aliases are refused there, and the next node is a value.
            var isKey = false
            switch event.type {
            case YAML_SCALAR_EVENT, YAML_ALIAS_EVENT, YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                if let last = open.indices.last, open[last].isMapping {
                    isKey = open[last].expectsKey
                    open[last].expectsKey.toggle()
                }
            default: break
            }
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_SCALAR_EVENT:
                expanded += 1
                if let anchor = Self.string(event.data.scalar.anchor) { anchorSizes[anchor] = 1 }
            case YAML_ALIAS_EVENT:
                let name = Self.string(event.data.alias.anchor) ?? ""
                if isKey {
                    return violation("an alias (*\(name)) cannot be a mapping key")
                }
                let size = anchorSizes[name] ?? 1
                // Both are at most maximumNodes here, so the sum cannot overflow.
                expanded += size
                if expanded > maximumNodes {
                    return violation(
                        "alias *\(name) stands for \(size) nodes, which takes the document past \(maximumNodes) "
                            + "nodes once aliases are expanded")
                }
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let anchor = Self.string(
                    isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
                guard open.count < maximumDepth else {
                    return violation("nested more than \(maximumDepth) levels deep")
                }
                open.append(Collection(anchor: anchor, startCount: expanded, isMapping: isMapping, expectsKey: true))
                expanded += 1
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                if let closed = open.popLast(), let anchor = closed.anchor {
                    anchorSizes[anchor] = expanded - closed.startCount
                }
            default:
                break
            }
            if expanded > maximumNodes {
                return violation("more than \(maximumNodes) nodes")
            }
        }
        return nil
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        var count = 0
        while pointer[count] != 0 { count += 1 }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }
}
