/// Admits at most `overall` requests at once, and at most `perHost` to any one host, first come first served.
///
/// A waiter whose host is at its limit does not hold up waiters for other hosts behind it. A cancelled waiter
/// leaves the queue at once. Each operation is O(waiters).
actor RequestLimiter {
    private struct Waiter {
        let id: Int
        let host: String
        let continuation: CheckedContinuation<Bool, Never>
    }

    private let overall: Int
    private let perHost: Int
    private var active = 0
    private var activeByHost: [String: Int] = [:]
    private var waiters: [Waiter] = []
    private var nextID = 0

    init(overall: Int, perHost: Int) {
        self.overall = max(1, overall)
        self.perHost = max(1, perHost)
    }

    /// Waits for a slot for `host`; `false` when the calling task was cancelled first (no slot is then held).
    func acquire(host: String) async -> Bool {
        guard !Task.isCancelled else { return false }
        // Every queued waiter is blocked (`release` admits all that fit), so one that fits jumps no queue.
        if fits(host) {
            take(host)
            return true
        }
        nextID += 1
        let id = nextID
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                // Cancelled before the handler was installed: its `cancel(waiter:)` would find nobody.
                if Task.isCancelled {
                    continuation.resume(returning: false)
                } else {
                    waiters.append(Waiter(id: id, host: host, continuation: continuation))
                }
            }
        } onCancel: {
            // Never touch actor state (or anything that locks) inside the cancellation handler itself.
            Task { await self.cancel(waiter: id) }
        }
    }

    /// Gives back a slot `acquire(host:)` granted, and admits whoever now fits.
    func release(host: String) {
        active -= 1
        activeByHost[host, default: 1] -= 1
        if activeByHost[host] == 0 { activeByHost[host] = nil }
        var index = 0
        while index < waiters.count, active < overall {
            if fits(waiters[index].host) {
                let waiter = waiters.remove(at: index)
                take(waiter.host)
                waiter.continuation.resume(returning: true)
            } else {
                index += 1
            }
        }
    }

    private func cancel(waiter id: Int) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume(returning: false)
    }

    private func fits(_ host: String) -> Bool {
        active < overall && activeByHost[host, default: 0] < perHost
    }

    private func take(_ host: String) {
        active += 1
        activeByHost[host, default: 0] += 1
    }
}
