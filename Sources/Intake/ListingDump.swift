public import Foundation

/// Reads a listing dump record by record: JSONL or CSV (RFC 4180), plain or gzip-compressed, never whole.
///
/// Memory stays bounded by the largest record allowed (`maximumRecordBytes`), whatever the dump's size. Fields are
/// read through a `FieldMapping` (`ListingBuilder`). A record that cannot become a listing (broken JSON, a missing
/// id, a price that is not a number, an over-long line, a CSV row with the wrong number of fields) comes back as a
/// `DumpProblem` with its line number, and reading goes on with the next; a value of the wrong kind under a field
/// is a `FieldWarning` on the listing. Only a dump that cannot be read at all throws.
public final class ListingDump {
    /// The two dump formats.
    public enum Format: String, Sendable {
        case jsonl
        case csv
    }

    /// The default cap on one record: 4 MiB.
    public static let defaultMaximumRecordBytes = 4 << 20

    public let path: String
    public private(set) var format: Format = .jsonl
    /// Whether the file is gzip-compressed (recognised from its first bytes).
    public let isCompressed: Bool

    private var source: any ByteSource
    private let counter: ReadCounter
    private let fileSize: Int

    /// How much of the file has been read, 0...1 (of the compressed bytes for a gzip dump): for progress and ETA.
    public var fractionRead: Double { fileSize > 0 ? min(1, Double(counter.bytes) / Double(fileSize)) : 1 }
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var line = 1
    private let builder: ListingBuilder
    private let maximumRecordBytes: Int
    private var header: [String]?

    /// Opens the dump at `path`. The format comes from the name (`.jsonl`, `.ndjson`, `.json`, `.csv`, each
    /// optionally `.gz`), or else from the first character (`{` is JSONL).
    public init(
        path: String, mapping: FieldMapping = FieldMapping(), format: Format? = nil,
        maximumRecordBytes: Int = ListingDump.defaultMaximumRecordBytes
    ) throws(DumpError) {
        self.path = path
        self.builder = ListingBuilder(mapping: mapping)
        self.maximumRecordBytes = maximumRecordBytes
        var file = try FileSource(path: path)
        counter = file.counter
        fileSize = file.size
        let first = try file.nextChunk() ?? []
        isCompressed = first.starts(with: [0x1F, 0x8B])
        let replay = ReplaySource(first: first, rest: file)
        source = isCompressed ? try GzipSource(replay, path: path) : replay
        if let format {
            self.format = format
        } else {
            var name = (path as NSString).lastPathComponent.lowercased()
            if name.hasSuffix(".gz") { name.removeLast(3) }
            if name.hasSuffix(".csv") || name.hasSuffix(".tsv") {
                self.format = .csv
            } else if name.hasSuffix(".jsonl") || name.hasSuffix(".ndjson") || name.hasSuffix(".json") {
                self.format = .jsonl
            } else {
                // Peek at the first significant byte of the (decompressed) content.
                try fill()
                var index = position
                if buffer[index...].starts(with: [0xEF, 0xBB, 0xBF]) { index += 3 }
                while index < buffer.count, [0x20, 0x09, 0x0A, 0x0D].contains(buffer[index]) { index += 1 }
                self.format = index < buffer.count && buffer[index] == UInt8(ascii: "{") ? .jsonl : .csv
            }
        }
        if buffer.isEmpty { try fill() }
        if buffer[position...].starts(with: [0xEF, 0xBB, 0xBF]) { position += 3 }
    }

    /// The next record, or nil at the end of the dump.
    public func next() throws(DumpError) -> DumpRecord? {
        try nextUnparsed()?.parse()
    }

    /// The next record as read, before its fields are interpreted, or nil at the end of the dump. Reading is
    /// sequential; `UnparsedRecord.parse()` is pure, so a run can interpret records on several threads.
    public func nextUnparsed() throws(DumpError) -> UnparsedRecord? {
        switch format {
        case .jsonl: try nextJSONRecord()
        case .csv: try nextCSVRecord()
        }
    }

    // MARK: - Bytes

    /// Appends the next chunk to the buffer (dropping what was consumed); false at the end.
    @discardableResult
    private func fill() throws(DumpError) -> Bool {
        guard !atEnd else { return false }
        if position > 0 {
            buffer.removeFirst(position)
            position = 0
        }
        guard let chunk = try source.nextChunk() else {
            atEnd = true
            return false
        }
        buffer.append(contentsOf: chunk)
        return true
    }

