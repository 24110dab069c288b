import Findings
import Store

/// What the morning report's summary counts, gathered in one pass over a run's findings: findings per status, and
/// per status within each brand, marketplace and severity, and the scores in ten bins. Memory grows with the number
/// of brands, marketplaces and severities, not of findings.
struct ReportTally: Sendable {
    /// Statuses in the order the report shows them.
    static let statuses = FindingRecord.Status.allCases.map(\.rawValue)
    /// Severities, worst first.
    static let severities = Severity.worstFirst.map(\.rawValue)

    var total = 0
    var byStatus: [String: Int] = [:]
    var byBrand: [String: [String: Int]] = [:]
    var byMarketplace: [String: [String: Int]] = [:]
    var bySeverity: [String: [String: Int]] = [:]
    /// Findings per score bin: [0, 0.1), [0.1, 0.2), …, [0.9, 1] (a score of exactly 1 falls in the last).
    var histogram = [Int](repeating: 0, count: 10)

    mutating func add(_ finding: FindingRecord) {
        let status = finding.status.rawValue
        total += 1
        byStatus[status, default: 0] += 1
        byBrand[finding.brand, default: [:]][status, default: 0] += 1
        byMarketplace[finding.marketplace, default: [:]][status, default: 0] += 1
        bySeverity[finding.severity.rawValue, default: [:]][status, default: 0] += 1
        histogram[Self.bin(finding.score)] += 1
    }

    /// The histogram bin of `score`; scores outside 0…1 (or NaN) go to the nearest end.
    static func bin(_ score: Double) -> Int {
        guard score.isFinite, score > 0 else { return 0 }
        // A hair over, so a score written as 0.7 (6.999… times ten) counts in the 0.7 bin.
        return min(9, Int(score * 10 + 1e-9))
    }

    /// The severities, worst first.
    var severityOrder: [String] { Self.severities }
}
