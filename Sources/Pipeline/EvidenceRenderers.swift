import Evidence
import Foundation
import Store

/// The pictures and pages inside a bundle.
enum EvidenceRenderers {
    /// Side-by-side PNGs: not drawn yet.
    static let sideBySide: EvidenceBundle.SideBySideRenderer = { _, _, _, _ in nil }

    /// The claim chart: a plain page until the claim chart renderer lands.
    static let claimChart: EvidenceBundle.ClaimChartRenderer = { evidence, _ in
        "<!doctype html><meta charset=utf-8><title>\(HTML.escape(evidence.finding.findingID))</title>\n"
    }
}
