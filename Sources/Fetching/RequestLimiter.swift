internal import Synchronization

/// Admits at most `overall` requests at once, and at most `perHost` to any one host, first come first served.
///
/// Callback-based rather than async, so that admitting the next request never waits for a thread of Swift
/// concurrency's pool: `release` calls the admitted waiters' closures on the releasing thread. A waiter whose host
/// is at its limit does not hold up waiters for other hosts behind it. Each operation is O(waiters).
final class RequestLimiter: Sendable {
    typealias Admit = @Sendable () -> Void

    private struct Waiter {
        let id: Int
        let host: String
        let admit: Admit
    }

    private struct State {
        var active = 0
        var activeByHost: [String: Int] = [:]
        var waiters: [Waiter] = []
        var nextID = 0
    }

    private let overall: Int
    private let perHost: Int
    private let state = Mutex(State())

    init(overall: Int, perHost: Int) {
        self.overall = max(1, overall)
        self.perHost = max(1, perHost)
    }

    /// Calls `admit` once a slot for `host` is taken for the caller: at once, on the calling thread, when one is
    /// free, else from the ``release(host:)`` that frees one. Returns an id for ``cancel(_:)``.
    @discardableResult
    func acquire(host: String, admit: @escaping Admit) -> Int {
        let (id, admitted) = state.withLock { state -> (Int, Bool) in
            state.nextID += 1
            // Every queued waiter is blocked (`release` admits all that fit), so one that fits jumps no queue.
            if Self.fits(host, state, overall: overall, perHost: perHost) {
                Self.take(host, &state)
                return (state.nextID, true)
            }
            state.waiters.append(Waiter(id: state.nextID, host: host, admit: admit))
            return (state.nextID, false)
        }
        if admitted { admit() }
        return id
    }

    /// Withdraws a waiter: `true` when it was still waiting (it will not be admitted), `false` when it was admitted
    /// already (its slot is then to be released as usual).
    func cancel(_ id: Int) -> Bool {
        state.withLock { state in
            guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return false }
            state.waiters.remove(at: index)
            return true
        }
    }

    /// Gives back a slot, and admits whoever now fits.
    func release(host: String) {
        let admitted = state.withLock { state -> [Admit] in
            state.active -= 1
            state.activeByHost[host, default: 1] -= 1
            if state.activeByHost[host] == 0 { state.activeByHost[host] = nil }
            var admitted: [Admit] = []
            var index = 0
            while index < state.waiters.count, state.active < overall {
                if Self.fits(state.waiters[index].host, state, overall: overall, perHost: perHost) {
                    let waiter = state.waiters.remove(at: index)
                    Self.take(waiter.host, &state)
                    admitted.append(waiter.admit)
                } else {
                    index += 1
                }
            }
            return admitted
        }
        for admit in admitted { admit() }
    }

    private static func fits(_ host: String, _ state: State, overall: Int, perHost: Int) -> Bool {
        state.active < overall && state.activeByHost[host, default: 0] < perHost
    }

    private static func take(_ host: String, _ state: inout State) {
        state.active += 1
        state.activeByHost[host, default: 0] += 1
    }
}
