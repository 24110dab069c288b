/// A strict RFC 4180 reader, for tests: what a spreadsheet would make of a CSV file, or an error where the file
/// is not RFC 4180 (a quote inside an unquoted field, text after a closing quote, a bare LF or CR between records,
/// an unterminated quoted field, records of different lengths).
public enum RFC4180Reader {
    public struct Malformed: Error, CustomStringConvertible {
        public let description: String
    }

    /// The records of `text` (a leading UTF-8 byte order mark is skipped, as spreadsheets do).
    public static func records(_ text: String) throws -> [[String]] {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var index = 0
        var atFieldStart = true
        func endRecord() throws {
            record.append(field)
            if let width = records.first?.count, width != record.count {
                throw Malformed(description: "record \(records.count + 1) has \(record.count) fields, not \(width)")
            }
            records.append(record)
            record = []
            field = ""
            atFieldStart = true
        }
        while index < scalars.count {
            let c = scalars[index]
            if atFieldStart && c == "\"" {
                index += 1
                while true {
                    guard index < scalars.count else { throw Malformed(description: "unterminated quoted field") }
                    let q = scalars[index]
                    if q == "\"" {
                        if index + 1 < scalars.count, scalars[index + 1] == "\"" {
                            field.unicodeScalars.append("\"")
                            index += 2
                            continue
                        }
                        index += 1
                        break
                    }
                    field.unicodeScalars.append(q)
                    index += 1
                }
                atFieldStart = false
                guard index < scalars.count else { break }
                let next = scalars[index]
                if next == "," {
                    record.append(field)
                    field = ""
                    atFieldStart = true
                    index += 1
                } else if next == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" {
                    try endRecord()
                    index += 2
                } else {
                    throw Malformed(description: "text after a closing quote in record \(records.count + 1)")
                }
                continue
            }
            switch c {
            case ",":
                record.append(field)
                field = ""
                atFieldStart = true
                index += 1
            case "\r":
                guard index + 1 < scalars.count, scalars[index + 1] == "\n" else {
                    throw Malformed(description: "bare CR in record \(records.count + 1)")
                }
                try endRecord()
                index += 2
            case "\n":
                throw Malformed(description: "bare LF in record \(records.count + 1)")
            case "\"":
                throw Malformed(description: "quote inside an unquoted field in record \(records.count + 1)")
            default:
                field.unicodeScalars.append(c)
                atFieldStart = false
                index += 1
            }
        }
        if !atFieldStart || !record.isEmpty || !field.isEmpty { try endRecord() }
        return records
    }

    /// The records as dictionaries keyed by the header's names.
    public static func table(_ text: String) throws -> [[String: String]] {
        let all = try records(text)
        guard let header = all.first else { return [] }
        return all.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }
}
