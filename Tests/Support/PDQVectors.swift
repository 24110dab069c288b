public import Foundation
public import Testing

/// One row of a vector folder's `expected.csv` (`Fixtures.pdqVectors`, `Fixtures.sharedPDQVectors`): an image and
/// the reference's hashes of it.
public struct PDQVector: Sendable, CustomTestStringConvertible {
    /// The vector folder (holding `expected.csv` and `images/`).
    public let folder: URL
    public let file: String
    public let width: Int
    public let height: Int
    public let quality: Int
    public let pdq: String
    /// The reference's dihedral hashes keyed by its names (`rot90`, ..., `flip_minus1`).
    public let dihedral: [String: String]
    /// The EXIF orientation the file carries, where the folder records it (1 when it carries none).
    public let orientation: Int?

    public var url: URL { folder.appendingPathComponent("images").appendingPathComponent(file) }

    public var testDescription: String { file }

    /// Every row of `folder`'s vectors file, in file order.
    public static func all(in folder: URL = Fixtures.pdqVectors) throws -> [PDQVector] {
        let text = try String(contentsOf: folder.appendingPathComponent("expected.csv"), encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard !lines.isEmpty else { return [] }
        let header = splitCSVLine(lines.removeFirst())
        return try lines.map { line in
            let fields = splitCSVLine(line)
            guard fields.count == header.count else {
                throw VectorError.malformedRow(line)
            }
            var row: [String: String] = [:]
            for (name, value) in zip(header, fields) { row[name] = value }
            let names = ["rot90", "rot180", "rot270", "flipx", "flipy", "flip_plus1", "flip_minus1"]
            var dihedral: [String: String] = [:]
            for name in names { dihedral[name] = row[name] ?? "" }
            return PDQVector(
                folder: folder, file: row["file"] ?? "", width: Int(row["width"] ?? "") ?? 0,
                height: Int(row["height"] ?? "") ?? 0,
                quality: Int(row["quality"] ?? "") ?? -1, pdq: row["pdq"] ?? "", dihedral: dihedral,
                orientation: row["orientation"].flatMap { Int($0) })
        }
    }

    /// Fields of one CSV line (RFC 4180 quoting; the vectors have no embedded newlines).
    static func splitCSVLine(_ line: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var characters = line.makeIterator()
        while let character = characters.next() {
            switch (character, quoted) {
            case ("\"", false) where field.isEmpty:
                quoted = true
            case ("\"", true):
                // A doubled quote inside a quoted field is a literal quote; a single one closes the field.
                if let next = characters.next() {
                    if next == "\"" {
                        field.append("\"")
                    } else {
                        quoted = false
                        if next == "," {
                            fields.append(field)
                            field = ""
                        } else {
                            field.append(next)
                        }
                    }
                } else {
                    quoted = false
                }
            case (",", false):
                fields.append(field)
                field = ""
            default:
                field.append(character)
            }
        }
        fields.append(field)
        return fields
    }

    enum VectorError: Error {
        case malformedRow(String)
    }
}
