import Foundation
import GRDB

/// One seller's record of infringement across nights (`proofmark sellers`).
public struct SellerLedgerEntry: Sendable, Hashable {
    public var marketplace: String
    public var sellerID: String
    /// The seller's name as last dumped, when any listing gave one.
    public var sellerName: String?
    /// Findings ever made against the seller, those not resolved, and those confirmed and dismissed now.
    public var findings: Int
    public var open: Int
    public var confirmed: Int
    public var dismissed: Int
    /// Distinct listings with a finding.
    public var listings: Int
    /// Nights on which one of the seller's findings came back (`relisted`).
    public var relists: Int
    /// Confirmed infringements: each listing with a confirmed finding, plus each night a confirmed finding was
    /// relisted after it had gone (a takedown the seller undid). Alibaba closes an account at three.
    public var strikes: Int
    public var firstSeen: String
    public var lastSeen: String
    /// Per night the seller had findings (oldest first): the night's start, its findings, and how many of them
    /// are confirmed now.
    public var timeline: [Night]
    /// The cluster of sellers sharing images or copied text with this one (nil when it shares with none).
    public var cluster: String?

    public struct Night: Sendable, Hashable {
        public var startedAt: String
        public var findings: Int
        public var confirmed: Int
    }
}

/// Sellers that share image bytes, PDQ hashes or a description across their listings: likely one operator.
public struct SellerCluster: Sendable, Hashable {
    /// `c-1`, `c-2`, ... worst first.
    public var id: String
    /// `marketplace/seller_id` of each member, worst first.
    public var sellers: [String]
    public var findings: Int
    public var confirmed: Int
    public var relists: Int
    public var strikes: Int
    /// What links them (`image <sha256 prefix>`, `pdq <hash prefix>`, `description`), a few examples.
    public var sharing: [String]
}

/// The repeat-offender ledger: sellers and clusters, worst first.
public struct SellerLedger: Sendable, Hashable {
    public var sellers: [SellerLedgerEntry]
    public var clusters: [SellerCluster]
}

extension StateStore {
    /// The repeat-offender ledger of every seller with a finding, worst first: by strikes, confirmed findings,
    /// relists, findings, then marketplace and seller id. Authorised sellers never get findings, so never appear.
    ///
    /// Clusters join sellers (union-find) whose listings, in any version, showed the same image bytes, the same PDQ
    /// hash (of quality 50 or more, as PDQ's reference advises), or the same description (40 characters or more,
    /// case and spacing folded). Images that are registered assets themselves are left out: every copier of the
    /// brand's own photo would otherwise be one cluster. Cost: one pass over the findings, their nights and the
    /// sellers' listings and images.
    public func sellerLedger() throws(StoreError) -> SellerLedger {
        try read { db in
            var latest: [String: ReviewState] = [:]
            for record in try ReviewRecord.fetchAll(db, sql: Self.latestReviewsSQL) {
                latest[record.findingID] = ReviewState(latest: record)
            }
            struct Tally {
                var entry: SellerLedgerEntry
                var listings: Set<String> = []
                var confirmedListings: Set<String> = []
                var nights: [String: (Int, Int)] = [:]
            }
            var tallies: [String: Tally] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT finding_id, marketplace, seller_id, listing_id, status, first_seen, last_seen FROM findings
                    WHERE seller_id IS NOT NULL AND seller_id != '' ORDER BY finding_id
                    """)
            {
                let findingID: String = row[0]
                let marketplace: String = row[1]
                let seller: String = row[2]
                let key = "\(marketplace)/\(seller)"
                let review = latest[findingID] ?? ReviewState(current: nil, previous: nil)
                var tally =
                    tallies[key]
                    ?? Tally(
                        entry: SellerLedgerEntry(
                            marketplace: marketplace, sellerID: seller, findings: 0, open: 0, confirmed: 0,
                            dismissed: 0, listings: 0, relists: 0, strikes: 0, firstSeen: row[5], lastSeen: row[6],
                            timeline: []))
                tally.entry.findings += 1
                if (row[4] as String) != "resolved" { tally.entry.open += 1 }
                if review.isConfirmed {
                    tally.entry.confirmed += 1
                    tally.confirmedListings.insert(row[3])
                }
                if review.isDismissed { tally.entry.dismissed += 1 }
                tally.listings.insert(row[3])
                tally.entry.firstSeen = min(tally.entry.firstSeen, row[5])
                tally.entry.lastSeen = max(tally.entry.lastSeen, row[6])
                tallies[key] = tally
            }
            // Nights, relists and confirmations per seller and night, aggregated by SQLite: one row per seller and
            // night, however many findings.
            var confirmedRelists: [String: Int] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT f.marketplace, f.seller_id, r.started_at, count(*),
                        sum(n.status = 'relisted'), sum(v.decision = 'confirmed'),
                        sum(n.status = 'relisted' AND v.decision = 'confirmed')
                    FROM finding_nights n JOIN findings f ON f.finding_id = n.finding_id
                    JOIN runs r ON r.id = n.run_id
                    LEFT JOIN reviews v ON v.finding_id = f.finding_id AND v.lapsed_run IS NULL
                        AND v.id = (SELECT max(id) FROM reviews WHERE finding_id = f.finding_id)
                    WHERE n.status != 'resolved' AND f.seller_id IS NOT NULL AND f.seller_id != ''
                    GROUP BY f.marketplace, f.seller_id, r.started_at
                    """)
            {
                let key = "\(row[0] as String)/\(row[1] as String)"
                guard var tally = tallies[key] else { continue }
                let findings: Int = row[3]
                let relists: Int = row[4] ?? 0
                let confirmed: Int = row[5] ?? 0
                tally.entry.relists += relists
                confirmedRelists[key, default: 0] += row[6] ?? 0
                tally.nights[row[2]] = (findings, confirmed)
                tallies[key] = tally
            }
            for (key, tally) in tallies {
                var entry = tally.entry
                entry.listings = tally.listings.count
                entry.strikes = tally.confirmedListings.count + (confirmedRelists[key] ?? 0)
                entry.timeline = tally.nights.sorted { $0.key < $1.key }.map {
                    SellerLedgerEntry.Night(startedAt: $0.key, findings: $0.value.0, confirmed: $0.value.1)
                }
                tallies[key]?.entry = entry
            }

            // Clusters: what each seller's listings showed or said.
            var links: [String: Set<String>] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT l.marketplace, l.seller_id, i.sha256, m.pdq, m.quality FROM listings l
                    JOIN listing_version_images i ON i.marketplace = l.marketplace AND i.listing_id = l.listing_id
                    JOIN images m ON m.sha256 = i.sha256
                    WHERE l.seller_id IS NOT NULL AND m.first_run IS NOT NULL
                        AND EXISTS (SELECT 1 FROM findings f WHERE f.marketplace = l.marketplace
                            AND f.seller_id = l.seller_id)
                    """)
            {
                let key = "\(row[0] as String)/\(row[1] as String)"
                guard tallies[key] != nil else { continue }
                links["image \((row[2] as String).prefix(12))", default: []].insert(key)
                if (row[4] as Int) >= 50 { links["pdq \((row[3] as String).prefix(12))", default: []].insert(key) }
            }
            var names: [String: (String, String)] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT l.marketplace, l.seller_id, l.raw, l.last_run FROM listings l
                    WHERE l.seller_id IS NOT NULL AND EXISTS (SELECT 1 FROM findings f
                        WHERE f.marketplace = l.marketplace AND f.seller_id = l.seller_id)
                    """)
            {
                let key = "\(row[0] as String)/\(row[1] as String)"
                guard tallies[key] != nil else { continue }
                let document = ListingDocument(row[2] as String)
                if let name = document.fields["seller_name"] as? String, !name.isEmpty {
                    let lastRun: String = row[3]
                    if let known = names[key], known.1 >= lastRun { continue }
                    names[key] = (name, lastRun)
                }
                if let description = document.fields["description"] as? String {
                    let folded = description.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
                    if folded.count >= 40 { links["description " + folded, default: []].insert(key) }
                }
            }
            for (key, name) in names { tallies[key]?.entry.sellerName = name.0 }

