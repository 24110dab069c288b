/// Lets concurrent fetches of the same URL share one request: the first caller starts it, later callers wait for
/// the same outcome.
///
/// A caller that is cancelled gets a `cancelled` outcome at once; the request goes on for the others and is
/// cancelled only when nobody is waiting for it any more. Once an outcome is delivered the URL is forgotten, so a
/// later call fetches again (the fetcher's cache, not this, spares the bytes).
actor SharedFetches {
    typealias Outcome = Result<FetchedImage, FetchError>

    private struct Entry {
        /// The waiter that started the request; tells its outcome from that of a later request for the same URL.
        let owner: Int
        var task: Task<Void, Never>?
        var waiters: [Int: CheckedContinuation<Outcome, Never>]
    }

    private var entries: [String: Entry] = [:]
    private var nextID = 0

    /// The outcome of the request for `key`, starting it with `start` when none is in flight.
    func outcome(
        for key: String, cancelled: @escaping @Sendable () -> Outcome,
        start: @escaping @Sendable () async -> Outcome
    ) async -> Outcome {
        nextID += 1
        let id = nextID
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                // Cancelled before the handler was installed: its `cancel(waiter:key:)` would find nobody.
                guard !Task.isCancelled else { return continuation.resume(returning: cancelled()) }
                if entries[key] != nil {
                    entries[key]?.waiters[id] = continuation
                    return
                }
                entries[key] = Entry(owner: id, task: nil, waiters: [id: continuation])
                // High priority: network bookkeeping (limits, retries, timers resuming) goes ahead of queued
                // decoding, so a busy night keeps its connections moving and its timeouts true.
                entries[key]?.task = Task(priority: .high) {
                    let outcome = await start()
                    self.finish(key: key, owner: id, outcome: outcome)
                }
            }
        } onCancel: {
            // Never touch actor state (or anything that locks) inside the cancellation handler itself.
            Task { await self.cancel(waiter: id, key: key, outcome: cancelled()) }
        }
    }

    /// How many callers are waiting for the request for `key` (none when no request for it is in flight).
    func callers(of key: String) -> Int {
        entries[key]?.waiters.count ?? 0
    }

    private func finish(key: String, owner: Int, outcome: Outcome) {
        guard let entry = entries[key], entry.owner == owner else { return }
        entries[key] = nil
        for continuation in entry.waiters.values { continuation.resume(returning: outcome) }
    }

    private func cancel(waiter id: Int, key: String, outcome: Outcome) {
        guard let continuation = entries[key]?.waiters.removeValue(forKey: id) else { return }
        continuation.resume(returning: outcome)
        if let entry = entries[key], entry.waiters.isEmpty {
            entry.task?.cancel()
            entries[key] = nil
        }
    }
}
