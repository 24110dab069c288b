import Store

extension MorningReport {
    /// Sellers shown in the report's repeat-offender section (`proofmark sellers` lists them all).
    static let offendersShown = 20

    /// The repeat-offender section: the worst sellers by strikes, confirmed findings and relists, and the clusters
    /// of sellers sharing images or text. Seller names and ids are dump text, so escaped.
    static func offenders(_ ledger: SellerLedger) -> String {
        var html = "<section class=\"offenders\"><h2>Repeat offenders</h2>\n"
        let worst = ledger.sellers.prefix(offendersShown)
        guard !worst.isEmpty else { return html + "<p class=\"q\">No sellers with findings.</p></section>\n" }
        html += """
            <p class="q">Worst first: strikes (confirmed listings, and confirmed findings relisted after they went), \
            confirmed findings, relists. \(ledger.sellers.count) sellers with findings; \
            proofmark sellers lists them all.</p>
            <table class="counts"><thead><tr><th>Seller<th>Marketplace<th>Strikes<th>Confirmed<th>Relists\
            <th>Findings<th>Open<th>Dismissed<th>First seen<th>Last seen<th>Cluster</tr></thead><tbody>

            """
        for seller in worst {
            let name = seller.sellerName.map { " (\(HTML.escape($0)))" } ?? ""
            html +=
                "<tr><td><bdi>\(HTML.escape(seller.sellerID))</bdi>\(name)<td><bdi>\(HTML.escape(seller.marketplace))</bdi>"
            html += "<td>\(seller.strikes)<td>\(seller.confirmed)<td>\(seller.relists)<td>\(seller.findings)"
            html += "<td>\(seller.open)<td>\(seller.dismissed)<td>\(HTML.escape(String(seller.firstSeen.prefix(10))))"
            html += "<td>\(HTML.escape(String(seller.lastSeen.prefix(10))))<td>\(HTML.escape(seller.cluster ?? ""))\n"
        }
        html += "</tbody></table>\n"
        if !ledger.clusters.isEmpty {
            html += "<h2>Seller clusters</h2><table class=\"counts\"><thead><tr><th>Cluster<th>Sellers<th>Strikes"
            html += "<th>Confirmed<th>Findings<th>Sharing</tr></thead><tbody>\n"
            for cluster in ledger.clusters.prefix(offendersShown) {
                html += "<tr><td>\(HTML.escape(cluster.id))<td><bdi>"
                html += cluster.sellers.map(HTML.escape).joined(separator: "</bdi>, <bdi>")
                html += "</bdi><td>\(cluster.strikes)<td>\(cluster.confirmed)<td>\(cluster.findings)<td>"
                html += HTML.escape(cluster.sharing.joined(separator: ", ")) + "\n"
            }
            html += "</tbody></table>\n"
        }
        return html + "</section>\n"
    }
}
