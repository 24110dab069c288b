import Foundation

extension MorningReport {
    /// One night of the trend: a completed run and its findings per status (from its `counts`).
    struct Night: Sendable, Equatable {
        var runID: String
        var startedAt: String
        var byStatus: [String: Int]
    }

    private static let plotLeft = 40.0
    private static let plotWidth = 370.0
    private static let plotTop = 18.0
    private static let plotHeight = 120.0

    /// The score histogram as inline SVG: ten bars, [0, 0.1) to [0.9, 1], each with its count.
    static func histogramSVG(_ bins: [Int]) -> String {
        let largest = max(1, bins.max() ?? 0)
        let slot = plotWidth / Double(max(1, bins.count))
        var svg = """
            <svg class="chart" viewBox="0 0 420 170" role="img" aria-label="Findings by score, in ten bins">\
            <title>Findings by score</title>\(axes(largest: largest))
            """
        for (index, count) in bins.enumerated() {
            let x = plotLeft + Double(index) * slot + slot * 0.12
            let height = plotHeight * Double(count) / Double(largest)
            let y = plotTop + plotHeight - height
            let range = "\(decimal(Double(index) / 10))–\(decimal(Double(index + 1) / 10))"
            svg += "<g><title>score \(range): \(count) findings</title>"
            svg += "<rect class=\"bar\" x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(slot * 0.76))\" "
            svg += "height=\"\(number(height))\"/>"
            if count > 0 {
                svg += "<text x=\"\(number(x + slot * 0.38))\" y=\"\(number(y - 3))\" class=\"c\">\(count)</text>"
            }
            svg += "<text x=\"\(number(x + slot * 0.38))\" y=\"156\" class=\"c\">\(decimal(Double(index) / 10))</text>"
            svg += "</g>"
        }
        return svg + "</svg>"
    }

    /// The nightly trend as inline SVG: one stacked bar per night, findings per status, oldest night on the left.
    static func trendSVG(_ nights: [Night]) -> String {
        let statuses = ["ongoing", "new", "relisted", "resolved"]
        let largest = max(1, nights.map { night in statuses.reduce(0) { $0 + (night.byStatus[$1] ?? 0) } }.max() ?? 0)
        // A few nights do not stretch into wide slabs: a slot is at most 44 units wide, room for its date.
        let slot = min(44, plotWidth / Double(max(1, nights.count)))
        var svg = """
            <svg class="chart" viewBox="0 0 420 170" role="img" aria-label="Findings per night, by status">\
            <title>Findings per night</title>\(axes(largest: largest))
            """
        for (index, night) in nights.enumerated() {
            let x = plotLeft + Double(index) * slot + slot * 0.15
            var base = plotTop + plotHeight
            let parts = statuses.map { "\($0) \(night.byStatus[$0] ?? 0)" }.joined(separator: ", ")
            svg += "<g><title>\(HTML.escape(night.runID)) (\(HTML.escape(night.startedAt))): \(parts)</title>"
            for status in statuses {
                let count = night.byStatus[status] ?? 0
                guard count > 0 else { continue }
                let height = plotHeight * Double(count) / Double(largest)
                base -= height
                svg += "<rect class=\"s-\(status)\" x=\"\(number(x))\" y=\"\(number(base))\" "
                svg += "width=\"\(number(slot * 0.7))\" height=\"\(number(height))\"/>"
            }
            svg += "</g>"
        }
        if nights.count <= 7 {
            // Few nights: each bar has its date (month and day) under it.
            for (index, night) in nights.enumerated() {
                let x = plotLeft + (Double(index) + 0.5) * slot
                svg += "<text x=\"\(number(x))\" y=\"156\" class=\"c\">"
                svg += "\(HTML.escape(String(night.startedAt.dropFirst(5).prefix(5))))</text>"
            }
        } else if let first = nights.first, let last = nights.last {
            svg += "<text x=\"\(number(plotLeft))\" y=\"156\">\(HTML.escape(String(first.startedAt.prefix(10))))</text>"
            svg += "<text x=\"\(number(plotLeft + plotWidth))\" y=\"156\" class=\"e\">"
            svg += "\(HTML.escape(String(last.startedAt.prefix(10))))</text>"
        }
        if nights.isEmpty {
            svg += "<text x=\"225\" y=\"80\" class=\"c\">no completed night</text>"
        }
        return svg + "</svg>"
    }

    /// The frame both charts share: a baseline, and the largest count at the top of the y axis.
    private static func axes(largest: Int) -> String {
        let bottom = plotTop + plotHeight
        return "<line class=\"ax\" x1=\"\(number(plotLeft))\" y1=\"\(number(bottom))\" "
            + "x2=\"\(number(plotLeft + plotWidth))\" y2=\"\(number(bottom))\"/>"
            + "<line class=\"ax\" x1=\"\(number(plotLeft))\" y1=\"\(number(plotTop))\" x2=\"\(number(plotLeft))\" "
            + "y2=\"\(number(bottom))\"/>"
            + "<text x=\"\(number(plotLeft - 4))\" y=\"\(number(plotTop + 4))\" class=\"e\">\(largest)</text>"
            + "<text x=\"\(number(plotLeft - 4))\" y=\"\(number(bottom))\" class=\"e\">0</text>"
    }

    /// A coordinate with one decimal, the same on every machine.
    private static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    private static func decimal(_ value: Double) -> String { String(format: "%.1f", value) }
}
