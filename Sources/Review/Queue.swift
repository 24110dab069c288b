import Evidence
import Findings
import Foundation
import Store

/// One row of the review queue: a finding of the latest night as the morning report shows it.
struct QueueItem: Sendable, Codable {
    var id: String
    var brand: String
    var status: String
    var marketplace: String
    var listing: String
    var seller: String?
    var severity: String
    var score: Double
    var right: String
    var title: String?
    var price: String?
    var currency: String?
    /// `unreviewed`, `confirmed` or `dismissed` (filled in per request from the reviews).
    var review: String = "unreviewed"
    var reviewer: String?
    var reason: String?
    /// The id of the finding's latest decision (0: none), sent back with a decision so that one made over a page
    /// another tab or reviewer has since changed is refused (`StateStore.ReviewSelection.seen`).
    var revision: Int64 = 0
}

/// The latest completed night's findings, worst first (the morning report's order:
/// `StateStore.forEachFindingWorstFirst`), read once per night and state file.
struct QueueSnapshot: Sendable {
    var runID: String?
    var items: [QueueItem]
    var index: [String: Int]

    static func load(_ store: StateStore) throws -> QueueSnapshot {
        guard let run = try store.runs().last(where: { $0.status == .completed }) else {
            return QueueSnapshot(runID: nil, items: [], index: [:])
        }
        var items: [QueueItem] = []
        try store.forEachFindingWorstFirst(ofNight: run.id) { finding, raw in
            let listing = raw.map {
                ListingSummary(raw: $0, marketplace: finding.marketplace, listingID: finding.listingID)
            }
            items.append(
                QueueItem(
                    id: finding.findingID, brand: finding.brand, status: finding.status.rawValue,
                    marketplace: finding.marketplace, listing: finding.listingID, seller: finding.sellerID,
                    severity: finding.severity.rawValue, score: finding.score, right: finding.right,
                    title: listing?.title,
                    price: listing?.price, currency: listing?.currency))
        }
        var index: [String: Int] = [:]
        for (position, item) in items.enumerated() { index[item.id] = position }
        return QueueSnapshot(runID: run.id, items: items, index: index)
    }
}

/// The queue's filters, as query parameters (`brand`, `status`, `marketplace`, `severity`, `min_score`, `review`)
/// and as a bulk decision's JSON body.
struct QueueFilter: Sendable, Codable, Equatable {
    var brand: String?
    var status: String?
    var marketplace: String?
    var severity: String?
    var minScore: Double?
    var review: String?

    enum CodingKeys: String, CodingKey {
        case brand, status, marketplace, severity, minScore = "min_score", review
    }

    init(
        brand: String? = nil, status: String? = nil, marketplace: String? = nil, severity: String? = nil,
        minScore: Double? = nil, review: String? = nil
    ) {
        self.brand = brand
        self.status = status
        self.marketplace = marketplace
        self.severity = severity
        self.minScore = minScore
        self.review = review
    }

    init(query: [String: String]) {
        func value(_ key: String) -> String? { query[key].flatMap { $0.isEmpty ? nil : $0 } }
        self.init(
            brand: value("brand"), status: value("status"), marketplace: value("marketplace"),
            severity: value("severity"), minScore: value("min_score").flatMap(Double.init), review: value("review"))
    }

    func matches(_ item: QueueItem) -> Bool {
        if let brand, item.brand != brand { return false }
        if let status, item.status != status { return false }
        if let marketplace, item.marketplace != marketplace { return false }
        if let severity, item.severity != severity { return false }
        if let minScore, item.score < minScore { return false }
        if let review, item.review != review { return false }
        return true
    }
}

/// A page of the queue, with counts over the filtered findings and every value each filter can take.
struct QueuePage: Sendable, Codable {
    var night: String?
    var total: Int
    var matching: Int
    var offset: Int
    var items: [QueueItem]
    /// Per field, the filtered findings' count for each value (the counts follow the filters).
    var counts: [String: [String: Int]]
    /// Per field, every value in the night (the filters' choices).
    var values: [String: [String]]

    static let fields = ["brand", "status", "marketplace", "severity", "review"]

    static func value(_ item: QueueItem, _ field: String) -> String {
        switch field {
        case "brand": item.brand
        case "status": item.status
        case "marketplace": item.marketplace
        case "severity": item.severity
        default: item.review
        }
    }

    init(night: String?, items all: [QueueItem], filter: QueueFilter, offset: Int, limit: Int) {
        let matching = all.filter(filter.matches)
        self.night = night
        total = all.count
        self.matching = matching.count
        self.offset = max(0, min(offset, matching.count))
        items = Array(matching[self.offset..<min(matching.count, self.offset + max(0, limit))])
        var counts: [String: [String: Int]] = [:]
        var values: [String: [String]] = [:]
        for name in Self.fields {
            var tally: [String: Int] = [:]
            for item in matching { tally[Self.value(item, name), default: 0] += 1 }
            counts[name] = tally
            values[name] = Set(all.map { Self.value($0, name) }).union(name == "review" ? Self.reviewStates : [])
                .sorted()
        }
        self.counts = counts
        self.values = values
    }

    static let reviewStates = ["unreviewed", "confirmed", "dismissed"]
}

extension ReviewState {
    /// The id of the latest decision on the finding, lapsed or not.
    var latestID: Int64 { (current ?? previous)?.id ?? 0 }

    /// How the queue names it: withdrawn decisions leave a finding unreviewed.
    var queueName: String {
        switch current?.decision {
        case .confirmed: "confirmed"
        case .dismissed: "dismissed"
        case .withdrawn, nil: "unreviewed"
        }
    }
}
