/// At most `limit` holders at once, waiting without blocking a thread: it keeps `--jobs` meaning the number of
/// listings decoded and matched at once while more listings wait on the network for their images.
actor WorkLimiter {
    private let limit: Int
    private var holders = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Runs `body` once a place is free.
    nonisolated func run<T: Sendable>(_ body: @Sendable () async -> T) async -> T {
        await acquire()
        let result = await body()
        await release()
        return result
    }

    private func acquire() async {
        if holders < limit {
            holders += 1
            return
        }
        // The place is handed over by `release`, so `holders` already counts this waiter when it resumes.
        await withCheckedContinuation { waiters.append($0) }
    }

    private func release() {
        if waiters.isEmpty {
            holders -= 1
        } else {
            waiters.removeFirst().resume()
        }
    }
}
