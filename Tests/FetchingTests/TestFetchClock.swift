import Dispatch
import Foundation
import Synchronization

@testable import Fetching

/// A fetch clock that moves only when told: a backoff wait is skipped at once (the clock jumps to its end) and
/// recorded, and a test moves the clock with ``advance(by:)`` while it holds a request at the server, to stand for
/// an attempt that took that long. So retries, backoff and the total timeout are checked in sequence, without
/// waiting, whatever the machine's load.
final class TestFetchClock: FetchClock {
    private struct State {
        var now: Duration = .zero
        var waits: [Duration] = []
    }

    private let state = Mutex(State())
    /// The calendar date at the clock's origin.
    let origin: Date

    init(origin: Date = Date(timeIntervalSince1970: 1_796_000_000)) {
        self.origin = origin
    }

    var now: Duration {
        state.withLock { $0.now }
    }

    var date: Date {
        origin.addingTimeInterval(Self.seconds(now))
    }

    /// The backoff waits asked for, in order.
    var waits: [Duration] {
        state.withLock { $0.waits }
    }

    func advance(by duration: Duration) {
        state.withLock { $0.now += duration }
    }

    func schedule(after delay: Duration, _ work: @escaping @Sendable () -> Void) {
        state.withLock { state in
            state.waits.append(delay)
            state.now += max(.zero, delay)
        }
        // Off the caller's thread, as a timer would be.
        DispatchQueue.global().async(execute: work)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