            var parent: [String: String] = [:]
            func root(_ key: String) -> String {
                var node = key
                while let up = parent[node], up != node { node = up }
                return node
            }
            var reasons: [String: Set<String>] = [:]
            for (link, members) in links where members.count > 1 {
                let sorted = members.sorted()
                for member in sorted.dropFirst() {
                    let (a, b) = (root(sorted[0]), root(member))
                    if a != b { parent[max(a, b)] = min(a, b) }
                }
                reasons[sorted[0], default: []].insert(
                    link.hasPrefix("description ") ? "description" : link)
            }
            func worse(_ a: SellerLedgerEntry, _ b: SellerLedgerEntry) -> Bool {
                (b.strikes, b.confirmed, b.relists, b.findings, a.marketplace, a.sellerID)
                    < (a.strikes, a.confirmed, a.relists, a.findings, b.marketplace, b.sellerID)
            }
            var members: [String: [SellerLedgerEntry]] = [:]
            var sharing: [String: Set<String>] = [:]
            for (key, tally) in tallies { members[root(key), default: []].append(tally.entry) }
            for (key, why) in reasons { sharing[root(key), default: []].formUnion(why) }
            var clusters = members.filter { $0.value.count > 1 }.map { rootKey, entries in
                let sorted = entries.sorted(by: worse)
                return SellerCluster(
                    id: rootKey, sellers: sorted.map { "\($0.marketplace)/\($0.sellerID)" },
                    findings: sorted.map(\.findings).reduce(0, +), confirmed: sorted.map(\.confirmed).reduce(0, +),
                    relists: sorted.map(\.relists).reduce(0, +), strikes: sorted.map(\.strikes).reduce(0, +),
                    sharing: Array((sharing[rootKey] ?? []).sorted().prefix(5)))
            }
            clusters.sort {
                ($1.strikes, $1.confirmed, $1.relists, $1.findings, $0.sellers[0])
                    < ($0.strikes, $0.confirmed, $0.relists, $0.findings, $1.sellers[0])
            }
            var clusterOf: [String: String] = [:]
            for index in clusters.indices {
                clusters[index].id = "c-\(index + 1)"
                for seller in clusters[index].sellers { clusterOf[seller] = clusters[index].id }
            }
            var sellers = tallies.values.map(\.entry)
            for index in sellers.indices {
                sellers[index].cluster = clusterOf["\(sellers[index].marketplace)/\(sellers[index].sellerID)"]
            }
            sellers.sort(by: worse)
            return SellerLedger(sellers: sellers, clusters: clusters)
        }
    }
}
