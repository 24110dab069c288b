internal import Dispatch
internal import Foundation
internal import Synchronization

/// The threads HTTP transfers run on: dedicated threads, outside Swift concurrency's pool.
///
/// libcurl's easy interface blocks its thread for a whole transfer, and Swift concurrency's few threads are shared
/// with CPU-bound work (decoding, hashing); on threads of their own, transfers neither starve that work nor wait
/// for it, and libcurl's timeouts fire on time however busy the pool is. Threads start when first needed, up to
/// `limit` (the fetcher's overall request limit, which its limiter already holds attempts to), each with its own
/// ``CurlHandle`` so connections are reused from one transfer to the next; they end after ``stop()``.
final class TransferThreads: Sendable {
    /// Work for a thread, given the thread's handle (`nil` when libcurl could not make one).
    typealias Job = @Sendable (CurlHandle?) -> Void

    private struct State {
        var jobs: [Job] = []
        /// Threads waiting for a job (or about to).
        var idle = 0
        var threads = 0
        var stopped = false
    }

    private let limit: Int
    private let state = Mutex(State())
    /// One signal per job submitted, and one per thread when stopping.
    private let wakeups = DispatchSemaphore(value: 0)

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Runs `job` on one of the threads; a job that finds every thread busy waits its turn.
    func submit(_ job: @escaping Job) {
        let spawn = state.withLock { state -> Bool in
            state.jobs.append(job)
            guard state.jobs.count > state.idle, state.threads < limit else { return false }
            state.threads += 1
            return true
        }
        wakeups.signal()
        if spawn {
            let thread = Thread { [self] in work() }
            thread.name = "Proofmark.fetch"
            thread.start()
        }
    }

    /// Lets every thread end once the jobs already submitted are done.
    func stop() {
        let threads = state.withLock { state -> Int in
            state.stopped = true
            return state.threads
        }
        for _ in 0..<threads { wakeups.signal() }
    }

    private enum Next {
        case run(Job)
        case wait
        case end
    }

    private func work() {
        CurlHandle.prepareThread()
        let handle = CurlHandle()
        while true {
            state.withLock { $0.idle += 1 }
            wakeups.wait()
            let next = state.withLock { state -> Next in
                state.idle -= 1
                if !state.jobs.isEmpty { return .run(state.jobs.removeFirst()) }
                guard state.stopped else { return .wait }
                state.threads -= 1
                return .end
            }
            switch next {
            case .run(let job): job(handle)
            case .wait: continue
            case .end: return
            }
        }
    }
}
