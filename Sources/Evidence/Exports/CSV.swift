import Foundation

/// CSV as spreadsheets read it: RFC 4180 (comma-separated, CRLF line ends, every field in double quotes with inner
/// quotes doubled), UTF-8 with a byte order mark so that Excel does not read it as the local code page, and every
/// cell that a spreadsheet could take for a formula neutralised.
///
/// Formula injection follows OWASP's "CSV Injection" guidance: a cell whose first character is `=`, `+`, `-`, `@`,
/// a tab or a carriage return gets a leading apostrophe, which spreadsheets show as text and never evaluate; the
/// cell is quoted, so separators and line breaks inside it cannot start another cell. Beyond OWASP's list, the
/// same is done when the first character after leading whitespace or invisible characters (NBSP, U+3000, line
/// breaks, zero-width spaces: a spreadsheet skips them) is one of `=`, `+`, `-`, `@`, and for the fullwidth
/// forms `＝`, `＋`, `－`, `＠`, which some spreadsheets in East Asian locales read as their ASCII twins.
public enum CSV {
    /// The UTF-8 byte order mark, as text.
    public static let byteOrderMark = "\u{FEFF}"

    /// A whole document: the header, then the rows, each line ending in CRLF.
    public static func document(header: [String], rows: [[String]], byteOrderMark: Bool = true) -> String {
        var text = byteOrderMark ? Self.byteOrderMark : ""
        text += line(header)
        for row in rows { text += line(row) }
        return text
    }

    /// One record, CRLF included.
    public static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// One field: neutralised, then quoted.
    public static func field(_ value: String) -> String {
        "\"" + neutralised(value).replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `value` with a leading apostrophe when a spreadsheet could read it as a formula: its first character is a
    /// trigger, or the first one after leading characters a spreadsheet skips (spaces of any kind, NBSP, U+3000,
    /// line breaks, zero-width and other format characters).
    public static func neutralised(_ value: String) -> String {
        guard let first = value.unicodeScalars.first else { return value }
        if triggers.contains(first) { return "'" + value }
        if isSkipped(first), let next = value.unicodeScalars.first(where: { !isSkipped($0) }), triggers.contains(next) {
            return "'" + value
        }
        return value
    }

    /// Whitespace, controls and invisible format characters (Cf: zero-width space and joiners, the BOM, bidi marks).
    private static func isSkipped(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.value < 0x20 || scalar.properties.generalCategory == .format
            || scalar.properties.generalCategory == .spaceSeparator
    }

    private static let triggers: Set<Unicode.Scalar> = [
        "=", "+", "-", "@", "\t", "\r", "\n", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}",
    ]
}