    // MARK: - JSONL

    private func nextJSONRecord() throws(DumpError) -> UnparsedRecord? {
        while true {
            guard let (bytes, number, length) = try nextLine() else { return nil }
            guard let bytes else {
                return UnparsedRecord(
                    content: .problem(
                        DumpProblem(
                            line: number,
                            reason: "the line is \(length) bytes, over the limit of \(maximumRecordBytes)",
                            category: "too-long")),
                    line: number, builder: builder)
            }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            return UnparsedRecord(content: .json(bytes), line: number, builder: builder)
        }
    }

    /// The next line's bytes (without its end), its number and its length; nil bytes when it was too long.
    private func nextLine() throws(DumpError) -> (bytes: [UInt8]?, line: Int, length: Int)? {
        var overflow = 0  // bytes of an over-long line already dropped
        var searchFrom = position
        while true {
            if let newline = buffer[searchFrom...].firstIndex(of: 0x0A) {
                var end = newline
                if end > position, buffer[end - 1] == 0x0D { end -= 1 }
                let result = takeLine(from: position, to: end, overflow: overflow)
                position = newline + 1
                return result
            }
            if buffer.count - position > maximumRecordBytes {
                // Too long already: drop what was read of it and keep counting.
                overflow += buffer.count - position
                position = buffer.count
            }
            let scanned = buffer.count - position
            guard try fill() else {
                guard position < buffer.count || overflow > 0 else { return nil }
                let result = takeLine(from: position, to: buffer.count, overflow: overflow)
                position = buffer.count
                return result
            }
            searchFrom = position + scanned  // fill() moved the unconsumed bytes to the front
        }
    }

    private func takeLine(from start: Int, to end: Int, overflow: Int) -> (bytes: [UInt8]?, line: Int, length: Int) {
        let number = line
        line += 1
        let length = overflow + (end - start)
        return (overflow > 0 || length > maximumRecordBytes ? nil : Array(buffer[start..<end]), number, length)
    }

