public import Foundation

/// The one way Proofmark's Codable values become JSON text: the value is encoded into a `JSON` tree by an `Encoder`
/// of our own, then written by `JSON`'s writer in its canonical form (sorted keys, the number formatting `JSON`
/// specifies), so a finding's bytes are the same whether a run, the state file or a bag writes them.
///
/// Nil optionals are left out (as synthesized `Codable` does with `encodeIfPresent`); `Decimal` is written as a
/// number in its `description`, not as `Decimal`'s own keyed encoding. Reading is `JSONDecoder`'s: every text the
/// writer makes reads back into the same values (doubles are written in digits that read back exactly).
public enum CanonicalJSON {
    /// The JSON tree of `value`.
    public static func value(_ value: some Encodable) throws -> JSON {
        let root = TreeNode()
        try root.store(value, path: [])
        return root.resolved
    }

    /// `value` as canonical JSON text.
    public static func text(_ value: some Encodable, layout: JSON.Layout = .compact) throws -> String {
        try self.value(value).text(layout: layout)
    }

    /// A value read from JSON text (canonical or not).
    public static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}

/// `CanonicalJSON` behind `JSONEncoder`'s interface, for libraries that take a `JSONEncoder` (GRDB's JSON columns):
/// the same bytes as `CanonicalJSON.text`.
public final class CanonicalJSONEncoder: JSONEncoder, @unchecked Sendable {
    override public func encode<T: Encodable>(_ value: T) throws -> Data {
        Data(try CanonicalJSON.text(value).utf8)
    }
}

/// One value under construction: a scalar, an object or an array whose members are nodes in turn.
private final class TreeNode {
    private enum Shape {
        case empty
        case scalar(JSON)
        case object([String: TreeNode])
        case array([TreeNode])
    }
    private var shape = Shape.empty

    var resolved: JSON {
        switch shape {
        case .empty: .object([:])
        case .scalar(let value): value
        case .object(let members): .object(members.mapValues(\.resolved))
        case .array(let elements): .array(elements.map(\.resolved))
        }
    }

    func set(_ value: JSON) { shape = .scalar(value) }

    func member(_ key: String) -> TreeNode {
        var members: [String: TreeNode] = [:]
        if case .object(let existing) = shape { members = existing }
        let node = TreeNode()
        members[key] = node
        shape = .object(members)
        return node
    }

    func makeObject() {
        if case .object = shape { return }
        shape = .object([:])
    }

    func makeArray() {
        if case .array = shape { return }
        shape = .array([])
    }

    func append() -> TreeNode {
        var elements: [TreeNode] = []
        if case .array(let existing) = shape { elements = existing }
        let node = TreeNode()
        elements.append(node)
        shape = .array(elements)
        return node
    }

    var count: Int {
        if case .array(let elements) = shape { return elements.count }
        return 0
    }

    /// Encodes `value` into this node: numbers, strings, `Decimal` and `JSON` directly, anything else through its
    /// `encode(to:)`.
    func store(_ value: some Encodable, path: [any CodingKey]) throws {
        switch value {
        case let decimal as Decimal: set(.decimal(decimal))
        case let json as JSON: set(json)
        case let text as String: set(.string(text))
        case let flag as Bool: set(.bool(flag))
        case let number as Int: set(.integer(number))
        case let number as Double: set(.double(number))
        default: try value.encode(to: TreeEncoder(node: self, codingPath: path))
        }
    }
}

private struct TreeEncoder: Encoder {
    let node: TreeNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeObject()
        return KeyedEncodingContainer(KeyedTreeContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeArray()
        return UnkeyedTreeContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleTreeContainer(node: node, codingPath: codingPath)
    }
}

/// An integer as a `JSON` value, refusing one `Int` cannot hold.
private func integer(_ value: some BinaryInteger, path: [any CodingKey]) throws -> JSON {
    guard let exact = Int(exactly: value) else {
        throw EncodingError.invalidValue(
            value, EncodingError.Context(codingPath: path, debugDescription: "\(value) does not fit an Int"))
    }
    return .integer(exact)
}

