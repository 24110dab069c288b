import ArgumentParser
import Findings
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

    @OptionGroup var state: StateFileOption

    @Flag(help: "Write JSON instead of text.")
    var json = false

    @Option(help: "Show at most this many sellers.")
    var limit: Int?

    func run() throws {
        do {
            var ledger = try state.open().sellerLedger()
            if let limit { ledger.sellers = Array(ledger.sellers.prefix(max(0, limit))) }
            if json {
                let object: JSON = [
                    "sellers": .array(ledger.sellers.enumerated().map { Self.object($0.element, rank: $0.offset + 1) }),
                    "clusters": .array(
                        ledger.clusters.map { cluster in
                            [
                                "cluster": .string(cluster.id), "sellers": .array(cluster.sellers.map(JSON.string)),
                                "findings": .integer(cluster.findings), "confirmed": .integer(cluster.confirmed),
                                "relists": .integer(cluster.relists), "strikes": .integer(cluster.strikes),
                                "sharing": .array(cluster.sharing.map(JSON.string)),
                            ]
                        }),
                ]
                print(object.text(layout: .indentedKeepingSlashes))
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

    static func object(_ seller: SellerLedgerEntry, rank: Int) -> JSON {
        var object: [String: JSON] = [
            "rank": .integer(rank), "marketplace": .string(seller.marketplace), "seller_id": .string(seller.sellerID),
            "strikes": .integer(seller.strikes), "confirmed": .integer(seller.confirmed),
            "relists": .integer(seller.relists), "findings": .integer(seller.findings), "open": .integer(seller.open),
            "dismissed": .integer(seller.dismissed), "listings": .integer(seller.listings),
            "first_seen": .string(seller.firstSeen), "last_seen": .string(seller.lastSeen),
            "timeline": .array(
                seller.timeline.map {
                    [
                        "night": .string($0.startedAt), "findings": .integer($0.findings),
                        "confirmed": .integer($0.confirmed),
                    ]
                }),
        ]
        if let name = seller.sellerName { object["seller_name"] = .string(name) }
        if let cluster = seller.cluster { object["cluster"] = .string(cluster) }
        return .object(object)
    }
}
