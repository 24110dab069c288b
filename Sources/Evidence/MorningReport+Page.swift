import Crypto
import Foundation
import Store

extension MorningReport {
    /// Everything before the findings' rows: the head, the summary, the filters and the table's head.
    static func page(run: RunRecord, tally: ReportTally, nights: [Night], offenders: String = "") -> String {
        var page = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(contentSecurityPolicy)">
            <meta name="referrer" content="no-referrer">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Proofmark morning report: \(HTML.escape(run.id))</title>
            <style>\(style)</style>
            </head><body>
            <header><h1>Morning report</h1>
            <p class="q">Run <bdi>\(HTML.escape(run.id))</bdi>, started \(HTML.escape(run.startedAt))\
            \(run.finishedAt.map { ", finished " + HTML.escape($0) } ?? ""); \(tally.total) findings; \
            Proofmark \(HTML.escape(run.toolVersion))</p></header>
            <section class="tiles">
            """
        for status in ReportTally.statuses {
            page +=
                "<div class=\"tile\"><i class=\"k s-\(status)\"></i><b>\(tally.byStatus[status] ?? 0)</b> \(status)</div>"
        }
        page += "</section>\n<section class=\"summary\">\n"
        page += counts("Brand", tally.byBrand, order: tally.byBrand.keys.sorted())
        page += counts("Marketplace", tally.byMarketplace, order: tally.byMarketplace.keys.sorted())
        page += counts("Severity", tally.bySeverity, order: tally.severityOrder.filter { tally.bySeverity[$0] != nil })
        page += "<figure><h2>Scores</h2>\(histogramSVG(tally.histogram))</figure>\n"
        page += "<figure><h2>Nightly trend</h2>\(trendSVG(nights))<figcaption>"
        page += ["ongoing", "new", "relisted", "resolved"].map { "<i class=\"k s-\($0)\"></i>\($0)" }.joined(
            separator: " ")
        page += "</figcaption></figure>\n</section>\n"
        page += offenders
        page += """
            <section><h2>Findings</h2>
            <p class="q">Worst first: by severity, then score, then finding id.</p>
            <form id="filters" hidden>\
            \(select("brand", "Brand", tally.byBrand.keys.sorted(), counts: tally.byBrand))\
            \(select("status", "Status", ReportTally.statuses, counts: tally.byStatus.mapValues { ["": $0] }))\
            \(select("marketplace", "Marketplace", tally.byMarketplace.keys.sorted(), counts: tally.byMarketplace))\
            <button type="reset">Show all</button> <output id="shown"></output></form>
            <div id="findings">
            <table class="head">\(columns)<thead><tr><th>Severity<th>Score<th>Status<th>Brand<th>Marketplace\
            <th>Listing<th>Seller<th>Price<th>Signals<th>Side by side<th>Evidence</tr></thead></table>
            \(tally.total == 0 ? "<p class=\"q\">No findings.</p>\n" : "")
            """
        return page
    }

    /// Everything after the rows: the end of the findings and the filter script.
    static let pageEnd = "</div></section>\n<script>\(filterScript)</script>\n</body></html>\n"

    /// The start of a chunk of rows: its own table with the same fixed column widths, and the height the browser
    /// assumes for it until it lays it out (about right, so the scroll bar does not jump).
    static func chunkStart(estimatedHeight: Int) -> String {
        "<div class=\"chunk\" style=\"contain-intrinsic-size:auto \(estimatedHeight)px\"><table>\(columns)<tbody>\n"
    }

    static let chunkEnd = "</tbody></table></div>\n"

    private static let columns = """
        <colgroup><col class="c-sev"><col class="c-score"><col class="c-status"><col class="c-brand">\
        <col class="c-market"><col class="c-title"><col class="c-seller"><col class="c-price"><col class="c-signals">\
        <col class="c-thumb"><col class="c-links"></colgroup>
        """

    /// A table of findings per status for each key (brand, marketplace, severity).
    private static func counts(_ label: String, _ table: [String: [String: Int]], order: [String]) -> String {
        var html = "<div><h2>By \(label.lowercased())</h2><table class=\"counts\"><thead><tr><th>\(label)<th>All"
        html += ReportTally.statuses.map { "<th>\($0)" }.joined() + "</tr></thead><tbody>"
        if order.isEmpty { html += "<tr><td colspan=\"6\" class=\"q\">no findings" }
        for key in order {
            let row = table[key] ?? [:]
            html += "<tr><td><bdi>\(HTML.escape(key))</bdi><td>\(row.values.reduce(0, +))"
            html += ReportTally.statuses.map { "<td>\(row[$0] ?? 0)" }.joined()
        }
        return html + "</tbody></table></div>\n"
    }

    private static func select(
        _ name: String, _ label: String, _ values: [String], counts: [String: [String: Int]]
    ) -> String {
        var html = "<label>\(label) <select name=\"\(name)\"><option value=\"\">all</option>"
        for value in values {
            let count = counts[value]?.values.reduce(0, +) ?? 0
            html += "<option value=\"\(HTML.escape(value))\">\(HTML.escape(value)) (\(count))</option>"
        }
        return html + "</select></label> "
    }

    /// Hides the rows that do not match the chosen brand, status and marketplace, and gives each chunk's thumbnails
    /// their `src` as it nears the viewport (all of them before printing). Plain JavaScript, no library.
    static let filterScript = """
        (function () {
          var form = document.getElementById("filters");
          var rows = document.querySelectorAll("#findings tr[data-s]");
          var chunks = document.querySelectorAll("#findings .chunk");
          var shown = document.getElementById("shown");
          function apply() {
            var b = form.elements.brand.value, s = form.elements.status.value, m = form.elements.marketplace.value;
            var n = 0;
            for (var i = 0; i < rows.length; i++) {
              var d = rows[i].dataset;
              var keep = (!b || d.b === b) && (!s || d.s === s) && (!m || d.m === m);
              rows[i].hidden = !keep;
              if (keep) n++;
            }
            for (var j = 0; j < chunks.length; j++) {
              chunks[j].hidden = !chunks[j].querySelector("tr:not([hidden])");
            }
            shown.textContent = n === rows.length ? "" : n + " of " + rows.length + " findings shown";
          }
          form.addEventListener("change", apply);
          form.addEventListener("reset", function () { setTimeout(apply, 0); });
          form.hidden = false;
          function show(chunk) {
            var images = chunk.querySelectorAll("img[data-src]");
            for (var k = 0; k < images.length; k++) {
              images[k].src = images[k].getAttribute("data-src");
              images[k].removeAttribute("data-src");
            }
          }
          function showAll() { for (var j = 0; j < chunks.length; j++) show(chunks[j]); }
          window.addEventListener("beforeprint", showAll);
          if (!("IntersectionObserver" in window)) return showAll();
          var near = new IntersectionObserver(function (entries) {
            entries.forEach(function (entry) {
              if (entry.isIntersecting) { show(entry.target); near.unobserve(entry.target); }
            });
          }, { rootMargin: "1500px 0px" });
          for (var j = 0; j < chunks.length; j++) near.observe(chunks[j]);
        })();
        """

    /// The page loads its own thumbnails and nothing else, and runs only its own filter script (named by hash), so
    /// even a piece of dump text that escaped escaping could neither run nor fetch anything.
    static let contentSecurityPolicy: String = {
        let hash = Data(SHA256.hash(data: Data(filterScript.utf8))).base64EncodedString()
        return "default-src 'none'; img-src 'self' file:; style-src 'unsafe-inline'; script-src 'sha256-\(hash)'; "
            + "base-uri 'none'; form-action 'none'"
    }()

    private static let style = """
        body{font:13px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111;margin:16px}
        h1{font-size:20px;margin:0}h2{font-size:14px;margin:0 0 6px}.q{color:#666}
        .tiles{display:flex;gap:10px;margin:12px 0}.tile{border:1px solid #ccc;border-radius:4px;padding:6px 12px}
        .tile b{font-size:20px;margin-right:4px}
        .summary{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start;margin-bottom:16px}
        .summary figure{margin:0;width:420px}figcaption{font-size:12px}
        .counts{border-collapse:collapse}.counts th,.counts td{border:1px solid #ddd;padding:2px 6px;text-align:right}
        .counts td:first-child,.counts th:first-child{text-align:left}
        svg.chart{width:420px;height:170px;font-size:10px}svg .bar{fill:#4c6ef5}svg .ax{stroke:#999}
        svg text{fill:#333}svg .c{text-anchor:middle}svg .e{text-anchor:end}
        .k{display:inline-block;width:10px;height:10px;margin:0 3px 0 6px}
        .s-new{fill:#e8590c;background:#e8590c}.s-ongoing{fill:#f59f00;background:#f59f00}
        .s-relisted{fill:#ae3ec9;background:#ae3ec9}.s-resolved{fill:#37b24d;background:#37b24d}
        #filters{margin:8px 0}#filters label{margin-right:10px}
        #findings table{border-collapse:collapse;table-layout:fixed;width:100%;min-width:1200px}
        #findings .head{position:sticky;top:0;z-index:1}#findings th{background:#eee;text-align:left}
        .chunk{content-visibility:auto}
        #findings th,#findings td{border-bottom:1px solid #ddd;padding:4px 6px;vertical-align:top;overflow-wrap:anywhere}
        #findings .r{text-align:right}#findings img{display:block;max-width:100%;height:auto}
        .c-sev{width:76px}.c-score{width:56px}.c-status{width:90px}.c-brand{width:80px}.c-market{width:110px}
        .c-title{width:22%}.c-seller{width:120px}.c-price{width:80px}.c-signals{width:18%}.c-thumb{width:250px}
        .c-links{width:150px}
        tr.serious td:first-child{color:#c92a2a;font-weight:600}tr.moderate td:first-child{color:#d9480f}
        a{color:#0645ad}
        @media print{body{margin:0;font-size:9pt}#filters{display:none}#findings table{min-width:0}
        #findings .head{position:static}.chunk{content-visibility:visible}tr{break-inside:avoid}a{color:inherit}}
        """
}
