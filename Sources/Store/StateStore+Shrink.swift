import GRDB

/// A marketplace whose listings tonight are far fewer than on the last completed night of the same shard: most
/// likely a crawl that failed, not listings taken down.
public struct MarketplaceShrink: Sendable, Hashable {
    public var marketplace: String
    /// Listings of the marketplace in tonight's dump (this shard's).
    public var tonight: Int
    /// Listings of the marketplace on the last completed night (or the count that night kept from before it).
    public var lastNight: Int
    /// That night's run.
    public var lastRunID: String

    public init(marketplace: String, tonight: Int, lastNight: Int, lastRunID: String) {
        self.marketplace = marketplace
        self.tonight = tonight
        self.lastNight = lastNight
        self.lastRunID = lastRunID
    }
}

extension StateStore {
    /// The marketplaces whose listings in run `runID` are fewer than `minimumShare` of the last completed run of
    /// the same shard (a marketplace absent tonight counts 0), sorted by marketplace; empty when no earlier
    /// completed run recorded its counts. Tonight's listings are those the run stored (`listings.last_run`).
    public func shrunkMarketplaces(runID: String, minimumShare: Double) throws(StoreError) -> [MarketplaceShrink] {
        try read { db in
            guard let run = try RunRecord.fetchOne(db, key: runID) else { return [] }
            guard let last = try Self.lastCountedRun(before: runID, shard: run.shard, db) else { return [] }
            let tonight = try Self.tonightsCounts(runID: runID, db)
            var shrinks: [MarketplaceShrink] = []
            for row in try Row.fetchAll(
                db, sql: "SELECT marketplace, listings FROM run_marketplaces WHERE run_id = ? ORDER BY marketplace",
                arguments: [last])
            {
                let marketplace: String = row[0]
                let lastNight: Int = row[1]
                let count = tonight[marketplace] ?? 0
                if lastNight > 0, Double(count) < minimumShare * Double(lastNight) {
                    shrinks.append(
                        MarketplaceShrink(
                            marketplace: marketplace, tonight: count, lastNight: lastNight, lastRunID: last))
                }
            }
            return shrinks
        }
    }

    /// Listings the last completed run of `shard` (before `runID`) recorded, summed over marketplaces; 0 when none.
    public func listingsOfLastCompletedRun(before runID: String) throws(StoreError) -> Int {
        try read { db in
            guard let run = try RunRecord.fetchOne(db, key: runID),
                let last = try Self.lastCountedRun(before: runID, shard: run.shard, db)
            else { return 0 }
            return try Int.fetchOne(
                db, sql: "SELECT coalesce(sum(listings), 0) FROM run_marketplaces WHERE run_id = ?", arguments: [last])
                ?? 0
        }
    }

    static func lastCountedRun(before runID: String, shard: String?, _ db: Database) throws -> String? {
        try String.fetchOne(
            db,
            sql: """
                SELECT r.id FROM runs r WHERE r.status = 'completed' AND r.id != ? AND r.shard IS ?
                AND EXISTS (SELECT 1 FROM run_marketplaces m WHERE m.run_id = r.id)
                ORDER BY r.finished_at DESC, r.id DESC LIMIT 1
                """, arguments: [runID, shard])
    }

    static func tonightsCounts(runID: String, _ db: Database) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT marketplace, count(*) FROM listings WHERE last_run = ? GROUP BY marketplace",
            arguments: [runID])
        {
            counts[row[0]] = row[1]
        }
        return counts
    }

    /// Records tonight's listings per marketplace; a held marketplace keeps the count it is judged against, so the
    /// next night is not judged against a failed crawl.
    static func recordMarketplaces(runID: String, held: [MarketplaceShrink], _ db: Database) throws {
        try db.execute(sql: "DELETE FROM run_marketplaces WHERE run_id = ?", arguments: [runID])
        var counts = try tonightsCounts(runID: runID, db).mapValues { ($0, false) }
        for shrink in held { counts[shrink.marketplace] = (max(shrink.lastNight, shrink.tonight), true) }
        for (marketplace, (listings, carried)) in counts {
            try db.execute(
                sql: "INSERT INTO run_marketplaces (run_id, marketplace, listings, carried) VALUES (?, ?, ?, ?)",
                arguments: [runID, marketplace, listings, carried ? 1 : 0])
        }
    }

    /// `scalar` as it may appear inside a JSON string.
    static func jsonEscaped(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\"": "\\\""
        case "\\": "\\\\"
        case _ where scalar.value < 0x20:
            "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                + String(scalar.value, radix: 16)
        default: String(scalar)
        }
    }
}