    static func jsonRecord(_ bytes: [UInt8], line: Int, builder: ListingBuilder) -> DumpRecord {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            return .problem(
                DumpProblem(line: line, reason: "not valid JSON (\(Self.reason(error)))", category: "invalid-json"))
        }
        guard let fields = object as? [String: Any] else {
            return .problem(DumpProblem(line: line, reason: "not a JSON object", category: "not-an-object"))
        }
        return builder.listing(fields, raw: String(decoding: bytes, as: UTF8.self), line: line)
    }

    /// The first readable record's fields as decoded (a JSON object, or a CSV row by header), before any mapping:
    /// for recognising where a dump comes from (`BuiltInProfile.detect`). Looks at most at the first ten records;
    /// nil when none of them is readable.
    public static func firstRecord(path: String) throws(DumpError) -> [String: Any]? {
        let dump = try ListingDump(path: path)
        for _ in 0..<10 {
            guard let record = try dump.nextUnparsed() else { return nil }
            switch record.content {
            case .json(let bytes):
                let object = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
                if let fields = object as? [String: Any] { return fields }
            case .csv(let columns, let fields):
                return Dictionary(zip(columns, fields), uniquingKeysWith: { first, _ in first })
            case .problem: continue
            }
        }
        return nil
    }

    private static func reason(_ error: any Error) -> String {
        let description = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
        return description ?? (error as NSError).localizedDescription
    }

    // MARK: - CSV

    private func nextCSVRecord() throws(DumpError) -> UnparsedRecord? {
        if header == nil {
            guard let (fields, _, _) = try nextCSVRow() else { throw DumpError.missingHeader(path: path) }
            guard let fields else {
                throw DumpError.badHeader(path: path, reason: "over \(maximumRecordBytes) bytes")
            }
            let names = fields.map { $0.trimmingCharacters(in: .whitespaces) }
            if let empty = names.firstIndex(of: "") {
                throw DumpError.badHeader(path: path, reason: "column \(empty + 1) has no name")
            }
            var seen = Set<String>()
            for name in names where !seen.insert(name).inserted {
                throw DumpError.badHeader(path: path, reason: "column \"\(name)\" appears twice")
            }
            header = names
        }
        let columns = header ?? []
        while true {
            guard let (fields, number, length) = try nextCSVRow() else { return nil }
            guard let fields else {
                return UnparsedRecord(
                    content: .problem(
                        DumpProblem(
                            line: number,
                            reason: "the record is \(length) bytes, over the limit of \(maximumRecordBytes)",
                            category: "too-long")),
                    line: number, builder: builder)
            }
            if fields.count == 1, fields[0].isEmpty { continue }  // a blank line
            guard fields.count == columns.count else {
                return UnparsedRecord(
                    content: .problem(
                        DumpProblem(
                            line: number,
                            reason: "the record has \(fields.count) fields, the header has \(columns.count)",
                            category: "wrong-field-count")),
                    line: number, builder: builder)
            }
            return UnparsedRecord(content: .csv(columns: columns, fields: fields), line: number, builder: builder)
        }
    }

    static func csvRecord(columns: [String], fields: [String], line: Int, builder: ListingBuilder) -> DumpRecord {
        var record: [String: Any] = [:]
        for (name, value) in zip(columns, fields) { record[name] = value }
        let rawData = try? JSONSerialization.data(
            withJSONObject: Dictionary(uniqueKeysWithValues: zip(columns, fields)), options: [.sortedKeys])
        let raw = rawData.map { String(decoding: $0, as: UTF8.self) } ?? ""
        return builder.listing(record, raw: raw, line: line)
    }

    /// The next CSV record (RFC 4180: fields separated by commas, quoted with double quotes that are doubled inside,
    /// newlines allowed inside quotes, CRLF or LF), its first line number and its length in bytes; nil fields when
    /// it was too long.
    private func nextCSVRow() throws(DumpError) -> (fields: [String]?, line: Int, length: Int)? {
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var afterQuote = false
        var length = 0
        var tooLong = false
        let start = line
        var sawAnything = false
        while true {
            if position >= buffer.count {
                guard try fill() else {
                    guard sawAnything else { return nil }
                    fields.append(String(decoding: field, as: UTF8.self))
                    return (tooLong ? nil : fields, start, length)
                }
            }
            let byte = buffer[position]
            position += 1
            length += 1
            sawAnything = true
            if length > maximumRecordBytes && !tooLong {
                tooLong = true
                field = []
                fields = []
            }
            if byte == 0x0A { line += 1 }
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    quoted = false
                    afterQuote = true
                } else if !tooLong {
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                if afterQuote {
                    // "" inside a quoted field: a literal quote, and the field goes on being quoted.
                    if !tooLong { field.append(byte) }
                    quoted = true
                    afterQuote = false
                } else if field.isEmpty {
                    quoted = true
                } else if !tooLong {
                    field.append(byte)  // a stray quote in an unquoted field is kept as text
                }
            case UInt8(ascii: ","):
                if !tooLong { fields.append(String(decoding: field, as: UTF8.self)) }
                field = []
                afterQuote = false
            case 0x0A:
                if field.last == 0x0D && !afterQuote { field.removeLast() }
                if !tooLong { fields.append(String(decoding: field, as: UTF8.self)) }
                return (tooLong ? nil : fields, start, length)
            case 0x0D where afterQuote:
                continue  // CR of a CRLF right after a closing quote
            default:
                afterQuote = false
                if !tooLong { field.append(byte) }
            }
        }
    }
}

/// Gives back the first chunk already read (to sniff the format), then the rest of the file.
private struct ReplaySource: ByteSource {
    var first: [UInt8]?
    var rest: FileSource

    mutating func nextChunk() throws(DumpError) -> [UInt8]? {
        if let chunk = first {
            first = nil
            if !chunk.isEmpty { return chunk }
        }
        return try rest.nextChunk()
    }
}

/// A dump record as read, its fields not yet interpreted (`ListingDump.nextUnparsed()`).
public struct UnparsedRecord: Sendable {
    enum Content: Sendable {
        case json([UInt8])
        case csv(columns: [String], fields: [String])
        case problem(DumpProblem)
    }

    let content: Content
    /// The line the record starts on (1-based).
    public let line: Int
    let builder: ListingBuilder

    /// The listing the record holds, or why it holds none. Pure: safe on any thread.
    public func parse() -> DumpRecord {
        switch content {
        case .json(let bytes): ListingDump.jsonRecord(bytes, line: line, builder: builder)
        case .csv(let columns, let fields):
            ListingDump.csvRecord(columns: columns, fields: fields, line: line, builder: builder)
        case .problem(let problem): .problem(problem)
        }
    }
}
