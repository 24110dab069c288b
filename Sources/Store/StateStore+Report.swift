import Findings
import GRDB

extension StateStore {
    /// Visits the findings of one night, worst first, as they stood that night, each with its listing as dumped
    /// that night (`ListingVersionRecord.raw` of the version seen; nil when the state file holds none).
    ///
    /// The findings are those the run reports (`forEachFinding(reportedBy:)` for the latest night), read from each
    /// finding's row of that night, so an earlier night is reported with its own statuses, scores and severities,
    /// not tonight's; signals are the finding's latest. Order: severity (`serious`, `moderate`, `low`, then any
    /// other by name), then score descending, then finding id, the morning report's order. One statement streams
    /// them, so memory does not grow with the number of findings, and `body` can take its time without another read
    /// nested in this one.
    public func forEachFindingWorstFirst(
        ofNight runID: String, _ body: (FindingRecord, _ listingRaw: String?) throws -> Void
    ) throws(StoreError) {
        try read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT f.finding_id, f.marketplace, f.listing_id, f.seller_id, f.url, f.brand, f.right_id,
                        n.score AS score, n.severity AS severity, n.status AS status, f.first_run, f.last_run,
                        f.first_seen, f.last_seen, f.signals,
                        CASE WHEN n.status = 'resolved' THEN f.resolved_run END AS resolved_run,
                        CASE WHEN n.status = 'resolved' THEN f.resolution END AS resolution,
                        CASE WHEN n.status = 'relisted' THEN f.relisted_from END AS relisted_from,
                        coalesce(v.raw, l.raw) AS listing_raw
                    FROM finding_nights n JOIN findings f ON f.finding_id = n.finding_id
                    LEFT JOIN listing_versions v ON v.marketplace = f.marketplace AND v.listing_id = f.listing_id
                        AND v.version = n.listing_version
                    LEFT JOIN listings l ON l.marketplace = f.marketplace AND l.listing_id = f.listing_id
                    WHERE n.run_id = ?
                    ORDER BY \(Self.severityRankSQL("n.severity")), n.severity, n.score DESC, f.finding_id
                    """, arguments: [runID])
            while let row = try rows.next() {
                try body(try FindingRecord(row: row), row["listing_raw"])
            }
        }
    }

    /// An SQL expression ranking a severity column worst first (`Severity.worstFirst`), others after them.
    static func severityRankSQL(_ column: String) -> String {
        let cases = Severity.worstFirst.enumerated().map { "WHEN '\($1.rawValue)' THEN \($0)" }
        return "CASE \(column) " + cases.joined(separator: " ") + " ELSE \(Severity.allCases.count) END"
    }
}