private struct KeyedTreeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: TreeNode
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { node.member(key.stringValue).set(.null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { node.member(key.stringValue).set(.bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws { node.member(key.stringValue).set(.string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { node.member(key.stringValue).set(.double(value)) }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        node.member(key.stringValue).set(.double(Double(value)))
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { node.member(key.stringValue).set(.integer(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try encodeInteger(value, forKey: key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try encodeInteger(value, forKey: key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try encodeInteger(value, forKey: key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try encodeInteger(value, forKey: key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try encodeInteger(value, forKey: key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try encodeInteger(value, forKey: key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try encodeInteger(value, forKey: key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try encodeInteger(value, forKey: key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try encodeInteger(value, forKey: key) }

    private func encodeInteger(_ value: some BinaryInteger, forKey key: Key) throws {
        node.member(key.stringValue).set(try integer(value, path: codingPath + [key]))
    }

    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        try node.member(key.stringValue).store(value, path: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = node.member(key.stringValue)
        child.makeObject()
        return KeyedEncodingContainer(KeyedTreeContainer<NestedKey>(node: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = node.member(key.stringValue)
        child.makeArray()
        return UnkeyedTreeContainer(node: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        TreeEncoder(node: node.member("super"), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        TreeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key])
    }
}

private struct IndexKey: CodingKey {
    var stringValue: String { String(intValue ?? 0) }
    var intValue: Int?
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct UnkeyedTreeContainer: UnkeyedEncodingContainer {
    let node: TreeNode
    let codingPath: [any CodingKey]
    var count: Int { node.count }

    mutating func encodeNil() throws { node.append().set(.null) }
    mutating func encode(_ value: Bool) throws { node.append().set(.bool(value)) }
    mutating func encode(_ value: String) throws { node.append().set(.string(value)) }
    mutating func encode(_ value: Double) throws { node.append().set(.double(value)) }
    mutating func encode(_ value: Float) throws { node.append().set(.double(Double(value))) }
    mutating func encode(_ value: Int) throws { node.append().set(.integer(value)) }
    mutating func encode(_ value: Int8) throws { try encodeInteger(value) }
    mutating func encode(_ value: Int16) throws { try encodeInteger(value) }
    mutating func encode(_ value: Int32) throws { try encodeInteger(value) }
    mutating func encode(_ value: Int64) throws { try encodeInteger(value) }
    mutating func encode(_ value: UInt) throws { try encodeInteger(value) }
    mutating func encode(_ value: UInt8) throws { try encodeInteger(value) }
    mutating func encode(_ value: UInt16) throws { try encodeInteger(value) }
    mutating func encode(_ value: UInt32) throws { try encodeInteger(value) }
    mutating func encode(_ value: UInt64) throws { try encodeInteger(value) }

    private func encodeInteger(_ value: some BinaryInteger) throws {
        let path = codingPath + [IndexKey(count)]
        node.append().set(try integer(value, path: path))
    }

    mutating func encode(_ value: some Encodable) throws {
        let path = codingPath + [IndexKey(count)]
        try node.append().store(value, path: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        let path = codingPath + [IndexKey(count)]
        let child = node.append()
        child.makeObject()
        return KeyedEncodingContainer(KeyedTreeContainer<NestedKey>(node: child, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let path = codingPath + [IndexKey(count)]
        let child = node.append()
        child.makeArray()
        return UnkeyedTreeContainer(node: child, codingPath: path)
    }

    mutating func superEncoder() -> any Encoder {
        let path = codingPath + [IndexKey(count)]
        return TreeEncoder(node: node.append(), codingPath: path)
    }
}

private struct SingleTreeContainer: SingleValueEncodingContainer {
    let node: TreeNode
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.set(.null) }
    mutating func encode(_ value: Bool) throws { node.set(.bool(value)) }
    mutating func encode(_ value: String) throws { node.set(.string(value)) }
    mutating func encode(_ value: Double) throws { node.set(.double(value)) }
    mutating func encode(_ value: Float) throws { node.set(.double(Double(value))) }
    mutating func encode(_ value: Int) throws { node.set(.integer(value)) }
    mutating func encode(_ value: Int8) throws { node.set(try integer(value, path: codingPath)) }
    mutating func encode(_ value: Int16) throws { node.set(try integer(value, path: codingPath)) }
    mutating func encode(_ value: Int32) throws { node.set(try integer(value, path: codingPath)) }
    mutating func encode(_ value: Int64) throws { node.set(try integer(value, path: codingPath)) }
    mutating func encode(_ value: UInt) throws { node.set(try integer(value, path: codingPath)) }
    mutating func encode(_ value: UInt8) throws { node.set(try integer(value, path: codingPath)) }
    mutating func encode(_ value: UInt16) throws { node.set(try integer(value, path: codingPath)) }
    mutating func encode(_ value: UInt32) throws { node.set(try integer(value, path: codingPath)) }
    mutating func encode(_ value: UInt64) throws { node.set(try integer(value, path: codingPath)) }
    mutating func encode(_ value: some Encodable) throws { try node.store(value, path: codingPath) }
}
