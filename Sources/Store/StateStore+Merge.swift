import GRDB

extension StateStore {
    /// Copies the history of a shard's state file into this one, renaming its runs by `runs` (shard run id →
    /// merged run id), in one transaction. The merged runs' records must be written first (`insert(_:)`).
    ///
    /// Shards hold disjoint listings, so rows rarely meet; when they do (a listing whose seller changed moved to
    /// another shard), the row last seen latest wins, and fingerprints (keyed by content) are shared.
    public func copyShard(at shardPath: String, runs: [String: String]) throws(StoreError) {
        do {
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "ATTACH DATABASE ? AS shard", arguments: [shardPath])
                defer { try? db.execute(sql: "DETACH DATABASE shard") }
                try db.inTransaction {
                    try db.execute(
                        sql: "CREATE TEMP TABLE IF NOT EXISTS run_map (shard_run TEXT PRIMARY KEY, run TEXT)")
                    try db.execute(sql: "DELETE FROM run_map")
                    for (shardRun, run) in runs {
                        try db.execute(sql: "INSERT INTO run_map VALUES (?, ?)", arguments: [shardRun, run])
                    }
                    try db.execute(sql: Self.copySQL)
                    return .commit
                }
            }
        } catch {
            throw StoreError(path: shardPath, message: "cannot merge: \(error)")
        }
    }

    /// Writes runs as they are (the merged runs of a night).
    public func insert(_ runs: [RunRecord]) throws(StoreError) {
        try write { db in
            for run in runs { try run.insert(db) }
        }
    }

    private static let copySQL = """
        INSERT OR IGNORE INTO main.images (sha256, format, width, height, path, pdq, quality, dhash, dihedral,
            version, first_run, views, feature_key, feature_matches)
        SELECT i.sha256, i.format, i.width, i.height, i.path, i.pdq, i.quality, i.dhash, i.dihedral, i.version,
            (SELECT run FROM run_map WHERE shard_run = i.first_run), i.views, i.feature_key, i.feature_matches
        FROM shard.images i;

        INSERT OR IGNORE INTO main.asset_views (sha256, version, views, features)
        SELECT sha256, version, views, features FROM shard.asset_views;

        INSERT INTO main.listings (marketplace, listing_id, seller_id, first_run, last_run, raw, version)
        SELECT l.marketplace, l.listing_id, l.seller_id, f.run, s.run, l.raw, l.version
        FROM shard.listings l JOIN run_map f ON f.shard_run = l.first_run JOIN run_map s ON s.shard_run = l.last_run
        WHERE 1
        ON CONFLICT (marketplace, listing_id) DO UPDATE SET seller_id = excluded.seller_id,
            last_run = excluded.last_run, raw = excluded.raw, version = excluded.version
        WHERE excluded.last_run > listings.last_run;

        INSERT OR IGNORE INTO main.listing_versions (marketplace, listing_id, version, content_sha256, first_run,
            last_run, raw)
        SELECT v.marketplace, v.listing_id, v.version, v.content_sha256, f.run, s.run, v.raw
        FROM shard.listing_versions v JOIN run_map f ON f.shard_run = v.first_run
        JOIN run_map s ON s.shard_run = v.last_run;

        INSERT OR IGNORE INTO main.listing_version_images (marketplace, listing_id, version, position, reference,
            sha256)
        SELECT marketplace, listing_id, version, position, reference, sha256 FROM shard.listing_version_images;

        INSERT INTO main.findings (finding_id, marketplace, listing_id, seller_id, url, brand, right_id, score,
            severity, status, first_run, last_run, first_seen, last_seen, resolved_run, resolution, relisted_from,
            signals)
        SELECT x.finding_id, x.marketplace, x.listing_id, x.seller_id, x.url, x.brand, x.right_id, x.score,
            x.severity, x.status, f.run, s.run, x.first_seen, x.last_seen,
            (SELECT run FROM run_map WHERE shard_run = x.resolved_run), x.resolution, x.relisted_from, x.signals
        FROM shard.findings x JOIN run_map f ON f.shard_run = x.first_run JOIN run_map s ON s.shard_run = x.last_run
        WHERE 1
        ON CONFLICT (finding_id) DO UPDATE SET seller_id = excluded.seller_id, url = excluded.url,
            score = excluded.score, severity = excluded.severity, status = excluded.status,
            last_run = excluded.last_run, last_seen = excluded.last_seen, resolved_run = excluded.resolved_run,
            resolution = excluded.resolution, relisted_from = excluded.relisted_from, signals = excluded.signals
        WHERE excluded.last_run > findings.last_run;

        INSERT OR REPLACE INTO main.finding_nights (finding_id, run_id, status, score, severity, listing_version)
        SELECT n.finding_id, m.run, n.status, n.score, n.severity, n.listing_version
        FROM shard.finding_nights n JOIN run_map m ON m.shard_run = n.run_id;

        INSERT OR REPLACE INTO main.bundles (finding_id, evidence_key, run_id)
        SELECT b.finding_id, b.evidence_key, m.run FROM shard.bundles b JOIN run_map m ON m.shard_run = b.run_id;

        INSERT INTO main.run_marketplaces (run_id, marketplace, listings, carried)
        SELECT m.run, x.marketplace, x.listings, x.carried FROM shard.run_marketplaces x
        JOIN run_map m ON m.shard_run = x.run_id WHERE 1
        ON CONFLICT (run_id, marketplace) DO UPDATE SET listings = listings + excluded.listings,
            carried = max(carried, excluded.carried);

        INSERT OR REPLACE INTO main.registry_rights SELECT * FROM shard.registry_rights;

        INSERT OR IGNORE INTO main.registry_sellers SELECT * FROM shard.registry_sellers;

        INSERT INTO main.failures (run_id, kind, line, listing, reference, position, category, message)
        SELECT m.run, x.kind, x.line, x.listing, x.reference, x.position, x.category, x.message
        FROM shard.failures x JOIN run_map m ON m.shard_run = x.run_id ORDER BY x.id;
        """
}
