import ArgumentParser
import Foundation
import Store

/// `proofmark sellers`: the repeat-offender ledger, worst first.
struct SellersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sellers",
        abstract: "List sellers with findings, worst first: strikes, confirmed findings, relists.",
        discussion: """
            One line per seller (tab-separated: rank, marketplace, seller id, strikes, confirmed, relists, findings, \
            open, dismissed, first seen, last seen, cluster, name), then the clusters of sellers sharing image bytes, \
            PDQ hashes or descriptions. A strike is a listing with a confirmed finding, or a confirmed finding \
            relisted after it had gone. --json writes one object with every seller's nightly timeline. Exit \
            status: 0, or 1 when the state file cannot be read.
            """
    )

    @Option(help: "The state file.")
    var state: String

    @Flag(help: "Write JSON instead of text.")
    var json = false

    @Option(help: "Show at most this many sellers.")
    var limit: Int?

    func run() throws {
        do {
            guard FileManager.default.fileExists(atPath: state) else {
                throw CommandError("\(state): no such state file")
            }
            var ledger = try StateStore(path: state).sellerLedger()
            if let limit { ledger.sellers = Array(ledger.sellers.prefix(max(0, limit))) }
            if json {
                let object: [String: Any] = [
                    "sellers": ledger.sellers.enumerated().map { Self.object($0.element, rank: $0.offset + 1) },
                    "clusters": ledger.clusters.map { cluster -> [String: Any] in
                        [
                            "cluster": cluster.id, "sellers": cluster.sellers, "findings": cluster.findings,
                            "confirmed": cluster.confirmed, "relists": cluster.relists, "strikes": cluster.strikes,
                            "sharing": cluster.sharing,
                        ]
                    },
                ]
                let data = try JSONSerialization.data(
                    withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
                print(String(decoding: data, as: UTF8.self))
                return
            }
            print(
                [
                    "rank", "marketplace", "seller_id", "strikes", "confirmed", "relists", "findings", "open",
                    "dismissed",
                    "first_seen", "last_seen", "cluster", "name",
                ].joined(separator: "\t"))
            for (index, seller) in ledger.sellers.enumerated() {
                let fields: [String] = [
                    String(index + 1), seller.marketplace, seller.sellerID, String(seller.strikes),
                    String(seller.confirmed), String(seller.relists), String(seller.findings), String(seller.open),
                    String(seller.dismissed), seller.firstSeen, seller.lastSeen, seller.cluster ?? "-",
                    seller.sellerName ?? "",
                ]
                print(fields.map(Terminal.safe).joined(separator: "\t"))
            }
            for cluster in ledger.clusters {
                print(
                    Terminal.safe(
                        "\(cluster.id)\t\(cluster.strikes) strikes\t\(cluster.confirmed) confirmed\t"
                            + "\(cluster.findings) findings\t\(cluster.sellers.joined(separator: " "))\t"
                            + "sharing: \(cluster.sharing.joined(separator: ", "))"))
            }
        } catch {
            FileHandle.standardError.write(Data("proofmark sellers: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }

    static func object(_ seller: SellerLedgerEntry, rank: Int) -> [String: Any] {
        var object: [String: Any] = [
            "rank": rank, "marketplace": seller.marketplace, "seller_id": seller.sellerID,
            "strikes": seller.strikes, "confirmed": seller.confirmed, "relists": seller.relists,
            "findings": seller.findings, "open": seller.open, "dismissed": seller.dismissed,
            "listings": seller.listings, "first_seen": seller.firstSeen, "last_seen": seller.lastSeen,
            "timeline": seller.timeline.map {
                ["night": $0.startedAt, "findings": $0.findings, "confirmed": $0.confirmed] as [String: Any]
            },
        ]
        if let name = seller.sellerName { object["seller_name"] = name }
        if let cluster = seller.cluster { object["cluster"] = cluster }
        return object
    }
}
