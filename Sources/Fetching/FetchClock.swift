internal import Dispatch
internal import Foundation

/// The time a fetch measures its timeouts on and waits on between attempts: the real clock in production, a clock of
/// their own in the tests, so that retries, backoff and the total timeout can be checked without waiting and without
/// depending on how fast any thread runs.
///
/// libcurl's own timeouts (an attempt's, given to it as a duration) are real time whatever the clock: what this
/// clock decides is when the total timeout runs out, how much of it an attempt may use, and when a wait ends.
protocol FetchClock: Sendable {
    /// Time since an origin fixed by the clock; only differences between readings mean anything.
    var now: Duration { get }
    /// The calendar date, which a `Retry-After` HTTP-date is measured against.
    var date: Date { get }
    /// Calls `work` once `delay` has passed, on a thread that is not Swift concurrency's.
    func schedule(after delay: Duration, _ work: @escaping @Sendable () -> Void)
}

/// The real clock: `ContinuousClock` for durations, `Date()` for the date, and a private dispatch queue for waits.
struct SystemFetchClock: FetchClock {
    private let origin = ContinuousClock.now

    /// The backoff timers of every fetcher: a serial queue of Dispatch's own, whose threads Swift concurrency does
    /// not share.
    private static let timers = DispatchQueue(label: "Proofmark.ImageFetcher.backoff")

    var now: Duration {
        origin.duration(to: .now)
    }

    var date: Date {
        Date()
    }

    func schedule(after delay: Duration, _ work: @escaping @Sendable () -> Void) {
        Self.timers.asyncAfter(deadline: .now() + Self.dispatchInterval(delay), execute: work)
    }

    private static func dispatchInterval(_ duration: Duration) -> DispatchTimeInterval {
        let (seconds, attoseconds) = duration.components
        let nanoseconds = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !nanoseconds.overflow, nanoseconds.partialValue < Int64(Int.max) else { return .never }
        return .nanoseconds(max(0, Int(nanoseconds.partialValue + attoseconds / 1_000_000_000)))
    }
}
