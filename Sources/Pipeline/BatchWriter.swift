import Dispatch
import FaultInjection
import Store
import Synchronization

/// Writes a run's batches to the state file on a thread of its own, in the order they are submitted, so that the
/// run's loop goes on reading and tallying while SQLite writes.
///
/// At most `depth` batches wait at once: a submitter beyond that suspends (without blocking a thread) until the
/// oldest is written, so memory stays bounded when the disk is slow. The first failure is kept and thrown by the
/// next `submit` or by `drain`; batches after it are not written.
final class BatchWriter: Sendable {
    private struct State {
        var pending = 0
        var failure: StoreError?
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let store: StateStore
    private let runID: String
    private let depth: Int
    private let queue = DispatchQueue(label: "proofmark.state-writer")
    private let state = Mutex(State())

    init(store: StateStore, runID: String, depth: Int = 2) {
        self.store = store
        self.runID = runID
        self.depth = max(1, depth)
    }

    /// Queues `batch` for writing, after those before it.
    func submit(_ batch: StateStore.Batch) async throws(StoreError) {
        let depth = self.depth
        try await wait { $0.pending < depth }
        state.withLock { $0.pending += 1 }
        queue.async { [store, runID] in
            var failure: StoreError?
            if self.state.withLock({ $0.failure == nil }) {
                do throws(StoreError) {
                    try store.write(batch, runID: runID)
                    Checkpoint.batchWritten.reached()
                } catch {
                    failure = error
                }
            }
            let waiters = self.state.withLock { state in
                state.pending -= 1
                if state.failure == nil { state.failure = failure }
                let waiters = state.waiters
                state.waiters = []
                return waiters
            }
            for waiter in waiters { waiter.resume() }
        }
    }

    /// Waits until every submitted batch is written; throws the first failure.
    func drain() async throws(StoreError) {
        try await wait { $0.pending == 0 }
    }

    private func wait(until ready: @escaping (State) -> Bool) async throws(StoreError) {
        while true {
            let (done, failure): (Bool, StoreError?) = state.withLock { (ready($0), $0.failure) }
            if let failure { throw failure }
            if done { return }
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLock { state in
                    if ready(state) || state.failure != nil { return true }
                    state.waiters.append(continuation)
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        }
    }
}
