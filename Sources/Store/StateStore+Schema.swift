import GRDB

extension StateStore {
    /// The schema, as named migrations applied in order on open: a state file from any earlier version is brought
    /// up to date in place, keeping its history.
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: runs, listings, images, findings, failures") { db in
            try db.create(table: "runs") { table in
                table.primaryKey("id", .text)
                table.column("started_at", .text).notNull()
                table.column("finished_at", .text)
                table.column("tool_version", .text).notNull()
                table.column("parameters", .text).notNull()
                table.column("registry_sha256", .text).notNull()
                table.column("dump_sha256", .text).notNull()
                table.column("status", .text).notNull()
                table.column("counts", .text)
            }
            try db.create(table: "images") { table in
                table.primaryKey("sha256", .text)
                table.column("format", .text).notNull()
                table.column("width", .integer).notNull()
                table.column("height", .integer).notNull()
                table.column("path", .text).notNull()
                table.column("pdq", .text).notNull()
                table.column("quality", .integer).notNull()
                table.column("dhash", .text).notNull()
                table.column("dihedral", .text).notNull()
            }
            try db.create(table: "listings") { table in
                table.column("marketplace", .text).notNull()
                table.column("listing_id", .text).notNull()
                table.column("seller_id", .text)
                table.column("first_run", .text).notNull().references("runs")
                table.column("last_run", .text).notNull().references("runs")
                table.column("raw", .text).notNull()
                table.primaryKey(["marketplace", "listing_id"])
            }
            try db.create(table: "listing_images") { table in
                table.column("run_id", .text).notNull().references("runs")
                table.column("marketplace", .text).notNull()
                table.column("listing_id", .text).notNull()
                table.column("position", .integer).notNull()
                table.column("reference", .text).notNull()
                table.column("sha256", .text)
                table.column("failure_category", .text)
                table.column("failure_message", .text)
                table.primaryKey(["run_id", "marketplace", "listing_id", "position"])
            }
            try db.create(table: "findings") { table in
                table.primaryKey("finding_id", .text)
                table.column("marketplace", .text).notNull()
                table.column("listing_id", .text).notNull()
                table.column("brand", .text).notNull()
                table.column("score", .double).notNull()
                table.column("severity", .text).notNull()
                table.column("status", .text).notNull()
                table.column("first_run", .text).notNull().references("runs")
                table.column("last_run", .text).notNull().references("runs")
                table.column("json", .text).notNull()
            }
            try db.create(index: "findings_by_run", on: "findings", columns: ["last_run", "score"])
            try db.create(table: "failures") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("run_id", .text).notNull().references("runs")
                table.column("kind", .text).notNull()
                table.column("line", .integer)
                table.column("subject", .text).notNull()
                table.column("category", .text).notNull()
                table.column("message", .text).notNull()
            }
        }
        migrator.registerMigration("v2: history, listing versions, staged findings, resumable runs") { db in
            try migrateToVersion2(db)
        }
        migrator.registerMigration("v3: review decisions, the registry's rights and authorised sellers") { db in
            try migrateToVersion3(db)
        }
        migrator.registerMigration("v4: image views, feature verdicts, registered images' views and features") { db in
            // The suspect side's extra views (trim, centre, panels) and what the picture says, as text; the
            // verdict of local features against the registry they were checked with (a registry's feature key),
            // so an unchanged night decodes nothing. Registered images get their own table: their views are a grid
            // of crops and turns from the exact decode, and their features are kept serialised.
            try db.alter(table: "images") { table in
                table.add(column: "views", .text).notNull().defaults(to: "{}")
                table.add(column: "feature_key", .text)
                table.add(column: "feature_matches", .text)
            }
            try db.create(table: "asset_views") { table in
                table.primaryKey("sha256", .text)
                table.column("version", .integer).notNull()
                table.column("views", .text).notNull()
                table.column("features", .blob)
            }
        }
        migrator.registerMigration("v5: listings per marketplace per run") { db in
            // What each completed run saw per marketplace, so a night whose dump shrank far below the last
            // completed one can be told apart from listings really gone. `carried` marks a count kept from an
            // earlier run because tonight's shrink was not accepted.
            try db.create(table: "run_marketplaces") { table in
                table.column("run_id", .text).notNull()
                table.column("marketplace", .text).notNull()
                table.column("listings", .integer).notNull()
                table.column("carried", .integer).notNull().defaults(to: 0)
                table.primaryKey(["run_id", "marketplace"])
            }
        }
        return migrator
    }()

    /// v2 keeps each finding's history (first and last seen, resolved, relisted, one row per night), versions of
    /// listings instead of one image row per listing per night, findings staged per run until the night is
    /// complete, what `run.json` needs to be rebuilt from the file, and the stat cache of image files.
    private static func migrateToVersion2(_ db: Database) throws {
        try db.alter(table: "runs") { table in
            table.add(column: "inputs", .text)
            table.add(column: "warnings", .text)
            table.add(column: "timings", .text)
            table.add(column: "resume_key", .text)
            table.add(column: "shard", .text)
            table.add(column: "attempts", .integer).notNull().defaults(to: 1)
            table.add(column: "outputs_at", .text)
        }
        // Runs that completed under v1 wrote their outputs before they were marked complete.
        try db.execute(sql: "UPDATE runs SET outputs_at = finished_at WHERE status = 'completed'")

        try db.alter(table: "images") { table in
            table.add(column: "version", .integer).notNull().defaults(to: 1)
            table.add(column: "first_run", .text)
        }
        try db.create(table: "file_stats") { table in
            table.primaryKey("path", .text)
            table.column("device", .integer).notNull()
            table.column("inode", .integer).notNull()
            table.column("size", .integer).notNull()
            table.column("mtime_ns", .integer).notNull()
            table.column("ctime_ns", .integer).notNull()
            table.column("sha256", .text).notNull()
        }

        // Listings get versions; v1's per-night image rows become the images of each listing's version 1.
        try db.alter(table: "listings") { table in
            table.add(column: "version", .integer).notNull().defaults(to: 1)
        }
        try db.create(table: "listing_versions") { table in
            table.column("marketplace", .text).notNull()
            table.column("listing_id", .text).notNull()
            table.column("version", .integer).notNull()
            table.column("content_sha256", .text).notNull()
            table.column("first_run", .text).notNull().references("runs")
            table.column("last_run", .text).notNull().references("runs")
            table.column("raw", .text).notNull()
            table.primaryKey(["marketplace", "listing_id", "version"])
        }
        try db.create(table: "listing_version_images") { table in
            table.column("marketplace", .text).notNull()
            table.column("listing_id", .text).notNull()
            table.column("version", .integer).notNull()
            table.column("position", .integer).notNull()
            table.column("reference", .text).notNull()
            table.column("sha256", .text)
            table.primaryKey(["marketplace", "listing_id", "version", "position"])
        }
        try db.create(index: "listing_images_by_sha256", on: "listing_version_images", columns: ["sha256"])
        try db.execute(
            sql: """
                INSERT INTO listing_versions (marketplace, listing_id, version, content_sha256, first_run, last_run, raw)
                SELECT marketplace, listing_id, 1, '', first_run, last_run, raw FROM listings;
                INSERT INTO listing_version_images (marketplace, listing_id, version, position, reference, sha256)
                SELECT i.marketplace, i.listing_id, 1, i.position, i.reference, i.sha256
                FROM listing_images i JOIN listings l
                    ON l.marketplace = i.marketplace AND l.listing_id = i.listing_id AND l.last_run = i.run_id;
                DROP TABLE listing_images;
                """)

        // Findings: v1 kept the whole line as JSON; v2 keeps its fields as columns and the signals as JSON, so that
        // status and history can change without rewriting text. SQLite's JSON1 functions split the v1 text.
        try db.alter(table: "findings") { table in
            table.add(column: "seller_id", .text)
            table.add(column: "url", .text)
            table.add(column: "right_id", .text).notNull().defaults(to: "")
            table.add(column: "first_seen", .text).notNull().defaults(to: "")
            table.add(column: "last_seen", .text).notNull().defaults(to: "")
            table.add(column: "resolved_run", .text)
            table.add(column: "resolution", .text)
            table.add(column: "relisted_from", .text)
            table.add(column: "signals", .text).notNull().defaults(to: "[]")
        }
        try db.execute(
            sql: """
                UPDATE findings SET
                    seller_id = json_extract(json, '$.seller_id'), url = json_extract(json, '$.url'),
                    right_id = coalesce(json_extract(json, '$.rights[0]'), ''),
                    signals = coalesce(json_extract(json, '$.signals'), '[]'),
                    first_seen = (SELECT started_at FROM runs WHERE id = first_run),
                    last_seen = (SELECT started_at FROM runs WHERE id = last_run);
                ALTER TABLE findings DROP COLUMN json;
                """)
        try db.create(index: "findings_by_resolved_run", on: "findings", columns: ["resolved_run"])
        try db.create(index: "findings_by_seller", on: "findings", columns: ["marketplace", "seller_id", "brand"])
        try db.create(index: "findings_by_listing", on: "findings", columns: ["marketplace", "listing_id"])
        try db.create(table: "finding_nights") { table in
            table.column("finding_id", .text).notNull()
            table.column("run_id", .text).notNull().references("runs")
            table.column("status", .text).notNull()
            table.column("score", .double).notNull()
            table.column("severity", .text).notNull()
            table.column("listing_version", .integer)
            table.primaryKey(["finding_id", "run_id"])
        }
        try db.execute(
            sql: """
                INSERT INTO finding_nights (finding_id, run_id, status, score, severity, listing_version)
                SELECT finding_id, last_run, status, score, severity, 1 FROM findings
                """)
        try db.create(table: "run_findings") { table in
            table.column("run_id", .text).notNull().references("runs")
            table.column("finding_id", .text).notNull()
            table.column("marketplace", .text).notNull()
            table.column("listing_id", .text).notNull()
            table.column("seller_id", .text)
            table.column("url", .text)
            table.column("brand", .text).notNull()
            table.column("right_id", .text).notNull()
            table.column("score", .double).notNull()
            table.column("severity", .text).notNull()
            table.column("signals", .text).notNull()
            table.primaryKey(["run_id", "finding_id"])
        }

        // The evidence key of each finding's bag, so that a night whose evidence did not change reads no bag.
        try db.create(table: "bundles") { table in
            table.primaryKey("finding_id", .text)
            table.column("evidence_key", .text).notNull()
            table.column("run_id", .text).notNull()
        }

        // Failures: the listing and the image reference get their own columns, so run.json streams from here.
        try db.alter(table: "failures") { table in
            table.add(column: "listing", .text)
            table.add(column: "reference", .text)
            table.add(column: "position", .integer)
        }
        try db.execute(
            sql: """
                UPDATE failures SET
                    listing = substr(subject, 1, instr(subject, ' ') - 1),
                    reference = substr(subject, instr(subject, ' ') + 1)
                WHERE kind = 'image' AND instr(subject, ' ') > 0;
                UPDATE failures SET kind = 'dump-record' WHERE kind != 'image';
                ALTER TABLE failures DROP COLUMN subject;
                """)
        try db.create(index: "failures_by_run", on: "failures", columns: ["run_id", "line", "id"])
    }

    /// v3 keeps the analysts' review decisions (append-only: a later decision supersedes an earlier one, and a
    /// dismissal that new evidence reopens is kept, marked lapsed, so it can be shown), and a snapshot of the
    /// registry's rights and authorised sellers as of the latest run, so that exports and their pre-filing checks
    /// need only the state file.
    private static func migrateToVersion3(_ db: Database) throws {
        try db.create(table: "reviews") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("finding_id", .text).notNull()
            table.column("decision", .text).notNull()
            table.column("reviewer", .text).notNull()
            table.column("reason", .text)
            table.column("decided_at", .text).notNull()
            table.column("severity", .text).notNull()
            table.column("evidence", .text).notNull()
            table.column("evidence_sha256", .text).notNull()
            table.column("lapsed_run", .text)
            table.column("lapsed_because", .text)
        }
        try db.create(index: "reviews_by_finding", on: "reviews", columns: ["finding_id", "id"])
        try db.create(table: "registry_rights") { table in
            table.primaryKey("right_id", .text)
            table.column("kind", .text).notNull()
            table.column("registration", .text).notNull()
            table.column("jurisdiction", .text)
            table.column("holder", .text)
            table.column("expires", .text)
            table.column("classes", .text).notNull()
            table.column("owner", .text).notNull()
        }
        try db.create(table: "registry_sellers") { table in
            table.column("brand", .text).notNull()
            table.column("seller_id", .text).notNull()
            table.primaryKey(["brand", "seller_id"])
        }
    }
}
