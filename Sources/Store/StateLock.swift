public import Foundation

/// An exclusive lock on a state file, held for as long as this value lives, so that two runs never interleave
/// their writes to one state.
///
/// It is `flock(2)` on `<state>.lock`: the kernel drops it when the process ends however it ends (`kill -9`
/// included), so a crashed run never leaves a stale lock behind. The lock file itself stays; it holds no data.
public final class StateLock: Sendable {
    private let descriptor: Int32

    /// Takes the lock, or fails at once, naming the file, when another process holds it.
    public convenience init(statePath: String) throws(StoreError) {
        try self.init(
            lockPath: statePath + ".lock", subject: statePath,
            busy: "another proofmark process is using this state file; wait for it to finish (or stop it) and run again"
        )
    }

    /// Takes the lock of an output folder (`<folder>/.proofmark.lock`): two runs writing one folder with different
    /// state files would leave outputs that disagree.
    public convenience init(outputFolder: URL) throws(StoreError) {
        try self.init(
            lockPath: outputFolder.appendingPathComponent(".proofmark.lock").path, subject: outputFolder.path,
            busy: "another proofmark process is writing this output folder; wait for it to finish (or stop it) "
                + "and run again")
    }

    /// Who takes a state file's review lock, and so how.
    public enum ReviewsLockHolder: Sendable {
        /// A review writing its decisions (`proofmark review`, a decision in `serve`): a shared lock, so that two
        /// reviews (two terminals, two browser tabs) never refuse each other; SQLite orders their writes. Fails at once
        /// while a merge holds the lock.
        case review
        /// A merge replacing the state file: an exclusive lock, waiting for every review that is writing.
        case merge
    }

    /// Takes the lock on a state file's review decisions (`<state>.reviews.lock`): a review holds it (shared) while
    /// it writes its decisions, and a merge (exclusive) while it carries the decisions of the file it replaces into
    /// the new one, so that no decision is written into a file that a merge is about to replace (and lost with it).
    ///
    /// A night's run does not take it: the run and a review write one SQLite file through transactions and never
    /// lose each other's rows. A merge waits for the reviews writing (their few milliseconds); a review fails at
    /// once while a merge holds it, naming the file (refused while a merge runs, to be tried again).
    public convenience init(reviewsOf statePath: String, for holder: ReviewsLockHolder) throws(StoreError) {
        try self.init(
            lockPath: statePath + ".reviews.lock", subject: statePath,
            busy: "a merge is replacing this state file; the decision was not recorded: try again when it finishes",
            wait: holder == .merge, shared: holder == .review)
    }

    private init(
        lockPath: String, subject statePath: String, busy busyMessage: String, wait: Bool = false,
        shared: Bool = false
    ) throws(StoreError) {
        do {
            try FileManager.default.createDirectory(
                at: URL(fileURLWithPath: lockPath).deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw StoreError(path: lockPath, message: "cannot create its folder: \(error.localizedDescription)")
        }
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw StoreError(
                path: lockPath, message: "cannot open the lock file: \(String(cString: strerror(errno)))", cause: .io)
        }
        let kind = shared ? LOCK_SH : LOCK_EX
        var locked = flock(fd, wait ? kind : kind | LOCK_NB)
        while wait, locked != 0, errno == EINTR { locked = flock(fd, kind) }
        guard locked == 0 else {
            let busy = errno == EWOULDBLOCK
            let reason = String(cString: strerror(errno))
            close(fd)
            throw StoreError(
                path: statePath,
                message: busy ? busyMessage : "cannot lock: \(reason)", cause: busy ? .inUse : .io)
        }
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
