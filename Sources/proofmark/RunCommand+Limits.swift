import Pipeline
import Store

extension RunCommand {
    /// The most listings, or image URLs, worked on at once: far above any machine's cores or a polite crawl, and
    /// low enough that the task groups and threads sized from it cannot overflow or exhaust the process.
    static let maximumJobs = 1024
}

extension RunCommand {
    /// What stderr says about marketplaces whose dump shrank far below the last completed night.
    static func shrinkWarnings(_ summary: RunSummary) -> [String] {
        summary.shrunkMarketplaces.map { shrink in
            "warning: \(shrink.marketplace): \(shrink.tonight) listings tonight against \(shrink.lastNight) on the "
                + "last completed night (run \(shrink.lastRunID)); "
                + (summary.shrinkAccepted
                    ? "the shrink was accepted (--accept-shrink): absent listings' findings are resolved as listing-gone"
                    : "findings of absent listings are left as they were, not resolved as listing-gone "
                        + "(a failed crawl?); if the shrink is real, run again with --accept-shrink")
        }
    }
}
