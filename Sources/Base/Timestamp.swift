public import Foundation

/// ISO 8601 UTC times to the second, as every output and the state file write them (`2026-11-30T02:00:00Z`), and
/// their compact form for ids (`20261130T020000Z`).
public enum Timestamp {
    /// `date` in UTC, to the second.
    public static func string(_ date: Date, compact: Bool = false) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func pad(_ value: Int?, _ width: Int = 2) -> String {
            let digits = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let day = "\(pad(c.year, 4))\(compact ? "" : "-")\(pad(c.month))\(compact ? "" : "-")\(pad(c.day))"
        let time = "\(pad(c.hour))\(compact ? "" : ":")\(pad(c.minute))\(compact ? "" : ":")\(pad(c.second))"
        return "\(day)T\(time)Z"
    }

    /// Reads back what `string(_:compact: false)` wrote (and any ISO 8601 UTC time to the second).
    public static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}
